"""A correction's `guarantee` (`foedus.sources.corrections`): who owes defence to whom, where ATOP cannot say.

ATOP's member file says which members owe defence, not to whom, so the import has the guarantors of one state owe
it to one another too (`foedus.sources.atop`: S2 among those who owe it, S5 to those who owe none). A `guarantee`
names the protected `states`, from a page whose text says so: the alliance's defence is then owed by the other
members to them alone, one-way (S5), and the guarantors owe one another nothing under it. Other kinds (offence,
neutrality, consultation) stay as ATOP codes them.
"""

from __future__ import annotations

from foedus.model.treaty import Provision, Treaty
from foedus.model.vocab import Kind, Strength

__all__ = ["cannot_guarantee", "guarantee_update"]


def _defence(t: Treaty) -> list[Provision]:
    return [p for p in t.provisions if p.kind is Kind.DEFENSE]


def cannot_guarantee(t: Treaty, states: set[str]) -> str | None:
    """Why `t`'s defence cannot be read as a guarantee of `states` (one is not a member, one owes defence itself, no
    other member owes it), or None."""
    members = {m.state for m in t.members}
    if missing := sorted(states - members):
        return f"{', '.join(missing)} is not a member of {t.id}: a guarantee is owed to members only"
    owing = {s for p in _defence(t) for s in (p.obligors if p.obligors is not None else members)}
    if owe := sorted(owing & states):
        return (f"{', '.join(owe)} owes defence itself in {t.id} as ATOP codes it: a guarantee is owed one-way, to "
                "members that owe none")
    if not owing:
        return f"no member of {t.id} owes defence as ATOP codes it: there is no guarantee to direct"
    return None


def guarantee_update(t: Treaty, states: set[str]) -> dict[str, object]:
    """`t`'s provisions with each defence provision owed to `states` alone, one-way (S5); two that become the same
    (the S2 one the guarantors owed one another and the S5 one owed to the protected) are kept once."""
    out: list[Provision] = []
    for p in t.provisions:
        if p.kind is Kind.DEFENSE:
            p = p.model_copy(update={"strength": Strength.S5, "beneficiaries": sorted(states)})
        if p not in out:
            out.append(p)
    return {"provisions": out}
