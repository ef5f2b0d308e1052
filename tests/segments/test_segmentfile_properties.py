"""Property: any segment the importers can produce writes and reads back as an equal Segment.

Hypothesis generates text from the characters real pages use, Markdown's own marks included
(``* _ # > [ ] ( ) : ? \\ `` and quotes), so a paragraph that happens to look like a heading, a
question, a speaker label or a time mark must still come back as the same paragraph.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from segments.model import (
    ROLES,
    AudioRef,
    Chapter,
    Image,
    Person,
    Section,
    Segment,
    Source,
)
from segments.segmentfile import format_segment, parse_segment
from segments.values import SLUG_CHARS

# Words as pages have them: letters, digits, punctuation, Markdown marks, non-ASCII.
_CHARS = st.sampled_from([*"abcXYZ09é’“”—–*_#>[]():?\\`'\"-.,!&%/+=~|{}<@$;", "ß", "ü", "✓"])
WORD = st.text(_CHARS, min_size=1, max_size=8)
TEXT = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
NAME = st.lists(
    st.text(st.sampled_from(list("ABCDEFGHabcdefghé'-.")), min_size=1, max_size=7),
    min_size=1,
    max_size=3,
).map(" ".join)
PARAGRAPHS = st.lists(TEXT, min_size=1, max_size=3)


@st.composite
def sections(draw: st.DrawFn) -> Section:
    question = draw(st.none() | TEXT)
    return Section(
        paragraphs=draw(PARAGRAPHS),
        heading=draw(st.none() | TEXT),
        question=question,
        speaker=draw(st.none() | NAME),
        # Who asked is only known with a question (the format writes them together).
        questioner=draw(st.none() | NAME) if question is not None else None,
    )


@st.composite
def segments(draw: st.DrawFn) -> Segment:
    published = draw(
        st.none()
        | st.dates(date(1990, 1, 1), date(2030, 1, 1))
        | st.datetimes(datetime(1990, 1, 1), datetime(2030, 1, 1)).map(
            lambda d: d.replace(microsecond=0, tzinfo=UTC)
        )
    )
    return Segment(
        slug=draw(
            st.from_regex(r"[a-z0-9]+(-[a-z0-9]+){0,4}", fullmatch=True).filter(
                lambda slug: len(slug) <= SLUG_CHARS
            )
        ),
        title=draw(TEXT),
        summary=draw(st.none() | PARAGRAPHS.map("\n\n".join)),
        published=published,
        people=draw(st.lists(st.builds(Person, NAME, st.sampled_from(ROLES)), max_size=3)),
        images=draw(
            st.lists(st.builds(Image, st.none(), st.none() | TEXT, st.none() | TEXT), max_size=2)
        ),
        audio=draw(
            st.none()
            | st.builds(
                AudioRef,
                url=st.just("https://example.org/a.mp3"),
                label=st.none() | TEXT,
                size_bytes=st.none() | st.integers(1, 10**10),
                size_is_estimate=st.booleans(),
            )
        ),
        transcript=draw(st.lists(sections(), max_size=4)),
        chapters=draw(
            st.lists(
                st.builds(Chapter, st.integers(0, 36000).map(float), TEXT),
                max_size=3,
                unique_by=lambda c: c.start_seconds,
            ).map(lambda cs: sorted(cs, key=lambda c: c.start_seconds))
        ),
        source=draw(st.none() | st.just(Source(path="pages/a.html", kind="html"))),
        show_notes=draw(st.none() | PARAGRAPHS.map("\n\n".join)),
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(segments())
def test_written_segment_reads_back_equal(segment: Segment) -> None:
    text = format_segment(segment)
    assert parse_segment(text, where="x.md") == segment
