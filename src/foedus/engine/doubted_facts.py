"""Which facts an obligation rests on are not verified, by its certainty reasons: the one rule the war replay's
"Why?" (`foedus.war.why_record.rests_on`), its `doubted` lists and the cascade's explanation (`foedus.render`) read,
kept with the engine's records rather than in either interface."""

from __future__ import annotations

from collections.abc import Sequence

from foedus.engine.records import CertaintyReason
from foedus.model.vocab import Certainty

__all__ = ["FACT_KINDS", "doubted", "verified_fact"]

FACT_KINDS = ("treaty", "article", "validity", "membership", "date")
"""The kinds of fact an obligation rests on, in `foedus.war.why_record.WarWhy.facts`' order: `validity` is when the
clause applies (`Provision.valid`, a term presumed extended), apart from the clause as encoded (`article`)."""


def verified_fact(kind: str, reasons: Sequence[CertaintyReason]) -> bool:
    """Whether an obligation's fact of `kind` is verified: unless a reason of its kind among the obligation's
    certainty `reasons` tags it other than verified (only a date's can be verified: known only to a window,
    `reason_heading`'s "not to the day")."""
    return all(r.kind != kind or r.certainty == Certainty.VERIFIED.value for r in reasons)


def doubted(reasons: Sequence[CertaintyReason]) -> tuple[str, ...]:
    """The kinds of fact (treaty, article, validity, membership, date) an obligation with certainty `reasons` rests
    on that are not verified (`verified_fact`): what `foedus war`'s text names after a duty's certainty, its JSON's
    `doubted`, and the facts the cascade's explanation lists beneath a joiner."""
    return tuple(kind for kind in FACT_KINDS if not verified_fact(kind, reasons))
