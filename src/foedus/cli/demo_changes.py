"""What changed between the demo's two answers, in words (`foedus demo`'s "What changed:" line): the states bound to
join that were not, then the supporters and consultations gained and lost, so that a reader of the two answers misses
none of their differences (it said only the new joiners: Croatia and Greece becoming supporters and North Korea's
rus_prk_2000 consultation ending went unsaid)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from foedus.by_name import by_name
from foedus.cited import cited
from foedus.engine.result import CascadeResult
from foedus.wording import named_state

__all__ = ["changed_lines"]


def changed_lines(before: CascadeResult, after: CascadeResult, first: str) -> list[str]:
    """Each change from `before` (on `first`) to `after`, a clause each: new joiners (cited, from the day the ongoing
    war's record says, with its cause), then supporters and consultations gained and lost, each with its treaty."""
    bound = (after.ongoing or {}).get("bound_since", {})
    lines = []
    had = {j.state for j in before.joiners}
    new = {j.state: j for j in reversed(after.joiners) if j.state not in had}  # each state's first, as `joiner`'s
    for st, j in sorted(new.items()):
        since = bound.get(st, {})
        cause = since["cause"]["text"] if since.get("cause") else None  # the record's words, as print_ongoing's
        under = cited(j.primary.treaty, j.primary.article)
        lines.append(f"{named_state(st, after.names)} is bound to join under {under}"
                     + (f" from {since['since']} ({cause}), in the middle of the war" if since and cause else "")
                     + f", not bound on {first}")
    lines += _moved(before.supporters, after.supporters, after, "supports", first)
    lines += _moved(before.consultations, after.consultations, after, "consults", first)
    return lines


def _moved(before: Iterable[Any], after: Iterable[Any], result: CascadeResult, verb: str, first: str) -> list[str]:
    """The pairs (a state, the one it helps or consults, under a treaty) in one answer and not the other, by the
    state's name: "Croatia (HRV) supports Ukraine (UKR) under ukr_bilateral_2024, which it did not on 2024-08-06"."""
    def pairs(xs: Iterable[Any]) -> set[tuple[str, str, str]]:
        return {(x.state, getattr(x, "supports", None) or x.with_, x.treaty) for x in xs}

    old, new = pairs(before), pairs(after)
    out = []
    for gained, said in ((True, sorted(new - old)), (False, sorted(old - new))):
        for state, other, treaty in by_name(said, lambda p: named_state(p[0], result.names)):
            who, whom = named_state(state, result.names), f"{named_state(other, result.names)} under {treaty}"
            out.append(f"{who} {verb} {whom}, which it did not on {first}" if gained else
                       f"{who} no longer {verb} {whom}, as it did on {first}")
    return out
