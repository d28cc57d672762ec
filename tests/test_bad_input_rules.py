"""One rule where the CLI had two (bad input, 5 Dec 2026): each refusal is one line and exit 2, never a traceback,
and nothing the user wrote is overwritten or lost.

* Every command that writes a folder (`backtest`, `likely report`, `atlas --scheduler`) takes an existing empty folder
  as it takes a new name (backtest did, `likely report` and the atlas refused it as one that "already exists"), and
  refuses a folder with anything in it, without --force, in the same words (`foedus.outputs.check_folder_target`).
* A count outside its bounds is said in one sentence (`foedus.wording.out_of_range`): `depth --draws` had its own.
* `depth` scored with item parameters of no bootstrap draws (`--refit --draws 0`) says its intervals leave out the
  parameters' uncertainty; `likely fit --bootstrap 0` says its model measures none; a report of fewer than 2
  replicates shows no intervals (one resample's was its point) and says so.
* A war file of the user's may not take a bundled war's id, and a bundled war's bare id that also names a path in
  the current folder is refused, not silently read as that file.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import pytest

from foedus.errors import FoedusError, OutputExistsError
from samples import cli_line, error_line

WARS = resources.files("foedus.data").joinpath("wars")


class _ReachedTheWork(FoedusError):
    """Raised where the command's work begins: its --out was taken."""


def _stop_at_the_work(*_args: object, **_kwargs: object) -> object:
    raise _ReachedTheWork("reached the work")


FOLDER_COMMANDS = {
    "backtest": (["backtest", "--from", "1950", "--to", "1950", "--opening-only"], "foedus.cli.backtest_cmd", "_wars"),
    "likely report": (["likely", "report", "--bootstrap", "0", "--no-challengers"], "foedus.cli.likely_cmd",
                      "_training"),
    "atlas": (["atlas", "--from", "1950", "--to", "1950", "--scheduler", "local"], "foedus.model.world.World",
              "default"),
}


@pytest.mark.parametrize("command", sorted(FOLDER_COMMANDS))
def test_every_folder_output_takes_an_empty_folder_and_refuses_a_full_one_alike(
        command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`backtest --out EMPTY` was taken while `likely report --out EMPTY` (and the atlas's folder of partitions)
    was refused as a folder that 'already exists'; a folder with the user's file in it was refused in two wordings."""
    import importlib

    args, module, name = FOLDER_COMMANDS[command]
    owner_path, _, attr = f"{module}.{name}".rpartition(".")
    try:
        owner: object = importlib.import_module(owner_path)
    except ModuleNotFoundError:  # a class: World.default
        mod, _, cls = owner_path.rpartition(".")
        owner = getattr(importlib.import_module(mod), cls)
    monkeypatch.setattr(owner, attr, _stop_at_the_work)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert error_line([*args, "--out", str(empty)]) == "reached the work"  # taken: the work began
    assert empty.is_dir() and not any(empty.iterdir())
    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("mine", encoding="utf-8")
    said = error_line([*args, "--out", str(full)])
    assert said == (f"{full} is a folder that is not empty; not overwriting it (give --force to replace it, or "
                    "choose another path)")
    assert (full / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "full"]


def test_an_empty_folder_is_filled_keeping_its_mode_and_what_is_put_in_it_meanwhile(tmp_path: Path) -> None:
    """The output takes the user's empty folder's place in one rename, which the system does only onto an empty
    folder: its permissions are kept, and a file put in it while the run writes is kept, the run's output
    discarded, in one line."""
    from foedus.outputs import staged_folder

    out = tmp_path / "report"
    out.mkdir()
    os.chmod(out, 0o750)
    with staged_folder(out) as tmp:
        (tmp / "report.md").write_text("new", encoding="utf-8")
    assert (out / "report.md").read_text(encoding="utf-8") == "new"
    assert out.stat().st_mode & 0o777 == 0o750
    again = tmp_path / "again"
    again.mkdir()
    with pytest.raises(OutputExistsError) as caught, staged_folder(again) as tmp:
        (tmp / "report.md").write_text("new", encoding="utf-8")
        (again / "notes.txt").write_text("mine", encoding="utf-8")  # put there while the run works
    assert str(caught.value).startswith(f"{again} is no longer empty") and "\n" not in str(caught.value)
    assert sorted(p.name for p in again.iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again", "report"]  # no temporary left beside them


def test_depth_draws_out_of_bounds_is_said_as_every_count_is(tmp_path: Path) -> None:
    """`depth --refit --draws 1001` said '--draws 1001: use 0 to 1000', where every other count option says
    '--draws must be between 1 and 1,000,000 (got 0)'."""
    said = error_line(["depth", "--refit", "--draws", "1001", "--out", str(tmp_path / "d.csv")])
    assert said == "--draws must be between 0 and 1,000 (got 1001)"
    assert not any(tmp_path.iterdir())


@pytest.mark.needs_data
def test_depth_scored_without_bootstrap_draws_says_what_its_intervals_leave_out(tmp_path: Path) -> None:
    """Item parameters with no bootstrap draws (`--refit --draws 0`, saved with --save-params) give intervals about
    each alliance only: the table said nothing of it, and read as one scored with draws."""
    params = json.loads(resources.files("foedus.data").joinpath("depth_params.json").read_text(encoding="utf-8"))
    for block in params["dimensions"].values():
        block["draws"] = []
    saved = tmp_path / "params.json"
    saved.write_text(json.dumps(params), encoding="utf-8")
    out = tmp_path / "depth.csv"
    code, _, err = cli_line(["depth", "--params", str(saved), "--out", str(out)])
    assert code == 0, err
    note = ("the item parameters have no bootstrap draws (--refit --draws 0): each interval (depth_lo, depth_hi, "
            "scope_lo, scope_hi) is about the alliance only")
    assert f"note: {note}" in err
    sidecar = json.loads((tmp_path / "depth.csv-metadata.json").read_text(encoding="utf-8"))
    assert note in json.dumps(sidecar)
    code, _, err = cli_line(["depth", "--out", str(tmp_path / "bundled.csv")])  # the bundled parameters have draws
    assert code == 0, err
    assert "no bootstrap draws" not in err


def test_a_report_of_too_few_replicates_shows_no_intervals_and_says_so() -> None:
    """`likely report --bootstrap 1` showed each score's '95% interval' as one resample's point, [x, x], and
    `--bootstrap 0` said 'intervals are 95% war-clustered bootstrap intervals' over a table of none."""
    import numpy as np

    from foedus.likely.report import _intervals
    from foedus.likely.scores import Scored, summary

    rng = np.random.default_rng(1)
    n = 60
    outcomes = np.array(["out", "attack", "defense"] * (n // 3))
    probs = rng.dirichlet([1, 1, 1], n)
    scored = Scored(outcomes=outcomes, probs=probs, base=np.full((n, 3), 1 / 3), wars=np.repeat(np.arange(6), 10))
    assert "interval95" not in summary(scored, replicates=1, seed=3)
    assert set(summary(scored, replicates=20, seed=3)["interval95"]) >= {"brier_skill", "auc"}  # type: ignore[arg-type]
    assert _intervals(0).startswith("no intervals: `--bootstrap 0` resamples too few wars")
    assert _intervals(200) == "intervals are 95% war-clustered bootstrap intervals."


def _war_text(new_id: str | None = None) -> str:
    text = WARS.joinpath("july_crisis_1914.yaml").read_text(encoding="utf-8")
    assert "\nid: july_crisis_1914\n" in text
    return text if new_id is None else text.replace("\nid: july_crisis_1914\n", f"\nid: {new_id}\n", 1)


def test_a_war_file_of_yours_may_not_take_a_bundled_wars_id(tmp_path: Path) -> None:
    """A copy of a bundled war, edited, was replayed under the bundled war's id ('My war (july_crisis_1914)'), its
    JSON's id the bundled one's: its replay was taken for the bundled war's."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(_war_text().replace("\nname: ", "\nname: Mine, ", 1), encoding="utf-8")
    said = error_line(["war", str(mine), "--json"])
    assert said == (f"{mine}: id: 'july_crisis_1914' is the id of a bundled war (`foedus war july_crisis_1914` "
                    "replays it); give your war an id of its own, so that its replay is not taken for the bundled "
                    "war's")
    with pytest.raises(FoedusError, match="is the id of a bundled war"):
        import foedus

        foedus.replay_war(mine)
    mine.write_text(_war_text("my_july_1914"), encoding="utf-8")  # an id of its own: replayed
    code, out, err = cli_line(["war", str(mine), "--json"])
    assert code == 0, err
    assert json.loads(out)["war"]["id"] == "my_july_1914"


def test_a_bundled_wars_id_that_names_a_file_here_is_refused_not_read_as_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`foedus war july_crisis_1914` replayed a file of that name in the current folder, silently, in place of the
    bundled war; `./july_crisis_1914` names the file, and the bundled file's own path is the bundled war."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "july_crisis_1914").write_text(_war_text("my_july_1914"), encoding="utf-8")
    assert error_line(["war", "july_crisis_1914", "--json"]) == (
        "july_crisis_1914: is both a bundled war's id and a name in the current folder; give ./july_crisis_1914 to "
        "replay that file, or rename it to replay the bundled war")
    code, out, err = cli_line(["war", "./july_crisis_1914", "--json"])
    assert code == 0, err
    assert json.loads(out)["war"]["id"] == "my_july_1914"
    code, out, err = cli_line(["war", str(WARS.joinpath("july_crisis_1914.yaml")), "--json"])
    assert code == 0, err
    assert json.loads(out)["war"]["id"] == "july_crisis_1914"


@pytest.mark.needs_data
def test_likely_fit_without_a_bootstrap_says_its_model_measures_no_uncertainty(tmp_path: Path) -> None:
    """`likely fit --bootstrap 0` wrote a model whose intervals have no width and said only where it wrote it; every
    answer from the model warns so, and the fit now says it too, in the answers' words."""
    from foedus.likely.attach import no_bootstrap

    out = tmp_path / "mine.json"
    code, _, err = cli_line(["likely", "fit", "--out", str(out), "--from", "1897", "--to", "1920", "--bootstrap", "0",
                         "--no-validate"])
    assert code == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))["bootstrap"] == {"replicates": 0}
    assert err.strip().splitlines()[-1] == f"note: {no_bootstrap(0)}"
    assert "0 bootstrap replicates, too few to measure its uncertainty" in err
    assert no_bootstrap(2) is None
