"""Leeds & Anac (2005) military institutionalisation from ATOP codes: 0 low, 1 moderate, 2 high.

The rules, as in the Stata code the authors distribute with the measure (Leeds, Brett Ashley, and Sezi
Anac. 2005. "Alliance Institutionalization and Alliance Performance." International Interactions
31(3): 183–202):

- high (2): a common defence policy (MILCON = 3), an integrated command (INTCOM = 1), or troops placed
  on another member's or neutral territory (BASE > 0);
- moderate (1), when not high: peacetime military contact (MILCON = 2), military aid in training or
  technology (MILAID = 3 or 4), subordination of forces in wartime (SUBORD > 0), set contributions
  (CONTRIB = 1), or an organisation whose purpose is military or military and more (ORGPURP1 or 2 in 1, 4);
- low (0) otherwise; missing (None) when every code a level rests on is missing.

>>> milinst({"milcon": 2, "intcom": 0, "base": 0})
1
>>> milinst({"milcon": 1, "milaid": 1, "intcom": 0, "base": 0, "subord": 0, "contrib": 0, "orgpurp1": 3})
0
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["milinst"]


def _any(values: list[bool | None]) -> bool | None:
    """True if any is true; None if all are unknown; else False (Stata's recode order, as the authors wrote it)."""
    if any(v for v in values if v is not None):
        return True
    return None if all(v is None for v in values) else False


def _is(value: int | None, *accepted: int) -> bool | None:
    return None if value is None else value in accepted


def milinst(codes: Mapping[str, int | None]) -> int | None:
    """Leeds & Anac's military institutionalisation of one alliance from its ATOP codes (see the module)."""
    get = codes.get
    base = get("base")
    high = _any([_is(get("milcon"), 3), _is(get("intcom"), 1), None if base is None else base > 0])
    subord = get("subord")
    milorg = _any([_is(get("orgpurp1"), 1, 4), _is(get("orgpurp2"), 1, 4)])
    moderate = _any([_is(get("milcon"), 2), _is(get("milaid"), 3, 4), None if subord is None else subord > 0,
                     _is(get("contrib"), 1), milorg])
    if high:
        return 2
    if moderate:
        return 1
    if high is None and moderate is None:
        return None
    return 0
