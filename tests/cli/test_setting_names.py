"""One name per mastering setting: show.toml's ``[audio]`` key is the command line's flag."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from segcast.cli import cli
from segcast.cli.audio import master
from segcast.cli.build import build
from segcast.cli.params import RENAMED
from segcast.config import AUDIO_KEYS
from segcast.reference import FLAG_OF
from tests.audio import signals

#: Flags of ``audio master`` that are not a setting of a show: what to write and how to report,
#: the input's true peak (the report only: it changes nothing in the file), and the lock.
MASTER_ONLY = {"--output", "--force", "--json", "--input-peak", "--no-wait", "--help"}


def _flag(key: str) -> str:
    return "--" + key.replace("_", "-")


def _long_flags(command: click.Command, *, hidden: bool = False) -> dict[str, click.Option]:
    return {
        name: param
        for param in command.params
        if isinstance(param, click.Option) and param.hidden == hidden
        for name in param.opts
        if name.startswith("--")
    }


def test_every_audio_key_is_a_master_flag_of_the_same_name() -> None:
    flags = set(_long_flags(master)) - MASTER_ONLY
    assert flags == {_flag(key) for key in AUDIO_KEYS if key not in FLAG_OF}


def test_the_keys_set_elsewhere_are_flags_of_the_same_name_there() -> None:
    commands = {"segcast build": build, "segcast audio master": master}
    for key, (command, flag) in FLAG_OF.items():
        assert key in AUDIO_KEYS and flag == _flag(key)
        assert flag in _long_flags(commands[command])


@pytest.mark.parametrize("command", [master, build], ids=["audio master", "build"])
def test_no_flag_names_a_setting_differently(command: click.Command) -> None:
    """``--target`` for ``target_lufs``, ``--crossfade`` for ``crossfade_ms``: caught here."""
    mismatches = []
    for flag in _long_flags(command):
        name = flag.removeprefix("--").replace("-", "_")
        for key, (_, field) in AUDIO_KEYS.items():
            near = {key, field} | {n for n in (key, field) if n.startswith(name + "_")}
            if name != key and (name in near or key.startswith(name + "_")):
                mismatches.append(f"{flag} for [audio] {key}")
    assert mismatches == []


def test_renamed_flags_are_hidden_aliases_of_the_new_names() -> None:
    hidden = _long_flags(master, hidden=True)
    assert set(hidden) == set(RENAMED)
    for old, new in RENAMED.items():
        assert new in _long_flags(master)
        assert type(hidden[old].type) is type(_long_flags(master)[new].type)
    assert "--target " not in CliRunner().invoke(cli, ["audio", "master", "--help"]).stdout


def test_old_flags_still_work_with_a_deprecation_warning(tmp_path: Path) -> None:
    speech = signals.write_wav(tmp_path / "take.wav", signals.speech_like(4.0, rms_dbfs=-30.0))
    intro = signals.write_wav(tmp_path / "intro.wav", signals.tone(2.0, freq=440.0))
    out = tmp_path / "episode.mp3"
    args = ["audio", "master", str(speech), "-o", str(out), "--json", "--intro", str(intro)]
    result = CliRunner().invoke(cli, [*args, "--target", "-20", "--crossfade", "250"], obj={})
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["target_lufs"] == -20.0
    assert report["intro_effective_seconds"] == pytest.approx(2.0 - 0.25, abs=0.01)
    assert result.stderr.splitlines() == [
        "Warning: --target is deprecated; use --target-lufs (the name show.toml's [audio] uses)",
        "Warning: --crossfade is deprecated; use --crossfade-ms (the name show.toml's [audio] "
        "uses)",
    ]
    new = CliRunner().invoke(
        cli, [*args, "--force", "--target-lufs", "-20", "--crossfade-ms", "250"], obj={}
    )
    assert new.exit_code == 0 and new.stderr == ""
    assert json.loads(new.stdout)["intro_effective_seconds"] == report["intro_effective_seconds"]
