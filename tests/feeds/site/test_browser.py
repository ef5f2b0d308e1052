"""Episode and show pages in headless Chromium (Debian's), served over HTTP from a local folder.

The folder is what the build publishes: the site, real MP3s made with ffmpeg, the artwork. Each
page is loaded at phone and desktop widths, in light and dark: no console message (our pages
log nothing; a CSP violation or script error would), every file it asks for exists, the player
asks for the MP3, and the screenshot shows the colour scheme asked for. Set
``SEGCAST_SCREENSHOTS=DIR`` to keep the screenshots and look at them.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from PIL import Image

from feeds.site import render_site
from tests.conftest import EXAMPLES
from tests.feeds.feedcheck import write_audio
from tests.feeds.site.sample import AUDIO, NOW, example_episodes, example_show

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)

LOVESONG = "lovesong-another-intimate-film-from-director-so-yong-kim"

#: Viewport name -> (width, height) in CSS pixels: a common phone, a laptop.
VIEWPORTS = {"phone": (390, 1600), "desktop": (1280, 1100)}

#: Colour scheme -> Blink's preferredColorScheme setting (0 dark, 1 light), and whether the
#: page background must then be dark.
SCHEMES = {"light": (1, False), "dark": (0, True)}


#: Clicks the second chapter link and records where the player is and which page is shown.
CLICK_SCRIPT = """
var player = document.getElementById("player");
function go() {
  document.querySelectorAll("a.seek")[1].click();
  document.documentElement.setAttribute("data-time", String(player.currentTime));
  document.documentElement.setAttribute("data-page", location.pathname);
}
if (player.readyState >= 1) { go(); } else { player.addEventListener("loadedmetadata", go); }
"""


class _Handler(SimpleHTTPRequestHandler):
    """http.server's file handler, logging each request, with single byte ranges (RFC 9110,
    14.2) so that the player can seek, as on any real host (http.server has none)."""

    requests: list[tuple[str, int]]

    def send_head(self) -> Any:
        header = self.headers.get("Range", "")
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", header.strip())
        path = Path(self.translate_path(self.path))
        if match is None or not path.is_file():
            return super().send_head()
        data = path.read_bytes()
        start = int(match[1])
        end = min(int(match[2]) if match[2] else len(data) - 1, len(data) - 1)
        if start > end:
            self.send_error(416)
            return None
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        return io.BytesIO(data[start : end + 1])

    def end_headers(self) -> None:
        self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        self.requests.append((self.path, int(code)))

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    folder = tmp_path_factory.mktemp("public")
    show = example_show()
    episodes = example_episodes(show)
    # The seed's first photo, published beside the pages: a generated stand-in, 3:2 landscape.
    lovesong = next(ep.segment for ep in episodes if ep.segment.slug == LOVESONG)
    lovesong.images[0].url = f"{show.base_url}photo.jpg"
    gradient = Image.linear_gradient("L").resize((1200, 800)).convert("RGB")
    gradient.save(folder / "photo.jpg", quality=80)
    for name, data in render_site(show, episodes, now=NOW).items():
        (folder / name).write_bytes(data)
    # A copy of the episode page with one more script of the same origin (the pages' CSP allows
    # no inline script) that clicks the second chapter link once the player knows the audio.
    (folder / "click.js").write_text(CLICK_SCRIPT, encoding="utf-8")
    page = (folder / f"{LOVESONG}.html").read_text(encoding="utf-8")
    clicking = page.replace("</body>", '<script src="click.js" defer></script>\n</body>')
    (folder / "clicking.html").write_text(clicking, encoding="utf-8")
    for audio_name, _, _ in AUDIO.values():
        write_audio(folder / audio_name, 50)  # long enough to seek to the second chapter (0:41)
    shutil.copy(EXAMPLES / "the-frame" / "artwork.jpg", folder / "artwork.jpg")
    requests: list[tuple[str, int]] = []
    handler = type("Handler", (_Handler,), {"requests": requests})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", requests
    finally:
        server.shutdown()
        server.server_close()


def screenshot(url: str, out: Path, size: tuple[int, int], scheme: int, profile: Path) -> str:
    """Load ``url``, save a screenshot to ``out``; return Chromium's log (console lines)."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
            "--enable-logging=stderr", "--v=0", f"--blink-settings=preferredColorScheme={scheme}",
            f"--window-size={size[0]},{size[1]}", "--virtual-time-budget=5000",
            f"--screenshot={out}", url,
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-500:]
    return done.stderr


def clicked_dom(url: str, profile: Path) -> Any:
    """Load a page that runs ``CLICK_SCRIPT``, let the player play; return the DOM it left."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}",
            "--autoplay-policy=no-user-gesture-required", "--virtual-time-budget=8000",
            "--dump-dom", url,
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-500:]
    return lxml_html.document_fromstring(done.stdout)


#: The episode page in every viewport and scheme; the show page in two (Chromium is slow here).
CASES = [(f"{LOVESONG}.html", viewport, scheme) for viewport in VIEWPORTS for scheme in SCHEMES]
CASES += [("index.html", "phone", "light"), ("index.html", "desktop", "dark")]


@pytest.mark.parametrize(("page", "viewport", "scheme"), CASES)
def test_page_loads_cleanly_and_reads_in_its_colour_scheme(
    served: tuple[str, list[tuple[str, int]]],
    tmp_path: Path,
    page: str,
    viewport: str,
    scheme: str,
) -> None:
    base, requests = served
    requests.clear()
    setting, dark = SCHEMES[scheme]
    out = tmp_path / f"{page.split('-')[0].removesuffix('.html')}-{viewport}-{scheme}.png"
    log = screenshot(base + page, out, VIEWPORTS[viewport], setting, tmp_path / "profile")
    console = [line for line in log.splitlines() if ":CONSOLE" in line]
    assert console == []
    # A file asked twice in one load (the artwork as image and as icon) may be a 304 the second
    # time: what counts is that it was served, once at least, whole.
    asked: dict[str, int] = {}
    for path, code in requests:
        asked[path] = min(asked.get(path, code), code)
    assert asked.get("/" + page) == 200
    assert [path for path, code in requests if code >= 400] == []
    if page == "index.html":
        assert asked.get("/style.css") == asked.get("/artwork.jpg") == 200
    else:
        assert asked.get("/style.css") == asked.get("/site.js") == asked.get("/photo.jpg") == 200
        assert "/lovesong-so-yong-kim.mp3" in asked  # preload="metadata" fetched the audio
    with Image.open(out) as image:
        assert image.size == VIEWPORTS[viewport]
        red, green, blue = image.convert("RGB").getpixel((2, image.height - 2))
    assert ((red + green + blue) / 3 < 80) == dark, (red, green, blue)
    if keep := os.environ.get("SEGCAST_SCREENSHOTS"):
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(keep) / out.name)


def test_a_chapter_link_seeks_the_player_without_leaving_the_page(
    served: tuple[str, list[tuple[str, int]]], tmp_path: Path
) -> None:
    base, _ = served
    root = clicked_dom(base + "clicking.html", tmp_path / "profile")
    assert root.get("data-page") == "/clicking.html"  # site.js kept the page
    assert float(root.get("data-time")) == pytest.approx(41, abs=0.5)
