"""The layers import one way: segments <- audio <- feeds <- segcast (house style, rule 1).

Inside ``segments`` the import stage (``segments.importers``) sits above the model and the file
formats: they never import it, and neither do ``audio`` and ``feeds`` (only the command line and
the build run the import stage).
"""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

FORBIDDEN = {
    "segments": {"audio", "feeds", "segcast"},
    "audio": {"feeds", "segcast"},
    "feeds": {"segcast"},
}


#: Modules that may import the import stage: itself and the command line's package.
IMPORTERS = "segments.importers"


def imported_modules(path: str) -> set[str]:
    tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def imported_packages(path: str) -> set[str]:
    tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    "path",
    sorted(str(p.relative_to(REPO)) for pkg in FORBIDDEN for p in (REPO / pkg).rglob("*.py")),
)
def test_package_imports_only_lower_layers(path: str) -> None:
    package = path.split("/")[0]
    assert not imported_packages(path) & FORBIDDEN[package]


#: Only the command line talks to the user (house style, rule 7): no other module imports click.
CLICK_ALLOWED = "segcast/cli/"


@pytest.mark.parametrize(
    "path",
    sorted(
        str(p.relative_to(REPO))
        for pkg in ("segments", "audio", "feeds", "segcast")
        for p in (REPO / pkg).rglob("*.py")
        if not str(p.relative_to(REPO)).startswith(CLICK_ALLOWED)
    ),
)
def test_only_the_command_line_imports_click(path: str) -> None:
    assert "click" not in imported_packages(path)


@pytest.mark.parametrize(
    "path",
    sorted(
        str(p.relative_to(REPO))
        for pkg in ("segments", "audio", "feeds")
        for p in (REPO / pkg).rglob("*.py")
        if not p.relative_to(REPO).as_posix().startswith("segments/importers/")
    ),
)
def test_only_the_command_line_runs_the_import_stage(path: str) -> None:
    modules = imported_modules(path)
    assert not {m for m in modules if m == IMPORTERS or m.startswith(IMPORTERS + ".")}


def test_the_help_listing_shows_each_commands_own_summary() -> None:
    """``segcast --help`` lists commands from a table, importing none; it must say what they do."""
    import click

    from segcast.cli import COMMANDS, SUMMARIES, cli

    context = click.Context(cli)
    for group, commands in COMMANDS.items():
        parent = cli if not group else cli.commands[group]
        assert isinstance(parent, click.Group)
        for name, target in commands.items():
            command = parent.get_command(context, name)
            assert command is not None, target
            assert SUMMARIES[target] == command.get_short_help_str(limit=10_000), target
