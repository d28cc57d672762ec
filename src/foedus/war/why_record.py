"""The JSON form of one state's "Why?" on a replayed war's date (`foedus war WAR --until DATE --state STATE --json`):
the line `foedus.war.why.why_on` prints, with what it rests on: where the state stands, and when bound, the treaty
and article that bind it, its membership, the treaty's dates, and whether each is verified."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from foedus.datarecord import dataclass, field
from foedus.engine.contract import Contracted, computed, meta
from foedus.engine.doubted_facts import FACT_KINDS, doubt_levels
from foedus.engine.records import CertaintyReason, reasons_field

__all__ = ["WarBoundSince", "WarWhy", "WarWhyAlso", "WhyFact", "rests_on"]


@dataclass(frozen=True, slots=True)
class WhyFact(Contracted):
    """One fact a bound state's obligation rests on: the treaty, its article, when that clause applies, the state's
    membership of it, or the treaty's dates."""

    kind: str = field(metadata=meta("treaty, article, validity, membership or date (validity: when the clause "
                                    "applies, its span, as a term presumed extended; the treaty's dates: its entry "
                                    "into force or end, the member's joining or leaving)",
                                    '"treaty" | "article" | "validity" | "membership" | "date"'))
    value: str = field(metadata=meta("the treaty's id (for a date too), the article as the treaty numbers it (for "
                                     "its validity too), or the member's code", "string"))
    verified: bool = field(metadata=meta(
        "whether it is verified: no reason of its kind among the obligation's `certainty_reasons` tags it other than "
        "verified (a date known only to a window, every tag of it verified, is verified: not to the day)",
        "boolean"))


@dataclass(frozen=True, slots=True)
class WarWhyAlso(Contracted):
    """Another obligation that binds a bound state to join on the day (a frame's `bound` entry's `also`): its treaty
    and article, its certainty, and the facts it rests on, each verified or not by the rule of `WarWhy.facts`."""

    treaty: str = field(metadata=meta("the treaty that also binds it (id)", "string"))
    treaty_name: str = field(metadata=meta("that treaty's name, as the treaty list gives it", "string"))
    treaty_name_certainty: str | None = field(metadata=meta(
        "how sure that name is (`secondary`: an ATOP alliance named from a news page, the line's \"; name "
        "secondary\"); null for a treaty the world does not hold", "string | null"))
    article: str = field(metadata=meta("its article", "string"))
    certainty: str = field(metadata=meta("the obligation's certainty, the weakest tag of the facts it rests on",
                                         "string"))
    facts: tuple[WhyFact, ...] = field(metadata=meta(
        "the treaty, the article, when it applies, the state's membership and the treaty's dates, each said "
        "verified or not by "
        "this obligation's `certainty_reasons`", "WhyFact[]"))
    certainty_reasons: tuple[CertaintyReason, ...] = reasons_field()
    conditions: tuple[str, ...] = field(default=(), metadata=meta(
        "what it assumes, as the cascade's obligation states it (`Obligation.conditions`)", "string[]"))
    unresolved: tuple[str, ...] = field(default=(), metadata=meta(
        "the ATOP conditions it rests on, read as met (`Obligation.unresolved`)", "string[]"))


@dataclass(frozen=True, slots=True)
class WarBoundSince(Contracted):
    """Since when a bound state has been bound to its side without a break (`foedus.war.unbroken`), and the provision
    it was bound by that day, as `said`'s "bound to that side without a break since" reads them."""

    since: str = field(metadata=meta("the first day of the unbroken run (YYYY-MM-DD); `day` itself where it was "
                                     "first bound that day (`said` then says nothing of it)", "string"))
    treaty: str = field(metadata=meta("the treaty that bound it that day (id): `said`'s \"first under\" where "
                                      "another treaty or article binds it on `day`", "string"))
    article: str = field(metadata=meta("its article", "string"))
    instrument: str = field(metadata=meta(
        "the kind of instrument it was owed under: treaty, executive_order, statute, political_statement or forum",
        "string"))
    certainty: str = field(metadata=meta("the certainty of that provision on that day: verified, secondary, "
                                         "carried-forward, unverified or conflicting", "string"))
    levels: dict[str, str] = field(metadata=meta(
        "each of the facts of it not verified that day with its certainty, as its bound span records them "
        "(`foedus.engine.doubted_facts.doubt_levels`)", "Record<string, string>"))

    @computed("the facts of it not verified that day: treaty, article, validity, membership or date (`levels`' "
              "keys)", "string[]", after="certainty")
    def doubted(self) -> tuple[str, ...]:
        """The facts not verified, in `FACT_KINDS` order: `levels`' keys, so that the two cannot disagree (as a war's
        `Bound` and the comparison's `BoundSince` derive theirs: `foedus.engine.doubted_facts.Doubts`)."""
        return tuple(self.levels)


@dataclass(frozen=True, slots=True)
class WarWhy(Contracted):
    """Why one state stands where it does on a replayed war's date, and what that rests on."""

    war: str = field(metadata=meta("the war's id", "string"))
    day: str = field(metadata=meta("the day answered (YYYY-MM-DD): `--until`'s, the replay's last by default, the "
                                   "war's data's end when asked past it (`asked_until`)", "string"))
    state: str = field(metadata=meta("the state's code", "string"))
    name: str = field(metadata=meta("its name on `day`", "string"))
    stands: str = field(metadata=meta("fighting, bound (to join a side), conflict (bound both ways) or neither",
                                      '"fighting" | "bound" | "conflict" | "neither"'))
    side: str | None = field(metadata=meta("the side it fights on, or is bound to join; null otherwise",
                                           '"attack" | "defense" | null'))
    said: str = field(metadata=meta("the line `--state` prints without `--json`: the state named as on `day`, then "
                                    "the web map's \"Why?\" on that date (web/src/said.ts `frameWhy`)", "string"))
    treaty: str | None = field(metadata=meta("bound: the treaty that binds it (id); null otherwise", "string | null"))
    treaty_name: str | None = field(metadata=meta("bound: that treaty's name, as the treaty list gives it",
                                                  "string | null"))
    treaty_name_certainty: str | None = field(metadata=meta(
        "bound: how sure that name is (`secondary`: an ATOP alliance named from a news page, the line's \"; name "
        "secondary\"); null otherwise", "string | null"))
    article: str | None = field(metadata=meta("bound: its article; null otherwise", "string | null"))
    certainty: str | None = field(metadata=meta(
        "bound: the obligation's certainty, the weakest tag of the facts it rests on; null otherwise",
        "string | null"))
    facts: tuple[WhyFact, ...] = field(metadata=meta(
        "bound: the treaty, the article, when it applies, the state's membership and the treaty's dates, each said "
        "verified or not; empty otherwise",
        "WhyFact[]"))
    certainty_reasons: tuple[CertaintyReason, ...] = reasons_field()
    conditions: tuple[str, ...] = field(default=(), metadata=meta(
        "bound: what the obligation assumes, as the cascade's obligation states it (`Obligation.conditions`; `said` "
        "says each after \"condition: \"); empty otherwise", "string[]"))
    unresolved: tuple[str, ...] = field(default=(), metadata=meta(
        "bound: the ATOP conditions it rests on, read as met (`Obligation.unresolved`); empty otherwise", "string[]"))
    also: tuple[WarWhyAlso, ...] = field(default=(), metadata=meta(
        "bound: the other obligations that bind it to join that day, in the order `said` names them (\"also ...\"), "
        "each with its certainty and the facts it rests on; empty otherwise", "WarWhyAlso[]"))
    bound_since: WarBoundSince | None = field(default=None, metadata=meta(
        "bound: since when it has been bound to `side` without a break, through changes of the treaty or article "
        "that binds it, and what bound it that day (`said`'s \"bound to that side without a break since\"); null "
        "otherwise", "WarBoundSince | null"))
    spell: dict[str, Any] | None = field(default=None, metadata=meta(
        "fighting: its spell of fighting standing on `day` (`side`; `from`, its first day; `to`, null while it fights; "
        "`how` it came in: attacker, attacked or entry; `cause`, the change that brought it in, with its `attacks`; "
        "`by`, one attacked, every state whose attack on it that day brought it in, in the order a binding's "
        "`because` is chosen), by which `said` says a state an attack drew in fights against its attackers "
        "(\"Fighting against Iran (IRN) on 2025-06-23 (attacked by Iran (IRN) that day)\"; against every state whose "
        "attack on it goes on on `day`, the frame's `attacked_by`: Iran on 2025-06-22, Israel and the United States), "
        "one that joined on its side; null otherwise",
        "Record<string, unknown> | null"))
    attacked_by: tuple[str, ...] = field(default=(), metadata=meta(
        "fighting: every state whose attack on it goes on on `day` (the frame's `attacked_by`: the oldest attack "
        "first, then the war file's order), whom `said` says a state an attack drew in fights against (Iran on "
        "2025-06-22: `[\"ISR\", \"USA\"]`; Israel, which came in by its own attack, `[\"IRN\"]`, `said` naming "
        "its side); empty otherwise, and where no attack on it goes on (`paused`: `said` then names those that drew "
        "it in, `spell`'s `by`)", "string[]"))
    paused: dict[str, Any] | None = field(default=None, metadata=meta(
        "fighting with no attack by or on it going on: the frame's `paused` entry (`since`, the first such day; "
        "`cause`, the change that ended its last attack: a ceasefire, an attack's end, an exit; `sources`, the pages "
        "the war file cites for it, each `{url, title}`), which `said` says after the side; null otherwise",
        "Record<string, unknown> | null"))
    released: dict[str, Any] | None = field(default=None, metadata=meta(
        "neither fighting nor bound, but bound earlier in the war: the frame's `released` entry (its last binding's "
        "`side`, `from`, `to`, `treaty`, `article`, `instrument`, `certainty`, `doubted`; where it continued an "
        "earlier binding without a break, `since`, that one's first day, and `since_under`, its provision where "
        "another; `cause`, the change that released it on `to`; `sources`), which `said` says; null otherwise",
        "Record<string, unknown> | null"))
    recorded: tuple[dict[str, Any], ...] = field(default=(), metadata=meta(
        "what the war file records of the state that its events do not replay, said from `since` (its "
        "`state_notes`: `state`, `since`, `note`, `certainty`, `sources`, each `{url, title}`), which `said` says "
        "after the standing (\"Recorded by the war file, not replayed as an event (verified): ...\")",
        "Record<string, unknown>[]"))
    asked_until: str | None = field(default=None, metadata=meta(
        "the day asked for, when after an ongoing war's data ends: nothing after `day` is known; null otherwise",
        "string | null"))
    note: str | None = field(default=None, metadata=meta(
        "the warnings the text form prints on stderr, one a line: the war's data ends before the day asked "
        "(`asked_until`), or the day is after the day the treaty set was reviewed to (2025-12-31), the treaties "
        "replayed as known, later changes encoded only where found; null when none", "string | null"))


def rests_on(treaty: str, article: str, state: str, reasons: Sequence[CertaintyReason]) -> tuple[WhyFact, ...]:
    """The facts an obligation of `state` under `treaty` art. `article` rests on (the treaty, the article, when it
    applies, the state's membership, the treaty's dates), each verified unless the one reading of the obligation's
    certainty `reasons` doubts it (`foedus.engine.doubted_facts.doubt_levels`, whose keys are the `doubted` the
    war's text and JSON name)."""
    values, doubts = (treaty, article, article, state, treaty), doubt_levels(reasons)
    return tuple(WhyFact(kind, value, kind not in doubts) for kind, value in zip(FACT_KINDS, values, strict=True))
