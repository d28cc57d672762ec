"""Since when a state has been bound to join one side without a break: the trailing run of its `bound_spans` that
follow one another day to day on that side, a change of the treaty or article that binds it no break. The one reading
of `foedus war --state`'s "bound without a break since" (a frame's `bound` entry's `since`) and of `cascade
--ongoing-since`'s `bound_since` (`foedus.war.ongoing`)."""

from __future__ import annotations

from typing import Any

__all__ = ["SPAN_BINDING", "began_on", "released_span", "since_entry", "unbroken"]

SPAN_BINDING = ("treaty", "article", "instrument", "certainty", "doubted", "levels")
"""What a bound span says of the provision that binds it, as a frame's `bound` entry and a lapse cite it."""


def unbroken(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trailing run of `spans` (a state's `bound_spans`, its last one open) each beginning the day the one before
    it ended, on the same side: one bound stretch, under the treaties and articles that took one another's place. A
    run to another side is a break (bound to the attack side, then the defence, is not bound to either since the
    first day)."""
    run = [spans[-1]]
    for span in reversed(spans[:-1]):
        if span["to"] != run[0]["from"] or span["side"] != run[0]["side"]:
            break
        run.insert(0, span)
    return run


def since_entry(spans: list[dict[str, Any]], side: str) -> dict[str, Any]:
    """What a frame's `bound` entry says of since when the state has been bound to `side` without a break: `since`,
    the first day (`unbroken`), and `since_under`, the provision it was bound by then, only where that is another
    treaty or article than its last span's (Belarus: since 2024-08-06, first under csto_1992 art. 4, now
    rus_blr_2024 art. 4); nothing where its last span is not open on `side` (a state fighting, which is not bound)."""
    if not spans or spans[-1]["to"] is not None or spans[-1]["side"] != side:
        return {}
    run = unbroken(spans)
    first, last = run[0], run[-1]
    changed = (first["treaty"], first["article"]) != (last["treaty"], last["article"])
    return {"since": first["from"], **({"since_under": {k: first[k] for k in SPAN_BINDING}} if changed else {})}


def released_span(spans: list[dict[str, Any]]) -> dict[str, Any]:
    """A frame's `released` entry but its cause: a state's last bound span without its conditions, and where that span
    continued an earlier one without a break (`unbroken`), `since`, the run's first day, and `since_under`, the
    provision it was bound by then where another treaty or article (Belarus, released on 2025-04-27 from rus_blr_2024,
    bound since 2024-08-06, first under csto_1992), so the span's "from 2025-03-13" is not read as the start of its
    duty."""
    run = unbroken(spans)
    first, last = run[0], run[-1]
    span = {k: v for k, v in last.items() if k not in ("conditions", "unresolved")}
    if first is last:
        return span
    changed = (first["treaty"], first["article"]) != (last["treaty"], last["article"])
    return {**span, "since": first["from"], **({"since_under": {k: first[k] for k in SPAN_BINDING}} if changed else {})}


def began_on(spans: list[dict[str, Any]], side: str, day: str) -> dict[str, Any] | None:
    """The span that began the unbroken run (`unbroken`) by which a state is bound to `side` on `day`, from its
    `spans` as the replay ended (a record's `bound_spans`: those begun after `day` left out, the one still running
    on `day` read as open): its first day (`from`) and the provision it was bound by then, with that day's certainty
    (`foedus war --state --json`'s `bound_since`); None where no span on `side` runs on `day`."""
    upto = [s for s in spans if s["from"] <= day]
    if not upto or upto[-1]["side"] != side or (upto[-1]["to"] is not None and upto[-1]["to"] <= day):
        return None
    return unbroken([*upto[:-1], {**upto[-1], "to": None}])[0]
