"""The COW war data as the replay needs it: every spell of every participant, and every dyad with its dates.

`Spell`: one participation spell (a row of the participant file has one or two: `StartYear1..EndDay1`,
`StartYear2..EndDay2`), with its side, initiator flag and region fought in (`WhereFought`). `Dyad`: one
undirected pair of the dyadic file, with the earliest start and latest end over its directed war-year
rows and the state that started the fighting in it (`wardyadrole` 1 against 3; None when the two rows
disagree).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foedus.backtest.wars import DYADIC_FILE, WAR_FILE, _need, _read, cow_date
from foedus.datasets.verify import dataset_file

__all__ = ["Dyad", "Spell", "load_dyads", "load_spells"]

log = logging.getLogger("foedus.backtest")
_SPELL_COLUMNS = ("WarNum", "ccode", "StateName", "Side", "Initiator", "WhereFought",
                  *(f"{p}{k}{n}" for n in (1, 2) for p in ("Start", "End") for k in ("Year", "Month", "Day")))
_DYAD_COLUMNS = ("warnum", "statea", "stateb", "warstrtyr", "warstrtmnth", "warstrtday", "warendyr", "warendmnth",
                 "warenday", "wardyadrolea", "wardyadroleb")


@dataclass(frozen=True, slots=True)
class Spell:
    """One spell of one state in one war: its COW side, from `start` to `end` (inclusive)."""

    war: int
    ccode: int
    name: str
    side: int
    start: dt.date
    end: dt.date
    initiator: bool
    where: int  # COW WhereFought code of this participation


@dataclass(frozen=True, slots=True)
class Dyad:
    """Two states that fought each other in a war: from `start` to `end`; `initiator` started it (if known)."""

    war: int
    a: int
    b: int
    start: dt.date
    end: dt.date
    initiator: int | None


def _int(row: Any, name: str) -> int:
    try:
        return int(getattr(row, name))
    except (TypeError, ValueError):
        return -9


def _date(row: Any, names: tuple[str, str, str], *, end: bool) -> dt.date | None:
    year, month, day = (_int(row, x) for x in names)
    if end and year > 0 and month > 0 and day < 1:  # an unknown end day: the month's last
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return cow_date(year, month, day)


def load_spells(path: Path | None = None) -> dict[int, list[Spell]]:
    """Every participation spell, by war (a spell without a start date is skipped, logged)."""
    rows = _read(path or _need(WAR_FILE), _SPELL_COLUMNS)
    out: dict[int, list[Spell]] = defaultdict(list)
    for row in rows:
        war, ccode = _int(row, "WarNum"), _int(row, "ccode")
        for n in (1, 2):
            start = _date(row, (f"StartYear{n}", f"StartMonth{n}", f"StartDay{n}"), end=False)
            if start is None:
                if n == 1:
                    log.warning("war %s: %s has no start date; skipped", war, row.StateName)
                continue
            end = _date(row, (f"EndYear{n}", f"EndMonth{n}", f"EndDay{n}"), end=True) or start
            out[war].append(Spell(war, ccode, str(row.StateName), _int(row, "Side"), start, max(end, start),
                                  _int(row, "Initiator") == 1, _int(row, "WhereFought")))
    return {w: sorted(s, key=lambda x: (x.start, x.ccode)) for w, s in out.items()}


def load_dyads(path: Path | None = None) -> dict[int, list[Dyad]]:
    """Every undirected dyad of the dyadic war file, by war (an absent file gives no dyads, logged)."""
    path = path or dataset_file(DYADIC_FILE)
    if path is None:
        log.warning("%s is not in the data folder; the replay uses the participant file only", DYADIC_FILE)
        return {}
    rows = _read(path, _DYAD_COLUMNS)
    spans: dict[tuple[int, int, int], list[dt.date]] = {}
    started: dict[tuple[int, int, int], set[int]] = defaultdict(set)
    for row in rows:
        war, a, b = _int(row, "warnum"), _int(row, "statea"), _int(row, "stateb")
        start = _date(row, ("warstrtyr", "warstrtmnth", "warstrtday"), end=False)
        end = _date(row, ("warendyr", "warendmnth", "warenday"), end=True)
        if start is None:
            continue
        key = (war, min(a, b), max(a, b))
        cell = spans.setdefault(key, [start, end or start])
        cell[0], cell[1] = min(cell[0], start), max(cell[1], end or start)
        if _int(row, "wardyadrolea") == 1 and _int(row, "wardyadroleb") == 3:
            started[key].add(a)
        elif _int(row, "wardyadrolea") == 3 and _int(row, "wardyadroleb") == 1:
            started[key].add(b)
    out: dict[int, list[Dyad]] = defaultdict(list)
    for (war, a, b), (start, end) in sorted(spans.items()):
        who = started.get((war, a, b), set())
        out[war].append(Dyad(war, a, b, start, max(end, start), who.pop() if len(who) == 1 else None))
    return dict(out)
