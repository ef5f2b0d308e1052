"""The transcript as plain text: speakers, headings and questions, nothing lost or invented."""

from __future__ import annotations

import pytest

from segments.model import Section
from segments.transcript import transcript_text

CASES = [
    ([], ""),
    ([Section(paragraphs=["Hello."])], "Hello.\n"),
    ([Section(paragraphs=["Hello."], speaker="Kim Hill")], "Kim Hill: Hello.\n"),
    (
        [Section(paragraphs=["One.", "Two."], speaker="Ana")],
        "Ana: One.\n\nTwo.\n",
    ),
    (
        [Section(question="Why now?", paragraphs=["Because."])],
        "Why now?\n\nBecause.\n",
    ),
    (
        [
            Section(heading="Housing", question="Why now?", questioner="Kim", speaker="Ana",
                    paragraphs=["Because."]),
            Section(heading="Wages", paragraphs=["  Flat.  ", "   "], speaker="Ana"),
        ],
        "Housing\n\nKim: Why now?\n\nAna: Because.\n\nWages\n\nAna: Flat.\n",
    ),
    ([Section(heading="  ", question="", paragraphs=[])], ""),
]  # fmt: skip


@pytest.mark.parametrize(("sections", "expected"), CASES)
def test_transcript_text(sections: list[Section], expected: str) -> None:
    assert transcript_text(sections) == expected


def test_times_are_not_printed() -> None:
    timed = Section(paragraphs=["Hi."], speaker="Kim", start_seconds=12.0, end_seconds=14.5)
    assert transcript_text([timed]) == "Kim: Hi.\n"
