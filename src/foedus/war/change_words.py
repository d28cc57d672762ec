"""A war replay's treaty change in words (`change_words`): the JSON's `label`, by ids, and its `text`, each state
named (`foedus.war.words.change_text`), made from the same record, so no two can word a change apart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from foedus.cited import article_cited
from foedus.cited_names import named_cited
from foedus.wording import named_state

__all__ = ["change_words"]

def change_words(what: str, treaty: str, state: str | None, article: str | None, names: Mapping[str, str],
                 rests_on: Sequence[str] | None = None, titles: Mapping[str, str] | None = None) -> str:
    """A treaty change in words, its state named by `names` ("Bulgaria (BGR) becomes a party to atop_2515"; by its
    id alone where `names` has no other name: the JSON's `label`). A continues, clause-continues or leg-continues
    change given `rests_on` (the record's: its facts from that day, in brief) says which they are, or that they are
    verified where there are none: the JSON's `text`; without it (the `label`), only that they are other facts. An
    ATOP alliance is cited with its title where `titles` has one (`named_cited`: the `text`), as the war's rows are."""
    treaty = named_cited(treaty, titles or {})
    art = f" {article_cited(article)}" if article else ""
    who = named_state(state or "", names)
    other = ("other facts" if rests_on is None else f"other facts from that day: {'; '.join(rests_on)}" if rests_on
             else "verified facts from that day")  # what a `...continues` change rests on
    phrases = {
        "in-force": f"{treaty} enters into force",
        "signed": f"{treaty} is signed (binding by signature)",
        "terminated": f"{treaty} ends",
        "coverage-ends": f"{treaty}: its source's coverage ends",
        "joins": f"{who} becomes a party to {treaty}",
        "leaves": f"{who} leaves {treaty}",
        "continues": f"{who} stays a party to {treaty}, its membership resting on {other}",
        "suspended": f"{who} is suspended from {treaty}",
        "restored": f"{who}'s suspension from {treaty} ends",
        "frozen": f"{who}'s participation in {treaty} is frozen (still a party)",
        "unfrozen": f"{who}'s participation in {treaty} is no longer frozen",
        "clause-starts": f"{treaty}{art} starts to apply",
        "clause-ends": f"{treaty}{art} stops applying",
        "clause-continues": f"{treaty}{art} goes on applying, resting on {other}",
        "leg-suspended": f"{treaty}{art}: {who}'s duty is suspended",
        "leg-restored": f"{treaty}{art}: {who}'s duty is restored",
        "leg-continues": f"{treaty}{art}: {who}'s duty goes on, resting on {other}",
    }
    return phrases.get(what, f"{treaty}: {what}")
