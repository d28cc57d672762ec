"""Every FOEDUS_* environment setting is read by `foedus.settings.setting`: a blank value is refused in the same
words whichever variable it is, and an empty one reads the default, as unset does."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from foedus import paths
from foedus.datasets.download import resolve_url
from foedus.engine.fast import budget, packed_rounds, threads
from foedus.engine.fast.backend import get_backend
from foedus.errors import SettingError

SRC = Path(__file__).resolve().parents[1] / "src" / "foedus"

READERS: dict[str, tuple[Callable[[], Any], str]] = {
    "FOEDUS_BACKEND": (get_backend, "numpy or torch"),
    "FOEDUS_BLAS_THREADS": (threads.blas_threads, "a whole number of threads (0: BLAS's own default)"),
    "FOEDUS_JIT": (packed_rounds._compiled, "0 (numpy) or 1 (numba where installed)"),
    "FOEDUS_MEMORY_MB": (budget.budget_mb, "a positive whole number of MiB"),
    "FOEDUS_DATA_MIRROR": (lambda: resolve_url("https://example.org/a.zip"),
                           "a base URL (http://, https:// or file://)"),
    "FOEDUS_DATA_DIR": (paths.data_dir, "the folder that holds the datasets"),
    "FOEDUS_CACHE_DIR": (paths.cache_dir, "the folder for foedus's cache"),
}


@pytest.mark.parametrize("blank", [" ", "\t", " \n "])
@pytest.mark.parametrize("variable", sorted(READERS))
def test_a_blank_setting_is_refused_in_one_wording(monkeypatch: pytest.MonkeyPatch, variable: str,
                                                   blank: str) -> None:
    """FOEDUS_BACKEND=' ' said "unknown backend ' '", FOEDUS_BLAS_THREADS=' ' "... not ''", and a blank
    FOEDUS_DATA_MIRROR read as unset: each is now refused naming the variable and what to give."""
    read, what = READERS[variable]
    monkeypatch.setenv(variable, blank)
    with pytest.raises(SettingError) as caught:
        read()
    assert str(caught.value) == f"{variable} is blank: give {what}, or unset it for the default"


@pytest.mark.parametrize("variable", sorted(READERS))
def test_an_empty_setting_reads_the_default(monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    """FOEDUS_MEMORY_MB='' (FOEDUS_BLAS_THREADS, FOEDUS_JIT) was refused as "not ''" where the folders, the backend
    and the mirror read an empty value as unset: all read it as unset now."""
    read, _ = READERS[variable]
    monkeypatch.delenv(variable, raising=False)
    default = read()
    monkeypatch.setenv(variable, "")
    assert read() == default


def test_a_blank_debug_setting_is_said_with_the_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """FOEDUS_DEBUG=' ' showed the traceback as if asked: the bug is reported and the blank setting said in place
    of the usual hint."""
    import foedus.datasets
    from samples import cli_line

    def boom() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(foedus.datasets, "status", boom)  # a bug where `foedus data status` does its work
    code, _, err = cli_line(["data", "status"], env={"FOEDUS_DEBUG": " "})
    assert (code, err.splitlines()) == (1, [
        "error: internal error (RuntimeError: boom); please report it with the command you ran "
        "(FOEDUS_DEBUG is blank: give 1 to show the traceback, or unset it for the default)"])


def test_only_the_settings_module_reads_foedus_variables() -> None:
    """A FOEDUS_* variable read from os.environ (or os.getenv) anywhere but foedus.settings would word a blank
    value its own way again."""
    read = re.compile(r"(os\.environ(\.get)?\s*[\[(]|getenv\()\s*(\"FOEDUS_|[A-Z_]*ENV\b)")
    readers = [f"{path.relative_to(SRC)}:{n}" for path in SRC.rglob("*.py") if path.name != "settings.py"
               for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if read.search(line)]
    assert readers == []


@pytest.mark.parametrize(("variable", "read", "largest"), [
    ("FOEDUS_BLAS_THREADS", threads.blas_threads, 2**31 - 1), ("FOEDUS_MEMORY_MB", budget.budget_mb, 2**40)])
def test_a_huge_number_setting_is_refused(monkeypatch: pytest.MonkeyPatch, variable: str, read: Callable[[], Any],
                                          largest: int) -> None:
    """FOEDUS_BLAS_THREADS=99999999999999999999 was an internal error (BLAS takes a C int: ctypes' OverflowError)
    and 2147483648 a wrapped count; either setting of 5000 digits was one too (int() refuses over 4300 digits):
    each is refused naming the variable and its largest value, and the largest itself (with leading zeros) is read."""
    monkeypatch.setenv(variable, "000" + str(largest))
    assert read() == largest
    for huge in (str(largest + 1), "99999999999999999999", "9" * 5000, "0" * 5000 + str(largest + 1)):
        monkeypatch.setenv(variable, huge)
        with pytest.raises(SettingError) as caught:
            read()
        assert str(caught.value).startswith(f"{variable} must be ") and f" up to {largest}" in str(caught.value)


@pytest.mark.parametrize(("variable", "read", "lowest", "largest"), [
    ("FOEDUS_BLAS_THREADS", threads.blas_threads, 0, 2**31 - 1), ("FOEDUS_MEMORY_MB", budget.budget_mb, 1, 2**40)])
def test_a_number_setting_is_read_as_every_typed_whole_number_is(monkeypatch: pytest.MonkeyPatch, variable: str,
                                                                 read: Callable[[], Any], lowest: int,
                                                                 largest: int) -> None:
    """Both bounded settings read a whole number by `foedus.numerals.whole_within`, as an option's is read
    (`plain_whole`: a sign allowed), each refusing a number below its least or above its largest, in its words."""
    from foedus.numerals import plain_whole, whole_within

    for text in (str(largest), f"+{largest}", f" 0{lowest + 2} "):
        assert plain_whole(text) and whole_within(text, lowest, largest) == int(text)
        monkeypatch.setenv(variable, text)
        assert read() == (int(text) or None)
    for text in (str(lowest - 1), str(largest + 1), "9" * 5000, "1_0", "²"):
        assert whole_within(text, lowest, largest) is None
        monkeypatch.setenv(variable, text)
        with pytest.raises(SettingError, match=f"^{variable} must be "):
            read()
