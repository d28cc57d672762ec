"""`foedus likely fit --bootstrap 0` draws nothing at random (the seed drives the bootstrap only; the checks' folds
are fixed), yet `--seed 5` was taken without a word and the file recorded seed 5 (or the default 1815), as if the
seed had mattered. An explicit `--seed` there is refused in one line; the file records no seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_input_messages import _error_line

pytest.importorskip("sklearn", reason="the model extra (scikit-learn) is not installed")


@pytest.mark.parametrize("validate", ["--validate", "--no-validate"])
def test_a_seed_given_to_a_fit_without_bootstrap_is_refused(tmp_path: Path, validate: str) -> None:
    out = tmp_path / "m.json"
    assert _error_line(["likely", "fit", "--out", str(out), "--bootstrap", "0", validate, "--seed", "5"]) == (
        "--seed has no effect with --bootstrap 0 (nothing is drawn at random without a bootstrap: the fit is the "
        "same for any seed); leave it out")
    assert not out.exists()


def test_a_fit_without_bootstrap_records_no_seed_and_one_with_records_its_own(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from foedus.cli.app import app
    from foedus.likely.model import load_model

    for replicates, seed, recorded in (("0", [], {"replicates": 0}), ("1", ["--seed", "5"],
                                                                      {"replicates": 1, "seed": 5})):
        out = tmp_path / f"m{replicates}.json"
        done = CliRunner().invoke(app, ["likely", "fit", "--out", str(out), "--from", "1897", "--to", "1920",
                                        "--bootstrap", replicates, "--no-validate", *seed])
        assert done.exit_code == 0, done.output
        assert load_model(out).bootstrap == recorded
