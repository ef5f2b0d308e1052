"""The reference of every file a producer edits, generated from the tables the readers use.

``python -m segcast.reference`` writes ``docs/segment-files.md`` (from ``SEGMENT_KEYS`` in
``segments/segmentfile.py``) and ``docs/show-toml.md`` (from ``KEYS`` and ``AUDIO_KEYS`` in
``segcast/config.py``, ``SETTING_RANGES`` and ``MasterSettings`` in ``audio/settings.py``, and
the comments ``segcast init`` writes); ``--check`` writes nothing and exits 1 when a committed
reference is not what the tables give; ``--json`` prints the rows instead. Each table is read
by one small function (``segment_rows``, ``show_rows``, ``audio_rows``), so a change of a
table's shape is a change there alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audio.settings import ALTERNATES, ENCODINGS, MAINS_HZ, SETTING_RANGES, MasterSettings
from feeds.categories import APPLE_CATEGORIES
from feeds.validate.podcast import IMAGE_FORMS, LOCATION_FORMS, PODCAST_MEDIA
from segcast import config
from segcast.config import AUDIO_KEYS, KEYS
from segcast.init import AUDIO_TEMPLATE, SHOW_TEMPLATE
from segments import segmentfile
from segments.segmentfile import SEGMENT_KEYS
from segments.values import describe, rule_for

__all__ = ["DOCS", "Row", "audio_rows", "nested_keys", "render", "segment_rows", "show_rows"]

#: The references, by their path in the repository.
DOCS: tuple[str, ...] = ("docs/segment-files.md", "docs/show-toml.md")


@dataclass(frozen=True)
class Row:
    """One key of a file, as the reference lists it."""

    key: str
    holds: str
    type: str
    default: str
    example: str
    limits: str = ""
    #: How else it is set: the command-line flag or environment variable of the same setting.
    also: str = ""


def segment_rows() -> list[Row]:
    """Return the front-matter keys of a segment file (``SEGMENT_KEYS``)."""
    rows = []
    for key, spec in SEGMENT_KEYS.items():
        rule = rule_for(key)  # the shared value rules the reader checks (segments/values.py)
        limits = "; ".join(part for part in (describe(rule) if rule else "", spec.limits) if part)
        rows.append(Row(key, spec.holds, spec.type, spec.default, spec.example, limits))
    return rows


def nested_keys() -> dict[str, list[str]]:
    """Return the keys inside each front-matter mapping, as the reader and writer take them."""
    from segments.model import AudioRef, Image, Person, Source

    kinds = {"people": Person, "images": Image, "audio": AudioRef, "source": Source}
    nested = {key: [f.name for f in dataclasses.fields(kind)] for key, kind in kinds.items()}
    nested["show"] = list(segmentfile.SHOW_KEYS)
    return nested


#: What each show.toml check accepts, by the check's name, with the limits it applies.
_CHECKS: dict[str, tuple[str, str]] = {
    "_text": ("text", f"at most {config.MAX_TAG_CHARS} characters (Apple)"),
    "_description": ("text", f"at most {config.MAX_DESCRIPTION_BYTES} bytes of UTF-8 (Apple)"),
    "_url": ("URL", "http or https, no spaces (write %20)"),
    "_bool": ("true or false", ""),
    "_email": ("email address", ""),
    "_language": ("language code", "ISO 639, e.g. en or en-us"),
    "_category": ("text", f"one of Apple's {len(APPLE_CATEGORIES)} categories, exact casing"),
    "_type": ("text", ", ".join(config.SHOW_TYPES)),
    "_names": ("list of text", ""),
    "_funding": ("list of {url, label}", "url is http(s)"),
    "_timezone": ("text", "an IANA time zone name, e.g. America/Los_Angeles"),
    "_uuid": ("text", "a lower-case UUID"),
    "_stream_type": ("text", "an audio/ or video/ MIME type"),
    "_minutes": ("whole number", "{} to {} minutes".format(*config.AIRING_MINUTES)),
    "_medium": (
        "one of the choices",
        ", ".join(sorted(m for m in PODCAST_MEDIA if not m.endswith("L")))
        + ", or a list form (musicL, ...)",
    ),
    "_value": (
        "{type, method, suggested, recipients}",
        "recipients: {type, address, split, name, fee, custom_key, custom_value}; "
        "split a whole number of shares; suggested a decimal",
    ),
    "_locations": (
        "{name, rel, geo, osm, country} or a list",
        "name at most 128 characters; "
        + "; ".join(f"{a} {words}" for a, (_, words) in LOCATION_FORMS.items()),
    ),
    "_images": (
        "{href, alt, aspect_ratio, width, height, type, purpose} or a list",
        "href an http(s) URL; "
        + "; ".join(f"{a.replace('-', '_')} {words}" for a, (_, words) in IMAGE_FORMS.items()),
    ),
    "_trailers": (
        "{title, url, pubdate, type, season} or a list",
        "title at most 128 characters; url http(s); pubdate a date and time with its offset; "
        "type an audio/ or video/ MIME type; season a whole number",
    ),
    "_season_names": (
        "table of season number = name",
        "a season number from 1 to 10000; name at most 128 characters",
    ),
    "_license": ("text", f"a licenses.json identifier, at most {config.LICENSE_MAX_CHARS} chars"),
    "_txt": (
        "list of text or {text, purpose}",
        f"text at most {config.TXT_MAX_CHARS} characters, purpose "
        f"{config.TXT_PURPOSE_MAX_CHARS}",
    ),
    "_podroll": ("list of {feed_guid, feed_url}", "feed_guid a UUID, feed_url optional"),
    "_artwork": ("file name or URL", "a square .jpg or .png of {} to {} px, RGB".format(
        *config.ARTWORK_PIXELS
    )),
}  # fmt: skip

_EXTRA_LIMITS: dict[str, str] = {
    "subcategory": "one of its category's subcategories",
    "airtimes": "needs timezone",
    "live_stream_url": "needs airtimes",
    "locked": "needs owner_email",
}


def _plain(text: str) -> str:
    """A template comment or value as the reference shows it: no TODO, no comment mark."""
    return text.removeprefix("# ").removeprefix("TODO: ").replace('"TODO: ', '"')


def show_rows() -> list[Row]:
    """Return the keys of show.toml (``KEYS``, described by ``segcast init``'s template)."""
    rows = []
    for key, spec in KEYS.items():
        value, comment = SHOW_TEMPLATE[key]
        kind, limits = _CHECKS[spec.check.__name__]
        limits = "; ".join(part for part in (limits, _EXTRA_LIMITS.get(key, "")) if part)
        default = "required" if spec.required else "none" if spec.default is None else spec.default
        rows.append(
            Row(
                key,
                _plain(comment),
                kind,
                json.dumps(default) if isinstance(default, bool) else str(default),
                _plain(value),
                limits,
                f"${spec.env}" if spec.env else "",
            )
        )
    return rows


#: What each ``[audio]`` kind of value accepts, apart from the ranges of ``SETTING_RANGES``.
_AUDIO_KINDS: dict[str, tuple[str, str]] = {
    "format": ("text", ", ".join(sorted(ENCODINGS))),
    "bool": ("true or false", ""),
    "mains": ("whole number", " or ".join(str(hz) for hz in MAINS_HZ) + " (Hz of the mains)"),
    "bumper": ("file name", "an audio file, relative to the show folder"),
    "bitrate": ("whole number or text", 'kbit/s: 128, "128k" or 128000'),
    "crossfade_ms": ("whole number", ""),
    "target_lufs": ("number", ""),
    "true_peak": ("number", ""),
    "number": ("number", ""),
    "alternates": ("list of encodings", ", ".join(ALTERNATES)),
}

#: ``[audio]`` keys set on another command than ``segcast audio master``: (command, flag).
#: An alternate encoding is made by the build from the master, so only the build has it.
FLAG_OF: dict[str, tuple[str, str]] = {"alternates": ("segcast build", "--alternates")}

#: Defaults that depend on other settings (``None`` in MasterSettings).
_DEPENDENT_DEFAULTS: dict[str, str] = {
    "target_lufs": "-16 stereo, -19 mono (-16 with dual_mono)",
    "bitrate_kbps": "128 stereo, 64 mono",
    "highpass_hz": "off",
    "dehum": "off",
    "intro": "none",
    "outro": "none",
}


def audio_rows() -> list[Row]:
    """Return the keys of show.toml's ``[audio]`` (``AUDIO_KEYS``, ``SETTING_RANGES``)."""
    defaults = {f.name: f.default for f in dataclasses.fields(MasterSettings)}
    rows = []
    for key, (kind, field) in AUDIO_KEYS.items():
        value, comment = AUDIO_TEMPLATE[key]
        type_, limits = _AUDIO_KINDS[kind]
        if field in SETTING_RANGES:
            span = SETTING_RANGES[field]
            limits = "; ".join(
                p for p in (f"{span.low:g} to {span.high:g} {span.unit}", limits) if p
            )
        default = defaults[field]
        shown = (
            _DEPENDENT_DEFAULTS[field]
            if default is None
            else json.dumps(default)
            if isinstance(default, bool | str)
            else json.dumps(list(default))
            if isinstance(default, tuple)
            else f"{default:g}"
        )
        command, flag = FLAG_OF.get(key, ("segcast audio master", "--" + key.replace("_", "-")))
        rows.append(Row(key, comment, type_, shown, value, limits, f"`{command} {flag}`"))
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(rows: Sequence[Row], also: str | None = None) -> list[str]:
    head = ["key", "what it holds", "type", "default", "limits", "example"]
    if also:
        head.append(also)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [f"`{row.key}`", row.holds, row.type, row.default, row.limits, f"`{row.example}`"]
        if also:
            cells.append(row.also)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


_GENERATED = (
    "<!-- Generated by `python -m segcast.reference` from the tables the readers use; "
    "edit those, then run it again. A test fails when this file is not what they give. -->"
)


def _segment_doc() -> str:
    example = (segmentfile.__doc__ or "").split("A file looks like this::", 1)[1]
    example_lines, _, after = example.partition("\n\nIn the transcript")
    body = "In the transcript" + after
    lines = [
        _GENERATED,
        "",
        "# Segment files (`segments/<slug>.md`)",
        "",
        "One file per episode: YAML front matter between two `---` lines, then Markdown: the",
        "summary, optional `## Show notes` and the `## Transcript`. `segcast import` writes them",
        "(with every key it could not fill as a commented example line); the producer edits them.",
        "Text YAML would misread (a `: `, quotes, a leading `*`, `&`, `!`, `?`) goes in double",
        "quotes: `title: \"'Lovesong': Another intimate film\"`. An unknown key is an error.",
        "",
        "## Front-matter keys",
        "",
        *_table(segment_rows()),
        "",
        "Inside the mappings:",
        "",
        *(
            f"- `{key}`: " + ", ".join(f"`{k}`" for k in keys)
            for key, keys in nested_keys().items()
        ),
        "",
        "## A file",
        "",
        "```markdown",
        *(line.removeprefix("    ") for line in example_lines.strip("\n").split("\n")),
        "```",
        "",
        " ".join(body.replace("``", "`").split()),
        "",
    ]
    return "\n".join(lines)


def _show_doc() -> str:
    lines = [
        _GENERATED,
        "",
        "# `show.toml`",
        "",
        "The show folder's configuration, read and checked once by every command that needs it;",
        "every problem names the key and the file. `segcast init DIR` writes one with each key",
        "commented. Some keys can be set by an environment variable instead (it wins).",
        "",
        "## Keys",
        "",
        *_table(show_rows(), also="variable"),
        "",
        "## `[audio]`: how `segcast build` masters `raw/` recordings",
        "",
        "Every key is optional. Each is also the flag of the same name of `segcast audio",
        "master` (`target_lufs` is `--target-lufs`).",
        "",
        *_table(audio_rows(), also="flag"),
        "",
    ]
    return "\n".join(lines)


def render() -> dict[str, str]:
    """Return each reference's text, by its path in the repository."""
    return dict(zip(DOCS, (_segment_doc(), _show_doc()), strict=True))


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or ``--check``) the references under ``--root`` (default: the current folder)."""
    parser = argparse.ArgumentParser(prog="python -m segcast.reference", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository's folder")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    if args.json:
        tables = {"segment": segment_rows(), "show": show_rows(), "audio": audio_rows()}
        data: dict[str, object] = {
            name: [dataclasses.asdict(r) for r in rows] for name, rows in tables.items()
        }
        data["segment_mappings"] = nested_keys()
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    from segments.files import write_atomic

    stale = []
    for name, text in render().items():
        path = args.root / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            write_atomic(path, text)
    for name in stale:
        verb = "is not current; run python -m segcast.reference" if args.check else "written"
        print(f"{name}: {verb}", file=sys.stderr if args.check else sys.stdout)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
