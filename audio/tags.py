"""Podcast tags inside the audio file: ID3 (MP3), MP4 atoms (M4A), Vorbis comments (OGG/Opus/FLAC).

One table, :data:`TAG_KEYS`, says where each field goes in each container. mutagen reads and
writes every tag (it has every podcast frame: CHAP, CTOC, USLT, APIC, PCST, TGID, TDES, WFED);
only MP4 chapters go through ffmpeg, because mutagen cannot write them.

Cover and chapters are not one value per key, so they sit beside the table:

========  ==========================================  ===================================
          cover (JPEG, front)                         chapters
========  ==========================================  ===================================
MP3       APIC type 3                                 CTOC (top level, ordered) + CHAP
M4A       covr                                        chpl + QuickTime text track (ffmpeg)
OGG/Opus  METADATA_BLOCK_PICTURE                      CHAPTERnnn, CHAPTERnnnNAME, ...URL
FLAC      PICTURE block type 3                        CHAPTERnnn, CHAPTERnnnNAME, ...URL
========  ==========================================  ===================================

Writing is atomic (a copy beside the file is tagged, then renamed over it) and never touches the
audio frames. Re-tagging replaces what segcast owns (the table's keys, chapters, and the front
cover when a new one is given) and keeps every other tag.
"""

from __future__ import annotations

import base64
import contextlib
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import mutagen.aiff
import mutagen.flac
import mutagen.id3
import mutagen.mp3
import mutagen.mp4
import mutagen.oggopus
import mutagen.oggvorbis
import mutagen.wave
from mutagen import MutagenError
from mutagen.id3 import ID3NoHeaderError

from audio.ffmpeg import run_ffmpeg
from audio.probe import MUTAGEN_TYPES, exact_length
from segments.errors import AudioError, InputError, SegcastError
from segments.files import atomic_output, temp_prefix
from segments.model import Chapter, Segment, Show
from segments.schedule import describe
from segments.sniff import KINDS, Kind, sniff_file, synchsafe
from segments.timecode import format_timecode, parse_timecode
from segments.transcript import transcript_text
from segments.urls import check_url

# mutagen's annotations are partial (strict mypy rejects every call into it): use it as Any.
id3: Any = mutagen.id3
mp4: Any = mutagen.mp4
flac: Any = mutagen.flac

Format = Literal["mp3", "m4a", "ogg", "opus", "flac", "wav", "aiff"]

#: Formats segcast writes tags into; WAV and AIFF are read (their ID3 chunk) but never written:
#: podcast apps take MP3 and AAC, so those are mastered first.
WRITABLE: tuple[Format, ...] = ("mp3", "m4a", "ogg", "opus", "flac")

#: Human names for messages.
FORMAT_NAMES: dict[Format, str] = {
    "mp3": "MP3",
    "m4a": "M4A",
    "ogg": "OGG Vorbis",
    "opus": "Opus",
    "flac": "FLAC",
    "wav": "WAV",
    "aiff": "AIFF",
}


@dataclass(frozen=True)
class TagKey:
    """Where one :class:`TagFields` field goes in each container; ``None`` where it has no place."""

    field: str
    id3: str | None
    mp4: str | None
    vorbis: str | None


#: The field -> ID3 frame / MP4 atom / Vorbis key mapping: the code and its documentation.
#: ID3 ``TDRC`` becomes ``TYER`` + ``TDAT`` in ID3v2.3 (mutagen's update_to_v23). ``COMM`` and
#: ``USLT`` are the frames with an empty description. Apple's podcast frames (PCST, TGID, TDES,
#: WFED) and atoms (pcst, egid, purl, desc, ldes) have no Vorbis equivalent, so segcast uses plain
#: upper-case keys there. MP4 freeform atoms use the ``com.apple.iTunes`` mean ffmpeg reads.
#: WFED is a URL frame as mutagen has it (eyeD3 reads it as a text frame).
TAG_KEYS: tuple[TagKey, ...] = (
    TagKey("title", "TIT2", "©nam", "TITLE"),
    TagKey("artist", "TPE1", "©ART", "ARTIST"),
    TagKey("album_artist", "TPE2", "aART", "ALBUMARTIST"),
    TagKey("album", "TALB", "©alb", "ALBUM"),
    TagKey("copyright", "TCOP", "cprt", "COPYRIGHT"),
    TagKey("genre", "TCON", "©gen", "GENRE"),
    TagKey("date", "TDRC", "©day", "DATE"),
    TagKey("track", "TRCK", "trkn", "TRACKNUMBER"),
    TagKey("comment", "COMM", "©cmt", "COMMENT"),
    TagKey("description", "TDES", "ldes", "DESCRIPTION"),
    TagKey("short_description", None, "desc", None),
    TagKey("lyrics", "USLT", "©lyr", "LYRICS"),
    TagKey("podcast", "PCST", "pcst", "PODCAST"),
    TagKey("episode_guid", "TGID", "egid", "EPISODE_GUID"),
    TagKey("feed_url", "WFED", "purl", "FEED_URL"),
    TagKey("source_url", "WOAS", "----:com.apple.iTunes:SOURCE_URL", "SOURCE_URL"),
    TagKey("airtimes", "TXXX:AIRTIMES", "----:com.apple.iTunes:AIRTIMES", "AIRTIMES"),
)

#: Tags naming the software that wrote the file (ffmpeg's ``Lavf...``): removed on every write,
#: like the ones segcast owns. They say nothing a listener needs, and differ between ffmpeg builds.
ENCODER_TAGS = TagKey("encoder", "TSSE", "©too", "ENCODER")

#: The TagFields whose values are URLs, published only as http(s) (``segments.urls``), with the
#: key a producer's file gives them.
URL_FIELDS: dict[str, str] = {"source_url": "link", "feed_url": "feed_url"}

#: iTunes shows at most this much of ``desc`` (the short description).
SHORT_DESCRIPTION_CHARS = 255

#: ISO 639-1 -> ISO 639-2/T for the USLT/COMM language field (ID3 wants three letters).
ISO639_2: dict[str, str] = {
    "ar": "ara", "cs": "ces", "cy": "cym", "da": "dan", "de": "deu", "el": "ell", "en": "eng",
    "es": "spa", "fi": "fin", "fr": "fra", "ga": "gle", "he": "heb", "hi": "hin", "hu": "hun",
    "it": "ita", "ja": "jpn", "ko": "kor", "mi": "mri", "nb": "nob", "nl": "nld", "nn": "nno",
    "no": "nor", "pl": "pol", "pt": "por", "ru": "rus", "sv": "swe", "tr": "tur", "uk": "ukr",
    "zh": "zho",
}  # fmt: skip

#: ID3 chapter frames: byte offsets are unused (the spec's 0xFFFFFFFF), element ids are ours.
NO_OFFSET = 0xFFFFFFFF
TOC_ID = "toc"
CHAPTER_ID = "chp{}"
#: Vorbis chapter comments (the OGM/Matroska convention ffmpeg, VLC and foobar2000 read).
VORBIS_CHAPTER = "CHAPTER{:03d}"
MAX_VORBIS_CHAPTERS = 999


@dataclass
class TagFields:
    """The values segcast writes into an episode's audio file; ``None`` writes nothing."""

    title: str | None = None
    artist: str | None = None
    album_artist: str | None = None
    album: str | None = None
    copyright: str | None = None
    genre: str | None = "Podcast"
    date: date | None = None
    track: int | None = None
    comment: str | None = None
    description: str | None = None
    short_description: str | None = None
    lyrics: str | None = None
    language: str = "eng"
    podcast: bool = True
    episode_guid: str | None = None
    feed_url: str | None = None
    source_url: str | None = None
    airtimes: str | None = None


@dataclass
class TagReport:
    """What an audio file's tags say, under the friendly names of :data:`TAG_KEYS`.

    Tags segcast does not own appear under their own key (``TPUB``, ``TXXX:MOOD``, ``----:..``).
    ``transcript_chars`` is the length of the embedded lyrics/transcript, ``None`` without one.
    """

    tags: dict[str, str] = field(default_factory=dict)
    chapters: list[Chapter] = field(default_factory=list)
    has_cover: bool = False
    transcript_chars: int | None = None
    format: Format | None = None
    id3_version: str | None = None
    transcript: str | None = None


# --- fields from the model ----------------------------------------------------------------


def iso639_2(language: str | None) -> str:
    """Return the three-letter code for a BCP 47 tag, ``eng`` when unknown.

    >>> iso639_2("de-AT"), iso639_2("fra"), iso639_2(None), iso639_2("xx")
    ('deu', 'fra', 'eng', 'und')
    """
    if not language:
        return "eng"
    primary = language.strip().lower().replace("_", "-").split("-")[0]
    if len(primary) == 3 and primary.isalpha():
        return primary
    return ISO639_2.get(primary, "und")


def _short(text: str | None) -> str | None:
    """Return the first paragraph of ``text`` clipped to the short-description limit."""
    if not text or not text.strip():
        return None
    first = text.strip().split("\n\n")[0].strip()
    if len(first) <= SHORT_DESCRIPTION_CHARS:
        return first
    return first[: SHORT_DESCRIPTION_CHARS - 1].rstrip() + "…"


def _airtimes(show: Show) -> str | None:
    """Return the airtimes sentence of ``show``'s schedule."""
    if show.schedule is None:
        return None
    if show.schedule.airtimes:
        return describe(show.schedule)
    return show.schedule.text or None


def tag_fields(segment: Segment, show: Show | None, page_url: str | None = None) -> TagFields:
    """Return the tag values for ``segment`` of ``show`` (the segment's own show when None).

    ``page_url`` is the episode's own web page (the build's site publishes one): WOAS names it,
    else the segment's link, else the page it was imported from. TPE2 (album artist) is the
    show's author, TCOP its copyright, TRCK the episode number.
    """
    show = show or segment.show or Show()
    hosts = [p.name for p in segment.people_with("host")] or list(show.hosts)
    published = segment.published
    day = published.date() if isinstance(published, datetime) else published
    lyrics = transcript_text(segment.transcript)
    source_url = page_url or segment.link or (segment.source.url if segment.source else None)
    summary = segment.summary.strip() if segment.summary and segment.summary.strip() else None
    return TagFields(
        title=segment.title,
        artist=", ".join(hosts) or None,
        album_artist=show.author,
        album=show.title,
        copyright=show.copyright,
        date=day,
        track=segment.episode,
        comment=summary,
        description=summary,
        short_description=_short(summary),
        lyrics=lyrics or None,
        language=iso639_2(segment.language or show.language),
        episode_guid=segment.guid,
        feed_url=show.feed_url,
        source_url=source_url,
        airtimes=_airtimes(show),
    )


def _text(fields: TagFields, name: str) -> str | None:
    """Return field ``name`` as tag text, ``None`` when it has no value."""
    value = getattr(fields, name)
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else None
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None


# --- format detection ---------------------------------------------------------------------


#: The tagger's format for each kind of file the sniffer (segments.sniff) tells apart. An M4A
#: and any other ISO BMFF file take MP4 atoms; FLAC behind an ID3v2 tag is still FLAC.
FORMAT_OF_KIND: dict[Kind, Format] = {
    "mp3": "mp3",
    "m4a": "m4a",
    "mp4": "m4a",
    "ogg-vorbis": "ogg",
    "ogg-opus": "opus",
    "flac": "flac",
    "wav": "wav",
    "aiff": "aiff",
}
#: Audio the sniffer knows but mutagen cannot tag here: named in the error, not "not audio".
UNTAGGED_KINDS: frozenset[Kind] = frozenset({"ogg", "matroska", "aac"})
#: The mutagen class that reads each format.
_LOADERS: dict[Format, Any] = {fmt: MUTAGEN_TYPES[kind] for kind, fmt in FORMAT_OF_KIND.items()}


def detect_format(path: Path) -> Format:
    """Return the audio format of ``path`` from its content, or raise InputError."""
    path = Path(path)
    try:
        kind = sniff_file(path)
        empty = kind is None and path.stat().st_size == 0
    except FileNotFoundError as exc:
        raise InputError("no such file", path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from exc
    if empty:
        raise InputError("empty file, not audio", path)
    if kind in UNTAGGED_KINDS:
        name = KINDS[kind].name
        raise InputError(f"{name} is not supported for tags; use MP3, M4A, OGG, Opus or FLAC", path)
    if kind is None or kind not in FORMAT_OF_KIND:
        raise InputError("not an audio file (expected MP3, M4A, OGG Vorbis, Opus or FLAC)", path)
    return FORMAT_OF_KIND[kind]


# --- chapters -----------------------------------------------------------------------------


def plan_chapters(chapters: list[Chapter], duration: float | None, where: Path) -> list[Chapter]:
    """Return ``chapters`` in time order with every end filled (next start, else the duration).

    ``duration`` is the audio's length in seconds, None when it is unknown: then nothing is
    checked against it and the last chapter must state its own end.
    """
    ordered = sorted(chapters, key=lambda c: c.start_seconds)
    planned: list[Chapter] = []
    for index, chapter in enumerate(ordered):
        if chapter.start_seconds < 0:
            raise InputError(f"chapter {chapter.title!r} starts before 0:00", where)
        if duration is not None and chapter.start_seconds >= duration:
            raise InputError(
                f"chapter {chapter.title!r} starts at {format_timecode(chapter.start_seconds)}, "
                f"after the end of the audio ({format_timecode(duration)})",
                where,
            )
        following = ordered[index + 1].start_seconds if index + 1 < len(ordered) else duration
        end = chapter.end_seconds if chapter.end_seconds is not None else following
        if end is None:
            raise InputError(
                f"chapter {chapter.title!r} needs an end: the audio's duration is unknown", where
            )
        end = min(end, duration) if duration is not None else end
        if end <= chapter.start_seconds:
            raise InputError(f"chapter {chapter.title!r} ends before it starts", where)
        planned.append(
            Chapter(chapter.start_seconds, chapter.title, end, chapter.url, chapter.image)
        )
    return planned


# --- ID3 ----------------------------------------------------------------------------------


#: Printable ASCII: what :func:`ascii_url` leaves as it is.
_URL_SAFE = "".join(chr(code) for code in range(0x21, 0x7F))


def ascii_url(url: str) -> str:
    """Return ``url`` with non-ASCII characters and spaces percent-encoded (RFC 3987, 3.1).

    ID3 URL frames (WOAS, WFED, WXXX) hold Latin-1 only.

    >>> ascii_url("https://example.org/café?q=a b")
    'https://example.org/caf%C3%A9?q=a%20b'
    """
    return url if url.isascii() and " " not in url else quote(url, safe=_URL_SAFE)


def _id3_frame(frame_key: str, text: str, language: str) -> Any:
    """Return the ID3 frame for ``frame_key`` holding ``text``."""
    utf8 = 3  # mutagen converts to UTF-16 when saving ID3v2.3, which has no UTF-8
    if frame_key == "COMM":
        return id3.COMM(encoding=utf8, lang=language, desc="", text=[text])
    if frame_key == "USLT":
        return id3.USLT(encoding=utf8, lang=language, desc="", text=text)
    if frame_key.startswith("TXXX:"):
        return id3.TXXX(encoding=utf8, desc=frame_key[5:], text=[text])
    if frame_key == "PCST":
        return id3.PCST(value=1)
    if frame_key.startswith("W"):
        return getattr(id3, frame_key)(url=ascii_url(text))  # URL frames: WOAS, WFED
    return getattr(id3, frame_key)(encoding=utf8, text=[text])


def _drop_owned_id3(tags: Any, *, replace_cover: bool) -> None:
    """Remove every frame segcast writes, keeping foreign ones (other COMM/TXXX/APIC...)."""
    for key in TAG_KEYS:
        frame_key = key.id3
        if frame_key is None:
            continue
        if frame_key in ("COMM", "USLT"):
            for hash_key in [k for k, f in tags.items() if k.startswith(frame_key) and not f.desc]:
                del tags[hash_key]
        else:
            tags.delall(frame_key)
    for frame_id in ("TYER", "TDAT", "TIME", "CHAP", "CTOC", ENCODER_TAGS.id3):
        tags.delall(frame_id)
    if replace_cover:
        for hash_key in [k for k, f in tags.items() if k.startswith("APIC") and f.type == 3]:
            del tags[hash_key]


def _write_id3(
    temp: Path,
    fields: TagFields,
    cover: bytes | None,
    chapters: list[Chapter],
    id3_version: int,
    where: Path,
) -> None:
    """Tag the MP3 (or ID3-carrying file) at ``temp``."""
    try:
        tags = id3.ID3(temp)
    except ID3NoHeaderError:
        tags = id3.ID3()
    _drop_owned_id3(tags, replace_cover=cover is not None)
    for key in TAG_KEYS:
        text = _text(fields, key.field)
        if key.id3 is not None and text is not None:
            tags.add(_id3_frame(key.id3, text, fields.language))
    if cover is not None:
        tags.add(id3.APIC(encoding=0, mime="image/jpeg", type=3, desc="", data=cover))
    ids = [CHAPTER_ID.format(i) for i in range(len(chapters))]
    for element_id, chapter in zip(ids, chapters, strict=True):
        sub_frames: list[Any] = [id3.TIT2(encoding=3, text=[chapter.title])]
        if chapter.url:
            sub_frames.append(id3.WXXX(encoding=3, desc="", url=ascii_url(chapter.url)))
        tags.add(
            id3.CHAP(
                element_id=element_id,
                start_time=round(chapter.start_seconds * 1000),
                end_time=round((chapter.end_seconds or chapter.start_seconds) * 1000),
                start_offset=NO_OFFSET,
                end_offset=NO_OFFSET,
                sub_frames=sub_frames,
            )
        )
    if ids:
        # mutagen stores CHAP frames in size order; the ordered CTOC carries the sequence.
        flags = id3.CTOCFlags.TOP_LEVEL | id3.CTOCFlags.ORDERED
        tags.add(id3.CTOC(element_id=TOC_ID, flags=flags, child_element_ids=ids, sub_frames=[]))
    if id3_version == 3:
        tags.update_to_v23()
    tags.save(temp, v2_version=id3_version)
    if ids:
        _order_chap_frames(temp, ids)


def _order_chap_frames(path: Path, ids: list[str]) -> None:
    """Rewrite the ID3v2 tag at the start of ``path`` with its CHAP frames in chapter order.

    mutagen stores frames by size, and readers that ignore the CTOC (ffmpeg 5, so mpv and
    ffprobe) list chapters in file order. Frames only move; the tag keeps its size.
    """
    with path.open("r+b") as handle:
        header = handle.read(10)
        if header[:3] != b"ID3" or header[5] != 0:
            return  # unsynchronised or extended header: mutagen writes neither
        version = header[3]
        body = handle.read(synchsafe(header[6:10]))
        frames: list[tuple[bytes, bytes]] = []  # (frame id, whole frame)
        offset = 0
        while offset + 10 <= len(body) and body[offset] != 0:
            raw = body[offset + 4 : offset + 8]
            size = synchsafe(raw) if version == 4 else int.from_bytes(raw, "big")
            frames.append((body[offset : offset + 4], body[offset : offset + 10 + size]))
            offset += 10 + size
        position = {CHAPTER_ID.format(i).encode("latin-1"): i for i in range(len(ids))}

        def rank(frame: bytes) -> int:
            return position.get(frame[10:].split(b"\0", 1)[0], len(ids))

        chaps = sorted((f for kind, f in frames if kind == b"CHAP"), key=rank)
        first = next(i for i, (kind, _) in enumerate(frames) if kind == b"CHAP")
        others = [f for kind, f in frames if kind != b"CHAP"]
        ordered = b"".join(others[:first] + chaps + others[first:])
        if len(ordered) != offset:
            return
        handle.seek(10)
        handle.write(ordered)


def _id3_report(tags: Any) -> TagReport:
    """Return the report for loaded ID3 ``tags`` (``None`` when the file has none)."""
    report = TagReport()
    if tags is None:
        return report
    report.id3_version = f"2.{tags.version[1]}"
    by_frame = {key.id3: key.field for key in TAG_KEYS if key.id3}
    for hash_key, frame in tags.items():
        frame_id = frame.FrameID
        if frame_id in ("COMM", "USLT") and not frame.desc:
            if frame_id == "USLT":
                report.transcript = str(frame.text)
            else:
                report.tags["comment"] = "\n".join(map(str, frame.text))
        elif hash_key in by_frame and frame_id != "PCST":
            report.tags[by_frame[hash_key]] = _id3_text(frame)
        elif frame_id == "PCST":
            report.tags["podcast"] = str(frame.value)
        elif frame_id == "APIC":
            report.has_cover = report.has_cover or frame.type == 3
        elif frame_id in ("CHAP", "CTOC"):
            continue
        else:
            text = _id3_text(frame)
            if text is not None:
                report.tags[hash_key] = text
    report.chapters = _id3_chapters(tags)
    return report


def _id3_text(frame: Any) -> Any:
    """Return the text of a text or URL frame, ``None`` for binary frames."""
    if hasattr(frame, "url"):
        return str(frame.url)
    if hasattr(frame, "text"):
        values = frame.text if isinstance(frame.text, list) else [frame.text]
        return "; ".join(str(v) for v in values)
    return None


def _id3_chapters(tags: Any) -> list[Chapter]:
    """Return the chapters in CTOC order (start order when there is no CTOC)."""
    chaps = {frame.element_id: frame for frame in tags.getall("CHAP")}
    order: list[str] = []
    for toc in tags.getall("CTOC"):
        if toc.flags & id3.CTOCFlags.TOP_LEVEL:
            order = [i for i in toc.child_element_ids if i in chaps]
            break
    if not order:
        order = sorted(chaps, key=lambda i: chaps[i].start_time)
    chapters = []
    for element_id in order:
        chap = chaps[element_id]
        title = next((str(f) for f in chap.sub_frames.getall("TIT2")), element_id)
        url = next((str(f.url) for f in chap.sub_frames.getall("WXXX")), None)
        chapters.append(Chapter(chap.start_time / 1000, title, chap.end_time / 1000, url))
    return chapters


# --- MP4 ----------------------------------------------------------------------------------


def _mp4_value(atom: str, text: str) -> Any:
    """Return the mutagen value for MP4 ``atom`` holding ``text``."""
    if atom == "trkn":
        return [(int(text), 0)]
    if atom == "pcst":
        return True  # mutagen keeps pcst as a plain bool
    if atom.startswith("----:"):
        return [mp4.MP4FreeForm(text.encode("utf-8"))]
    return [text]


def _ffmetadata(chapters: list[Chapter]) -> str:
    """Return an ffmetadata document holding ``chapters`` (times in milliseconds)."""

    def escape(value: str) -> str:
        for char in "\\=;#\n":
            value = value.replace(char, "\\" + char)
        return value

    lines = [";FFMETADATA1"]
    for chapter in chapters:
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={round(chapter.start_seconds * 1000)}",
            f"END={round((chapter.end_seconds or chapter.start_seconds) * 1000)}",
            f"title={escape(chapter.title)}",
        ]
    return "\n".join(lines) + "\n"


def _mp4_tracks(path: Path) -> list[bytes]:
    """Return the handler type of every track in the MP4 at ``path`` (``soun``, ``vide``, ...).

    Only box headers are read (seeking over ``mdat``), so a long episode costs no memory.
    """
    handlers: list[bytes] = []
    with path.open("rb") as handle:

        def walk(start: int, end: int) -> None:
            offset = start
            while offset + 8 <= end:
                handle.seek(offset)
                head = handle.read(16)
                if len(head) < 8:
                    return
                size, kind = struct.unpack(">I4s", head[:8])
                header = 8
                if size == 1 and len(head) == 16:
                    size, header = struct.unpack(">Q", head[8:16])[0], 16
                elif size == 0:
                    size = end - offset
                if size < header:
                    return
                if kind in (b"moov", b"trak", b"mdia"):
                    walk(offset + header, offset + size)
                elif kind == b"hdlr":
                    handle.seek(offset + header + 8)
                    handlers.append(handle.read(4))
                offset += size

        walk(0, path.stat().st_size)
    return handlers


def _write_mp4(
    source: Path,
    temp: Path,
    fields: TagFields,
    cover: bytes | None,
    chapters: list[Chapter],
    where: Path,
) -> None:
    """Write ``source`` to ``temp`` with new chapters (ffmpeg), then tags (mutagen)."""
    if b"vide" in _mp4_tracks(source):
        raise InputError("has a video track; segcast tags audio-only M4A files", where)
    original = mp4.MP4(source)
    owned = {key.mp4 for key in (*TAG_KEYS, ENCODER_TAGS) if key.mp4}
    if cover is not None:
        owned.add("covr")
    kept = {k: v for k, v in (original.tags or {}).items() if k not in owned}
    with tempfile.TemporaryDirectory(prefix=temp_prefix("tags")) as scratch:
        metadata = Path(scratch) / "chapters.ffmetadata"
        metadata.write_text(_ffmetadata(chapters), encoding="utf-8")
        # Only the audio is mapped: an old chapter text track is replaced, not duplicated. The
        # global metadata comes from the (empty) ffmetadata file; -map_metadata -1 would also
        # drop the chapter titles. Tags are restored by mutagen below, foreign atoms included.
        muxer = "mp4" if where.suffix.lower() == ".mp4" else "ipod"
        run_ffmpeg(
            ["-y", "-i", source, "-i", metadata, "-map", "0:a", "-map_metadata", "1",
             "-map_chapters", "1", "-c", "copy", "-movflags", "+faststart", "-fflags", "+bitexact",
             "-f", muxer, temp],
            where=where,
        )  # fmt: skip
    tagged = mp4.MP4(temp)
    if tagged.tags is None:
        tagged.add_tags()
    tagged.tags.clear()
    tagged.tags.update(kept)
    for key in TAG_KEYS:
        text = _text(fields, key.field)
        if key.mp4 is not None and text is not None:
            tagged.tags[key.mp4] = _mp4_value(key.mp4, text)
    if cover is not None:
        tagged.tags["covr"] = [mp4.MP4Cover(cover, imageformat=mp4.MP4Cover.FORMAT_JPEG)]
    tagged.save()


def chapter_ends(starts: list[float], length_seconds: float) -> list[float]:
    """Return each chapter's end: the next one's start, the last one's at the end of the file.

    >>> chapter_ends([0.0, 60.0], 90.5), chapter_ends([], 90.5)
    ([60.0, 90.5], [])
    """
    return [*starts[1:], length_seconds] if starts else []


def _mp4_report(audio: Any) -> TagReport:
    """Return the report for a loaded MP4."""
    report = TagReport()
    by_atom = {key.mp4: key.field for key in TAG_KEYS if key.mp4}
    for atom, values in (audio.tags or {}).items():
        if atom == "covr":
            report.has_cover = bool(values)
            continue
        listed = values if isinstance(values, list) else [values]
        text = "; ".join(_mp4_text(v) for v in listed)
        if atom == "©lyr":
            report.transcript = text
        elif atom in by_atom:
            report.tags[by_atom[atom]] = text
        else:
            report.tags[atom] = text
    chapters = list(audio.chapters or [])
    ends = chapter_ends([c.start for c in chapters], audio.info.length)
    report.chapters = [
        Chapter(round(c.start, 3), c.title, round(end, 3))
        for c, end in zip(chapters, ends, strict=True)
    ]
    return report


def _mp4_text(value: Any) -> str:
    """Return one MP4 tag value as text."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple):
        return str(value[0])
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


# --- Vorbis comments ----------------------------------------------------------------------


def _picture(cover: bytes) -> Any:
    """Return a FLAC picture block (front cover, JPEG) for ``cover``."""
    picture = flac.Picture()
    picture.type = 3
    picture.mime = "image/jpeg"
    picture.desc = ""
    picture.data = cover
    return picture


def _is_chapter_key(key: str) -> bool:
    """Tell whether ``key`` is a Vorbis chapter comment (``CHAPTER001``, ``CHAPTER001NAME``)."""
    upper = key.upper()
    return upper.startswith("CHAPTER") and upper[7:10].isdigit()


def _write_vorbis(
    temp: Path, kind: Format, fields: TagFields, cover: bytes | None, chapters: list[Chapter]
) -> None:
    """Tag the OGG Vorbis, Opus or FLAC file at ``temp``."""
    audio: Any = _LOADERS[kind](temp)
    if audio.tags is None:
        audio.add_tags()
    owned = {key.vorbis for key in (*TAG_KEYS, ENCODER_TAGS) if key.vorbis}
    for key in list(audio.tags.keys()):
        if key.upper() in owned or _is_chapter_key(key):
            del audio.tags[key]
    for tag_key in TAG_KEYS:
        text = _text(fields, tag_key.field)
        if tag_key.vorbis is not None and text is not None:
            audio.tags[tag_key.vorbis] = [text]
    for number, chapter in enumerate(chapters, start=1):
        stem = VORBIS_CHAPTER.format(number)
        audio.tags[stem] = [format_timecode(chapter.start_seconds)]
        audio.tags[stem + "NAME"] = [chapter.title]
        if chapter.url:
            audio.tags[stem + "URL"] = [chapter.url]
    if cover is not None:
        if kind == "flac":
            audio.metadata_blocks = [
                b
                for b in audio.metadata_blocks
                if not (isinstance(b, flac.Picture) and b.type == 3)
            ]
            audio.add_picture(_picture(cover))
        else:
            kept = [v for v in audio.tags.get("METADATA_BLOCK_PICTURE", []) if not _front_cover(v)]
            encoded = base64.b64encode(_picture(cover).write()).decode("ascii")
            audio.tags["METADATA_BLOCK_PICTURE"] = [*kept, encoded]
    audio.save()


def _front_cover(encoded: str) -> bool:
    """Tell whether a base64 METADATA_BLOCK_PICTURE value is a front cover."""
    try:
        return bool(flac.Picture(base64.b64decode(encoded)).type == 3)
    except (ValueError, MutagenError, struct.error):
        return False


def _vorbis_report(audio: Any, kind: Format) -> TagReport:
    """Return the report for a loaded OGG Vorbis, Opus or FLAC file."""
    report = TagReport()
    by_key = {key.vorbis: key.field for key in TAG_KEYS if key.vorbis}
    starts: dict[int, float] = {}
    names: dict[int, str] = {}
    urls: dict[int, str] = {}
    for key, values in audio.tags.items() if audio.tags is not None else []:
        upper, value = key.upper(), "; ".join(values)
        if _is_chapter_key(upper):
            number, suffix = int(upper[7:10]), upper[10:]
            if suffix == "":
                with contextlib.suppress(ValueError):  # a start we cannot read is no chapter
                    starts[number] = parse_timecode(value)
            elif suffix == "NAME":
                names[number] = value
            elif suffix == "URL":
                urls[number] = value
        elif upper == "METADATA_BLOCK_PICTURE":
            report.has_cover = report.has_cover or any(_front_cover(v) for v in values)
        elif upper == "LYRICS":
            report.transcript = value
        elif upper in by_key:
            report.tags[by_key[upper]] = value
        else:
            report.tags[key.lower()] = value
    if kind == "flac":
        report.has_cover = report.has_cover or any(p.type == 3 for p in audio.pictures)
    numbers = sorted(starts, key=lambda n: starts[n])
    ends = chapter_ends([starts[n] for n in numbers], audio.info.length)
    report.chapters = [
        Chapter(starts[n], names.get(n, ""), round(end, 3), urls.get(n))
        for n, end in zip(numbers, ends, strict=True)
    ]
    return report


# --- public -------------------------------------------------------------------------------


def _load(path: Path, kind: Format) -> Any:
    """Return the mutagen file object for ``path``; InputError when mutagen cannot read it."""
    try:
        return _LOADERS[kind](path)
    except (MutagenError, struct.error, ValueError, EOFError) as exc:
        raise InputError(f"cannot read {FORMAT_NAMES[kind]} file ({exc})", path) from exc


def read_tags(path: Path) -> TagReport:
    """Return the tags, chapters, cover and transcript of the audio file at ``path``."""
    path = Path(path)
    kind = detect_format(path)
    audio = _load(path, kind)
    if kind in ("mp3", "wav", "aiff"):
        report = _id3_report(audio.tags)
    elif kind == "m4a":
        report = _mp4_report(audio)
    else:
        report = _vorbis_report(audio, kind)
    report.format = kind
    if report.transcript is not None:
        report.transcript_chars = len(report.transcript)
    return report


def check_tag_urls(fields: TagFields, chapters: list[Chapter], where: Path) -> None:
    """Refuse a WOAS/WFED or chapter WXXX URL that is not absolute http(s), naming its key.

    The last guard for values that reached the tagger past the readers: players open them. A
    URL is checked as the frame holds it (:func:`ascii_url`: spaces and non-ASCII encoded).
    """
    try:
        for name, key in URL_FIELDS.items():
            value = getattr(fields, name)
            if value is not None:
                check_url(ascii_url(value), path=where, key=key)
        for n, chapter in enumerate(chapters):
            if chapter.url is not None:
                check_url(ascii_url(chapter.url), path=where, key=f"chapters[{n}].url")
    except SegcastError as exc:
        raise InputError(exc.message, where) from exc


def write_tags(
    path: Path,
    fields: TagFields,
    *,
    cover: bytes | None,
    chapters: list[Chapter],
    id3_version: int = 3,
    chapters_from: Path | None = None,
) -> None:
    """Tag the audio file at ``path`` in place, atomically, leaving its audio frames as they were.

    ``cover`` is JPEG bytes (see :func:`audio.cover.prepare_cover`); ``None`` keeps the present
    cover. ``chapters`` replace the file's chapters (an empty list removes them); a chapter that
    does not fit the audio is an error naming ``chapters_from`` (the file they come from; default
    ``path``), where the producer fixes it.
    """
    path = Path(path)
    if id3_version not in (3, 4):
        raise AudioError(f"ID3 version must be 2.3 or 2.4, not 2.{id3_version}", path)
    kind = detect_format(path)
    if kind not in WRITABLE:
        raise InputError(
            f"{FORMAT_NAMES[kind]} files are not tagged; master to MP3 or M4A first", path
        )
    if kind in ("ogg", "opus", "flac") and len(chapters) > MAX_VORBIS_CHAPTERS:
        raise InputError(f"more than {MAX_VORBIS_CHAPTERS} chapters", path)
    check_tag_urls(fields, chapters, path)
    audio = _load(path, kind)
    planned = plan_chapters(chapters, exact_length(path, audio.info), chapters_from or path)
    with atomic_output(path) as temp:
        try:
            if kind == "m4a":
                _write_mp4(path, temp, fields, cover, planned, path)
            else:
                shutil.copyfile(path, temp)
                if kind == "mp3":
                    _write_id3(temp, fields, cover, planned, id3_version, path)
                else:
                    _write_vorbis(temp, kind, fields, cover, planned)
            shutil.copymode(path, temp)
        except (MutagenError, struct.error, ValueError) as exc:
            raise AudioError(f"cannot write tags: {exc}", path) from exc
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", path) from exc
