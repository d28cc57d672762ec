"""How every message words a value outside its bounds: a count (`out_of_range`), a year of no whole number
(`year_not_whole`), a year outside the years a command
reads (`year_outside`) and a year range backwards (`years_backwards`), the same for every command and the Python
API. Re-exported by `foedus.wording` (and `foedus.errors`), where callers import them."""

from __future__ import annotations

__all__ = ["out_of_range", "year_not_whole", "year_outside", "years_backwards"]


def out_of_range(name: str, low: float, high: float, given: object = None, *, below: bool = False) -> str:
    """The one sentence for a number outside its bounds (thousands separated, a whole float whole; the value as given,
    cut to 30 characters): an option's (`--draws`, `--bootstrap`, `foedus depth --level`), a keyword's, or with no
    `name` a web query parameter's (`foedus.web.params`); with no `given`, a file's field's (its reader,
    `validation_problem`, shows the value in full). `below`: `high` is not taken (an interval's width, below 1).

    >>> out_of_range("--draws", 1, 1_000_000, 0), out_of_range("", 1.0, 3600.0, "0.5")
    ('--draws must be between 1 and 1,000,000 (got 0)', 'must be between 1 and 3,600 (got 0.5)')
    >>> out_of_range("--level", 0.5, 1, 2, below=True)
    '--level must be at least 0.5 and below 1 (got 2)'
    """
    low_, high_ = (f"{int(b):,}" if float(b).is_integer() else f"{b:,}" for b in (low, high))
    got = "" if given is None else f" (got {str(given)[:30]})"
    bounds = f"at least {low_} and below {high_}" if below else f"between {low_} and {high_}"
    return f"{name + ' ' if name else ''}must be {bounds}{got}"


def year_not_whole(label: str, given: object) -> str:
    """The one sentence for a year given to the Python API that is no whole number (a text, a float, a bool), for
    the research helpers alike (`foedus.research.years`, `foedus.backtest.wars.check_years`).

    >>> year_not_whole("first", "1900")
    "the first year must be a whole number, not '1900'"
    """
    return f"the {label} year must be a whole number, not {given!r}"


def year_outside(name: str, year: int, low: int, high: int, why: str) -> str:
    """The one sentence for a year outside the years a command reads (`foedus likely fit`, `backtest`: COW's wars;
    `dyads`, `similarity`, `atlas`: ATOP's alliances; `foedus.research.dyads.DyadOptions`), named as given (an
    option, '--from', or a keyword, 'first'), with why the bound is where it is.

    >>> year_outside("--from", 1700, 1816, 2100, "COW's inter-state wars begin in 1816")
    "--from 1700 is outside 1816–2100 (COW's inter-state wars begin in 1816)"
    """
    return f"{name} {year} is outside {low}–{high} ({why})"


def years_backwards(first: int, last: int, names: tuple[str, str] = ("--from", "--to")) -> str:
    """The one sentence for a year range whose first year is after its last, for every command that takes one
    (`likely fit`, `backtest`, `dyads`, `similarity`, `atlas`) and the Python API (`names`: its keywords).

    >>> years_backwards(2000, 1990)
    'impossible year range 2000–1990: --from 2000 is after --to 1990 (need --from <= --to)'
    """
    return (f"impossible year range {first}–{last}: {names[0]} {first} is after {names[1]} {last} "
            f"(need {names[0]} <= {names[1]})")
