"""The gates' words that are longer than a line of the gate table (`foedus.engine.rules.gates`): what the
`non_military` gate says of the EU neutrals' legs, held back (the usual reading of Art. 42(7)'s carve-out) or bound
(`--non-military bound`, a reader who rejects that reading). Beside the gates, so that the rules and the world cache's
key read one module for them (`foedus.world_cache._CODE_FOLDERS`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.engine.leg import Leg

__all__ = ["NON_MILITARY_BOUND", "NON_MILITARY_SHOWN", "non_military_assumes", "non_military_reason"]

NON_MILITARY_SHOWN = "aid it may limit to non-military means"
"""What `foedus treaties show`'s gates column says of a clause whose obligors may limit their aid to non-military means
(`Provision.non_military`: the four EU neutrals under Art. 42(7)), held back by the `non_military` gate."""

NON_MILITARY_BOUND = "--non-military bound"
"""The switch that holds them bound (`Scenario.non_military`), as a bound leg's assumption names it."""


def non_military_reason(leg: Leg, names: Mapping[str, str]) -> str:
    """Why the `non_military` gate holds a leg back: what the duty is, and not more. Its obligor owes the beneficiary
    aid, which it may limit to non-military means (`Provision.non_military` says why), so it is not bound to fight,
    and no count of the belligerents or of their power counts it."""
    return (f"it owes {named_state(leg.beneficiary, names)} aid, but may limit its aid to non-military means "
            f"({leg.provision.non_military}), so it is not bound to fight")


def non_military_assumes(leg: Leg, names: Mapping[str, str]) -> str:
    """What a leg the `non_military` gate lets bind (`--non-military bound`) rests on: that the clause's carve-out
    does not let its obligor limit its aid to non-military means, a reading the clause's usual one rejects."""
    return (f"bound to fight only by rejecting the reading that it may limit its aid to non-military means "
            f"({leg.provision.non_military}; {NON_MILITARY_BOUND})")
