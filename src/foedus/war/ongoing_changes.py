"""What a comparison's two `--ongoing-since` summaries (`foedus.war.ongoing.ongoing_summary`) say differently: a
what-if can change the war's course before the scenario's date (since when a joiner is bound, who was bound for a
while) without changing who joins on it, and `foedus compare` says so from these records."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from foedus.cited import bound_tag
from foedus.war.ongoing_records import (
    BoundSince,
    Lapse,
    MovedSince,
    OngoingChanges,
    ReprovisionedNow,
    ReprovisionedSince,
    RetaggedLapse,
    RetaggedSince,
    SwitchedSince,
)
from foedus.war.pause_words import binding_said
from foedus.wording import named_state

__all__ = ["BoundSince", "Lapse", "MovedSince", "OngoingChanges", "ReprovisionedNow", "ReprovisionedSince",
           "RetaggedLapse", "RetaggedSince", "SwitchedSince", "ongoing_changes", "ongoing_lines", "ongoing_said"]

_CITED = ("treaty", "article", "instrument", "certainty", "doubted", "levels")  # what a line cites (`binding_said`)


def _bound(state: str, b: dict[str, Any]) -> BoundSince:
    return BoundSince(state, b["side"], b["since"], b["treaty"], b["article"], _instrument(b), **_tags(b))


def _bound_as(b: Mapping[str, Any]) -> tuple[str, str, str, str, str]:
    """A summary's binding as itself, whatever its tag: side, since and provision (one alike in both worlds but for
    its certainty or doubted facts is `retagged`)."""
    return b["side"], b["since"], b["treaty"], b["article"], _instrument(b)


def _now(b: Mapping[str, Any]) -> Mapping[str, Any]:
    """The provision a summary's binding binds by on the date (its `now`; a summary made before it said one: its
    first day's)."""
    return b.get("now") or b


def _now_as(b: Mapping[str, Any]) -> tuple[str, str, str]:
    """A summary's binding's provision on the date, whatever its tag: treaty, article and instrument."""
    now = _now(b)
    return now["treaty"], now["article"], _instrument(now)


def _now_changed(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether a state bound to the date on the same side in both worlds is bound on it under another provision in
    each, unsaid by `moved` or `reprovisioned`: they name its first day's provisions, which name both only where one
    provision bound it all along in each world."""
    if _now_as(a) == _now_as(b):
        return False
    said = _bound_as(a) != _bound_as(b)  # moved (another day) or reprovisioned (another first provision)
    return not (said and _now_as(a) == _bound_as(a)[2:] and _now_as(b) == _bound_as(b)[2:])


def _sure(x: Mapping[str, Any]) -> tuple[str, dict[str, str]]:
    """A summary's binding's or lapse's certainty and each fact not verified with its level (`levels`, whose keys
    are its `doubted`): one made before it said a certainty, verified; before it said levels, each fact it names
    not verified at the certainty, as a line reads such a fact (`foedus.cited.bound_tag`)."""
    certainty, levels = str(x.get("certainty", "verified")), x.get("levels")
    return certainty, dict(levels) if levels is not None else dict.fromkeys(x.get("doubted", ()), certainty)


def _tags(x: Mapping[str, Any], before: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A record's `certainty` and `levels` (`_sure`), and its `certainty_before` and `levels_before`, of the base
    world's `before`: each record derives its facts not verified (`doubted`, `doubted_before`) from its levels."""
    certainty, levels = _sure(x)
    if before is None:
        return {"certainty": certainty, "levels": levels}
    certainty_before, levels_before = _sure(before)
    return {"certainty": certainty, "levels": levels, "certainty_before": certainty_before,
            "levels_before": levels_before}


def _instrument(x: Mapping[str, Any]) -> str:
    """A summary's binding's or lapse's instrument (a summary made before it said one: a treaty)."""
    return str(x.get("instrument", "treaty"))


def _lapses(summary: dict[str, Any]) -> list[Lapse]:
    return [Lapse(x["state"], x["side"], x["from"], x["to"], x["treaty"], x["article"], _instrument(x),
                  **_tags(x)) for x in summary["lapsed"]]


def ongoing_changes(base: dict[str, Any], other: dict[str, Any]) -> OngoingChanges:
    """How `other`'s ongoing summary differs from `base`'s: bound-since days moved (the state on the same side in
    both), states bound to the date on another side in each (`switched`, as in the comparison), states bound to the
    date in one only, lapses in one only, bindings alike in each but for their tags (`retagged`) or their provision
    (`reprovisioned`: the same side since the same day under another treaty, article or instrument), and bindings on
    the same side bound on the date under another provision in each (`reprovisioned_now`: what binds it now, the
    summary's `now`, where `moved` or `reprovisioned` does not name both)."""
    a, b = base["bound_since"], other["bound_since"]
    moved = [MovedSince(s, b[s]["side"], b[s]["since"], b[s]["treaty"], b[s]["article"], a[s]["since"],
                        a[s]["treaty"], a[s]["article"], _instrument(b[s]), _instrument(a[s]), **_tags(b[s], a[s]))
             for s in sorted(a.keys() & b.keys()) if a[s]["side"] == b[s]["side"] and a[s]["since"] != b[s]["since"]]
    switched = [SwitchedSince(s, b[s]["side"], b[s]["since"], b[s]["treaty"], b[s]["article"], a[s]["side"],
                              a[s]["since"], a[s]["treaty"], a[s]["article"], _instrument(b[s]), _instrument(a[s]),
                              **_tags(b[s], a[s]))
                for s in sorted(a.keys() & b.keys()) if a[s]["side"] != b[s]["side"]]
    bound_retagged = [RetaggedSince(s, *_bound_as(b[s]), **_tags(b[s], a[s]))
                      for s in sorted(a.keys() & b.keys()) if _bound_as(a[s]) == _bound_as(b[s]) and
                      _sure(a[s]) != _sure(b[s])]
    reprovisioned = [ReprovisionedSince(s, b[s]["side"], b[s]["since"], b[s]["treaty"], b[s]["article"],
                                        a[s]["treaty"], a[s]["article"], _instrument(b[s]), _instrument(a[s]),
                                        **_tags(b[s], a[s]))
                     for s in sorted(a.keys() & b.keys()) if _bound_as(a[s])[:2] == _bound_as(b[s])[:2]
                     and _bound_as(a[s]) != _bound_as(b[s])]
    rebound = [ReprovisionedNow(s, b[s]["side"], b[s]["since"], _now(b[s])["treaty"], _now(b[s])["article"],
                                a[s]["since"], _now(a[s])["treaty"], _now(a[s])["article"], _now_as(b[s])[2],
                                _now_as(a[s])[2], **_tags(_now(b[s]), _now(a[s])))
               for s in sorted(a.keys() & b.keys()) if a[s]["side"] == b[s]["side"] and _now_changed(a[s], b[s])]
    lapsed_a, lapsed_b = _lapses(base), _lapses(other)
    was = {_stretch(x): x for x in lapsed_a}  # a lapse is itself by its stretch and provision, not by its tag
    now = {_stretch(x) for x in lapsed_b}
    retagged = [RetaggedLapse(x.state, x.side, x.from_, x.to, x.treaty, x.article, x.instrument, x.certainty,
                              was[_stretch(x)].certainty, x.levels, was[_stretch(x)].levels)
                for x in lapsed_b if _stretch(x) in was and x != was[_stretch(x)]]
    return OngoingChanges(
        since=other["since"], moved=tuple(moved),
        bound=tuple(_bound(s, b[s]) for s in sorted(b.keys() - a.keys())),
        unbound=tuple(_bound(s, a[s]) for s in sorted(a.keys() - b.keys())), switched=tuple(switched),
        lapsed_added=tuple(x for x in lapsed_b if _stretch(x) not in was),
        lapsed_removed=tuple(x for x in lapsed_a if _stretch(x) not in now), lapsed_retagged=tuple(retagged),
        retagged=tuple(bound_retagged), reprovisioned=tuple(reprovisioned), reprovisioned_now=tuple(rebound))


def _stretch(x: Lapse) -> tuple[str, ...]:
    """A lapse as itself, whatever its tag: the state, side, days and provision (`ongoing_changes` reports one whose
    certainty or doubted facts alone differ as retagged, not as gained and lost)."""
    return x.state, x.side, x.from_, x.to, x.treaty, x.article, x.instrument


def ongoing_said(changes: dict[str, Any]) -> list[tuple[str, str, str]]:
    """An `OngoingChanges` in its JSON form, one change a (mark, state, words): mark `+` bound in the other world
    only, `-` in the base world only, `~` bound on another side in each, none for a bound-since day moved and for a
    binding or lapse tagged otherwise in each (its certainty in the base world after "was") and for a binding under
    another provision in each, from its first day or on the date ("now under ...": the base world's after "was"). The
    web's compare view says the same words (web/src/said.ts `ongoingSaid`; tests/test_said_parity.py). Each provision is
    cited as a cascade's joiner line cites it (`binding_said`): tagged when not verified, with the facts not verified
    (a record from before they were sent: verified), an instrument that is not a treaty said so."""
    def cite(x: dict[str, Any], before: str = "") -> str:
        return binding_said({k: x[k + before] for k in _CITED if k + before in x})

    out = [("", x["state"], f"bound since {x['since']} (was {x['since_before']}), {cite(x)}"
            if cite(x) == cite(x, "_before") else
            f"bound since {x['since']} under {cite(x)} (was {x['since_before']} under {cite(x, '_before')})")
           for x in changes["moved"]]
    out += [("+", x["state"], f"bound since {x['since']} ({x['side']}, {cite(x)})") for x in changes["bound"]]
    out += [("-", x["state"], f"no longer bound to the date (was since {x['since']}: {x['side']}, {cite(x)})")
            for x in changes["unbound"]]
    out += [("~", x["state"], f"switches from {x['side_before']} to {x['side']}: bound since {x['since']} under "
             f"{cite(x)} (was since {x['since_before']} under {cite(x, '_before')})") for x in changes["switched"]]
    out += [("", x["state"], f"bound since {x['since']} ({x['side']}, {cite(x)}), was {_was(x)}")
            for x in changes.get("retagged", ())]
    out += [("", x["state"], f"bound since {x['since']} ({x['side']}) under {cite(x)}, was {cite(x, '_before')}")
            for x in changes.get("reprovisioned", ())]
    out += [("", x["state"], f"bound since {x['since']} ({x['side']}), now under {cite(x)}, was {cite(x, '_before')}")
            for x in changes.get("reprovisioned_now", ())]
    out += [("+", x["state"], f"bound {x['from']} to {x['to']} ({x['side']}, {cite(x)}), no longer by the date")
            for x in changes["lapsed_added"]]
    out += [("-", x["state"], f"no longer bound {x['from']} to {x['to']} ({x['side']}, {cite(x)})")
            for x in changes["lapsed_removed"]]
    out += [("", x["state"], f"bound {x['from']} to {x['to']} ({x['side']}, {cite(x)}), no longer by the date (was "
             f"{_was(x)})")
            for x in changes.get("lapsed_retagged", ())]
    return out


def _was(x: Mapping[str, Any]) -> str:
    """A retagged record's tag in the base world, as a tag says it but unbracketed ("secondary: article", "unverified:
    article; secondary: treaty", "verified"). web/src/said.ts `wasTag`."""
    certainty = x["certainty_before"]
    return bound_tag(certainty, x["doubted_before"], x.get("levels_before"))[2:-1] or certainty


def ongoing_lines(changes: dict[str, Any], names: Mapping[str, str] | None = None,
                  base_names: Mapping[str, str] | None = None) -> list[str]:
    """`foedus compare`'s lines for an `OngoingChanges` in its JSON form, one a change (`ongoing_said`), each state
    named as in the other world's result (`names`), or the base world's (`base_names`) for one bound there only (`-`),
    as the web's compare view names them."""
    other = names or {}
    base = base_names if base_names is not None else other
    return [f"ongoing: {mark} {named_state(state, base if mark == '-' else other)} {words}" if mark
            else f"ongoing: {named_state(state, other)} {words}" for mark, state, words in ongoing_said(changes)]
