"""The one RFC 2822 parser: the feed validator's strict reading and the page reader's lenient one."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from segments.importers.htmlmeta import parse_published
from segments.rfc2822 import parse_rfc2822

UTC = UTC
PLUS1 = timezone(timedelta(hours=1))

#: value -> (strict reading, obsolete-syntax reading); None where it is no RFC 2822 date.
CASES: list[tuple[str, datetime | None, datetime | None]] = [
    (
        "Fri, 18 Mar 2022 09:46:00 GMT",
        datetime(2022, 3, 18, 9, 46, tzinfo=UTC),
        datetime(2022, 3, 18, 9, 46, tzinfo=UTC),
    ),
    (
        "18 Mar 2022 09:46 +0100",
        datetime(2022, 3, 18, 9, 46, tzinfo=PLUS1),
        datetime(2022, 3, 18, 9, 46, tzinfo=PLUS1),
    ),
    (
        "Fri, 18 Mar 2022 09:46:00 -0000",
        datetime(2022, 3, 18, 9, 46, tzinfo=UTC),
        datetime(2022, 3, 18, 9, 46, tzinfo=UTC),
    ),
    ("Fri, 18 Mar 2022 09:46:00 CET", datetime(2022, 3, 18, 9, 46), datetime(2022, 3, 18, 9, 46)),
    ("Fri, 18 Mar 22 09:46:00 GMT", None, datetime(2022, 3, 18, 9, 46, tzinfo=UTC)),
    ("Fri, 18 Mar 99 09:46:00 GMT", None, datetime(1999, 3, 18, 9, 46, tzinfo=UTC)),
    ("Fri, 18 Mar 2022 9:46:00 +0100 (CET)", None, datetime(2022, 3, 18, 9, 46, tzinfo=PLUS1)),
    ("Fri, 31 Feb 2022 09:46:00 GMT", None, None),
    ("Fri, 18 March 2022 09:46:00 GMT", None, None),
    ("Fri, 18 Mar 2022 09:46:00 +0175", None, None),
    ("2022-03-18T09:46:00Z", None, None),
]


@pytest.mark.parametrize(("value", "strict", "obsolete"), CASES)
def test_rfc2822_dates(value: str, strict: datetime | None, obsolete: datetime | None) -> None:
    got = parse_rfc2822(value)
    assert (got[0] if got else None) == strict
    if strict is not None:
        assert got is not None and (got[0].tzinfo is None) == (strict.tzinfo is None)
    lenient = parse_rfc2822(value, obsolete=True)
    assert (lenient[0] if lenient else None) == obsolete


def test_weekday_is_returned_as_named_not_checked() -> None:
    parsed = parse_rfc2822("Mon, 18 Mar 2022 09:46:00 GMT")
    assert parsed is not None and parsed[1] == "Mon" and parsed[0].weekday() == 4


@pytest.mark.parametrize(
    ("value", "published"),
    [
        # The page reader used to turn " GMT" into "+00:00" before the RFC 2822 parser, which
        # then saw no zone: the time was lost and only the day kept.
        ("Fri, 18 Mar 2022 09:46:00 GMT", datetime(2022, 3, 18, 9, 46, tzinfo=UTC)),
        ("Fri, 18 Mar 2022 09:46:00 CET", date(2022, 3, 18)),  # the offset is unknown
        ("2014-01-26 21:32:46 UTC", datetime(2014, 1, 26, 21, 32, 46, tzinfo=UTC)),
        ("Fri 18 Mar 2022 09:46:00 GMT", None),
    ],
)
def test_page_dates_read_through_the_one_parser(value: str, published: object) -> None:
    assert parse_published(value) == published
