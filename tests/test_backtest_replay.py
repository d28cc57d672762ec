"""The replayed backtest: COW event sequences, roles, placements, horizons, three-outcome scores, reliability."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from foedus.backtest.horizon import counts_at, new_target_split, probabilistic_at, scored
from foedus.backtest.multiclass import brier3, log_loss3, score3
from foedus.backtest.outcomes import OutcomeRow, candidates_of, cow_wars, outcome_rows
from foedus.backtest.replayed import replay_war_variants, without
from foedus.backtest.theatre import Placement, cow_regions
from foedus.engine.scenario import Attack
from foedus.war.events import War, WarEvent

D = dt.date


@pytest.fixture(scope="module")
def cow(world):  # type: ignore[no-untyped-def]
    built, skipped = cow_wars(world)
    return {c.num: c for c in built}, skipped


def _roles(cw):  # type: ignore[no-untyped-def]
    return {s: (p.role, p.side) for s, p in cw.participants.items()}


@pytest.mark.needs_data
def test_every_war_is_built_and_roles_split_originals_targets_joiners(cow) -> None:  # type: ignore[no-untyped-def]
    built, skipped = cow
    assert len(built) == 95 and skipped == []
    ww1, ww2, korea, vietnam = built[106], built[139], built[151], built[163]
    assert _roles(ww1)["BEL"] == ("new_target", "defense")  # Germany invaded it
    assert _roles(ww1)["GBR"] == ("joiner", "defense")  # declared war, fought later
    assert _roles(ww2)["USA"] == ("new_target", "defense")  # Pearl Harbor
    assert _roles(ww2)["GBR"] == ("joiner", "defense")
    assert _roles(korea)["USA"] == ("joiner", "defense")
    assert _roles(vietnam)["AUS"] == ("original", "attack")  # a co-initiator fighting from day 0


@pytest.mark.needs_data
def test_attacks_are_placed_where_the_war_was_fought(world, cow) -> None:  # type: ignore[no-untyped-def]
    built, _ = cow
    falklands = [a for e in built[202].war.events for a in e.attacks]
    assert Attack("ARG", "GBR", "falkland-islands", "territory") in falklands
    angola = {(a.victim, a.place, a.kind) for e in built[186].war.events for a in e.attacks}
    assert ("CUB", "angola", "forces") in angola and ("AGO", "angola", "territory") in angola
    ogaden = Placement(world, 187, {40: 4, 530: 4}, ((530, "ETH"),))  # COW: Cuba (40) fought in Africa (4)
    assert ogaden.place(40, "CUB") == ("ethiopia", "forces", "forces-abroad")
    assert ogaden.place(530, "ETH") == ("ethiopia", "territory", "home")
    assert sorted(cow_regions(365)) == ["asia", "europe"]


@pytest.mark.needs_data
def test_replay_binds_britain_to_poland_on_the_first_day_and_scores_it(world, cow) -> None:  # type: ignore[no-untyped-def]
    ww2 = cow[0][139]
    r = replay_war_variants(world, ww2, candidates_of(world, ww2), draws=200, seed=1, variants=("legal",))
    b = r.bound["legal"]["GBR"]
    assert (b.date, b.side, b.treaty) == (D(1939, 9, 1), "defense", "atop_2440_p2")
    assert "DEU" not in r.bound["legal"]  # original parties are never forecast
    p_att, p_def = r.probabilities[30]["GBR"]
    assert p_def > 0.5 > p_att  # pre-1945 honour rates
    rows = outcome_rows(world, ww2)
    gbr = next(x for x in rows if x.state == "GBR")
    assert (gbr.role, gbr.outcome_30, gbr.days_to_entry) == ("joiner", "defense", 2)
    forecasts = {(139, s): (x.date, x.side) for s, x in r.bound["legal"].items()}
    c = counts_at(scored(rows), forecasts, "30", 30)
    assert c.tp >= 2  # Britain and France within 30 days


def test_without_drops_a_states_events() -> None:
    a, b = Attack("A", "B", "p", "territory"), Attack("C", "B", "p", "territory")
    war = War("w", "w", (WarEvent(0, "attack", D(2000, 1, 1), attacks=(a, b)),
                         WarEvent(1, "entry", D(2000, 1, 2), states=("C",), side="attack"),
                         WarEvent(2, "attack", D(2000, 1, 3), attacks=(b,))))
    left = without(war, "C")
    assert [(e.kind, e.attacks) for e in left.events] == [("attack", (a,))]


def _row(state: str, role: str, entry: dt.date | None, side: str | None) -> OutcomeRow:
    start = D(2000, 1, 1)
    def out(days: int | None) -> str:
        cut = start + dt.timedelta(days=days) if days is not None else dt.date.max
        return side if side and entry and entry <= cut else "out"  # type: ignore[return-value]
    return OutcomeRow(1, "w", start, "post1945", state, None, state, role, side, side, entry,
                      (entry - start).days if entry else None, out(30), out(365), out(None))


def test_horizon_counts_by_hand() -> None:
    rows = [_row("A", "joiner", D(2000, 1, 10), "defense"), _row("B", "joiner", D(2000, 6, 1), "defense"),
            _row("C", "none", None, None), _row("T", "new_target", D(2000, 2, 1), "defense"),
            _row("O", "original", D(2000, 1, 1), "attack")]
    forecasts = {(1, "A"): (D(2000, 1, 5), "defense"), (1, "B"): (D(2000, 3, 1), "defense"),
                 (1, "C"): (D(2000, 1, 1), "attack"), (1, "T"): (D(2000, 1, 20), "defense")}
    pairs = scored(rows)
    assert [r.state for r in pairs] == ["A", "B", "C"]  # originals and new targets scored apart
    assert counts_at(pairs, forecasts, "30", 30) == counts_at(pairs, {**forecasts, (1, "B"): (D(2001, 1, 1), "x")},
                                                               "30", 30)
    c30, c365 = counts_at(pairs, forecasts, "30", 30), counts_at(pairs, forecasts, "365", 365)
    assert (c30.tp, c30.fp, c30.fn) == (1, 1, 0)  # A hit; C false alarm; B not yet joined nor forecast
    assert (c365.tp, c365.fp, c365.fn) == (2, 1, 0)
    split = new_target_split(rows, forecasts)
    assert (split["new_targets"], split["bound_to_their_side"]) == (1, 1)
    s = probabilistic_at(pairs, {(1, "A"): (0.0, 0.9)}, "ever")
    assert s.n == 3 and s.counts == {"out": 1, "attack": 0, "defense": 2}


def test_three_outcome_scores_are_proper_and_bounded() -> None:
    assert brier3(0.0, 1.0, "defense") == 0.0 and brier3(1.0, 0.0, "defense") == 2.0
    assert log_loss3(0.3, 0.3, "out") == pytest.approx(-math.log(0.4), rel=1e-3)
    honest = score3([(0.0, 0.5, "defense"), (0.0, 0.5, "out")])
    hedged = score3([(0.0, 0.9, "defense"), (0.0, 0.9, "out")])
    assert honest.brier < hedged.brier and honest.log_loss < hedged.log_loss  # 50/50 outcomes: 0.5 is best
    assert score3([]).brier is None


@pytest.fixture(scope="module")
def ww1(world, cow):  # type: ignore[no-untyped-def]
    """The First World War replayed in the legal reading, as the reliability data set replays it."""
    from foedus.backtest.replay_run import ReplayBacktest

    war = cow[0][106]
    return ReplayBacktest(wars=[replay_war_variants(world, war, candidates_of(world, war), draws=None, seed=1,
                                                    variants=("legal",))])


@pytest.mark.needs_data
def test_reliability_rows_of_the_first_world_war(world, ww1) -> None:  # type: ignore[no-untyped-def]
    from foedus.backtest.reliability_data import Switches, reliability_rows

    rb = ww1
    rows = {r.treaty: r for r in reliability_rows(world, rb)}
    franco_russian = rows["atop_1385"]  # COW's pairs have Russia and France start their fights with Germany;
    assert franco_russian.met  # the first attack on either is Austria-Hungary's on France (1915-10-05)
    assert {(a.state, a.date, a.outcome) for a in franco_russian.allies} == {("RUS", D(1915, 10, 5), "alongside")}
    assert rows["atop_1490"].met  # the Greek-Serbian alliance: Greece joined only in 1917
    narrow = {r.treaty: r for r in reliability_rows(world, rb, Switches(unresolved="unmet"))}
    assert not narrow["atop_1385"].met  # its adversary condition is flagged, not specified


@pytest.mark.needs_data
def test_the_unresolved_switch_is_read_by_the_gate(world, ww1) -> None:  # type: ignore[no-untyped-def]
    """The data set's unresolved switch holds a duty back by asking the `unresolved` gate (`rules.GATES`), as a
    cascade does: it tested the trigger's flagged conditions itself, so a change to the gate changed every cascade
    but not the reliability rows."""
    from foedus.backtest.reliability_data import Switches, reliability_rows
    from foedus.datarecord import replace
    from foedus.engine.rules.gates import GATES

    at = next(i for i, g in enumerate(GATES) if g.name == "unresolved")
    original = GATES[at]
    GATES[at] = replace(original, closed=lambda leg, scenario: False)  # a gate never closed
    try:
        narrow = {r.treaty: r for r in reliability_rows(world, ww1, Switches(unresolved="unmet"))}
    finally:
        GATES[at] = original
    assert narrow["atop_1385"].met


@pytest.mark.needs_data
def test_a_corrupt_data_file_stops_the_replays_a_rejected_war_is_skipped(  # type: ignore[no-untyped-def]
        world, monkeypatch) -> None:
    """An error of the run (a data file that failed its check) was taken as the engine rejecting each war's replay:
    every war skipped for it. It stops the replays; a war the engine rejects is still skipped with its reason."""
    import foedus.backtest.replay_run as replay_run
    from foedus.errors import DataCorruptError, ScenarioError

    def corrupt(*args: object, **kwargs: object) -> object:
        raise DataCorruptError("atop5_1m.csv: corrupt")

    monkeypatch.setattr(replay_run, "replay_war_variants", corrupt)
    with pytest.raises(DataCorruptError, match="corrupt"):
        replay_run.run_replays(world, 1990, 1991, draws=None, seed=0)

    def rejected(*args: object, **kwargs: object) -> object:
        raise ScenarioError("no such replay")

    monkeypatch.setattr(replay_run, "replay_war_variants", rejected)
    out = replay_run.run_replays(world, 1990, 1991, draws=None, seed=0)
    assert out.wars == [] and [s["reason"] for s in out.skipped] == ["the engine rejects the replay: no such replay"]
