"""Which membership row is a party from a signature on the signed basis: the one home of that rule, in a module
light enough for the engine's fast start (no pydantic): `treaty_checks.first_party_day` and
`foedus.engine.certainty.party_on` read it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foedus.model.treaty import Member, Treaty

__all__ = ["party_from_signature"]


def party_from_signature(treaty: Treaty, m: Member) -> bool:
    """Whether on the signed basis the row is a party from a signature: its own, else, for a founder, the treaty's."""
    return m.signed is not None or m.joined is None or m.joined == treaty.in_force
