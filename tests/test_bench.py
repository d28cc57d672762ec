"""The benchmarks in bench/ (and the profiling scripts in bench/profile/) still name real code: every
`from foedus... import name` in them resolves."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _load(name: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """bench/NAME.py as a module, with bench/ importable as it is when the script runs."""
    monkeypatch.syspath_prepend(str(BENCH))
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def _imports(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "foedus":
            out += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            out += [(alias.name, "") for alias in node.names if alias.name.split(".")[0] == "foedus"]
    return out


@pytest.mark.parametrize("path", sorted(BENCH.rglob("*.py")), ids=lambda p: p.relative_to(BENCH).as_posix())
def test_every_foedus_name_a_benchmark_imports_exists(path: Path) -> None:
    missing = []
    for module, name in _imports(path):
        mod = importlib.import_module(module)
        if name and not hasattr(mod, name):
            try:
                importlib.import_module(f"{module}.{name}")
            except ImportError:
                missing.append(f"{module}.{name}")
    assert not missing, f"{path.name} imports names that no longer exist: {missing}"


def test_the_benchmarks_are_found() -> None:
    assert len(list(BENCH.glob("bench_*.py"))) >= 8


def test_the_flags_comparison_runs_the_pandas_pipeline_for_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    """bench_speed's dyads suite once ran foedus's own flags a second time under the name `pandas`."""
    import argparse

    bench = _load("bench_speed", monkeypatch)
    ran: dict[str, list[str]] = {}
    names = {Path("/new"): "new", Path("/old"): "baseline", bench.PANDAS: "pandas"}

    def child(tree: Path, name: str, *args: object) -> dict[str, float]:
        ran.setdefault(names[tree], []).append(name)
        return {"seconds": 1.0}

    monkeypatch.setattr(bench, "_child", child)
    monkeypatch.setattr(bench, "_command", lambda tree, argv, raw=False: (1.0, 100))
    bench.suite_dyads({"new": Path("/new"), "baseline": Path("/old")}, argparse.Namespace(repeat=2))
    assert ran == {"new": ["dyad_flags"] * 2, "baseline": ["dyad_flags"] * 2, "pandas": ["pandas_flags"] * 2}


def test_the_cli_phases_benchmark_runs_without_pydantic() -> None:
    """bench_cli_phases.py times a plain cascade's start step by step; its child checks that runtime records kept
    pydantic out (a warm cache: the first run warms it). With --classes it times the record classes both ways."""
    import subprocess
    import sys

    for _ in range(2):
        proc = subprocess.run([sys.executable, str(BENCH / "bench_cli_phases.py"), "--runs", "1"],
                              capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert [line.split()[0] for line in proc.stdout.splitlines()][:2] == ["imports", "world"]
    classes = subprocess.run([sys.executable, str(BENCH / "bench_cli_phases.py"), "--runs", "1", "--classes"],
                             capture_output=True, text=True, timeout=300)
    assert classes.returncode == 0, classes.stderr
    assert [line.split()[0] for line in classes.stdout.splitlines()[1:]] == ["datarecord", "dataclasses", "import"]


def test_the_cascade_work_benchmark_counts_what_a_result_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    """bench_cascade_work.py --phases splits a cascade's opcodes by phase and counts the records its result holds
    (the docs cite both): the shares sum to one, and the counts are those of the same cascades' results, counted
    here again."""
    import statistics

    from foedus.engine.cascade import run_cascade

    bench = _load("bench_cascade_work", monkeypatch)
    got = bench.phases("1990-06-01", 4)
    assert abs(sum(got["share"].values()) - 1) < 0.01
    world, scenarios = bench._scenarios("1990-06-01", 4, 15)
    results = [run_cascade(world, s) for s in scenarios]
    held = got["per_cascade"]
    obligations = [sum(1 + len(j.also) for j in r.joiners) for r in results]
    assert held["obligations"] == round(statistics.mean(obligations), 1) and held["obligations"] > 0
    assert held["consultations"] == round(statistics.mean(len(r.consultations) for r in results), 1)
    records = sorted(o + len(r.consultations) + len(r.violations) + len(r.neutral) + len(r.supporters)
                     + len(r.withheld) + len(r.conflicts) for o, r in zip(obligations, results, strict=True))
    assert held["records in the result (all but joiners), median"] == records[len(records) // 2]
    assert held["resumes, median"] <= held["resumes"] * len(results)


def test_the_backends_benchmark_reads_the_commands_own_peak_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kernel's max RSS of a process spawned straight from a large one counts the large one's memory (its
    first call reported the benchmark's own 1.2 GB for every 1990 run); the figure is the command's own."""
    bench = _load("bench_backends", monkeypatch)
    ballast = bytearray(400 * 1024 * 1024)  # this process: over 400 MiB resident
    ballast[::4096] = b"x" * len(ballast[::4096])
    _, small, _ = bench.timed(["-c", "pass"])
    _, large, _ = bench.timed(["-c", "b = bytearray(200 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"])
    del ballast
    assert small < 100, small
    assert 200 < large < 400, large


@pytest.mark.parametrize(("script", "argv"), [("bench_speed", ["--only", "cascades", "--out"]),
                                              ("bench_backends", ["--json"]), ("compare_cascades", [])])
def test_a_benchmark_refuses_a_taken_output_name_before_timing(script: str, argv: list[str], tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A benchmark wrote its JSON over whatever held the name, after minutes of timing; now it stops first."""
    import sys

    taken = tmp_path / "earlier.json"
    taken.write_text("an earlier run's figures")
    bench = _load(script, monkeypatch)
    monkeypatch.setattr(sys, "argv", [script, *argv, str(taken)])
    monkeypatch.setattr("subprocess.run", lambda *a, **k: pytest.fail("ran a command before refusing"))
    with pytest.raises(SystemExit, match="already exists"):
        bench.main()
    assert taken.read_text() == "an earlier run's figures"


def test_a_benchmark_publishes_whole_and_keeps_results_if_the_name_is_taken_meanwhile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _load("bench_out", monkeypatch)
    first = tmp_path / "run.json"
    out.publish(first, "{}\n")
    assert first.read_text() == "{}\n" and sorted(p.name for p in tmp_path.iterdir()) == ["run.json"]
    with pytest.raises(SystemExit, match="appeared during the run; the results are in") as stop:
        out.publish(first, "[1]\n")
    assert first.read_text() == "{}\n"
    kept = Path(str(stop.value).rsplit(" ", 1)[1])
    assert kept.read_text() == "[1]\n" and kept.parent == tmp_path


def test_the_bands_profile_runs_on_the_engine_it_patches() -> None:
    """bench/profile/bands.py replaces two engine methods to count a cascade's resumes and volleys; when `_resume`
    came to take the list of states conflicted late in a round, it broke (unhashable list) while every name it
    imports still resolved. Run on 40 of bench_speed's dyads at 2025-06-01, it counts resumes."""
    import os
    import re
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, str(BENCH / "profile" / "bands.py"), "2025-06-01", "40"],
                          cwd=BENCH / "profile", env=os.environ.copy(), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    counted = re.match(r"all 40: resumes ([0-9]+) ", proc.stdout.strip().splitlines()[-1])
    assert counted is not None and int(counted.group(1)) > 0, proc.stdout[-2000:]


@pytest.mark.parametrize("script", ["bench_web", "bench_web_mixed"])
def test_the_web_benchmarks_take_a_url_by_the_servers_loopback_rule(script: str, monkeypatch: pytest.MonkeyPatch,
                                                                    ) -> None:
    """The web benchmarks checked `--url` against host sets of their own (the mixed one refused `::1`, and both
    refused `127.0.0.2`, which the server takes as loopback); they read `foedus.web.guard.is_loopback_host` now, and
    the mixed one sends to the URL's own host rather than to 127.0.0.1."""
    import sys

    from foedus.web.guard import is_loopback_host

    bench = _load(script, monkeypatch)
    went: list[str] = []

    def run(where: str, *args: object) -> dict[str, object]:
        went.append(where)
        return {}

    async def run_async(host: str, *args: object) -> dict[str, object]:
        return run(host)

    monkeypatch.setattr(bench, "_run", run if script == "bench_web" else run_async)
    monkeypatch.setattr(bench, "serving", lambda: pytest.fail("started a server for a given --url"))
    for url, host in [("http://[::1]:8999", "::1"), ("http://127.0.0.2:8999/", "127.0.0.2"),
                      ("http://LocalHost:8999", "localhost")]:
        assert is_loopback_host(host)
        monkeypatch.setattr(sys, "argv", [script, "--url", url, "--seconds", "1"])
        bench.main()
        assert went.pop() == (url.rstrip("/") if script == "bench_web" else host)
    for url in ("http://0.0.0.0:8999", "http://192.168.1.2:8999", "http://localhost.example.org:8999", "http:///x"):
        monkeypatch.setattr(sys, "argv", [script, "--url", url, "--seconds", "1"])
        with pytest.raises(SystemExit, match="--url must be a loopback address"):
            bench.main()
    assert not went


def test_the_defence_profile_runs_on_the_engine_it_patches() -> None:
    """bench/profile/defstat.py replaces `Binder._defence` to count what it looks at; when `_defence` came to take the
    legs waiting on the volley's key (`waiting`), its wrapper kept the old signature and the script failed on its first
    volley. Run on 25 of bench_speed's dyads at 2025-06-01, it counts the calls and the legs looked at."""
    import os
    import re
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, str(BENCH / "profile" / "defstat.py"), "2025-06-01", "40"],
                          cwd=BENCH / "profile", env=os.environ.copy(), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    counts = dict(re.findall(r"^(\S.*?)\s+([0-9.]+)$", proc.stdout, re.M))
    assert float(counts["calls"]) > 0 and float(counts["todo legs"]) > 0, proc.stdout[-2000:]


def test_the_binds_profile_counts_the_citations_the_engine_makes() -> None:
    """bench/profile/binds.py replaces the function that cites a binding find as an obligation to count the citations;
    it patched `cascade.cited`, which the engine no longer had once a result's joiners came to be cited when first read
    (`citing.citations`, session 53), and failed on its first line. Run on 40 of bench_speed's dyads at 2025-06-01, it
    counts the citations of the results it reads (joiners' and conflicts'), more than none."""
    import os
    import re
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, str(BENCH / "profile" / "binds.py"), "2025-06-01", "40"],
                          cwd=BENCH / "profile", env=os.environ.copy(), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r"^citations over all 40 dyads: (\d+), of a key cited before: (\d+)", proc.stdout, re.M)
    assert found is not None, proc.stdout[-2000:]
    cited = re.search(r"obligations cited: ([0-9.]+)", proc.stdout)
    assert cited is not None and float(cited[1]) > 0 and int(found[1]) >= int(found[2]), proc.stdout[-2000:]
    assert int(found[1]) > 0, proc.stdout[-2000:]


def test_the_colonial_ties_read_each_candidates_ruler_toward_one_side(monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    """likely_experiments' opt-in colonial variant: the ruler a party or bound to the side, a shared ruler, the
    candidate the ruler of a party; read from ICOW's file (byte-order mark and -9 for none as the file has them)."""
    bench = _load("likely_experiments", monkeypatch)
    path = tmp_path / "coldata110.csv"
    path.write_text("\ufeffState,Name,ColRuler,IndFrom\n900,Australia,200,200\n690,Kuwait,200,200\n"
                    "645,Iraq,640,200\n200,United Kingdom,-9,-9\n651,Egypt,640,640\n", encoding="utf-8")
    rulers = bench.read_rulers(path)
    assert rulers == {900: 200, 690: 200, 645: 640, 651: 640}
    # candidates: Australia, the United Kingdom, Egypt, a state ICOW lacks, one with no COW code; the side: Kuwait
    got = bench.colonial_ties(rulers, [900, 200, 651, 2, None], [690], bound=set())
    assert {k: v.tolist() for k, v in got.items()} == {
        "col_ruler": [0, 0, 0, 0, 0], "col_ruler_bound": [0, 0, 0, 0, 0], "col_sibling": [1, 0, 0, 0, 0],
        "col_metro": [0, 1, 0, 0, 0]}
    # the side Poland (290) alone on the first day, the United Kingdom bound to it: Australia's ruler is bound
    got = bench.colonial_ties(rulers, [900, 200, 651], [290], bound={200})
    assert got["col_ruler"].tolist() == [0, 0, 0] and got["col_ruler_bound"].tolist() == [1, 0, 0]
    assert bench.colonial_ties(rulers, [900, 651], [200], bound=set())["col_ruler"].tolist() == [1, 0]
    (tmp_path / "other.csv").write_text("ccode,year\n2,1816\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="not the ICOW Colonial History file"):
        bench.read_rulers(tmp_path / "other.csv")
    with pytest.raises(SystemExit, match=r"missing\.csv: cannot be read"):
        bench.read_rulers(tmp_path / "missing.csv")


def test_the_colonial_variant_is_skipped_with_a_message_without_the_file(monkeypatch: pytest.MonkeyPatch,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Without --colonial the script still runs: the colonial variants are skipped, each with one line saying why
    (and with nothing else asked, nothing is loaded)."""
    import sys

    bench = _load("likely_experiments", monkeypatch)
    monkeypatch.setattr(sys, "argv", ["likely_experiments.py", "--variants", "colonial,colonial-bound"])
    bench.main()
    out = capsys.readouterr().out.splitlines()
    assert out == [f"variant {n} skipped: it needs --colonial PATH, the ICOW Colonial History 1.1 file "
                   "coldata110.csv (Hensel 2018, paulhensel.org/Data/colhist.zip), which the project does not ship"
                   for n in ("colonial", "colonial-bound")]


def test_the_second_degree_and_major_ally_ties_read_the_defence_tie_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    """likely_experiments' tie2 and major-ally variants: allied to an ally of the side but not to the side itself
    (the side widened, as the -bound variants widen it, moves the chain one step out); allied to a major power of
    the side. States 0–5: 0–1, 1–2, 2–3, 4–0 and 4–1 allied; 5 allied to none."""
    import numpy as np

    bench = _load("likely_experiments", monkeypatch)
    defence = np.zeros((6, 6), bool)
    for a, b in ((0, 1), (1, 2), (2, 3), (4, 0), (4, 1)):
        defence[a, b] = defence[b, a] = True
    rows = list(range(6))
    assert bench.second_degree(defence, rows, [0]).tolist() == [0, 0, 1, 0, 0, 0]
    assert bench.second_degree(defence, rows, [0, 1]).tolist() == [0, 0, 0, 1, 0, 0]
    assert bench.second_degree(defence, [3, 5], [0]).tolist() == [0, 0]
    assert bench.second_degree(defence, rows, []).tolist() == [0] * 6
    assert bench.major_ally(defence, rows, [1]).tolist() == [1, 0, 1, 0, 1, 0]
    assert bench.major_ally(defence, rows, []).tolist() == [0] * 6


def test_the_war_size_variants_forecast_within_the_training_wars(monkeypatch: pytest.MonkeyPatch) -> None:
    """likely_size's war-size forecasts (issue #14): the regressor is scale-free (the five largest P(join) over the
    war's candidates), the Poisson fit's regressor is clipped to the training range and its forecast capped at the
    largest training count, and the slope shrunk to 0 gives every war the training mean (the shipped model)."""
    import numpy as np

    bench = _load("likely_size", monkeypatch)
    p = np.array([0.4, 0.2, 0.1, 0.1, 0.1, 0.1])
    assert bench.scale_free(p) == pytest.approx(np.log(0.9 / 6))
    assert bench.scale_free(np.concatenate([p, np.zeros(6)])) == pytest.approx(np.log(0.9 / 12))
    x, counts = np.array([-3.0, -2.0, -1.0, 0.0]), np.array([0.0, 1.0, 2.0, 6.0])
    fit = bench.fit_size(x, counts)
    assert fit.b > 0 and (fit.lo, fit.hi, fit.cap) == (-3.0, 0.0, 6.0)
    assert fit.forecast(5.0) == fit.forecast(0.0) <= 6.0 and fit.forecast(-9.0) == fit.forecast(-3.0)
    assert np.exp(fit.a + fit.b * x).sum() == pytest.approx(counts.sum(), rel=1e-6)  # Poisson: totals match
    flat = fit.shrunk(0.0, x, counts)
    assert [flat.forecast(v) for v in (-9.0, -1.0, 9.0)] == pytest.approx([2.25] * 3)
    assert fit.shrunk(1.0, x, counts).forecast(-1.0) == pytest.approx(fit.forecast(-1.0))
    got, joiners = bench.war_regressor(np.concatenate([p, p / 2]), np.array([7] * 6 + [3] * 6),
                                       np.array([1.0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0]))
    assert got.tolist() == pytest.approx([np.log(0.45 / 6), np.log(0.9 / 6)]) and joiners.tolist() == [2.0, 1.0]


def test_the_hurdle_reads_five_yes_no_features_of_each_war(monkeypatch: pytest.MonkeyPatch) -> None:
    """likely_size's hurdle features per war: a major power on each side, an intra-alliance war, some candidate bound
    with conditions read as unmet, some candidate with a land border and a defence tie toward the same side."""
    import pandas as pd

    bench = _load("likely_size", monkeypatch)
    frame = pd.DataFrame({"war": [2, 2, 1, 1], "attackers_major": [1, 1, 0, 0], "targets_major": [0, 0, 0, 0],
                          "war_intra": [0, 0, 1, 1], "unmet_attack": [0, 0, 0, 0], "unmet_defense": [0, 1, 0, 0],
                          "land_attack": [1, 0, 1, 0], "tie_defense_attack": [0, 0, 1, 0],
                          "land_defense": [0, 1, 0, 0], "tie_defense_defense": [1, 0, 0, 0]})
    # war 2's land border and defence tie lie toward different sides; war 1's first candidate has both toward attack
    assert bench.war_features(frame).tolist() == [[0, 0, 1, 0, 1], [1, 0, 0, 1, 0]]


def test_the_bound_chain_runs_through_a_state_the_legal_reading_binds(monkeypatch: pytest.MonkeyPatch) -> None:
    """likely_experiments' tie2-chain-bound: allied to a bound state (not a party) that is allied to a party, the
    candidate neither a party nor bound nor allied to a party. States 0–6: the party 0; 1 and 4 bound; 0–1, 1–2,
    2–3, 4–5 and 0–6 allied (4 bound through no tie of the matrix, so 5's chain does not reach a party)."""
    import numpy as np

    bench = _load("likely_experiments", monkeypatch)
    defence = np.zeros((7, 7), bool)
    for a, b in ((0, 1), (1, 2), (2, 3), (4, 5), (0, 6)):
        defence[a, b] = defence[b, a] = True
    rows = list(range(7))
    assert bench.bound_chain(defence, rows, [0], [1, 4]).tolist() == [0, 0, 1, 0, 0, 0, 0]
    assert bench.bound_chain(defence, rows, [0], []).tolist() == [0] * 7  # plain tie2 would mark 2
    assert bench.bound_chain(defence, rows, [0], [1, 2]).tolist() == [0] * 7  # 2 bound itself: the legal feature's
    assert bench.bound_chain(defence, rows, [], [1]).tolist() == [0] * 7


def test_the_penalties_are_chosen_inside_the_training_wars(monkeypatch: pytest.MonkeyPatch) -> None:
    """likely_experiments' tie2-bound-cv: (join C, side C) from the grids by the inner cross-validation of the training
    wars: the weakest penalty of the grid where one feature decides who joins and on which side, the strongest where
    the features are noise; each choice recorded."""
    import numpy as np
    import pandas as pd

    from foedus.likely.spec import Spec

    bench = _load("likely_experiments", monkeypatch)
    rng = np.random.default_rng(3)
    n, wars = 2000, np.repeat(np.arange(40), 50)
    signal = rng.random(n) < 0.1
    attack = signal & (rng.random(n) < 0.5)
    outcome = np.where(attack, "attack", np.where(signal, "defense", "out"))
    frame = pd.DataFrame({"war": wars, "a_attack": attack * 1.0, "a_defense": (signal & ~attack) * 1.0,
                          "noise_attack": rng.random(n), "noise_defense": rng.random(n),
                          **{f"outcome_{h}": outcome for h in bench.H}})
    spec = Spec("t", ("a", "noise"), (), ("a", "noise"))
    assert bench._inner_penalty(spec, label="signal")(frame) == (max(bench.C_JOIN_GRID), max(bench.C_SIDE_GRID))
    noise = Spec("n", ("noise",), (), ("noise",))
    quiet = frame.assign(**{f"outcome_{h}": np.where(rng.random(n) < 0.1, "defense", "out") for h in bench.H})
    quiet.loc[quiet["outcome_ever"] == "defense", "outcome_ever"] = np.where(rng.random(n) < 0.5, "attack",
                                                                             "defense")[quiet["outcome_ever"] != "out"]
    assert bench._inner_penalty(noise, label="noise")(quiet) == (min(bench.C_JOIN_GRID), min(bench.C_SIDE_GRID))
    assert [c for _, c in bench.CHOSEN["signal"]] == [{"join": 1.0, "side": 1.0}]


def test_the_wide_variants_choose_the_join_penalty_below_the_grids_floor(monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """likely_experiments' `-wide` variants (registered in docs/likelihood-experiments.md before any score): the join
    grid extended below 0.01, the floor the others hit; where the features are noise the inner folds pick the new floor,
    and the choice is printed on the wide grid."""
    import numpy as np
    import pandas as pd

    from foedus.likely.spec import Spec

    bench = _load("likely_experiments", monkeypatch)
    assert {n: bench.CV_VARIANTS[n] for n in bench.CV_JOIN_GRIDS} == {"tie2-bound-cv-wide": "tie2-bound",
                                                                      "shipped-cv-wide": "shipped"}
    wide = bench.CV_JOIN_GRIDS["shipped-cv-wide"]
    assert wide == (0.002, 0.005, *bench.C_JOIN_GRID)
    rng = np.random.default_rng(3)
    n = 2000
    outcome = np.where(rng.random(n) < 0.1, np.where(rng.random(n) < 0.5, "attack", "defense"), "out")
    quiet = pd.DataFrame({"war": np.repeat(np.arange(40), 50), "noise_attack": rng.random(n),
                          "noise_defense": rng.random(n), **{f"outcome_{h}": outcome for h in bench.H}})
    noise = Spec("n", ("noise",), (), ("noise",))
    assert bench._inner_penalty(noise, label="shipped-cv-wide", join_grid=wide)(quiet)[0] == 0.002
    bench._penalties("shipped-cv-wide")
    assert capsys.readouterr().out.startswith("shipped-cv-wide: penalties chosen leave one war out (1 folds): "
                                              "join C 0.002 in 1, side C ")


def test_the_era_count_is_the_mean_joiners_of_the_test_wars_era(monkeypatch: pytest.MonkeyPatch) -> None:
    """likely_experiments' era-count: a war's expected joiners the mean over the training wars of its era; the
    model's mean over every training war where fewer than five are of that era."""
    import types

    import pandas as pd

    bench = _load("likely_experiments", monkeypatch)
    # five wars before 1945 with one joiner each (within 30 days in the first two), two from 1945 with three
    wars = [1, 2, 3, 4, 5, 6, 6, 6, 6, 7, 7, 7, 7]
    era = ["pre1945"] * 5 + ["post1945"] * 8
    ever = ["attack"] * 5 + ["defense", "defense", "defense", "out"] * 2
    train = pd.DataFrame({"war": wars, "era": era, "outcome_ever": ever,
                          "outcome_30": ["attack"] * 2 + ["out"] * 11})
    model = types.SimpleNamespace(expected={"ever": 11 / 7, "30": 2 / 7})
    pre, post = pd.DataFrame({"era": ["pre1945"]}), pd.DataFrame({"era": ["post1945"]})
    assert bench.era_expected(model, train, pre, "ever") == 1.0
    assert bench.era_expected(model, train, pre, "30") == 0.4
    assert bench.era_expected(model, train, post, "ever") == 11 / 7  # two wars of that era: every war's mean


def _synthetic_wars(n_wars: int = 24, per_war: int = 40) -> Any:
    """A small training frame: one feature `a` that marks most joiners (and their side), one of noise."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(5)
    n = n_wars * per_war
    signal = rng.random(n) < 0.08
    joined = np.where(signal, rng.random(n) < 0.7, rng.random(n) < 0.01)
    attack = joined & (rng.random(n) < 0.5)
    outcome = np.where(attack, "attack", np.where(joined, "defense", "out"))
    return pd.DataFrame({"war": np.repeat(np.arange(n_wars), per_war), "a_attack": (signal & attack) * 1.0,
                         "a_defense": (signal & ~attack) * 1.0, "noise_attack": rng.random(n),
                         "noise_defense": rng.random(n), **{f"outcome_{h}": outcome for h in ("30", "365", "ever")}})


def test_the_inner_loss_averaged_over_dealings_is_the_mean_of_each_dealings(monkeypatch: pytest.MonkeyPatch) -> None:
    """likely_avg (session 59): the loss the `-avg` variants choose by is the mean of each dealing's inner loss; with
    one dealing it is that dealing's, so the choice is the one-dealing choice `tie2-bound-cv` makes at that seed."""
    import numpy as np

    from foedus.likely.spec import Spec

    bench = _load("likely_experiments", monkeypatch)
    avg = _load("likely_avg", monkeypatch)
    joins, sides = (0.01, 1.0), (0.02, 1.0)
    monkeypatch.setattr(bench, "C_SIDE_GRID", sides)
    frame, spec = _synthetic_wars(), Spec("t", ("a", "noise"), (), ("a", "noise"))
    each = [avg.inner_loss(spec, frame, s, joins, sides) for s in (0, 1, 2)]
    assert not np.allclose(each[0], each[1])  # the dealings differ
    assert np.array_equal(avg.averaged_loss(spec, frame, (1,), joins, sides), each[1])
    mean = avg.averaged_loss(spec, frame, (0, 1, 2), joins, sides)
    assert np.allclose(mean, (each[0] + each[1] + each[2]) / 3)
    assert avg.best(np.array([[3.0, 1.0], [1.0, 2.0]]), joins, sides) == (0.01, 1.0)  # the first least, in grid order
    one = bench._inner_penalty(spec, seed=1, label="one", join_grid=joins)(frame)
    assert one == avg.best(each[1], joins, sides)
    assert bench._inner_penalty(spec, label="avg1", join_grid=joins, seeds=(1,))(frame) == one
    assert bench._inner_penalty(spec, label="avg3", join_grid=joins, seeds=(0, 1, 2))(frame) == avg.best(mean, joins,
                                                                                                        sides)
    join_c, side_c = avg.best(mean, joins, sides)
    assert [c for _, c in bench.CHOSEN["avg3"]] == [{"join": join_c, "side": side_c}]


def test_the_batched_shift_gives_the_models_p_join(monkeypatch: pytest.MonkeyPatch) -> None:
    """likely_avg shifts every join C and horizon of a held-out war in one call: the same P(join) as the two-stage
    model's `p_joins`, war by war, with the horizons nested (to rounding: numpy's vector exp)."""
    import numpy as np

    from foedus.likely.fit import expected_joiners, fit_logit
    from foedus.likely.spec import Logit, Spec, TwoStage, join_matrix
    from foedus.likely.validate import frame_values

    avg = _load("likely_avg", monkeypatch)
    frame, spec = _synthetic_wars(), Spec("t", ("a", "noise"), (), ("a", "noise"))
    train, held = frame[frame["war"] < 18], frame[frame["war"] >= 18]
    xj, xh = join_matrix(frame_values(train), spec), join_matrix(frame_values(held), spec)
    fits = {h: [fit_logit(xj, (train[f"outcome_{h}"] != "out").to_numpy().astype(np.int64), c) for c in (0.01, 1.0)]
            for h in avg.H}
    expected = {h: expected_joiners(train, h) for h in avg.H}
    got = avg.shifted_joins({h: np.stack([f.eta(xh) for f in fits[h]]) for h in avg.H}, expected,
                            held["war"].to_numpy())
    empty = Logit(np.zeros(1), np.ones(1), 0.0, np.zeros(1))
    for i in range(2):
        want = TwoStage(spec, {h: fits[h][i] for h in avg.H}, empty, expected).p_joins(frame_values(held),
                                                                                       held["war"].to_numpy())
        for h in avg.H:
            assert np.allclose(got[h][i], want[h], rtol=1e-12, atol=1e-15)
    assert (got["ever"] >= got["365"]).all() and (got["365"] >= got["30"]).all()


def test_the_averaged_variants_read_the_registered_dealings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The `-avg` variants (registered in docs/likelihood-experiments.md before any score): the grids of
    `tie2-bound-cv`, K = 3 dealings, two disjoint sets of them; a bad list of seeds is refused."""
    import argparse

    bench = _load("likely_experiments", monkeypatch)
    avg = _load("likely_avg", monkeypatch)
    assert {n: bench.CV_VARIANTS[n] for n in avg.AVG_VARIANTS} == {"tie2-bound-cv-avg": "tie2-bound",
                                                                   "shipped-cv-avg": "shipped"}
    assert not set(avg.AVG_VARIANTS) & set(bench.CV_JOIN_GRIDS)  # the join grid is C_JOIN_GRID, as tie2-bound-cv's
    assert avg.K_DEALINGS == 3 and [len(s) for s in avg.SEED_SETS] == [3, 3]
    assert avg.SEED_SETS == ((0, 1, 2), (3, 4, 5)) and not set(avg.SEED_SETS[0]) & set(avg.SEED_SETS[1])
    assert avg.seeds_arg("3,4,5") == (3, 4, 5)
    for bad in ("0,0,1", "0,x", "-1,2", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            avg.seeds_arg(bad)


def test_the_likelihood_experiments_fit_on_one_thread_whatever_is_loaded_first() -> None:
    """bench/likely_experiments.py's limit of one thread reaches scipy's OpenBLAS and scikit-learn's OpenMP even when
    no model was fitted before it (session 59's control `shipped-cv-avg`, run alone, fitted on every core: ten times
    the CPU). A fresh interpreter, since this one may have loaded scikit-learn already."""
    import subprocess
    import sys

    script = ("import sys; sys.path.insert(0, sys.argv[1]); import numpy as np; import likely_experiments as bench\n"
              "with bench.one_thread():\n"
              "    from foedus.likely.fit import fit_logit\n"
              "    fit_logit(np.arange(40.0)[:, None], np.arange(40) % 2, 0.05)\n"
              "    from threadpoolctl import threadpool_info\n"
              "    print(sorted({(p['internal_api'], p['num_threads']) for p in threadpool_info()}))\n")
    proc = subprocess.run([sys.executable, "-c", script, str(BENCH)], capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    pools = ast.literal_eval(proc.stdout.strip().splitlines()[-1])
    assert {api for api, _ in pools} >= {"openblas", "openmp"} and {n for _, n in pools} == {1}


def test_the_capped_war_size_forecast_is_size_free_s_under_a_low_quantile(monkeypatch: pytest.MonkeyPatch) -> None:
    """`size-cap` (bench/likely_cap.py, registered in docs/likelihood-experiments.md before any score): each war's
    forecast is `size-free`'s, capped at the 90th percentile of the training wars' counts (or their mean where larger),
    not at their largest count."""
    import numpy as np

    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import Spec

    cap = _load("likely_cap", monkeypatch)
    import likely_size  # the module likely_cap reads, as the script imports it

    assert cap.CAP_Q == 0.9 and cap.CAP_VARIANTS == ("size-cap",)
    assert cap.count_cap(np.array([0.0] * 8 + [1.0, 6.0])) == pytest.approx(1.5)  # 1 + 0.1·(6 − 1); mean 0.7
    assert cap.count_cap(np.array([0.0] * 19 + [10.0])) == pytest.approx(0.5)  # the 90th percentile 0: the mean
    monkeypatch.setattr(cap, "CAP_Q", 0.5)  # the synthetic wars' forecasts stay under their 90th percentile
    frame, spec = _synthetic_wars(), Spec("t", ("a", "noise"), (), ("a", "noise"))
    frame["war_name"], frame["year"] = frame["war"].astype(str), 1900
    train = frame[frame["war"] < 18]
    model = fit_two_stage(train, spec, likely_size.H)
    free, capped = likely_size.size_free(spec), cap.cap_variants(lambda s, expected: expected, spec)["size-cap"]
    bit = 0
    for h in likely_size.H:
        counts = (train[f"outcome_{h}"] != "out").groupby(train["war"]).sum().to_numpy().astype(float)
        limit = cap.count_cap(counts)
        assert limit < counts.max()
        for w in range(18, 24):
            want = free(model, train, frame[frame["war"] == w], h)
            assert capped(model, train, frame[frame["war"] == w], h) == pytest.approx(min(want, limit))
            bit += want > limit
    assert 0 < bit < 18  # the cap binds for some wars, not all, where the largest count would bind for none


def test_the_recentred_war_size_reads_each_war_against_the_nine_before_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """`size-recent` (bench/likely_recent.py, registered in docs/likelihood-experiments.md before any score): each war's
    `size-free` regressor minus its median over the war and the 9 wars that started before it (by start year, then war
    number), the Poisson fit on the training wars' recentred regressor; the test war's outcomes are never read."""
    import numpy as np

    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import Spec

    recent = _load("likely_recent", monkeypatch)
    import likely_size  # the module likely_recent reads, as the script imports it

    assert recent.WINDOW == 10 and recent.RECENT_VARIANTS == ("size-recent",)
    years, wars = np.array([1950, 1900, 1950, 1800]), np.array([7, 9, 3, 4])
    assert [w.tolist() for w in recent.windows(years, wars)] == [[0, 1, 2, 3], [1, 3], [1, 2, 3], [3]]
    x = np.arange(12.0) ** 2
    got = recent.recentred(x, np.arange(12), np.arange(12))
    assert got[:3].tolist() == [0.0, 0.5, 3.0] and got[11] == pytest.approx(121 - (36 + 49) / 2)  # wars 2–11
    frame, spec = _synthetic_wars(), Spec("t", ("a", "noise"), (), ("a", "noise"))
    frame["war_name"], frame["year"] = frame["war"].astype(str), 1900 + (frame["war"] * 7) % 24  # order ≠ war number
    train = frame[frame["war"] < 18]
    model = fit_two_stage(train, spec, likely_size.H)
    callback = recent.recent_variants(lambda s, expected: expected, spec, frame)["size-recent"]
    keys, first = np.unique(frame["war"].to_numpy(), return_index=True)
    for h in likely_size.H:
        xs, _ = likely_size.war_regressor(likely_size._unshifted(model, spec, frame, h), frame["war"].to_numpy(),
                                          np.zeros(len(frame)))
        centred = recent.recentred(xs, frame["year"].to_numpy()[first], keys)
        assert not np.allclose(centred, xs - np.median(xs))  # each war its own window, not one median
        counts = (train[f"outcome_{h}"] != "out").groupby(train["war"]).sum().to_numpy().astype(float)
        fit = likely_size.fit_size(centred[:18], counts)
        for w in range(18, 24):
            test = frame[frame["war"] == w]
            assert callback(model, train, test, h) == pytest.approx(fit.forecast(centred[w]))
            flipped = test.assign(**{f"outcome_{k}": "attack" for k in likely_size.H})
            assert callback(model, train, flipped, h) == pytest.approx(fit.forecast(centred[w]))


def test_the_parties_war_size_reads_first_day_facts_and_shrinks_to_the_mean(monkeypatch: pytest.MonkeyPatch) -> None:
    """likely_parties (issue #14, session 66): each war's regressors are its original belligerents (log), a major power
    among them and (`size-allies`) the candidates with a defence tie to a side; the ridge Poisson fit is the plain one
    at α = 0, the training mean at α = ∞, and a forecast stays within the training range and under the largest count."""
    import numpy as np
    import pandas as pd

    bench = _load("likely_parties", monkeypatch)
    size = _load("likely_size", monkeypatch)
    frame = pd.DataFrame({"war": [5, 5, 5, 2, 2], "log_parties": [np.log(3)] * 3 + [np.log(2)] * 2,
                          "attackers_major": [0.0] * 3 + [1.0] * 2, "targets_major": [1.0] * 3 + [0.0] * 2,
                          "tie_defense_attack": [1.0, 0, 0, 0, 0], "tie_defense_defense": [1.0, 1, 0, 0, 0],
                          "outcome_ever": ["attack", "out", "defense", "out", "out"]})
    x, joined, keys = bench.war_table(frame, allies=True)
    assert keys.tolist() == [2, 5] and joined.tolist() == [0.0, 2.0]
    assert x == pytest.approx(np.array([[np.log(2), 1.0, 0.0], [np.log(3), 1.0, np.log(3)]]))
    assert bench.war_table(frame, allies=False)[0].shape == (2, 2)
    z, y = np.array([-3.0, -2.0, -1.0, 0.0]), np.array([0.0, 1.0, 2.0, 6.0])
    assert bench.ridge_poisson(z[:, None], y, 0.0) == pytest.approx(np.array(size.poisson(z, y)), abs=1e-6)
    slopes = [abs(bench.ridge_poisson(z[:, None], y, a)[1]) for a in (0.0, 1.0, 10.0, np.inf)]
    assert slopes == sorted(slopes, reverse=True) and slopes[-1] == 0.0
    rng = np.random.default_rng(0)
    xs = rng.normal(size=(40, 2))
    fit = bench.PartiesFit(xs, rng.poisson(np.exp(0.8 * xs[:, 0])).astype(float))
    assert fit.alpha in bench.ALPHAS and fit.beta[1] > 0
    assert fit.forecast(np.array([99.0, 0.0])) == fit.forecast(np.array([xs[:, 0].max(), 0.0])) <= fit.cap
