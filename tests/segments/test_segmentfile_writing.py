"""Segment files as a producer meets them: quoted titles, a template of the keys not filled, and
YAML mistakes told in the producer's words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from segments.errors import InputError
from segments.model import Chapter, Image, Person, Segment
from segments.segmentfile import (
    SEGMENT_KEYS,
    TEMPLATE_HEADING,
    format_segment,
    read_segment,
    write_segment,
)

#: Text YAML would misread if written plain: each must be double-quoted and read back equal.
AWKWARD = [
    "'Lovesong': Another intimate film from director So Yong Kim",
    "Lovesong: Another intimate film",
    '"Lovesong" is fun',
    "*starred",
    "&anchored",
    "!tagged",
    "? a question",
    "- a dash",
    "# not a comment",
    "yes",
    "null",
    "1984",
    "2016-04-05",
    "trailing space ",
    "tab\there",
    "100% [sure] {really}",
    "a #hash in the middle",
    "ends with a colon:",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_is_double_quoted_and_reads_back_equal(text: str, tmp_path: Path) -> None:
    segment = Segment(
        slug="s",
        title=text,
        people=[Person(text, "guest")],
        images=[Image(caption=text, credit=text)],
        chapters=[Chapter(start_seconds=0.0, title=text)],
    )
    path = tmp_path / "s.md"
    write_segment(segment, path, template=True)
    front = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    assert front.startswith('---\ntitle: "'), front
    assert "''" not in front  # YAML's single-quote doubling: unreadable by hand
    assert read_segment(path) == segment


def test_a_plain_title_is_quoted_too_and_plain_text_elsewhere_stays_plain() -> None:
    text = format_segment(Segment(slug="s", title="Plain words", people=[Person("Ana", "host")]))
    assert 'title: "Plain words"\n' in text
    assert "- name: Ana\n  role: host\n" in text


def test_template_has_every_key_not_filled_as_a_comment(tmp_path: Path) -> None:
    segment = Segment(slug="lovesong", title="Lovesong", people=[Person("So Yong Kim", "guest")])
    path = tmp_path / "lovesong.md"
    write_segment(segment, path, template=True)
    front = path.read_text(encoding="utf-8").split("\n---\n", 1)[0].splitlines()
    commented = [line[2:].split(":", 1)[0] for line in front if line.startswith("# ")]
    assert front[front.index(TEMPLATE_HEADING) - 1].startswith("  role: guest")
    filled = {"title", "slug", "people"}
    assert commented[1:] == [key for key in SEGMENT_KEYS if key not in filled]
    assert read_segment(path) == segment  # comments change nothing read


def test_every_template_line_uncommented_is_a_valid_file(tmp_path: Path) -> None:
    """The examples are real values: a producer who removes '# ' gets a file that reads."""
    text = format_segment(Segment(slug="x", title="T"), template=True)
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and line != TEMPLATE_HEADING else line
        for line in text.split("\n")
    )
    path = tmp_path / "x.md"
    path.write_text(uncommented, encoding="utf-8")
    segment = read_segment(path)
    assert segment.raw == Path("raw/lovesong-take-2.wav")
    assert [c.title for c in segment.chapters] == ["Opening", "The film"]
    assert segment.episode_type == "bonus"
    assert segment.audio is not None and segment.audio.size_bytes == 31457280
    assert all(yaml.safe_load(spec.example) is not None for spec in SEGMENT_KEYS.values())


def test_without_template_nothing_is_commented() -> None:
    assert "#" not in format_segment(Segment(slug="x", title="T"))


#: A producer's slip -> the one line that says what to do.
SLIPS = [
    (
        "a colon in the title",
        "---\nslug: x\ntitle: Lovesong: Another film\n---\n",
        'line 3: title: put the title in double quotes ("...")',
    ),
    (
        "a colon in a caption",
        "---\ntitle: T\nimages:\n- caption: A: b\n---\n",
        'line 4: caption: put the value in double quotes ("...")',
    ),
    (
        "a quote then more words",
        '---\ntitle: "Lovesong" the film\n---\n',
        'line 2: title: put the title in double quotes ("...") and write a " inside it as \\"',
    ),
    (
        "a leading star",
        "---\ntitle: *Lovesong\n---\n",
        'line 2: title: put the title in double quotes ("...")',
    ),
    (
        "quotes and a colon in the title",
        '---\ntitle: The "Lovesong" film: a review\n---\n',
        'line 2: title: put the title in double quotes ("...") and write a " inside it as \\"',
    ),
    (
        "a reserved character first",
        "---\ntitle: T\nimages:\n- credit: @janeroe\n---\n",
        'line 4: credit: put the value in double quotes ("...")',
    ),
    (
        "a leading bar",
        "---\ntitle: | the bar\n---\n",
        'line 2: title: put the title in double quotes ("...")',
    ),
    (
        "a tab",
        "---\ntitle: T\npeople:\n-\tname: A\n---\n",
        "line 4: a tab character; YAML indents with spaces only",
    ),
    (
        "a key indented under nothing",
        "---\ntitle: T\n slug: x\n---\n",
        "line 3: slug: not lined up with the keys above it (indent by whole levels)",
    ),
    (
        "a list entry's key out of line",
        "---\ntitle: T\npeople:\n  - name: A\n   role: guest\n---\n",
        "line 5: role: not lined up with the keys above it (indent by whole levels)",
    ),
    (
        "an unclosed quote",
        '---\ntitle: "Lovesong\nslug: x\n---\n',
        "line 2: title: the quote opened here is not closed on its line",
    ),
]


@pytest.mark.parametrize(("text", "message"), [s[1:] for s in SLIPS], ids=[s[0] for s in SLIPS])
def test_yaml_slips_are_one_line_saying_the_fix(text: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "segments" / "x.md"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_segment(path)
    assert str(err.value) == f"{path}: {message}"
    # The hint is true: quoting the value (as the writer does) makes the file read.
    if "double quotes" in message:
        key = message.split(": ")[1]
        fixed = []
        for line in text.split("\n"):
            name, sep, value = line.partition(f"{key}: ")
            if sep and name.strip(" -") == "":
                value = value.replace('"', '\\"')
                line = f'{name}{key}: "{value}"'
            fixed.append(line)
        path.write_text("\n".join(fixed), encoding="utf-8")
        read_segment(path)


def test_values_compared_by_an_update_are_what_the_file_holds() -> None:
    from segments.segmentfile import segment_values

    segment = Segment(slug="s", title="T: x", summary="One.\n\nTwo.", people=[Person("A", "host")])
    values = segment_values(segment)
    assert values == {
        "title": "T: x",
        "slug": "s",
        "people": [{"name": "A", "role": "host"}],
        "summary": "One.\n\nTwo.",
    }
