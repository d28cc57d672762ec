"""`foedus demo`'s "What changed:" line (`foedus.cli.demo_changes`) checks what it needs with code that `python -O`
keeps: it narrowed each new joiner with an `assert`, which `-O` strips, so a missing one would have failed a line
later with an AttributeError; it now takes the joiners themselves, so there is nothing to narrow."""

from __future__ import annotations

import ast
import inspect

from foedus.cli import demo_changes


def test_demo_changes_asserts_nothing() -> None:
    """No `assert` in the module: what it checks it checks in code `python -O` runs."""
    tree = ast.parse(inspect.getsource(demo_changes))
    assert [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Assert)] == []
