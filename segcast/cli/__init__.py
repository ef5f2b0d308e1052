"""The segcast command line: one group, each subcommand in its own module, loaded when used.

Only this layer talks to the user: errors are one line ``Error: where: what`` and a non-zero exit
code; ``--debug`` shows the traceback instead. Subcommands are imported only when invoked (or
listed by ``--help``), so ``segcast audio master`` never loads the HTML importer or the feed stack.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from segcast import __version__
from segments.errors import SegcastError

__all__ = ["cli", "main"]


class LazyGroup(click.Group):
    """A click group whose subcommands are ``"module:attribute"`` names, imported on first use."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

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
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)


#: Every command: its name under its group -> the module and attribute that define it.
COMMANDS: dict[str, dict[str, str]] = {
    "": {
        "init": "segcast.cli.init:init",
        "import": "segcast.cli.import_:import_command",
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
    """Entry point of the ``segcast`` console script."""
    cli(obj={})
