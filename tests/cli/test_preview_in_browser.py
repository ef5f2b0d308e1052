"""The example podcast, built and previewed as a user does, in headless Chromium (Debian's).

``segcast init --example`` -> chapters added to one segment -> ``segcast build`` ->
``segcast serve``; Chromium then loads the episode page from the preview server: no console
message, the player fetches the MP3 with byte-range requests (the server's log says 206), a
chapter link moves the player, the transcript is on the page. The screenshot is kept in
``SEGCAST_SCREENSHOTS`` when that is set.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feeds.site.test_browser import CHROMIUM, CLICK_SCRIPT, clicked_dom, screenshot

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.slow,
]

CLI = "from segcast.cli import main; main()"
LOVESONG = "lovesong-another-intimate-film-from-director-so-yong-kim"
CHAPTERS = (
    "chapters:\n- start: '00:00:00'\n  title: Introduction\n- start: '00:00:12'\n  title: Later\n"
)


def segcast(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    root = tmp_path_factory.mktemp("preview")
    show, out = root / "the-frame", root / "public"
    done = segcast("init", "--example", show, "--max-minutes", "0.4")
    assert done.returncode == 0, done.stderr
    done = segcast("build", show, "-o", out)
    assert done.returncode == 0, done.stderr
    segment = show / "segments" / f"{LOVESONG}.md"
    segment.write_text(segment.read_text().replace("---\n", f"---\n{CHAPTERS}", 1))
    done = segcast("build", show, "-o", out)
    assert done.returncode == 0, done.stderr
    # A copy of the episode page that clicks the second chapter once the player knows the audio
    # (the pages' CSP allows scripts of their own origin only).
    (out / "click.js").write_text(CLICK_SCRIPT, encoding="utf-8")
    page = (out / f"{LOVESONG}.html").read_text(encoding="utf-8")
    clicking = page.replace("</body>", '<script src="click.js" defer></script>\n</body>')
    (out / "clicking.html").write_text(clicking, encoding="utf-8")
    log = root / "serve.log"
    with log.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-c", CLI, "serve", str(out), "--port", "0", "--json"],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        try:
            assert server.stdout is not None
            url = json.loads(server.stdout.readline())["url"]
            yield url, out, log
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)


def test_the_episode_page_plays_from_the_preview_server(
    preview: tuple[str, Path, Path], tmp_path: Path
) -> None:
    url, _, log = preview
    shot = tmp_path / "episode.png"
    console = screenshot(f"{url}{LOVESONG}.html", shot, (1280, 1100), 1, tmp_path / "profile")
    assert [line for line in console.splitlines() if ":CONSOLE" in line] == []
    served = log.read_text()
    audio = [line for line in served.splitlines() if f"/{LOVESONG}.mp3 " in line]
    assert any('" 206 bytes=' in line for line in audio), served[-2000:]
    assert not [line for line in served.splitlines() if '" 404' in line or '" 500' in line]
    if keep := os.environ.get("SEGCAST_SCREENSHOTS"):
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "preview-episode.png")


def test_a_chapter_link_moves_the_player_and_the_transcript_is_shown(
    preview: tuple[str, Path, Path], tmp_path: Path
) -> None:
    url, _, _ = preview
    root = clicked_dom(url + "clicking.html", tmp_path / "profile")
    assert root.get("data-page") == "/clicking.html"
    assert float(root.get("data-time")) == pytest.approx(12, abs=0.5)
    text = root.text_content()
    assert "So Yong Kim" in text and "Transcript" in text
