"""Clock-style timecodes: every form the readers meet, and every form the writers produce."""

from __future__ import annotations

import pytest

from segments.timecode import format_clock, format_timecode, parse_timecode


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("01:02:03.500", 3723.5),
        ("1:02:03.5", 3723.5),
        ("00:00:02,399", 2.399),
        ("02:03,500", 123.5),
        ("00:12:34.769", 754.769),
        ("0:53", 53.0),
        ("11:31", 691.0),
        ("75:00", 4500.0),
        ("1:02:03", 3723.0),
        ("100:00:00.000", 360000.0),
        ("75", 75.0),
        ("2.25", 2.25),
        ("123.4", 123.4),
        (" 00:01.5 ", 1.5),
    ],
)
def test_parse_timecode(text: str, seconds: float) -> None:
    assert parse_timecode(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("text", "seconds"), [("00:01:03.026", 63.026), ("00:01:10.052", 70.052), ("1:03,221", 63.221)]
)
def test_parse_timecode_is_the_nearest_float(text: str, seconds: float) -> None:
    # Exactly equal, as a millisecond written out must read back (60 + 3.026 is 63.025999999999996).
    assert parse_timecode(text) == seconds
    assert parse_timecode(format_timecode(seconds)) == seconds


@pytest.mark.parametrize(
    "text",
    ["", "1:75", "1:60:00", "0:75:00", "aa:bb", "1::2", "-1", "1:2:3:4", "1.2.3", "1.", ".5"],
)
def test_parse_timecode_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=f"^not a timecode: {text!r}$"):
        parse_timecode(text)


@pytest.mark.parametrize(
    ("seconds", "vtt", "srt", "trimmed", "clock", "chapter_line"),
    [
        (0, "00:00:00.000", "00:00:00,000", "00:00:00", "0:00", "00:00"),
        (2.3994, "00:00:02.399", "00:00:02,399", "00:00:02.399", "0:02", "00:02"),
        (59.9996, "00:01:00.000", "00:01:00,000", "00:01:00", "0:59", "00:59"),
        (754.9, "00:12:34.900", "00:12:34,900", "00:12:34.900", "12:34", "12:34"),
        (3723.5, "01:02:03.500", "01:02:03,500", "01:02:03.500", "1:02:03", "01:02:03"),
        (3723, "01:02:03.000", "01:02:03,000", "01:02:03", "1:02:03", "01:02:03"),
    ],
)
def test_formatters(
    seconds: float, vtt: str, srt: str, trimmed: str, clock: str, chapter_line: str
) -> None:
    assert (
        format_timecode(seconds),
        format_timecode(seconds, decimal=","),
        format_timecode(seconds, trim=True),
        format_clock(seconds),
        format_clock(seconds, padded=True),
    ) == (vtt, srt, trimmed, clock, chapter_line)
    assert parse_timecode(vtt) == pytest.approx(round(seconds, 3))
    assert parse_timecode(srt) == parse_timecode(vtt)
