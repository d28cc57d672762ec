"""The year range of a research table, checked in one place for the CLI (`foedus dyads`, `similarity`, `atlas`) and
the Python API (`foedus.research.dyads.DyadOptions`) alike: a range backwards, outside the years foedus reads, or not
of whole numbers is refused in one line, never turned into a numpy error or an empty table."""

from __future__ import annotations

from foedus.errors import FoedusError

__all__ = ["check_years"]


def check_years(first: object, last: object) -> None:
    """Refuse a year range foedus cannot make (`first`–`last`, both included); one that starts too early says why the
    floor is 1815 (ATOP's first year), where the war commands' is COW's 1816 (`foedus.backtest.wars.check_years`).

    Raises:
        FoedusError: a year that is not a whole number (a bool, a str, a float), or a range backwards or outside
            the years foedus reads (`foedus.model.days`).
    """
    from foedus.model.days import EARLIEST, LATEST

    for name, year in (("first", first), ("last", last)):
        if isinstance(year, bool) or not isinstance(year, int):
            raise FoedusError(f"the {name} year must be a whole number, not {year!r}")
    assert isinstance(first, int) and isinstance(last, int)  # for mypy: checked just above
    if not EARLIEST.year <= first <= last <= LATEST.year:
        why = f": ATOP's alliances begin in {EARLIEST.year}" if first < EARLIEST.year else ""
        raise FoedusError(f"impossible year range {first}–{last} (need {EARLIEST.year} <= from <= to <= {LATEST.year}"
                          f"{why})")
