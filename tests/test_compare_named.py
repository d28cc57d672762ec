"""`foedus compare`'s lines name states as every other output does ("North Korea (PRK)", not `PRK` alone), each as
on its world's date: a state that joins in the other world by that world's names, one that joins in the base world
only by the base's (as the web's compare view names them)."""

from __future__ import annotations

import datetime as dt

from foedus.model.states import StateRegistry
from samples import cli_line


def _lines(args: list[str]) -> list[str]:
    code, out, err = cli_line(["compare", *args])
    assert code == 0, err
    return out.splitlines()


def test_a_state_gained_or_lost_is_named() -> None:
    kursk = ["-a", "UKR", "-t", "RUS", "-d", "2024-08-06", "--place", "kursk-oblast"]
    assert ("+ North Korea (PRK) is bound to join the defense side (rus_prk_2024 art. 4, S1)"
            in _lines([*kursk, "--date2", "2025-01-15"]))
    lines = _lines(["-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--ongoing-since",
                    "2024-08-06", "--drop-treaty", "rus_prk_2024"])
    assert "- North Korea (PRK) is no longer bound to join the defense side (was rus_prk_2024 art. 4)" in lines
    assert ("ongoing: - North Korea (PRK) no longer bound to the date (was since 2024-12-04: defense, rus_prk_2024 "
            "art. 4)") in lines, lines


def test_each_world_names_its_states_as_on_its_date() -> None:
    """Comparing 1995 with 1979, RUS joins the defence on 1979: the Soviet Union then, not Russia (the base's)."""
    registry = StateRegistry.load()
    then, now = registry.names_on(dt.date(1979, 6, 1))["RUS"], registry.names_on(dt.date(1995, 6, 1))["RUS"]
    assert then != now
    lines = _lines(["-a", "USA", "-t", "POL", "-d", "1995-06-01", "--date2", "1979-06-01"])
    assert any(line.startswith(f"+ {then} (RUS) is bound to join the defense side") for line in lines), lines
