"""A comparison's change in words, after the state it moves: `foedus compare` prints it, and the web's compare view
says the same (web/src/said.ts `changeWords`; tests/test_said_parity.py runs both on the same records)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from foedus.cited import bound_tag, tagged_article
from foedus.whatif_words import hypothetical_said

__all__ = ["change_words"]


def change_words(kind: str, x: Mapping[str, Any]) -> str:
    """What `compare_results` found of one state, `kind` being the list it is in (gained, lost, switched or
    rebased): "is bound to join the defense side (nato_1949 art. 5)", a duty, not a forecast (as `foedus war` and
    the cascade's lines say one); a rebased state's primary obligation named once, then the other treaties added and
    dropped ("is still bound to join the defense side, now under A (was B); added C"), and its strength where it
    changed ("under A, now S1 (was S3)"; "now under A (was B), S1 (was S2)"), and the what-if changes that duty now
    rests on (`rests_on_what_if`: "now S1 (was S3) (hypothetical: rests on the what-if change set_strength …)"); a
    gained or switched state's new duty its strength after its citation ("(nato_1949 art. 5, S2)"; none in a record
    without it). A gained, lost or switched state's obligation is tagged as a war's binding is when not verified
    (`bound_tag`: "is bound to join the attack side (csto_1992 art. 4, S2) (secondary: article)"), an article's own
    note of that doubt dropped (`tagged_article`), so that a joiner under unverified facts does not read as one under
    verified facts, then, for one gained or switched, the what-if changes its duty rests on, as a rebased one's."""
    if kind in ("gained", "lost", "switched"):
        sure, doubted = x["certainty"], tuple(x["doubted"])
        named = x["why_before" if kind == "lost" else "why"]
        strength = f", {x['strength']}" if kind != "lost" and x.get("strength") else ""  # the new duty's, as rebased
        why = f"{tagged_article(named, sure, doubted)}{strength}){bound_tag(sure, doubted)}"
        why += hypothetical_said(x.get("rests_on_what_if", ()))  # a gained or switched duty the what-if change's
        return (f"is bound to join the {x['side']} side ({why}" if kind == "gained"
                else f"is no longer bound to join the {x['side']} side (was {why}" if kind == "lost"
                else f"is bound to join the {x['to']} side, no longer the {x['from']} side ({why}")
    said = {x["why"], x["why_before"]}
    moved = f"now under {x['why']} (was {x['why_before']})" if x["why"] != x["why_before"] else f"under {x['why']}"
    if x.get("strength") != x.get("strength_before"):  # the duty made stronger or weaker (a what-if's strength, a pact)
        moved += f", {'now ' if x['why'] == x['why_before'] else ''}{x['strength']} (was {x['strength_before']})"
    moved += hypothetical_said(x.get("rests_on_what_if", ()))  # its duty now the what-if change's
    more = [f"{word} {', '.join(rest)}" for word in ("added", "dropped")
            if (rest := [t for t in x[word] if t not in said])]
    return f"is still bound to join the {x['side']} side, {'; '.join([moved, *more])}"
