"""The official (UN, ISO) names of four states were unknown, as their registry names are short forms: 'Saint Lucia',
'Saint Kitts and Nevis' and 'Saint Vincent and the Grenadines' (registry: St. ...), and 'Brunei Darussalam'
(registry: Brunei). 'saint' and 'darussalam' are now words a name may be given with (`foedus.model.states`'s style
words), as 'Republic of' is: the state's own pattern still has to match."""

from __future__ import annotations

import pytest

from foedus.model.world import World


@pytest.mark.parametrize(("typed", "state"), [
    ("Saint Lucia", "LCA"), ("Saint Kitts and Nevis", "KNA"), ("Saint Vincent and the Grenadines", "VCT"),
    ("Brunei Darussalam", "BRN"),
])
def test_an_official_name_is_the_state(typed: str, state: str) -> None:
    assert World.default().states.resolve(typed).id == state

