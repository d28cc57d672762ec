"""Every command's summary in the lists `foedus --help` and its groups' `--help` print is one line: typer's rich
help kept the line breaks of a docstring's first paragraph, breaking the `dyads` and `war` summaries mid-line."""

from __future__ import annotations

import inspect
from typing import Any

from typer.main import get_command

from foedus.cli.app import app


def _summaries(group: Any, path: str) -> list[tuple[str, str]]:
    """(command path, the summary typer's rich help lists it by: its first paragraph) of every command under it."""
    out = []
    for name, command in group.commands.items():
        text = command.short_help or command.help or ""
        out.append((f"{path} {name}", inspect.cleandoc(text).split("\n\n")[0].strip()))
        if hasattr(command, "commands"):  # a group (typer's own click, not the installed one)
            out += _summaries(command, f"{path} {name}")
    return out


def test_every_command_summary_is_one_line() -> None:
    group = get_command(app)
    summaries = _summaries(group, "foedus")
    assert len(summaries) > 20 and all(text for _, text in summaries), summaries
    broken = [(name, text) for name, text in summaries if "\n" in text]
    assert not broken, broken
