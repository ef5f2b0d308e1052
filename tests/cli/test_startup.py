"""The command line loads only what a command needs: ``--help`` and option errors start fast.

What each command imports is checked, not how long it takes (speed targets live in benchmarks/):
a fresh interpreter runs the command and reports which heavy modules it loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: Modules that cost start-up time and that neither ``--help`` nor parsing options needs:
#: ffmpeg's wrappers and the master pipeline, mutagen, the config reader (and the feed stack it
#: pulls in), the HTML importer.
HEAVY = ("audio.master", "audio.probe", "audio.loudness", "mutagen", "segcast.config", "feeds")

PROBE = """
import json, sys
from segcast.cli import main
sys.argv = ["segcast", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = json.loads({heavy!r})
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)))
"""

#: case -> the command line run.
LIGHT: dict[str, list[str]] = {
    "audio master help": ["audio", "master", "--help"],
    "audio master bad option": ["audio", "master", "in.wav", "-o", "o.mp3", "--target-lufs", "x"],
    "audio inspect help": ["audio", "inspect", "--help"],
}


@pytest.mark.parametrize("case", sorted(LIGHT))
def test_command_loads_no_heavy_module(case: str) -> None:
    code = PROBE.format(heavy=json.dumps(HEAVY))
    done = subprocess.run(
        [sys.executable, "-c", code, *LIGHT[case]], capture_output=True, text=True, check=True
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], f"{case} imported {loaded}"
