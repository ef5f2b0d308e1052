"""The pages segcast renders, loaded in a real browser (Debian's headless Chromium).

Payloads below would, if any of their script ran, mark the document with ``data-pwned``; Chromium
dumps the DOM after load (with virtual time, so onerror/onload handlers fire) and we look for the
mark. A control page that skips sanitising must be marked, or the check proves nothing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from feeds.shownotes import show_notes
from feeds.transcripts import transcript_html
from segments.importers import read_page
from segments.model import Image, Person, Section, Segment, Show
from tests.conftest import EXAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)

MARK = "document.documentElement.setAttribute('data-pwned','1')"

#: Payloads that run script in a browser when left as they are.
PAYLOADS = [
    f"<script>{MARK}</script>",
    f'<img src="x:" onerror="{MARK}">',
    f"<svg><script>{MARK}</script></svg>",
    f'<svg onload="{MARK}"></svg>',
    f'<body onload="{MARK}">',
    f'<iframe srcdoc="<script>parent.{MARK}</script>"></iframe>',
    f'<details open ontoggle="{MARK}"></details>',
    f'<style onload="{MARK}"></style>',
    f'<video><source onerror="{MARK}"></video>',
    f'<object data="javascript:{MARK}"></object>',
    f'<input autofocus onfocus="{MARK}">',
    f'<math><mtext><img src=x: onerror="{MARK}"></mtext></math>',
]


def render(tmp_path: Path, name: str, page: str) -> str:
    """Load ``page`` in headless Chromium and return the DOM after its scripts could run."""
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=3000", "--dump-dom", path.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-500:]
    return done.stdout


def pwned(dom: str) -> bool:
    """Tell whether a payload ran: the mark is an attribute of <html>, not text on the page."""
    return lxml_html.document_fromstring(dom).get("data-pwned") is not None


def hostile_segment() -> Segment:
    """A segment whose every imported field carries script."""
    payload = " ".join(PAYLOADS)
    return Segment(
        slug="hostile",
        title=f"Title {payload}",
        summary=f"Summary {payload}",
        people=[Person(f"Guest {PAYLOADS[1]}", "guest")],
        images=[Image(caption=f"Caption {PAYLOADS[2]}", credit=PAYLOADS[3])],
        show_notes=f"Notes in **Markdown** {payload} [link](javascript:{MARK})",
        transcript=[
            Section(
                heading=f"Heading {PAYLOADS[4]}",
                question=f"Question {PAYLOADS[5]}?",
                speaker=f"Speaker {PAYLOADS[6]}",
                paragraphs=[f"Answer {payload}"],
            )
        ],
    )


def test_control_page_without_sanitising_is_marked(tmp_path: Path) -> None:
    dom = render(tmp_path, "control.html", "<!DOCTYPE html><html><body>" + " ".join(PAYLOADS))
    assert pwned(dom)


def test_transcript_page_runs_no_script(tmp_path: Path) -> None:
    dom = render(tmp_path, "transcript.html", transcript_html(hostile_segment()))
    assert not pwned(dom)
    assert "Answer" in dom  # the text itself survives, as text


def test_show_notes_run_no_script(tmp_path: Path) -> None:
    notes = show_notes(
        hostile_segment(), Show(title="S"), transcript_url=f"javascript:{MARK}",
        source_url="https://example.org/a",
    )  # fmt: skip
    page = f"<!DOCTYPE html><html><body>{notes.content}<hr>{notes.description}</body></html>"
    dom = render(tmp_path, "notes.html", page)
    assert not pwned(dom)
    links = [a.get("href", "") for a in lxml_html.document_fromstring(dom).iter("a")]
    assert links == ["https://example.org/a"] * 2  # the javascript: links are gone
    assert "<strong>Markdown</strong>" in dom


def test_seed_transcript_page_reads_as_structured_text(tmp_path: Path) -> None:
    segment = read_page(EXAMPLES / "the-frame" / "pages" / "lovesong-so-yong-kim.txt").segment
    dom = lxml_html.fromstring(render(tmp_path, "lovesong.html", transcript_html(segment)))
    assert [h.text_content() for h in dom.iter("h2")] == [
        "Getting into filmmaking",
        'The real-life inspiration behind "Lovesong"',
        "Bringing her personal life into filmmaking",
    ]
    assert {c.text_content().rstrip(":") for c in dom.iter("cite")} == {"So Yong Kim"}
    assert len(list(dom.iter("p"))) == 8
