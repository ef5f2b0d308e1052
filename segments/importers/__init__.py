"""The import stage: segment pages (plain text or HTML) read into Segments.

``read_page`` is the entry point: ``detect`` checks and decodes the file and tells HTML from text,
``text`` and ``html`` read the page into a ``RawPage`` (blocks and stated metadata; ``htmlmeta``
for JSON-LD, Open Graph and meta tags, ``audiolinks`` for download lines and sizes), and
``structure`` turns it into a Segment, with ``furniture`` removing what is not the segment's own
text. Words of a language live in ``vocabulary``, one table per language.
"""

from segments.importers.detect import MESSAGES, PageKind, decode_page, is_binary, page_kind
from segments.importers.rawpage import Block, BlockKind, RawPage
from segments.importers.read import READERS, PageResult, read_page, source_path
from segments.importers.structure import build_segment, slugify

__all__ = [
    "MESSAGES",
    "READERS",
    "Block",
    "BlockKind",
    "PageKind",
    "PageResult",
    "RawPage",
    "build_segment",
    "decode_page",
    "is_binary",
    "page_kind",
    "read_page",
    "slugify",
    "source_path",
]
