"""Show configuration: defaults in code, then ``show.toml``, then ``SEGCAST_*`` variables.

Everything is checked once, here, and every message names the key and the file:
``show.toml: category: 'Tv & film' is not an Apple category; did you mean 'TV & Film'?``
Every problem of the file is reported at once, one line each (a new show.toml is fixed in one
round). Values are checked against the rules segment files share (``segments.values``).
"""

from __future__ import annotations

import difflib
import io
import math
import os
import re
import tomllib
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import quote, urljoin, urlsplit

from audio.settings import ALTERNATES, ENCODINGS, MAINS_HZ, SETTING_RANGES, MasterSettings
from feeds.guids import is_uuid, podcast_guid
from feeds.validate.podcast import (
    IMAGE_FORMS,
    LOCATION_FORMS,
    PODCAST_MEDIA,
    image_problem,
    location_problem,
)
from segcast.bitrate import parse_bitrate
from segments.categories import APPLE_CATEGORIES, suggest
from segments.errors import ConfigError, ScheduleError, SegcastError, combined
from segments.files import read_input
from segments.model import (
    Funding,
    Location,
    PodcastImage,
    RemoteFeed,
    Show,
    ShowType,
    Trailer,
    TxtRecord,
    ValueBlock,
    ValueRecipient,
)
from segments.schedule import Schedule, check_timezone, parse_airtimes
from segments.sniff import KINDS, sniff
from segments.values import DESCRIPTION_BYTES, TAG_CHARS, VALUE_RULES, Rule, value_problem

#: Apple's limit on most tag values, in characters (the shared value rules' own).
MAX_TAG_CHARS = TAG_CHARS
#: Apple's limit on the channel description, in bytes.
MAX_DESCRIPTION_BYTES = DESCRIPTION_BYTES
#: The configuration file every show folder holds.
SHOW_TOML = "show.toml"

_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$")
SHOW_TYPES: tuple[ShowType, ...] = ("episodic", "serial")


def _fail(path: Path, key: str, message: str) -> ConfigError:
    return ConfigError(f"{key}: {message}", path)


def _ruled(value: Any, key: str, path: Path, rule: Rule | None = None) -> Any:
    """Return ``value`` if the shared value rules allow it under ``key``, else ConfigError."""
    problem = value_problem(key, value, rule)
    if problem is not None:
        raise ConfigError(problem, path)
    return value


def _text(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, key, f"must be text, not {value!r}")
    return str(_ruled(value.strip(), key, path))


def _description(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, key, f"must be text, not {value!r}")
    return str(_ruled(value.strip(), key, path, VALUE_RULES["description"]))


def _url(value: Any, key: str, path: Path) -> str:
    # One URL policy (segments.urls): absolute http(s) with a host, no space (base_url is joined
    # to file names as is: every enclosure URL would hold the space), no control character.
    return str(_ruled(value, key, path, VALUE_RULES["url"])).strip()


def _bool(value: Any, key: str, path: Path) -> bool:
    if not isinstance(value, bool):
        raise _fail(path, key, f"{value!r} is not true or false")
    return value


def _email(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str) or not _EMAIL.match(value.strip()):
        raise _fail(path, key, f"{value!r} is not an email address")
    return str(_ruled(value.strip(), key, path))  # the pattern lets a control character by


def _language(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str):
        raise _fail(path, key, f"must be a language code such as 'en', not {value!r}")
    return str(_ruled(value, key, path, VALUE_RULES["language"]))


def _one_of(
    value: Any, key: str, path: Path, choices: list[str], what: str, *, listed: bool = False
) -> str:
    """Return ``value`` if it is one of ``choices``; else an error with the closest one and, when
    ``listed`` and the value is not merely miscased, every valid one."""
    if isinstance(value, str) and value in choices:
        return value
    message = f"{value!r} is not {what}"
    spelled = suggest(value, choices) if isinstance(value, str) else None
    hint = spelled
    if hint is None and isinstance(value, str):
        close = difflib.get_close_matches(value, choices, n=1)
        hint = close[0] if close else None
    if hint:
        message += f"; did you mean {hint!r}?"
    if listed and choices and spelled is None:  # not merely the casing: say what there is
        message += f" (valid: {', '.join(choices)})"
    raise _fail(path, key, message)


def _category(value: Any, key: str, path: Path) -> str:
    return _one_of(value, key, path, list(APPLE_CATEGORIES), "an Apple category", listed=True)


def _type(value: Any, key: str, path: Path) -> str:
    return _one_of(value, key, path, list(SHOW_TYPES), "'episodic' or 'serial'")


def _names(value: Any, key: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, key, f"must be a list of names, not {value!r}")
    return [str(_ruled(v.strip(), f"{key}[{i}]", path)) for i, v in enumerate(value)]


def _funding(value: Any, key: str, path: Path) -> list[Funding]:
    items = value if isinstance(value, list) else [value]
    funding = []
    for item in items:
        if not isinstance(item, dict) or set(item) != {"url", "label"}:
            raise _fail(
                path, key, 'each entry needs exactly url and label: {url = "...", label = "..."}'
            )
        funding.append(
            Funding(
                url=_url(item["url"], f"{key}.url", path),
                label=_text(item["label"], f"{key}.label", path),
            )
        )
    return funding


def _timezone(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str):
        raise _fail(path, key, f"must be an IANA time zone name, not {value!r}")
    try:
        check_timezone(value)
    except ScheduleError as exc:
        raise _fail(path, key, exc.message) from exc
    except OSError as exc:  # ZoneInfo("Pacific") opens the tzdata folder of that name
        raise _fail(path, key, f"unknown time zone {value!r}") from exc
    return value


def _uuid(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str) or not is_uuid(value):
        raise _fail(path, key, f"{value!r} is not a lower-case UUID")
    return value


_MIME = re.compile(r"^(audio|video)/[a-z0-9][a-z0-9.+-]*$")
#: How long an airing may last, in minutes (one day at most).
AIRING_MINUTES = (1, 1440)


def _stream_type(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str) or not _MIME.match(value.strip()):
        raise _fail(path, key, f"{value!r} is not an audio or video MIME type such as 'audio/mpeg'")
    return value.strip()


def _minutes(value: Any, key: str, path: Path) -> int:
    low, high = AIRING_MINUTES
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(
            path, key, f"must be a whole number of minutes from {low} to {high}, not {value!r}"
        )
    return value


#: Podcasting 2.0 limits: podcast:txt values (4000), purposes and licenses (128 characters).
TXT_MAX_CHARS, TXT_PURPOSE_MAX_CHARS, LICENSE_MAX_CHARS = 4000, 128, 128


def _medium(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str) or value.strip() not in PODCAST_MEDIA:
        valid = ", ".join(sorted(m for m in PODCAST_MEDIA if not m.endswith("L")))
        raise _fail(path, key, f"must be one of {valid} (or a list form: musicL), not {value!r}")
    return value.strip()


def _license(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > LICENSE_MAX_CHARS:
        raise _fail(path, key, f"must be a license identifier such as 'cc-by-4.0', not {value!r}")
    _ruled(value, key, path)
    return value.strip().lower()  # the spec: a lower-cased licenses.json identifier


def _txt(value: Any, key: str, path: Path) -> list[TxtRecord]:
    records = []
    for item in value if isinstance(value, list) else [value]:
        entry = {"text": item} if isinstance(item, str) else item
        text, purpose = (
            (entry.get("text"), entry.get("purpose")) if isinstance(entry, dict) else (None, None)
        )
        if (
            not isinstance(entry, dict)
            or not set(entry) <= {"text", "purpose"}
            or not isinstance(text, str)
            or not text.strip()
            or len(text) > TXT_MAX_CHARS
            or (
                purpose is not None
                and (not isinstance(purpose, str) or len(purpose) > TXT_PURPOSE_MAX_CHARS)
            )
        ):
            raise _fail(
                path,
                key,
                'each entry is text (4000 characters at most) or {text = "...", purpose = "..."}',
            )
        _ruled(text, key, path)
        _ruled(purpose, key, path)
        records.append(TxtRecord(text=text.strip(), purpose=purpose))
    return records


#: podcast:value's keys in show.toml, and each recipient's (Podcasting 2.0 docs/tags/value*.md).
VALUE_FIELDS = ("type", "method", "suggested", "recipients")
RECIPIENT_FIELDS = ("type", "address", "split", "name", "fee", "custom_key", "custom_value")
#: podcast:value suggested amounts: a plain decimal, as the spec's examples write them.
_DECIMAL = re.compile(r"^\d+(?:\.\d+)?$")


def _slot(entry: dict[str, Any], name: str, key: str, path: Path, *, required: bool) -> str | None:
    """Return the text at ``entry[name]`` checked by the shared rules, None when absent."""
    value = entry.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, f"{key}.{name}", f"must be text, not {value!r}")
    return str(_ruled(value.strip(), f"{key}.{name}", path))


def _value(value: Any, key: str, path: Path) -> ValueBlock:
    if not isinstance(value, dict) or not set(value) <= set(VALUE_FIELDS):
        raise _fail(
            path, key, 'must be {type = "lightning", method = "keysend", recipients = [...]}'
        )
    kind = _slot(value, "type", key, path, required=True)
    method = _slot(value, "method", key, path, required=True)
    suggested = _slot(value, "suggested", key, path, required=False)
    if suggested is not None and not _DECIMAL.match(suggested):
        raise _fail(
            path, f"{key}.suggested", f"{suggested!r} is not a decimal such as '0.00000005'"
        )
    entries = value.get("recipients")
    if not isinstance(entries, list) or not entries:
        raise _fail(path, f"{key}.recipients", "must list at least one recipient (who is paid)")
    recipients = []
    for index, entry in enumerate(entries):
        here = f"{key}.recipients[{index}]"
        if not isinstance(entry, dict) or not set(entry) <= set(RECIPIENT_FIELDS):
            raise _fail(path, here, '{type, address, split} are required: {type = "node", ...}')
        split, fee = entry.get("split"), entry.get("fee", False)
        if isinstance(split, bool) or not isinstance(split, int):
            raise _fail(path, f"{here}.split", f"must be a whole number of shares, not {split!r}")
        _ruled(split, f"{here}.split", path)
        if not isinstance(fee, bool):
            raise _fail(path, f"{here}.fee", f"{fee!r} is not true or false")
        recipients.append(
            ValueRecipient(
                type=str(_slot(entry, "type", here, path, required=True)),
                address=str(_slot(entry, "address", here, path, required=True)),
                split=split,
                name=_slot(entry, "name", here, path, required=False),
                fee=fee,
                custom_key=_slot(entry, "custom_key", here, path, required=False),
                custom_value=_slot(entry, "custom_value", here, path, required=False),
            )
        )
    return ValueBlock(
        type=str(kind), method=str(method), recipients=recipients, suggested=suggested
    )


#: show.toml's podcast:image keys, and the attribute each one is (docs/tags/image.md).
IMAGE_KEYS = {key.replace("-", "_"): key for key in IMAGE_FORMS}


def _images(value: Any, key: str, path: Path) -> list[PodcastImage]:
    images = []
    for index, entry in enumerate(value if isinstance(value, list) else [value]):
        here = f"{key}[{index}]" if isinstance(value, list) else key
        if (
            not isinstance(entry, dict)
            or "href" not in entry
            or not set(entry)
            <= {
                "href",
                "alt",
                *IMAGE_KEYS,
            }
        ):
            raise _fail(path, here, 'must be {href = "https://...", alt, aspect_ratio, width, ...}')
        given: dict[str, Any] = {}
        for name, attribute in IMAGE_KEYS.items():
            raw = entry.get(name)
            if raw is None:
                continue
            if name in ("width", "height") and (isinstance(raw, bool) or not isinstance(raw, int)):
                raise _fail(
                    path, f"{here}.{name}", f"must be a whole number of pixels, not {raw!r}"
                )
            text = (
                str(raw) if isinstance(raw, int) else _slot(entry, name, here, path, required=True)
            )
            if (form := image_problem(attribute, str(text))) is not None:
                raise _fail(path, f"{here}.{name}", f"{raw!r} is not {form}")
            given[name] = raw if isinstance(raw, int) else text
        images.append(
            PodcastImage(
                href=_url(entry["href"], f"{here}.href", path),
                alt=_slot(entry, "alt", here, path, required=False),
                **given,
            )
        )
    return images


def _season_names(value: Any, key: str, path: Path) -> dict[int, str]:
    if not isinstance(value, dict):
        raise _fail(path, key, f'must be a table of season numbers: {{1 = "Name"}}, not {value!r}')
    names = {}
    for number, name in value.items():
        here = f"{key}.{number}"
        if not re.fullmatch(r"[1-9]\d*", number):
            raise _fail(path, here, f"{number!r} is not a season number")
        _ruled(int(number), here, path, VALUE_RULES["season"])
        if not isinstance(name, str) or not name.strip():
            raise _fail(path, here, f"must be text, not {name!r}")
        names[int(number)] = str(_ruled(name.strip(), here, path, VALUE_RULES["season_names"]))
    return names


TRAILER_FIELDS = ("title", "url", "pubdate", "type", "season")


def _trailers(value: Any, key: str, path: Path) -> list[Trailer]:
    trailers = []
    for index, entry in enumerate(value if isinstance(value, list) else [value]):
        here = f"{key}[{index}]" if isinstance(value, list) else key
        if (
            not isinstance(entry, dict)
            or not {"title", "url", "pubdate"} <= set(entry)
            or not set(entry) <= set(TRAILER_FIELDS)
        ):
            raise _fail(
                path, here, 'must be {title = "...", url = "https://...", pubdate = <date>, ...}'
            )
        pubdate, season = entry["pubdate"], entry.get("season")
        if not isinstance(pubdate, datetime) or pubdate.utcoffset() is None:
            raise _fail(
                path,
                f"{here}.pubdate",
                "must be a date and time with its offset (2026-03-02T08:00:00-08:00), "
                f"not {pubdate!r}",
            )
        _ruled(pubdate, f"{here}.pubdate", path, VALUE_RULES["published"])
        if season is not None and (isinstance(season, bool) or not isinstance(season, int)):
            raise _fail(path, f"{here}.season", f"must be a season number, not {season!r}")
        _ruled(season, f"{here}.season", path)
        trailers.append(
            Trailer(
                title=str(_slot(entry, "title", here, path, required=True)),
                url=_url(entry["url"], f"{here}.url", path),
                pubdate=pubdate,
                type=_stream_type(entry["type"], f"{here}.type", path) if "type" in entry else None,
                season=season,
            )
        )
    return trailers


_LOCATION_RELS: dict[str, Literal["subject", "creator"]] = {
    "subject": "subject",
    "creator": "creator",
}


def _locations(value: Any, key: str, path: Path) -> list[Location]:
    locations = []
    for index, entry in enumerate(value if isinstance(value, list) else [value]):
        here = f"{key}[{index}]" if isinstance(value, list) else key
        if not isinstance(entry, dict) or not set(entry) <= {"name", *LOCATION_FORMS}:
            raise _fail(
                path, here, 'must be {name = "Pasadena", rel = "creator", geo, osm, country}'
            )
        name = _slot(entry, "name", here, path, required=True)
        given = {a: _slot(entry, a, here, path, required=False) for a in LOCATION_FORMS}
        for attribute, text in given.items():
            if text is not None and (form := location_problem(attribute, text)) is not None:
                raise _fail(path, f"{here}.{attribute}", f"{text!r} is not {form}")
        locations.append(
            Location(
                name=str(name),
                rel=_LOCATION_RELS.get(given["rel"] or ""),
                geo=given["geo"],
                osm=given["osm"],
                country=given["country"],
            )
        )
    return locations


def _podroll(value: Any, key: str, path: Path) -> list[RemoteFeed]:
    feeds = []
    for item in value if isinstance(value, list) else [value]:
        if (
            not isinstance(item, dict)
            or "feed_guid" not in item
            or not set(item) <= {"feed_guid", "feed_url"}
        ):
            raise _fail(
                path, key, 'each entry is {feed_guid = "...", feed_url = "..."} (feed_url optional)'
            )
        url = _url(item["feed_url"], key, path) if "feed_url" in item else None
        feeds.append(RemoteFeed(feed_guid=_uuid(item["feed_guid"], key, path), feed_url=url))
    return feeds


def _artwork(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, key, f"must be a file name or a URL, not {value!r}")
    return str(_ruled(value.strip(), key, path))


#: A key's check: (value, key, file) -> the checked value, or ConfigError naming key and file.
Check = Callable[[Any, str, Path], Any]


@dataclass(frozen=True)
class Key:
    """One show.toml key: its check, whether it is required, its default, its variable."""

    check: Check
    required: bool = False
    default: Any = None
    env: str | None = None


#: Every key show.toml takes, with the check applied to its value.
KEYS: dict[str, Key] = {
    "title": Key(_text, required=True),
    "description": Key(_description, required=True),
    "link": Key(_url, required=True, env="SEGCAST_LINK"),
    "base_url": Key(_url, required=True, env="SEGCAST_BASE_URL"),
    "feed_url": Key(_url, required=True, env="SEGCAST_FEED_URL"),
    "language": Key(_language, default="en"),
    "category": Key(_category, required=True),
    "subcategory": Key(_text),
    "explicit": Key(_bool, default=False),
    "author": Key(_text),
    "owner_name": Key(_text),
    "owner_email": Key(_email, env="SEGCAST_OWNER_EMAIL"),
    "artwork": Key(_artwork, required=True),
    "copyright": Key(_text),
    "type": Key(_type, default="episodic"),
    "locked": Key(_bool),
    "funding": Key(_funding),
    "hosts": Key(_names),
    "airtimes": Key(_text),
    "timezone": Key(_timezone),
    "podcast_guid": Key(_uuid),
    "live_stream_url": Key(_url),
    "live_stream_type": Key(_stream_type, default="audio/mpeg"),
    "airing_minutes": Key(_minutes, default=60),
    "license": Key(_license),
    "medium": Key(_medium),
    "value": Key(_value),
    "location": Key(_locations),
    "image": Key(_images),
    "trailer": Key(_trailers),
    "season_names": Key(_season_names),
    "soundbites_from_chapters": Key(_bool, default=False),
    "txt": Key(_txt),
    "podroll": Key(_podroll),
    "new_feed_url": Key(_url),
    # Where the feed was before it came to segcast (segcast import-feed writes it): while it
    # differs from feed_url the feed carries itunes:new-feed-url = feed_url, so apps that still
    # read the old address (through the old host's 301) move their subscription.
    "old_feed_url": Key(_url),
    # segcast build downloads the audio that newly imported pages link to (raw/ or audio/).
    "download_audio": Key(_bool, default=False),
}

#: Tables show.toml may hold besides the keys above, each read by its own loader.
TABLES: dict[str, str] = {"audio": "mastering settings (MasterSettings)"}


#: Artwork types Apple accepts, by file extension, and the MIME type the bytes must show.
ARTWORK_TYPES: dict[str, str] = {".jpg": "image/jpeg", ".png": "image/png"}
#: Apple's artwork size range (square, pixels per side) and the Pillow modes that are RGB.
ARTWORK_PIXELS = (1400, 3000)
ARTWORK_MODES = frozenset({"RGB", "RGBA", "P"})


def _image_mime(head: bytes) -> str | None:
    """Return the MIME type of an image's first bytes as the one sniffer tells it, else None."""
    mime = KINDS[kind].mime if (kind := sniff(head)) is not None else None
    return mime if mime is not None and mime.startswith("image/") else None


def _artwork_url(value: str, base_url: str, path: Path) -> str:
    """Return the artwork's URL: a URL as given, or a file in the show folder under base_url."""
    if urlsplit(value).scheme:
        url = _url(value, "artwork", path)
        if not urlsplit(url).path.endswith(tuple(ARTWORK_TYPES)) or urlsplit(url).query:
            raise _fail(path, "artwork", f"{value!r} must end in .jpg or .png (Apple's rule)")
        return url
    file = path.parent / value
    extension = file.suffix
    if extension not in ARTWORK_TYPES:
        raise _fail(path, "artwork", f"{value!r} must be a .jpg or .png file (Apple's rule)")
    try:
        data = read_input(file, what="artwork file")
    except SegcastError as exc:
        raise _fail(path, "artwork", f"cannot read {value!r}: {exc.message}") from exc
    real = _image_mime(data[:8])
    if real != ARTWORK_TYPES[extension]:
        raise _fail(
            path, "artwork", f"{value!r} is named {extension} but is {real or 'not JPEG or PNG'}"
        )
    if not value.isascii():
        raise _fail(path, "artwork", f"{value!r}: file names must be ASCII")
    _check_artwork_image(data, value, path)
    return urljoin(base_url, quote(Path(value).as_posix()))


def _check_artwork_image(data: bytes, value: str, path: Path) -> None:
    """Check Apple's artwork rules that need the pixels: square, 1400 to 3000 px, RGB."""
    from PIL import Image, UnidentifiedImageError

    low, high = ARTWORK_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow warns past 89 million pixels and refuses past twice that (a decompression
            # bomb); artwork has at most 9 million, so either is refused here, unread.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height, mode = image.width, image.height, image.mode
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _fail(
            path,
            "artwork",
            f"{value!r} has too many pixels to open safely (a decompression bomb?); "
            f"Apple wants a square of {low} to {high} px",
        ) from exc
    except (OSError, ValueError, UnidentifiedImageError) as exc:
        raise _fail(path, "artwork", f"cannot read {value!r} as an image: {exc}") from exc
    if width != height or not low <= width <= high:
        raise _fail(
            path,
            "artwork",
            f"{value!r} is {width}x{height} px; Apple wants a square of {low} to {high} px",
        )
    if mode not in ARTWORK_MODES:
        raise _fail(path, "artwork", f"{value!r} is in {mode} colour; Apple wants RGB")


def read_toml(path: Path) -> dict[str, Any]:
    """Return the table in a TOML file, with errors naming the file.

    The file is read through ``segments.files.read_input`` (a FIFO or a device is refused before
    it is opened); bytes that are not UTF-8 (a binary file, UTF-16 with its BOM) are one line.
    """
    if not path.exists() and not path.is_symlink():
        raise ConfigError("no show.toml here (the show folder needs one)", path)
    data = read_input(path, what="show.toml")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigError("is UTF-16 text; save it as UTF-8 (TOML files are UTF-8)", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"is not UTF-8 text (byte {exc.start}); TOML files are UTF-8", path
        ) from exc
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path) from exc
    except ValueError as exc:  # an integer of more than 4300 digits, which int() refuses
        raise ConfigError("not valid TOML: a number of more than 4300 digits", path) from exc
    except RecursionError as exc:
        raise ConfigError("not valid TOML: arrays or tables nested too deeply", path) from exc


@dataclass(frozen=True)
class ShowConfig:
    """A show folder's ``show.toml``, read and checked once and passed to every stage.

    ``artwork_file`` is the local artwork (``None`` when ``artwork`` is a URL);
    ``podcast_guid_pinned`` says whether show.toml states ``podcast_guid`` (else it is derived from
    ``feed_url`` and changes when the feed moves).
    """

    path: Path
    show: Show
    audio: MasterSettings
    artwork_file: Path | None
    podcast_guid_pinned: bool
    download_audio: bool = False

    @property
    def folder(self) -> Path:
        """The show folder: the one holding show.toml."""
        return self.path.parent


def load_config(path: Path, environ: Mapping[str, str] | None = None) -> ShowConfig:
    """Read and check ``show.toml`` (or the show folder holding it) once: show and ``[audio]``.

    ``SEGCAST_*`` variables in ``environ`` (default: the process environment) override keys.
    """
    path = Path(path)
    if path.is_dir():
        path = path / SHOW_TOML
    raw = read_toml(path)
    problems: list[ConfigError] = []
    show = _load_show(raw, path, os.environ if environ is None else environ, problems)
    audio = _load_audio_settings(raw, path, problems)
    if show is None or audio is None or problems:
        raise combined(problems)
    return ShowConfig(
        path=path,
        show=show,
        audio=audio,
        artwork_file=show_artwork_file(raw, path),
        podcast_guid_pinned="podcast_guid" in raw,
        download_audio=raw.get("download_audio") is True,
    )


def show_artwork_file(raw: Mapping[str, Any], path: Path) -> Path | None:
    """Return the local artwork file a read show.toml names; ``None`` for a URL or none."""
    artwork = raw.get("artwork")
    if not isinstance(artwork, str) or not artwork.strip() or urlsplit(artwork).scheme:
        return None
    return path.parent / artwork.strip()


def load_show(path: Path, environ: Mapping[str, str] | None = None) -> Show:
    """Read and check the show keys of ``show.toml`` alone (``segcast audio tag --show``)."""
    path = Path(path)
    problems: list[ConfigError] = []
    show = _load_show(read_toml(path), path, os.environ if environ is None else environ, problems)
    if show is None or problems:
        raise combined(problems)
    return show


def _load_show(
    raw: Mapping[str, Any], path: Path, environ: Mapping[str, str], problems: list[ConfigError]
) -> Show | None:
    """Check the show keys of a read show.toml; ``SEGCAST_*`` variables override keys.

    Every problem is added to ``problems``; the Show is returned only when there is none.
    """
    for key in raw:
        if key not in KEYS and key not in TABLES:
            close = difflib.get_close_matches(key, [*KEYS, *TABLES], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(_fail(path, key, f"unknown key{hint}"))
    values: dict[str, Any] = {}
    failed: set[str] = set()
    for key, spec in KEYS.items():
        where = path
        value = raw.get(key, spec.default)
        if spec.env and environ.get(spec.env):
            value, where = environ[spec.env], Path(spec.env)
        if value is None:
            if spec.required:
                problems.append(_fail(path, key, "missing (required)"))
                failed.add(key)
            continue
        try:
            values[key] = spec.check(value, key, where)
        except ConfigError as exc:
            problems.append(exc)
            failed.add(key)
    checks, artwork = _show_checks(values, failed, path)
    problems.extend(checks)
    if failed or checks or artwork is None:
        return None
    try:
        return _show(values, path, artwork)
    except ConfigError as exc:
        problems.append(exc)
        return None


def _show_checks(
    values: dict[str, Any], failed: set[str], path: Path
) -> tuple[list[ConfigError], str | None]:
    """Return the problems between keys (a subcategory of the category...), each checked when its
    keys read well, and the artwork's URL (None when it could not be made)."""
    problems: list[ConfigError] = []
    artwork: str | None = None
    category, subcategory = values.get("category"), values.get("subcategory")
    if category is not None and subcategory is not None:
        choices = list(APPLE_CATEGORIES[category])
        if subcategory not in choices:
            what = f"a subcategory of {category!r}" if choices else "possible"
            what += "" if choices else f": {category!r} has none"
            try:
                _one_of(subcategory, "subcategory", path, choices, what, listed=True)
            except ConfigError as exc:
                problems.append(exc)
    schedule: Schedule | None = None
    if "airtimes" in values:
        try:
            schedule = parse_airtimes(values["airtimes"], values.get("timezone"))
        except ScheduleError as exc:
            problems.append(_fail(path, "airtimes", exc.message))
            failed.add("airtimes")  # no follow-on problem about what needs airtimes
        # The text may name its zone ("3:30pm Pacific"); else timezone must.
        if schedule is not None and schedule.timezone is None and "timezone" not in failed:
            problems.append(
                _fail(path, "timezone", "missing: airtimes need a time zone (an IANA name)")
            )
    live = "live_stream_url" in values and "airtimes" not in failed
    if live and (schedule is None or not schedule.airtimes):
        problems.append(
            _fail(path, "live_stream_url", "needs airtimes: live items are the next airings")
        )
    locked = values.get("locked") is not None
    if locked and "owner_email" not in values and "owner_email" not in failed:
        problems.append(
            _fail(path, "owner_email", "missing: podcast:locked needs the owner's email")
        )
    if "artwork" in values and "base_url" in values:
        try:
            artwork = _artwork_url(values["artwork"], _base(values["base_url"]), path)
        except ConfigError as exc:
            problems.append(exc)
    return problems, artwork


def _base(url: str) -> str:
    """Return ``base_url`` ending in a slash: file names are joined to it."""
    return url if url.endswith("/") else url + "/"


def _show(values: dict[str, Any], path: Path, artwork: str) -> Show:
    """Make the Show of checked values (``_show_checks`` found no problem between them)."""
    category = values["category"]
    subcategory = values.get("subcategory")
    base_url = _base(values["base_url"])
    schedule = None
    if "airtimes" in values:
        try:
            schedule = parse_airtimes(values["airtimes"], values.get("timezone"))
        except ScheduleError as exc:
            raise _fail(path, "airtimes", exc.message) from exc
    elif "timezone" in values:
        schedule = Schedule(timezone=values["timezone"])
    if schedule is not None and schedule.timezone is None:
        raise _fail(path, "timezone", "missing: airtimes need a time zone (an IANA name)")
    if "live_stream_url" in values and (schedule is None or not schedule.airtimes):
        raise _fail(path, "live_stream_url", "needs airtimes: live items are the next airings")
    return Show(
        title=values["title"],
        description=values["description"],
        hosts=values.get("hosts", []),
        schedule=schedule,
        category=category,
        subcategory=subcategory,
        language=values["language"],
        artwork=artwork,
        link=values["link"],
        base_url=base_url,
        feed_url=values["feed_url"],
        author=values.get("author"),
        owner_name=values.get("owner_name"),
        owner_email=values.get("owner_email"),
        explicit=values["explicit"],
        copyright=values.get("copyright"),
        type=cast(ShowType, values["type"]),
        locked=values.get("locked"),
        funding=values.get("funding", []),
        podcast_guid=values.get("podcast_guid") or podcast_guid(values["feed_url"]),
        live_stream_url=values.get("live_stream_url"),
        live_stream_type=values["live_stream_type"],
        airing_minutes=values["airing_minutes"],
        license=values.get("license"),
        medium=values.get("medium"),
        value=values.get("value"),
        locations=values.get("location", []),
        images=values.get("image", []),
        trailers=values.get("trailer", []),
        season_names=values.get("season_names", {}),
        soundbites_from_chapters=values["soundbites_from_chapters"],
        txt=values.get("txt", []),
        podroll=values.get("podroll", []),
        new_feed_url=values.get("new_feed_url") or _moved_to(values),
    )


def _moved_to(values: Mapping[str, Any]) -> str | None:
    """Return feed_url when the show came from another feed address (``old_feed_url``)."""
    old = values.get("old_feed_url")
    return values["feed_url"] if old and old != values["feed_url"] else None


# -- [audio]: mastering settings ---------------------------------------------------------------

#: ``[audio]`` key -> (check, MasterSettings field). Unset keys keep MasterSettings' defaults
#: (-16 LUFS and 128 kbit/s stereo, -19 LUFS and 64 kbit/s mono).
AUDIO_KEYS: dict[str, tuple[str, str]] = {
    "format": ("format", "format"),
    "target_lufs": ("target_lufs", "target_lufs"),
    "true_peak": ("true_peak", "true_peak_ceiling"),
    "bitrate": ("bitrate", "bitrate_kbps"),
    "mono": ("bool", "mono"),
    "intro": ("bumper", "intro"),
    "outro": ("bumper", "outro"),
    "crossfade_ms": ("crossfade_ms", "crossfade_ms"),
    "trim_silence": ("bool", "trim_silence"),
    "leveler": ("bool", "leveler"),
    "highpass": ("number", "highpass_hz"),
    "dehum": ("mains", "dehum"),
    "denoise": ("bool", "denoise"),
    "dual_mono": ("bool", "dual_mono"),
    "alternates": ("alternates", "alternates"),
}


def _number(value: Any, key: str, path: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(path, key, f"must be a number, not {value!r}")
    if isinstance(value, float) and not math.isfinite(value):  # TOML has nan and inf
        raise _fail(path, key, f"{value} is not a number")
    # One table of ranges, audio.master's, checks these and MasterSettings alike.
    problem = SETTING_RANGES[AUDIO_KEYS[key.removeprefix("audio.")][1]].problem(value)
    if problem:
        raise _fail(path, key, problem)
    return value


def _audio_value(kind: str, value: Any, key: str, path: Path) -> Any:
    """Return one checked ``[audio]`` value as the MasterSettings field wants it."""
    if kind == "format":
        return _one_of(value, key, path, sorted(ENCODINGS), "'mp3' or 'm4a'")
    if kind == "bool":
        return _bool(value, key, path)
    if kind == "alternates":
        return _alternates(value, key, path)
    if kind == "mains":
        if isinstance(value, bool) or value not in MAINS_HZ:
            raise _fail(path, key, f"must be 50 or 60 (Hz of the mains), not {value!r}")
        return int(value)
    if kind == "bumper":
        if not isinstance(value, str) or not value.strip():
            raise _fail(path, key, f"must be an audio file name, not {value!r}")
        file = path.parent / value.strip()
        if not file.is_file():
            raise _fail(path, key, f"no file at {value.strip()!r}")
        return file
    if kind == "bitrate" and isinstance(value, str):
        try:
            value = parse_bitrate(value)
        except ValueError as exc:
            raise _fail(path, key, str(exc)) from exc
    if kind in ("bitrate", "crossfade_ms") and isinstance(value, float):
        raise _fail(path, key, f"must be a whole number, not {value!r}")
    return _number(value, key, path)


def _alternates(value: Any, key: str, path: Path) -> tuple[str, ...]:
    """Return the alternate encodings asked for: a list of ALTERNATES names, each once."""
    choices = " or ".join(repr(name) for name in ALTERNATES)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _fail(path, key, f"must be a list of encodings ({choices}), not {value!r}")
    names: list[str] = []
    for item in value:
        name = _one_of(item.strip().lower(), key, path, sorted(ALTERNATES), choices)
        if name in names:
            raise _fail(path, key, f"{name!r} is listed twice")
        names.append(name)
    return tuple(names)


def load_audio_settings(path: Path) -> MasterSettings:
    """Read and check the optional ``[audio]`` table of ``show.toml``: how to master episodes."""
    path = Path(path)
    problems: list[ConfigError] = []
    settings = _load_audio_settings(read_toml(path), path, problems)
    if settings is None or problems:
        raise combined(problems)
    return settings


def _load_audio_settings(
    raw: Mapping[str, Any], path: Path, problems: list[ConfigError]
) -> MasterSettings | None:
    """Check the ``[audio]`` table of a read show.toml; each problem is added to ``problems``."""
    table = raw.get("audio", {})
    if not isinstance(table, dict):
        problems.append(_fail(path, "audio", "must be a table: [audio] followed by its keys"))
        return None
    fields: dict[str, Any] = {}
    before = len(problems)
    for key, value in table.items():
        if key not in AUDIO_KEYS:
            close = difflib.get_close_matches(key, list(AUDIO_KEYS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(_fail(path, f"audio.{key}", f"unknown key{hint}"))
            continue
        kind, name = AUDIO_KEYS[key]
        try:
            fields[name] = _audio_value(kind, value, f"audio.{key}", path)
        except ConfigError as exc:
            problems.append(exc)
    if len(problems) != before:
        return None
    settings = MasterSettings(**fields)
    try:
        _check_alternates_format(settings, "audio.alternates", path)
    except ConfigError as exc:
        problems.append(exc)
        return None
    return settings


def _check_alternates_format(settings: MasterSettings, key: str, path: Path) -> None:
    for name in settings.alternates:
        if ALTERNATES[name].extension == settings.format:
            raise _fail(path, key, f"{name!r} is the main format ({settings.format}) already")


def with_alternates(config: ShowConfig, names: list[str], flag: str) -> ShowConfig:
    """Return ``config`` making the alternates a command-line ``flag`` names, not show.toml's.

    Checked as show.toml's ``[audio] alternates`` is; the error names the flag.
    """
    try:
        chosen = _alternates(names, flag, config.path)
        settings = replace(config.audio, alternates=chosen)  # type: ignore[arg-type]
        _check_alternates_format(settings, flag, config.path)
    except ConfigError as exc:
        raise ConfigError(exc.message) from None  # about the command line, not show.toml
    return replace(config, audio=settings)
