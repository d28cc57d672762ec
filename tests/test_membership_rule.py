"""When a membership row makes its state a party is one rule in the model layer (`foedus.model.parties`), which the
engine and the world's builders read, none a copy of its own: a correction's `join` reads who is a member on its day
by it (in force), on a made-up carried pact with no entry into force, where a copy that fell back to the treaty's
signature counted a founder the engine never binds; and the model and source layers do not import the engine for it."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

import foedus
from foedus.engine import certainty, certainty_words
from foedus.model import parties, treaty_checks
from foedus.model.parties import party_on, state_party_on
from foedus.model.treaty import Treaty
from foedus.sources.correction_members import cannot_join, joined_provisions
from foedus.war.across import party_across

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


# AAA leaves and comes back the same day (one membership recorded on other facts); BBB joins later; CCC never
ROWS = Treaty.model_validate({
    "id": "atop_9002", "name": "Test pact of two rows", "signed": "2000-01-01", "in_force": "2000-01-01",
    "carried_from": "2018-12-31", "type": "multilateral", "sources": [{"url": "https://example.org/pact"}],
    "members": [{"state": "AAA", "left": "2010-01-01"}, {"state": "AAA", "joined": "2010-01-01"},
                {"state": "BBB", "joined": "2005-01-01"}],
    "provisions": [{"kind": "defense", "article": "1", "strength": "S2"}]})


def test_a_state_is_a_party_by_any_of_its_rows_or_by_another_than_one() -> None:
    """`state_party_on`, the one test the replay's changes (`foedus.war.changes`, `freezes`, `window_changes`), the
    engine's doubts and a correction's suspension ask of a state's rows: by any of them, or by one other than the
    row in hand (`besides`: a row that begins or ends the day another row covers it is no join or exit)."""
    first, second, _ = ROWS.members
    eve, day = dt.date(2009, 12, 31), dt.date(2010, 1, 1)
    assert [state_party_on(ROWS, "AAA", d) for d in (eve, day)] == [True, True]
    assert [state_party_on(ROWS, "AAA", d, besides=first) for d in (eve, day)] == [False, True]
    assert [state_party_on(ROWS, "AAA", d, besides=second) for d in (eve, day)] == [True, False]
    assert not state_party_on(ROWS, "CCC", day) and not state_party_on(ROWS, "BBB", dt.date(2004, 12, 31))
    assert state_party_on(ROWS, "AAA", eve, rows=[first]) and not state_party_on(ROWS, "AAA", day, rows=[first])


@pytest.mark.parametrize(("state", "day", "across"), [
    ("AAA", "2010-01-01", True),  # one row on the day before, the other on the day
    ("BBB", "2005-01-01", False),  # joins that day: no party the day before
    ("BBB", "2005-01-02", True),
    ("AAA", "2000-01-01", False),  # the treaty's first day in force
])
def test_a_membership_holds_across_a_day_when_the_state_is_a_party_on_the_day_before_and_on_it(
        state: str, day: str, across: bool) -> None:
    """`foedus.war.across.party_across`: what a replay's freeze or window change asks before it says a membership
    goes on, on other facts; never on the calendar's first day, which has no day before."""
    assert party_across(ROWS, state, dt.date.fromisoformat(day), "in-force") is across
    assert not party_across(ROWS, "AAA", dt.date.min, "signed")


def test_the_old_homes_of_the_rule_hand_on_the_one_rule() -> None:
    """`foedus.engine.certainty`, `certainty_words` and `treaty_checks` still answer to their names, with the model's
    functions themselves, not copies."""
    assert (certainty.party_on, certainty.member_start, certainty.first_day) == (
        parties.party_on, parties.member_start, parties.first_day)
    assert (certainty_words.first_day, treaty_checks.first_party_day) == (parties.first_day, parties.first_party_day)


def test_the_model_and_sources_import_of_the_engine_its_rules_only() -> None:
    """A module of `foedus.model` or `foedus.sources` (both build the world, whose cache key hashes their folders and
    `foedus.engine.rules`: `foedus.world_cache`) imports from the engine only its rule table."""
    package = Path(foedus.__file__).parent
    found = []
    for path in sorted([*(package / "model").glob("*.py"), *(package / "sources").glob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):  # `from foedus.engine import rules` imports foedus.engine.rules
                names = [f"{node.module}.{a.name}" if node.module == "foedus.engine" else node.module or ""
                         for a in node.names]
            else:
                continue
            found += [f"{path.parent.name}/{path.name}: {n}" for n in names
                      if n.startswith("foedus.engine") and not n.startswith("foedus.engine.rules")]
    assert found == []
