"""Monte Carlo draws are capped by the memory they would need, and the engines' environment settings are checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.engine.fast import budget, threads
from foedus.errors import SettingError
from samples import cli_line


def test_the_draws_that_fit_grow_with_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(budget.MEMORY_ENV, "1024")
    big = budget.max_draws(1e6)
    monkeypatch.setenv(budget.MEMORY_ENV, "2048")
    assert budget.max_draws(1e6) >= big + 1000  # 1 GiB more holds ~1,073 more draws of 1 MB
    monkeypatch.setenv(budget.MEMORY_ENV, str(budget.BASELINE_MB))
    assert budget.max_draws(1.0) == 0  # nothing left beyond the fixed part
    monkeypatch.setenv(budget.MEMORY_ENV, "1024")
    budget.check_draws(big, 1e6, "a test")  # the largest number that fits is accepted
    with pytest.raises(Exception, match=rf"at most {big:,} fit in 1,024 MiB"):
        budget.check_draws(big + 1, 1e6, "a test")


@pytest.mark.parametrize("value", ["lots", "-5", "0", "1.5"])  # empty: the default (tests/test_settings.py)
def test_a_bad_memory_budget_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(budget.MEMORY_ENV, value)
    with pytest.raises(SettingError, match="FOEDUS_MEMORY_MB must be a positive whole number"):
        budget.budget_mb()


@pytest.mark.parametrize(("value", "expected"), [("1", 1), ("3", 3), ("0", None), (" 2 ", 2)])
def test_blas_threads_setting(monkeypatch: pytest.MonkeyPatch, value: str, expected: int | None) -> None:
    monkeypatch.setenv(threads.BLAS_ENV, value)
    assert threads.blas_threads() == expected


def test_bad_blas_threads_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(threads.BLAS_ENV, "two")
    with pytest.raises(SettingError, match="FOEDUS_BLAS_THREADS must be a whole number"):
        threads.blas_threads()


def test_cli_refuses_draws_beyond_memory_and_says_how_many_fit() -> None:
    proc = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "10000000"],
                    env={"FOEDUS_MEMORY_MB": "600"})
    assert proc.returncode == 2, proc.stderr
    line = proc.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert "10,000,000 draws of RUS against EST would need about" in line
    assert "fit in 600 MiB (set FOEDUS_MEMORY_MB to change the budget)" in line
    most = int(line.split("at most ")[1].split(" fit")[0].replace(",", ""))
    ok = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", str(min(most, 2000)),
                   "--seed", "1", "--json"], env={"FOEDUS_MEMORY_MB": "600"})
    assert ok.returncode == 0, ok.stderr


@pytest.mark.slow
def test_cli_atlas_refuses_draws_beyond_memory(tmp_path: Path) -> None:
    proc = cli_line(["atlas", "--date", "2025-06-01", "--draws", "100000", "--reading", "escalatory", "--out",
                     str(tmp_path / "atlas.parquet")])
    assert proc.returncode == 2, proc.stderr
    assert list(tmp_path.iterdir()) == []
    assert "100,000 draws of the 2025-06-01 atlas would need about" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_says_a_bad_setting_in_one_line(tmp_path: Path) -> None:
    proc = cli_line(["atlas", "--date", "2025-06-01", "--out", str(tmp_path / "atlas.parquet")],
                    env={"FOEDUS_BLAS_THREADS": "many"})
    assert proc.returncode == 2 and list(tmp_path.iterdir()) == []
    assert proc.stderr.strip().count("\n") == 0 and "FOEDUS_BLAS_THREADS must be a whole number" in proc.stderr


def test_cli_says_a_bad_jit_setting_in_one_line(tmp_path: Path) -> None:
    proc = cli_line(["atlas", "--date", "1990-06-01", "--reading", "escalatory", "--out",
                     str(tmp_path / "atlas.parquet")], env={"FOEDUS_JIT": "yes"})
    assert proc.returncode == 2 and list(tmp_path.iterdir()) == [], proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "FOEDUS_JIT must be 0 (numpy) or 1" in proc.stderr
