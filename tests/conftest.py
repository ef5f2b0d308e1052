"""Shared test fixtures: where the repository, the examples and ../shared are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    # Test what a pip-only install runs: the imageio-ffmpeg binary, even where Debian's ffmpeg is
    # on PATH (that one is only an independent reader here, through ffprobe).
    if "SEGCAST_FFMPEG" not in os.environ:
        import imageio_ffmpeg

        os.environ["SEGCAST_FFMPEG"] = imageio_ffmpeg.get_ffmpeg_exe()


@pytest.fixture
def shared() -> Path:
    """The shared material beside the repository (seeds, corpus); skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
