"""The one error root every segcast package raises (house style, rule 6)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

#: Exit codes the command line uses: 1 for bad input, 2 for usage errors (click's own).
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


class SegcastError(Exception):
    """A problem a user can act on: printed as one line ``where: what``, never a traceback.

    ``where`` is the file (or URL, or key) the problem is in; ``exit_code`` is what the command
    line exits with.
    """

    exit_code: int = EXIT_BAD_INPUT

    def __init__(
        self, message: str, where: str | Path | None = None, *, exit_code: int | None = None
    ) -> None:
        self.message = message
        self.where = str(where) if where is not None else None
        #: The separate problems this error holds (``combined``); empty for a single one.
        self.parts: tuple[SegcastError, ...] = ()
        if exit_code is not None:
            self.exit_code = exit_code
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def each(self) -> list[SegcastError]:
        """Return the separate problems: those it combines, else itself alone."""
        return list(self.parts) or [self]

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt whole when it crosses a process boundary (an audio job in a process pool):
        # the default would call cls(str(self)) and lose ``where`` and the exit code.
        return (_rebuild, (type(self), self.message, self.where, self.exit_code, self.parts))


def _rebuild(
    kind: type[SegcastError],
    message: str,
    where: str | None,
    exit_code: int,
    parts: tuple[SegcastError, ...] = (),
) -> SegcastError:
    error = kind(message, where, exit_code=exit_code)
    error.parts = parts
    return error


class InputError(SegcastError):
    """An input file (page, segment file, audio, image, feed) is missing, unreadable or wrong."""


class ConfigError(SegcastError):
    """The show configuration is wrong: names the key and the file."""


class ScheduleError(SegcastError):
    """Airtime text that cannot be parsed; the message quotes it."""


class AudioError(SegcastError):
    """Decoding, measuring, mastering or tagging audio failed."""


class FeedError(SegcastError):
    """A feed cannot be built or read."""


E = TypeVar("E", bound=SegcastError)


def combined(errors: Sequence[E]) -> E:
    """Return one error of the first one's kind that holds all of ``errors``, one line each.

    Its text is ``where: what`` per problem, joined by line breaks; :meth:`SegcastError.each`
    gives them apart, and the command line prints each as an ``Error:`` line of its own (a file
    with three problems is fixed in one round).
    """
    first, *rest = errors
    if not rest:
        return first
    message = first.message + "".join(f"\n{error}" for error in rest)
    error = type(first)(message, first.where, exit_code=first.exit_code)
    error.parts = tuple(part for each in errors for part in each.each())
    return error
