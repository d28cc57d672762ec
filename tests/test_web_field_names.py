"""The web API names its own fields in every refusal: /api/cascade said "--ongoing-since: invalid date" (the CLI's
option) where /api/compare said "ongoing_since:", and /api/compare's bad other_date was refused in the words of a
bad date ("date 1700-01-01 is outside the range"). One rule (`foedus.web.envelope`): an option the API shares is
said by its parameter's name; compare's other date is named on the CLI (--date2) and the web (other_date)."""

from __future__ import annotations

from typing import Any

import pytest

from samples import cli_line

_BASE = {"attacker": "RUS", "target": "EST", "date": "2024-01-01"}
_BAD = [("ongoing_since", "bad"), ("ongoing_since", "1700-01-01"), ("ongoing_since", ""),
        ("ongoing_since", "2030-01-01"),
        ("date", "bad"), ("place", "nowhere"), ("place", ""), ("target_kind", "x"), ("requested", "x"),
        ("add_member", "x"), ("add_member", "nato_1949:EST"), ("remove_member", "x"), ("drop_treaty", ""),
        ("set_strength", "nato_1949:5=S9"), ("set_scope", "x"), ("attacker", ""), ("target", "Gaza")]


def test_every_parameter_of_the_scenario_endpoints_is_a_web_field(api_client: Any) -> None:
    """The rule knows every parameter /api/cascade, /api/compare and /api/war take (a new one is named by it too)."""
    from foedus.web.envelope import WEB_FIELDS

    spec = api_client.get("/openapi.json").json()
    for path in ("/api/cascade", "/api/compare", "/api/war"):
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]} - {"id"}
        assert names <= WEB_FIELDS, (path, names - WEB_FIELDS)


@pytest.mark.parametrize("path", ["/api/cascade", "/api/compare"])
@pytest.mark.parametrize(("field", "value"), _BAD)
def test_a_refusal_names_the_api_field_never_the_cli_option(api_client: Any, path: str, field: str, value: str) -> None:
    """Each bad value is refused (422, one line) in the web's words: no `--option` of the CLI in it."""
    params = {**_BASE, **({"other_date": "2024-06-01"} if path == "/api/compare" else {}), field: value}
    r = api_client.get(path, params=params)
    assert r.status_code == 422, r.text
    assert "--" not in r.json()["error"], r.text
    if field == "ongoing_since" and value != "2030-01-01":
        assert r.json()["error"].startswith("ongoing_since: "), r.text


def test_cascade_and_compare_word_a_bad_ongoing_since_alike(api_client: Any) -> None:
    said = [api_client.get(path, params={**_BASE, "other_date": "2024-06-01", "ongoing_since": "bad"}).json()["error"]
            for path in ("/api/compare",)] + [
        api_client.get("/api/cascade", params={**_BASE, "ongoing_since": "bad"}).json()["error"]]
    assert said == ["ongoing_since: invalid date 'bad': expected YYYY-MM-DD"] * 2


@pytest.mark.parametrize("value", ["1700-01-01", "bad"])
def test_a_bad_other_date_is_named(api_client: Any, value: str) -> None:
    r = api_client.get("/api/compare", params={**_BASE, "other_date": value})
    assert r.status_code == 422 and r.json()["error"].startswith("other_date: "), r.text


def test_a_bad_date2_is_named_on_the_cli() -> None:
    out = cli_line(["compare", "-a", "RUS", "-t", "EST", "-d", "2024-01-01", "--date2", "1700-01-01"])
    assert out.returncode == 2 and out.stderr == ("error: --date2: date 1700-01-01 is outside the range foedus covers "
                                                  "(1815-01-01 to 2100-12-31)\n"), out
