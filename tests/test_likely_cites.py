"""An answer with the likelihood cites every dataset it reads: the likelihood reads COW direct contiguity and the COW
inter-state wars (beside ATOP, the state system and NMC), which `foedus cascade --likelihood` (its `datasets`, and the
citations `--cite` prints) and `foedus batch`'s sidecar did not cite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from samples import cli_line

# A process of its own: the files read once per process (contiguity, wars) are opened, every opening recorded
# (`dataset_file` checks each file through `check_file`, the one door to the data folder), then the command runs.
_RECORD = """
import atexit, json, runpy, sys
import foedus.datasets.verify as verify
opened, check = [], verify.check_file
def recorded(relative, path):
    opened.append(relative)
    return check(relative, path)
verify.check_file = recorded
record = sys.argv.pop(1)
atexit.register(lambda: open(record, "w", encoding="utf-8").write(json.dumps(opened)))
sys.argv = ["foedus", *sys.argv[1:]]
runpy.run_module("foedus", run_name="__main__")
"""


def _opened(tmp_path: Path, *args: str) -> tuple[list[str], str]:
    """The datasets (the registry's names) of the files `foedus ARGS` opens in a fresh process, and its stdout."""
    from foedus.datasets.registry import find_path

    record = tmp_path / "opened.json"
    proc = subprocess.run([sys.executable, "-c", _RECORD, str(record), *args], capture_output=True, text=True,
                          env={**os.environ, "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}, check=False)
    assert proc.returncode == 0, proc.stderr
    found = [find_path(f) for f in json.loads(record.read_text(encoding="utf-8"))]
    return list(dict.fromkeys(hit[0].name for hit in found if hit is not None)), proc.stdout


def test_cascade_with_the_likelihood_cites_every_dataset_it_opens(tmp_path: Path) -> None:
    """Each dataset whose file `foedus cascade --likelihood --json` opens (contiguity and wars among them) is in its
    `datasets`, the list `foedus cite` and `--cite` read; without the likelihood neither is cited."""
    opened, out = _opened(tmp_path, "cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--likelihood", "--json")
    cited = json.loads(out)["datasets"]
    assert {"cow_contiguity", "cow_wars"} <= set(opened)
    assert set(opened) <= set(cited), f"opened, not cited: {set(opened) - set(cited)}"
    plain = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--json"])
    assert not {"cow_contiguity", "cow_wars"} & set(json.loads(plain.stdout)["datasets"])


def test_cascade_cite_prints_the_likelihood_data() -> None:
    """`foedus cascade --likelihood --cite` prints the contiguity and war data's citations as the ATOP one's."""
    from foedus.datasets import cite

    proc = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--likelihood", "--cite"])
    assert proc.returncode == 0, proc.stderr
    said = cite(["cow_contiguity", "cow_wars"])
    assert all(f"{name}: {text}" in proc.stdout for name, texts in said.items() for text in texts)


def test_batch_with_the_likelihood_cites_its_data(tmp_path: Path) -> None:
    """`foedus batch` with a likelihood row names the likelihood's datasets in its sidecar (with what to cite) and on
    stderr; a batch without the likelihood names neither."""
    from foedus.likely.data_files import likely_datasets

    for asked, out in (("true", "o.csv"), ("false", "p.csv")):
        (tmp_path / "s.csv").write_text(f"attacker,target,date,likelihood\nRUS,EST,2025-06-01,{asked}\n",
                                        encoding="utf-8")
        proc = cli_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / out)])
        assert proc.returncode == 0, proc.stderr
        meta = json.loads((tmp_path / f"{out}-metadata.json").read_text(encoding="utf-8"))["foedus"]
        used = {"cow_contiguity", "cow_wars"} <= set(meta["datasets"])
        assert used == (asked == "true") == ("cow_contiguity" in meta["citations"])
        assert used == ("cow_contiguity" in proc.stderr.split("data used: ")[1].split(";")[0])
    assert set(likely_datasets()) == {"atop", "cow_states", "cow_wars", "cow_nmc", "cow_contiguity"}
