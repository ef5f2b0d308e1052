"""Apple's categories, owned by ``segments.categories``; importable from here for the feed side."""

from __future__ import annotations

from segments.categories import APPLE_CATEGORIES, is_category, suggest

__all__ = ["APPLE_CATEGORIES", "is_category", "suggest"]
