"""The replayed outcomes: one row per COW war × candidate state, with what the state did and when.

This is the table the likelihood model (issue #14) trains on, so its columns are a contract:

- `war`, `war_name`, `war_start`, `era`: COW war number and name, the war's start, `pre1945` / `post1945`;
- `state`, `ccode`, `name`: the engine's state id, its COW code (None for entities without one), its name as
  on the war's first day (`StateRegistry.names_on`: the Soviet Union in 1939, as `foedus war` names it);
- `role`: `original` (an opening attacker or target, or a co-initiator fighting from day 0), `new_target`
  (entered by being attacked), `joiner` (entered by its own choice), `none` (never fought);
- `side`: the side it entered on, relative to the initiators, `attack` / `defense` (None: never fought);
- `sides_fought`: `attack`, `defense`, `both` (it changed sides) or None;
- `entry`, `days_to_entry`: the date it entered (its first COW spell) and the days since the war's start;
- `outcome_30`, `outcome_365`, `outcome_ever`: `out`, `attack` or `defense`, the side it had entered on
  within 30 days, within 365 days, by the war's end; `joined_30`, `joined_365`, `joined_ever`: the same
  as flags (`outcome != "out"`).

Candidates are the members of the state system on the war's start date plus every participant the engine
can place on its entry date; states the engine cannot place are left out (`CowWar.skips` says why).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from foedus.backtest.placing import Placer
from foedus.backtest.warbuild import CowWar, build_war
from foedus.engine.reliability import ERA_CUTOFF
from foedus.model.world import World

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["OUTCOME_HORIZONS", "OutcomeRow", "candidates_of", "cow_wars", "outcome_rows", "outcomes_frame",
           "war_outcomes"]

OUTCOME_HORIZONS: tuple[tuple[str, int | None], ...] = (("30", 30), ("365", 365), ("ever", None))


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    """One (war, candidate state) outcome; see the module docstring for the columns."""

    war: int
    war_name: str
    war_start: dt.date
    era: str
    state: str
    ccode: int | None
    name: str
    role: str
    side: str | None
    sides_fought: str | None
    entry: dt.date | None
    days_to_entry: int | None
    outcome_30: str
    outcome_365: str
    outcome_ever: str

    @property
    def joined_30(self) -> bool:
        """Entered within 30 days of the war's start."""
        return self.outcome_30 != "out"

    @property
    def joined_365(self) -> bool:
        """Entered within 365 days of the war's start."""
        return self.outcome_365 != "out"

    @property
    def joined_ever(self) -> bool:
        """Entered at any time."""
        return self.outcome_ever != "out"

    def to_dict(self) -> dict[str, Any]:
        """Plain form, flags included, dates as ISO text."""
        out = asdict(self)
        out.update(war_start=self.war_start.isoformat(), entry=self.entry.isoformat() if self.entry else None,
                   joined_30=self.joined_30, joined_365=self.joined_365, joined_ever=self.joined_ever)
        return out


def cow_wars(world: World, first: int | None = None,
             last: int | None = None) -> tuple[list[CowWar], list[dict[str, Any]]]:
    """Every COW war starting in [first, last] as a replayable war, and the wars skipped (with the reason); the years
    checked as the CLI's are (`check_years`, named as the Python API's keywords), for `war_outcomes` and
    `foedus.likely.dataset.training_data` alike."""
    from foedus.backtest.cowdata import load_dyads, load_spells
    from foedus.backtest.opening import opening_attack
    from foedus.backtest.wars import check_years, load_dyadic, load_wars

    check_years(first, last, names=("first", "last"))

    spells = load_spells()  # the participant file first: without it the run stops, and the dyadic files' notes are moot
    dyadic, dyads, placer = load_dyadic(), load_dyads(), Placer(world.states)
    built, skipped = [], []
    for war in load_wars():
        if (first is not None and war.start.year < first) or (last is not None and war.start.year > last):
            continue
        opening = opening_attack(war, dyadic)
        if opening is None:
            skipped.append({"war": war.num, "name": war.name, "reason": "COW codes no initiator, or initiators on "
                                                                       "both sides"})
            continue
        built.append(build_war(war, opening, spells.get(war.num, []), dyads.get(war.num, []), world, placer))
    return built, skipped


def candidates_of(world: World, cow: CowWar) -> list[str]:
    """The candidate states of one war (see the module docstring)."""
    members = set(world.states.members_on(cow.start) or [s.id for s in world.states if s.ccode is not None])
    return sorted((members | set(cow.participants)) - cow.unplaced)


def _outcome(side: str | None, entry: dt.date | None, cut: dt.date) -> str:
    return side if side is not None and entry is not None and entry <= cut else "out"


def outcome_rows(world: World, cow: CowWar) -> list[OutcomeRow]:
    """The outcome rows of one replayable war."""
    era = "pre1945" if cow.start < ERA_CUTOFF else "post1945"
    rows: list[OutcomeRow] = []
    names = world.states.names_on(cow.start)  # as called on the war's first day
    for state in candidates_of(world, cow):
        p = cow.participants.get(state)
        st = world.states.get(state) if state in world.states.states else None
        entry = p.entry if p else None
        side = p.side if p else None
        cuts = {k: cow.start + dt.timedelta(days=h) if h is not None else dt.date.max for k, h in OUTCOME_HORIZONS}
        fought = None if p is None else ("both" if len(p.sides) > 1 else next(iter(p.sides)))
        rows.append(OutcomeRow(
            war=cow.num, war_name=cow.name, war_start=cow.start, era=era, state=state,
            ccode=st.ccode if st else None, name=names.get(state, p.name if p else state),
            role=p.role if p else "none", side=side, sides_fought=fought, entry=entry,
            days_to_entry=(entry - cow.start).days if entry else None,
            outcome_30=_outcome(side, entry, cuts["30"]), outcome_365=_outcome(side, entry, cuts["365"]),
            outcome_ever=_outcome(side, entry, cuts["ever"])))
    return rows


def war_outcomes(world: World | None = None, first: int | None = None, last: int | None = None) -> list[OutcomeRow]:
    """Every (COW war, candidate state) outcome for wars starting in [first, last] (the labels, no engine).

    Raises:
        BacktestError: a year that is no whole number, outside the COW wars' years, or a range backwards.
        DataMissingError: the COW war data are not in the data folder.
    """
    w = world or World.default()
    return [row for cow in cow_wars(w, first, last)[0] for row in outcome_rows(w, cow)]


def outcomes_frame(rows: list[OutcomeRow]) -> pd.DataFrame:
    """The outcome rows as a pandas DataFrame (the columns of the module docstring)."""
    import pandas as pd

    return pd.DataFrame([r.to_dict() for r in rows])
