"""Reading page files: what is refused (with its one-line message), decoding, HTML told by content."""

from __future__ import annotations

import codecs
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from segments.errors import InputError
from segments.importers.detect import decode_page, is_binary, page_kind
from segments.importers.read import read_page, source_path
from tests.conftest import EXAMPLES

SEED_RADIO = "000_ffc6ea54557d44a1.txt"
SEED_QA = "002_11b01c9f8ba00177.txt"

LATIN = "Señor García said “hello” to the naïve café owner — twice.\n"
#: Copied from a web page: the no-break space at the end is byte A0 in Windows-1252.
NBSP_LINE = (
    "I think intimacy is the key that I try to create between the viewer and my characters "
    "because I think that's the most important aspect of storytelling in film.\u00a0"
)
#: From the seed page: one curly apostrophe (byte 92) was read as "ĺ" (cp852) before.
CAPTIONED = (
    "Riley Keough (left) and Jena Malone star in So Yong Kim's latest film,\n"
    'Riley Keough (left) and Jena Malone star in So Yong Kim\'s latest film, "Lovesong."\n'
    "So Yong Kim\n\n"
    "The Frame’s James Kim recently spoke with the director about how she got into filmmaking, "
    "her personal inspiration behind the movie, and why she's attracted to making intimate "
    "films. \n\n\nGetting into filmmaking:"
)
GERMAN = "Die Straße führt über die Brücke nach Köln, sagte Jürgen.\n"
STATION_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}"><title>Interview: Café owner</title></head>
<body><article><h1>Interview: Café owner</h1>
<p>{text}</p>
<p>Señor García runs the café on the corner and has for thirty years.</p>
</article></body></html>
"""


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


REFUSED: list[tuple[str, Callable[[Path], object], str]] = [
    ("missing", lambda p: None, "no such file"),
    ("directory", lambda p: p.mkdir(), "is a directory"),
    ("empty", lambda p: write(p, b""), "is empty"),
    ("blank", lambda p: write(p, b" \n\n\t\r\n"), "is empty"),
    ("utf-8 bom only", lambda p: write(p, codecs.BOM_UTF8 + b"\n"), "is empty"),
    (
        "utf-16 bom only",
        lambda p: write(p, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")),
        "is empty",
    ),
    ("nul bytes", lambda p: write(p, b"Title\n\x00\x01\x02 data"), "is a binary file, not a page"),
    (
        "control bytes",
        lambda p: write(p, b"text" + bytes(range(1, 9)) * 4 + b"more text"),
        "is a binary file, not a page",
    ),
    (
        "pdf",
        lambda p: write(p, b"%PDF-1.7\n%\xe2\xe3\n1 0 obj"),
        "is a binary file (PDF document), not a page",
    ),
    (
        "png",
        lambda p: write(p, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "is a binary file (PNG image), not a page",
    ),
    (
        "mp3",
        lambda p: write(p, b"ID3\x04\0\0\0\0\0\x00"),
        "is a binary file (MP3 audio), not a page",
    ),
    (
        "m4a",
        lambda p: write(p, b"\0\0\0\x20ftypM4A \0\0\0\0"),
        "is a binary file (M4A audio), not a page",
    ),
    (
        "no encoding fits",
        lambda p: write(p, bytes(range(128, 256)) * 4),
        "is not text in any encoding segcast can recognise",
    ),
    (
        "truncated utf-16",
        lambda p: write(p, codecs.BOM_UTF16_LE + b"A"),
        "is not text in any encoding segcast can recognise",
    ),
    (
        "html without content",
        lambda p: write(p, b"<!DOCTYPE html><html><body><nav>Home</nav></body></html>"),
        "no article text or title found in this HTML page",
    ),
]


@pytest.mark.parametrize(("make", "message"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_refused_file_is_one_line_naming_it(
    make: Callable[[Path], object], message: str, tmp_path: Path
) -> None:
    path = tmp_path / "page.txt"
    make(path)
    with pytest.raises(InputError) as err:
        read_page(path)
    assert str(err.value) == f"{path}: {message}"
    assert err.value.exit_code == 1


def test_unreadable_file_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", b"Title\n\nText.\n")

    real_open = os.open

    def denied(name: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)  # chmod 0 does not stop root
    with pytest.raises(InputError) as err:
        read_page(path)
    assert str(err.value) == f"{path}: cannot read: Permission denied"


@pytest.mark.parametrize(
    ("data", "text", "warnings"),
    [
        ("Café ✓".encode(), "Café ✓", []),
        (codecs.BOM_UTF8 + "Café".encode(), "Café", []),
        (LATIN.encode("cp1252"), LATIN, ["decoded as cp1252 (not UTF-8)"]),
        (
            "Привет, как дела? Это тест кодировки.".encode("cp1251"),
            "Привет, как дела? Это тест кодировки.",
            ["decoded as cp1251 (not UTF-8)"],
        ),
        (NBSP_LINE.encode("cp1252"), NBSP_LINE, ["decoded as cp1252 (not UTF-8)"]),
        (GERMAN.encode("cp1252"), GERMAN, ["decoded as cp1252 (not UTF-8)"]),
        (CAPTIONED.encode("cp1252"), CAPTIONED, ["decoded as cp1252 (not UTF-8)"]),
        (
            "Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig.".encode("cp1250"),
            "Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig.",
            ["decoded as cp1250 (not UTF-8)"],
        ),
        ("Über".encode("utf-16"), "Über", ["decoded as UTF-16 (not UTF-8)"]),
        (
            "Señor López’s “café” — ".encode() + b"\x96 and \x93" + " naïve".encode(),
            "Señor López’s “café” — \ufffd and \ufffd naïve",
            ["decoded as UTF-8 with 2 invalid sequences replaced by U+FFFD"],
        ),
        (
            b'<meta charset="ISO-8859-1"><p>Caf\xe9 \x93quoted\x94</p>',
            '<meta charset="ISO-8859-1"><p>Café “quoted”</p>',
            ["decoded as windows-1252 (not UTF-8)"],
        ),
        (
            b'<?xml version="1.0" encoding="iso-8859-15"?><p>\xa4 5</p>',
            '<?xml version="1.0" encoding="iso-8859-15"?><p>€ 5</p>',
            ["decoded as iso-8859-15 (not UTF-8)"],
        ),
    ],
    ids=[
        "utf-8",
        "utf-8 bom",
        "cp1252 detected",
        "cp1251 detected",
        "cp1252 with a no-break space (read as cp775 before)",
        "cp1252 German",
        "cp1252 curly apostrophe (read as cp852 before)",
        "cp1250 Polish",
        "utf-16 bom",
        "utf-8 with stray cp1252 bytes (refused as undecodable before)",
        "declared latin-1",
        "xml declaration",
    ],
)
def test_decoding(data: bytes, text: str, warnings: list[str]) -> None:
    assert decode_page(data, "p") == (text, warnings)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<!doctype html>\n<title>x</title>", "html"),
        ("<html><body>Only text</body></html>", "html"),
        ("\n  <p>One fragment.</p>  \n", "html"),
        ("<div class=a><h2>Topic</h2><p>One</p><p>Two</p></div>", "html"),
        ("Hosted by John Horn\n\nAirs Weekdays at 3:30pm\n\nHeadline\n\nText.", "text"),
        ("Use <br> or <p> tags, she said, and the <b>bold</b> one.\n\nMore text.", "text"),
        ("MARK BANNERMAN: 3 < 5 and 7 > 2, so <this> is text.", "text"),
    ],
    ids=[
        "doctype",
        "html element",
        "fragment",
        "tags only",
        "station text",
        "tags mentioned",
        "angle brackets",
    ],
)
def test_page_kind_is_told_by_content(text: str, kind: str) -> None:
    assert page_kind(text) == kind


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"Title\n\x00\x01\x02 data", True),
        (b"text" + bytes(range(1, 9)) * 4 + b"more text", True),
        (b"Plain text\n", False),
        (LATIN.encode("cp1252"), False),
    ],
)
def test_is_binary(data: bytes, binary: bool) -> None:
    assert is_binary(data) is binary


def test_html_named_txt_and_text_named_html_go_by_content(tmp_path: Path) -> None:
    html = write(
        tmp_path / "station.txt", STATION_HTML.format(charset="utf-8", text=LATIN).encode()
    )
    text = write(
        tmp_path / "station.html", b"Interview: Cafe owner\n\nSenor Garcia runs the cafe.\n"
    )
    read_html, read_text = read_page(html), read_page(text)
    assert (read_html.kind, read_text.kind) == ("html", "text")
    assert read_html.segment.title == "Interview: Café owner"
    assert "<p>" not in str(read_html.segment.transcript) + str(read_html.segment.summary)
    assert read_text.segment.title == "Interview: Cafe owner"


def test_cp1252_html_page_is_read_with_a_warning(tmp_path: Path) -> None:
    page = STATION_HTML.format(charset="windows-1252", text=LATIN)
    result = read_page(write(tmp_path / "latin.html", page.encode("cp1252")))
    assert result.warnings == ["decoded as windows-1252 (not UTF-8)"]
    text = " ".join(p for s in result.segment.transcript for p in s.paragraphs)
    text += result.segment.summary or ""
    assert "Señor García runs the café" in text


@pytest.mark.parametrize("seed", [SEED_RADIO, SEED_QA])
def test_seed_pages_read_as_text_with_their_source(seed: str, shared: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.html"  # the extension must not matter
    shutil.copy(shared / "seeds" / seed, path)
    result = read_page(path)
    assert (result.kind, result.warnings) == ("text", [])
    assert result.segment.source is not None
    assert result.segment.source.path == str(path)
    assert result.segment.source.kind == "text"


def test_unreadable_airtimes_are_kept_as_text_with_a_warning(tmp_path: Path) -> None:
    page = (
        "Movies, music and more.\nHosted by John Horn\nAirs Sundays at 7\nArts\n\n"
        "A headline about a film\n\nThe director talked about her film and her family at length.\n"
    )
    result = read_page(write(tmp_path / "station.txt", page.encode()))
    assert result.warnings == [
        "airtimes kept as text only: cannot read airtimes: is 7:00 a.m. or p.m.? "
        "in 'Airs Sundays at 7'"
    ]
    schedule = result.segment.show.schedule if result.segment.show else None
    assert schedule is not None
    assert (schedule.text, schedule.airtimes) == ("Airs Sundays at 7", [])


#: (working directory, page as typed, segments folder as typed, stored source path). The show
#: folder is tmp/show, its page tmp/show/pages/a.html; "{tmp}" is the absolute tmp path.
SOURCE_PATHS = [
    ("show", "pages/a.html", "segments", "pages/a.html"),
    ("show", "./pages/../pages/a.html", "./segments/", "pages/a.html"),
    (".", "show/pages/a.html", "show/segments", "pages/a.html"),
    ("elsewhere", "../show/pages/a.html", "../show/segments", "pages/a.html"),
    ("elsewhere", "{tmp}/show/pages/a.html", "../show/segments", "pages/a.html"),
    ("show/pages", "a.html", "../segments", "pages/a.html"),
    ("show/pages", "a.html", "{tmp}/show/segments", "pages/a.html"),
    # Outside the show folder: kept as typed (a relative path would climb out of it).
    ("show", "../show/pages/a.html", "other/segments", "../show/pages/a.html"),
    ("elsewhere", "b.html", "../show/segments", "b.html"),
    ("elsewhere", "{tmp}/elsewhere/b.html", "../show/segments", "{tmp}/elsewhere/b.html"),
]


@pytest.mark.parametrize(("cwd", "page", "segments", "stored"), SOURCE_PATHS)
def test_source_path_is_relative_to_the_show_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, page: str, segments: str, stored: str
) -> None:
    (tmp_path / "show" / "pages").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / cwd)
    page, segments, stored = (v.replace("{tmp}", str(tmp_path)) for v in (page, segments, stored))
    assert source_path(Path(page), Path(segments)) == stored


def test_source_path_through_a_symbolic_link(tmp_path: Path) -> None:
    (tmp_path / "real" / "pages").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    page = tmp_path / "real" / "pages" / "a.html"
    assert source_path(page, tmp_path / "link" / "segments") == "pages/a.html"


def test_read_page_stores_the_source_path_for_its_segments_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "show" / "pages").mkdir(parents=True)
    write(tmp_path / "show" / "pages" / "a.txt", b"A headline\n\nA paragraph of the story.\n")
    monkeypatch.chdir(tmp_path)
    source = read_page(Path("show/pages/a.txt"), Path("show/segments")).segment.source
    assert source is not None and (source.path, source.kind) == ("pages/a.txt", "text")
    source = read_page(Path("show/pages/a.txt")).segment.source
    assert source is not None and source.path == "show/pages/a.txt"  # no folder: as typed


@pytest.mark.parametrize("path", sorted((EXAMPLES / "the-frame" / "segments").glob("*.md")))
def test_example_segments_name_their_page_as_import_would(path: Path) -> None:
    from segments.segmentfile import read_segment

    source = read_segment(path).source
    assert source is not None and source.path is not None
    page = path.parent.parent / source.path
    assert page.is_file()
    assert source_path(page, path.parent) == source.path
    again = read_page(page, path.parent).segment
    assert again.source is not None and again.slug == path.stem
    # The same page, named the same way (the page's hash and fingerprints are newer than the file).
    same = ("path", "url", "kind")
    assert [getattr(again.source, a) for a in same] == [getattr(source, a) for a in same]
