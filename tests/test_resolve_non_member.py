"""`/api/resolve?role=attacker` (the form's state boxes, a shared link's states) answered 200 for a state the cascade
it feeds refuses as out of the state system on that date (the German Democratic Republic in 2025): the form took the
state, and the cascade then refused it. With a role it now refuses such a state as the cascade does, in the same
words (`foedus.state_lists.non_member`); without one it still says which state a name means."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.needs_data  # the states' COW dates say who is a member on a day

DAY = "2025-06-01"


@pytest.mark.parametrize(("role", "attacker", "target"), [("attacker", "GDR", "POL"), ("target", "POL", "GDR")])
def test_a_state_out_of_the_system_is_refused_as_the_cascade_refuses_it(api_client: Any, role: str, attacker: str,
                                                                         target: str) -> None:
    cascade = api_client.get("/api/cascade", params={"attacker": attacker, "target": target, "date": DAY})
    assert cascade.status_code == 422, cascade.text
    said = cascade.json()["error"]
    assert said == f"{role} German Democratic Republic (COW265) is not a member of the state system on {DAY} (a " \
                   "member 1954-03-25–1990-10-02; did you mean Germany (DEU), a member since 1990-10-03?)", said
    for typed in ("GDR", f"{'POL' if role == 'attacker' else 'DEU'}, GDR"):  # alone, or a part of a list
        resolved = api_client.get("/api/resolve", params={"state": typed, "date": DAY, "role": role})
        assert (resolved.status_code, resolved.json()["error"]) == (422, said), resolved.text
        # the state it found, for the form: it says the refusal as it is, not as "no state matches"
        assert resolved.json()["not_member"] == "COW265", resolved.text


def test_without_a_role_a_name_is_still_resolved(api_client: Any) -> None:
    """A name looked up for no cascade (no role) is answered: it is a state, whatever its membership that day."""
    resolved = api_client.get("/api/resolve", params={"state": "GDR", "date": DAY})
    assert resolved.status_code == 200 and resolved.json()["id"] == "COW265", resolved.text
    member = api_client.get("/api/resolve", params={"state": "GDR", "date": "1980-01-01", "role": "attacker"})
    assert member.status_code == 200 and member.json()["id"] == "COW265", member.text


def test_the_form_refuses_a_chip_out_of_the_system_in_the_clis_words() -> None:
    """The form checks its chips again when the date changes, and a state it matched itself, with no round trip
    (web/src/membership.ts `notMember`): in `foedus.state_lists.non_member`'s words, one source, the state named as it
    was called that day."""
    import datetime as dt

    from foedus.catalog import state_rows
    from foedus.model.world import World
    from foedus.state_lists import non_member
    from ts_said import run_ts

    world = World.default()
    cases = [(role, sid, day) for role in ("attacker", "target") for sid, day in
             (("COW265", "2025-06-01"), ("RUS", "1800-06-01"), ("UKR", "1900-01-01"), ("POL", "1900-01-01"))]
    said = [non_member(world, world.states.get(sid), dt.date.fromisoformat(day), role) for role, sid, day in cases]
    assert None not in said[:1] and said.count(None) == 2  # before 1816 no membership is known: no refusal
    rows = state_rows(world.states, None)
    web = run_ts([("membership", "notMember", [role, sid, day, rows,
                                               {"$lookup": world.states.names_on(dt.date.fromisoformat(day))}])
                  for role, sid, day in cases])
    assert [w for w, p in zip(web, said, strict=True) if p is not None] == [p for p in said if p is not None]
