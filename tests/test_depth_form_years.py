"""A form of help counts toward an alliance's depth in a year only if it held then (its `since` and `until`, one rule
with the support legs: `foedus.model.help.held_in`). Until 2026-12-06 the depth read no span: SEATO's organisation,
dissolved in 1977, kept the Manila Pact (1.09) "deeper" than NATO (1.03) in 2015, the deepest alliance 17 pairs shared
that year (US–UK and US–France among them; UK–France shared the deeper EU Art. 42(7) already)."""

from __future__ import annotations

import json

import pytest

from foedus.model.treatymap import TreatyMap
from foedus.model.world import World
from foedus.research.atop_flags import YEAR_SPAN
from foedus.research.depth import DepthModel, treaty_depth
from foedus.research.dyad_depth import shared_depth_keys
from foedus.sources.atop_codes import treaty_codes
from samples import cli_line

USA, UK, FRA, PHL, THA = 2, 200, 220, 840, 800


def test_a_form_counts_in_the_years_it_held(world: World) -> None:
    """The Manila Pact's organisation and planning ended in 1977 (`until: 1977`, that year included): 1978's codes
    have neither, the treaty's own (alliance-level, as ATOP's) keep both."""
    from foedus.sources.atop_codes import form_years  # here: the other tests fail on what they check, not an import

    manila = world.treaty("manila_1954")
    assert form_years(manila) == [1978]
    for year, organ, milcon in ((1977, 3, 2), (1978, 0, 0), (None, 3, 2)):
        codes = treaty_codes(manila, year=year)
        assert (codes["organ1"], codes["milcon"]) == (organ, milcon), year
    model = DepthModel.bundled()
    assert treaty_depth(manila, model, year=1978)["depth"]["mean"] < treaty_depth(manila, model)["depth"]["mean"]
    assert treaty_depth(manila, model, year=1977)["depth"] == treaty_depth(manila, model)["depth"]


@pytest.mark.needs_data
def test_the_dyads_depth_reads_each_years_forms(world: World) -> None:
    """Thailand and the Philippines share only the Manila Pact (and ATOP's phases it replaces): its depth drops
    from 1978, as `treaty_depth(year=...)` scores it."""
    manila = world.treaty("manila_1954")
    keys, depth, ids = shared_depth_keys(World(TreatyMap({manila.id: manila}), world.states, world.places))
    model = DepthModel.bundled()
    base = (THA * 1000 + PHL) * YEAR_SPAN
    for year in (1960, 1977, 1978, 2015):
        at = keys.tolist().index(base + year)
        assert ids[at] == "manila_1954"
        assert depth[at] == pytest.approx(treaty_depth(manila, model, year=year)["depth"]["mean"]), year


@pytest.mark.needs_data
def test_seato_is_no_longer_the_deepest_alliance_of_the_us_uk_and_france_in_2015(world: World) -> None:
    """NATO is the US's with the UK and France (the UK and France share the deeper EU Art. 42(7)); the Manila Pact
    is no pair's in 2015."""
    keys, _, ids = shared_depth_keys(world)
    found = dict(zip(keys.tolist(), ids, strict=True))
    for a, b, deepest in ((USA, UK, "nato_1949"), (USA, FRA, "nato_1949"), (UK, FRA, "eu_teu_42_7")):
        assert found[(a * 1000 + b) * YEAR_SPAN + 2015] == deepest, (a, b)
    assert "manila_1954" not in {found[k] for k in found if k % YEAR_SPAN == 2015}


def test_treaties_show_says_the_depth_after_a_form_ended() -> None:
    """`treaties show` prints the treaty's depth over its life (every form it held), and says so, with the depth
    from its forms' last change on."""
    text = " ".join(cli_line(["treaties", "show", "manila_1954"]).stdout.split())
    late = treaty_depth(World.default().treaty("manila_1954"), year=1978)["depth"]
    assert "depth above counts every form of help the treaty has held" in text
    assert f"from 1978 on, depth {late['mean']:+.2f} [{late['lo']:+.2f}, {late['hi']:+.2f}]" in text
    assert "depth above counts" not in " ".join(cli_line(["treaties", "show", "rus_prk_2024"]).stdout.split())
    data = json.loads(cli_line(["treaties", "show", "manila_1954", "--json"]).stdout)  # and GET /api/treaties/{id}
    assert data["depth_latest"]["year"] == 1978 and data["depth_latest"]["depth"] == pytest.approx(late)
    assert json.loads(cli_line(["treaties", "show", "rus_prk_2024", "--json"]).stdout)["depth_latest"] is None
