"""How every message shows a value given (`shown`: text quoted and shortened, true/false, what a mapping or a list
is) and names one that says nothing (`empty_or_blank`). `foedus.wording` re-exports both, as `foedus.errors` does."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["empty_or_blank", "shown"]


def empty_or_blank(value: object) -> str:
    """'empty' for a value of no characters, 'blank' for one of only spaces (tabs, newlines), which a user may not
    see they typed: how every message names a value that says nothing (`empty_or_blank(" ")` is 'blank')."""
    return "empty" if str(value) == "" else "blank"


def shown(value: object) -> str:
    """A value given, as every message shows it: text quoted and shortened ('xxx…'), true/false, a number or a
    date as written, or what a mapping, a list or nothing is; on one line, as a message is, though the value's
    text may have several (a pandas Series, a numpy matrix).

    >>> shown("drop nato"), shown(True), shown(5), shown(None), shown([1])
    ("'drop nato'", 'true', '5', 'nothing', 'a list')
    """
    if value is None or isinstance(value, Mapping | list | tuple):
        return "nothing" if value is None else "a mapping" if isinstance(value, Mapping) else "a list"
    shown = (repr(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool)
             else " ".join(str(value).split()))
    return shown if len(shown) <= 60 else shown[:57] + "…" + (shown[0] if isinstance(value, str) else "")
