"""The records of a comparison's `--ongoing-since` differences (`foedus.war.ongoing_changes`, which computes and
says them): each is one change in the war's course to the scenario's date, as the JSON contract gives it.

`ReprovisionedSince` and `ReprovisionedNow` share every key but the latter's `since_before`, yet stay two records, as
three of those keys mean other things in each: `ReprovisionedSince` names the provisions of the first day bound, a day
alike in both worlds (`since` is both worlds' day; `treaty` and `treaty_before` bound it that day), `ReprovisionedNow`
those binding on the scenario's date, each world bound since its own day (`since` is the other world's day, beside
`since_before`; `treaty` and `treaty_before` bind it on the date). A shared base would have one record restate those
three, and could not keep `since_before` sixth among `ReprovisionedNow`'s keys (the contract's order): a field
without a default cannot follow the base's defaulted ones, and `foedus.datarecord` has no `kw_only`."""

from __future__ import annotations

from typing import Any

from foedus.datarecord import dataclass, field
from foedus.engine.contract import Contracted, computed, meta

__all__ = ["BoundSince", "Lapse", "MovedSince", "OngoingChanges", "ReprovisionedNow", "ReprovisionedSince",
           "RetaggedLapse", "RetaggedSince", "SwitchedSince"]

_SIDE = '"attack" | "defense"'


def _instrument(before: str = "") -> Any:
    """The kind of instrument a record's provision (of the base world's, `before`) is owed under, as the summary's
    entry gives it (`foedus.model.vocab.Instrument`)."""
    return field(default="treaty", metadata=meta(
        "the kind of instrument that one is owed under" if before else "the kind of instrument it is owed under: "
        "treaty, executive_order, statute, political_statement or forum", "string"))


def _certainty(before: str = "") -> Any:
    """The certainty of a record's provision (of the base world's, `before`), as the summary's entry gives it."""
    return field(default="verified", metadata=meta(
        f"the certainty of {'that one' if before else 'its provision'}: verified, secondary, carried-forward, "
        "unverified or conflicting (its line tags it as a joiner's)", "string"))


def _levels(before: str = "") -> Any:
    """Each fact of a record's provision (of the base world's, `before`) not verified, with its level
    (`foedus.engine.doubted_facts.doubt_levels`): none, verified. A summary made before it said them gives each of
    its doubted facts at the certainty (`foedus.war.ongoing_changes`)."""
    return field(default_factory=dict, metadata=meta(
        f"each of the facts {'of that one ' if before else ''}not verified with its certainty (its line tags each at "
        "its own level)", "Record<string, string>", optional=True))


_FACTS = "not verified: treaty, article, validity, membership or date"


class _Doubted(Contracted):
    """A record of a provision that keeps each of its facts not verified with its level (`levels`) and derives the
    facts (`doubted`) from them, as a war's `Bound` does (`foedus.engine.doubted_facts.Doubts`): the two keys its
    JSON gives, in the contract's order, cannot disagree."""

    __slots__ = ()
    levels: dict[str, str]

    @computed(f"the facts {_FACTS}", "string[]", after="certainty")
    def doubted(self) -> tuple[str, ...]:
        """The facts not verified, in `FACT_KINDS` order: `levels`' keys."""
        return tuple(self.levels)


class _DoubtedBoth(_Doubted):
    """A `_Doubted` record of a provision in each world: the base world's facts not verified (`doubted_before`)
    derived from its levels (`levels_before`) likewise."""

    __slots__ = ()
    levels_before: dict[str, str]

    @computed(f"the facts of that one {_FACTS}", "string[]", after="certainty_before")
    def doubted_before(self) -> tuple[str, ...]:
        """The base world's facts not verified, in `FACT_KINDS` order: `levels_before`' keys."""
        return tuple(self.levels_before)


@dataclass(frozen=True, slots=True)
class BoundSince(_Doubted):
    """A state bound without a break from `since` to the scenario's date in one world and not in the other."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it is bound to", _SIDE))
    since: str = field(metadata=meta("the day from which it is bound without a break (YYYY-MM-DD)", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it that day", "string"))
    article: str = field(metadata=meta("its article", "string"))
    instrument: str = _instrument()
    certainty: str = _certainty()
    levels: dict[str, str] = _levels()


@dataclass(frozen=True, slots=True)
class MovedSince(_DoubtedBoth):
    """A state bound to the scenario's date in both worlds, from another day in each."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it is bound to in the other world", _SIDE))
    since: str = field(metadata=meta("the day from which it is bound in the other world", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it that day", "string"))
    article: str = field(metadata=meta("its article", "string"))
    since_before: str = field(metadata=meta("the day from which it is bound in the base world", "string"))
    treaty_before: str = field(metadata=meta("the treaty that bound it that day", "string"))
    article_before: str = field(metadata=meta("its article", "string"))
    instrument: str = _instrument()
    instrument_before: str = _instrument("before")
    certainty: str = _certainty()
    certainty_before: str = _certainty("_before")
    levels: dict[str, str] = _levels()
    levels_before: dict[str, str] = _levels("_before")


@dataclass(frozen=True, slots=True)
class RetaggedSince(_DoubtedBoth):
    """A state bound to the scenario's date in both worlds alike (the side, since and provision), its provision's
    certainty or facts not verified other in each: a change the comparison said nothing of."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it is bound to", _SIDE))
    since: str = field(metadata=meta("the day from which it is bound without a break (YYYY-MM-DD)", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it that day", "string"))
    article: str = field(metadata=meta("its article", "string"))
    instrument: str = _instrument()
    certainty: str = _certainty()
    certainty_before: str = _certainty("before")
    levels: dict[str, str] = _levels()
    levels_before: dict[str, str] = _levels("before")


@dataclass(frozen=True, slots=True)
class ReprovisionedSince(_DoubtedBoth):
    """A state bound to the scenario's date in both worlds on the same side since the same day, under another
    provision in each (treaty, article or instrument): a change that is neither moved (another day) nor switched
    (another side)."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it is bound to", _SIDE))
    since: str = field(metadata=meta("the day from which it is bound without a break (YYYY-MM-DD)", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it that day in the other world", "string"))
    article: str = field(metadata=meta("its article", "string"))
    treaty_before: str = field(metadata=meta("the treaty that bound it that day in the base world", "string"))
    article_before: str = field(metadata=meta("its article", "string"))
    instrument: str = _instrument()
    instrument_before: str = _instrument("before")
    certainty: str = _certainty()
    certainty_before: str = _certainty("_before")
    levels: dict[str, str] = _levels()
    levels_before: dict[str, str] = _levels("_before")


@dataclass(frozen=True, slots=True)
class ReprovisionedNow(_DoubtedBoth):
    """A state bound to the scenario's date in both worlds on the same side, bound on the date under another
    provision in each (treaty, article or instrument: a new pact that took over from the old one during the war),
    where no other record names both (`moved` and `reprovisioned` name the provisions of its first day, which are
    those binding it on the date only where one provision bound it all along in each world)."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it is bound to", _SIDE))
    since: str = field(metadata=meta("the day from which it is bound without a break in the other world (YYYY-MM-DD)",
                                     "string"))
    treaty: str = field(metadata=meta("the treaty that binds it on the date in the other world", "string"))
    article: str = field(metadata=meta("its article", "string"))
    since_before: str = field(metadata=meta("the day from which it is bound in the base world", "string"))
    treaty_before: str = field(metadata=meta("the treaty that binds it on the date in the base world", "string"))
    article_before: str = field(metadata=meta("its article", "string"))
    instrument: str = _instrument()
    instrument_before: str = _instrument("before")
    certainty: str = _certainty()
    certainty_before: str = _certainty("_before")
    levels: dict[str, str] = _levels()
    levels_before: dict[str, str] = _levels("_before")


@dataclass(frozen=True, slots=True)
class SwitchedSince(_DoubtedBoth):
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
    instrument: str = _instrument()
    instrument_before: str = _instrument("before")
    certainty: str = _certainty()
    certainty_before: str = _certainty("_before")
    levels: dict[str, str] = _levels()
    levels_before: dict[str, str] = _levels("_before")


@dataclass(frozen=True, slots=True)
class Lapse(_Doubted):
    """A stretch during the war in which a state was bound, ended before the scenario's date."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it was bound to", _SIDE))
    from_: str = field(metadata=meta("the first day bound", "string", key="from"))
    to: str = field(metadata=meta("the day it was no longer bound", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it", "string"))
    article: str = field(metadata=meta("its article", "string"))
    instrument: str = _instrument()
    certainty: str = _certainty()
    levels: dict[str, str] = _levels()


@dataclass(frozen=True, slots=True)
class RetaggedLapse(_DoubtedBoth):
    """A stretch bound during the war, ended before the scenario's date, in both worlds alike (the state, side, days
    and provision), its provision's certainty or facts not verified other in each: one change, not a lapse gained and
    one lost."""

    state: str = field(metadata=meta("the state", "string"))
    side: str = field(metadata=meta("the side it was bound to", _SIDE))
    from_: str = field(metadata=meta("the first day bound", "string", key="from"))
    to: str = field(metadata=meta("the day it was no longer bound", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it", "string"))
    article: str = field(metadata=meta("its article", "string"))
    instrument: str = _instrument()
    certainty: str = _certainty()
    certainty_before: str = _certainty("before")
    levels: dict[str, str] = _levels()
    levels_before: dict[str, str] = _levels("before")


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
    reprovisioned: tuple[ReprovisionedSince, ...] = field(default=(), metadata=meta(
        "states bound to the date in both worlds on the same side since the same day, under another provision in each "
        "(in neither `moved` nor `switched`)", "ReprovisionedSince[]"))
    reprovisioned_now: tuple[ReprovisionedNow, ...] = field(default=(), metadata=meta(
        "states bound to the date in both worlds on the same side, bound on the date under another provision in each "
        "(the ongoing summary's `now`), where `moved` or `reprovisioned` does not already name both",
        "ReprovisionedNow[]"))

    def __bool__(self) -> bool:
        """Whether the two summaries differ at all."""
        return bool(self.moved or self.bound or self.unbound or self.switched or self.lapsed_added
                    or self.lapsed_removed or self.lapsed_retagged or self.retagged or self.reprovisioned
                    or self.reprovisioned_now)

    def treaties(self) -> set[str]:
        """Every treaty the differences name (a treaty a what-if touched that is named here moved someone)."""
        lapses = {x.treaty for x in (*self.lapsed_added, *self.lapsed_removed)}
        lapses |= {x.treaty for x in self.lapsed_retagged} | {x.treaty for x in self.retagged}
        pairs = [(x.treaty, x.treaty_before) for x in self.moved] + [(x.treaty, x.treaty_before) for x in self.switched]
        pairs += [(x.treaty, x.treaty_before) for x in self.reprovisioned]
        pairs += [(x.treaty, x.treaty_before) for x in self.reprovisioned_now]
        return lapses | {x.treaty for x in (*self.bound, *self.unbound)} | {t for pair in pairs for t in pair}
