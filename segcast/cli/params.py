"""Typed command-line parameters: each converts once and fails with a precise usage error."""

from __future__ import annotations

from typing import Any

import click

from segcast.config import AUDIO_RANGES, parse_bitrate

__all__ = ["BITRATE", "Bitrate"]


class Bitrate(click.ParamType[int]):
    """A CBR bit rate in kbit/s (``128``, ``128k``, ``128000``), in the range ``[audio]`` allows."""

    name = "bitrate"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            kbps = value
        else:
            try:
                kbps = parse_bitrate(str(value))
            except ValueError as exc:
                self.fail(str(exc), param, ctx)
        low, high, unit = AUDIO_RANGES["bitrate"]
        if not low <= kbps <= high:
            self.fail(f"{kbps} {unit} is outside {low:g}..{high:g}", param, ctx)
        return kbps


BITRATE = Bitrate()
