"""`foedus war`'s consultation duties carry a consultation's place limit as the cascade's consultation lines do
(`foedus.limit_words.owed_in`): China striking US forces in the Taiwan Strait sets off Japan's Art. IV consultation
only through far-east-1960, whose extent is unverified, and the duty record and line say so."""

from __future__ import annotations

from pathlib import Path

from foedus.model.world import World
from foedus.war.words import duty_lines
from samples import replay_text

STRAIT_WAR = ("id: chn_usa\nname: China on US forces\nend: 2025-07-01\nsources: [{url: 'https://example.org/w'}]\n"
              "events:\n  - {type: attack, date: 2025-06-01, attacker: CHN, victim: USA, place: taiwan-strait, "
              "target_kind: forces}\n")
OWED = "owed for an attack in far-east-1960 (extent unverified)"


def test_a_war_consultation_says_its_place_limit(tmp_path: Path, world: World) -> None:
    r = replay_text(tmp_path, STRAIT_WAR, world=world).to_dict()
    (japan,) = [s for s in r["states"] if s["state"] == "JPN"]
    (consult,) = [c for c in japan["consultations"] if c["treaty"] == "usa_jpn_1960"]
    assert (consult["limit"], consult["limit_certainty"]) == ("far-east-1960", "unverified")
    (line,) = [x for x in duty_lines(japan, lambda _day: r["names"]) if ": consult " in x]
    assert f"usa_jpn_1960 art. IV, {OWED})" in line, line

