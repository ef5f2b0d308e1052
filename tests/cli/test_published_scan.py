"""A scan of everything published: hostile text planted in every field that reaches output, then
every file of OUT (feed, pages, chapters JSON, transcripts, calendar, ID3 frames) searched for
scripts, event handlers, markup in plain text and URLs that are not http(s).

The scanner is written here, apart from the code under test: it parses each file as a reader
does (lxml for XML and HTML, json, mutagen for ID3) and knows nothing of segcast's sanitisers. The
planted values are ones the readers of show.toml and segment files accept (text may hold HTML);
hostile URLs are refused at the boundary or by the writers, which the second test checks.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import mutagen
import mutagen.id3
import pytest
from click.testing import CliRunner
from lxml import etree

from segcast.cli import cli
from segments.model import Chapter, Image, Person, Section
from segments.segmentfile import read_segment, write_segment
from tests.audio.signals import speech_like, write_wav
from tests.conftest import EXAMPLES

ID3: Any = mutagen.id3.ID3

LOVESONG = "lovesong-another-intimate-film-from-director-so-yong-kim"
GOLD = "interview-with-director-kyungjin-song"

#: What a script or handler would do if it ran; never expected anywhere in OUT as markup.
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
SVG = "<svg/onload=alert(3)>"
ESCAPED = "&lt;script&gt;alert(4)&lt;/script&gt;"
LINK = '<a href="javascript:alert(5)">more</a>'
HOSTILE = f"{SCRIPT} {IMG} {SVG} {ESCAPED} {LINK}"

#: Schemes a published URL may have.
WEB = ("http", "https")
#: Markup in text: a "<" that opens a tag, a comment or a declaration.
MARKUP = re.compile(r"<\s*[a-zA-Z!/?]")
HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
#: Attributes of HTML and of the feed that hold URLs.
HTML_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "srcset", "cite"}
FEED_URL_ATTRIBUTES = {"url", "href", "img", "uri", "feedUrl", "srcset"}
FEED_URL_TEXTS = {"link", "url", "docs", "comments", "new-feed-url"}
FEED_HTML_TEXTS = {"description", "encoded", "summary"}
META_URLS = {"og:url", "og:image", "og:audio", "twitter:image"}


def scheme(url: str) -> str | None:
    """The scheme a browser reads (tabs, newlines and spaces ignored), None when relative."""
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", re.sub(r"[\x00-\x20\x7f]", "", url))
    return match.group(1).lower() if match else None


def url_problem(where: str, url: str) -> list[str]:
    found = scheme(url)
    return [] if found is None or found in WEB else [f"{where}: {found}: URL {url!r}"]


def text_problems(where: str, text: str) -> list[str]:
    """Plain text (a title, a name, a frame) that a reader may render as HTML: no markup."""
    problems = []
    if MARKUP.search(text):
        problems.append(f"{where}: markup in text {text[:80]!r}")
    if scheme(text) in ("javascript", "vbscript", "data", "file"):
        problems.append(f"{where}: active URL as text {text[:80]!r}")
    return problems


def html_problems(where: str, markup: str, *, page: bool) -> list[str]:
    """HTML a reader renders: no script but the site's own, no handler, only web URLs."""
    problems = []
    if page:
        doc = lxml.html.document_fromstring(markup)
        elements = list(doc.iter())
    else:
        elements = [
            el
            for fragment in lxml.html.fragments_fromstring(markup)
            if isinstance(fragment, lxml.html.HtmlElement)
            for el in fragment.iter()
        ]
    for el in elements:
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag == "script":
            ours = page and (
                (el.get("src") == "site.js" and not (el.text or "").strip())
                or (el.get("type") == "application/ld+json" and "<" not in (el.text or ""))
            )
            if not ours:
                problems.append(f"{where}: a script {etree.tostring(el)[:80]!r}")
            if el.get("type") == "application/ld+json":
                problems += json_problems(
                    f"{where} JSON-LD", json.loads(el.text or "{}"), text=False
                )
        elif tag in ("iframe", "object", "embed", "frame", "base", "form"):
            problems.append(f"{where}: a <{tag}>")
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"{where}: handler {name}= on <{tag}>")
            if name.lower() in HTML_URL_ATTRIBUTES:
                problems += url_problem(f"{where} <{tag} {name}>", value)
        if tag == "meta" and el.get("property") in META_URLS:
            problems += url_problem(f"{where} <meta {el.get('property')}>", el.get("content", ""))
    # Raw bytes: every "<script" is one of the site's own, counted above.
    ours = sum(1 for el in elements if isinstance(el.tag, str) and el.tag.lower() == "script")
    if markup.lower().count("<script") > ours:
        problems.append(f"{where}: more '<script' than script elements")
    return problems


def json_problems(where: str, data: object, *, text: bool = True) -> list[str]:
    """Walk JSON: url/img/href/contentUrl values are web URLs; strings hold no markup."""
    problems = []

    def walk(value: object, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        elif isinstance(value, str):
            key = path.rsplit(".", 1)[-1]
            if key in ("url", "img", "href", "contentUrl", "image", "webFeed"):
                problems.extend(url_problem(f"{where} {path}", value))
            elif text:
                problems.extend(text_problems(f"{where} {path}", value))

    walk(data, "$")
    return problems


def feed_problems(where: str, data: bytes) -> list[str]:
    problems = []
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        for name, value in el.attrib.items():
            name = etree.QName(name).localname
            if name.lower().startswith("on"):
                problems.append(f"{where}: handler {name}= on <{local}>")
            if name in FEED_URL_ATTRIBUTES:
                problems += url_problem(f"{where} <{local} {name}>", value)
            elif local != "location":
                problems += text_problems(f"{where} <{local} {name}>", value)
        content = el.text or ""
        if local in FEED_HTML_TEXTS:
            problems += html_problems(f"{where} <{local}>", content, page=False)
            # Show notes may show typed markup as text (escaped, in HTML: inert); the channel's
            # description is the producer's own HTML, where escaped markup is a second layer.
            parent = el.getparent()
            channel = parent is not None and etree.QName(parent).localname == "channel"
            if channel and re.search(r"&lt;\s*[a-z]", content, re.IGNORECASE):
                problems.append(f"{where} <{local}>: escaped markup a reader may unescape")
        elif local in FEED_URL_TEXTS and len(el) == 0:
            problems += url_problem(f"{where} <{local}>", content.strip())
        elif content.strip():
            problems += text_problems(f"{where} <{local}>", content)
    return problems


def id3_problems(where: str, path: Path) -> list[str]:
    problems = []

    def frames(tags: Any, prefix: str) -> Iterator[tuple[str, Any]]:
        for key, frame in tags.items():
            yield f"{prefix}{key}", frame
            if frame.FrameID == "CHAP":
                yield from frames(frame.sub_frames, f"{prefix}{key}/")

    for key, frame in frames(ID3(path), ""):
        if frame.FrameID in ("APIC", "CTOC", "CHAP", "PCST"):
            continue
        if hasattr(frame, "url"):
            problems += url_problem(f"{where} {key}", str(frame.url))
        else:
            values = frame.text if isinstance(frame.text, list) else [frame.text]
            for value in values:
                problems += text_problems(f"{where} {key}", str(value))
    assert any(f.FrameID == "WOAS" for _, f in frames(ID3(path), "")), "no WOAS frame to scan"
    return problems


def vorbis_problems(where: str, path: Path) -> list[str]:
    """Problems in an Opus (or Ogg Vorbis) file's comments: text and URLs, as in ID3."""
    tags = mutagen.File(path)
    assert tags is not None and tags.tags is not None, f"{where}: no comments to scan"
    problems = []
    for key, values in tags.tags.as_dict().items():
        if key.lower() == "metadata_block_picture":
            continue
        for value in values:
            if key.lower() in ("website", "url", "purl"):
                problems += url_problem(f"{where} {key}", value)
            else:
                problems += text_problems(f"{where} {key}", value)
    return problems


def scan(out: Path) -> tuple[list[str], dict[str, int]]:
    """Return every problem in OUT, and how many files of each kind were scanned."""
    problems: list[str] = []
    kinds: dict[str, int] = {}
    # Dotfiles are the build's own markers (never served, see segcast.serve); all else is scanned.
    for path in sorted(p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")):
        name = path.name
        kind = "chapters" if name.endswith(".chapters.json") else path.suffix.lstrip(".")
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind in ("xml",):
            problems += feed_problems(name, path.read_bytes())
        elif kind == "html":
            problems += html_problems(name, path.read_text(encoding="utf-8"), page=True)
        elif kind in ("json", "chapters"):
            problems += json_problems(name, json.loads(path.read_text(encoding="utf-8")))
        elif kind == "mp3":
            problems += id3_problems(name, path)
        elif kind in ("opus", "ogg"):  # the example's alternate encoding
            problems += vorbis_problems(name, path)
        elif kind in ("vtt", "srt", "ics"):
            text = path.read_text(encoding="utf-8")
            tags = {m.lower() for m in re.findall(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)", text)}
            if tags - {"v"}:
                problems.append(f"{name}: markup {sorted(tags - {'v'})}")
            if HANDLER.search(text):
                problems.append(f"{name}: an event handler")
            for url in re.findall(r"^(?:URL|URI)[^:]*:(.*)$", text, re.MULTILINE):
                problems += url_problem(f"{name} URL", url.strip())
        elif kind not in ("css", "js", "jpg", "png"):
            problems.append(f"{name}: a kind of file the scan does not know")
    return problems, kinds


#: The machine transcript of LOVESONG's recording (its words, with times), hostile speakers too.
TIMED = """WEBVTT

00:00:00.000 --> 00:00:02.000
<v John Horn>Welcome to the show everyone.

00:00:02.000 --> 00:00:03.000
<v James Kim>Why film?

00:00:03.000 --> 00:00:05.500
<v So Yong Kim>Thank you for having me today.
"""


def hostile_show(root: Path) -> Path:
    """The example show with hostile text in every producer field that reaches output."""
    show = root / "the-frame"
    shutil.copytree(EXAMPLES / "the-frame", show)
    toml = (show / "show.toml").read_text(encoding="utf-8")
    replacements = {
        'title = "The Frame"': f"title = {json.dumps('The Frame ' + SCRIPT)}",
        'description = "Movies, music, TV, arts and entertainment, straight from Southern '
        'California."': f"description = {json.dumps('<p>Movies.</p> ' + HOSTILE)}",
        'author = "KPCC"': f"author = {json.dumps('KPCC ' + IMG)}",
        'owner_name = "KPCC"': f"owner_name = {json.dumps('KPCC ' + SVG)}",
        'copyright = "2016 KPCC"': f"copyright = {json.dumps('2016 KPCC ' + ESCAPED)}",
        'hosts = ["John Horn"]': f"hosts = [{json.dumps('John ' + IMG + ' Horn')}]",
    }
    for old, new in replacements.items():
        assert old in toml, old
        toml = toml.replace(old, new)
    funding = f'funding = [{{url = "https://example.org/give", label = {json.dumps("Give " + SCRIPT)}}}]\n'
    # A top-level key: before the first table (the example ends with its [audio] table).
    head, table, tail = toml.partition("\n[")
    toml = head + "\n" + funding + table + tail
    (show / "show.toml").write_text(toml, encoding="utf-8")
    for slug in (LOVESONG, GOLD):
        path = show / "segments" / f"{slug}.md"
        segment = read_segment(path)
        segment.title = f"{segment.title} {SCRIPT}"
        segment.summary = f"{segment.summary}\n\n{HOSTILE}"
        segment.people = [
            Person(f"So Yong {IMG} Kim", "guest", href="https://example.org/so"),
            Person(f"James {SCRIPT} Kim", "interviewer"),
            Person(f"John {ESCAPED} Horn", "host"),
        ]
        segment.images = [
            Image(url="https://example.org/p.jpg", caption=f"Caption {HOSTILE}", credit=IMG),
        ]
        segment.chapters = [
            Chapter(0, f"Intro {SCRIPT}"),
            Chapter(2, f"Talk {IMG}", url="https://example.org/talk", image="talk.jpg"),
            Chapter(4, f"End {ESCAPED} {LINK}", url="notes/end.html"),
        ]
        for section in segment.transcript[:2]:
            section.paragraphs = [*section.paragraphs, HOSTILE]
            section.speaker = f"{section.speaker or 'Guest'} {IMG}"
        if slug == LOVESONG:  # mastered and tagged (ID3 frames), and timed (SRT, VTT, JSON)
            segment.audio = None
            segment.show_notes = f"Notes in **Markdown** {HOSTILE} [x](javascript:alert(6))"
            segment.transcript = [
                Section(
                    [f"Welcome to the show {IMG} everyone."],
                    heading=f"Intro {SCRIPT}",
                    speaker=f"John {SVG} Horn",
                ),
                Section(
                    [f"Thank you for having me {SCRIPT} today."],
                    question=f"Why {IMG} film?",
                    speaker=f"So Yong {IMG} Kim",
                ),
            ]
            (show / "transcripts").mkdir()
            (show / "transcripts" / f"{slug}.vtt").write_text(TIMED, encoding="utf-8")
        write_segment(segment, path, overwrite=True)
    (show / "raw").mkdir()
    write_wav(show / "raw" / f"{LOVESONG}.wav", speech_like(6.0))
    return show


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scan")
    show = hostile_show(root)
    out = root / "public"
    result = CliRunner().invoke(cli, ["build", str(show), "-o", str(out), "--json"], obj={})
    assert result.exit_code == 0, result.stderr or result.stdout
    return out


def test_nothing_published_is_active(built: Path) -> None:
    problems, kinds = scan(built)
    assert problems == []
    # The scan saw every kind of file the build publishes, so an empty list means something.
    for kind in ("xml", "html", "chapters", "mp3", "opus", "ics", "vtt", "srt", "json"):
        assert kinds.get(kind, 0) >= 1, (kind, kinds)


def test_the_validator_finds_nothing_active_in_it_either(built: Path) -> None:
    """feed validate --files OUT on the same output: none of the active-content rules fire."""
    result = CliRunner().invoke(
        cli, ["feed", "validate", str(built / "feed.xml"), "--files", str(built), "--json"], obj={}
    )
    findings = json.loads(result.stdout)["findings"]
    active = {"url-active", "description-active-content", "chapters-url-active"}
    assert [f for f in findings if f["id"] in active or f["severity"] == "error"] == []


def test_the_scanner_finds_each_kind_of_problem(tmp_path: Path) -> None:
    """The control: the same scan on files that hold each problem reports each one."""
    (tmp_path / "feed.xml").write_bytes(
        b"<rss><channel><title>A &lt;script&gt;x</title><link>javascript:x</link>"
        b'<description><![CDATA[<p onclick="x">a</p>]]></description>'
        b'<item><enclosure url="file:///x.mp3"/></item></channel></rss>'
    )
    (tmp_path / "a.html").write_text(
        '<html><body><script>x</script><img src="data:x" onerror="y"></body></html>'
    )
    (tmp_path / "a.chapters.json").write_text(
        json.dumps({"chapters": [{"title": SCRIPT, "url": "vbscript:x"}]})
    )
    (tmp_path / "a.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\n<img onerror=x>\n")
    problems, _ = scan(tmp_path)
    assert len([p for p in problems if p.startswith("feed.xml")]) == 4, problems
    assert len([p for p in problems if p.startswith("a.html")]) == 3, problems
    assert len([p for p in problems if p.startswith("a.chapters.json")]) == 2, problems
    assert len([p for p in problems if p.startswith("a.srt")]) == 2, problems


#: (segment file key, a hostile URL): each is refused, naming the file and the key.
HOSTILE_URLS = [
    ("link", "javascript:alert(1)"),
    ("people[0].href", "javascript:alert(1)"),
    ("people[0].img", "data:image/svg+xml,<svg onload=alert(1)>"),
    ("images[0].url", "javascript:alert(1)"),
    ("chapters[1].url", "javascript:alert(1)"),
    ("chapters[1].image", "file:///etc/passwd"),
    ("audio.url", "file:///srv/episode.mp3"),
]


@pytest.mark.parametrize(("key", "url"), HOSTILE_URLS, ids=[k for k, _ in HOSTILE_URLS])
def test_a_hostile_url_is_refused_and_nothing_published(tmp_path: Path, key: str, url: str) -> None:
    show = tmp_path / "the-frame"
    shutil.copytree(EXAMPLES / "the-frame", show)
    path = show / "segments" / f"{GOLD}.md"
    segment = read_segment(path)
    segment.people[0].href = "https://example.org/ok"
    segment.images = [Image(url="https://example.org/ok.jpg", caption="ok")]
    segment.chapters = [Chapter(0, "a"), Chapter(2, "b")]
    holder: Any = {
        "link": segment,
        "people[0].href": segment.people[0],
        "people[0].img": segment.people[0],
        "images[0].url": segment.images[0],
        "chapters[1].url": segment.chapters[1],
        "chapters[1].image": segment.chapters[1],
        "audio.url": segment.audio,
    }[key]
    setattr(holder, key.rsplit(".", 1)[-1], url)
    write_segment(segment, path, overwrite=True)
    out = tmp_path / "public"
    result = CliRunner().invoke(cli, ["build", str(show), "-o", str(out)], obj={})
    assert result.exit_code == 1, result.stdout
    assert "Traceback" not in result.stderr
    line = next(line for line in result.stderr.splitlines() if url in line)
    assert str(path) in line and key.rsplit(".", 1)[-1] in line, line
    published = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert not any(url.encode() in p.read_bytes() for p in published)
