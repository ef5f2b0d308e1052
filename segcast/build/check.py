"""Stage: check the feed the build made with the validator, as ``segcast feed validate`` does.

The build's last word on its feed is the validator's, so a build never says "0 warnings" for a
feed that ``feed validate`` then faults. The findings are reported, they do not stop publishing:
the rules are advice from Apple, Spotify and Podcasting 2.0, and a feed the build could write
is already the best it can make of the producer's files.

The findings are cached by the feed's bytes and the hour: a no-change rebuild of a large archive
does not validate it again (the rules read the clock only to call a date "in the future").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

from feeds.validate import RULES, Finding, validate_feed
from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, FeedResult
from segments.errors import FeedError

__all__ = ["CHECK_STEP", "check_feed"]

#: The cache step of the feed check; bump the version when the validator changes its verdicts.
CHECK_STEP = "check"
CHECK_VERSION = 1


def check_key(feed: bytes, now: dt.datetime) -> str:
    """Return the cache key of checking ``feed`` at ``now``: its bytes, the hour, the rules."""
    hour = now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H")
    rules = sorted((rule.id, rule.severity) for rule in RULES.values())
    return step_key(CHECK_STEP, CHECK_VERSION, hashlib.sha256(feed).hexdigest(), hour, rules)


def check_feed(
    feed: FeedResult,
    published: Path,
    report: BuildReport,
    now: dt.datetime,
    cache: BuildCache | None = None,
) -> list[Finding]:
    """Validate the feed the build published at ``published``; record its findings, return them."""
    key = check_key(feed.data, now)
    known = cache.done(CHECK_STEP, published.name, key, published) if cache else None
    if known is not None:
        findings = [Finding(**item) for item in known.get("findings", [])]
    else:
        try:
            findings = validate_feed(feed.data, str(feed.feed), now=now)
        except FeedError as exc:  # the build wrote XML it cannot read back: say so
            report.problem(exc)
            return []
        if cache is not None:
            data = {"findings": [dataclasses.asdict(finding) for finding in findings]}
            cache.record(CHECK_STEP, published.name, key, published, data)
    report.findings = findings
    return findings
