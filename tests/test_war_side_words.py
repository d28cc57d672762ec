"""`foedus war iran_2026` said Algeria "bound to join the attack side", which a reader quoted as Algeria bound to join
the attack on Iran; the fix named the side by the war's first attack's states ("the side of United States (USA) and
Israel (ISR)"), which misled in turn where a later attack set the duty off: europe_1939_1941 said Mongolia on
1941-06-22 "bound to join the side of Poland (POL)" (it is bound to the Soviet Union, attacked by Germany that day;
Poland left the war on 1939-09-28), and israel_iran_2025 the Arab League states "bound to join the side of Israel
(ISR)" over Iran's strike on Qatar. A binding now says the duty it is, whom it defends against whom
(`foedus.war.words.bound_duty`, from the binding's `because`); a side is named by its lead states still fighting that
day, else as "the side against" the other side's (`side_words`); the web's copies are warsides.ts `boundDuty` and
`sideWords` (tests/test_said_parity.py)."""

from __future__ import annotations

import pytest

import foedus
from foedus.war.render import _row, print_replay
from foedus.war.words import bound_duty, side_leads, side_words
from ts_said import run_ts


def _text(war: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", "2000")  # a line of the timeline on one line
    print_replay(foedus.replay_war(war))
    return capsys.readouterr().out


def test_a_binding_says_whom_it_defends(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    result = foedus.replay_war("iran_2026")
    assert result.to_dict()["war"]["leads"] == {"attack": ["USA", "ISR"], "defense": ["IRN"]}
    out = _text("iran_2026", capsys, monkeypatch)
    assert ("  Algeria (DZA): out → bound to defend Bahrain (BHR) against Iran (IRN)  (Iran (IRN) attacks Bahrain "
            "(BHR))") in out
    assert "the attack side" not in out and "the defense side" not in out and " attack: " not in out
    algeria = next(r for r in result.ordered() if r.state == "DZA")
    cell = _row(algeria, result.names_on(result.row_day(algeria)), result.frames[-1])[2]
    assert cell.startswith("2026-02-28, to defend Bahrain (BHR) against Iran (IRN): arab_jdec_1950 art. 2"), cell


def test_a_duty_a_later_attack_sets_off_names_its_victim(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Mongolia, Egypt, Iraq and Yugoslavia, bound by attacks long after Germany's on Poland, each to defend the state
    then attacked; no binding is said to be to Poland's side once Poland is out of the war."""
    out = _text("europe_1939_1941", capsys, monkeypatch)
    for line in ("Mongolia (MNG): out → bound to defend Soviet Union (RUS) against Germany (DEU)  (",
                 "Egypt (EGY): out → bound to defend United Kingdom (GBR) against Italy (ITA)  (",
                 "Iraq (IRQ): out → bound to defend United Kingdom (GBR) against Italy (ITA)  (",
                 "Yugoslavia (SRB): out → bound to defend Greece (GRC) against Italy (ITA)  ("):
        assert f"\n  {line}" in out, line
    assert "the side of Poland" not in out


def test_a_side_whose_leads_left_the_war_is_named_against_the_other(capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """On 1941-06-22 Poland is out of the war: its side is "the side against Germany (DEU)", in the CLI and the web
    alike; a frame's bindings are said alike too (the JSON's `because` and `kind`)."""
    result = foedus.replay_war("europe_1939_1941")
    frame = result.frame_on("1941-06-22")
    leads, names = side_leads(result.war), result.names_on(frame.date)
    sides = side_words(leads, names, frame.sides)
    assert sides == {"attack": "the side of Germany (DEU)", "defense": "the side against Germany (DEU)"}
    assert side_words(leads, names) == {"attack": "the side of Germany (DEU)", "defense": "the side of Poland (POL)"}
    bound = [frame.bound[s] for s in sorted(frame.bound)]
    said = run_ts([("warsides", "sideWords", [leads, {"$lookup": names}, frame.sides])]
                  + [("warsides", "boundDuty", [b, {"$lookup": names}]) for b in bound])
    assert said == [sides, *(bound_duty(b, names) for b in bound)]
    assert (frame.bound["MNG"]["because"]["attacked"], frame.bound["MNG"]["because"]["by"]) == ("RUS", "DEU")
    assert "bound to defend Soviet Union (RUS) against Germany (DEU)" in said


def test_the_arab_league_is_bound_to_defend_qatar_and_qatar_was_attacked_by_iran(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Iran's strike on Al Udeid binds the Arab League states to defend Qatar against Iran, not to join "the side of
    Israel (ISR)"; Qatar's fighting cell says who attacked it, where "(was attacked)" on the side of the war's first
    attack read as attacked by Iran's enemies."""
    out = _text("israel_iran_2025", capsys, monkeypatch)
    assert "\n  Bahrain (BHR): out → bound to defend Qatar (QAT) against Iran (IRN)  (Iran (IRN) attacks Qatar (QAT))" \
        in out
    assert "the side of Israel" not in out and "was attacked" not in out
    result = foedus.replay_war("israel_iran_2025")
    qatar = next(r for r in result.ordered() if r.state == "QAT")
    cells = _row(qatar, result.names_on(result.row_day(qatar)), result.frames[-1])
    assert cells[1].startswith("attack 2025-06-23 (attacked by Iran (IRN))"), cells
