"""README (escalatory reading): where the attacker and its victim share a treaty, the escalatory reading's
counter-strike binds their common allies to both sides, so the states the legal reading puts on the victim's side
are conflicts there, counted on neither side (Iraq -> Kuwait, 1990: the Arab League's other members)."""

from __future__ import annotations

import foedus

CURATED = foedus.World.load(history=False)


def test_common_allies_of_attacker_and_victim_are_conflicts_in_the_escalatory_reading() -> None:
    legal = foedus.cascade("IRQ", "KWT", "1990-08-02", world=CURATED)
    escalatory = foedus.cascade("IRQ", "KWT", "1990-08-02", reading="escalatory", world=CURATED)
    drawn = {j.state for j in legal.joiners if j.primary.treaty == "arab_jdec_1950"}
    assert drawn and all(legal.joiner(s).primary.side == "defense" for s in drawn)  # type: ignore[union-attr]
    assert drawn <= {c.state for c in escalatory.conflicts}
    assert not drawn & {j.state for j in escalatory.joiners}
