"""A war file's attack at a place on a day before the holder the gazetteer gives it existed is refused as `foedus
cascade`'s place check refuses it (`foedus.state_lists.held_later_said`): an attack on Russia at Narva dated 1900 said
Narva was "territory of Estonia (EST)", a state only from 1918."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import error_line

pytestmark = pytest.mark.needs_data  # the states' COW dates tell who is a state on the day


def _war(tmp_path: Path, day: str, victim: str, place: str) -> str:
    path = tmp_path / "war.yaml"
    path.write_text(f"id: held_later\nname: Held later\nevents:\n"
                    f"  - {{type: attack, date: {day}, attacker: United Kingdom, victim: {victim}, place: {place}}}\n")
    return str(path)


def test_a_war_file_refuses_a_place_whose_holder_of_today_was_no_state_then(tmp_path: Path) -> None:
    """One line, exit 2, in the cascade's words after the war file's place, the war's own advice at its end."""
    path = _war(tmp_path, "1900-01-01", "Russia", "narva")
    assert error_line(["war", path]) == (
        f"{path}: events[0].place: Narva (narva) is not known to be territory of Russian Empire (RUS) on 1900-01-01: "
        "the gazetteer gives it to Estonia (EST), its holder today, no state of the system then, and records no "
        "holder of it on that day; use target_kind: forces, or another territory view")


def test_a_place_held_by_a_state_of_the_day_is_refused_as_before(tmp_path: Path) -> None:
    """Kursk Oblast in 2025 is Russia's, a state then: the refusal names it as its holder."""
    path = _war(tmp_path, "2025-06-01", "Estonia", "kursk-oblast")
    said = error_line(["war", path])
    assert said.startswith(f"{path}: events[0].place: Kursk Oblast (kursk-oblast) is not territory of Estonia (EST) "
                           "under the recognized view")
