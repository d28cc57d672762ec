"""The People's Republic of China claims Taiwan as it claims Kinmen and Matsu (from 1 Oct 1949, as it dates its claim:
place_history.yaml cites its 2022 white paper and the Anti-Secession Law of 2005), so Taiwan's home territory lists
China as a claimant; it listed none. The claimant view then takes Taiwan's attack on China there (North Korea bound
to China's defence, on a place that is China's only in that view: conflicting); China's attack on Taiwan reads the
same in both views, the place being Taiwan's in each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import foedus
from foedus.errors import ScenarioError

CURATED = foedus.World.load(history=False)


def run(attacker: str, target: str, **kw: Any) -> foedus.CascadeResult:
    return foedus.cascade(attacker, target, "2025-06-01", world=CURATED, place="taiwan", **kw)


@pytest.mark.parametrize(("day", "claimants"), [("1949-09-30", []), ("1949-10-01", ["CHN"]), ("2025-06-01", ["CHN"])])
def test_taiwan_is_claimed_by_china_from_1_oct_1949(day: str, claimants: list[str]) -> None:
    taiwan = CURATED.places.on(dt.date.fromisoformat(day))["taiwan"]
    assert (taiwan.sovereign, taiwan.administrator, taiwan.claimants) == ("TWN", "TWN", claimants)


def test_the_claimant_view_takes_taiwans_attack_on_china_in_taiwan() -> None:
    with pytest.raises(ScenarioError):
        run("TWN", "CHN")
    prk = run("TWN", "CHN", territory_view="claimant").joiner("PRK")
    assert prk is not None and prk.primary.treaty == "chn_prk_1961" and prk.primary.certainty == "conflicting"
    assert prk.primary.certainty_reasons[0].kind == "place"


def test_chinas_attack_on_taiwan_reads_the_same_in_both_views() -> None:
    views = [run("CHN", "TWN", territory_view=view) for view in ("recognized", "claimant")]
    alone = ({"attack": ["CHN"], "defense": ["TWN"]}, [])
    assert [(r.sides, [j.state for j in r.joiners]) for r in views] == [alone, alone]
