"""The fast reader (`foedus.cli.fast`) against typer: the same command line gives the command body the same
arguments, the same output and the same failures, or it is left to typer."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer

from foedus.cli.fast import parse, prepare

FLAGSHIP = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast"]

READ = [  # lines the fast reader reads itself
    [*FLAGSHIP, "--json"],
    [*FLAGSHIP, "--format", "csv", "--cite"],
    ["cascade", "--attacker=UKR,POL", "--target", "RUS", "--target", "BLR", "--date=2025-06-01", "--no-request"],
    ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--reading", "escalatory", "--draws", "100", "--seed",
     "0", "--request", "--json"],
    ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--add-member", "rus_prk_2024:IRN", "--add-member",
     "nato_1949:SWE", "--drop-treaty", "chn_prk_1961", "--set-strength", "nato_1949:5=S1"],
    ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--treaties", "a.yaml", "--treaties", "b.yaml",
     "--add-treaty", "c.yaml", "--overlay", "o.yaml", "--save-overlay", "s.yaml", "--likely-model", "m.json"],
    ["cascade", "-d", "2025-06-01", "-t", "EST", "-a", "RUS", "--likelihood", "--honour", "empirical",
     "--ongoing-since", "2024-02-24", "--severity", "incident", "--territory-view", "claimant", "--basis", "signed",
     "--unresolved", "unmet", "--decisions", "pending", "--target-kind", "forces", "--seed", "9223372036854775807"],
]

LEFT_TO_TYPER = [  # help, errors and anything the reader would have to guess at
    ["cascade", "--help"], [*FLAGSHIP, "-h"], ["cascad", "-a", "UKR"], ["--json", *FLAGSHIP],
    ["cascade", "-aUKR", "-t", "RUS", "-d", "2025-01-15"], [*FLAGSHIP, "--draws", "0"], [*FLAGSHIP, "--draws", "-1"],
    [*FLAGSHIP, "--draws", "1e3"], [*FLAGSHIP, "--draws", "007"], [*FLAGSHIP, "--draws", "10000001"],
    [*FLAGSHIP, "--seed", "9" * 20], [*FLAGSHIP, "--json", "--json"], [*FLAGSHIP, "--date", "2025-01-16"],
    [*FLAGSHIP, "--json=1"], [*FLAGSHIP, "--reading", ""], [*FLAGSHIP, "--reading", "-x"], [*FLAGSHIP, "--draws"],
    [*FLAGSHIP, "extra"], [*FLAGSHIP, "--"], [*FLAGSHIP, "--nope"],
    [*FLAGSHIP, "--plac", "x"], [*FLAGSHIP, "-z"], [*FLAGSHIP, "-"], ["states"], ["treaties", "list"],
]


def _typer_body(seen: list[tuple[dict[str, Any], dict[str, Any]]]) -> Any:
    """A stand-in for the body that typer runs, keeping what it is handed but the command's option names: the
    typer command alone hands it those (for `--honour`'s check; the fast reader reads no option's name as a value)."""

    def body(inputs: dict[str, Any], *, options: list[str], **own: Any) -> None:
        assert {"-t", "--honour", "--json"} <= set(options)
        seen.append((inputs, own))

    return body


def _typer_call(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, Any], dict[str, Any]]:
    """What typer hands the body of `argv`'s command (the body replaced, so nothing runs)."""
    import foedus.cli.cascade_cmd as body
    from foedus.cli.app import app
    from foedus.cli.entry import run_cli

    seen: list[tuple[dict[str, Any], dict[str, Any]]] = []
    monkeypatch.setattr(body, "cascade", _typer_body(seen))
    assert run_cli(app, argv) == 0 and len(seen) == 1, argv
    return seen[0]


def test_the_table_is_the_typer_app_s() -> None:
    from foedus.cli.fast_gen import TABLE_FILE, generate, render

    assert TABLE_FILE.read_text(encoding="utf-8") == render(generate()), (
        "the typer options changed: run `python -m foedus.cli.fast_gen`")


@pytest.mark.parametrize("argv", READ, ids=lambda a: " ".join(a[1:5]))
def test_a_line_it_reads_gives_the_body_what_typer_gives(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    found = parse(argv)
    assert found is not None, argv
    target, inputs, own = found
    assert target == "foedus.cli.cascade_cmd:cascade"
    typer_inputs, typer_own = _typer_call(argv, monkeypatch)
    assert (inputs, own) == (typer_inputs, typer_own)
    both = zip([*inputs.values(), *own.values()], [*typer_inputs.values(), *typer_own.values()], strict=True)
    assert all(type(v) is type(w) for v, w in both)  # equal and of one type: 1 and True, or str and Path, differ


def _random_line(rng: random.Random, plain: bool) -> list[str]:
    """A `foedus cascade` line of random options in random order and spelling; unless `plain`, with doubtful
    values, repeats and attached values to flags among them."""
    from foedus.cli.fast import Param
    from foedus.cli.fast_table import COMMANDS

    good = {"str": ["UKR", "RUS,BLR", "kursk-oblast", "2025-01-15", "x y", "é", "="], "path": ["a.yaml", "dir/b.yaml"],
            "int": ["1", "42", "10000000"]}
    odd = {"str": ["--json", "-1", ""], "path": ["", "-"], "int": ["0", "10000001", "007", "1e3", "-5", "9" * 25]}
    pairs = []
    for p in (Param(*row) for row in COMMANDS["cascade"]["params"]):
        times = 1 if p.required else rng.choice([0, 0, 1])
        if not plain and rng.random() < 0.1:
            times = rng.choice([0, 2])
        for _ in range(times + (rng.choice([0, 1]) if p.many else 0)):
            name = rng.choice([*p.flags, *p.off]) if p.flag else rng.choice(p.flags)
            if p.flag:
                pairs.append([name + "=1" if not plain and rng.random() < 0.2 else name])
                continue
            value = rng.choice(odd[p.kind] if not plain and rng.random() < 0.3 else good[p.kind])
            pairs.append([f"{name}={value}"] if name.startswith("--") and rng.random() < 0.3 else [name, value])
    rng.shuffle(pairs)
    return ["cascade", *(t for pair in pairs for t in pair)]


@pytest.mark.slow  # 300 lines through typer: about 8 s
def test_random_lines_it_reads_give_the_body_what_typer_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    import foedus.cli.cascade_cmd as body
    from foedus.cli.app import app
    from foedus.cli.entry import run_cli

    rng = random.Random(1815)
    seen: list[tuple[dict[str, Any], dict[str, Any]]] = []
    monkeypatch.setattr(body, "cascade", _typer_body(seen))
    read = 0
    for i in range(300):
        argv = _random_line(rng, plain=i % 2 == 0)
        found = parse(argv)
        seen.clear()
        code = run_cli(app, argv)
        if found is None:
            assert i % 2 == 1, argv  # a plain line is read
            continue  # typer reads it, as it always has
        read += 1
        assert code == 0 and seen == [found[1:]], argv
        assert all(type(v) is type(w) for v, w in zip([*found[1].values(), *found[2].values()],
                                                       [*seen[0][0].values(), *seen[0][1].values()], strict=True))
    assert read >= 150  # every plain line, and some of the others


@pytest.mark.parametrize("argv", [["batch", "s.csv", "--out", "o.parquet"],
                                  ["batch", "--force", "--out=o.csv", "s.csv"],
                                  ["batch", "dir/s.jsonl", "--out", "o.csv", "--force"]], ids=" ".join)
def test_a_batch_line_gives_its_body_what_typer_gives(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A command's argument (`foedus batch SCENARIOS`) is read by its place on the line, as typer reads it."""
    import foedus.cli.batch_run as body
    from foedus.cli.app import app
    from foedus.cli.entry import run_cli

    found = parse(argv)
    assert found is not None and found[0] == "foedus.cli.batch_run:run_batch"
    seen: list[tuple[dict[str, Any], dict[str, Any]]] = []
    monkeypatch.setattr(body, "run_batch", lambda inputs, **own: seen.append((inputs, own)))
    assert run_cli(app, argv) == 0 and seen == [found[1:]]
    assert all(type(v) is type(w) for v, w in zip(found[2].values(), seen[0][1].values(), strict=True))


@pytest.mark.parametrize("argv", [["batch", "a.csv", "b.csv", "--out", "o.csv"], ["batch", "--out", "o.csv"],
                                  ["batch", "-", "--out", "o.csv"], ["batch", "a.csv", "--out", "o.csv", "--help"],
                                  ["batch", "", "--out", "o.csv"]],
                         ids=" ".join)
def test_a_doubtful_batch_line_is_left_to_typer(argv: list[str]) -> None:
    assert parse(argv) is None


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_help_errors_and_doubtful_lines_are_left_to_typer(argv: list[str]) -> None:
    assert parse(argv) is None and prepare(argv) is None


@pytest.mark.parametrize("argv", [
    [*FLAGSHIP, "--json"], [*FLAGSHIP, "--format", "csv"], FLAGSHIP,
    ["cascade", "-a", "XXX", "-t", "RUS", "-d", "2025-01-15", "--json"],  # an unknown state: one line, exit 2
    ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-02-30"],  # an impossible date
    [*FLAGSHIP, "--format", "xml"], [*FLAGSHIP, "--reading", "wishful", "--json"],
    [*FLAGSHIP, "--add-member", "nato_1949", "--json"],  # a malformed what-if
    ["cascade"], ["cascade", "-t", "RUS", "-d", "2025-01-15"],  # no attacker, and no --scenario file to give one
], ids=lambda a: " ".join(a[1:]))
def test_both_ways_print_and_fail_alike(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from foedus.cli.app import app
    from foedus.cli.entry import run_cli

    command = prepare(argv)
    assert command is not None
    fast = (command(), *capsys.readouterr())
    assert fast == (run_cli(app, argv), *capsys.readouterr())
    assert fast[0] in (0, 2) and (fast[0] == 0 or len(fast[2].splitlines()) == 1)


def test_the_console_script_reads_the_flagship_without_typer(tmp_path: Path) -> None:
    code = ("import atexit, sys\nfrom foedus.cli.start import main\nsys.argv = ['foedus', *sys.argv[1:]]\n"
            "atexit.register(lambda: sys.stderr.write(repr(sorted(m for m in sys.modules\n"
            "                                                     if m.split('.')[0] in ('typer', 'click')))))\n"
            "main()")  # checked at exit: the process ends at once after the line (`failures.leave`)
    proc = subprocess.run([sys.executable, "-c", code, *FLAGSHIP, "--json", "--drop-treaty", "csto_1992",
                           "--save-overlay", str(tmp_path / "o.yaml")],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "[]"
    assert "PRK" in json.loads(proc.stdout)["sides"]["defense"]
    assert (tmp_path / "o.yaml").exists()
    helped = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "--help"], capture_output=True, text=True,
                            env=os.environ.copy(), timeout=120)
    assert helped.returncode == 0 and "--attacker" in helped.stdout


def test_the_generator_refuses_an_option_it_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import foedus.cli.fast_gen as gen
    from foedus.cli.app import app

    probe = typer.Typer()

    @probe.command()
    def cascade(name: Annotated[str, typer.Option(envvar="FOEDUS_NAME")] = "x") -> None:
        """A command whose option also reads an environment variable."""

    @probe.command()
    def other() -> None:
        """A second command, so that the app is a group."""

    monkeypatch.setattr(app, "registered_commands", probe.registered_commands)
    monkeypatch.setattr(app, "registered_groups", [])
    with pytest.raises(SystemExit, match="envvar"):
        gen.generate()


def test_a_plain_flagship_line_imports_only_what_it_needs() -> None:
    """The plain flagship (no what-if) needs neither typer, nor pydantic (it runs on runtime records), nor
    `dataclasses` with `inspect` (its records are `foedus.datarecord`'s), nor what only CSV output, ATOP's
    import from its file or month arithmetic would bring (`csv`, `foedus.sources.atop`, `calendar`), nor
    `threading` (the file-hash record's lock is `_thread`'s), the table writers (`foedus.outputs.tables`,
    `.coded`), the folder swap (`foedus.outputs.swap`), `difflib` (the hint for an unknown field) or the words of
    state names (`foedus.model.state_names`: codes are looked up without them): a start pays for each. Checked in an
    exit handler: the process ends at once after it."""
    code = ("import atexit, sys\nfrom foedus.cli.start import main\nsys.argv = ['foedus', *sys.argv[1:]]\n"
            "atexit.register(lambda: sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] in (\n"
            "    'typer', 'click', 'pydantic', 'pydantic_core')\n"
            "    or m in ('csv', 'calendar', 'foedus.sources.atop', 'dataclasses', 'inspect', 'threading',\n"
            "             'foedus.outputs.tables', 'foedus.outputs.coded', 'foedus.model.state_names',\n"
            "             'foedus.outputs.swap', 'difflib')))))\n"
            "main()")
    for _ in range(2):  # the second run with every cache warm, as a user's start is
        proc = subprocess.run([sys.executable, "-c", code, *FLAGSHIP, "--json"], capture_output=True, text=True,
                              env=os.environ.copy(), timeout=120)
        assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "[]"


def test_the_package_itself_imports_no_typing() -> None:
    """`import foedus`, which runs before the console's start pauses the collector (`python -m foedus.cli` and the
    `foedus` script both import the package first), leaves `typing`, `re` and `enum` to the start's paused imports:
    imported with the collector on, they set off about a millisecond of collections (`re`, which `foedus.errors`
    imported at its top from 18f1d42 on, set off a young and a second-generation one)."""
    code = ("import sys, foedus\nprint(sorted(m for m in ('typing', 're', 'enum', 'foedus.api') if m in sys.modules),"
            " foedus.World)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy(),
                          timeout=120)
    assert proc.stdout.split()[0] == "[]", proc.stdout + proc.stderr


def test_the_console_script_ends_a_plain_line_without_the_interpreters_exit() -> None:
    """After one plain cascade the process ends at once (`os._exit`, from `failures.leave(at_once=True)`): the exit
    handlers run first and every line is flushed, but the interpreter's own exit, which frees what the run left
    (about 1.5 ms of each start), is skipped. Typer's route, and a process with a thread still running (waited
    for, as before), exit as usual. The thread runs until a second after the run starts to leave, however long the
    cascade took (a fixed 0.3 s ended before a cascade slowed by a loaded machine, which then left at once)."""
    code = ("import atexit, os, sys, threading, time\nfrom foedus.cli.start import main\n"
            "real = os._exit\nos._exit = lambda c: (os.write(2, b'at once\\n'), real(c))\n"
            "atexit.register(lambda: sys.stderr.write('exit handler ran\\n'))\n"
            "import foedus.cli.failures as failures\nleaving = threading.Event()\nreal_leave = failures.leave\n"
            "failures.leave = lambda *a, **k: (leaving.set(), real_leave(*a, **k))\n"
            "if os.environ.get('THREAD'):\n"
            "    threading.Thread(target=lambda: (leaving.wait(), time.sleep(1.0), os.write(2, b'thread done\\n'))"
            ").start()\n"
            "sys.argv = ['foedus', *sys.argv[1:]]\nmain()")
    for extra, thread, at_once in (([], "", True), (["--bogus"], "", False), ([], "1", False)):
        proc = subprocess.run([sys.executable, "-c", code, *FLAGSHIP, "--json", *extra], capture_output=True,
                              text=True, env={**os.environ, "THREAD": thread}, timeout=120)
        assert "exit handler ran" in proc.stderr
        assert ("at once" in proc.stderr) is at_once, proc.stderr
        assert ("thread done" in proc.stderr) is bool(thread)
        if extra:
            assert proc.returncode == 2
        else:
            assert proc.returncode == 0, proc.stderr
            assert "PRK" in json.loads(proc.stdout)["sides"]["defense"]  # flushed whole


@pytest.mark.parametrize(("extra", "expected"), [([], True), (["--json", "--cite"], True),
                                                 (["--add-member", "nato_1949:UKR"], False),
                                                 (["--treaties", "my_pact.yaml"], False),
                                                 (["--set-strength", "nato_1949:5=S1"], False)])
def test_only_a_line_of_the_bundled_world_runs_on_records(monkeypatch: pytest.MonkeyPatch, extra: list[str],
                                                          expected: bool) -> None:
    """Runtime records stand in for the bundled world's validated models; treaty files, overlays and what-if
    changes are the schema's to validate, so a line that brings any runs on the models."""
    from foedus.model import records

    for asked in (False, True):
        monkeypatch.setattr(records, "_ON", [False])
        assert prepare([*FLAGSHIP, *extra], records=asked) is not None
        assert records.records_on() is (asked and expected)
