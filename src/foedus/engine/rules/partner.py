"""Whether a neutrality clause also binds when its partner attacks (`binds_when_partner_attacks`): the rule `where`
re-exports for the engines, kept apart from the engine's scenario so the treaty loader can ask it of a file
(`foedus.model.scope_reach`: such a clause binds wherever its partner strikes, its scope unread) without an import
circle."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foedus.model.treaty import Provision

__all__ = ["binds_when_partner_attacks"]


def binds_when_partner_attacks(provision: Provision) -> bool:
    """Whether a neutrality clause also binds when its partner attacks (ATOP NEUCOATT = 0), not only when attacked.

    The trigger (`verdict.unmet`), the `aggressor` gate and every engine's list of the legs that may bind on
    their beneficiary's attack read this one test (as `where.binds_when_partner_attacks`, looked up when called);
    the treaty loader's scope check (`foedus.model.scope_reach`) reads it here."""
    return provision.when_partner_attacks
