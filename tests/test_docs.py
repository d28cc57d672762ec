"""The README's Python examples run as doctests and print what they show (the docs/*.md examples run as doctests
through pytest's --doctest-glob, which does not reach the README at the top of the tree)."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _run_doctest(block: str, name: str) -> tuple[int, int, str]:
    """(failed, attempted, the report of the failures) for one block of `>>>` examples."""
    test = doctest.DocTestParser().get_doctest(block, {}, name, name, 0)
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    failed, attempted = runner.run(test, out=report.append)
    return failed, attempted, "".join(report)


def test_readme_python_blocks_print_what_they_show() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks
    for i, block in enumerate(blocks):
        failed, attempted, report = _run_doctest(block, f"README.md python block {i}")
        assert attempted and not failed, report


def test_the_readme_check_catches_a_shown_output_that_is_not_printed() -> None:
    assert _run_doctest(">>> 1 + 1\n2\n", "right")[:2] == (0, 1)
    assert _run_doctest(">>> 1 + 1\n3\n", "wrong")[:2] == (1, 1)


def test_readme_quick_start_has_exactly_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)```", quick, flags=re.S)
    assert [c.count("\n") for c in commands] == [1, 1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1].strip() in ci
