"""What the rules read of a compiled leg to decide whom it binds, but for how it is cited: two legs that read alike
bind alike in every deterministic engine (legal and escalatory; the honour draws are per treaty, so not there).

A doubt's hypothesis (`foedus.engine.doubt_reach`) that only adds legs reading as legs already in force (France–
Djibouti 2024 repeats the 2011 treaty's clause, from another article and source) changes no one's answer: the
cascade need not be run again to say so. Every rule reads a leg through what `reading` keeps: its two states, its
provision but for `UNREAD`, its adversary clause, its gates, whether it is suspended, the treaty's parties (a scope
of the parties' territory) and whether the treaty has a priority clause (`precedence`); a support leg through
`support_reading`. A rule that reads more of a leg (its treaty's identity, a field listed in `UNREAD`) must be read
here too (tests/test_alike_rule_engines.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from foedus.engine.leg import Leg

if TYPE_CHECKING:
    from foedus.engine.rules.support import SupportLeg
    from foedus.model.treaty import Provision

__all__ = ["UNREAD", "Reading", "reading", "readings", "support_reading"]

Reading = tuple[object, ...]

# the provision's fields no rule reads to decide whom a leg binds: how it is numbered, summed up and sourced, how well
# it and its gates are known (said in the reasons, never deciding), and what the table compiles into each leg (who
# owes it to whom, the days it applies, the legs it suspends: `foedus.engine.table`)
UNREAD = frozenset({"article", "summary", "certainty", "doubt", "source", "note", "gates_certainty", "valid",
                    "suspensions", "obligors", "beneficiaries"})


def _provision(provision: Provision, seen: dict[int, Reading]) -> Reading:
    """The provision's fields the rules read, as one comparable value (made once per provision in `seen`): the same
    for a schema model and for its runtime record (`foedus.model.records`), each keeping its fields in `__dict__`."""
    key = seen.get(id(provision))
    if key is None:
        key = seen[id(provision)] = tuple((k, _plain(v)) for k, v in sorted(vars(provision).items())
                                          if k not in UNREAD)
    return key


def _plain(value: object) -> object:
    """`value` as a hashable value equal to another's where their fields are: a nested model or record (a scope, an
    adversary clause) as its fields, a list as a tuple, a mapping as its sorted items."""
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _plain(v)) for k, v in value.items()))
    if hasattr(value, "model_fields_set"):  # a schema model or a runtime record
        return tuple((k, _plain(v)) for k, v in sorted(vars(value).items()))
    return value


def reading(leg: Leg, seen: dict[int, Reading] | None = None) -> Reading:
    """What the rules read of `leg` to decide whom it binds (`seen`: the provisions' readings made so far)."""
    return (leg.obligor, leg.beneficiary, _provision(leg.provision, {} if seen is None else seen), leg.counterparts,
            leg.gates, leg.suspended is None, leg.parties, leg.treaty.priority is not None)


def readings(legs: Iterable[Leg], seen: dict[int, Reading] | None = None) -> frozenset[Reading]:
    """The readings of `legs`, without repeats: a leg reading as another adds nothing to whom they bind."""
    made: dict[int, Reading] = {} if seen is None else seen
    return frozenset(reading(leg, made) for leg in legs)


def support_reading(leg: SupportLeg) -> Reading:
    """What the support rule (`foedus.engine.rules.support.supporters`) reads of a support leg to say who supports
    whom by which form: its giver, its taker, the form, whether it is owed only in wartime and where (its place
    limit's tokens)."""
    scope = leg.entry.scope
    where = None if scope is None else (tuple(scope.territory) if scope.territory is not None else None,
                                        tuple(scope.forces) if scope.forces is not None else None)
    return (leg.provider, leg.recipient, leg.entry.form, leg.entry.when, where)
