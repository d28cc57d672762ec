"""Probabilistic mode, what-if worlds and compare through the web API, against the Python API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")

from fastapi.testclient import TestClient

import foedus
from foedus.whatif_words import what_if_world
from samples import paused_workers

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]
FLAGSHIP = {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast"}


def whatif_world(*flags: str) -> Any:
    from foedus.model.overlay import Overlay, changes_from

    values: dict[str, list[str]] = {}
    for flag in flags:
        name, _, value = flag.partition("=")
        values.setdefault(name, []).append(value)
    return Overlay(changes=changes_from(values)).apply(foedus.World.default())


def test_draws_and_seed_match_the_python_api(api_client: TestClient) -> None:
    body = api_client.get("/api/cascade", params={**FLAGSHIP, "draws": 500, "seed": 11}).json()
    expected = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", draws=500, seed=11).to_dict()
    assert body == expected
    assert {"probabilities", "war_size", "power"} <= set(body)
    assert 0 < body["probabilities"]["PRK"]["defense"] <= 1
    again = api_client.get("/api/cascade", params={**FLAGSHIP, "draws": 500, "seed": 11}).json()
    assert again["probabilities"] == body["probabilities"]


@pytest.mark.parametrize(("params", "needle"), [
    ({"draws": 0}, "draws must be between 1 and 10,000 (got 0)"),
    ({"draws": 10_001}, "draws must be between 1 and 10,000 (got 10001)"),
    ({"draws": 10, "seed": -1}, "seed must be between 0 and 9,223,372,036,854,775,807 (got -1)"),
    ({"draws": "many"}, "draws must be a whole number"),
])
def test_draws_are_bounded(api_client: TestClient, params: dict[str, Any], needle: str) -> None:
    response = api_client.get("/api/cascade", params={**FLAGSHIP, **params})
    assert response.status_code == 422 and needle in response.json()["error"]


def test_whatif_cascade_matches_the_overlay_world(api_client: TestClient) -> None:
    params = {**FLAGSHIP, "add_member": "rus_prk_2024:IRN", "drop_treaty": "csto_1992"}
    body = api_client.get("/api/cascade", params=params).json()
    world = whatif_world("add_member=rus_prk_2024:IRN", "drop_treaty=csto_1992")
    in_world = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", world=world).to_dict()
    changes = ["add_member rus_prk_2024:IRN", "drop_treaty csto_1992"]
    said = what_if_world(changes)  # a what-if says it is one, and carries its changes, and the duty resting on one
    rests = "resting on add_member rus_prk_2024:IRN: Iran (IRN), bound under rus_prk_2024 art. 4 (hypothetical)"
    hypothetical = {"kind": "what-if", "fact": "rests on the what-if change add_member rus_prk_2024:IRN",
                    "certainty": "hypothetical", "source": "the what-if change given to this run, not the treaties "
                    "as encoded", "heading": "hypothetical"}  # on Iran's duty only, which rests on the change
    joiners = [{**j, "certainty_reasons": [*j["certainty_reasons"], hypothetical]} if j["state"] == "IRN" else j
               for j in in_world["joiners"]]
    assert body == {**in_world, "joiners": joiners, "notes": [*in_world["notes"], said, rests], "what_if": changes}
    assert "IRN" in body["sides"]["defense"]


def test_whatif_remove_member_and_strength(api_client: TestClient) -> None:
    gone = api_client.get("/api/cascade", params={**FLAGSHIP, "remove_member": "rus_prk_2024:PRK"}).json()
    assert "PRK" not in gone["sides"]["defense"]
    weaker = api_client.get("/api/cascade", params={**FLAGSHIP, "set_strength": "rus_prk_2024:4=S3"}).json()
    prk = next(j for j in weaker["joiners"] if j["state"] == "PRK")
    assert prk["strength"] == "S3"


@pytest.mark.parametrize(("params", "needle"), [
    ({"add_member": "rus_prk_2024:Atlantis"}, "unknown state 'Atlantis'"),
    ({"add_member": "rus_prk_2024"}, "add_member 'rus_prk_2024': expected TREATY:STATE, e.g. rus_prk_2024:IRN"),
    ({"set_strength": "rus_prk_2024"},  # the message gave add_member's form
     "set_strength 'rus_prk_2024': expected TREATY:ARTICLE=S1..S5, e.g. nato_1949:5=S1"),
    ({"set_scope": "rus_prk_2024"}, "set_scope 'rus_prk_2024': expected TREATY:ARTICLE=territory:TOKENS;forces:TOKENS"),
    ({"drop_treaty": "../../pyproject.toml"}, "unknown treaty '../../pyproject.toml'"),
    ({"drop_treaty": "/etc/passwd"}, "unknown treaty '/etc/passwd'"),
    ({"set_strength": "rus_prk_2024:9=S1"}, "has no article '9'"),
    ({"set_strength": "rus_prk_2024:4=S9"}, "set_strength 'rus_prk_2024:4=S9': expected"),
    ({"drop_treaty": ["nato_1949"] * 17}, "too many what-if changes"),
    ({"drop_treaty": "rus_prk_2024", "add_member": "rus_prk_2024:IRN"},  # the member was silently lost with it
     "drop_treaty rus_prk_2024 and add_member rus_prk_2024:IRN contradict each other"),
    ({"set_strength": ["rus_prk_2024:4=S1", "rus_prk_2024:4=S3"]}, "contradict each other"),
])
def test_bad_whatif_changes_are_422(api_client: TestClient, params: dict[str, Any], needle: str) -> None:
    response = api_client.get("/api/cascade", params={**FLAGSHIP, **params})
    assert response.status_code == 422, response.text
    assert needle in response.json()["error"]


@pytest.mark.parametrize(("name", "value"), [("drop_treaty", ""), ("add_member", ""), ("add_member", " "),
                                           ("remove_member", ""), ("set_strength", ""), ("set_scope", "  ")])
@pytest.mark.parametrize("path", ["/api/cascade", "/api/compare"])
def test_an_empty_whatif_value_is_refused_in_the_clis_words(api_client: TestClient, path: str, name: str,
                                                            value: str) -> None:
    """An empty what-if value was dropped without a word (a 200 on the bundled world); the CLI refuses it. The
    words are the CLI's, in the web's terms (`foedus.web.envelope`: /api/treaties for `foedus treaties list`), the
    change named as the query parameter (`add_member`) where the CLI names its option (`--add-member`)."""
    from foedus.web.envelope import _web_wording
    from test_input_messages import _error_line

    response = api_client.get(path, params={**FLAGSHIP, name: value})
    flag = f"--{name.replace('_', '-')}"
    said = _error_line(["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", flag, value])
    assert said.startswith(f"{flag} ")
    assert response.status_code == 422 and response.json()["error"] == _web_wording(name + said.removeprefix(flag)), \
        response.text


@pytest.mark.parametrize("value", ["", " "])
@pytest.mark.parametrize(("path", "extra"), [("/api/cascade", {}), ("/api/cascade", {"draws": 10, "seed": 1}),
                                             ("/api/compare", {"other_date": "2024-08-06"})])
def test_an_empty_place_is_refused_in_the_clis_words(api_client: TestClient, path: str, extra: dict[str, Any],
                                                     value: str) -> None:
    """`place=` (or a blank one) was read as no place, each target's home territory, and answered 200, where the CLI
    (`--place ''`) and `foedus.cascade(place="")` refuse it; the page never sends an empty place."""
    from foedus.web.envelope import _web_wording
    from test_input_messages import _error_line

    response = api_client.get(path, params={**FLAGSHIP, "place": value, **extra})
    said = _error_line(["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", value])
    assert response.status_code == 422 and response.json()["error"] == _web_wording(said), response.text


def test_compare_with_a_whatif(api_client: TestClient) -> None:
    body = api_client.get("/api/compare", params={**FLAGSHIP, "add_member": "rus_prk_2024:IRN"}).json()
    assert body["whatif"] == [{"param": "add_member", "value": "rus_prk_2024:IRN"}]
    assert body["base"] == foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast").to_dict()
    assert body["changes"]["gained"] == [{"state": "IRN", "side": "defense", "why": "rus_prk_2024 art. 4",
                                           "strength": "S1", "certainty": "verified", "doubted": [], "levels": {},
                                           "rests_on_what_if": ["add_member rus_prk_2024:IRN"]}]
    assert body["changes"]["war_size"]["other"] == body["changes"]["war_size"]["base"] + 1


def test_compare_two_dates(api_client: TestClient) -> None:
    body = api_client.get("/api/compare", params={**FLAGSHIP, "date": "2024-08-06", "other_date": "2025-01-15"}).json()
    assert body["base"]["date"] == "2024-08-06" and body["other"]["date"] == "2025-01-15"
    gained = {g["state"]: g["why"] for g in body["changes"]["gained"]}
    assert gained.get("PRK") == "rus_prk_2024 art. 4"


@pytest.mark.parametrize("other", [{}, {"other_date": FLAGSHIP["date"]}])  # the same date: was a 200, no change
def test_compare_needs_something_to_compare(api_client: TestClient, other: dict[str, str]) -> None:
    response = api_client.get("/api/compare", params={**FLAGSHIP, **other})
    assert response.status_code == 422 and response.json()["error"] == (
        "nothing to compare: give an other_date than date, or a what-if change (add_member, remove_member, "
        "drop_treaty, set_strength, set_scope)")
    assert api_client.get("/api/compare", params={**FLAGSHIP, "other_date": "2025-02-30"}).status_code == 422
    empty = api_client.get("/api/compare", params={**FLAGSHIP, "other_date": "", "drop_treaty": "rus_prk_2024"})
    assert empty.status_code == 422 and empty.json()["error"] == "other_date: invalid date '': expected YYYY-MM-DD"


def test_a_runaway_monte_carlo_is_stopped_and_the_next_run_works(web_client: Callable[..., TestClient]) -> None:
    slow = {"attacker": "DEU", "target": "FRA", "date": "2025-06-01", "reading": "escalatory", "draws": 10_000}
    # the workers paused (`paused_workers`): the run is past the limit whatever the machine's speed (10,000
    # escalatory draws, about 1 s on a fast idle one, raced the 0.05 s limit before)
    with web_client(mc_timeout=0.05) as c:
        with paused_workers(c.app.state.pool):  # type: ignore[attr-defined]
            response = c.get("/api/cascade", params=slow)
            assert response.status_code == 504 and response.json()["status"] == 504
            assert "stopped at the web app's time limit of 0.05 s" in response.json()["error"]
            assert c.get("/api/health").status_code == 200
        c.app.state.pool.timeout = 600.0  # type: ignore[attr-defined]  # a hang guard: not how fast, but that it runs
        again = c.get("/api/cascade", params={**FLAGSHIP, "draws": 200, "seed": 3})
        assert again.status_code == 200 and again.json()["draws"] == 200


def test_a_whatif_membership_is_read_on_the_scenarios_date(api_client: TestClient) -> None:
    """SWE added to NATO for 1979 was refused as 'already a member (from 2024-03-07)': it is one only from then."""
    swe = {"attacker": "RUS", "target": "SWE"}
    body = api_client.get("/api/cascade", params={**swe, "date": "1979-06-01", "add_member": "nato_1949:SWE"}).json()
    assert body == foedus.cascade("RUS", "SWE", "1979-06-01", add_member="nato_1949:SWE").to_dict()
    assert "USA" in body["sides"]["defense"]
    for params, needle in (({"date": "2025-06-01", "add_member": "nato_1949:SWE"},
                            "SWE is already a member of nato_1949 on 2025-06-01 (from 2024-03-07)"),
                           ({"date": "1979-06-01", "remove_member": "nato_1949:SWE"},
                            "SWE is not a member of nato_1949 on 1979-06-01 (a member from 2024-03-07)")):
        response = api_client.get("/api/cascade", params={**swe, **params})
        assert response.status_code == 422, response.text
        assert needle in response.json()["error"]
