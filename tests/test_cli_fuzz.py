"""Every bad input gets one line and exit code 2: some 550 generated bad invocations across all subcommands.

Each invocation is run in-process by `samples.cli_line`, through the console entry point's route
(`foedus.cli.start.run_line`: the fast reader when it reads the line, else typer), in a working folder holding
files a user might have; a handful also run as real subprocesses (a named pipe must not hang, the error handler
must not crash). Every one must exit 2 with exactly one line on stderr (`error: ...`, a stray warning counting as a
line), no traceback, nothing on stdout but the JSON error object when --json is given, and leave every file in the
working folder as it was. Nothing here can reach the network:
`data fetch` goes to a closed loopback port at most, and every `serve` invocation is refused before it binds.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from samples import GOOD_TREATY, cli_line

N_CASES = 620  # all of them today (some 600); the cap keeps the test's time bounded as the lists grow
SEED = 17
HUGE = "9" * 5000


def _treaty(**changes: str) -> str:
    text = GOOD_TREATY
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


# Treaty files that `treaties validate` (and --treaties, --add-treaty) must refuse.
BAD_TREATIES = {
    "dup_key.yaml": GOOD_TREATY + "name: Again\n",
    "nonmember_obligor.yaml": _treaty(**{"strength: S2}": "strength: S2, obligors: [BRA]}"}),
    "nonmember_beneficiary.yaml": _treaty(**{"strength: S2}": "strength: S2, beneficiaries: [USA]}"}),
    "nonmember_suspension.yaml": _treaty(**{"strength: S2}": "strength: S2, suspensions: [{obligor: CHL, "
                                                             "beneficiary: PER, span: {start: 2021-01-01}}]}"}),
    "dup_member.yaml": _treaty(**{"{state: ARG}]": "{state: ARG}, {state: CHL}]"}),
    "replaces_self.yaml": GOOD_TREATY + "replaces: [my_pact]\n",
    "replaces_nothing.yaml": GOOD_TREATY + "replaces: [no_such_pact]\n",
    "bundled_id.yaml": _treaty(**{"id: my_pact": "id: nato_1949"}),
    "atop_id.yaml": _treaty(**{"id: my_pact": "id: atop_3355"}),  # would stand in for that ATOP alliance unsaid
    "huge_atop.yaml": GOOD_TREATY + f"atop_ids: [{HUGE}]\n",
    "big_atop.yaml": GOOD_TREATY + "atop_ids: [123456789]\n",
    "markup.yaml": _treaty(**{"name: My pact": "name: '[/bold][link=x]pact'", "id: my_pact": "id: my_pact"})
    + "signed: 2020-13-01\n",
    "not_yaml.yaml": "id: [unclosed\n",
    "list.yaml": "- 1\n- 2\n",
    "binary.yaml": "\udcff",  # written as bytes below
    "empty.yaml": "",
    "bad_date.yaml": _treaty(**{"signed: 2020-01-01": "signed: 2020-02-30"}),
    "joined_early.yaml": _treaty(**{"{state: ARG}]": "{state: ARG, joined: 1700-05-01}]"}),  # before the signing
    "signed_early.yaml": _treaty(**{"{state: ARG}]": "{state: ARG, signed: 1700-05-01}]"}),
    "signed_late.yaml": _treaty(**{"signed: 2020-01-01": "signed: 2150-01-01", "in_force: 2020-02-01": ""}),
    "in_force_late.yaml": _treaty(**{"in_force: 2020-02-01": "in_force: 2150-02-01"}),
}


def _snapshot(root: Path) -> dict[str, tuple[int, str]]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and not p.is_symlink():
            out[str(p.relative_to(root))] = (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        elif not p.is_file():
            out[str(p.relative_to(root))] = (0, "dir" if p.is_dir() else "other")
    return out


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder with the kinds of files a user has: treaties good and bad, outputs, a folder, a pipe."""
    root = tmp_path_factory.mktemp("fuzz")
    (root / "good.yaml").write_text(GOOD_TREATY, encoding="utf-8")
    for name, text in BAD_TREATIES.items():
        if name == "binary.yaml":
            (root / name).write_bytes(b"\xff\xfe\x00garbage")
        else:
            (root / name).write_text(text, encoding="utf-8")
    (root / "exists.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (root / "exists.png").write_bytes(b"\x89PNG")
    (root / "series.csv").write_text("not,a,series\n1,2,3\n", encoding="utf-8")
    (root / "garbage.parquet").write_bytes(b"PAR1 not really")
    (root / "folder").mkdir()
    (root / "folder.yaml").mkdir()
    (root / "emptydir").mkdir()
    (root / "corrupt.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    (root / "encrypted.zip").write_bytes(_encrypted_zip())
    (root / "unknown.csv").write_text("x,y\n", encoding="utf-8")
    (root / "honour_list.yaml").write_text("era: [1, 2]\n", encoding="utf-8")
    (root / "honour_bad.yaml").write_text("era:\n  modern: [1, 2]\n", encoding="utf-8")
    (root / "overlay_bad.yaml").write_text("changes: [{op: explode}]\n", encoding="utf-8")
    os.mkfifo(root / "pipe.yaml")
    return root


def _encrypted_zip() -> bytes:
    """A zip whose one member is flagged as encrypted (the general-purpose flag's bit 0)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("states2016.csv", "stateabb,ccode\n")
    data = bytearray(buf.getvalue())
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        data[at + offset] |= 0x01
    return bytes(data)


STATES_BAD = ["Narnia", "[bold]x[/]", HUGE, "ÜKR", "POL,Atlantis", "12345", "-"]
DATES_BAD = ["2025-13-01", "2025-02-30", "yesterday", "1700-01-01", "99999-01-01", "", HUGE, "2025-1-1x"]
INTS_BAD = ["-1", "abc", HUGE, "1e3", "", "0x10", "1.5"]
CHOICES_BAD = ["wild", "", "[red]x", "LEGAL ", HUGE[:100]]
PATHS_BAD = ["missing.yaml", "/nonexistent/dir/x.yaml", "folder", "pipe.yaml", "emptydir", "binary.yaml",
             "not_yaml.yaml", "list.yaml", "empty.yaml", "folder.yaml", *BAD_TREATIES]
OUTS_BAD = ["exists.csv", "folder", "x.txt", "exists.png"]

# command -> (a valid base invocation, {option: kinds of bad values it gets})
SPEC: dict[str, tuple[list[str], dict[str, list[str]]]] = {
    "cascade": (["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15"], {
        "--attacker": STATES_BAD, "--target": STATES_BAD, "--date": DATES_BAD, "--place": ["atlantis", "[red]x", HUGE],
        "--target-kind": CHOICES_BAD, "--reading": CHOICES_BAD, "--basis": CHOICES_BAD,
        "--territory-view": CHOICES_BAD, "--unresolved": CHOICES_BAD, "--treaties": PATHS_BAD,
        "--draws": [*INTS_BAD, "0", "99999999999"], "--add-member": ["nato_1949", "nato_1949:Narnia", "x:USA", ":"],
        "--remove-member": ["nato_1949:CHN", "nope"], "--drop-treaty": ["no_such", ""],
        "--add-treaty": PATHS_BAD, "--set-strength": ["nato_1949:5=S9", "nato_1949:99=S1", "x"],
        "--set-scope": ["nato_1949:5=moon:x", "nato_1949:5"], "--overlay": [*PATHS_BAD, "overlay_bad.yaml"],
    }),
    "cascade_mc": (["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "10"], {
        "--seed": ["-1", HUGE, "abc", str(2**63)], "--honour": [*PATHS_BAD[:6], "honour_list.yaml", "honour_bad.yaml"],
        "--draws": ["0", "-5", "10000001"],
    }),
    "treaties list": (["treaties", "list"], {"--date": DATES_BAD, "--treaties": PATHS_BAD}),
    "treaties show": (["treaties", "show", "nato_1949"], {"--treaties": PATHS_BAD}),
    "states": (["states"], {"--date": DATES_BAD}),
    "places": (["places"], {}),
    "schema": (["schema"], {"--out": ["exists.csv", "folder", "/nonexistent/dir/s.json"]}),
    "cite": (["cite"], {}),
    "dyads": (["dyads", "--from", "1900", "--to", "1901", "--out", "new.csv"], {
        "--from": [*INTS_BAD, "1700", "3000"], "--to": [*INTS_BAD, "1800"], "--out": OUTS_BAD,
        "--system": CHOICES_BAD}),
    "similarity": (["similarity", "--from", "1900", "--to", "1901", "--out", "new.csv"], {
        "--from": [*INTS_BAD, "1700"], "--to": [*INTS_BAD, "2019"], "--out": OUTS_BAD}),
    "atop-check": (["atop-check"], {}),
    "compare": (["compare", "-d", "2025-01-15", "-a", "UKR", "-t", "RUS", "--date2", "2024-08-06"], {
        "--date": DATES_BAD, "--date2": DATES_BAD, "--attacker": STATES_BAD, "--target": STATES_BAD,
        "--reading": CHOICES_BAD, "--drop-treaty": ["no_such"], "--add-treaty": PATHS_BAD}),
    "atlas": (["atlas", "--date", "2025-01-01", "--out", "new.parquet"], {
        "--date": DATES_BAD, "--out": OUTS_BAD, "--reading": CHOICES_BAD, "--workers": ["0", "-1", HUGE],
        "--scheduler": ["", "tcp://", "ftp://127.0.0.1:1", "127.0.0.1:99999", "a b"],
        "--draws": ["0", "-1", "1000001", *INTS_BAD], "--backend": ["cuda9", ""], "--basis": CHOICES_BAD,
        "--unresolved": CHOICES_BAD, "--decisions": CHOICES_BAD, "--severity": CHOICES_BAD}),
    "atlas-plot": (["atlas-plot", "series.csv", "--out", "new.png"], {"--out": ["exists.png", "x.pdf", "folder"]}),
    "backtest": (["backtest", "--out", "newdir"], {
        "--from": [*INTS_BAD, "1700", "3000"], "--to": INTS_BAD, "--draws": ["0", "-1", "9999999", *INTS_BAD],
        "--seed": ["-1", HUGE], "--out": ["exists.csv"]}),
    "serve": (["serve", "--host", "8.8.8.8", "--no-browser"], {"--port": ["65536", "70000", "-1", "abc", HUGE],
                                                              "--host": ["8.8.8.8", "0.0.0.0", "example.com"]}),
    "data status": (["data", "status"], {}),
    "data path": (["data", "path"], {}),
    "data fetch": (["data", "fetch", "no_such_dataset"], {"--mirror": ["", "  ", "ftp://x", "not a url"]}),
    "data import": (["data", "import", "corrupt.zip"], {}),
    "demo": (["demo"], {}),
}

# Invocations that are wrong as a whole (positionals, combinations, missing pieces).
WHOLE_BAD: list[list[str]] = [
    ["cascade", "-a", "UKR", "-t", "RUS"], ["cascade", "-t", "RUS", "-d", "2025-01-15"],
    ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--seed", "1"],
    ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--honour", "good.yaml"],
    ["cascade", "-a", "RUS", "-t", "RUS", "-d", "2025-01-15"], ["cascade", "-a", "UKR", "-t", "RUS", "-d"],
    ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "crimea"],
    ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--save-overlay", "good.yaml", "--drop-treaty",
     "nato_1949"],
    ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--treaties", "good.yaml", "--treaties", "good.yaml"],
    ["treaties", "show", "natoo"], ["treaties", "show", "[bold]x[/bold]"], ["treaties", "show"],
    ["treaties", "show", "a", "b"], ["treaties", "validate", "emptydir"], ["treaties", "validate", "missing.yaml"],
    ["treaties", "validate", "folder.yaml"], ["treaties", "validate", "pipe.yaml"],
    *[["treaties", "validate", name] for name in BAD_TREATIES],
    ["treaties", "validate", "good.yaml", "good.yaml"], ["treaties", "frobnicate"],
    ["states", "Narnia"], ["states", "Congo", "--date", "2020-01-01"], ["states", "a", "b"],
    ["places", "--regions", "--homes"], ["places", "extra"],
    ["cite", "no_such_dataset"], ["cite", "atop", "nope"],
    ["dyads", "--from", "1901", "--to", "1900", "--out", "new.csv"], ["dyads", "--from", "1900", "--out", "new.csv"],
    ["similarity", "--from", "1950", "--to", "1900", "--out", "new.csv"],
    ["atop-check", "extra"], ["atop-check", "--json", "--bogus"],
    ["compare", "-d", "2025-01-15", "-a", "UKR", "-t", "RUS"], ["compare", "-d", "2025-01-15", "--date2", "2024-01-01"],
    ["compare", "-d", "2025-01-15", "--date2", "2024-01-01", "--watch", "USA"],
    ["compare", "-d", "2025-01-15", "--date2", "2024-01-01", "--atlas", "-a", "UKR"],
    ["compare", "-d", "2025-01-15", "--date2", "2024-01-01", "--atlas", "--against", "RUS"],
    ["compare", "-d", "2025-01-15", "--date2", "2024-01-01", "--atlas", "--watch", "Narnia"],
    ["compare", "-d", "2024-01-01", "--date2", "2025-01-01", "--atlas", "--watch", "USA"],  # a count always 0
    ["compare", "-d", "2024-01-01", "--date2", "2025-01-01", "--atlas", "--watch", "USA", "--against", "RUS,usa"],
    ["compare", "-d", "2024-01-01", "--date2", "2025-01-01", "--atlas", "--watch", ""],  # was ignored: exit 0
    ["compare", "-d", "2024-01-01", "--date2", "2025-01-01", "--atlas", "--watch", " ", "--against", "RUS"],
    ["compare", "-d", "2024-01-01", "--date2", "2025-01-01", "--atlas", "--watch", "USA", "--against", ","],
    ["atlas", "--out", "new.csv"], ["atlas", "--date", "1815-07-01", "--out", "new.csv"],
    ["atlas", "--date", "1815-07-01", "--draws", "5", "--out", "new.csv"],
    ["compare", "-d", "1815-06-01", "--date2", "1816-06-01", "--atlas"],
    ["atlas", "--date", "2025-01-01", "--from", "1900", "--to", "1901", "--out", "n.csv"],
    ["atlas", "--date", "2025-01-01", "--seed", "1", "--out", "new.csv"],
    ["atlas", "--date", "2025-01-01", "--scheduler", "local", "--out", "new.csv"],
    ["atlas", "--from", "1900", "--to", "1901", "--draws", "10", "--out", "new.csv"],
    ["atlas", "--from", "1900", "--to", "1901", "--workers", "3", "--out", "new.csv"],
    ["atlas", "--from", "1901", "--to", "1900", "--out", "new.csv"],
    ["atlas-plot", "missing.csv", "--out", "new.png"], ["atlas-plot", "series.csv", "--out", "new.png"],
    ["atlas-plot", "pipe.yaml", "--out", "new.png"], ["atlas-plot", "folder", "--out", "new.png"],
    ["atlas-plot", "garbage.parquet", "--out", "new.png"], ["atlas-plot", "binary.yaml", "--out", "new.png"],
    ["backtest", "--out", "exists.csv"], ["backtest", "--from", "1990", "--to", "1980", "--out", "newdir"],
    ["backtest", "--from", "2010", "--to", "2011", "--out", "newdir"],
    ["serve", "--port", "65536"], ["serve", "--host", "", "--no-browser"],
    ["data", "import"], ["data", "import", "missing.zip"], ["data", "import", "corrupt.zip"],
    ["data", "import", "encrypted.zip"], ["data", "import", "emptydir"], ["data", "import", "unknown.csv"],
    ["data", "import", "pipe.yaml"], ["data", "fetch", "nope"], ["data", "fetch", "--mirror", ""],
    ["data", "status", "extra"], ["data", "path", "extra"], ["data", "frobnicate"], ["data", "status", "--bogus"],
    ["frobnicate"], ["--bogus"], ["demo", "extra"], ["schema", "extra"], ["schema", "--out", "exists.csv"],
]


def _cases() -> list[list[str]]:
    """The fixed list plus seeded mutations of each command's valid base invocation."""
    rng = random.Random(SEED)
    generated: list[list[str]] = []
    for base, options in SPEC.values():
        for option, values in options.items():
            for value in values:
                generated.append([*base, option, value])
        generated.append([*base, "--no-such-option"])
        generated.append([*base, "--json", "--no-such-option"])
    rng.shuffle(generated)
    cases = WHOLE_BAD + generated
    cases = cases[:N_CASES]
    for i in range(0, len(cases), 7):  # some with --json: the error must then also be a JSON object on stdout
        if "--json" not in cases[i] and cases[i][0] in ("cascade", "states", "places", "atop-check", "compare"):
            cases[i] = [*cases[i], "--json"]
    return cases


CASES = _cases()


@contextlib.contextmanager
def _in(folder: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


def _check(args: list[str], code: int, out: str, err: str) -> None:
    shown = " ".join(a if len(a) < 40 else a[:20] + "…" for a in args)
    assert code == 2, f"foedus {shown}: exit {code}\n{err}"
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), f"foedus {shown}: stderr {err!r}"
    assert "Traceback" not in err and "Traceback" not in out
    assert len(lines[0]) <= 420, f"foedus {shown}: error line of {len(lines[0])} characters"
    if "--json" in args:
        assert json.loads(out) == {"ok": False, "error": lines[0].removeprefix("error: "), "status": 2}
    else:
        assert out == "", f"foedus {shown}: stdout {out[:200]!r}"


def test_generated_bad_invocations_get_one_line_and_exit_2(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOEDUS_DATA_MIRROR", "http://127.0.0.1:9/")  # closed port: nothing leaves the machine
    assert len(CASES) >= 500
    before = _snapshot(folder)
    failures = []
    with _in(folder):
        for args in CASES:
            try:
                _check(args, *cli_line(args))
            except AssertionError as exc:
                failures.append(str(exc).splitlines()[0] + " " + " | ".join(str(exc).splitlines()[1:3]))
    assert not failures, f"{len(failures)} of {len(CASES)} bad invocations misbehaved:\n" + "\n".join(failures[:40])
    assert _snapshot(folder) == before, "a bad invocation changed the working folder"


SUBPROCESS_CASES = [
    ["treaties", "validate", "pipe.yaml"],  # a named pipe must not hang
    ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--treaties", "pipe.yaml", "--json"],
    ["atlas-plot", "pipe.yaml", "--out", "new.png"],
    ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "10", "--seed", HUGE],
    ["atlas", "--date", "2025-01-01", "--out", "exists.csv/x.csv"],  # under a file: the handler used to crash
    ["cascade", "-a", "UKR"],  # a usage error: one line, not click's box
    ["data", "import", "encrypted.zip"],
]


@pytest.mark.parametrize("args", SUBPROCESS_CASES, ids=lambda a: " ".join(a)[:40])
def test_bad_invocations_as_real_processes(folder: Path, args: list[str]) -> None:
    before = _snapshot(folder)
    env = {**os.environ, "FOEDUS_DATA_MIRROR": "http://127.0.0.1:9/"}
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", *args], cwd=folder, capture_output=True, text=True,
                          env=env, timeout=120)
    _check(args, proc.returncode, proc.stdout, proc.stderr)
    assert _snapshot(folder) == before


def test_rich_markup_in_a_treaty_is_shown_as_written(folder: Path, tmp_path: Path) -> None:
    pact = tmp_path / "markup_pact.yaml"
    pact.write_text(_treaty(**{"name: My pact": "name: '[/bold][link=x]pact[/]'",
                               'article: "1"': 'article: "[red]1"'}) + "note: '[/] closing tag'\n", encoding="utf-8")
    code, text, err = cli_line(["treaties", "show", "my_pact", "--treaties", str(pact)])
    assert code == 0, err
    assert "[/bold][link=x]pact[/]" in text and "[red]1" in text and "[/] closing tag" in text
