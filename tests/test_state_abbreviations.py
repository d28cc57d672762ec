"""The usual abbreviations an analyst types for a state (analyst audit, session 39): "KSA" was no state (it
suggested USA, SAU, LKA). Those of Saudi Arabia, South Africa, the Marshall Islands and New Zealand, states of the
bundled 2025 treaty set, name them, as UAE, DPRK, ROK, PRC, ROC, UK and US name theirs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from foedus.model.world import World

CURATED = World.load(history=False)


@pytest.mark.parametrize(("typed", "state_id"), [
    ("KSA", "SAU"), ("ksa", "SAU"), ("RSA", "ZAF"), ("RMI", "MHL"), ("NZ", "NZL"),
    # these worked before; kept working
    ("UAE", "ARE"), ("DPRK", "PRK"), ("ROK", "KOR"), ("PRC", "CHN"), ("ROC", "TWN"), ("UK", "GBR"), ("US", "USA"),
    ("USA", "USA"), ("DRC", "COD"),
])
def test_the_usual_abbreviations_name_their_state(typed: str, state_id: str) -> None:
    assert CURATED.states.resolve_id(typed) == state_id


@pytest.mark.needs_data
def test_a_cascade_takes_ksa() -> None:
    """`foedus cascade -a IRN -t KSA` was 'unknown state'."""
    out = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "IRN", "-t", "KSA", "-d", "2025-06-01",
                          "--json"], capture_output=True, text=True)
    assert out.returncode == 0 and json.loads(out.stdout)["targets"] == ["SAU"]
