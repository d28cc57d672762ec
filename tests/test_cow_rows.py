"""The COW war files read without pandas (`foedus.backtest.cowcsv`) give what pandas gave, and a file pandas might
read another way is left to pandas; the likelihood beside a cascade imports neither pandas, PyYAML nor the honour
model (docs/performance.md, session 67)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from foedus.backtest import cowcsv, cowdata, wars
from foedus.backtest.errors import BacktestError
from foedus.datasets.verify import dataset_file

pytestmark = pytest.mark.needs_data

HEADER = ("WarNum,WarName,WarType,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,EndMonth1,EndDay1,EndYear1,"
          "StartMonth2,StartDay2,StartYear2,EndMonth2,EndDay2,EndYear2,TransFrom,WhereFought,Initiator")
ROW = '1,"Franco-Spanish War",1,230,Spain,2,4,7,1823,11,13,1823,-8,-8,-8,-8,-8,-8,503,2,2'
SECOND = '4,First Russo-Turkish,1,640,Ottoman Empire,2,4,26,1828,9,14,1829,-8,-8,-8,-8,-8,-8,"506, 7",11,2'


def _loads() -> tuple[Any, ...]:
    return cowdata.load_spells(), cowdata.load_dyads(), wars.load_wars(), wars.load_dyadic().starts


def _by_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cowcsv, "plain_rows", lambda *_: None)


def test_the_cow_files_read_without_pandas_as_pandas_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """The participant and dyadic files of the data folder take the plain reader, and every record read from them
    (spells, dyads, wars, first fights) is what pandas' reading gave."""
    for name, columns in ((wars.WAR_FILE, cowdata._SPELL_COLUMNS), (wars.DYADIC_FILE, cowdata._DYAD_COLUMNS)):
        path = dataset_file(name)
        assert path is not None and cowcsv.plain_rows(path, columns, wars._TEXT) is not None
    plain = _loads()
    _by_pandas(monkeypatch)
    by_pandas = _loads()
    assert plain == by_pandas and repr(plain) == repr(by_pandas)
    assert len(plain[0]) > 90 and sum(map(len, plain[0].values())) > 300


@pytest.mark.parametrize(("name", "text", "plain"), [
    ("cr line ends, quoted commas", "\r".join([HEADER, ROW, SECOND]) + "\r", True),
    ("a byte-order mark", "\ufeff" + "\n".join([HEADER, ROW, SECOND]), True),
    ("a blank day", "\n".join([HEADER, ROW.replace(",7,1823", ",,1823", 1), SECOND]), False),
    ("a year written 1823.0", "\n".join([HEADER, ROW.replace(",1823,", ",1823.0,", 1), SECOND]), False),
    ("a state named NA", "\n".join([HEADER, ROW.replace("Spain", "NA"), SECOND]), False),
    ("a state named 1e3", "\n".join([HEADER, ROW.replace("Spain", "1e3"), SECOND]), False),
    ("a short row", "\n".join([HEADER, ROW.rsplit(",", 1)[0], SECOND]), False),
    ("a blank line", "\n".join([HEADER, ROW, "", SECOND]), False),
    ("a column twice", "\n".join([HEADER + ",Side", ROW + ",1", SECOND + ",1"]), False),
    ("a plus sign", "\n".join([HEADER, ROW.replace(",230,", ",+230,"), SECOND]), False),
])
def test_a_file_pandas_might_read_otherwise_is_left_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                                                          text: str, plain: bool) -> None:
    """Only plain whole numbers and names no pandas reading makes a number or a gap take the plain reader; a
    blank, a decimal, `NA`, a number as a name, a short row, a blank line or a repeated column go to pandas. Either
    way the spells are pandas' own."""
    path = tmp_path / "wars.csv"
    path.write_bytes(text.encode())
    assert (cowcsv.plain_rows(path, cowdata._SPELL_COLUMNS, wars._TEXT) is not None) is plain, name
    read = repr(cowdata.load_spells(path))
    _by_pandas(monkeypatch)
    assert read == repr(cowdata.load_spells(path))


@pytest.mark.parametrize("content", [b"", b"WarNum,ccode\n1,2\n", b"\xff\xfe,1\n"])
def test_a_file_neither_reads_is_refused_as_before(tmp_path: Path, content: bytes) -> None:
    """An empty file, one missing columns and one that is not UTF-8 are refused by pandas' reading, in its words."""
    path = tmp_path / "wars.csv"
    path.write_bytes(content)
    assert cowcsv.plain_rows(path, cowdata._SPELL_COLUMNS, wars._TEXT) is None
    with pytest.raises(BacktestError, match=r"wars\.csv: (cannot read it|missing column)"):
        cowdata.load_spells(path)


def test_the_likelihood_line_imports_no_pandas_nor_yaml_nor_pydantic_nor_the_honour_model() -> None:
    """`foedus cascade ... --likelihood`, as the console script runs it: its recent-war history reads the COW file
    without pandas, the era cut comes from `foedus.model.days`, not the pydantic honour model's module, and the
    model's JSON is read by `foedus.model.filedata`, without PyYAML (`foedus.model.yamlio`), into plain records
    (`foedus.likely.model_records`), without pydantic, which only a bad model file's error needs."""
    code = ("import atexit, json, sys\n"
            "atexit.register(lambda: sys.stderr.write(json.dumps(sorted(sys.modules)) + '\\n'))\n"
            "from foedus.cli.start import main\nsys.argv = ['foedus', *sys.argv[1:]]\nmain()\n")
    line = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2024-12-05", "--likelihood", "--json"]
    for _ in range(2):  # counted in the second run: the first fills the caches, as a user's start finds them
        proc = subprocess.run([sys.executable, "-c", code, *line], capture_output=True, text=True,
                              env=os.environ.copy(), timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["likelihood"]
    modules = set(json.loads(proc.stderr.strip().splitlines()[-1]))
    assert {"foedus.likely.history", "foedus.backtest.cowcsv", "numpy"} <= modules
    assert not {m for m in modules if m.split(".")[0] == "pandas"}
    assert "foedus.engine.reliability" not in modules
    assert "foedus.model.yamlio" not in modules and not {m for m in modules if m.split(".")[0] == "yaml"}
    assert "foedus.likely.model_records" in modules and "foedus.likely.model_schema" not in modules
    assert not {m for m in modules if m.split(".")[0] in ("pydantic", "pydantic_core")}
