"""Typed command-line parameters: each converts once and fails with a precise usage error.

The ranges are audio.settings' ``SETTING_RANGES``, the same table show.toml's ``[audio]`` is
checked against, so a value the command line accepts is one the config accepts, and the reverse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from audio.settings import SETTING_RANGES
from segcast.bitrate import parse_bitrate

__all__ = [
    "BITRATE",
    "NO_WAIT",
    "RENAMED",
    "Bitrate",
    "OutputPath",
    "Setting",
    "renamed_option",
    "say_waiting",
]


class OutputPath(click.Path):
    """A file or folder to write: like ``click.Path``, but an empty name is a usage error.

    ``-o ''`` would otherwise mean the working directory.
    """

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("must not be empty; name a file or folder", param, ctx)
        return super().convert(value, param, ctx)


#: Every command that writes into a show folder waits for another one writing there, unless told.
NO_WAIT = click.option(
    "--no-wait",
    is_flag=True,
    help="Refuse at once when another segcast command is writing to the show folder.",
)


def say_waiting(message: str) -> None:
    """Tell the user the command waits for the show folder's lock (on stderr)."""
    click.echo(message, err=True)


class Setting(click.ParamType[Any]):
    """A number for the MasterSettings field ``field``, inside its allowed range."""

    def __init__(self, field: str, kind: type[float] | type[int] = float) -> None:
        self.field = field
        self.kind = kind
        self.name = SETTING_RANGES[field].unit

    def number(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Return ``value`` as this setting's kind of number (override to read other forms)."""
        try:
            return self.kind(value)
        except (TypeError, ValueError):
            what = "a whole number" if self.kind is int else "a number"
            self.fail(f"{value!r} is not {what}", param, ctx)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = self.number(value, param, ctx)
        problem = SETTING_RANGES[self.field].problem(number)
        if problem is not None:
            self.fail(problem, param, ctx)
        return number


class Bitrate(Setting):
    """A CBR bit rate in kbit/s (``128``, ``128k``, ``128000``)."""

    def __init__(self) -> None:
        super().__init__("bitrate_kbps", int)
        self.name = "bitrate"

    def number(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_bitrate(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


BITRATE = Bitrate()


#: Flags renamed to the name show.toml's ``[audio]`` uses for the same setting (one name per
#: setting; a file has no --help beside it, so the unit stays in the name) -> the new flag. The old
#: flag still works, hidden, with a deprecation warning.
RENAMED: dict[str, str] = {"--target": "--target-lufs", "--crossfade": "--crossfade-ms"}

_F = TypeVar("_F", bound=Callable[..., Any])


def renamed_option(old: str, type: click.ParamType[Any]) -> Callable[[_F], _F]:
    """Add the hidden flag ``old``: it sets what its new name (``RENAMED``) sets, and warns.

    Its value reaches the command as ``renamed_<name>``; :func:`pick` merges it.
    """
    new = RENAMED[old]

    def warn(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is not None:
            click.echo(
                f"Warning: {old} is deprecated; use {new} (the name show.toml's [audio] uses)",
                err=True,
            )
        return value

    name = "renamed_" + old.lstrip("-").replace("-", "_")
    return click.option(old, name, type=type, default=None, hidden=True, callback=warn)


def pick(new: Any, old: Any, default: Any) -> Any:
    """Return the value given under the new name, else the old name's, else ``default``."""
    return new if new is not None else old if old is not None else default
