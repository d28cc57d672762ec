"""The suite's in-process runner of the command line (`samples.cli_line`) shows what a process of its own would:
a warning the run gives is in its stderr (pytest would otherwise take it for its summary, and a check that stderr
is empty passed), and the variables `env=` sets are the run's only."""

from __future__ import annotations

import os
import warnings

import pytest

import foedus.cli.fast as fast
from samples import cli_line


def _warns() -> int:
    warnings.warn("a stray warning", UserWarning, stacklevel=1)
    print("done")
    return 0


def test_a_stray_warning_is_in_the_runs_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast, "prepare", lambda _argv: _warns)
    with warnings.catch_warnings(record=True) as outside:
        warnings.simplefilter("always")
        ran = cli_line(["cascade"])
    assert ran.returncode == 0 and ran.stdout == "done\n"
    assert "UserWarning: a stray warning" in ran.stderr and ran.stderr.count("\n") == 2, ran.stderr
    assert outside == []  # shown once, as the run's: not also left to pytest


def test_a_deprecation_is_shown_as_a_fresh_interpreter_shows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python's default filters, not pytest's: a library's DeprecationWarning is not printed by the console script."""
    def deprecated() -> int:
        warnings.warn("old", DeprecationWarning, stacklevel=1)
        return 0

    monkeypatch.setattr(fast, "prepare", lambda _argv: deprecated)
    assert cli_line(["cascade"]).stderr == ""


def test_env_sets_variables_for_the_run_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOEDUS_TEST_SETTING", raising=False)
    seen: list[str | None] = []

    def reads() -> int:
        seen.append(os.environ.get("FOEDUS_TEST_SETTING"))
        return 0

    monkeypatch.setattr(fast, "prepare", lambda _argv: reads)
    assert cli_line(["cascade"], env={"FOEDUS_TEST_SETTING": "1"}).returncode == 0
    assert seen == ["1"] and "FOEDUS_TEST_SETTING" not in os.environ
