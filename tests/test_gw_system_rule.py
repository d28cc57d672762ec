"""`foedus dyads --system gw`: the cascade covariates read the state-system rule (`foedus.engine.rules.system`: a
party out of the system by the day is no party then) on the Gleditsch–Ward list's dates, the table's own system
(`foedus.research.gw_dated`), not on COW's. GW keeps Norway in its list under occupation (COW has it out from
1940-05-01 to 1945-05-06): the GW table of 1942 has Norway's rows, and read COW's rule, so Germany attacking Norway
had 0 defenders and Norway defended no one, while the table counted it a member."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from foedus.engine.rules.system import in_system
from foedus.model.world import World
from foedus.research.dyads import DyadOptions, build_dyads
from foedus.research.gw_dated import gw_world

pytestmark = pytest.mark.needs_data

D = dt.date.fromisoformat


def _defenders(system: str, year: int) -> pd.Series:
    table = build_dyads(World.default(), DyadOptions(first=year, last=year, system=system))  # type: ignore[arg-type]
    codes = ["gwcode1", "gwcode2"] if system == "gw" else ["ccode1", "ccode2"]
    return table.set_index(codes)["cascade_defenders"]


def test_the_gw_table_reads_the_rule_on_gw_dates() -> None:
    gw, cow = _defenders("gw", 1942), _defenders("cow", 1942)
    assert (385, 255) not in cow.index  # not a COW member: no row there
    assert gw.loc[(255, 385)] > 0  # Germany attacking Norway, a member of the GW list: its allies are bound
    assert gw.loc[(255, 200)] > cow.loc[(255, 200)]  # Norway and the other occupied members defend the UK
    before = _defenders("gw", 1939), _defenders("cow", 1939)  # no member of one list out of the other then
    assert before[0].loc[(255, 200)] == before[1].loc[(255, 200)]


def test_each_state_carries_the_gw_dates_of_the_codes_that_name_it() -> None:
    world = World.default()
    states = gw_world(world).states
    assert not in_system(world.states, "NOR", D("1942-07-01")) and in_system(states, "NOR", D("1942-07-01"))
    assert not in_system(states, "DEU", D("1970-07-01"))  # GW 255 ends in 1945; GW 260 is COW 255 from 1990-10-03
    assert in_system(states, "DEU", D("1990-10-03")) and not in_system(states, "COW260", D("1990-10-03"))
    assert in_system(states, "COW260", D("1990-10-02"))
    assert in_system(states, "SRB", D("2010-07-01")) and in_system(states, "SRB", D("1900-07-01"))  # GW 340, 345
    assert states.states["PSE"].spells == world.states.states["PSE"].spells  # not coded by COW: as it was
