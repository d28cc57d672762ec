"""`foedus war iran_2026` said Algeria "bound to join the attack side" (and, in its table, "2026-02-28 attack:
arab_jdec_1950 art. 2" under "first bound to join"), which a reader quoted as Algeria bound to join the attack on
Iran: "attack" is the side of the war's first attack, the United States and Israel, on which the Gulf states Iran
struck are counted. A binding names its side by the side's lead states (`foedus.war.words.side_words`), in the text
and, from the JSON's `war.leads`, on the web map (warsides.ts `sideWords`; tests/test_said_parity.py)."""

from __future__ import annotations

import pytest

import foedus
from foedus.war.render import _row, print_replay
from foedus.war.words import side_leads, side_words

US_SIDE = "the side of United States (USA) and Israel (ISR)"


def test_a_binding_names_the_side_by_its_lead_states(capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    result = foedus.replay_war("iran_2026")
    assert result.to_dict()["war"]["leads"] == {"attack": ["USA", "ISR"], "defense": ["IRN"]}
    monkeypatch.setenv("COLUMNS", "2000")
    print_replay(result)
    out = capsys.readouterr().out
    assert f"  Algeria (DZA): out → bound to join {US_SIDE}  (Iran (IRN) attacks Bahrain (BHR))" in out
    assert "the attack side" not in out and "the defense side" not in out and " attack: " not in out
    algeria = next(r for r in result.ordered() if r.state == "DZA")
    sides = side_words(side_leads(result.war), result.names)
    cell = _row(algeria, result.names_on(result.row_day(algeria)), result.frames[-1], sides=sides)[2]
    assert cell.startswith(f"2026-02-28, {US_SIDE}: arab_jdec_1950 art. 2"), cell  # the table's first binding
