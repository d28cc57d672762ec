"""What a comparison's two `--ongoing-since` summaries (`foedus.war.ongoing.ongoing_summary`) say differently: a
what-if can change the war's course before the scenario's date (since when a joiner is bound, who was bound for a
while) without changing who joins on it, and `foedus compare` says so from these records."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from foedus.datarecord import dataclass, field
from foedus.engine.contract import Contracted, meta
from foedus.war.pause_words import binding_said
from foedus.wording import named_state

__all__ = ["BoundSince", "Lapse", "MovedSince", "OngoingChanges", "RetaggedLapse", "RetaggedSince", "SwitchedSince",
           "ongoing_changes", "ongoing_lines", "ongoing_said"]

_SIDE = '"attack" | "defense"'
_CITED = ("treaty", "article", "instrument", "certainty", "doubted")  # what a line cites of one (`binding_said`)


def _certainty(before: str = "") -> Any:
    """The certainty of a record's provision (of the base world's, `before`), as the summary's entry gives it."""
    return field(default="verified", metadata=meta(
        f"the certainty of {'that one' if before else 'its provision'}: verified, secondary, carried-forward, "
        "unverified or conflicting (its line tags it as a joiner's)", "string"))


def _doubted(before: str = "") -> Any:
    """The facts of a record's provision not verified (`foedus.engine.doubted_facts.FACT_KINDS`)."""
    return field(default=(), metadata=meta(
        f"the facts {'of that one ' if before else ''}not verified: treaty, article, validity, membership or date",
        "string[]"))


@dataclass(frozen=True, slots=True)
class BoundSince(Contracted):
    """A state bound without a break from `since` to the scenario's date in one world and not in the other."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it is bound to", _SIDE))
    since: str = field(metadata=meta("the day from which it is bound without a break (YYYY-MM-DD)", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it that day", "string"))
    article: str = field(metadata=meta("its article", "string"))
    instrument: str = field(default="treaty", metadata=meta(
        "the kind of instrument it is owed under: treaty, executive_order, statute, political_statement or forum",
        "string"))
    certainty: str = _certainty()
    doubted: tuple[str, ...] = _doubted()


@dataclass(frozen=True, slots=True)
class MovedSince(Contracted):
    """A state bound to the scenario's date in both worlds, from another day in each."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it is bound to in the other world", _SIDE))
    since: str = field(metadata=meta("the day from which it is bound in the other world", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it that day", "string"))
    article: str = field(metadata=meta("its article", "string"))
    since_before: str = field(metadata=meta("the day from which it is bound in the base world", "string"))
    treaty_before: str = field(metadata=meta("the treaty that bound it that day", "string"))
    article_before: str = field(metadata=meta("its article", "string"))
    instrument: str = field(default="treaty", metadata=meta(
        "the kind of instrument it is owed under: treaty, executive_order, statute, political_statement or forum",
        "string"))
    instrument_before: str = field(default="treaty", metadata=meta(
        "the kind of instrument that one is owed under", "string"))
    certainty: str = _certainty()
    doubted: tuple[str, ...] = _doubted()
    certainty_before: str = _certainty("_before")
    doubted_before: tuple[str, ...] = _doubted("_before")


@dataclass(frozen=True, slots=True)
class RetaggedSince(Contracted):
    """A state bound to the scenario's date in both worlds alike (the side, since and provision), its provision's
    certainty or facts not verified other in each: a change the comparison said nothing of."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it is bound to", _SIDE))
    since: str = field(metadata=meta("the day from which it is bound without a break (YYYY-MM-DD)", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it that day", "string"))
    article: str = field(metadata=meta("its article", "string"))
    instrument: str = field(default="treaty", metadata=meta(
        "the kind of instrument it is owed under: treaty, executive_order, statute, political_statement or forum",
        "string"))
    certainty: str = _certainty()
    doubted: tuple[str, ...] = _doubted()
    certainty_before: str = _certainty("before")
    doubted_before: tuple[str, ...] = _doubted("before")


@dataclass(frozen=True, slots=True)
class SwitchedSince(Contracted):
    """A state bound to the scenario's date in both worlds, on another side in each (one change, where `bound` and
    `unbound` would list it twice as if unrelated)."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it is bound to in the other world", _SIDE))
    since: str = field(metadata=meta("the day from which it is bound in the other world", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it that day", "string"))
    article: str = field(metadata=meta("its article", "string"))
    side_before: str = field(metadata=meta("the side it is bound to in the base world", _SIDE))
    since_before: str = field(metadata=meta("the day from which it is bound in the base world", "string"))
    treaty_before: str = field(metadata=meta("the treaty that bound it that day", "string"))
    article_before: str = field(metadata=meta("its article", "string"))
    instrument: str = field(default="treaty", metadata=meta(
        "the kind of instrument it is owed under: treaty, executive_order, statute, political_statement or forum",
        "string"))
    instrument_before: str = field(default="treaty", metadata=meta(
        "the kind of instrument that one is owed under", "string"))
    certainty: str = _certainty()
    doubted: tuple[str, ...] = _doubted()
    certainty_before: str = _certainty("_before")
    doubted_before: tuple[str, ...] = _doubted("_before")


@dataclass(frozen=True, slots=True)
class Lapse(Contracted):
    """A stretch during the war in which a state was bound, ended before the scenario's date."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it was bound to", _SIDE))
    from_: str = field(metadata=meta("the first day bound", "string", key="from"))
    to: str = field(metadata=meta("the day it was no longer bound", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it", "string"))
    article: str = field(metadata=meta("its article", "string"))
    instrument: str = field(default="treaty", metadata=meta(
        "the kind of instrument it is owed under: treaty, executive_order, statute, political_statement or forum",
        "string"))
    certainty: str = _certainty()
    doubted: tuple[str, ...] = _doubted()


@dataclass(frozen=True, slots=True)
class RetaggedLapse(Contracted):
    """A stretch bound during the war, ended before the scenario's date, in both worlds alike (the state, side, days
    and provision), its provision's certainty or facts not verified other in each: one change, not a lapse gained and
    one lost."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it was bound to", _SIDE))
    from_: str = field(metadata=meta("the first day bound", "string", key="from"))
    to: str = field(metadata=meta("the day it was no longer bound", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it", "string"))
    article: str = field(metadata=meta("its article", "string"))
    instrument: str = field(default="treaty", metadata=meta(
        "the kind of instrument it is owed under: treaty, executive_order, statute, political_statement or forum",
        "string"))
    certainty: str = _certainty()
    doubted: tuple[str, ...] = _doubted()
    certainty_before: str = _certainty("before")
    doubted_before: tuple[str, ...] = _doubted("before")


@dataclass(frozen=True, slots=True)
class OngoingChanges(Contracted):
    """The differences between the two results' `ongoing` summaries."""

    since: str = field(metadata=meta("the day the attacks are ongoing since (YYYY-MM-DD)", "string"))
    moved: tuple[MovedSince, ...] = field(metadata=meta(
        "states bound on the date in both worlds whose bound-since day differs", "MovedSince[]"))
    bound: tuple[BoundSince, ...] = field(metadata=meta(
        "states bound without a break to the date in the other world only", "BoundSince[]"))
    unbound: tuple[BoundSince, ...] = field(metadata=meta(
        "states bound without a break to the date in the base world only", "BoundSince[]"))
    switched: tuple[SwitchedSince, ...] = field(metadata=meta(
        "states bound to the date in both worlds on another side in each (in neither `bound` nor `unbound`)",
        "SwitchedSince[]"))
    lapsed_added: tuple[Lapse, ...] = field(metadata=meta(
        "stretches bound during the war, ended before the date, in the other world only", "Lapse[]"))
    lapsed_removed: tuple[Lapse, ...] = field(metadata=meta(
        "stretches bound during the war, ended before the date, in the base world only", "Lapse[]"))
    lapsed_retagged: tuple[RetaggedLapse, ...] = field(default=(), metadata=meta(
        "stretches bound during the war, ended before the date, in both worlds alike but for their provision's "
        "certainty or facts not verified (in neither `lapsed_added` nor `lapsed_removed`)", "RetaggedLapse[]"))
    retagged: tuple[RetaggedSince, ...] = field(default=(), metadata=meta(
        "states bound to the date in both worlds alike (side, since and provision) but for their provision's "
        "certainty or facts not verified", "RetaggedSince[]"))

    def __bool__(self) -> bool:
        """Whether the two summaries differ at all."""
        return bool(self.moved or self.bound or self.unbound or self.switched or self.lapsed_added
                    or self.lapsed_removed or self.lapsed_retagged or self.retagged)

    def treaties(self) -> set[str]:
        """Every treaty the differences name (a treaty a what-if touched that is named here moved someone)."""
        lapses = {x.treaty for x in (*self.lapsed_added, *self.lapsed_removed)}
        lapses |= {x.treaty for x in self.lapsed_retagged} | {x.treaty for x in self.retagged}
        pairs = [(x.treaty, x.treaty_before) for x in self.moved] + [(x.treaty, x.treaty_before) for x in self.switched]
        return lapses | {x.treaty for x in (*self.bound, *self.unbound)} | {t for pair in pairs for t in pair}


def _bound(state: str, b: dict[str, Any]) -> BoundSince:
    return BoundSince(state, b["side"], b["since"], b["treaty"], b["article"], _instrument(b), *_sure(b))


def _bound_as(b: Mapping[str, Any]) -> tuple[str, str, str, str, str]:
    """A summary's binding as itself, whatever its tag: side, since and provision (one alike in both worlds but for
    its certainty or doubted facts is `retagged`)."""
    return b["side"], b["since"], b["treaty"], b["article"], _instrument(b)


def _sure(x: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    """A summary's binding's or lapse's certainty and facts not verified (one made before it said them: verified)."""
    return str(x.get("certainty", "verified")), tuple(x.get("doubted", ()))


def _instrument(x: Mapping[str, Any]) -> str:
    """A summary's binding's or lapse's instrument (a summary made before it said one: a treaty)."""
    return str(x.get("instrument", "treaty"))


def _lapses(summary: dict[str, Any]) -> list[Lapse]:
    return [Lapse(x["state"], x["side"], x["from"], x["to"], x["treaty"], x["article"], _instrument(x),
                  *_sure(x)) for x in summary["lapsed"]]


def ongoing_changes(base: dict[str, Any], other: dict[str, Any]) -> OngoingChanges:
    """How `other`'s ongoing summary differs from `base`'s: bound-since days moved (the state on the same side in
    both), states bound to the date on another side in each (`switched`, as in the comparison), states bound to the
    date in one only, lapses in one only."""
    a, b = base["bound_since"], other["bound_since"]
    moved = [MovedSince(s, b[s]["side"], b[s]["since"], b[s]["treaty"], b[s]["article"], a[s]["since"],
                        a[s]["treaty"], a[s]["article"], _instrument(b[s]), _instrument(a[s]), *_sure(b[s]),
                        *_sure(a[s]))
             for s in sorted(a.keys() & b.keys()) if a[s]["side"] == b[s]["side"] and a[s]["since"] != b[s]["since"]]
    switched = [SwitchedSince(s, b[s]["side"], b[s]["since"], b[s]["treaty"], b[s]["article"], a[s]["side"],
                              a[s]["since"], a[s]["treaty"], a[s]["article"], _instrument(b[s]), _instrument(a[s]),
                              *_sure(b[s]), *_sure(a[s]))
                for s in sorted(a.keys() & b.keys()) if a[s]["side"] != b[s]["side"]]
    bound_retagged = [RetaggedSince(s, *_bound_as(b[s]), *_sure(b[s]), *_sure(a[s]))
                      for s in sorted(a.keys() & b.keys()) if _bound_as(a[s]) == _bound_as(b[s]) and
                      _sure(a[s]) != _sure(b[s])]
    lapsed_a, lapsed_b = _lapses(base), _lapses(other)
    was = {_stretch(x): x for x in lapsed_a}  # a lapse is itself by its stretch and provision, not by its tag
    now = {_stretch(x) for x in lapsed_b}
    retagged = [RetaggedLapse(x.state, x.side, x.from_, x.to, x.treaty, x.article, x.instrument, x.certainty,
                              x.doubted, was[_stretch(x)].certainty, was[_stretch(x)].doubted)
                for x in lapsed_b if _stretch(x) in was and x != was[_stretch(x)]]
    return OngoingChanges(
        since=other["since"], moved=tuple(moved),
        bound=tuple(_bound(s, b[s]) for s in sorted(b.keys() - a.keys())),
        unbound=tuple(_bound(s, a[s]) for s in sorted(a.keys() - b.keys())), switched=tuple(switched),
        lapsed_added=tuple(x for x in lapsed_b if _stretch(x) not in was),
        lapsed_removed=tuple(x for x in lapsed_a if _stretch(x) not in now), lapsed_retagged=tuple(retagged),
        retagged=tuple(bound_retagged))


def _stretch(x: Lapse) -> tuple[str, ...]:
    """A lapse as itself, whatever its tag: the state, side, days and provision (`ongoing_changes` reports one whose
    certainty or doubted facts alone differ as retagged, not as gained and lost)."""
    return x.state, x.side, x.from_, x.to, x.treaty, x.article, x.instrument


def ongoing_said(changes: dict[str, Any]) -> list[tuple[str, str, str]]:
    """An `OngoingChanges` in its JSON form, one change a (mark, state, words): mark `+` bound in the other world
    only, `-` in the base world only, `~` bound on another side in each, none for a bound-since day moved and for a
    binding or lapse tagged otherwise in each (its certainty in the base world after "was"). The web's
    compare view says the same words (web/src/said.ts `ongoingSaid`; tests/test_said_parity.py). Each provision is
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
    out += [("", x["state"], f"bound since {x['since']} ({x['side']}, {cite(x)}), was {x['certainty_before']}"
             f"{': ' + ', '.join(x['doubted_before']) if x['doubted_before'] else ''}")
            for x in changes.get("retagged", ())]
    out += [("+", x["state"], f"bound {x['from']} to {x['to']} ({x['side']}, {cite(x)}), no longer by the date")
            for x in changes["lapsed_added"]]
    out += [("-", x["state"], f"no longer bound {x['from']} to {x['to']} ({x['side']}, {cite(x)})")
            for x in changes["lapsed_removed"]]
    out += [("", x["state"], f"bound {x['from']} to {x['to']} ({x['side']}, {cite(x)}), no longer by the date (was "
             f"{x['certainty_before']}{': ' + ', '.join(x['doubted_before']) if x['doubted_before'] else ''})")
            for x in changes.get("lapsed_retagged", ())]
    return out


def ongoing_lines(changes: dict[str, Any], names: Mapping[str, str] | None = None,
                  base_names: Mapping[str, str] | None = None) -> list[str]:
    """`foedus compare`'s lines for an `OngoingChanges` in its JSON form, one a change (`ongoing_said`), each state
    named as in the other world's result (`names`), or the base world's (`base_names`) for one bound there only (`-`),
    as the web's compare view names them."""
    other = names or {}
    base = base_names if base_names is not None else other
    return [f"ongoing: {mark} {named_state(state, base if mark == '-' else other)} {words}" if mark
            else f"ongoing: {named_state(state, other)} {words}" for mark, state, words in ongoing_said(changes)]
