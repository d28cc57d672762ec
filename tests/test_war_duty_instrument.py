"""A war's triggered, consultation and neutrality records said their instrument from the curated treaties (a second
source beside the engine's), so a duty under a treaty outside that set (the ATOP history's) was called a treaty
whatever its leg said, while the state's `first_bound` and `bound_spans`, from the engine's obligation, said
otherwise. Each record now says what the engine's record of it says (`Leg.instrument`, the one source)."""

from __future__ import annotations

from pathlib import Path

from foedus.api import replay_war
from foedus.model.treatymap import TreatyMap
from foedus.model.world import World
from samples import treaty_files

ORDERS = {  # three executive orders, each France's with one state: Germany's defence, Austria's consultation,
    # Switzerland's neutrality
    "eo_defend": ("executive_order", "FRA DEU", "defense", "5", "S2", "verified"),
    "eo_consult": ("executive_order", "FRA AUT", "consultation", "4", "S4", "verified"),
    "eo_neutral": ("executive_order", "FRA CHE", "neutrality", "6", "S4", "verified"),
}

WAR = "id: t\nname: t\nend: 2024-03-01\nevents:\n  - {type: attack, date: 2024-01-10, attacker: RUS, victim: FRA}\n"


def _world(tmp_path: Path) -> World:
    """Three executive orders, each France's with one state (Germany's defence, Austria's consultation,
    Switzerland's neutrality), held as history treaties are: outside the curated set, no bundled treaty beside."""
    loaded = World.load(treaty_files(tmp_path, ORDERS), bundled=False, history=False)
    mine = dict(loaded.treaties.curated)
    return World(TreatyMap({}, history=lambda: mine), loaded.states, loaded.places)


def test_a_wars_duty_records_say_the_engines_instrument(tmp_path: Path) -> None:
    (tmp_path / "war.yaml").write_text(WAR, encoding="utf-8")
    replay = replay_war(tmp_path / "war.yaml", world=_world(tmp_path))
    deu, aut, che = (replay.record(s) for s in ("DEU", "AUT", "CHE"))
    assert deu.first_bound is not None and deu.first_bound.instrument == "executive_order"  # the engine's obligation
    said = {"triggered": [(t["treaty"], t["instrument"]) for t in deu.triggered],
            "consultations": [(c["treaty"], c["instrument"]) for c in aut.consultations],
            "neutral": [(n["treaty"], n["instrument"]) for n in che.neutral]}
    assert said == {"triggered": [("eo_defend", "executive_order")],
                    "consultations": [("eo_consult", "executive_order")],
                    "neutral": [("eo_neutral", "executive_order")]}
