"""The feature table of one case: one row per candidate, the columns `SIDE_FEATURES` (once toward each
side, suffixed `_attack` / `_defense`) and `STATE_FEATURES`. Everything is as known on the war's first day.

Side features: bound to the side in the legal reading, by a strong obligation (S1/S2), only through
conditions ATOP flags without specifying, in the escalatory reading, with those conditions read as unmet;
strongest alliance tie with the side (defence/offence; any tie) and the number of its defence allies
there (log 1 + n); portfolio similarity S and kappa, and kappa of the defence portfolios alone (highest over
the side's states); contiguity by land/river and within 400 miles of water; within two contiguity steps; same COW
region; fought alongside or against a state of the side in a COW war of the last 20 years.
State features: COW major power; CINC (log10, the year before the war) and its share of the candidate's
and both sides' CINC; bound to both sides; defence ties with both sides; already at war elsewhere; after
1945; the system's size (log); the attack side's share of the belligerents' CINC; a major power on each
side; an intra-alliance war (an attacker and a target share a defence or offence tie); parties (log).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from foedus.likely.case import Case
from foedus.likely.geo import Geography
from foedus.likely.history import History, last_war_year
from foedus.likely.obligations import Bindings
from foedus.likely.ties import DEFENCE, Ties
from foedus.model.major_notes import majors_notes
from foedus.model.states import COW_FIRST_DAY
from foedus.model.world import World
from foedus.sources.cow import cinc_in

__all__ = ["SIDES", "SIDE_FEATURES", "STATE_FEATURES", "Features", "case_features", "columns"]

SIDES = ("attack", "defense")
SIDE_FEATURES = ("legal", "strong", "flagged", "escalatory", "unmet", "tie_defense", "tie_any", "allies",
                 "sim_s", "sim_kappa", "sim_kappa_def", "land", "near", "hops2", "region", "cobelligerent", "enemy",
                 "ally_bound")
STATE_FEATURES = ("major", "log_cinc", "cinc_share", "conflict", "allied_both", "at_war", "post1945",
                  "log_system", "balance", "attackers_major", "targets_major", "war_intra", "log_parties",
                  "wars_fought")


def columns() -> list[str]:
    """Every feature column, in order."""
    return [f"{f}_{s}" for f in SIDE_FEATURES for s in SIDES] + list(STATE_FEATURES)


@dataclass
class Features:
    """One case's features: `values[column]` has one entry per candidate; `notes` say what was carried."""

    case: Case
    values: dict[str, np.ndarray]
    notes: list[str] = field(default_factory=list)

    def row(self, state: str) -> dict[str, float]:
        """One candidate's features."""
        i = self.case.candidates.index(state)
        return {k: float(v[i]) for k, v in self.values.items()}


def _bound(found: dict[str, str], candidates: tuple[str, ...], side: str) -> np.ndarray:
    return np.array([1.0 if found.get(s) == side else 0.0 for s in candidates])


def _power(world: World, case: Case, codes: dict[str, int | None]) -> tuple[dict[str, float], list[str]]:
    year = case.date.year - 1
    table, carried = cinc_in(year)
    notes = [f"CINC is read for the year before the date ({year}), past the NMC data's end: each state's 2016 value "
             "is used"] if carried else []
    if not table:  # NMC begins with the state system: the year before a war in its first year has none
        notes.append(f"no CINC for {year}, the year before the date (the NMC data begin in {COW_FIRST_DAY.year}): "
                     "every state's capability is read as 0, and the two sides as balanced")
    return {s: table.get(c, 0.0) if c is not None else 0.0 for s, c in codes.items()}, notes


def case_features(world: World, case: Case, bound: Bindings, skip_war: int | None = None) -> Features:
    """The feature table of `case`, given the engine's bindings for its opening attack.

    Raises:
        DataMissingError: COW contiguity, NMC or war data are not in the data folder.
    """
    states = world.states
    cand = case.candidates
    members = sorted(set(states.members_on(case.date)) | set(cand) | set(case.belligerents))
    codes = {s: states.states[s].ccode if s in states.states else None for s in members}
    ties = Ties(world, case.date, members)
    rows = [ties.pos[s] for s in cand]
    geo = Geography(case.date, [c for c in codes.values() if c is not None])
    hist = History(case.date, skip_war)
    cinc, notes = _power(world, case, codes)
    if geo.carried:
        notes.append("COW contiguity ends in 2016: the last month covered is used")
    notes += majors_notes(states, case.date)  # the `major` features read COW's list: carried past 2016, and said
    if case.date.year > last_war_year() + 1:
        notes.append(f"COW war history ends in {last_war_year()}: co-belligerence and enmity are counted "
                     "only for wars in the data")
    cand_codes = [codes.get(s) for s in cand]
    values: dict[str, np.ndarray] = {}
    sides = {"attack": case.attackers, "defense": case.targets}
    for side, who in sides.items():
        side_codes = [c for s in who if (c := codes.get(s)) is not None]
        tie = ties.strongest(rows, who)
        hist_pairs = [hist.with_side(c, side_codes) for c in cand_codes]
        closest = np.array([geo.closest(c, side_codes) for c in cand_codes], dtype=np.float64)
        values |= {
            f"legal_{side}": _bound(bound.legal, cand, side), f"strong_{side}": _bound(bound.strong, cand, side),
            f"flagged_{side}": _bound(bound.flagged, cand, side),
            f"escalatory_{side}": _bound(bound.escalatory, cand, side),
            f"unmet_{side}": _bound(bound.unmet, cand, side),
            f"tie_defense_{side}": (tie == DEFENCE).astype(np.float64),
            f"tie_any_{side}": (tie > 0).astype(np.float64),
            f"allies_{side}": np.log1p(ties.defence_allies(rows, who)),
            f"sim_s_{side}": ties.similarity(rows, who, "s_unweighted"),
            f"sim_kappa_{side}": ties.similarity(rows, who, "kappa"),
            f"sim_kappa_def_{side}": ties.similarity(rows, who, "kappa_def"),
            f"land_{side}": (closest == 1).astype(np.float64), f"near_{side}": (closest > 0).astype(np.float64),
            f"hops2_{side}": geo.within(cand_codes, side_codes, 2),
            f"region_{side}": np.array([float(geo.same_region(c, side_codes)) for c in cand_codes]),
            f"cobelligerent_{side}": np.array([a for a, _ in hist_pairs]),
            f"enemy_{side}": np.array([b for _, b in hist_pairs]),
            f"ally_bound_{side}": (ties.strongest(rows, tuple(s for s, k in bound.legal.items() if k == side))
                                   == DEFENCE).astype(np.float64),
        }
    values |= _state_values(world, case, bound, cinc, codes, hist, ties)
    ordered = {k: values[k] for k in columns()}
    return Features(case, ordered, notes)


def _state_values(world: World, case: Case, bound: Bindings, cinc: dict[str, float],
                  codes: dict[str, int | None], hist: History, ties: Ties) -> dict[str, np.ndarray]:
    cand, n = case.candidates, len(case.candidates)
    side_power = {k: sum(cinc.get(s, 0.0) for s in who) for k, who in (("attack", case.attackers),
                                                                           ("defense", case.targets))}
    total = side_power["attack"] + side_power["defense"]
    own = np.array([cinc.get(s, 0.0) for s in cand])
    att_rows, def_rows = [ties.pos[s] for s in case.attackers], [ties.pos[s] for s in case.targets]
    intra = bool(att_rows and def_rows and (ties.t[np.ix_(att_rows, def_rows)] == DEFENCE).any())
    rows = [ties.pos[s] for s in cand]
    both = (ties.strongest(rows, case.attackers) == DEFENCE) & (ties.strongest(rows, case.targets) == DEFENCE)
    day = case.date

    def const(x: float) -> np.ndarray:
        return np.full(n, float(x))

    return {
        "major": np.array([float(world.states.is_major(s, day)) for s in cand]),
        "log_cinc": np.log10(own + 1e-4),
        "cinc_share": own / np.maximum(own + total, 1e-9),
        "conflict": np.array([float(s in bound.conflicts) for s in cand]),
        "allied_both": both.astype(np.float64),
        "at_war": np.array([float(codes.get(s) in hist.at_war) for s in cand]),
        "post1945": const(case.era == "post1945"),
        "log_system": const(math.log(max(len(world.states.members_on(day)), 1))),
        "balance": const(side_power["attack"] / total if total > 0 else 0.5),
        "attackers_major": const(any(world.states.is_major(s, day) for s in case.attackers)),
        "targets_major": const(any(world.states.is_major(s, day) for s in case.targets)),
        "war_intra": const(intra),
        "log_parties": const(math.log(len(case.belligerents))),
        "wars_fought": np.log1p([hist.fought.get(codes.get(s) or -1, 0) for s in cand]),
    }
