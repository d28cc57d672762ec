"""Depth, scope and institutionalisation: Leeds & Anac's rules, the IRT model, the table, the CLI, dyads."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from foedus.errors import FoedusError
from foedus.research import irt
from foedus.research.milinst import milinst
from samples import cli_line

needs_data = pytest.mark.needs_data

LOW = {"milcon": 0, "milaid": 0, "intcom": 0, "subord": 0, "contrib": 0, "base": 0, "orgpurp1": 0, "orgpurp2": 0}


@pytest.mark.parametrize(("change", "expected", "why"), [
    ({}, 0, "no military institution at all"),
    ({"milcon": 3}, 2, "a common defence policy is high"),
    ({"intcom": 1}, 2, "an integrated command is high"),
    ({"base": 1}, 2, "joint troop placements on neutral territory are high"),
    ({"base": 3}, 2, "one-way stationing is high"),
    ({"milcon": 2}, 1, "peacetime military contact is moderate"),
    ({"milcon": 1}, 0, "contact only in wartime is not"),
    ({"milaid": 3}, 1, "military training or technology is moderate"),
    ({"milaid": 4}, 1, "grants and training is moderate"),
    ({"milaid": 2}, 0, "grants or loans alone are not"),
    ({"subord": 2}, 1, "conditional subordination in war is moderate"),
    ({"contrib": 1}, 1, "set contributions are moderate"),
    ({"orgpurp1": 1}, 1, "a military organisation is moderate"),
    ({"orgpurp2": 4}, 1, "a second, multi-purpose organisation is moderate"),
    ({"orgpurp1": 3}, 0, "a political organisation is not"),
    ({"milcon": 2, "base": 3, "milaid": 4}, 2, "high wins over moderate"),
])
def test_leeds_anac_worked_examples(change: dict[str, int], expected: int, why: str) -> None:
    assert milinst(LOW | change) == expected, why


def test_leeds_anac_missing_codes_follow_the_authors_stata() -> None:
    assert milinst({}) is None  # every code missing
    assert milinst({"intcom": 1}) == 2  # one known high code is enough
    assert milinst({"milaid": 1}) == 0  # known, not moderate; high codes unknown
    assert milinst({"milcon": None, "intcom": None, "base": None, "milaid": 3}) == 1
    assert milinst({"orgpurp1": None, "orgpurp2": 1}) == 1


def _simulate(items: list[irt.Item], n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=n)
    x = np.empty((n, len(items)), dtype=np.int64)
    for j, item in enumerate(items):
        p = irt._probs(item.a, np.array(item.c), theta)
        x[:, j] = (rng.random(n)[:, None] > np.cumsum(p, axis=1)).sum(axis=1)
    x[rng.random(x.shape) < 0.05] = -1
    return x, theta


def test_irt_recovers_known_parameters_and_intervals_cover() -> None:
    true = [irt.Item(2.0, (1.0,)), irt.Item(1.5, (0.0, 1.5)), irt.Item(1.0, (-0.5,)), irt.Item(2.5, (1.5, 2.5, 3.0)),
            irt.Item(-1.0, (0.2,)), irt.Item(1.8, (0.5,))]
    x, theta = _simulate(true, 1200, seed=7)
    est = irt.fit(x, [i.categories for i in true], anchor=0)
    for t, e in zip(true, est, strict=True):
        assert abs(e.a - t.a) < 0.45, (t, e)
        assert np.allclose(e.c, t.c, atol=0.45), (t, e)
    scores = irt.score(x, [est], level=0.9)
    mean = np.array([s.mean for s in scores])
    assert np.corrcoef(mean, theta)[0, 1] > 0.75
    inside = np.mean([s.lo <= t <= s.hi for s, t in zip(scores, theta, strict=True)])
    assert 0.85 <= inside <= 0.95
    assert all(s.lo < s.mean < s.hi for s in scores)


def test_irt_sign_follows_the_anchor() -> None:
    true = [irt.Item(-2.0, (0.0,)), irt.Item(-1.5, (0.5,)), irt.Item(-1.0, (0.0,))]
    x, _ = _simulate(true, 600, seed=3)
    est = irt.fit(x, [2, 2, 2], anchor=1)
    assert all(e.a > 0 for e in est)


def test_missing_items_widen_the_interval() -> None:
    from foedus.research.depth import DepthModel

    model = DepthModel.bundled()
    known = dict.fromkeys(("milcon", "milaid", "intcom", "subord", "organ1", "orgpurp1", "organ2", "orgpurp2",
                           "base", "contrib", "ecaid"), 0)
    s_known = model.score([known])["depth"][0]
    s_missing = model.score([dict.fromkeys(known)])["depth"][0]
    assert s_missing.hi - s_missing.lo > s_known.hi - s_known.lo
    assert abs(s_missing.mean) < 0.1  # the prior: nothing known


def test_bundled_parameters_name_their_data() -> None:
    from foedus.research.depth import DepthModel

    model = DepthModel.bundled()
    assert model.data["dataset"] == "ATOP" and model.data["version"] == "5.1"
    assert model.data["window"] == [1815, 2018]
    assert len(model.draws["depth"]) > 10  # the estimate and bootstrap draws


@needs_data
@pytest.mark.slow
def test_bundled_parameters_reproduce_from_atop() -> None:
    from foedus.research.depth import DepthModel, atop_rows_for_fit, fit_params

    rows, sha = atop_rows_for_fit()
    bundled = DepthModel.bundled()
    assert bundled.data["sha256"] == sha
    refit = DepthModel(fit_params(rows, draws=0, sha256=sha))
    for dim in ("depth", "scope"):
        for a, b in zip(refit.draws[dim][0], bundled.draws[dim][0], strict=True):
            assert abs(a.a - b.a) < 1e-3 and np.allclose(a.c, b.c, atol=1e-3)


@pytest.fixture(scope="module")
def table(world):  # type: ignore[no-untyped-def]
    from foedus.research.depth import depth_table

    return depth_table(world)


@needs_data
def test_table_covers_every_atop_alliance_and_curated_treaty(table, world, data_dir) -> None:  # type: ignore[no-untyped-def]
    atop_ids = set(pd.read_csv(data_dir / "atop" / "atop5_1a.csv", usecols=["atopid"]).atopid)
    atop = table[table.origin == "atop"]
    assert set(atop.atopid) == atop_ids and len(atop) == len(atop_ids)
    assert set(table[table.origin == "curated"].treaty) == set(world.treaties.curated)
    assert table.treaty.is_unique
    scored = table.dropna(subset=["depth", "scope"])
    assert len(scored) == len(table)
    assert (scored.depth_lo <= scored.depth).all() and (scored.depth <= scored.depth_hi).all()
    assert set(table.milinst.dropna()) <= {0, 1, 2}


@needs_data
def test_russia_dprk_2024_has_a_depth_with_an_interval(table) -> None:  # type: ignore[no-untyped-def]
    row = table.set_index("treaty").loc["rus_prk_2024"]
    assert pd.isna(row.atopid) and row.begyr == 2024
    assert row.depth_lo < row.depth < row.depth_hi and row.depth_hi - row.depth_lo < 3
    secret = table.set_index("treaty").loc["sau_pak_2025"]  # text not public: depth items unknown
    assert secret.depth_hi - secret.depth_lo > row.depth_hi - row.depth_lo
    assert pd.isna(secret.milinst)


@needs_data
def test_table_milinst_follows_the_rules_on_atop_rows(table) -> None:  # type: ignore[no-untyped-def]
    atop = table[table.origin == "atop"]
    high = (atop.item_intcom == 1) | (atop.item_milcon == 3) | (atop.item_base == 1)
    assert (atop[high].milinst == 2).all()
    assert (atop[atop.milinst == 0].item_milcon.fillna(0) <= 1).all()


@needs_data
def test_depth_command_writes_stata_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "depth.dta"
    proc = cli_line(["depth", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    frame = pd.read_stata(out)
    assert {"treaty", "atopid", "milinst", "depth", "depth_lo", "depth_hi", "scope"} <= set(frame.columns)
    assert "rus_prk_2024" in set(frame.treaty)
    before = out.read_bytes()
    again = cli_line(["depth", "--out", str(out)])
    assert again.returncode == 2 and "already exists" in again.stderr
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["depth.dta", "depth.dta-metadata.json"]  # no temporary
    bad = cli_line(["depth", "--out", str(tmp_path / "depth.xlsx")])
    assert bad.returncode == 2 and "unknown table format" in bad.stderr and "Traceback" not in bad.stderr


def test_writer_refuses_a_file_that_appears_meanwhile(tmp_path: Path) -> None:
    from foedus.outputs import staged_file

    out = tmp_path / "t.csv"
    with pytest.raises(FoedusError, match="created by someone else"), staged_file(out) as tmp:
        tmp.write_text("new")
        out.write_text("someone else's")  # appears between the check and the move
    assert out.read_text() == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


@needs_data
def test_treaties_show_prints_duty_forms_and_depth() -> None:
    text = " ".join(cli_line(["treaties", "show", "rus_prk_2024"]).stdout.split())
    assert "military and other assistance with all means" in text
    assert "forms of help" in text and "joint_planning (peacetime), art. 8" in text
    assert "military institutionalisation" in text and "depth" in text
    data = json.loads(cli_line(["treaties", "show", "usa_kor_1953", "--json"]).stdout)
    assert data["depth"]["depth_all"]["mean"] > data["depth"]["depth"]["mean"]  # the CFC counts in depth_all
    assert data["duties"][0]["entails"] == "constitutional"
    assert any(f["form"] == "bases" and f["article"] == "IV" for f in data["forms_of_help"])


@needs_data
def test_treaties_show_and_the_depth_table_agree_on_depth_all(world) -> None:  # type: ignore[no-untyped-def]
    """ATOP codes an alliance's own documents, not separate agreements: the table leaves an ATOP row's depth_all
    empty, and `treaties show` neither prints nor returns one (it had printed depth again as if counted)."""
    from foedus.research.depth import DepthModel, depth_table, treaty_depth

    model = DepthModel.bundled()
    table = depth_table(world, model).set_index("treaty")
    atop = [t for t in table.index[table["origin"] == "atop"] if t in world.treaties][::40]
    for treaty_id in [*sorted(world.treaties.curated), *atop]:
        shown, row = treaty_depth(world.treaty(treaty_id), model), table.loc[treaty_id]
        assert shown["depth"]["mean"] == pytest.approx(row["depth"]), treaty_id
        if pd.isna(row["depth_all"]):
            assert shown["depth_all"] is None and shown["items_all"] is None, treaty_id
        else:
            assert shown["depth_all"]["mean"] == pytest.approx(row["depth_all"]), treaty_id
    text = " ".join(cli_line(["treaties", "show", "atop_1005"]).stdout.split())
    assert "depth counting separate agreements too: not established" in text
    assert json.loads(cli_line(["treaties", "show", "atop_1005", "--json"]).stdout)["depth"]["depth_all"] is None


@needs_data
def test_dyads_depth_is_the_deepest_shared_alliance(world) -> None:  # type: ignore[no-untyped-def]
    from foedus.research.depth import DepthModel, treaty_depth
    from foedus.research.dyads import DyadOptions, build_dyads

    frame = build_dyads(world, DyadOptions(2010, 2010, directed=False, covariates=False, depth=True))
    pair = frame[(frame.ccode1 == 2) & (frame.ccode2 == 20)].iloc[0]  # USA-Canada: NATO and the Rio Treaty
    model = DepthModel.bundled()
    best = max(treaty_depth(world.treaty(t), model)["depth"]["mean"] for t in ("nato_1949", "tiar_1947"))
    assert pair.depth_shared == pytest.approx(best)
    assert pair.depth_shared_treaty in ("nato_1949", "tiar_1947")
    assert not [t for t in world.treaties.values() if {"ISR", "IRN"} <= {m.state for m in t.members}]
    none = frame[(frame.ccode1 == 630) & (frame.ccode2 == 666)].iloc[0]  # Iran-Israel share no alliance
    assert np.isnan(none.depth_shared) and pd.isna(none.depth_shared_treaty)
    assert not pair.depth_shared_carried and pd.isna(none.depth_shared_carried)


@needs_data
def test_dyads_depth_says_when_its_alliance_is_carried_past_atop(world) -> None:  # type: ignore[no-untyped-def]
    """After 2018 the ATOP alliances in force at its end are carried forward (as the cascade carries them); a row
    whose deepest shared alliance is one of them says so, and no row of 2018 or of a curated treaty does."""
    from foedus.research.dyads import DyadOptions, build_dyads

    frame = build_dyads(world, DyadOptions(2018, 2019, directed=False, covariates=False, depth=True))
    shared = frame[frame.depth_shared.notna()]
    carried = shared.depth_shared_carried.astype(bool)
    atop = shared.depth_shared_treaty.astype(str).str.startswith("atop_")
    assert not carried[shared.year == 2018].any()
    assert (carried[shared.year == 2019] == atop[shared.year == 2019]).all() and carried.sum() > 1000
    assert frame[frame.depth_shared.isna()].depth_shared_carried.isna().all()


@pytest.mark.parametrize(("args", "message"), [
    (["--draws", "5"], "--draws has no effect without --refit (it sets the refit's bootstrap); leave it out"),
    (["--seed", "7"], "--seed has no effect without --refit (it seeds the refit's bootstrap); leave it out"),
    (["--refit", "--params", "p.json"], "--params has no effect with --refit (the refit makes new parameters); leave "
                                        "it out"),
])
def test_depth_refuses_an_option_it_would_ignore(tmp_path: Path, args: list[str], message: str) -> None:
    """--draws and --seed set the refit's bootstrap; without --refit they went unread, and the table came out the
    same whatever they said. Saved parameters are not read by a refit either."""
    out = tmp_path / "depth.csv"
    proc = cli_line(["depth", "--out", str(out), *args])
    assert proc.returncode == 2 and proc.stderr == f"error: {message}\n"
    assert not out.exists()
