"""A segment's transcript as plain text: what USLT/©lyr embed and text/plain transcripts serve.

Each section reads like a printed interview: its heading on a line of its own, the question
after the questioner's name, and the answer after the speaker's name; further paragraphs of the
same speaker follow without a name. Parts are separated by one blank line.
"""

from __future__ import annotations

from segments.model import Section


def _labelled(name: str | None, text: str) -> str:
    """Return ``text`` after ``name:`` when the name is known."""
    return f"{name}: {text}" if name else text


def transcript_text(sections: list[Section]) -> str:
    """Return the transcript as plain text with headings, questions and speakers.

    >>> print(transcript_text([
    ...     Section(heading="Housing", question="Why now?", questioner="Kim",
    ...             speaker="Ana", paragraphs=["Because rents doubled.", "And wages did not."]),
    ...     Section(paragraphs=["Thanks."]),
    ... ]))
    Housing
    <BLANKLINE>
    Kim: Why now?
    <BLANKLINE>
    Ana: Because rents doubled.
    <BLANKLINE>
    And wages did not.
    <BLANKLINE>
    Thanks.
    <BLANKLINE>
    >>> transcript_text([])
    ''
    """
    parts: list[str] = []
    for section in sections:
        if section.heading and section.heading.strip():
            parts.append(section.heading.strip())
        if section.question and section.question.strip():
            parts.append(_labelled(section.questioner, section.question.strip()))
        paragraphs = [p.strip() for p in section.paragraphs if p.strip()]
        for index, paragraph in enumerate(paragraphs):
            parts.append(_labelled(section.speaker if index == 0 else None, paragraph))
    return "\n\n".join(parts) + "\n" if parts else ""
