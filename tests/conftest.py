"""Shared test fixtures: where the repository, the examples and ../shared are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.httpserver import http_server  # noqa: F401 - the local HTTP server fixture

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    # Test what a pip-only install runs: the imageio-ffmpeg binary, even where Debian's ffmpeg is
    # on PATH (that one is only an independent reader here, through ffprobe).
    if "SEGCAST_FFMPEG" not in os.environ:
        import imageio_ffmpeg

        os.environ["SEGCAST_FFMPEG"] = imageio_ffmpeg.get_ffmpeg_exe()


def require_shared() -> Path:
    """Return ../shared (seeds, corpus); without it fail under CI, skip elsewhere and say why.

    CI always has it beside the clone: a missing one there means the real-page tests would pass
    without reading a page, so they fail instead.
    """
    if not SHARED.is_dir():
        reason = "../shared (seeds and corpus) is not beside the repository"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI=true, so the tests that read it fail instead of skipping")
        pytest.skip(f"{reason}; the tests that read it are skipped (under CI=true they fail)")
    return SHARED


@pytest.fixture
def shared() -> Path:
    """The shared material beside the repository (seeds, corpus): see ``require_shared``."""
    return require_shared()
