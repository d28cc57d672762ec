"""Every `foedus …` command the README and docs quote names a command and options that exist, with valid values:
a renamed option or subcommand, or a value the command no longer takes, fails here instead of in a reader's shell.
Fragments (`foedus cascade`, naming the command in prose) and commands with placeholders (FILE, DATE, …) are only
checked as far as they go; what the commands print is checked by the doctests and the other tests."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from foedus.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.S | re.M)
_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_START = re.compile(r"^(?:[A-Z_]+=\S*\s+)*(?:\S*/)?foedus\s+(?=[a-z])")  # env settings, .venv/bin/foedus
# what the docs write for a value to fill in (not state codes such as RUS, which are real values)
_PLACEHOLDER = re.compile(r"\.\.\.|…|<|\[|\||\b(?:FILE|NAME|DIR|FOLDER|PATH|ID|DATE|F|D|N|S|Y1|Y2)\b")
_FRAGMENT = ("Missing option", "Missing argument", "requires an argument")
_NOT_COMMANDS = {"foedus dyad-years 1990-1991"}  # a Stata file's data label (docs/outputs.md), not a command


def _quoted(text: str) -> list[str]:
    """The commands quoted in a markdown text: inline spans, and each command of a fenced block's lines."""
    found = [m.group(1) for m in _SPAN.finditer(_FENCE.sub("", text))]
    for block in _FENCE.findall(text):
        for line in block.splitlines():
            found += re.split(r"\s*(?:&&|;)\s*", line.split(" # ", 1)[0])
    return [c for c in (c.strip() for c in found) if _START.match(c) and c not in _NOT_COMMANDS]


def _args(command: str) -> list[str]:
    """The arguments after `foedus`, up to a pipe or redirection."""
    words = shlex.split(_START.sub("", command, count=1))
    cut = next((i for i, w in enumerate(words) if w in ("|", ">", "2>", ">>", "2>&1")), len(words))
    return words[:cut]


def _parse(args: list[str]) -> str | None:
    """Parse `args` as the CLI would, without running anything: a usage problem, or None."""
    command: Any = _ROOT
    ctx, path = None, "foedus"
    try:
        while True:
            ctx = command.make_context(path, list(args), parent=ctx)
            if not hasattr(command, "commands"):
                return None
            rest = [*ctx._protected_args, *ctx.args]
            if not rest:
                return None
            sub = command.get_command(ctx, rest[0])
            if sub is None:
                return f"{path} has no command {rest[0]!r}"
            command, args, path = sub, rest[1:], f"{path} {rest[0]}"
    except Exception as exc:  # click's usage errors (typer vendors click: matched by name)
        if not any(k.__name__ == "UsageError" for k in type(exc).__mro__):
            raise
        message: str = exc.format_message()  # type: ignore[attr-defined]
        return None if any(f in message for f in _FRAGMENT) else message


_ROOT: Any = get_command(app)
CASES = [(f.name, c) for f in FILES for c in _quoted(f.read_text(encoding="utf-8"))]


def test_the_docs_quote_commands() -> None:
    assert len(CASES) > 150  # the extraction finds the docs' commands (a broken pattern would find none)


def _unknown_options(args: list[str]) -> str | None:
    """For a command with placeholders: its subcommands exist, and so does each option it names."""
    words = [a for a in args if not _PLACEHOLDER.search(a)]
    at = next((i for i, a in enumerate(words) if a.startswith("-")), len(words))
    command: Any = _ROOT
    for name in words[:at]:
        if not hasattr(command, "commands"):
            break
        command = command.commands.get(name)
        if command is None:
            return f"no command {name!r}"
    known = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
    unknown = [w.split("=", 1)[0] for w in words[at:] if w.startswith("-") and w.split("=", 1)[0] not in known]
    return f"no such option: {', '.join(unknown)}" if unknown else None


@pytest.mark.parametrize(("where", "command"), CASES, ids=[f"{w}:{c[:60]}" for w, c in CASES])
def test_a_quoted_command_parses(where: str, command: str) -> None:
    if _PLACEHOLDER.search(_START.sub("", command, count=1)):
        problem = _unknown_options(_args(command))
    else:
        problem = _parse(_args(command))
    assert problem is None, f"{where}: `{command}`: {problem}"


@pytest.mark.parametrize(("args", "problem"), [
    (["cascade", "--bogus"], "No such option: --bogus"),
    (["nosuch"], "has no command 'nosuch'"),
    (["treaties", "nosuch"], "has no command 'nosuch'"),
    (["atlas", "--from", "1990s", "--to", "1991", "--out", "a.csv"], "Invalid value for '--from'"),
])
def test_the_check_catches_what_it_is_for(args: list[str], problem: str) -> None:
    assert problem in (_parse(args) or "")


def test_the_placeholder_check_catches_what_it_is_for() -> None:
    assert _unknown_options(["atlas", "--from", "Y1", "--out", "FILE"]) is None
    assert _unknown_options(["atlas", "--form", "Y1", "--out", "FILE"]) == "no such option: --form"
    assert _unknown_options(["treaties", "shw", "ID"]) == "no command 'shw'"


def _commands(command: Any = _ROOT, path: str = "foedus") -> list[tuple[str, Any]]:
    if not hasattr(command, "commands"):
        return [(path, command)]
    return [c for name, sub in command.commands.items() for c in _commands(sub, f"{path} {name}")]


@pytest.mark.parametrize(("path", "command"), _commands(), ids=[p for p, _ in _commands()])
def test_every_option_says_what_it_does_in_help(path: str, command: Any) -> None:
    """`--help` lists no option with an empty description (`dyads --directed/--undirected`, `compare --json`
    and `atop-check --json` had none)."""
    assert command.help, f"{path} has no help text"
    bare = [p.opts[0] for p in command.params if not getattr(p, "help", None)]
    assert not bare, f"{path}: {', '.join(bare)} without help"


def test_data_fetch_help_says_what_a_plain_fetch_leaves_out() -> None:
    """A plain `foedus data fetch` never fetches the optional datasets (cshapes); its help said "default: all"."""
    from foedus.datasets import DATASETS

    names = next(p for p in _ROOT.commands["data"].commands["fetch"].params if p.name == "names")
    optional = [d.name for d in DATASETS.values() if d.optional]
    assert optional and "default: all)" not in names.help and all(n in names.help for n in optional)
