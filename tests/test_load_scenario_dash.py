"""`foedus.load_scenario("-")` said "-: cannot read scenario: no such file or folder", as if a file named - were
meant: it says, in the CLI's words (`--scenario -`), that standard input is not read (until 2026-12-07)."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus
from test_input_messages import _error_line


def test_load_scenario_of_dash_says_standard_input_is_not_read() -> None:
    with pytest.raises(foedus.FoedusError) as err:
        foedus.load_scenario("-")
    said = "'-' (standard input) is not read: give a file's path (./- for a file named -)"
    assert str(err.value) == f"scenario: {said}"
    assert f"'--scenario': {said} (see" in _error_line(["cascade", "--scenario", "-"])  # the CLI's words


def test_a_file_named_dash_is_still_read_as_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(foedus.FoedusError, match=r"^-: cannot read scenario: no such file or folder"):
        foedus.load_scenario(Path("./-"))  # a Path cannot tell ./- from -: a file named -
    foedus.save_scenario(tmp_path / "saved.yaml", "RUS", "EST", "2025-06-01")
    (tmp_path / "saved.yaml").rename(tmp_path / "-")
    assert foedus.load_scenario(Path("-")).keywords()["attacker"] == ["RUS"]  # the file named -, read


def test_the_rule_for_dash_is_documented() -> None:
    """The rule (the text "-" refused, a Path("-") a path) is said where a user of the API reads: help() and
    docs/api.md, as the CLI's --scenario - says it."""
    doc = " ".join((foedus.load_scenario.__doc__ or "").split())
    assert 'the text "-" is refused' in doc and '`pathlib.Path("-")` is a path' in doc, doc
    page = " ".join((Path(__file__).parents[1] / "docs" / "api.md").read_text(encoding="utf-8").split())
    assert 'the text `"-"` is refused' in page and '`pathlib.Path("-")` is a path, the file named `-`' in page
