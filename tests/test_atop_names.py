"""An ATOP alliance is named by its number and, in brackets, the states in it: the first six in code order. A longer
membership was cut to six with nothing said, so that `foedus treaties show atop_4778` (the Eastern Caribbean
Regional Security System, seven states in ATOP) read "ATOP alliance 4778 (ATG, BRB, DMA, GRD, KNA, LCA)", as if St
Vincent and the Grenadines were not in it. The name now counts the states it leaves out (the Regional Security System
is named by a `named` correction since session 61: an eleven-state ATOP alliance of the Central African states,
atop_4945, which no page names, shows the count). Reads ATOP from the data folder."""

from __future__ import annotations

import re

import pytest

from foedus.cited_names import atop_title
from foedus.model.world import World

pytestmark = pytest.mark.needs_data


def test_a_membership_longer_than_six_is_counted_in_the_name(world: World) -> None:
    eccas = world.treaty("atop_4945")
    assert eccas.name == "ATOP alliance 4945 (AGO, BDI, CAF, CMR, COD, COG and 5 more)"
    assert {"GAB", "GNQ", "RWA", "STP", "TCD"} <= {m.state for m in eccas.members}


def test_no_atop_name_lists_six_states_as_if_they_were_all(world: World) -> None:
    """Every ATOP alliance named with six states and nothing more has at most six in ATOP (a correction may add one
    later, as Guyana's 2022 accession to atop_4778, which the name, ATOP's, does not count). An alliance a `named`
    correction names (the Treaty of Amity and Cooperation in Southeast Asia, atop_3755) has its own name instead."""
    named = [t for t in world.treaties.values() if t.id.startswith("atop_") and atop_title(t) is None]
    assert len(named) > 100
    for t in named:
        listed = re.fullmatch(r"ATOP alliance \d+(?:, phase \d+)? \((.*)\)", t.name)
        assert listed is not None, t.name
        codes, _, more = listed.group(1).partition(" and ")
        count = len(codes.split(", ")) + (int(more.removesuffix(" more")) if more else 0)
        assert count <= len({m.state for m in t.members}), (t.id, t.name)
        in_atop = {m.state for m in t.members if m.note is None or "correction" not in m.note}
        assert count >= len(in_atop), (t.id, t.name)
