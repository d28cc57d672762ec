"""`non_military` (its obligors may limit their aid to non-military means) is read only on a clause that owes aid to a
side, defence or offence (`foedus.engine.rules.gates`, `foedus.model.help`): on a neutrality, non-aggression or
consultation clause it was loaded and meant nothing. Such a file is refused in one line naming the file and clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import GOOD_TREATY, cli_line

DEFENCE = '{kind: defense, article: "1", strength: S2}'


def _file(tmp_path: Path, kind: str) -> Path:
    pact = tmp_path / "pact.yaml"
    clause = f'{{kind: {kind}, article: "1", strength: S2, non_military: "a carve-out"}}'
    pact.write_text(GOOD_TREATY.replace(DEFENCE, clause), encoding="utf-8")
    return pact


@pytest.mark.parametrize("kind", ["neutrality", "nonaggression", "consultation"])
def test_non_military_on_a_clause_owing_no_aid_is_refused(tmp_path: Path, kind: str) -> None:
    pact = _file(tmp_path, kind)
    code, out, err = cli_line(["treaties", "validate", str(pact)])
    assert code == 2 and out == ""
    assert err == (f"error: {pact}: provisions[0].non_military: is read only on a defence or offence clause (its "
                   f"obligors may limit their aid to non-military means), never on a {kind} one\n")


@pytest.mark.parametrize("kind", ["defense", "offense"])
def test_non_military_on_a_clause_owing_aid_is_read(tmp_path: Path, kind: str) -> None:
    code, _, err = cli_line(["treaties", "validate", str(_file(tmp_path, kind))])
    assert code == 0, err
