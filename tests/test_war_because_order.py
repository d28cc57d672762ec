"""Which attack a binding names (its `because`): among the attacks that bind a state alike, the earliest-dated, then
the first in the war file's order (an event's victims, then its attackers, as listed), never the attacker's code:
`foedus war europe_1939_1941 --state ITA --until 1940-06-09` said Italy was bound to defend Germany "against Australia
(AUS)", the first by code of the four states the file lists as declaring war on 1939-09-03, United Kingdom first."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus
from samples import cli_line

pytestmark = pytest.mark.needs_data  # the bindings read ATOP's alliances


def _war(tmp_path: Path, *events: str) -> Path:
    path = tmp_path / "war.yaml"
    path.write_text("id: est_2025\nname: Estonia 2025\nend: 2025-03-20\nevents:\n"
                    + "".join(f"  - {e}\n" for e in events))
    return path


@pytest.mark.parametrize(("attackers", "by"), [("[Russia, Belarus]", "RUS"), ("[Belarus, Russia]", "BLR")])
def test_a_binding_names_the_attack_listed_first_in_its_event(tmp_path: Path, attackers: str, by: str) -> None:
    """Two attackers of one event bind Poland alike under NATO's Art. 5: the one the file lists first is named (an
    attack of an earlier day came first already: attacks are ordered by date, then by the file)."""
    war = _war(tmp_path, f"{{type: attack, date: 2025-03-01, attacker: {attackers}, victim: Estonia}}")
    bound = foedus.replay_war(war).first_bound("POL")
    assert bound is not None and (bound.because.by, bound.because.attacked) == (by, "EST")


def test_italy_in_1940_is_bound_against_the_first_state_the_war_file_lists() -> None:
    """The war's first attack on Germany lists the United Kingdom first: Italy's binding, and Japan's of 1940-09-27
    under the Tripartite Pact (ATOP 2515), name it (the replay's `because`, which the JSON and the web read)."""
    code, out, err = cli_line(["war", "europe_1939_1941", "--state", "ITA", "--until", "1940-06-09"])
    assert code == 0, err
    assert out.startswith("Italy (ITA): Bound to defend Germany (DEU) against United Kingdom (GBR) on 1940-06-09")
    replay = foedus.replay_war("europe_1939_1941", until="1940-12-31")
    japan = replay.first_bound("JPN")
    assert japan is not None and (japan.because.by, japan.because.attacked) == ("GBR", "DEU")
