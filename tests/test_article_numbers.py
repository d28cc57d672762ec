"""An article written as a YAML number in a treaty or overlay file (`article: 5`) was refused ("must be text, got 5"):
a whole number is now read as its text ('5'); a value YAML changes unquoted (`5.10` is 5.1, `010` is 8, `5:30` is
330, `yes` is true) is still refused, in one line naming the file and the provision or change, asking for quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import foedus
from foedus.errors import FoedusError
from foedus.model.overlay import load_overlay
from samples import cli_line, error_line

PACT = """id: my_pact
name: My pact
signed: 2020-01-01
in_force: 2020-02-01
sources: [{{url: "https://example.org/pact"}}]
members: [{{state: FRA}}, {{state: DEU}}]
provisions:
  - {{kind: defense, article: {article}, strength: S2}}
invocations:
  - {{date: 2021-01-01, article: {invoked}, requester: [FRA], outcome: asked}}
"""

OVERLAY = "changes:\n  - {{op: set_strength, treaty: nato_1949, article: {article}, strength: S1}}\n"

LOSSY = [("5.10", "it as the number 5.1"), ("5.1", "it as the number 5.1"), ("010", "'010' as the number 8"),
         ("0x1F", "'0x1F' as the number 31"), ("+5", "'+5' as the number 5"), ("5:30", "'5:30' as the number 330"),
         ("yes", "it as the truth value True"), ("5e1", "it as the number 50.0")]


def _run_json(args: list[str]) -> dict[str, object]:
    code, out, err = cli_line([*args, "--json"])
    assert code == 0, err
    result: dict[str, object] = json.loads(out)
    return result


def test_a_whole_number_article_in_a_treaty_file_is_its_text(tmp_path: Path) -> None:
    path = tmp_path / "pact.yaml"
    path.write_text(PACT.format(article="5", invoked="5"), encoding="utf-8")
    treaty = foedus.load_world(path).treaty("my_pact")
    assert treaty is not None
    assert [p.article for p in treaty.provisions] == ["5"] and [i.article for i in treaty.invocations] == ["5"]
    joiners = _run_json(["cascade", "-a", "RUS", "-t", "FRA", "-d", "2024-01-01", "--treaties", str(path)])["joiners"]
    assert {"state": "DEU", "treaty": "my_pact", "article": "5"}.items() <= next(
        j for j in joiners if j["treaty"] == "my_pact").items()  # type: ignore[union-attr, attr-defined]


def test_a_whole_number_article_in_an_overlay_file_is_its_text(tmp_path: Path) -> None:
    path = tmp_path / "ov.yaml"
    path.write_text(OVERLAY.format(article="5"), encoding="utf-8")
    assert [c.article for c in load_overlay(path).changes] == ["5"]  # type: ignore[union-attr]
    joiners = _run_json(["cascade", "-a", "RUS", "-t", "POL", "-d", "2024-01-01", "--overlay", str(path)])["joiners"]
    nato = [j for j in joiners if j["treaty"] == "nato_1949"]  # type: ignore[union-attr, index]
    assert nato and {j["strength"] for j in nato} == {"S1"}  # type: ignore[index]


@pytest.mark.parametrize(("written", "read"), LOSSY)
def test_an_article_yaml_would_change_in_a_treaty_file_is_refused_asking_for_quotes(tmp_path: Path, written: str,
                                                                                    read: str) -> None:
    path = tmp_path / "pact.yaml"
    path.write_text(PACT.format(article=written, invoked="'1'"), encoding="utf-8")
    said = (f'{path}: provisions[0].article: write the article in quotes, as the treaty numbers it (article: "5.1"): '
            f"unquoted, YAML reads {read}")
    with pytest.raises(FoedusError) as caught:
        foedus.load_world(path)
    assert str(caught.value) == said
    assert error_line(["cascade", "-a", "RUS", "-t", "FRA", "-d", "2024-01-01", "--treaties", str(path)]) == said


@pytest.mark.parametrize(("written", "read"), LOSSY)
def test_an_article_yaml_would_change_in_an_overlay_file_is_refused_naming_the_treaty(tmp_path: Path, written: str,
                                                                                     read: str) -> None:
    path = tmp_path / "ov.yaml"
    path.write_text(OVERLAY.format(article=written), encoding="utf-8")
    said = (f'{path}: change 1 (set_strength.article): nato_1949: write the article in quotes, as the treaty numbers '
            f"it (article: \"5.1\"): unquoted, YAML reads {read}")
    with pytest.raises(FoedusError) as caught:
        load_overlay(path)
    assert str(caught.value) == said
    assert error_line(["cascade", "-a", "RUS", "-t", "POL", "-d", "2024-01-01", "--overlay", str(path)]) == said


@pytest.mark.parametrize("written", ['"5.10"', "'010'", "IV", '"5"'])
def test_a_quoted_or_worded_article_is_kept_as_written(tmp_path: Path, written: str) -> None:
    path = tmp_path / "pact.yaml"
    path.write_text(PACT.format(article=written, invoked=written), encoding="utf-8")
    treaty = foedus.load_world(path).treaty("my_pact")
    assert treaty is not None and treaty.provisions[0].article == written.strip("'\"")


def test_other_whole_numbers_in_a_file_are_still_numbers(tmp_path: Path) -> None:
    """`WrittenInt` (a number YAML read from other digits) is still the number it was read as elsewhere."""
    from foedus.model.yamlio import load_yaml

    assert load_yaml("a: 010\nb: 5\n") == {"a": 8, "b": 5}
