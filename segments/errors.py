"""The one error root every segcast package raises (house style, rule 6)."""

from __future__ import annotations

from pathlib import Path

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
        if exit_code is not None:
            self.exit_code = exit_code
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt whole when it crosses a process boundary (an audio job in a process pool):
        # the default would call cls(str(self)) and lose ``where`` and the exit code.
        return (_rebuild, (type(self), self.message, self.where, self.exit_code))


def _rebuild(
    kind: type[SegcastError], message: str, where: str | None, exit_code: int
) -> SegcastError:
    return kind(message, where, exit_code=exit_code)


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
