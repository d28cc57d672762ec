"""Plain-pandas readings of the raw research files, written from the codebooks, independent of foedus's code: the
tests of foedus's research tables compare against these (tests/test_atop_ddyr.py, tests/test_research_joins.py).

* `atop_pair_years`: every directed pair of members of an ATOP 5.1 alliance phase (atop5_1m.csv), once per year in
  which both are members at a common moment (entry and exit days inclusive; a missing day is the 1st on entry and
  the month's last day on exit, a missing month January or December; no exit year = still in force at the end of
  2018), with the first state's five obligations in that phase and the alliance's OBVARY.
* `flags`: the five flags per directed dyad-year, from any phase the pair shares in the year (`latest=False`, the
  rule foedus documents) or, per alliance, only from the latest phase the pair shares in the year (`latest=True`).
* `alliances`: per directed dyad-year, the ATOP ids of the alliances the pair shares in the year (any phase, as
  `flags(latest=False)`), ascending, joined by ';' (ATOP's dyad-year file: `atopally` is the row being listed, its
  `atopid1`…`atopidN` these ids).
* `coexisting`: the directed pairs of COW system members (states2016.csv, exact days) that are members at a common
  moment of the year; after 2016 the states of 2016-12-31 stay members.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

OBLIGATIONS = ["defense", "offense", "neutral", "nonagg", "consul"]
KEY = ["ccode1", "ccode2", "year"]


def _days(year: pd.Series, month: pd.Series, day: pd.Series, end: bool) -> pd.Series:
    month = month.where(month.between(1, 12), 12 if end else 1).astype(int)
    first = pd.to_datetime(pd.DataFrame({"year": year.astype(int), "month": month, "day": 1}))
    length = first.dt.days_in_month
    day = day.fillna(0).astype(int)
    day = day.where((day >= 1) & (day <= length), length if end else 1)
    return first + pd.to_timedelta(day - 1, unit="D")


def atop_pair_years(data_dir: Path) -> pd.DataFrame:
    m = pd.read_csv(data_dir / "atop" / "atop5_1m.csv")
    rows = pd.DataFrame({"atopid": m.atopid, "phase": m.phase, "member": m.member, "obvary": m.obvary,
                         "enter": _days(m.yrent, m.moent, m.dayent, end=False)})
    gone = m.yrexit > 0
    exit_day = _days(m.yrexit.where(gone, 2018), m.moexit.where(gone, 12), m.dayexit.where(gone, 31), end=True)
    rows["exit"] = exit_day.where(gone, pd.Timestamp(2018, 12, 31))
    rows[OBLIGATIONS] = m[OBLIGATIONS].to_numpy()
    other = rows[["atopid", "phase", "member", "enter", "exit"]]
    pairs = rows.merge(other, on=["atopid", "phase"], suffixes=("", "_b"))
    pairs = pairs[pairs.member != pairs.member_b]
    lo = np.maximum(pairs.enter, pairs.enter_b)
    hi = np.minimum(pairs.exit, pairs.exit_b)
    pairs = pairs[lo <= hi]
    first, last = lo[lo <= hi].dt.year.to_numpy(), hi[lo <= hi].dt.year.to_numpy()
    count = last - first + 1
    out = pairs.loc[pairs.index.repeat(count), ["member", "member_b", "atopid", "phase", "obvary", *OBLIGATIONS]]
    out.columns = ["ccode1", "ccode2", "atopid", "phase", "obvary", *OBLIGATIONS]
    starts = np.repeat(np.cumsum(count) - count, count)
    out["year"] = np.repeat(first, count) + np.arange(count.sum()) - starts
    return out.reset_index(drop=True)


def flags(pairs: pd.DataFrame, latest: bool) -> pd.DataFrame:
    if latest:
        pairs = pairs[pairs.phase == pairs.groupby([*KEY, "atopid"]).phase.transform("max")]
    return pairs.groupby(KEY)[OBLIGATIONS].max().reset_index()


def alliances(pairs: pd.DataFrame) -> pd.DataFrame:
    ids = pairs[[*KEY, "atopid"]].drop_duplicates().sort_values([*KEY, "atopid"])
    joined = ids.groupby(KEY).atopid.agg(lambda found: ";".join(str(i) for i in found))
    return joined.reset_index()


def cow_spells(data_dir: Path) -> pd.DataFrame:
    s = pd.read_csv(data_dir / "cow_states" / "states2016.csv")
    start = pd.to_datetime(pd.DataFrame({"year": s.styear, "month": s.stmonth, "day": s.stday}))
    end = pd.to_datetime(pd.DataFrame({"year": s.endyear, "month": s.endmonth, "day": s.endday}))
    end = end.where(end != pd.Timestamp(2016, 12, 31), pd.Timestamp(2100, 12, 31))  # in the system at the end
    return pd.DataFrame({"ccode": s.ccode, "start": start, "end": end})


def coexisting(spells: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    found = []
    for year in years:
        lo, hi = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
        s = spells[(spells.start <= hi) & (spells.end >= lo)]
        s = pd.DataFrame({"ccode": s.ccode, "a": s.start.clip(lower=lo), "b": s.end.clip(upper=hi)})
        p = s.merge(s, how="cross", suffixes=("1", "2"))
        p = p[(p.ccode1 != p.ccode2) & (p.a1 <= p.b2) & (p.a2 <= p.b1)]
        found.append(p[["ccode1", "ccode2"]].drop_duplicates().assign(year=year))
    return pd.concat(found, ignore_index=True)
