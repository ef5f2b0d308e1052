"""The segcast command line: one group, each subcommand in its own module, loaded when used.

Only this layer talks to the user: errors are one line ``Error: where: what`` and a non-zero exit
code; ``--debug`` shows the traceback instead. Subcommands are imported only when invoked (or
listed by ``--help``), so ``segcast audio master`` never loads the HTML importer or the feed stack.
"""

from __future__ import annotations

import importlib
import signal
import sys
import textwrap
from types import FrameType
from typing import Any

import click

from segcast import __version__
from segments.errors import SegcastError

__all__ = ["Terminated", "cli", "main"]

#: The exit code of a command stopped by SIGTERM (the shell's 128 + signal number).
EXIT_TERMINATED = 128 + signal.SIGTERM


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl-C, so every temp file, folder and lock is cleaned up.

    A BaseException, as KeyboardInterrupt is, so no ``except Exception`` takes it for a
    per-item problem and goes on.
    """


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


class LazyGroup(click.Group):
    """A click group whose subcommands are ``"module:attribute"`` names, imported on first use."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands with their ``SUMMARIES`` line: ``--help`` imports none of them."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max((len(name) for name in names), default=0)
        rows = []
        for name in names:
            if name in self.lazy:
                summary = textwrap.shorten(
                    SUMMARIES.get(self.lazy[name], ""), limit, placeholder="..."
                )
            else:  # a group defined in this module
                summary = self.commands[name].get_short_help_str(limit)
            rows.append((name, summary))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module, _, attribute = self.lazy[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)


class SegcastGroup(LazyGroup):
    """The root group: turns SegcastError into one line and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SegcastError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            for part in exc.each():  # several problems at once: one line each
                click.echo(f"Error: {part}", err=True)
            sys.exit(exc.exit_code)


#: Every command: its name under its group -> the module and attribute that define it.
COMMANDS: dict[str, dict[str, str]] = {
    "": {
        "init": "segcast.cli.init:init",
        "import": "segcast.cli.import_:import_command",
        "import-feed": "segcast.cli.import_feed:import_feed_command",
        "build": "segcast.cli.build:build",
        "pair": "segcast.cli.pair:pair",
        "serve": "segcast.cli.serve:serve",
    },
    "audio": {
        "inspect": "segcast.cli.audio:inspect",
        "master": "segcast.cli.audio:master",
        "tag": "segcast.cli.tag:tag",
    },
    "feed": {
        "build": "segcast.cli.feed:build",
        "validate": "segcast.cli.validate:validate",
    },
}


#: Each command's first help sentence, which ``--help`` lists (a test keeps it the command's own).
SUMMARIES: dict[str, str] = {
    "segcast.cli.init:init": ("Make a new show folder SHOW_DIR (it must not exist, or be empty)."),
    "segcast.cli.import_:import_command": (
        "Import segment pages (plain text or HTML, told apart by content) as segment files."
    ),
    "segcast.cli.import_feed:import_feed_command": (
        "Make a show folder DIR from an existing feed, every GUID, date and enclosure kept."
    ),
    "segcast.cli.build:build": (
        "Import pages, master and tag audio, build the feed and publish it, for SHOW_DIR."
    ),
    "segcast.cli.pair:pair": (
        "Pair SEGMENT_FILE's transcript with TIMED_FILE (WebVTT, SRT, JSON, Whisper, log...)."
    ),
    "segcast.cli.serve:serve": (
        "Preview the published folder OUT over HTTP (Range, ETag, CORS) until Ctrl-C."
    ),
    "segcast.cli.audio:inspect": (
        "Show FILE's codec, duration, loudness, true peak, tags, chapters and cover."
    ),
    "segcast.cli.audio:master": (
        "Master SOURCE to podcast loudness as MP3 or M4A; SOURCE is never changed."
    ),
    "segcast.cli.tag:tag": (
        "Write title, show, hosts, cover, chapters and transcript into FILE's tags, in place."
    ),
    "segcast.cli.feed:build": (
        "Build the podcast feed of the show in SHOW_DIR (show.toml and segments/*.md)."
    ),
    "segcast.cli.validate:validate": (
        "Check FEED (a file or an http(s) URL) against Apple, Spotify and Podcasting 2.0 rules."
    ),
}


@click.group(cls=SegcastGroup, lazy=COMMANDS[""])
@click.version_option(__version__, prog_name="segcast")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn radio segments and interviews into podcast episodes."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@cli.group("audio", cls=LazyGroup, lazy=COMMANDS["audio"])
def audio_group() -> None:
    """Inspect, master and tag episode audio."""


@cli.group("feed", cls=LazyGroup, lazy=COMMANDS["feed"])
def feed_group() -> None:
    """Build and validate podcast feeds."""


def main() -> None:
    """Entry point of the ``segcast`` console script.

    SIGTERM (a service manager's stop, ``kill``) unwinds the command as Ctrl-C does: outputs
    being written are removed, OUT stays as it was, and the exit code is 143.
    """
    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli(obj={})
    except Terminated:
        click.echo("Error: terminated (SIGTERM); nothing was half-written", err=True)
        sys.exit(EXIT_TERMINATED)
