"""Which facts an obligation rests on are not verified, by its certainty reasons: the one rule the war replay's
"Why?" (`foedus.war.why_record.rests_on`), its `doubted` lists and the cascade's explanation (`foedus.render`) read,
kept with the engine's records rather than in either interface."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from foedus.engine.records import CertaintyReason
from foedus.model.vocab import CERTAINTY_RANK, Certainty

__all__ = ["FACT_KINDS", "Doubts", "doubt_entry", "doubt_levels", "doubted"]

FACT_KINDS = ("treaty", "article", "validity", "membership", "date")
"""The kinds of fact an obligation rests on, in `foedus.war.why_record.WarWhy.facts`' order: `validity` is when the
clause applies (`Provision.valid`, a term presumed extended), apart from the clause as encoded (`article`)."""


def doubted(reasons: Sequence[CertaintyReason]) -> tuple[str, ...]:
    """The kinds of fact (treaty, article, validity, membership, date) an obligation with certainty `reasons` rests
    on that are not verified (`doubt_levels`): what `foedus war`'s text names after a duty's certainty, its JSON's
    `doubted`, and the facts the cascade's explanation lists beneath a joiner; `doubt_levels`' keys."""
    return tuple(doubt_levels(reasons))


def doubt_levels(reasons: Sequence[CertaintyReason]) -> dict[str, str]:
    """Each kind of fact not verified, in `FACT_KINDS` order, with the weakest certainty its reasons give it (a fact
    is verified unless a reason of its kind tags it other than verified: only a date's can be verified, known only to
    a window, `reason_heading`'s "not to the day"): {"treaty": "secondary", "article": "unverified"}, so that a tag
    says which fact is how sure (`foedus.cited.bound_tag`) rather than every doubted fact under the obligation's
    weakest level. The one reading of the reasons: `doubted` is its keys, the `levels` beside every `doubted` list is
    it, and a war's "Why?" facts are verified where it has no key of theirs (`foedus.war.why_record.rests_on`)."""
    weakest: dict[str, Certainty] = {}
    for r in reasons:
        if r.certainty != Certainty.VERIFIED.value and r.kind in FACT_KINDS:  # not a what-if's, say ("hypothetical")
            tag, was = Certainty(r.certainty), weakest.get(r.kind)
            if was is None or CERTAINTY_RANK[tag] > CERTAINTY_RANK[was]:
                weakest[r.kind] = tag
    return {kind: weakest[kind].value for kind in FACT_KINDS if kind in weakest}


class Doubts:
    """A record that keeps an obligation's `levels` (`doubt_levels`) and derives its `doubted` from them, so that the
    two cannot disagree (a war's `Bound` and `Also`, and a frame's `_Made`; a comparison's ongoing changes derive
    theirs likewise, as keys of their JSON contract: `foedus.war.ongoing_records`)."""

    __slots__ = ()
    levels: dict[str, str]

    @property
    def doubted(self) -> tuple[str, ...]:
        """The facts not verified, in `FACT_KINDS` order: `levels`' keys."""
        return tuple(self.levels)


def doubt_entry(reasons: Sequence[CertaintyReason]) -> dict[str, Any]:
    """A JSON record's `doubted` and `levels` (`doubted`, `doubt_levels`), as a war's duties carry them."""
    levels = doubt_levels(reasons)  # the reasons read once: `doubted` is its keys
    return {"doubted": list(levels), "levels": levels}
