"""A state typed for a day it is out of the state system was refused with no help: `-t MNE -d 1914-08-05` said only
"target Montenegro (MNE) is not a member of the state system on 1914-08-05", and `-t AUT` in 1914 did not say that
Austria-Hungary (COW300) was the state of that name then. The refusal (`foedus.state_lists.non_member`) now says, on
its one line, when the state is a member (its spells nearest the day) and the states of its name that are members
that day, with their codes (`foedus.model.spells_said`); the CLI, the API and the web form (membership.ts
`notMember`) say the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from samples import error_line

pytestmark = pytest.mark.needs_data  # the states' COW dates say who is a member on a day

AUSTRIA = ("target Austria (AUT) is not a member of the state system on 1914-08-05 (a member 1919-09-10–1938-03-13; "
           "did you mean Austria-Hungary (COW300), a member 1816-01-01–1918-11-12?)")


@pytest.mark.parametrize(("target", "day", "said"), [
    ("MNE", "1914-08-05", "Montenegro (MNE) is not a member of the state system on 1914-08-05 (a member since "
                          "2006-06-12)"),
    ("UKR", "1914-08-04", "Ukraine (UKR) is not a member of the state system on 1914-08-04 (a member since "
                          "1991-12-26)"),
    ("AUT", "1914-08-05", AUSTRIA.removeprefix("target ")),
    ("HUN", "1900-01-01", "Hungary (HUN) is not a member of the state system on 1900-01-01 (a member since 1918-11-16; "
                          "did you mean Austria-Hungary (COW300), a member 1816-01-01–1918-11-12?)"),
    ("DEU", "1960-01-01", "Germany (DEU) is not a member of the state system on 1960-01-01 (a member 1816-01-01–"
                          "1945-05-08 and since 1990-10-03; did you mean German Federal Republic (COW260), a member "
                          "1955-05-05–1990-10-02, or German Democratic Republic (COW265), a member 1954-03-25–"
                          "1990-10-02?)"),
    ("MNE", "2004-06-01", "Montenegro (MNE) is not a member of the state system on 2004-06-01 (a member since "
                          "2006-06-12; did you mean Serbia and Montenegro (SRB), a member since 1944-10-20?)"),
    ("KOR", "1900-01-01", "South Korea (KOR) is not a member of the state system on 1900-01-01 (a member since "
                          "1949-06-29; did you mean Korea (COW730), a member 1887-01-01–1905-11-17?)"),
])
def test_the_cli_refusal_says_when_the_state_is_a_member_and_which_of_its_name_is(target: str, day: str,
                                                                                 said: str) -> None:
    assert error_line(["cascade", "-a", "RUS", "-t", target, "-d", day]) == f"target {said}"


def test_a_wars_why_says_it_over_the_replays_days() -> None:
    assert error_line(["war", "july_crisis_1914", "--state", "AUT"]) == (
        "state Austria (AUT) is not a member of the state system on any day from 1914-07-28 to 1914-08-04 (a member "
        "1919-09-10–1938-03-13; did you mean Austria-Hungary (COW300), a member 1816-01-01–1918-11-12?)")


def test_the_api_refuses_in_the_same_words(api_client: Any) -> None:
    cascade = api_client.get("/api/cascade", params={"attacker": "RUS", "target": "AUT", "date": "1914-08-05"})
    assert (cascade.status_code, cascade.json()["error"]) == (422, AUSTRIA), cascade.text
    resolved = api_client.get("/api/resolve", params={"state": "AUT", "date": "1914-08-05", "role": "target"})
    assert (resolved.status_code, resolved.json()["error"], resolved.json()["not_member"]) == (422, AUSTRIA, "AUT")


def test_the_web_form_says_the_same_of_every_state_out_on_a_day() -> None:
    """membership.ts `notMember` (the form's chips and typed states, with no round trip) against `non_member`, for
    every bundled state out of the system on days with namesakes to offer; and its `NAMESAKES`, AMBIGUOUS's groups."""
    from foedus.catalog import state_rows
    from foedus.model.state_index import AMBIGUOUS
    from foedus.model.world import World
    from foedus.state_lists import non_member
    from ts_said import run_ts

    states = World.default().states
    rows = state_rows(states, None)
    days = [dt.date.fromisoformat(d) for d in ("1868-07-01", "1900-01-01", "1914-08-05", "1960-01-01", "2004-06-01",
                                               "2025-06-01")]
    cases = [(day, s) for day in days for s in states if s.member_on(day) is False]
    said = [non_member(World.default(), s, day, "target") for day, s in cases]
    web = run_ts([("membership", "notMember", ["target", s.id, str(day), rows, {"$lookup": states.names_on(day)}])
                  for day, s in cases] + [("membership", "NAMESAKES", [])])
    assert web.pop() == [list(group) for group in AMBIGUOUS.values()]
    assert len(cases) > 300 and sum("did you mean" in s for s in said if s) > 10
    assert web == said
