"""The batched engine equals the single-scenario engine; the atlas, compare, overlays and Dask sweeps."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import foedus
from foedus.engine.fast.batch import batch_cascades, compile_rules
from foedus.engine.scenario import build_scenario, switches
from foedus.errors import FoedusError, ScenarioError
from foedus.model.overlay import AddMember, AddTreaty, Overlay, changes_from, load_overlay
from foedus.model.world import World
from foedus.sweeps.atlas import (
    AtlasOptions,
    atlas_frame,
    atlas_results,
    dyad_members,
    opposite_count,
    yearly_indicators,
)
from foedus.sweeps.compare import compare_atlas, compare_results
from samples import GOOD_TREATY, cli_line, inline_client

pytestmark = pytest.mark.needs_data


def _single(world: World, a: str, b: str, day: dt.date, reading: str) -> tuple[dict, set]:  # type: ignore[type-arg]
    r = foedus.cascade(a, b, day, reading=reading, world=world)  # type: ignore[arg-type]
    return {j.state: (j.side, j.primary.round) for j in r.joiners}, {c.state for c in r.conflicts}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                            HealthCheck.too_slow])
@given(day=st.dates(dt.date(1816, 1, 1), dt.date(2025, 12, 31)), seed=st.integers(0, 2**32 - 1),
       reading=st.sampled_from(["legal", "escalatory"]))
def test_batch_equals_single_engine(world: World, day: dt.date, seed: int, reading: str, backend: str) -> None:
    members = dyad_members(world, day)
    rng = np.random.default_rng(seed)
    rules = compile_rules(world, switches(day), members)
    pairs = [tuple(rng.choice(len(members), 2, replace=False)) for _ in range(6)]
    res = batch_cascades(rules, np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]), reading)  # type: ignore[arg-type]
    for k, (i, j) in enumerate(pairs):
        a, b = members[i], members[j]
        joiners, conflicts = _single(world, a, b, day, reading)
        got = {rules.states[x]: ("attack" if res.sides[k, x] == 1 else "defense", int(res.rounds[k, x]))
               for x in np.nonzero(res.sides[k])[0] if rules.states[x] not in (a, b)}
        assert got == joiners, (day, reading, a, b)
        assert {rules.states[x] for x in np.nonzero(res.conflicts[k])[0]} == conflicts, (day, reading, a, b)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                            HealthCheck.too_slow])
@given(day=st.dates(dt.date(1816, 1, 1), dt.date(2025, 12, 31)), seed=st.integers(0, 2**32 - 1),
       reading=st.sampled_from(["legal", "escalatory"]), requested=st.booleans(),
       unresolved=st.sampled_from(["met", "unmet"]), basis=st.sampled_from(["in-force", "signed"]),
       view=st.sampled_from(["recognized", "claimant"]), where=st.sampled_from(["home", "place", "forces"]),
       severity=st.sampled_from(["armed-attack", "armed-attack", "incursion", "coercion"]),
       decisions=st.sampled_from(["taken", "not-taken"]))
def test_batched_engine_equals_reference_with_every_switch(  # noqa: PLR0913 - one argument per switch
        world: World, day: dt.date, seed: int, reading: str, requested: bool, unresolved: str, basis: str,
        view: str, where: str, severity: str, decisions: str, backend: str) -> None:
    """Random dates, dyads, places and every scenario switch: the batched engine and the Monte Carlo with
    certain honour give the reference engine's sides, join rounds and conflicts."""
    from foedus.engine.fast.outcomes import outcome

    rng = np.random.default_rng(seed)
    members = dyad_members(world, day)
    a, b = (members[i] for i in rng.choice(len(members), 2, replace=False))
    place, kind = None, "territory"
    if where != "home":
        spots = sorted(p.id for p in world.places.on(day).values() if p.kind != "home"
                       and (where == "forces" or b in p.holders(view)))  # type: ignore[arg-type]
        assume(spots)
        place, kind = spots[int(rng.integers(len(spots)))], ("forces" if where == "forces" else "territory")
    scenario = build_scenario(world, attacker=a, target=b, date=day, place=place, target_kind=kind,  # type: ignore[arg-type]
                              reading=reading, requested=requested, basis=basis, territory_view=view,
                              unresolved=unresolved, severity=severity, decisions=decisions)
    expected = outcome("reference", world, scenario)
    assert outcome("torch" if backend == "torch" else "batched", world, scenario) == expected, scenario
    assert outcome("montecarlo", world, scenario) == expected, scenario


@pytest.mark.slow
@pytest.mark.parametrize("day", [dt.date(2016, 7, 1), dt.date(1986, 7, 1)])
def test_full_atlas_equals_single_engine_where_conflicts_abound(world: World, day: dt.date, backend: str) -> None:
    """Every dyad at once (so that many rows share sides and the escalatory products run once per
    distinct row, and rows restart around late conflicts), checked against the single engine."""
    res = atlas_results(world, day, AtlasOptions(readings=("escalatory",)))["escalatory"]
    rng = np.random.default_rng(day.year)
    conflicted = np.nonzero(res.conflicts.any(axis=1))[0]
    assert len(conflicted) > 1000
    rows = [*rng.choice(conflicted, 15, replace=False), *rng.choice(len(res.attackers), 5, replace=False)]
    for k in rows:
        a, b = res.states[res.attackers[k]], res.states[res.targets[k]]
        joiners, conflicts = _single(world, a, b, day, "escalatory")
        got = {res.states[x]: ("attack" if res.sides[k, x] == 1 else "defense", int(res.rounds[k, x]))
               for x in np.nonzero(res.sides[k])[0] if res.states[x] not in (a, b)}
        assert got == joiners, (day, a, b)
        assert {res.states[x] for x in np.nonzero(res.conflicts[k])[0]} == conflicts, (day, a, b)


def test_distinct_rows_groups_equal_rows_only() -> None:
    from foedus.engine.fast.escalatory import distinct_rows as _distinct_rows

    rng = np.random.default_rng(3)
    base = rng.integers(0, 3, size=(40, 130)).astype(np.int8)
    side = base[rng.integers(0, 40, size=500)]
    first, inverse = _distinct_rows(side)
    assert len(first) == len(np.unique(side, axis=0))
    assert (side[first][inverse] == side).all()


def test_atlas_frame_at_a_date(world: World) -> None:
    day = dt.date(2025, 6, 1)
    df = atlas_frame(world, day)
    n = len(dyad_members(world, day))
    assert len(df) == n * (n - 1)
    row = df[(df.attacker == "RUS") & (df.target == "EST")].iloc[0]
    single = foedus.cascade("RUS", "EST", day)
    assert row.war_size_legal == sum(len(v) for v in single.sides.values())
    assert row.majors_opposite_legal  # Russia against the US, UK and France
    # the readings bound the war: whoever the legal reading draws in, the escalatory one draws in too
    # (as a belligerent, or bound to both sides); conflicts can make its belligerent count smaller
    assert (df.drawn_in_escalatory >= df.drawn_in_legal).all()


def test_yearly_indicators(world: World) -> None:
    df = yearly_indicators(world, [1914, 1950], AtlasOptions(readings=("legal",)))
    assert list(df.year) == [1914, 1950]
    assert (df.max_size_legal >= df.mean_size_legal).all() and (df.tripwire_dyads_legal > 0).all()
    mean, top = df.capability_share_mean_legal, df.capability_share_max_legal
    assert ((mean > 0) & (mean <= top) & (top <= 1)).all()
    assert df.loc[df.year == 1914, "capability_share_max_legal"].iloc[0] > 0.4  # the July crisis: the great powers


def test_before_the_state_system_there_is_no_dyad(world: World) -> None:
    """COW's system begins in 1816: in 1815 no state is a member, so the year has no dyad (it once swept all 217
    states of the registry, most of which did not exist), and a single date is refused."""
    from foedus.errors import DateOutOfRangeError
    from foedus.sweeps.atlas import dyad_members, need_members

    df = yearly_indicators(world, [1815, 1816], AtlasOptions(readings=("legal",)))
    n = len(dyad_members(world, dt.date(1816, 7, 1)))
    assert n == 23 and list(df.dyads) == [0, n * (n - 1)]
    with pytest.raises(DateOutOfRangeError, match="begins on 1816-01-01"):
        need_members(world, dt.date(1815, 7, 1))


def test_a_series_from_1815_has_the_columns_of_any_other(world: World) -> None:
    """1815 has no dyad and no CINC: its capability shares are missing, and the columns keep their order (they went
    to the end of the table when the first year lacked them, so a series from 1815 and one from 1816 had different
    column orders)."""
    options = AtlasOptions(readings=("legal", "escalatory"))
    both, later = yearly_indicators(world, [1815, 1816], options), yearly_indicators(world, [1816], options)
    assert list(both.columns) == list(later.columns)
    assert list(later.columns[2:7]) == ["mean_size_legal", "max_size_legal", "tripwire_dyads_legal",
                                        "capability_share_mean_legal", "capability_share_max_legal"]
    shares = [c for c in both.columns if c.startswith("capability_share")]
    assert both.loc[0, shares].isna().all() and both.loc[1, shares].notna().all()


def test_a_series_past_its_data_says_what_it_carries(tmp_path: Path) -> None:
    """Years past the COW data (2016), ATOP (2018) and the treaty set (2025) are filled by carrying forward: the
    series says so, on stderr and in the Parquet file; a series inside the data says nothing."""
    import json

    import pyarrow.parquet as pq

    from foedus.engine.power import series_sum_note
    from foedus.sweeps.atlas import series_notes

    assert series_notes(2016) == []
    assert [n.split(" ")[1] for n in series_notes(2027)] == ["2016", "2018", "bundled"]
    out = tmp_path / "s.parquet"
    proc = cli_line(["atlas", "--from", "2019", "--to", "2019", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    notes = json.loads(pq.read_schema(out).metadata[b"foedus"])["notes"]
    assert notes == series_notes(2019) + series_sum_note(2019, 2019) and len(notes) == 3  # the share's sum: input8
    assert [line for line in proc.stderr.splitlines() if line.startswith("note: ")] == [f"note: {n}" for n in notes]


@pytest.mark.parametrize("args", [
    ["atlas", "--date", "2020-06-01", "--reading", "legal"],
    ["atlas", "--date", "2020-06-01", "--draws", "2", "--seed", "1"],
    ["compare", "--atlas", "--date", "2016-06-01", "--date2", "2020-06-01", "--reading", "legal", "--json"],
    ["atlas", "--date", "2016-06-01", "--reading", "legal"],
], ids=["date", "draws", "compare", "inside"])
def test_an_atlas_of_a_date_past_its_data_says_what_it_carries(tmp_path: Path, args: list[str]) -> None:
    """An atlas of one date after 2018 rests on ATOP's alliances of 2018 and COW's state system of 2016, carried
    forward, as a series does, and says so as the series does (`series_notes`), on stderr and in the Parquet
    metadata or the JSON (it used to say nothing); an atlas inside the data says nothing of it."""
    import json

    import pyarrow.parquet as pq

    from foedus.sweeps.atlas import series_notes

    out = tmp_path / "a.parquet"
    proc = cli_line([*args, *([] if args[0] == "compare" else ["--out", str(out)])])
    assert proc.returncode == 0, proc.stderr
    written = (json.loads(proc.stdout) if args[0] == "compare"
               else json.loads(pq.read_schema(out).metadata[b"foedus"])).get("notes", [])
    assert [line for line in proc.stderr.splitlines() if line.startswith("note: ")] == [f"note: {n}" for n in written]
    carried = [n for n in written if "carried forward" in n]
    if "2020-06-01" not in args:
        assert carried == []
        return
    assert [n.split(" ")[:3] for n in carried] == [["after", "2016", "the"], ["after", "2018", "the"]], carried
    assert "ATOP alliances" in carried[1] and not any("CINC" in n for n in carried)  # the dated atlas reads no CINC
    assert carried == series_notes(2020, ("atop", "cow_states"), cinc=False)  # one wording, the series'


def test_overlay_add_member_and_drop_treaty(world: World, tmp_path: Path) -> None:
    base = foedus.cascade("UKR", "RUS", "2025-06-01", place="kursk-oblast")
    assert base.joiner("IRN") is None
    ov = Overlay(changes=changes_from({"add_member": ["rus_prk_2024:IRN"], "drop_treaty": ["csto_1992"]}))
    other = foedus.cascade("UKR", "RUS", "2025-06-01", place="kursk-oblast", world=ov.apply(world))
    assert other.joiner("IRN").primary.treaty == "rus_prk_2024"  # type: ignore[union-attr]
    diff = compare_results(base, other)
    assert [g["state"] for g in diff["gained"]] == ["IRN"]
    path = tmp_path / "what-if.yaml"
    ov.save(path)
    assert load_overlay(path) == ov
    with pytest.raises(FoedusError, match="not overwriting"):
        ov.save(path)
    assert "csto_1992" in world.treaties  # the base world is untouched


def test_overlay_inline_treaty_errors_name_the_field(world: World) -> None:
    """An inline treaty in an overlay is checked like a file: the error names the field; ATOP's id form is refused."""
    missing = Overlay.model_validate({"changes": [{"op": "add_treaty", "treaty": {"id": "my_pact"}}]})
    with pytest.raises(ScenarioError, match=r"what-if add_treaty: treaty\.name: missing field 'name'$"):
        missing.apply(world)
    pact = {"id": "atop_3355", "name": "Mine", "signed": "2020-01-01", "sources": [{"url": "https://example.org/a"}],
            "members": [{"state": "USA"}, {"state": "PAK"}]}
    with pytest.raises(FoedusError, match="form of ATOP's alliance ids"):
        Overlay.model_validate({"changes": [{"op": "add_treaty", "treaty": pact}]}).apply(world)


@pytest.mark.parametrize(("change", "problem"), [
    ("{op: add_member, treaty: nato_1949, state: UKR, joined: 1700-01-01}",
     r"change 1 \(add_member\.joined\): .*1700-01-01 is outside 1815-01-01 to 2100-12-31"),
    ("{op: add_member, treaty: nato_1949, state: UKR, joined: 2200-01-01}",
     r"change 1 \(add_member\.joined\): .*2200-01-01 is outside"),
    ("{op: remove_member, treaty: nato_1949, state: USA, left: 2200-01-01}",  # ran, removing no one
     r"change 1 \(remove_member\.left\): 2200-01-01 is outside 1815-01-01 to 2100-12-31"),
    ("{op: add_treaty, path: pact.yaml, treaty: {id: my_pact}}", r"change 1 \(add_treaty\): .*not both"),
    ("{op: add_treaty}", r"change 1 \(add_treaty\): .*not neither"),
])
def test_an_overlay_that_would_be_misread_names_file_and_field(tmp_path: Path, change: str, problem: str) -> None:
    """A join date no scenario reaches, or an added treaty from two places (one silently ignored), is refused when
    the overlay file is read."""
    path = tmp_path / "ov.yaml"
    path.write_text(f"changes:\n  - {change}\n", encoding="utf-8")
    with pytest.raises(FoedusError, match=rf"^{re.escape(str(path))}: {problem}"):
        load_overlay(path)


def test_an_added_member_joining_before_the_treaty_was_signed_is_refused(world: World) -> None:
    early = Overlay(changes=[AddMember(treaty="nato_1949", state="UKR", joined=dt.date(1900, 1, 1))])
    with pytest.raises(FoedusError, match=r"add_member nato_1949: members\[\d+\]\.joined: 1900-01-01 is before the "
                                          r"treaty was signed \(1949-04-04\)"):
        early.apply(world)


def test_a_saved_overlay_finds_its_treaty_files_from_any_folder(world: World, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """An added treaty's path is saved relative to the overlay file and read back relative to it, so the overlay
    works from another folder (it had been read relative to the folder the command ran in)."""
    (tmp_path / "tr").mkdir()
    (tmp_path / "tr" / "pact.yaml").write_text(GOOD_TREATY, encoding="utf-8")
    (tmp_path / "ov").mkdir()
    monkeypatch.chdir(tmp_path / "ov")
    Overlay(changes=[AddTreaty(path="../tr/pact.yaml")]).save(tmp_path / "ov" / "what-if.yaml")
    assert "path: ../tr/pact.yaml" in (tmp_path / "ov" / "what-if.yaml").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    loaded = load_overlay("ov/what-if.yaml")
    r = foedus.cascade("BOL", "CHL", "2025-06-01", world=loaded.apply(world))
    assert r.joiner("ARG").primary.treaty == "my_pact"  # type: ignore[union-attr]


def test_overlay_file_errors_say_what_is_wrong(world: World, tmp_path: Path) -> None:
    listed = tmp_path / "list.yaml"
    listed.write_text("- {op: drop_treaty, treaty: csto_1992}\n", encoding="utf-8")
    with pytest.raises(FoedusError, match=r"list\.yaml: expected a mapping of overlay fields at the top, found a list"):
        load_overlay(listed)
    folder = Overlay(changes=[AddTreaty(path=str(tmp_path))])
    with pytest.raises(ScenarioError, match="a folder, not a treaty file"):
        folder.apply(world)


def test_overlay_scope_change_moves_hawaii_into_nato(world: World) -> None:
    ov = Overlay(changes=changes_from({"set_scope": ["nato_1949:5=territory:any;forces:none"]}))
    wider = ov.apply(world)
    scope = next(p for p in wider.treaties["nato_1949"].provisions if p.article == "5").scope
    assert scope.territory is None and scope.forces == []
    r = foedus.cascade("CHN", "USA", "2025-06-01", place="hawaii", world=wider)
    assert r.joiner("CAN").primary.treaty == "nato_1949"  # type: ignore[union-attr]
    with pytest.raises(ScenarioError, match="set_scope"):
        Overlay(changes=changes_from({"set_scope": ["nato_1949:5=everywhere"]}))


def test_overlay_errors(world: World) -> None:
    with pytest.raises(FoedusError, match="unknown treaty"):
        Overlay(changes=changes_from({"drop_treaty": ["nato_2049"]})).apply(world)
    with pytest.raises(ScenarioError, match="no article"):
        Overlay(changes=changes_from({"set_strength": ["nato_1949:9=S1"]})).apply(world)
    with pytest.raises(ScenarioError, match="not a member"):
        Overlay(changes=changes_from({"remove_member": ["nato_1949:RUS"]})).apply(world)
    with pytest.raises(FoedusError, match="unknown state"):
        Overlay(changes=changes_from({"add_member": ["nato_1949:Narnia"]})).apply(world)
    weaker = Overlay(changes=changes_from({"set_strength": ["nato_1949:5=S4"]})).apply(world)
    assert weaker.treaties["nato_1949"].provisions[0].strength.value == "S4"
    assert Overlay().apply(world).treaties == world.treaties


def test_compare_atlas_answers_the_rus_prk_question(world: World) -> None:
    day = dt.date(2025, 6, 1)
    other = Overlay(changes=changes_from({"drop_treaty": ["rus_prk_2024"]})).apply(world)
    report = compare_atlas(world, day, other, day, AtlasOptions(readings=("legal",)), "USA", ["RUS", "CHN"])
    legal = report["readings"]["legal"]
    direct = atlas_results(world, day, AtlasOptions(readings=("legal",)))["legal"]
    assert legal["watch"]["base"] == opposite_count(direct, "USA", ["RUS", "CHN"])
    assert legal["dyads_with_larger_war"] == 0  # dropping a treaty never adds a joiner here
    assert legal["dyads_with_smaller_war"] > 0


@pytest.mark.parametrize(("watch", "against", "problem"), [
    ("USA", [], "watch USA needs against"), (None, ["RUS"], "against needs watch"),
    ("USA", ["RUS", "USA"], "watch USA is also in against"),
])
def test_compare_atlas_refuses_a_watch_it_cannot_count(world: World, watch: str | None, against: list[str],
                                                       problem: str) -> None:
    day = dt.date(2025, 6, 1)
    with pytest.raises(ScenarioError, match=problem):
        compare_atlas(world, day, world, day, AtlasOptions(readings=("legal",)), watch, against,
                      progress=lambda k: pytest.fail("the atlases ran before the watch was checked"))


@pytest.mark.slow
def test_dask_sweep_equals_in_process(world: World) -> None:
    from foedus.engine.fast.montecarlo import simulate
    from foedus.engine.reliability import HonourModel
    from foedus.engine.scenario import build_scenario
    from foedus.sweeps.atlas_mc import atlas_montecarlo
    from foedus.sweeps.dask_sweeps import client, dask_atlas_draws, dask_draws, yearly_frame

    opts = AtlasOptions(readings=("legal",))
    local = yearly_indicators(world, [1914, 1939], opts)
    day = dt.date(1914, 7, 1)
    with client("local", workers=2) as c:
        remote = yearly_frame(1914, 1939, opts, c).query("year in (1914, 1939)").reset_index(drop=True)
        scenario = build_scenario(world, attacker="RUS", target="EST", date="2025-06-01")
        sides = dask_draws(scenario, 400, 11, HonourModel(), c, chunks=4)
        atlas_parts = {r: dask_atlas_draws(day, 7, 4, HonourModel(), r, c, chunks=3) for r in ("legal", "escalatory")}
    assert remote.equals(local)
    for reading, part in atlas_parts.items():
        whole = atlas_montecarlo(world, day, 7, 4, reading=reading)  # type: ignore[arg-type]
        assert part.attackers == whole.attackers and part.reading == reading
        assert np.array_equal(part.sizes, whole.sizes) and np.array_equal(part.majors_opposite, whole.majors_opposite)
    assert sides.shape[0] == 400
    seeds = np.random.SeedSequence(11).spawn(4)
    expected = np.concatenate([simulate(world, scenario, 100, s, HonourModel()).sides for s in seeds])
    assert np.array_equal(sides, expected)


def test_atlas_draws_on_dask_use_the_backend_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`foedus atlas --draws N --scheduler ... --backend B` computes the workers' draws with B (it was dropped: the
    workers ran the default backend); here with the draws run in this process by a stand-in client."""
    from typer.testing import CliRunner

    import foedus.sweeps.atlas_mc as atlas_mc
    import foedus.sweeps.dask_sweeps as dask_sweeps
    from foedus.cli.app import app

    asked: list[str | None] = []
    real = atlas_mc.atlas_montecarlo

    def spy(*args, backend=None, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(backend)
        return real(*args, backend=backend, **kwargs)

    monkeypatch.setattr(dask_sweeps, "client", inline_client)
    monkeypatch.setattr(atlas_mc, "atlas_montecarlo", spy)
    monkeypatch.delenv("FOEDUS_BACKEND", raising=False)
    out = tmp_path / "draws"
    done = CliRunner().invoke(app, ["atlas", "--date", "1914-07-01", "--draws", "3", "--seed", "2", "--scheduler",
                                    "local", "--backend", "numpy", "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert asked and set(asked) == {"numpy"} and (out / "attacker=FRA").is_dir()


def test_unknown_backend_is_a_clear_error(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(FoedusError, match=r"^unknown backend 'tpu': choose numpy or torch$"):
        compile_rules(world, switches(dt.date(2000, 1, 1)), ["USA"], backend="tpu")
    monkeypatch.setenv("FOEDUS_BACKEND", "cuda")  # named as the setting it came from (it was named as if typed)
    with pytest.raises(FoedusError, match=r"^unknown backend 'cuda' \(from \$FOEDUS_BACKEND\): choose numpy or torch$"):
        compile_rules(world, switches(dt.date(2000, 1, 1)), ["USA"])


@pytest.mark.parametrize("day", [dt.date(2025, 6, 1), dt.date(1914, 7, 1), dt.date(1985, 7, 1)])
def test_atlas_monte_carlo_with_certain_honour_equals_the_batched_atlas(world: World, day: dt.date,
                                                                       backend: str) -> None:
    from foedus.engine.reliability import HonourModel
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    certain = HonourModel(era={e: {s: 1.0 for s in ("S1", "S2", "S3", "S5")} for e in ("pre1945", "post1945")})
    mc = atlas_montecarlo(world, day, 2, 0, certain)
    det = atlas_results(world, day, AtlasOptions(readings=("legal",)))["legal"]
    key = {(det.states[a], det.states[b]): i for i, (a, b) in enumerate(zip(det.attackers, det.targets, strict=True))}
    order = [key[(a, b)] for a, b in zip(mc.attackers, mc.targets, strict=True)]
    assert np.array_equal(mc.sizes[:, 0], det.war_size()[order])
    assert np.array_equal(mc.majors_opposite[:, 1], det.majors_opposite()[order])


def test_atlas_monte_carlo_is_reproducible_and_between_the_bounds(world: World) -> None:
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    day = dt.date(2025, 6, 1)
    a = atlas_montecarlo(world, day, 50, 9)
    b = atlas_montecarlo(world, day, 50, 9)
    assert np.array_equal(a.sizes, b.sizes) and np.array_equal(a.majors_opposite, b.majors_opposite)
    det = atlas_results(world, day, AtlasOptions(readings=("legal",)))["legal"]
    assert a.sizes.min() >= 2 and a.sizes.max() <= det.war_size().max()
    frame = a.frame(world, day, 9)
    assert {"war_size_mean", "war_size_p95", "p_majors_opposite"} <= set(frame.columns)
    assert ((frame.p_majors_opposite >= 0) & (frame.p_majors_opposite <= 1)).all()


def test_escalatory_atlas_monte_carlo_equals_the_per_scenario_replay(world: World, backend: str) -> None:
    """Each draw's batched escalatory atlas equals the per-scenario Monte Carlo replay on the same draws."""
    from foedus.engine.reliability import HonourModel
    from foedus.sweeps.atlas_mc import atlas_montecarlo, complex_draws, shared_draws

    day, draws, seed = dt.date(2025, 6, 1), 6, 5
    model = HonourModel(ask_probability=0.5)  # request-gated help (CSTO, TIAR, ...) only where the victim asks
    mc = atlas_montecarlo(world, day, draws, seed, model, reading="escalatory")
    assert mc.reading == "escalatory" and mc.sizes.shape[1] == draws
    # rebuild the same draws as atlas_montecarlo does, and replay dyads one by one on them
    states, honour, asks = shared_draws(world, day, draws, seed, model, basis="in-force")
    pos = {s: i for i, s in enumerate(states)}
    majors = np.array([world.states.is_major(s, day) for s in states], dtype=bool)
    row = {pair: k for k, pair in enumerate(zip(mc.attackers, mc.targets, strict=True))}
    varied = 0
    for pair in [("RUS", "EST"), ("ARM", "AZE"), ("AZE", "ARM"), ("PRK", "KOR"), ("USA", "CHN"), ("TUR", "GRC"),
                 ("VEN", "COL"), ("UKR", "RUS")]:
        scenario = build_scenario(world, attacker=pair[0], target=pair[1], date=day, reading="escalatory")
        sizes, opposite = complex_draws(world, scenario, model, honour, asks, pos, majors)
        assert np.array_equal(sizes, mc.sizes[row[pair]]), pair
        assert np.array_equal(opposite, mc.majors_opposite[row[pair]]), pair
        varied += len(set(sizes.tolist())) > 1
    assert varied >= 4  # the draws matter: honour decisions change the war


def test_escalatory_atlas_monte_carlo_with_certain_honour_equals_the_batched_atlas(world: World, backend: str) -> None:
    from foedus.engine.reliability import HonourModel
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    day = dt.date(1914, 7, 1)
    certain = HonourModel(era={e: {s: 1.0 for s in ("S1", "S2", "S3", "S5")} for e in ("pre1945", "post1945")})
    mc = atlas_montecarlo(world, day, 2, 0, certain, reading="escalatory")
    det = atlas_results(world, day, AtlasOptions(readings=("escalatory",)))["escalatory"]
    key = {(det.states[a], det.states[b]): i for i, (a, b) in enumerate(zip(det.attackers, det.targets, strict=True))}
    order = [key[(a, b)] for a, b in zip(mc.attackers, mc.targets, strict=True)]
    assert np.array_equal(mc.sizes[:, 1], det.war_size()[order])
    assert np.array_equal(mc.majors_opposite[:, 0], det.majors_opposite()[order])


@pytest.mark.slow
def test_atlas_cli_draws_on_dask_write_the_in_process_result_partitioned(tmp_path: Path) -> None:
    import pandas as pd

    args = ("atlas", "--date", "1914-07-01", "--draws", "4", "--seed", "2", "--reading", "escalatory")
    here, there = tmp_path / "here.csv", tmp_path / "there"
    assert cli_line([*args, "--out", str(here)]).returncode == 0
    proc = cli_line([*args, "--scheduler", "local", "--workers", "2", "--out", str(there)])
    assert proc.returncode == 0, proc.stderr
    assert (there / "attacker=FRA").is_dir()
    key = ["attacker", "target"]
    a = pd.read_csv(here).sort_values(key).reset_index(drop=True)
    b = pd.read_parquet(there).astype({"attacker": str}).sort_values(key).reset_index(drop=True)[a.columns]
    pd.testing.assert_frame_equal(a, b, check_dtype=False)
    again = cli_line([*args, "--scheduler", "local", "--out", str(there)])
    assert again.returncode == 2 and "is a folder that is not empty; not overwriting it" in again.stderr


def test_atlas_cli_monte_carlo_both_readings_and_its_errors(tmp_path: Path) -> None:
    import pandas as pd

    esc = tmp_path / "esc.csv"
    proc = cli_line(["atlas", "--date", "1914-07-01", "--draws", "3", "--seed", "1", "--reading", "escalatory",
                     "--out", str(esc)])
    assert proc.returncode == 0, proc.stderr
    frame = pd.read_csv(esc)
    assert set(frame.reading) == {"escalatory"} and (frame.draws == 3).all()
    assert (frame.war_size_p5 <= frame.war_size_p95).all()
    before = esc.read_bytes()
    again = cli_line(["atlas", "--date", "1914-07-01", "--draws", "3", "--out", str(esc)])
    assert again.returncode == 2 and "already exists; not overwriting it" in again.stderr
    assert "Traceback" not in again.stderr and esc.read_bytes() == before
    bad = cli_line(["atlas", "--date", "1914-07-01", "--draws", "3", "--reading", "hawkish", "--out",
                    str(tmp_path / "x.csv")])
    assert bad.returncode == 2 and "unknown reading 'hawkish'" in bad.stderr


def test_removing_a_member_named_in_a_clause(world: World) -> None:
    """A member named among a clause's obligors or beneficiaries can be removed: the clause loses it (France in
    the Manila Pact, whose standing the fact sheet leaves unverified; it had been an error)."""
    base = foedus.cascade("KHM", "THA", "2025-07-24", world=world)
    assert base.joiner("FRA") is not None
    without = Overlay(changes=changes_from({"remove_member": ["manila_1954:FRA"]})).apply(world)
    r = foedus.cascade("KHM", "THA", "2025-07-24", world=without)
    assert r.joiner("FRA") is None and r.joiner("GBR") is not None
    assert "FRA" not in {m.state for m in without.treaties["manila_1954"].members}


def test_dropping_an_atop_alliance_keeps_the_history(world: World) -> None:
    """A change to an ATOP alliance keeps the rest of the history: no note says it is not loaded."""
    ov = Overlay(changes=changes_from({"drop_treaty": ["atop_3355"]}))
    other = ov.apply(world)
    assert other.has_history and "atop_3355" not in other.treaties and "atop_6050" in other.treaties
    r = foedus.cascade("AFG", "PAK", "2025-06-01", world=other)
    assert not any("ATOP history not loaded" in n for n in r.notes) and "atop" in r.datasets
    assert r.joiner("USA") is None
