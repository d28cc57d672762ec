"""A compiled leg: one provision owed by one state to another, with what the rules decided about it.

Data only; `foedus.engine.table` builds legs by calling `foedus.engine.rules`, and every engine reads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from foedus.datarecord import dataclass, field
from foedus.model.vocab import Kind, Strength

if TYPE_CHECKING:
    from collections.abc import Mapping

    from foedus.model.treaty import Provision, Treaty


__all__ = ["KIND_ORDER", "STRENGTH_ORDER", "Counterparts", "Leg", "instrument_of", "known_under", "owed_under",
           "row_instruments"]

STRENGTH_ORDER = {s: i for i, s in enumerate(Strength)}
KIND_ORDER = {k: i for i, k in enumerate(Kind)}


@dataclass(frozen=True, slots=True)
class Counterparts:
    """Whose attack (for offence: which victim) a leg covers: anyone, only `allow`, or anyone but `deny`."""

    allow: frozenset[str] | None = None
    deny: frozenset[str] = frozenset()
    anyone: bool = field(init=False, repr=False, compare=False)  # True when the leg covers every counterpart

    def __post_init__(self) -> None:
        object.__setattr__(self, "anyone", self.allow is None and not self.deny)

    def admits(self, state: str) -> bool:
        """Whether `state` is a counterpart the leg covers."""
        return (self.allow is None or state in self.allow) and state not in self.deny



@dataclass(frozen=True, slots=True)
class Leg:
    """Provision `provision` of `treaty`, owed by `obligor` to `beneficiary`, as the rules compiled it."""

    obligor: str
    beneficiary: str
    treaty: Treaty
    provision: Provision
    instrument: str  # what kind of instrument the leg is owed under (`treaty`, `executive_order`, ...):
    # `instrument_of` its treaty between its two states, found when the leg is made (`foedus.engine.table`), the one
    # source of every record an engine makes of the leg (an obligation, a consultation, a neutrality duty) and of a
    # war's triggered duty, so that each says alike whether it is a treaty (`foedus.cited.instrument_said`)
    counterparts: Counterparts = field(default_factory=lambda: Counterparts())
    gates: tuple[str, ...] = ()
    commitment: int = -1  # index into `LegTable.commitments`; -1 for kinds that are not commitments
    suspended: str | None = None  # why the leg is suspended on the date (a member, the leg itself, or a party out of
    # the state system: `rules.system`), if it is
    parties: frozenset[str] = frozenset()  # the treaty's parties on the date (scope: `administered-by-party`)

    @property
    def sort_key(self) -> tuple[int, int, str, str, str]:
        """Total order: stronger first, then kind, treaty id, article, obligor."""
        p = self.provision
        return (STRENGTH_ORDER[p.strength], KIND_ORDER[p.kind], self.treaty.id, p.article, self.obligor)

    def gated_by(self, gate: str) -> bool:
        """Whether the leg carries the named gate."""
        return gate in self.gates


def instrument_of(treaty: Treaty, obligor: str, beneficiary: str) -> str:
    """The kind of instrument a duty between two states is owed under (`owed_under` the treaty's `row_instruments`).
    A row carries one where the partners' agreements differ in kind (ukr_bilateral_2024: the US's a legally binding
    executive agreement, the others reported politically binding only)."""
    return owed_under(row_instruments(treaty), treaty.instrument.value, obligor, beneficiary)


def owed_under(rows: Mapping[str, str], own: str, obligor: str, beneficiary: str) -> str:
    """The one rule: the obligor's member row's own instrument (`rows`), else the beneficiary's (Ukraine's duty to a
    partner is under that partner's agreement), else the treaty's (`own`)."""
    return rows.get(obligor) or rows.get(beneficiary) or own


def known_under(rows: Mapping[str, str], obligor: str, beneficiary: str) -> bool:
    """Whether the instrument `owed_under` reads is known (`Support.instrument_known`): not where the treaty's rows
    differ in kind (`rows` not empty) and neither state's row names one (ukr_bilateral_2024's Lithuania, Ireland,
    Croatia, Greece: no source says whether their agreements bind in law), so the record's is only presumed."""
    return not rows or obligor in rows or beneficiary in rows


def row_instruments(treaty: Treaty) -> dict[str, str]:
    """Each state's own instrument in `treaty` (its first row's with one), empty for every treaty but those whose rows
    differ; read from the record each time it is asked (no cache: a table reads it once per treaty it compiles)."""
    return {m.state: m.instrument.value for m in reversed(treaty.members) if m.instrument is not None}
