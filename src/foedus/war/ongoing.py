"""The one-line form of a war replay: the attacks of a cascade, ongoing since an earlier date.

`foedus cascade --ongoing-since DATE` treats the scenario's attacks as ongoing from DATE to `--date`: the
cascade on `--date` is unchanged, and this summary adds, for each state it binds, the date from which it
has been bound without a break and the change (the attack, or a treaty change such as an entry into force)
that bound it; states bound for a while that are no longer bound on `--date` are listed as lapsed, each with the
change that released it (`cause`: the attacks go on to `--date`, so a treaty change, never a ceasefire).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from foedus.engine.scenario import Scenario
from foedus.errors import ScenarioError
from foedus.model.world import World
from foedus.war.evaluate import Settings
from foedus.war.events import War, WarEvent
from foedus.war.notes import replay_settings
from foedus.war.replay import replay
from foedus.war.unbroken import SPAN_BINDING, unbroken

__all__ = ["ongoing_summary"]


def ongoing_summary(world: World, scenario: Scenario, since: dt.date) -> dict[str, Any]:
    """Since when each state the scenario binds on its date has been bound, and by which change (the treaty,
    article and kind of instrument, `instrument`, that bound it then, with its `certainty` and the facts not verified,
    `doubted`, which its line tags as a joiner's, the `conditions` it assumes, said under the line as under a joiner's,
    and `now`, likewise); each lapse with the same of its binding.

    Raises:
        ScenarioError: `since` is after the scenario's date, or a party is not in the state system then (nor, for
            a `since` before 1816, on the system's first day, 1816-01-01, where the scenario's date is later).
    """
    if since > scenario.date:
        raise ScenarioError(f"--ongoing-since {since} is after the date of the cascade ({scenario.date})")
    from foedus.model.state_files import COW_FIRST_DAY
    from foedus.state_lists import non_member

    # a day before the system's first is not checked (membership unknown), but attacks ongoing from it to a later
    # date go on on that first day: each party is checked on it (Estonia, ongoing since 1815, was taken, for ~40 s)
    spanned = since < COW_FIRST_DAY <= scenario.date
    for role, states in (("attacker", scenario.attackers), ("target", scenario.targets)):
        for state in states:  # in the words a cascade's own date is refused in (`state_lists.non_member`)
            if said := non_member(world, world.states.get(state), since, role):
                raise ScenarioError(f"{said}, the day the attacks are ongoing since")
            if spanned and (said := non_member(world, world.states.get(state), COW_FIRST_DAY, role)):
                raise ScenarioError(f"{said}, its first day, within the attacks ongoing since {since}")
    event = WarEvent(0, "attack", since, attacks=scenario.attacks)
    war = War(id="ongoing", name="ongoing attack", events=(event,), end=scenario.date, source="--ongoing-since")
    settings = Settings(*replay_settings(scenario))  # type: ignore[arg-type]  # a checked scenario's switches
    result = replay(war, world, settings=settings, doubts=False)  # the summary reads no frame's doubts
    bound: dict[str, Any] = {}
    lapsed: list[dict[str, Any]] = []
    for state, rec in sorted(result.states.items()):
        spans = rec.bound_spans
        if spans and spans[-1]["to"] is None:
            run = unbroken(spans)  # the reading of a war's "Why?" (`foedus.war.unbroken`)
            first = run[0]["from"]
            moved = next((m for f in result.frames if f.date.isoformat() == first for m in f.moved
                          if m["state"] == state), None)
            bound[state] = {"since": first, "side": run[-1]["side"], **_binding(run[0]),
                            "cause": moved["cause"] if moved else None, "now": _binding(run[-1])}
            spans = spans[: len(spans) - len(run)]
        lapsed += [{"state": state, **{k: s[k] for k in ("side", "from", "to")}, **_binding(s),
                    "cause": next((m["cause"] for f in result.frames if f.date.isoformat() == s["to"] for m in f.moved
                                   if m["state"] == state), None)}
                   for s in spans if s["to"] is not None]
    return {"since": since.isoformat(), "until": scenario.date.isoformat(), "bound_since": bound, "lapsed": lapsed,
            "changes": [c for f in result.frames[1:] for c in f.changes if any(m["cause"] == c for m in f.moved)]}


def _binding(span: dict[str, Any]) -> dict[str, Any]:
    """What an ongoing line cites of a bound span's provision (`SPAN_BINDING`) and the conditions it assumes, as the
    cascade's obligation states them (`Obligation.conditions`; none in a span recorded without them)."""
    return {**{k: span[k] for k in SPAN_BINDING}, "conditions": list(span.get("conditions", ()))}
