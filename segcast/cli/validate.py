"""``segcast feed validate FEED``: check a feed file or URL against the podcast rules."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from feeds.validate import Finding, load_feed, validate_document, validate_feed

_ORDER = ("error", "warning", "info")


def summarize(findings: list[Finding]) -> Counter[str]:
    """Count findings by severity."""
    counts: Counter[str] = Counter({severity: 0 for severity in _ORDER})
    counts.update(f.severity for f in findings)
    return counts


def render_table(feed: str, findings: list[Finding]) -> str:
    """Render findings as a plain-text table followed by a one-line summary."""
    lines: list[str] = []
    if findings:
        width_sev = max(len(f.severity) for f in findings)
        width_id = max(len(f.rule) for f in findings)
        for f in findings:
            line = f"line {f.line}" if f.line else ""
            lines.append(f"{line:>10}  {f.severity:<{width_sev}}  {f.rule:<{width_id}}  {f.where}")
            lines.append(f"{'':>10}  {'':<{width_sev}}  {'':<{width_id}}  {f.message}")
        lines.append("")
        by_rule = Counter(f.rule for f in findings)
        if len(by_rule) < len(findings):  # some rule fired repeatedly: count them
            for rule, count in sorted(by_rule.items()):
                lines.append(f"{count:>5}  {rule}")
            lines.append("")
    counts = summarize(findings)
    lines.append(
        f"{feed}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
    )
    return "\n".join(lines)


@click.command("validate")
@click.argument("feed")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option(
    "--files",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The published folder: check the chapters, transcripts and media files the feed "
    "names there too (JSON Chapters 1.2, declared types, lengths, durations, hashes).",
)
def validate(feed: str, as_json: bool, strict: bool, files: Path | None) -> None:
    """Check FEED (a file or an http(s) URL) against Apple, Spotify and Podcasting 2.0 rules.

    Exits 1 when there are errors (with --strict, also warnings), 0 otherwise.
    """
    data = load_feed(feed)
    # JSON readers get JSON even for a feed that is not XML: its error is a finding there.
    check = validate_document if as_json else validate_feed
    findings = check(data, feed, files=files)
    counts = summarize(findings)
    if as_json:
        document = {
            "feed": feed,
            "errors": counts["error"],
            "warnings": counts["warning"],
            "findings": [
                {
                    "id": f.rule,
                    "severity": f.severity,
                    "message": f.message,
                    "where": f.where,
                    "line": f.line,
                }
                for f in findings
            ],
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        click.echo(render_table(feed, findings))
    if counts["error"] or (strict and counts["warning"]):
        raise SystemExit(1)
