"""`foedus atlas --date` takes `foedus cascade`'s scenario switches that read alike for every ordered dyad
(--request/--no-request, --basis, --unresolved, --decisions, beside --severity and --reading), with cascade's names,
help and value checks, and passes them through the plain atlas, the Monte Carlo atlas (--draws) and its Dask split
(--scheduler): it took --reading and --severity only, so `--basis signed` (treaties signed but not in force read as
in force) was refused. Each switch: a sample of the atlas's dyads (rows the switch changes, and others) equals the
per-scenario cascade with that switch.

Each switch is run on a day it changes rows on: 2024-07-01, where the Russia-North Korea treaty of 19 June 2024 is
signed and not yet in force (in force 4 December 2024); --unresolved on 1990-06-01, as no row of 2024-07-01 changes
with it. (On 2025-06-01 the France-Djibouti treaty of 2024 is the one commitment signed and not in force, and France
is bound to defend Djibouti by the 2011 treaty already: no row changes there.)"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import foedus
from samples import cli_line, inline_client
from test_input_messages import _error_line

pytestmark = pytest.mark.needs_data

DAY = "2024-07-01"
SWITCHED = [
    (["--no-request"], {"requested": False}, DAY),
    (["--basis", "signed"], {"basis": "signed"}, DAY),
    (["--unresolved", "unmet"], {"unresolved": "unmet"}, "1990-06-01"),
    (["--decisions", "not-taken"], {"decisions": "not-taken"}, DAY),
    (["--non-military", "bound"], {"non_military": "bound"}, DAY),  # the EU neutrals under Art. 42(7)
]
CERTAIN = "era:\n" + "".join(f"  {era}:\n" + "".join(f"    {s}: 1.0\n" for s in ("S1", "S2", "S3", "S5"))
                             for era in ("pre1945", "post1945"))


def _atlas(tmp_path: Path, day: str, name: str, *extra: str) -> tuple[pd.DataFrame, str]:
    """`foedus atlas --date day` with `extra`, run as the console script runs it: the table and its title."""
    out = tmp_path / f"{name}.csv"
    code, _, err = cli_line(["atlas", "--date", day, *extra, "--out", str(out)])
    assert code == 0, err
    title = json.loads(Path(f"{out}-metadata.json").read_text(encoding="utf-8"))["dc:title"]
    return pd.read_csv(out), title


@pytest.fixture(scope="module")
def default_atlas(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], pd.DataFrame]:
    """The atlas of a day with every switch at its default, run once per day."""
    made: dict[str, pd.DataFrame] = {}

    def of(day: str) -> pd.DataFrame:
        if day not in made:
            frame, title = _atlas(tmp_path_factory.mktemp("atlas"), day, "default")
            assert title == f"foedus atlas {day}"  # the defaults say nothing more
            made[day] = frame
        return made[day]

    return of


def _sample(changed: np.ndarray, seed: int) -> list[int]:
    """Up to 4 rows the switch changes and 4 others, seeded."""
    rng = np.random.default_rng(seed)
    moved, kept = np.nonzero(changed)[0], np.nonzero(~changed)[0]
    return [*rng.choice(moved, min(4, len(moved)), replace=False), *rng.choice(kept, min(4, len(kept)), replace=False)]


@pytest.mark.parametrize(("flags", "given", "day"), SWITCHED)
def test_each_switch_reaches_every_dyad_of_the_atlas_as_the_cascade_reads_it(
        tmp_path: Path, default_atlas: Callable[[str], pd.DataFrame], flags: list[str], given: dict[str, object],
        day: str) -> None:
    default = default_atlas(day)
    frame, title = _atlas(tmp_path, day, "switched", *flags)
    assert title == f"foedus atlas {day} {' '.join(flags)}"  # the file records the switch
    assert list(frame.attacker) == list(default.attacker) and list(frame.target) == list(default.target)
    columns = [c for c in frame.columns if c.endswith(("_legal", "_escalatory"))]
    changed = (frame[columns] != default[columns]).any(axis=1).to_numpy()
    assert changed.any(), f"{flags}: no row changed"  # the switch reached the engine
    for k in _sample(changed, len(flags[0])):
        row = frame.iloc[k]
        for reading in ("legal", "escalatory"):
            single = foedus.cascade(row.attacker, row.target, day, reading=reading, **given)  # type: ignore[arg-type]
            said = (row.attacker, row.target, reading)
            assert row[f"war_size_{reading}"] == sum(len(v) for v in single.sides.values()), said
            assert row[f"attack_joiners_{reading}"] == len(single.sides.get("attack", ())) - 1, said
            assert row[f"defense_joiners_{reading}"] == len(single.sides.get("defense", ())) - 1, said
            assert row[f"conflicts_{reading}"] == len(single.conflicts), said


def test_a_yearly_series_reads_the_switches(tmp_path: Path, default_atlas: Callable[[str], pd.DataFrame]) -> None:
    """A series' year is the atlas of its 1 July with the same switches."""
    plain, _ = _atlas(tmp_path, DAY, "plain", "--basis", "signed", "--no-request")
    out = tmp_path / "series.csv"
    code, _, err = cli_line(["atlas", "--from", "2024", "--to", "2024", "--reading", "legal", "--basis", "signed",
                             "--no-request", "--out", str(out)])
    assert code == 0, err
    row = pd.read_csv(out).iloc[0]
    assert row.mean_size_legal == pytest.approx(plain.war_size_legal.mean())
    assert row.max_size_legal == plain.war_size_legal.max()
    assert row.mean_size_legal != pytest.approx(default_atlas(DAY).war_size_legal.mean())  # the switches count


@pytest.mark.parametrize("reading", ["escalatory", pytest.param("legal", marks=pytest.mark.slow)])
@pytest.mark.parametrize(("flags", "given", "day"), SWITCHED)
def test_each_switch_reaches_the_monte_carlo_atlas(
        tmp_path: Path, default_atlas: Callable[[str], pd.DataFrame], flags: list[str], given: dict[str, object],
        day: str, reading: str) -> None:
    """With every commitment honoured, each draw is the switched cascade of each dyad (the legal reading: drawn at
    once for most dyads, the per-scenario replay for the others; the escalatory: the batched engine per draw)."""
    default = default_atlas(day)
    honour = tmp_path / "certain.yaml"
    honour.write_text(CERTAIN, encoding="utf-8")
    frame, title = _atlas(tmp_path, day, "draws", "--draws", "2", "--seed", "5", "--honour", str(honour),
                          "--reading", reading, *flags)
    said = "; escalatory reading" if reading == "escalatory" else ""  # the legal reading, the default, unsaid
    assert title == f"foedus atlas {day}, 2 draws{said} {' '.join(flags)}"
    assert list(frame.attacker) == list(default.attacker) and list(frame.target) == list(default.target)
    assert (frame.war_size_p5 == frame.war_size_p95).all()  # certain: both draws alike
    changed = (frame.war_size_mean != default[f"war_size_{reading}"]).to_numpy()
    assert changed.any(), f"{flags}: no row changed"
    for k in _sample(changed, len(flags[0]) + len(reading)):
        row = frame.iloc[k]
        single = foedus.cascade(row.attacker, row.target, day, reading=reading, **given)  # type: ignore[arg-type]
        assert row.war_size_mean == sum(len(v) for v in single.sides.values()), (row.attacker, row.target)


def test_the_switches_reach_the_dask_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--draws N --scheduler ...` hands the switches to each worker's slice of the draws: the result is the
    in-process Monte Carlo atlas with them; here with the slices run in this process by a stand-in client."""
    import foedus.sweeps.atlas_mc as atlas_mc
    import foedus.sweeps.dask_sweeps as dask_sweeps
    from foedus.engine.scenario import parse_date
    from foedus.model.world import World

    asked: list[dict[str, object]] = []
    real = atlas_mc.atlas_montecarlo

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(dask_sweeps, "client", inline_client)
    monkeypatch.setattr(atlas_mc, "atlas_montecarlo", spy)
    out = tmp_path / "draws"
    code, _, err = cli_line(["atlas", "--date", DAY, "--draws", "3", "--seed", "2", "--scheduler", "local",
                             "--reading", "escalatory", "--basis", "signed", "--no-request", "--decisions",
                             "not-taken", "--unresolved", "unmet", "--out", str(out)])
    assert code == 0, err
    switches = {"basis": "signed", "requested": False, "decisions": "not-taken", "unresolved": "unmet",
                "reading": "escalatory"}
    assert asked and all(a.items() >= switches.items() for a in asked), asked
    got = pd.read_parquet(out).sort_values(["attacker", "target"]).reset_index(drop=True)
    whole = real(World.default(), parse_date(DAY), 3, 2, **switches).frame(World.default(), parse_date(DAY), 2)
    whole = whole.sort_values(["attacker", "target"]).reset_index(drop=True)
    for column in ("war_size_mean", "war_size_p5", "war_size_p95", "p_majors_opposite"):
        assert np.array_equal(got[column].to_numpy(), whole[column].to_numpy()), column


@pytest.mark.parametrize(("flag", "value"), [("--basis", "nope"), ("--unresolved", "maybe"),
                                             ("--decisions", "pending")])
def test_a_bad_switch_is_cascades_one_line_error(tmp_path: Path, flag: str, value: str) -> None:
    cascade = _error_line(["cascade", "-a", "RUS", "-t", "EST", "-d", DAY, flag, value])
    assert _error_line(["atlas", "--date", DAY, flag, value, "--out", str(tmp_path / "a.csv")]) == cascade
    assert cascade.startswith(f"unknown {flag[2:]} ")
    assert not (tmp_path / "a.csv").exists()


def test_the_atlas_offers_the_switches_with_cascades_help() -> None:
    from typer.main import get_command

    from foedus.cli.app import app

    commands = get_command(app).commands  # type: ignore[attr-defined]
    cascade = {p.name: p for p in commands["cascade"].params}
    atlas = {p.name: p for p in commands["atlas"].params}
    for name in ("requested", "basis", "unresolved", "decisions", "severity", "non_military"):
        assert (atlas[name].opts, atlas[name].secondary_opts, atlas[name].help, atlas[name].default) == (
            cascade[name].opts, cascade[name].secondary_opts, cascade[name].help, cascade[name].default), name
    for name in ("place", "target_kind", "territory_view", "ongoing_since"):  # not alike for every dyad
        assert name not in atlas
