"""Cover art: JPEG, at most 1400 px and about 300 KB; anything else is one clear error."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from audio.cover import MAX_COVER_BYTES, MAX_COVER_PX, prepare_cover
from segments.errors import InputError


def save(path: Path, image: Image.Image, fmt: str, **options: object) -> Path:
    image.save(path, fmt, **options)
    return path


def noise(size: int, mode: str = "RGB") -> Image.Image:
    """Random pixels: the worst case for JPEG size."""
    channels = {"RGB": 3, "RGBA": 4}[mode]
    pixels = np.random.default_rng(7).integers(0, 256, (size, size, channels), dtype=np.uint8)
    return Image.fromarray(pixels, mode)


def gradient(size: int) -> Image.Image:
    """A smooth image, like most artwork."""
    ramp = np.linspace(0, 255, size, dtype=np.uint8)
    pixels = np.stack(np.broadcast_arrays(ramp[None, :], ramp[:, None], 128), axis=-1)
    return Image.fromarray(pixels.astype(np.uint8), "RGB")


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize(
    ("source", "fmt", "size"),
    [
        (gradient(3000), "PNG", 1400),
        (noise(3000), "PNG", None),  # noise needs more than a lower quality to fit
        (noise(1600, "RGBA"), "PNG", None),
        (gradient(2000), "JPEG", 1400),
        (gradient(2000), "WEBP", 1400),
    ],
)
def test_large_covers_become_small_jpegs(
    tmp_path: Path, source: Image.Image, fmt: str, size: int | None
) -> None:
    path = save(tmp_path / f"cover.{fmt.lower()}", source, fmt)
    data = prepare_cover(path)
    image = opened(data)
    assert image.format == "JPEG"
    assert image.mode == "RGB"
    assert len(data) <= MAX_COVER_BYTES
    assert max(image.size) <= MAX_COVER_PX
    assert image.width == image.height  # square stays square
    if size is not None:
        assert image.size == (size, size)


def test_small_jpeg_is_embedded_as_it_is(tmp_path: Path) -> None:
    path = save(tmp_path / "small.jpg", gradient(600), "JPEG", quality=95)
    assert prepare_cover(path) == path.read_bytes()


def test_small_png_becomes_jpeg_of_same_size_transparency_on_white(tmp_path: Path) -> None:
    image = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    path = save(tmp_path / "logo.png", image, "PNG")
    result = opened(prepare_cover(path))
    assert (result.format, result.size) == ("JPEG", (300, 200))
    assert result.getpixel((10, 10)) == (255, 255, 255)


def test_cmyk_jpeg_is_converted_to_rgb(tmp_path: Path) -> None:
    path = save(tmp_path / "print.jpg", Image.new("CMYK", (100, 100), (0, 255, 255, 0)), "JPEG")
    result = opened(prepare_cover(path))
    assert result.mode == "RGB"
    red, green, blue = result.getpixel((50, 50))  # type: ignore[misc]
    assert red > 200 and green < 60 and blue < 60


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "notes.jpg",
            b"not an image at all\n",
            "not an image (cover must be JPEG, PNG or another image)",
        ),
        ("empty.png", b"", "not an image (cover must be JPEG, PNG or another image)"),
        ("cut.png", None, "cannot read cover image: "),
        ("missing.jpg", "absent", "no such cover image"),
        ("folder.jpg", "directory", "is a directory"),
    ],
)
def test_bad_cover_is_one_clear_error(
    tmp_path: Path, name: str, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / name
    if content is None:
        whole = io.BytesIO()
        noise(200).save(whole, "PNG")
        path.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    elif content == "directory":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        prepare_cover(path)
    assert str(caught.value).startswith(f"{path}: {message}")
