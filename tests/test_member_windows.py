"""A member's first day and exit known less than to the day, on made-up pacts: the certainty reasons and the doubts
read them where they decide who is a party on the basis (`foedus.model.parties.member_start`, `party_on`), and
only inside their windows (docs/certainty.md)."""

from __future__ import annotations

import datetime as dt

import foedus
from foedus.engine.certainty import member_start, party_facts, party_on
from foedus.engine.doubts import doubts
from foedus.model.treaty import Treaty

D = dt.date.fromisoformat
MONTH = {"within": "month", "certainty": "unverified"}
PACT = Treaty.model_validate({
    "id": "test_pact", "name": "Test pact", "signed": "2000-01-01", "in_force": "2000-01-01",
    "type": "multilateral", "sources": [{"url": "https://example.org/pact"}],
    "members": [{"state": "AAA"},
                {"state": "BBB", "left": "2005-06-15", "left_certainty": MONTH},
                {"state": "CCC", "joined": "2006-03-20", "joined_certainty": MONTH},
                {"state": "DDD", "signed": "2006-01-10", "joined": "2006-03-20", "joined_certainty": MONTH}],
    "provisions": [{"kind": "defense", "article": "1", "strength": "S2"}]})
JOINED = "test_pact: {} became a party on 2006-03-20, known only to the month (day: not verified)"
LEFT = "test_pact: BBB left on 2005-06-15, known only to the month (day: not verified)"


def dated(state: str, day: str, basis: str = "in-force") -> list[str]:
    """The date reasons of `state`'s duty to AAA under the pact on `day`."""
    sure = party_facts(PACT, PACT.provisions[0], state, "AAA", D(day), basis, names={})
    return [r.fact for r in sure.reasons if r.kind == "date"]


def test_on_the_signed_basis_an_accession_is_read_where_a_membership_starts_from_it() -> None:
    """CCC joined later and records no signature, so on the signed basis it is a party from its accession, as the
    leg table reads it: inside the accession's month the duty rests on that day, and before it CCC may already have
    been a party. DDD, a party from its recorded signature, has neither."""
    ccc, ddd = PACT.members[2], PACT.members[3]
    assert not party_on(PACT, ccc, D("2006-03-10"), "signed") and party_on(PACT, ddd, D("2006-03-10"), "signed")
    assert dated("CCC", "2006-03-25", "signed") == [JOINED.format("CCC")]
    assert dated("DDD", "2006-03-25", "signed") == []
    assert [d.state for d, _ in doubts([PACT], D("2006-03-10"), "signed", names={})] == ["CCC"]
    assert [d.state for d, _ in doubts([PACT], D("2006-03-10"), names={})] == ["CCC", "DDD"]


def test_a_state_no_row_makes_a_party_has_a_date_reason_only_inside_the_window() -> None:
    """Asked of a state that is no party on the day (all its rows are read then), an accession or exit is a reason
    only where its window holds the day, as for a party: not years before the accession or after the exit."""
    assert dated("CCC", "2006-03-10") == [JOINED.format("CCC")]
    assert dated("CCC", "2001-06-01") == []
    assert dated("BBB", "2005-06-20") == [LEFT]
    assert dated("BBB", "2010-01-01") == []


def test_a_rows_first_day_is_the_day_party_on_starts_it() -> None:
    """`party_on` writes `member_start`'s day out (the leg table asks it of every row): on every curated row, on both
    bases, the row makes its state a party from that day and not the day before (until its exit)."""
    world = foedus.World.load(history=False)
    rows = [(t, m) for t in world.treaties.curated.values() for m in t.members]
    odd = [(t.id, m.state, basis) for t, m in rows for basis in ("in-force", "signed")
           if (start := member_start(t, m, basis)[0]) is not None and (m.left is None or start < m.left)
           and (not party_on(t, m, start, basis) or party_on(t, m, start - dt.timedelta(days=1), basis))]
    assert odd == [] and len(rows) > 100
