"""Outputs are never corrupted or silently replaced: races, user files, interrupts, failures, --force."""

from __future__ import annotations

import errno
import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from foedus.errors import OutputError, OutputExistsError
from foedus.outputs import TMP_SUFFIX, staged_file, staged_folder, write_partitioned, write_table
from foedus.outputs import atomic as atomic_mod
from foedus.outputs import swap as swap_mod
from samples import cli_line

ROOT = Path(__file__).resolve().parents[1]


def _writer(out: str, byte: int, barrier: mp.synchronize.Barrier, results: mp.Queue) -> None:  # type: ignore[name-defined]
    """One racer: write 2 MB of its own byte, wait for everybody, then publish."""
    try:
        with staged_file(Path(out)) as tmp:
            tmp.write_bytes(bytes([byte]) * (2 << 20))
            barrier.wait(timeout=300)  # a hang guard: six forks start slowly on a loaded machine
        results.put(("won", byte))
    except OutputExistsError:
        results.put(("refused", byte))


def test_racing_writers_exactly_one_wins_and_the_file_is_whole(tmp_path: Path) -> None:
    out = tmp_path / "race.bin"
    ctx = mp.get_context("fork")
    barrier, results = ctx.Barrier(6), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(out), 65 + i, barrier, results)) for i in range(6)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)  # hang guards, as the barrier's
    outcome = [results.get(timeout=60) for _ in procs]
    winners = [b for what, b in outcome if what == "won"]
    assert len(winners) == 1 and sum(what == "refused" for what, _ in outcome) == 5
    assert out.read_bytes() == bytes([winners[0]]) * (2 << 20)  # one writer's bytes, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["race.bin"]  # no temporaries left


@pytest.mark.needs_data
def test_two_cli_runs_on_one_out_one_wins_the_other_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "sim.csv"
    args = [sys.executable, "-m", "foedus.cli", "similarity", "--from", "1914", "--to", "1914", "--out", str(out)]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    done = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
    assert sorted(rc for rc, _ in done) == [0, 2], done
    loser = next(err for rc, err in done if rc == 2)
    assert loser.startswith("error: ") and loser.strip().count("\n") == 0 and str(out) in loser
    alone = tmp_path / "alone.csv"
    assert cli_line(["similarity", "--from", "1914", "--to", "1914", "--out", str(alone)]).returncode == 0
    assert out.read_bytes() == alone.read_bytes()  # intact: the same bytes as a run with no rival
    side = json.loads((tmp_path / "sim.csv-metadata.json").read_text(encoding="utf-8"))  # the winner's, whole
    assert side == {**json.loads((tmp_path / "alone.csv-metadata.json").read_text(encoding="utf-8")), "url": "sim.csv"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alone.csv", "alone.csv-metadata.json", "sim.csv",
                                                          "sim.csv-metadata.json"]


def test_user_files_named_like_the_old_temporary_survive(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    (tmp_path / ".t.csv.part").write_text("my notes", encoding="utf-8")
    (tmp_path / ".t.csv.part.d").mkdir()
    folder_part = tmp_path / ".part_out.part"
    folder_part.mkdir()
    (folder_part / "keep.txt").write_text("keep", encoding="utf-8")
    write_table(pd.DataFrame({"a": [1, 2]}), out)
    write_partitioned(pd.DataFrame({"a": [1, 2], "k": [1, 2]}), tmp_path / "part_out", "k")
    assert (tmp_path / ".t.csv.part").read_text(encoding="utf-8") == "my notes"
    assert (tmp_path / ".t.csv.part.d").is_dir() and (folder_part / "keep.txt").read_text(encoding="utf-8") == "keep"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TMP_SUFFIX)]


def test_existing_output_is_refused_with_the_way_forward_and_kept(tmp_path: Path) -> None:
    out = tmp_path / "t.parquet"
    out.write_bytes(b"mine")
    with pytest.raises(OutputExistsError, match="--force"):
        write_table(pd.DataFrame({"a": [1]}), out)
    assert out.read_bytes() == b"mine"
    write_table(pd.DataFrame({"a": [7]}), out, force=True)
    assert pd.read_parquet(out)["a"].tolist() == [7]
    folder = tmp_path / "a_folder.csv"
    folder.mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        write_table(pd.DataFrame({"a": [1]}), folder, force=True)
    with pytest.raises(OutputError, match="does not exist"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "nowhere" / "t.csv")
    with pytest.raises(OutputError, match="unknown table format"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.xlsx")
    with pytest.raises(OutputError, match=r"is a folder; the table output is a file: give a name ending \.parquet"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path)  # not "unknown table format ''"


def test_a_failure_mid_write_leaves_nothing_under_the_final_name(tmp_path: Path) -> None:
    out = tmp_path / "half.txt"
    with pytest.raises(RuntimeError), staged_file(out) as tmp:
        tmp.write_text("half of it", encoding="utf-8")
        raise RuntimeError("the writer crashed")
    with pytest.raises(OutputError, match="No space left on device"), staged_file(out) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    folder = tmp_path / "parts"
    with pytest.raises(RuntimeError), staged_folder(folder) as tmp:
        (tmp / "a.parquet").write_bytes(b"x")
        raise RuntimeError("crash after one partition")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OutputError, match="cannot write"):  # pyarrow refuses a mixed column: no file, one line
        write_table(pd.DataFrame({"a": [1, "x"]}), tmp_path / "mixed.parquet")
    assert list(tmp_path.iterdir()) == []


_SLOW_WRITER = """
import signal, sys
from pathlib import Path
from foedus.outputs import install_signal_cleanup, staged_file
install_signal_cleanup()
with staged_file(Path(sys.argv[1])) as tmp:
    tmp.write_bytes(b"x" * (4 << 20))
    print("writing", flush=True)
    signal.pause()  # until the test's signal (a fixed sleep ended, and published, if the signal came later)
"""


def _interruptible() -> None:
    """In the child: SIGINT as a terminal delivers it. A job started in the background by a non-interactive shell
    inherits SIGINT ignored, and foedus rightly leaves an ignored signal alone (as under nohup)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_writer_leaves_no_debris(tmp_path: Path, sig: signal.Signals) -> None:
    out = tmp_path / "big.parquet"
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(_SLOW_WRITER), str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_interruptible)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    assert len(list(tmp_path.iterdir())) == 1  # the temporary exists while it writes
    proc.send_signal(sig)
    proc.wait(timeout=30)
    assert proc.returncode != 0
    assert list(tmp_path.iterdir()) == []


def test_without_hard_links_publishing_is_still_exclusive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_link(*_args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic_mod.os, "link", no_link)
    out = tmp_path / "a.txt"
    with staged_file(out) as tmp:
        tmp.write_text("first", encoding="utf-8")
    other = tmp_path / "b.txt"
    with pytest.raises(OutputExistsError), staged_file(other) as tmp:  # the name is free when the run starts ...
        other.write_text("someone else", encoding="utf-8")  # ... and taken before it publishes
        tmp.write_text("second", encoding="utf-8")
    assert out.read_text(encoding="utf-8") == "first" and other.read_text(encoding="utf-8") == "someone else"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


@pytest.mark.parametrize("exchange", [True, False])
def test_force_swaps_a_folder_whole_and_refuses_a_foreign_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              exchange: bool) -> None:
    if not exchange:
        monkeypatch.setattr(swap_mod, "_exchange", lambda _a, _b: False)
    out = tmp_path / "parts"
    write_partitioned(pd.DataFrame({"v": [1, 2], "k": [1, 2]}), out, "k")
    with pytest.raises(OutputExistsError, match="--force"):
        write_partitioned(pd.DataFrame({"v": [3], "k": [3]}), out, "k")
    write_partitioned(pd.DataFrame({"v": [3], "k": [3]}), out, "k", force=True)
    assert pd.read_parquet(out)["v"].tolist() == [3]
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match=r"not replacing .*notes\.txt"):
        write_partitioned(pd.DataFrame({"v": [4], "k": [4]}), out, "k", force=True)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parts"]


def test_force_refuses_a_folder_with_a_foreign_file_in_a_partition(tmp_path: Path) -> None:
    """A folder is replaced only where it holds a partitioned table and nothing else (`partition_layout`, which
    `foedus atlas-plot` reads by too): a file of the user's inside a partition folder was deleted with the old one."""
    out = tmp_path / "parts"
    write_partitioned(pd.DataFrame({"v": [1, 2], "k": [1, 2]}), out, "k")
    (out / "k=1" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match=r"not replacing .*: it holds k=1/notes\.txt, which a partitioned table"):
        write_partitioned(pd.DataFrame({"v": [3], "k": [3]}), out, "k", force=True)
    assert (out / "k=1" / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444])
def test_force_keeps_a_files_permissions(tmp_path: Path, mode: int) -> None:
    """A file replaced with --force keeps the user's permissions, as a folder keeps its mode: a private 600 file was
    replaced by a 644 one (the usual mode), readable by every user. A new file still gets the usual mode."""
    out, new = tmp_path / "x.txt", tmp_path / "new.txt"
    out.write_text("mine", encoding="utf-8")
    os.chmod(out, mode)
    for target in (out, new):
        with staged_file(target, force=True) as tmp:
            tmp.write_text("theirs", encoding="utf-8")
    assert out.read_text(encoding="utf-8") == "theirs" and (out.stat().st_mode & 0o7777) == mode
    from foedus.outputs.temporaries import _umask

    assert (new.stat().st_mode & 0o777) == 0o666 & ~_umask()


def test_force_keeps_the_folders_mode_and_refuses_the_folder_it_runs_in(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A replaced folder keeps the user's mode bits (a group's setgid folder stays one); the folder the process works
    in, or one above it, is refused before any work (swapping it out fails with EBUSY at the end)."""
    out = tmp_path / "parts"
    write_partitioned(pd.DataFrame({"v": [1], "k": [1]}), out, "k")
    os.chmod(out, 0o2770)
    write_partitioned(pd.DataFrame({"v": [2], "k": [2]}), out, "k", force=True)
    assert pd.read_parquet(out)["v"].tolist() == [2] and (out.stat().st_mode & 0o7777) == 0o2770
    inner = out / "k=2"
    monkeypatch.chdir(inner)
    for target in (out, Path(".")):
        with pytest.raises(OutputError, match="holds the folder this command runs in"), staged_folder(target,
                                                                                                     force=True):
            raise AssertionError("refused before the work")  # pragma: no cover
    assert pd.read_parquet(out)["v"].tolist() == [2]


def test_force_asks_again_before_the_swap_whether_the_folder_may_go(tmp_path: Path) -> None:
    """A file the user puts in the folder while the run writes its replacement is not deleted with the old folder:
    the swap is refused and the run's output discarded."""
    out = tmp_path / "report"
    out.mkdir()
    (out / "report.md").write_text("old", encoding="utf-8")

    def only_reports(folder: Path) -> str | None:
        foreign = [p.name for p in folder.iterdir() if p.name != "report.md"]
        return f"it holds {', '.join(foreign)}" if foreign else None

    with pytest.raises(OutputError, match=r"not replacing .*report: it holds notes\.txt; this run's output was "
                                          "discarded"), staged_folder(out, force=True, replaceable=only_reports) as tmp:
        (tmp / "report.md").write_text("new", encoding="utf-8")
        (out / "notes.txt").write_text("mine", encoding="utf-8")  # written while the run works
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "report.md"]
    assert (out / "report.md").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]  # no temporary left beside it


def test_tables_csv_flags_are_0_1_and_stata_keeps_long_names_as_labels(tmp_path: Path) -> None:
    frame = pd.DataFrame({"ccode1": [2, 20], "flag": [True, False], "maybe": pd.array([1, None], dtype="Int8"),
                          "a name longer than thirty-two characters": [0.5, 1.5], "text": ["x", None]})
    write_table(frame, tmp_path / "t.csv")
    lines = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert lines[1:] == ["2,1,1,0.5,x", "20,0,,1.5,"]
    write_table(frame, tmp_path / "t.dta")
    back = pd.read_stata(tmp_path / "t.dta")
    assert list(back.columns) == ["ccode1", "flag", "maybe", "a_name_longer_than_thirty_two_ch", "text"]
    assert back["flag"].tolist() == [1, 0] and pd.isna(back["maybe"][1]) and back["text"].tolist() == ["x", ""]
    with pd.io.stata.StataReader(tmp_path / "t.dta") as reader:
        labels = reader.variable_labels()
    assert labels["a_name_longer_than_thirty_two_ch"] == "a name longer than thirty-two characters"
    seeds = pd.DataFrame({"seed": [2**62 + 1, 5]})
    write_table(seeds, tmp_path / "seeds.dta")
    assert pd.read_stata(tmp_path / "seeds.dta")["seed"].tolist() == [str(2**62 + 1), "5"]  # not rounded
    clash = pd.DataFrame({"a b": [1], "a_b": [2]})
    with pytest.raises(OutputError, match="share the Stata name"):
        write_table(clash, tmp_path / "clash.dta")
    assert not (tmp_path / "clash.dta").exists()


def test_schema_and_save_overlay_are_atomic_and_never_overwrite(tmp_path: Path) -> None:
    schema = tmp_path / "schema.json"
    schema.write_text("mine", encoding="utf-8")
    proc = cli_line(["schema", "--out", str(schema)])
    assert proc.returncode == 2 and "--force" in proc.stderr and schema.read_text(encoding="utf-8") == "mine"
    proc = cli_line(["schema", "--out", str(schema), "--force"])
    assert proc.returncode == 0 and schema.read_text(encoding="utf-8").startswith("{")
    assert f"wrote the treaty JSON Schema to {schema}" in proc.stderr
    overlay = tmp_path / "whatif.yaml"
    overlay.write_text("mine", encoding="utf-8")
    proc = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-01-15", "--drop-treaty", "nato_1949",
                     "--save-overlay", str(overlay)])
    assert proc.returncode == 2 and overlay.read_text(encoding="utf-8") == "mine"
    overlay.unlink()
    proc = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-01-15", "--drop-treaty", "nato_1949",
                     "--save-overlay", str(overlay)])
    assert proc.returncode == 0 and "drop_treaty" in overlay.read_text(encoding="utf-8")
    assert f"to {overlay}" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schema.json", "whatif.yaml"]


def test_nothing_is_written_into_the_bundled_data(tmp_path: Path) -> None:
    """A stray --save-overlay into foedus/data/treaties was read as a bundled treaty by every later command (each
    failed: 'id: Field required'), and --force replaced a bundled file: an output there is refused, even through
    a link, and nothing is written."""
    import foedus

    bundled = Path(foedus.__file__).resolve().parent / "data"
    before = sorted(p.name for p in (bundled / "treaties").iterdir())
    (tmp_path / "link").symlink_to(bundled)
    for out in (bundled / "treaties" / "whatif.yaml", tmp_path / "link" / "treaties" / "whatif.yaml"):
        with (pytest.raises(OutputError, match=r"it is in foedus's bundled data \(.*\), which every command reads"),
              staged_file(out) as tmp):
            tmp.write_text("changes: []\n", encoding="utf-8")
    nato = bundled / "treaties" / "nato_1949.yaml"
    text = nato.read_bytes()
    model = bundled / "likely_model.json"  # a bundled file `schema --out` may name (a .json)
    model_text = model.read_bytes()
    proc = cli_line(["schema", "--out", str(model), "--force"])
    assert proc.returncode == 2 and proc.stderr == (f"error: cannot write {model}: it is in foedus's bundled data "
                                                    f"({bundled}), which every command reads; choose another path\n")
    proc = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-01-15", "--drop-treaty", "nato_1949",
                     "--save-overlay", str(tmp_path / "link" / "treaties" / "whatif.yaml")])
    assert proc.returncode == 2 and "bundled data" in proc.stderr, proc.stderr
    assert model.read_bytes() == model_text
    assert nato.read_bytes() == text and sorted(p.name for p in (bundled / "treaties").iterdir()) == before


def test_no_output_replaces_a_file_of_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """dyads --out $FOEDUS_DATA_DIR/cow_states/states2016.csv --force replaced the COW state list with a table of
    dyads (every command then refused the data folder as corrupt, and with no network it could not be fetched
    again): a dataset file of the registry, and the record of other versions, are refused as outputs, --force or
    not, even through a link; a new file beside them is still written, and the installers still write them."""
    data = tmp_path / "data"
    (data / "cow_states").mkdir(parents=True)
    states = data / "cow_states" / "states2016.csv"
    states.write_text("mine", encoding="utf-8")
    (tmp_path / "link").symlink_to(data)
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(data))
    for out in (states, tmp_path / "link" / "cow_states" / "states2016.csv", data / "foedus-other-versions.json",
                data / "atop" / "atop5_1m.csv"):
        with (pytest.raises(OutputError, match=r"is the dataset file .* of the data folder \(.*\), which foedus "
                                               r"reads; choose another path"),
              staged_file(out, force=True) as tmp):
            tmp.write_text("x", encoding="utf-8")
    proc = cli_line(["dyads", "--from", "1900", "--to", "1901", "--out", str(states), "--force"])
    assert proc.returncode == 2 and proc.stderr == (f"error: cannot write {states}: it is the dataset file "
                                                    f"cow_states/states2016.csv of the data folder ({data}), which "
                                                    "foedus reads; choose another path\n"), proc.stderr
    assert states.read_text(encoding="utf-8") == "mine"
    with staged_file(data / "cow_states" / "mine.json") as tmp:
        tmp.write_text("{}", encoding="utf-8")
    with staged_file(states, force=True, dataset=True) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert states.read_text(encoding="utf-8") == "new"


def test_save_overlay_writes_nothing_when_the_what_if_is_invalid(tmp_path: Path) -> None:
    overlay = tmp_path / "bad.yaml"
    proc = cli_line(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-06-01", "--add-member", "nato_1949:XXX",
                     "--save-overlay", str(overlay)])
    assert proc.returncode == 2 and proc.stderr.startswith("error: unknown state 'XXX'"), proc.stderr
    assert "wrote" not in proc.stderr and list(tmp_path.iterdir()) == []  # nothing written, no temporaries


@pytest.mark.parametrize("given", [[], ["--overlay", "{tmp}/none.yaml"]])
def test_save_overlay_with_no_change_writes_nothing(tmp_path: Path, given: list[str]) -> None:
    """--save-overlay with no what-if change (or only an overlay of none) wrote an overlay of no changes and said
    so, exit 0: an empty what-if is not one to keep, so it is refused, before any work, and nothing is written."""
    (tmp_path / "none.yaml").write_text("changes: []\n", encoding="utf-8")
    overlay = tmp_path / "whatif.yaml"
    proc = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", *(g.format(tmp=tmp_path) for g in given),
                     "--save-overlay", str(overlay)])
    said = (f"{tmp_path}/none.yaml: the overlay changes nothing (its list of changes is empty or missing): list a "
            "change, or leave the overlay out" if given else "--save-overlay: there is no what-if change to save "
            "(give --add-member, --remove-member, --drop-treaty, --set-strength, --set-scope, --add-treaty, or an "
            "--overlay with changes); nothing was written")
    assert proc.returncode == 2 and proc.stdout == "" and proc.stderr == f"error: {said}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["none.yaml"]


def test_outputs_get_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
        write_partitioned(pd.DataFrame({"a": [1], "k": [1]}), tmp_path / "parts", "k")
    finally:
        os.umask(mask)
    assert (tmp_path / "t.csv").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "parts").stat().st_mode & 0o777 == 0o755


@pytest.mark.needs_data
def test_a_failed_backtest_force_keeps_the_old_report_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.backtest import report
    from foedus.backtest.errors import BacktestError
    from foedus.cli.backtest_cmd import backtest

    out = tmp_path / "bt"
    backtest(out=out, first=1950, last=1950, draws=20, seed=1, force=False)
    # no file of the user's in it: --force refuses such a folder before the work (backtest refused it as a
    # BacktestError, which this test took for the failure of the write it means to test)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*_args: object) -> str:
        raise BacktestError("disk trouble while writing report.md")

    monkeypatch.setattr(report, "markdown", broken)
    with pytest.raises(BacktestError, match=r"disk trouble while writing report\.md"):
        backtest(out=out, first=1950, last=1950, draws=30, seed=2, force=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # old report whole, nothing mixed in
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bt"]


# `python -m foedus.cli ARGS` (cli/__main__.py) that writes "started" to stdout as the atlas starts its first year.
_SAYS_STARTED = textwrap.dedent("""\
    import sys
    import foedus.sweeps.atlas as atlas
    real = atlas.year_row
    def year_row(*args, **kwargs):
        if atlas.year_row is year_row:
            atlas.year_row = real
            print("started", flush=True)
        return real(*args, **kwargs)
    atlas.year_row = year_row
    sys.argv = ["foedus", *sys.argv[1:]]
    from foedus.cli.start import main
    main()
""")


@pytest.mark.needs_data
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_cli_run_says_so_and_leaves_nothing(tmp_path: Path, sig: signal.Signals, code: int) -> None:
    """The signal comes once the run has started its first year (the child says so on stdout), not after a fixed
    time: a fixed 3 s could end, on a loaded machine, before the command had started and set its handlers."""
    out = tmp_path / "yearly.parquet"
    proc = subprocess.Popen([sys.executable, "-c", _SAYS_STARTED, "atlas", "--from", "1816", "--to", "2018",
                             "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_interruptible)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "started"
    assert proc.poll() is None  # the yearly atlas of two centuries, both readings (~40 s): far from done
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=300)  # how fast it stops is not this test's question
    assert proc.returncode == code
    assert "Traceback" not in err and list(tmp_path.iterdir()) == []
    if sig == signal.SIGINT:
        assert err.strip() == "error: interrupted"


def _written_in_place(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the test then opens for writing (pathlib and `open` both go through `io.open`)."""
    import io

    opened: list[str] = []
    real = io.open

    def spy(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(file, str | os.PathLike) and any(c in mode for c in "wax+"):
            opened.append(os.path.basename(os.fspath(file)))
        return real(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", spy)
    return opened


def test_the_source_generators_publish_whole_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The generators of checked-in files (the JSON contract's docs and TypeScript, the runtime record modules)
    write through `staged_file` like every writer: the final name is never opened for writing, so a run stopped
    mid-write leaves the old file whole (a record module cut short would stop every `import foedus`)."""
    import foedus.model.records_gen as records_gen
    from foedus.engine import contract_gen

    (tmp_path / "docs").mkdir()
    (tmp_path / "web" / "src").mkdir(parents=True)
    (tmp_path / "docs" / "json-contract.md").write_text("old", encoding="utf-8")
    monkeypatch.setattr(records_gen, "OUT_DIR", tmp_path)
    opened = _written_in_place(monkeypatch)
    contract_gen.main(tmp_path)
    assert opened and {"json-contract.md", "contract.ts"}.isdisjoint(opened), opened
    records_gen.main()
    assert {"record_types.py", "record_decoders.py", "place_decoders.py"}.isdisjoint(opened), opened
    assert (tmp_path / "docs" / "json-contract.md").read_text(encoding="utf-8") == contract_gen.markdown()
    assert (tmp_path / "record_types.py").read_text(encoding="utf-8") == (
        ROOT / "src" / "foedus" / "model" / "record_types.py").read_text(encoding="utf-8")
    assert not [p for p in tmp_path.rglob(f"*{TMP_SUFFIX}")]


@pytest.mark.parametrize(("frame", "suffix", "said"), [
    (pd.DataFrame(), ".dta", "a Stata file holds at least one column, and the table has none"),
    (pd.DataFrame([[1, 2]], columns=["a", "a"]), ".csv", "the column name(s) 'a' are given twice"),
    (pd.DataFrame([[1, 2]], columns=["a", "a"]), ".dta", "the column name(s) 'a' are given twice"),
    (pd.DataFrame({"a": [1 + 2j]}), ".parquet", "('Unsupported numpy type 15'"),
    (pd.DataFrame({"a": [1 + 2j]}), ".dta", "Data type complex128 not supported."),
    (pd.DataFrame({"d": pd.to_datetime(["2020-01-01"]).tz_localize("UTC")}), ".dta", "Data type datetime64"),
    (None, ".csv", "expected a pandas DataFrame, not nothing"),
])
def test_a_table_no_file_of_its_format_holds_is_refused_in_one_line(tmp_path: Path, frame: object, suffix: str,
                                                                    said: str) -> None:
    """write_table failed in its writers' own words, a traceback: a Stata file of no column (IndexError in numpy,
    which foedus backtest met when it scored no war), a column name given twice (AttributeError in pandas, CSV and
    Stata), a column of complex numbers or of time-zone-aware times (NotImplementedError in pandas and pyarrow), a
    value that is no frame (AttributeError). Each is an OutputError naming the file and the problem; nothing is left."""
    out = tmp_path / f"t{suffix}"
    with pytest.raises(OutputError) as caught:
        write_table(frame, out)  # type: ignore[arg-type]
    assert str(caught.value).startswith(f"cannot write {out} as {suffix[1:]}: {said}")
    assert "\n" not in str(caught.value) and list(tmp_path.iterdir()) == []
