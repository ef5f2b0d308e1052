"""Tell what a page file is: refuse binaries, decode the text, tell HTML from plain text by content.

Each problem is one ``InputError`` naming the file; the messages are in ``MESSAGES`` so the
command line, its tests and the documentation say the same thing.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Literal

import charset_normalizer

from segments.errors import InputError
from segments.files import read_input
from segments.sniff import KINDS, sniff

PageKind = Literal["text", "html"]

#: One-line messages for files that are not readable pages.
MESSAGES = {
    "empty": "is empty",
    "binary": "is a binary file, not a page",
    "binary_kind": "is a binary file ({kind}), not a page",
    "undecodable": "is not text in any encoding segcast can recognise",
    "fallback": "decoded as {encoding} (not UTF-8)",
    "stray": "decoded as UTF-8 with {count} replaced by U+FFFD",
}

#: Byte-order marks other than UTF-8's, and the codec each announces.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Control bytes that never occur in text (all C0 controls but tab, newlines, form feed, ESC).
_CONTROL = frozenset(range(32)) - {9, 10, 11, 12, 13, 27}
#: More than this share of control bytes in the first 8 KB is a binary file.
CONTROL_RATIO = 0.05
_SAMPLE = 8192

#: Declared charsets that mean another in practice (WHATWG Encoding, "labels").
CHARSET_ALIASES = {
    "iso-8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
}
#: Codecs chosen among equally plausible detections (see ``_detect``).
PREFERRED_ENCODINGS = ("cp1252",)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)

#: Signs that a text is HTML, each with its weight; HTML_SCORE or more is HTML.
HTML_SIGNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"<!doctype\s+html", re.IGNORECASE), 10),
    (re.compile(r"<html[\s>]", re.IGNORECASE), 10),
    (re.compile(r"<head[\s>]", re.IGNORECASE), 5),
    (re.compile(r"<body[\s>]", re.IGNORECASE), 5),
    (re.compile(r"<meta\s", re.IGNORECASE), 2),
    (
        re.compile(
            r"</?(?:p|div|br|h[1-6]|article|section|figure|figcaption|ul|ol|li|a|img|span|"
            r"strong|em|b|i|blockquote|table|tr|td|main|header|footer|nav|audio|source)\b[^<>]*>",
            re.IGNORECASE,
        ),
        1,
    ),
)
HTML_SCORE = 6


def read_page_bytes(path: Path) -> bytes:
    """Return the bytes of the file at ``path``, refusing what cannot be a page."""
    data = read_input(path)
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        raise InputError(MESSAGES["empty"], path)
    if not data.startswith(tuple(bom for bom, _ in BOMS)):
        kind = sniff(data)
        if kind is not None:  # a file people pass by mistake: say what it is
            raise InputError(MESSAGES["binary_kind"].format(kind=KINDS[kind].name), path)
        if is_binary(data):
            raise InputError(MESSAGES["binary"], path)
    return data


def is_binary(data: bytes) -> bool:
    """Tell whether ``data`` holds bytes text never does (NUL, or many control bytes).

    >>> is_binary(b"a\\x00b"), is_binary("Café".encode())
    (True, False)
    """
    sample = data[:_SAMPLE]
    if b"\0" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > CONTROL_RATIO * len(sample)


def decode_page(data: bytes, where: str) -> tuple[str, list[str]]:
    """Decode a page: UTF-8 (with or without BOM), else its BOM, declared or detected encoding."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), [MESSAGES["fallback"].format(encoding=codec.upper())]
            except UnicodeDecodeError as exc:
                raise InputError(MESSAGES["undecodable"], where) from exc
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    encoding = _declared_encoding(data)
    text: str | None = None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = None
    if text is None:
        text, encoding = _detect(data, where)
    return text, [MESSAGES["fallback"].format(encoding=encoding)]


def _mostly_utf8(data: bytes) -> tuple[str, list[str]] | None:
    """Decode UTF-8 with a few stray bytes (text pasted into a CMS), or None if it is not UTF-8.

    It is UTF-8 when more characters decode as UTF-8 multi-byte sequences than bytes fail to:
    a Windows-1252 page has no valid sequences, so it still goes to detection.
    """
    text = data.decode("utf-8-sig", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    decoded = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    if decoded <= stray:
        return None
    count = f"{stray} invalid sequence" + ("" if stray == 1 else "s")
    return text, [MESSAGES["stray"].format(count=count)]


def _detect(data: bytes, where: str) -> tuple[str, str]:
    """Return the text and codec charset-normalizer finds, preferring windows-1252 on a tie."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise InputError(MESSAGES["undecodable"], where)
    best = matches[0]
    # Western European pages are the common case, and single-byte codecs often fit the same
    # bytes equally well (cp1250 reads "Señor" as "Seńor"): among those that read the bytes as
    # cleanly (no more chaos), prefer these. Coherence is not compared: its language guess
    # favours DOS and Mac codecs, which turn a no-break space or a curly apostrophe into a
    # letter ("film.á" in cp775, "Frameĺs" in cp852, "Itís" in mac_latin2).
    for preferred in PREFERRED_ENCODINGS:
        for match in matches:
            if preferred in match.could_be_from_charset and match.chaos <= best.chaos:
                return data.decode(preferred), preferred
    return str(best), best.encoding


def _declared_encoding(data: bytes) -> str | None:
    """Return the codec a page declares in a meta tag or XML declaration, if Python knows it."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    label = (match[1] or match[2]).decode("ascii", "replace").lower()
    label = CHARSET_ALIASES.get(label, label)
    try:
        codecs.lookup(label)
    except LookupError:
        return None
    return label


def page_kind(text: str) -> PageKind:
    """Tell HTML from plain text by the content's signs, whatever the file is called.

    >>> page_kind("<!DOCTYPE html><title>x</title>"), page_kind("<p>One</p>\\n<p>Two</p>")
    ('html', 'html')
    >>> page_kind("Hosted by John Horn\\n\\nUse <br> for line breaks, he said.")
    'text'
    """
    score = 0
    for pattern, weight in HTML_SIGNS:
        score += weight * len(pattern.findall(text, 0, 200_000))
        if score >= HTML_SCORE:
            return "html"
    stripped = text.strip()
    if stripped.startswith("<") and stripped.endswith(">") and score > 0:
        return "html"  # a bare fragment such as "<p>Hello</p>"
    return "text"
