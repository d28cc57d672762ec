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
    from foedus.wording import year_outside, years_backwards

    start, end = _whole("first", first), _whole("last", last)
    low, high = EARLIEST.year, LATEST.year
    for name, year in zip(names, (start, end), strict=True):
        if not low <= year <= high:
            why = f"ATOP's alliances begin in {low}" if year < low else f"foedus reads no day after {high}"
            raise FoedusError(year_outside(name, year, low, high, why))
    if start > end:
        raise FoedusError(years_backwards(start, end, names))


def _whole(label: str, year: object) -> int:
    """`year` (the range's `label` end) as the whole number it must be: a bool, a str or a float is refused."""
    from foedus.wording import year_not_whole

    if isinstance(year, bool) or not isinstance(year, int):
        raise FoedusError(year_not_whole(label, year))
    return year
