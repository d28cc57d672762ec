"""The per-volley work of a warm reference cascade (issue 15): what a round's volleys share is found once.

A round's volleys share their attackers (`rules.next_volleys`), so the strikers among them (`owed.indices`) are
found once per attackers, not once per volley; each victim's home and each named state's COW code is a lookup in
a dict kept per table, with no call of ours. Counted with cProfile on the second run of a large 2025 war (the
first fills the table's stores)."""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats

import pytest

from foedus.engine.cascade import run_cascade
from foedus.engine.scenario import build_scenario
from foedus.model.world import World

pytestmark = pytest.mark.needs_data


def _calls(world: World, attacker: str, target: str) -> dict[tuple[str, str], int]:
    scenario = build_scenario(world, attacker=attacker, target=target, date=dt.date(2025, 6, 1),
                              reading="escalatory")
    run_cascade(world, scenario)
    profile = cProfile.Profile()
    profile.runcall(run_cascade, world, scenario)
    out: dict[tuple[str, str], int] = {}
    for (path, _, name), row in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
        key = (path.replace("\\", "/").rsplit("/", 1)[-1], name)
        out[key] = out.get(key, 0) + row[1]
    return out


@pytest.mark.parametrize("attacker, target", [("RUS", "EST"), ("EGY", "ETH"), ("USA", "CUB")])
def test_strikers_are_found_once_per_attackers_not_per_volley(world: World, attacker: str, target: str) -> None:
    calls = _calls(world, attacker, target)
    volleys = calls[("bind.py", "volley")]
    assert volleys > 50
    strikers = calls.get(("owed.py", "indices"), 0) - calls.get(("bind.py", "_nonaggression"), 0)
    assert strikers * 4 < volleys, (strikers, volleys)


def test_homes_are_looked_up_without_a_call_per_victim(world: World) -> None:
    calls = _calls(world, "RUS", "EST")
    assert calls[("bind.py", "volley")] > 50
    assert calls.get(("cascade.py", "home"), 0) == 0
    assert calls.get(("gazetteer.py", "home"), 0) == 0  # every home found before, in the first run


def test_cow_codes_are_looked_up_without_a_call_per_state(world: World) -> None:
    """The result's COW codes (one per state it names) come from a dict kept per table."""
    calls = _calls(world, "RUS", "EST")
    assert calls[("bind.py", "volley")] > 50
    assert calls.get(("outcome.py", "code"), 0) == 0


def test_volley_looks_up_its_strikers_without_a_call(world: World) -> None:
    """`Binder.volley` reads the strikers kept per attackers itself: `_striking` runs once per attackers only."""
    calls = _calls(world, "RUS", "EST")
    volleys = calls[("bind.py", "volley")]
    assert volleys > 50
    assert calls.get(("bind.py", "_striking"), 0) * 4 < volleys


@pytest.mark.parametrize("attacker, target", [("RUS", "EST"), ("USA", "CUB")])
def test_no_generator_is_resumed_per_volley_or_record(world: World, attacker: str, target: str) -> None:
    """What runs once per volley, joiner or record (the strikers' indices, the round's joins, the result's
    consultations and violations, a victim's new strikers) is a list built at once, not a generator resumed per
    item."""
    calls = _calls(world, attacker, target)
    volleys = calls[("bind.py", "volley")]
    assert volleys > 50
    for module in ("bind.py", "cascade.py", "ledger.py", "outcome.py", "owed.py", "strikes.py"):
        assert calls.get((module, "<genexpr>"), 0) * 4 < volleys, (module, calls.get((module, "<genexpr>")), volleys)


def test_obligations_are_made_from_their_parts_without_a_store_of_whole_records(world: World) -> None:
    """Only what does not depend on the attacker, the side and the round is kept per table (`citing.cited`): a
    store of whole obligations, keyed by those too, found 77% of them new over issue 15's 1,000 random 2025 dyads
    and started afresh when full, at about 17 ms on one cascade."""
    from foedus.engine.table import leg_table

    calls = _calls(world, "NOR", "MNE")
    assert calls[("citing.py", "cited")] > 30
    stores = leg_table(world, dt.date(2025, 6, 1))._derived
    assert "citation parts" in stores
    assert "citations" not in stores


def test_result_records_are_interned_per_kind_and_joiners_read_without_property_calls(world: World) -> None:
    """The result's consultations, violations and neutrality duties go through `ledger.intern` in one call per kind
    (and per conflict's duties), not one per record; its joiners' states and sides (`CascadeResult.sides`, the
    supporters' `busy` states) are read without a call of `Joiner.state` or `Joiner.side` per joiner."""
    scenario = build_scenario(world, attacker="RUS", target="EST", date=dt.date(2025, 6, 1), reading="escalatory")
    result = run_cascade(world, scenario)
    records = len(result.consultations) + len(result.violations) + len(result.neutral)
    assert records > 30 and len(result.joiners) > 30
    calls = _calls(world, "RUS", "EST")
    assert calls.get(("ledger.py", "intern"), 0) <= 3 + len(result.conflicts), (calls.get(("ledger.py", "intern")),)
    assert calls.get(("records.py", "state"), 0) == 0
    assert calls.get(("records.py", "side"), 0) == 0


class _Looked(frozenset[str]):
    """A set of states that counts the looks made in it one call at a time (`in`, `__contains__`); a set
    difference with it as the other operand looks in its table directly and is not counted."""

    looks = 0

    def __contains__(self, state: object) -> bool:
        _Looked.looks += 1
        return frozenset.__contains__(self, state)


@pytest.mark.parametrize("attacker, target", [("RUS", "EST"), ("USA", "CUB")])
def test_waiting_obligors_are_set_apart_without_a_call_per_obligor(world: World, monkeypatch: pytest.MonkeyPatch,
                                                                   attacker: str, target: str) -> None:
    """On the first volley on a victim (most volleys), the defence legs' obligors not yet settled and the
    consultation legs' obligors not fighting are one set difference of all of them (kept per table) with those
    states, not a call of `settled.__contains__` (or `fighting.__contains__`) per obligor waiting (issue 15)."""
    from foedus.engine.bind import Binder, BindState

    update, records = BindState.update, Binder.records

    def counted_update(self: BindState, *args: object) -> None:
        update(self, *args)  # type: ignore[arg-type]
        self.settled = {side: _Looked(states) for side, states in self.settled.items()}

    def counted_records(self: Binder, vol: object, ctx: object, fighting: frozenset[str]) -> None:
        records(self, vol, ctx, _Looked(fighting))  # type: ignore[arg-type]

    scenario = build_scenario(world, attacker=attacker, target=target, date=dt.date(2025, 6, 1),
                              reading="escalatory")
    run_cascade(world, scenario)  # the table's stores filled
    volleys = _calls(world, attacker, target)[("bind.py", "volley")]
    assert volleys > 50
    monkeypatch.setattr(BindState, "update", counted_update)
    monkeypatch.setattr(Binder, "records", counted_records)
    _Looked.looks = 0
    run_cascade(world, scenario)
    assert _Looked.looks * 4 < volleys, (_Looked.looks, volleys)


def test_volleys_are_made_with_their_fields_in_order(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A round's volleys (over a hundred per large 2025 cascade) are made with every field given in order: a class
    called with keywords receives them in a dict, which doubled the cost of making one (issue 15)."""
    from foedus.engine.rules import strikes

    keywords: list[bool] = []
    volley = strikes.Volley

    def made(*args: object, **kwargs: object) -> strikes.Volley:
        keywords.append(bool(kwargs))
        return volley(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(strikes, "Volley", made)
    run_cascade(world, build_scenario(world, attacker="RUS", target="EST", date=dt.date(2025, 6, 1),
                                      reading="escalatory"))
    assert len(keywords) > 50
    assert not any(keywords), sum(keywords)


def test_support_records_are_kept_per_table(world: World) -> None:
    """The supporters' records are made once per table (`rules.supporters`' `made`): a cascade run again hands back
    the same records, where each was made anew (about 6 us each)."""
    scenario = build_scenario(world, attacker="RUS", target="EST", date=dt.date(2025, 6, 1), reading="escalatory")
    first, again = run_cascade(world, scenario).supporters, run_cascade(world, scenario).supporters
    assert first and first == again
    assert all(a is b for a, b in zip(first, again, strict=True))


def test_one_sided_finds_are_ordered_by_rank_alone(world: World) -> None:
    """A state's finds of a round for one side are ordered by rank alone: the attack-by-attack engine's order
    (`ledger.order_of`) only breaks ties, which only finds for both sides can have (SYC/GAB at 2025 has none)."""
    calls = _calls(world, "SYC", "GAB")
    volleys = calls[("bind.py", "volley")]
    assert volleys > 50
    assert calls.get(("ledger.py", "order_of"), 0) * 4 < volleys, (calls.get(("ledger.py", "order_of")), volleys)


def test_the_switches_store_stays_bounded_and_results_stay_equal(world: World) -> None:
    """`cascade._switches` keeps one scenario per combination of switches per table: past `_MOST_SWITCHES`
    combinations (each `ongoing_since` is one) the store starts afresh, and a cascade run again gives what it gave."""
    from foedus.datarecord import replace
    from foedus.engine import cascade
    from foedus.engine.table import leg_table

    day = dt.date(2025, 6, 1)
    scenario = build_scenario(world, attacker="RUS", target="EST", date=day, reading="escalatory")
    before = run_cascade(world, scenario)
    table = leg_table(world, day)
    for back in range(cascade._MOST_SWITCHES + 40):
        cascade._switches(table, replace(scenario, ongoing_since=day - dt.timedelta(days=back)))
    assert 0 < len(table.derived("switches", dict)) <= cascade._MOST_SWITCHES
    again = run_cascade(world, scenario)
    assert again == before and again.to_dict() == before.to_dict()
    since = replace(scenario, ongoing_since=day - dt.timedelta(days=30))
    assert run_cascade(world, since) == run_cascade(world, since)
