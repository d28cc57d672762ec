"""A correction's `join` reads who is a member on its day by the engine's one rule (`foedus.model.parties.party_on`,
in force), not a copy of its own: on a made-up carried pact with no entry into force, where a copy that fell back to
the treaty's signature counted a founder the engine never binds."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.model.parties import party_on
from foedus.model.treaty import Treaty
from foedus.sources.correction_members import cannot_join, joined_provisions

DAY = dt.date(2020, 1, 1)
# AAA acceded on a recorded day; BBB, a founder, has no accession and the pact no entry into force: no party in force
PACT = Treaty.model_validate({
    "id": "atop_9001", "name": "Test pact", "signed": "2000-01-01", "carried_from": "2018-12-31",
    "type": "multilateral", "sources": [{"url": "https://example.org/pact"}],
    "members": [{"state": "AAA", "joined": "2000-03-01"}, {"state": "BBB"}],
    "provisions": [{"kind": "defense", "article": "1", "strength": "S2", "obligors": ["AAA"]}]})


def test_the_pact_has_one_party_in_force_by_the_engines_rule() -> None:
    """The case the test reads: BBB's row makes it a party on the signed basis, never in force."""
    assert {m.state for m in PACT.members if party_on(PACT, m, DAY)} == {"AAA"}
    assert {m.state for m in PACT.members if party_on(PACT, m, DAY, "signed")} == {"AAA", "BBB"}


def test_a_join_binds_the_joiner_as_the_engines_parties_are_bound() -> None:
    """Every party in force owes the defence clause (AAA alone), so a joiner may take it and does: BBB, no party, does
    not make the pact's members differ."""
    assert cannot_join(PACT, {"CCC"}, DAY) is None
    assert [p.obligors for p in joined_provisions(PACT, {"CCC"}, DAY)] == [["AAA", "CCC"]]


@pytest.mark.parametrize(("state", "said"), [
    ("AAA", "AAA is already a member of atop_9001 on 2020-01-01"),
    ("BBB", "BBB has a membership row in atop_9001 already"),
])
def test_a_state_is_already_a_member_only_where_the_engine_makes_it_a_party(state: str, said: str) -> None:
    """A row of a party on the day is 'already a member'; BBB's row, no party in force, is a row already (refused
    all the same: a state that has a row does not join)."""
    why = cannot_join(PACT, {state}, DAY)
    assert why is not None and why.startswith(said)
