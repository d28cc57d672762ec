"""No module of the web page's source imports itself through others: said.ts and lapsedsaid.ts, said.ts and
helpsaid.ts imported each other (a loop that only worked because neither called the other while loading); the
citation functions both read now live in web/src/citesaid.ts, which reads none of them."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "web" / "src"


def _imports() -> dict[str, set[str]]:
    """Each module of web/src and the modules of web/src it imports from (`from "./name"`)."""
    return {p.stem: set(re.findall(r'from "\./(\w+)"', p.read_text(encoding="utf-8"))) for p in SRC.glob("*.ts")}


def _loop(graph: dict[str, set[str]]) -> list[str]:
    """A loop of imports in `graph` (its modules in order, the first again at the end), or [] where there is none."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return [*path[path.index(node):], node]
        if node in done:
            return []
        for nxt in sorted(graph.get(node, ())):
            if found := visit(nxt, [*path, node]):
                return found
        done.add(node)
        return []

    return next((found for node in sorted(graph) if (found := visit(node, []))), [])


def test_no_web_module_imports_itself_through_others() -> None:
    """Every import in web/src leads down, never back to a module on the way (the said.ts/lapsedsaid.ts loop)."""
    assert _loop(_imports()) == []


def test_the_loop_finder_finds_a_loop() -> None:
    """The finder itself: a loop of three is found, a diamond is not one."""
    assert _loop({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _loop({"a": {"b", "c"}, "b": {"d"}, "c": {"d"}, "d": set()}) == []
