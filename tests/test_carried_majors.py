"""COW's major-power list ends with its state system, in 2016, and its open spells are carried past it (a major
power of 2016 is one on any later day), as the state system is; the outputs that read it past 2016 (the atlas's
`majors_opposite_*`, `p_majors_opposite` and `tripwire_dyads_*`; the dyads' `cascade_major_defender`) said the
state system and CINC were carried, not the major powers. Now their notes say it too, and similarity, which reads
no major power, does not."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.model.world import World
from foedus.research.dyad_notes import dyad_notes
from foedus.sweeps.atlas import series_notes


@pytest.mark.needs_data
def test_the_notes_say_the_major_powers_are_carried_where_they_are_read(world: World) -> None:
    later = dt.date(2020, 7, 1)
    assert world.states.is_major("USA", later) and world.states.is_major("CHN", later)  # carried: COW ends in 2016
    assert not world.states.is_major("USA", dt.date(1890, 7, 1))  # ...and read from the list, not assumed
    yearly = ("after 2016 the state system, its major powers and each state's CINC are those of 2016, carried "
              "forward (the COW state system v2016, its major-power list and NMC 6.0 end in 2016)")
    assert series_notes(2020)[0] == yearly  # the yearly atlas: tripwire_dyads and the capability shares
    dated = ("after 2016 the state system and its major powers are those of 2016, carried forward (the COW state "
             "system v2016 and its major-power list end in 2016)")
    assert series_notes(2020, cinc=False)[0] == dated  # an atlas of one date: majors_opposite, p_majors_opposite
    similarity = ("after 2016 the state system and each state's CINC are those of 2016, carried forward (the COW "
                  "state system v2016 and NMC 6.0 end in 2016)")
    assert series_notes(2020, majors=False)[0] == similarity
    assert series_notes(2016) == [] and series_notes(2016, cinc=False) == []
    (covariates,) = [n for n in dyad_notes(2017, covariates=True) if "cascade covariates" in n]
    assert covariates == ("after 2016 the cascade covariates count the COW members of 2016, each with its 2016 CINC "
                          "and major-power status, carried forward (the COW state system v2016, its major-power list "
                          "and NMC 6.0 end in 2016)")
    assert not any("major" in n for n in dyad_notes(2017, covariates=False))
