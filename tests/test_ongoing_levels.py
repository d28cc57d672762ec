"""The records of `foedus compare --ongoing-since` (`foedus.war.ongoing_records`) kept a provision's facts not verified
(`doubted`, `doubted_before`) beside each fact's level (`levels`, `levels_before`), each built from the summary on its
own: a record could say `doubted: []` beside `levels: {"article": "secondary"}`, and a summary from before it said
levels was read as other than the same facts said with them (one change where nothing changed). They now keep the
levels alone and derive the facts from them, as a war's `Bound` does; their JSON's keys stay where the contract puts
them (`foedus.engine.contract.computed`'s `after`)."""

from __future__ import annotations

from typing import Any

import pytest

from foedus.datarecord import dataclass, field
from foedus.engine.contract import Contracted, computed, keys_of, meta
from foedus.war.ongoing_changes import (
    BoundSince,
    Lapse,
    MovedSince,
    ReprovisionedNow,
    ReprovisionedSince,
    RetaggedLapse,
    RetaggedSince,
    SwitchedSince,
    ongoing_changes,
    ongoing_lines,
)

BLR = {"side": "defense", "since": "2024-08-06", "treaty": "csto_1992", "article": "4", "instrument": "treaty"}
LEVELS = {"treaty": "secondary", "article": "unverified"}


def _summary(**bound: dict[str, Any]) -> dict[str, Any]:
    return {"since": "2024-08-06", "until": "2025-04-15", "bound_since": bound, "lapsed": []}


def test_a_record_derives_its_doubted_facts_from_its_levels() -> None:
    """A record made with levels names those facts as doubted, the base world's likewise, in the contract's order
    (each `doubted` after its `certainty`)."""
    bound = BoundSince("UZB", "defense", "2024-08-06", "rus_uzb_2005", "2", "treaty", "unverified", levels=LEVELS)
    assert bound.doubted == ("treaty", "article")
    assert bound.to_dict() == {"state": "UZB", "side": "defense", "since": "2024-08-06", "treaty": "rus_uzb_2005",
                               "article": "2", "instrument": "treaty", "certainty": "unverified",
                               "doubted": ["treaty", "article"], "levels": LEVELS}
    lapse = RetaggedLapse("TJK", "defense", "2024-08-06", "2025-01-01", "csto_1992", "4", "treaty", "verified",
                          "conflicting", levels={}, levels_before={"validity": "conflicting", "date": "secondary"})
    assert (lapse.doubted, lapse.doubted_before) == ((), ("validity", "date"))
    for cls in (BoundSince, Lapse, MovedSince, RetaggedSince, ReprovisionedSince, ReprovisionedNow, SwitchedSince,
                RetaggedLapse):
        names = [k.name for k in keys_of(cls)]
        assert names[names.index("certainty") + 1] == "doubted", cls.__name__
        assert "certainty_before" not in names or names[names.index("certainty_before") + 1] == "doubted_before"


def test_a_summarys_levels_say_its_doubted_facts() -> None:
    """A summary's binding whose `doubted` leaves out a fact its `levels` give: the record's doubted facts are the
    levels' (the one reading of its reasons), and its line tags the fact."""
    base = _summary(BLR={**BLR, "certainty": "verified", "doubted": []})
    other = _summary(BLR={**BLR, "certainty": "secondary", "doubted": [], "levels": {"article": "secondary"}})
    (retagged,) = ongoing_changes(base, other).retagged
    assert (retagged.doubted, retagged.to_dict()["doubted"]) == (("article",), ["article"])
    assert ongoing_lines(ongoing_changes(base, other).to_dict(), {"BLR": "Belarus"}) == [
        "ongoing: Belarus (BLR) bound since 2024-08-06 (defense, csto_1992 art. 4 (secondary: article)), was verified"]


def test_a_summary_without_levels_reads_each_fact_at_the_certainty() -> None:
    """A summary from before it said levels: each fact it names not verified at the certainty, as its line reads it,
    so that it is the same as a summary saying those levels, not one change where nothing changed."""
    old = _summary(BLR={**BLR, "certainty": "unverified", "doubted": ["treaty", "article"]})
    new = _summary(BLR={**BLR, "certainty": "unverified", "doubted": ["treaty", "article"],
                        "levels": {"treaty": "unverified", "article": "unverified"}})
    assert not ongoing_changes(old, new) and not ongoing_changes(new, old)
    (unbound,) = ongoing_changes(old, _summary()).unbound
    assert unbound.levels == {"treaty": "unverified", "article": "unverified"}


def test_a_computed_key_is_placed_after_a_field_of_the_contract() -> None:
    """`computed(after=...)` names a field of its record's contract: one that names none is refused, saying so."""
    with pytest.raises(TypeError, match="placed after missing, not a field of its contract"):
        @dataclass(frozen=True, slots=True)
        class Wrong(Contracted):
            """A record whose computed key is placed after no field."""

            name: str = field(metadata=meta("a name", "string"))

            @computed("the name again", "string", after="missing")
            def again(self) -> str:
                """The name."""
                return self.name

        keys_of(Wrong)
