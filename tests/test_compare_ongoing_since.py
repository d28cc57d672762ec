"""`foedus compare` and `/api/compare` with attacks ongoing since a day after one of the two dates said "after the
scenario date D", where a comparison has two: the refusal now names the option D was given by (--date or --date2,
date or other_date), in one wording with a cascade's (foedus.engine.ongoing_days)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_input_messages import _error_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

SCENARIO = {"attacker": "RUS", "target": "EST", "date": "2024-01-01"}


@pytest.mark.parametrize(("dates", "since", "named"), [
    (["-d", "2024-01-01", "--date2", "2022-01-01"], "2023-01-01", "--date2 2022-01-01"),
    (["-d", "2020-01-01", "--date2", "2022-01-01"], "2023-01-01", "--date 2020-01-01"),
    (["-d", "2024-01-01", "--drop-treaty", "nato_1949"], "2024-03-01", "--date 2024-01-01"),
])
def test_compare_names_the_date_the_ongoing_since_is_after(dates: list[str], since: str, named: str) -> None:
    said = _error_line(["compare", "-a", "RUS", "-t", "EST", *dates, "--ongoing-since", since])
    assert said == f"the attacks cannot be ongoing since {since}, after {named}"


@pytest.mark.parametrize(("given", "named"), [
    ({"other_date": "2022-01-01", "ongoing_since": "2023-01-01"}, "other_date 2022-01-01"),
    ({"other_date": "2025-01-01", "ongoing_since": "2024-06-01"}, "date 2024-01-01"),
])
def test_the_web_s_compare_names_date_or_other_date(api_client: TestClient, given: dict[str, str], named: str) -> None:
    response = api_client.get("/api/compare", params={**SCENARIO, **given})
    assert response.status_code == 422, response.text
    assert response.json()["error"] == f"the attacks cannot be ongoing since {given['ongoing_since']}, after {named}"


def test_a_day_out_of_range_names_the_option_it_was_given_by(api_client: TestClient) -> None:
    """`--ongoing-since 1814-06-01` said "date 1814-06-01 is outside the range foedus covers", not which date."""
    said = "date 1814-06-01 is outside the range foedus covers (1815-01-01 to 2100-12-31)"
    assert _error_line(["compare", "-a", "RUS", "-t", "EST", "-d", "2024-01-01", "--date2", "2022-01-01",
                        "--ongoing-since", "1814-06-01"]) == f"--ongoing-since: {said}"
    response = api_client.get("/api/compare", params={**SCENARIO, "other_date": "2022-01-01",
                                                      "ongoing_since": "1814-06-01"})
    assert response.status_code == 422 and response.json()["error"] == f"ongoing_since: {said}", response.text



@pytest.mark.parametrize("args", [
    ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"],
    ["compare", "-a", "RUS", "-t", "EST", "-d", "2024-01-01", "--date2", "2025-01-01"],
])
def test_attacks_ongoing_since_before_the_state_system_check_its_first_day(args: list[str]) -> None:
    """`--ongoing-since 1815-01-01` took Estonia (COW has no days before 1816: its membership read unknown) and the
    cascade replayed every change since, for ~38 s; attacks ongoing from 1815 to a later date go on on 1816-01-01,
    where a party not in the system is refused as on the day they are ongoing since (test_history keeps 1815 days
    themselves taken, with a note)."""
    assert _error_line([*args, "--ongoing-since", "1815-01-01"]) == (
        "target Estonia (EST) is not a member of the state system on 1816-01-01 (a member 1918-02-24–1940-06-16), its "
        "first day, within the attacks ongoing since 1815-01-01")


def test_the_web_checks_attacks_ongoing_since_before_the_state_system(api_client: TestClient) -> None:
    response = api_client.get("/api/compare", params={**SCENARIO, "other_date": "2025-01-01",
                                                      "ongoing_since": "1815-06-01"})
    assert response.status_code == 422, response.text
    assert response.json()["error"] == ("target Estonia (EST) is not a member of the state system on 1816-01-01 (a "
                                        "member 1918-02-24–1940-06-16), its first day, within the attacks ongoing "
                                        "since 1815-06-01")
