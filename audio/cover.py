"""Cover art for embedding (APIC type 3, covr, FLAC/Vorbis picture): JPEG, small enough to stream.

Large tags delay the start of playback on streaming clients, and players misread anything but
JPEG/PNG; so the cover becomes a JPEG of at most 1400 px a side and about 300 KB (Pillow, which
reads every common image format and is already a dependency).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from segments.errors import InputError
from segments.files import read_input

#: Longest side of an embedded cover (Apple's artwork minimum; more only slows streaming).
MAX_COVER_PX = 1400
#: Largest embedded cover. The APIC frame (ID3v2.3 section 4.15, https://id3.org/id3v2.3.0)
#: sits in the tag before the first audio frame, so every byte of it delays the start of
#: streaming; 300 KB keeps a 1400 px JPEG at good quality (our own limit, not a spec's).
MAX_COVER_BYTES = 300_000
#: JPEG qualities tried in turn until the cover fits; then the image is scaled down further.
JPEG_QUALITIES: tuple[int, ...] = (90, 80, 70, 60)
#: The least each further downscale shrinks the sides by, when the lowest quality is too large.
SHRINK_STEP = 0.8


def _rgb(image: Image.Image) -> Image.Image:
    """Return ``image`` as RGB, transparent parts on white (JPEG has no alpha)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    """Encode ``image`` as a baseline JPEG."""
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def prepare_cover(path: Path) -> bytes:
    """Return the image at ``path`` as JPEG bytes ready to embed, scaled down when too large."""
    path = Path(path)
    data = read_input(path, what="cover image")
    try:
        with warnings.catch_warnings():
            # Past 89 million pixels Pillow only warns (past twice that it refuses): both are a
            # decompression bomb to a cover of at most 1400 px a side, refused before decoding.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                opened.load()
                source_format = opened.format
                image = opened.copy()
    except UnidentifiedImageError as exc:
        raise InputError("not an image (cover must be JPEG, PNG or another image)", path) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputError(
            "has too many pixels to open safely (a decompression bomb?); "
            f"a cover needs at most {MAX_COVER_PX} px a side",
            path,
        ) from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read cover image: {exc}", path) from exc

    fits = max(image.size) <= MAX_COVER_PX and len(data) <= MAX_COVER_BYTES
    if fits and source_format == "JPEG" and image.mode in ("RGB", "L"):
        return data  # already right: never recompress a good JPEG
    rgb = _rgb(image)
    if max(rgb.size) > MAX_COVER_PX:
        rgb.thumbnail((MAX_COVER_PX, MAX_COVER_PX), Image.Resampling.LANCZOS)
    while True:
        for quality in JPEG_QUALITIES:
            encoded = _jpeg(rgb, quality)
            if len(encoded) <= MAX_COVER_BYTES:
                return encoded
        # JPEG size grows with the pixel count: shrink the sides by the square root of the excess.
        scale = min(SHRINK_STEP, (MAX_COVER_BYTES / len(encoded)) ** 0.5 * 0.95)
        smaller = (max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale)))
        rgb = rgb.resize(smaller, Image.Resampling.LANCZOS)
