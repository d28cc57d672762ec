"""The year range of a research table, checked in one place for the CLI (`foedus dyads`, `similarity`, `atlas`) and
the Python API (`foedus.research.dyads.DyadOptions`) alike: a range backwards, outside the years foedus reads, or not
of whole numbers is refused in one line, never turned into a numpy error or an empty table."""

from __future__ import annotations

from foedus.errors import FoedusError

__all__ = ["check_years"]


def check_years(first: object, last: object, names: tuple[str, str] = ("first", "last")) -> None:
    """Refuse a year range foedus cannot make (`first`–`last`, both included), each year named as the caller takes it
    (`names`: the API's keywords, the CLI's --from and --to), in `foedus.wording`'s words, as the war commands refuse
    theirs (`foedus.backtest.wars.check_years`); one that starts too early says why the floor is 1815 (ATOP's first
    year), where the war commands' is COW's 1816.

    Raises:
        FoedusError: a year that is not a whole number (a bool, a str, a float), or a range backwards or outside
            the years foedus reads (`foedus.model.days`).
    """
    from foedus.model.days import EARLIEST, LATEST
    from foedus.wording import year_not_whole, year_outside, years_backwards

    for label, year in (("first", first), ("last", last)):
        if isinstance(year, bool) or not isinstance(year, int):
            raise FoedusError(year_not_whole(label, year))
    assert isinstance(first, int) and isinstance(last, int)  # for mypy: checked just above
    low, high = EARLIEST.year, LATEST.year
    for name, year in zip(names, (first, last), strict=True):
        if not low <= year <= high:
            why = f"ATOP's alliances begin in {low}" if year < low else f"foedus reads no day after {high}"
            raise FoedusError(year_outside(name, year, low, high, why))
    if first > last:
        raise FoedusError(years_backwards(first, last, names))
