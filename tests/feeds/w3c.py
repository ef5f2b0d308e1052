"""Run the W3C Feed Validation Service's engine on a feed, where this machine has it.

The engine (https://github.com/w3c/feedvalidator) is not on PyPI: set
``SEGCAST_W3C_FEEDVALIDATOR`` to a checkout of it, and install what it needs (``html5lib``,
``rdflib``, ``lxml``) for the Python running the tests. Without either, the tests that use it
skip and say why. Its code is run in a subprocess from the checkout, never copied here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

#: The environment variable naming the checkout.
CHECKOUT_VARIABLE = "SEGCAST_W3C_FEEDVALIDATOR"

#: Validate the feed at argv[1] as if fetched from argv[2]; print its events (the online
#: service's "AA" level: what feedvalidator.org shows) as JSON.
_RUN = """
import json, sys
import feedvalidator
from feedvalidator import compatibility
from feedvalidator.logging import Error, ValidationFailure, Warning
with open(sys.argv[1], "rb") as handle:
    data = handle.read()
try:
    events = feedvalidator.validateString(data, firstOccurrenceOnly=1, base=sys.argv[2])
    events = events["loggedEvents"]
except ValidationFailure as failure:
    events = [failure.event]
found = []
for event in compatibility.AA(events):
    level = "error" if isinstance(event, Error) else "warning" if isinstance(event, Warning) else "info"
    params = {key: str(value) for key, value in event.params.items()}
    found.append({"event": type(event).__name__, "level": level, **params})
print(json.dumps(found))
"""

#: What the engine reports that the specifications it predates allow, each with the reason:
#: (event, parent element as the engine names it). Podcasting 2.0's podcast:liveItem holds an
#: RSS item's own elements (title, guid, enclosure) without a namespace, as the spec's example
#: does; the engine does not know liveItem and wants its children namespaced.
SPEC_ALLOWED: frozenset[tuple[str, str]] = frozenset({("NotInANamespace", "unknown_liveItem")})


def checkout() -> Path:
    """Return the engine's checkout, or skip saying why there is none."""
    named = os.environ.get(CHECKOUT_VARIABLE)
    if not named:
        pytest.skip(f"{CHECKOUT_VARIABLE} names no checkout of w3c/feedvalidator (not on PyPI)")
    source = Path(named) / "src"
    if not (source / "feedvalidator" / "__init__.py").is_file():
        pytest.skip(f"{CHECKOUT_VARIABLE}={named} is not a checkout of w3c/feedvalidator")
    return source


def w3c_events(feed: Path, url: str) -> list[dict[str, Any]]:
    """Return the engine's errors and warnings for ``feed`` as published at ``url``."""
    source = checkout()
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(feed), url],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    if done.returncode != 0 and "ModuleNotFoundError" in done.stderr:
        missing = done.stderr.strip().splitlines()[-1]
        pytest.skip(f"the W3C engine cannot run here ({missing}): pip install html5lib rdflib")
    assert done.returncode == 0, done.stderr
    events: list[dict[str, Any]] = json.loads(done.stdout)
    return [e for e in events if e["level"] != "info"]


def w3c_problems(feed: Path, url: str) -> list[dict[str, Any]]:
    """Return the engine's errors and warnings that no specification allows (SPEC_ALLOWED)."""
    return [
        e for e in w3c_events(feed, url) if (e["event"], e.get("parent", "")) not in SPEC_ALLOWED
    ]
