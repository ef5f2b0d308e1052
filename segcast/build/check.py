"""Stage: check the feed the build made with the validator, as ``segcast feed validate`` does.

The build's last word on its feed is the validator's, so a build never says "0 warnings" for a
feed that ``feed validate`` then faults. The findings are reported, they do not stop publishing:
the rules are advice from Apple, Spotify and Podcasting 2.0, and a feed the build could write
is already the best it can make of the producer's files.
"""

from __future__ import annotations

import datetime as dt

from feeds.validate import Finding, validate_feed
from segcast.build.episode import BuildReport, FeedResult
from segments.errors import FeedError

__all__ = ["check_feed"]


def check_feed(feed: FeedResult, report: BuildReport, now: dt.datetime) -> list[Finding]:
    """Validate the feed the build rendered; record its findings in the report and return them."""
    try:
        findings = validate_feed(feed.data, str(feed.feed), now=now)
    except FeedError as exc:  # the build wrote XML it cannot read back: say so, never hide it
        report.problem(exc)
        findings = []
    report.findings = findings
    return findings
