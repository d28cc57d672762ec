"""A what-if's add_member joining on or after the treaty's termination is refused (`foedus.model.overlay_apply`):
it was applied and changed nothing, unsaid."""

from __future__ import annotations

import pytest

from foedus.errors import FoedusError
from foedus.model.overlay import Overlay
from foedus.model.overlay_changes import AddMember
from foedus.model.world import World


def test_a_member_added_after_the_treaty_ended_is_refused(world: World) -> None:
    """The WEU's treaty ended on 2011-06-30: Poland added from 2015 was never a party, and `cascade -a RUS -t POL
    --date 2016-06-01` with that overlay cited weu_1948 nowhere, exit 0."""
    with pytest.raises(FoedusError) as info:
        Overlay(changes=[AddMember(treaty="weu_1948", state="POL", joined="2015-01-01")]).apply(world)
    assert str(info.value) == ("what-if: weu_1948 was terminated on 2011-06-30 (its first day out of force): POL "
                               "joining on 2015-01-01 would never be a party")


def test_a_member_added_before_the_treaty_ended_is_a_party(world: World) -> None:
    weu = Overlay(changes=[AddMember(treaty="weu_1948", state="POL", joined="2010-01-01")]).apply(world)
    assert [str(m.joined) for m in weu.treaty("weu_1948").members if m.state == "POL"] == ["2010-01-01"]
