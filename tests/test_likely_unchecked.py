"""A model file with no out-of-sample check (a refit without `foedus likely report`) was said by `foedus cascade
--likelihood` to have beaten the base rate "in every one that covers this date", of checks it did not have; the line
now says it was not checked (the web's likelihood panel alike: tests/test_said_parity.py)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from foedus.cli.app import app
from foedus.likely.model import load_model


def test_a_model_with_no_check_is_said_to_be_unchecked(tmp_path: Path) -> None:
    path = tmp_path / "unchecked.json"
    path.write_text(load_model().model_copy(update={"validation": []}).model_dump_json(), encoding="utf-8")
    done = CliRunner().invoke(app, ["cascade", "-a", "DEU", "-t", "POL", "-d", "1939-09-01", "--likelihood",
                                    "--likely-model", str(path)])
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert "this model was not checked against the base rate: see the warnings" in said
    assert "carries no validation" in said and "covers this date" not in said
