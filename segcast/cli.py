"""The segcast command line: one group, subcommands registered from their own modules.

Only this layer talks to the user: errors are one line ``Error: where: what`` and a non-zero exit
code; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from segcast import __version__
from segments.errors import SegcastError


class SegcastGroup(click.Group):
    """A click group that turns SegcastError into one line and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SegcastError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=SegcastGroup)
@click.version_option(__version__, prog_name="segcast")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn radio segments and interviews into podcast episodes."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@cli.group()
def audio() -> None:
    """Inspect, master and tag episode audio."""


@cli.group()
def feed() -> None:
    """Build and validate podcast feeds."""


# Each command lives in the module that owns its stage; imported here, after the groups exist.
from segcast import (  # noqa: E402  # noqa: E402
    audio_commands,
    build_command,
    feed_commands,
    import_command,
    init_command,
    tag_command,
    validate_command,
)

cli.add_command(import_command.import_command)
cli.add_command(build_command.build)
cli.add_command(init_command.init)
audio.add_command(audio_commands.inspect)
audio.add_command(audio_commands.master)
audio.add_command(tag_command.tag)
feed.add_command(feed_commands.build)
feed.add_command(validate_command.validate)


def main() -> None:
    """Entry point of the ``segcast`` console script."""
    cli(obj={})
