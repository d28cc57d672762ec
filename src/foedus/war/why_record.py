"""The JSON form of one state's "Why?" on a replayed war's date (`foedus war WAR --until DATE --state STATE --json`):
the line `foedus.war.why.why_on` prints, with what it rests on: where the state stands, and when bound, the treaty
and article that bind it, its membership, the treaty's dates, and whether each is verified."""

from __future__ import annotations

from collections.abc import Sequence

from foedus.datarecord import dataclass, field
from foedus.engine.contract import Contracted, meta
from foedus.engine.records import CertaintyReason, reasons_field
from foedus.model.vocab import Certainty

__all__ = ["WarWhy", "WarWhyAlso", "WhyFact", "doubted", "rests_on"]


@dataclass(frozen=True, slots=True)
class WhyFact(Contracted):
    """One fact a bound state's obligation rests on: the treaty, its article, the state's membership of it, or the
    treaty's dates."""

    kind: str = field(metadata=meta("treaty, article, membership or date (the treaty's dates: its entry into force "
                                    "or end, the member's joining or leaving)",
                                    '"treaty" | "article" | "membership" | "date"'))
    value: str = field(metadata=meta("the treaty's id (for a date too), the article as the treaty numbers it, or the "
                                     "member's code", "string"))
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
    article: str = field(metadata=meta("its article", "string"))
    certainty: str = field(metadata=meta("the obligation's certainty, the weakest tag of the facts it rests on",
                                         "string"))
    facts: tuple[WhyFact, ...] = field(metadata=meta(
        "the treaty, the article, the state's membership and the treaty's dates, each said verified or not by "
        "this obligation's `certainty_reasons`", "WhyFact[]"))
    certainty_reasons: tuple[CertaintyReason, ...] = reasons_field()


@dataclass(frozen=True, slots=True)
class WarWhy(Contracted):
    """Why one state stands where it does on a replayed war's date, and what that rests on."""

    war: str = field(metadata=meta("the war's id", "string"))
    day: str = field(metadata=meta("the day answered (YYYY-MM-DD): `--until`'s, the replay's last by default, the "
                                   "war's data's end when asked past it (`asked_until`)", "string"))
    state: str = field(metadata=meta("the state's code", "string"))
    name: str = field(metadata=meta("its name on `day`", "string"))
    stands: str = field(metadata=meta("fighting, bound (to join a side), conflict (bound to both sides) or neither",
                                      '"fighting" | "bound" | "conflict" | "neither"'))
    side: str | None = field(metadata=meta("the side it fights on, or is bound to join; null otherwise",
                                           '"attack" | "defense" | null'))
    said: str = field(metadata=meta("the line `--state` prints without `--json`: the state named as on `day`, then "
                                    "the web map's \"Why?\" on that date (web/src/said.ts `frameWhy`)", "string"))
    treaty: str | None = field(metadata=meta("bound: the treaty that binds it (id); null otherwise", "string | null"))
    treaty_name: str | None = field(metadata=meta("bound: that treaty's name, as the treaty list gives it",
                                                  "string | null"))
    article: str | None = field(metadata=meta("bound: its article; null otherwise", "string | null"))
    certainty: str | None = field(metadata=meta(
        "bound: the obligation's certainty, the weakest tag of the facts it rests on; null otherwise",
        "string | null"))
    facts: tuple[WhyFact, ...] = field(metadata=meta(
        "bound: the treaty, the article, the state's membership and the treaty's dates, each said verified or not; "
        "empty otherwise",
        "WhyFact[]"))
    certainty_reasons: tuple[CertaintyReason, ...] = reasons_field()
    also: tuple[WarWhyAlso, ...] = field(default=(), metadata=meta(
        "bound: the other obligations that bind it to join that day, in the order `said` names them (\"also ...\"), "
        "each with its certainty and the facts it rests on; empty otherwise", "WarWhyAlso[]"))
    asked_until: str | None = field(default=None, metadata=meta(
        "the day asked for, when after an ongoing war's data ends: nothing after `day` is known; null otherwise",
        "string | null"))
    note: str | None = field(default=None, metadata=meta(
        "the warnings the text form prints on stderr, one a line: the war's data ends before the day asked "
        "(`asked_until`), or the day is after the treaty data's end (2025-12-31), the treaties replayed as they "
        "stood then; null when none", "string | null"))


_KINDS = ("treaty", "article", "membership", "date")  # of the facts an obligation rests on, in `WarWhy.facts`' order


def _verified(kind: str, reasons: Sequence[CertaintyReason]) -> bool:
    """Whether an obligation's fact of `kind` is verified: unless a reason of its kind among the obligation's
    certainty `reasons` tags it other than verified (only a date's can be verified: known only to a window,
    `reason_heading`'s "not to the day"). The one rule of `WarWhy.facts` (`rests_on`), and of what the war's text says
    is not verified (`doubted`)."""
    return all(r.kind != kind or r.certainty == Certainty.VERIFIED.value for r in reasons)


def rests_on(treaty: str, article: str, state: str, reasons: Sequence[CertaintyReason]) -> tuple[WhyFact, ...]:
    """The facts an obligation of `state` under `treaty` art. `article` rests on (the treaty, the article, the
    state's membership, the treaty's dates), each verified by `_verified`'s rule on the obligation's certainty
    `reasons`."""
    values = (treaty, article, state, treaty)
    return tuple(WhyFact(kind, value, _verified(kind, reasons)) for kind, value in zip(_KINDS, values, strict=True))


def doubted(reasons: Sequence[CertaintyReason]) -> tuple[str, ...]:
    """The kinds of fact (treaty, article, membership, date) an obligation with certainty `reasons` rests on that
    are not verified, by `rests_on`'s rule: what `foedus war`'s text names after a duty's certainty, and its JSON's
    `doubted`."""
    return tuple(kind for kind in _KINDS if not _verified(kind, reasons))
