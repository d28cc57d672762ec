"""The web API as a client sees it: the CLI's JSON contract, the error envelope, catalogue endpoints."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")

from fastapi.testclient import TestClient

import foedus

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]

FLAGSHIP = {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast"}


def envelope(response: Any, status: int) -> str:
    """Check the error envelope and return its message."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and "\n" not in body["error"] and body["error"]
    return str(body["error"])


SCENARIOS: list[tuple[dict[str, Any], dict[str, Any]]] = [
    (FLAGSHIP, {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast"}),
    ({**FLAGSHIP, "date": "2024-08-06"}, {"attacker": "UKR", "target": "RUS", "date": "2024-08-06",
                                          "place": "kursk-oblast"}),
    ({**FLAGSHIP, "requested": "false"}, {"attacker": "UKR", "target": "RUS", "date": "2025-01-15",
                                          "place": "kursk-oblast", "requested": False}),
    ({"attacker": "RUS", "target": "EST", "date": "2025-06-01", "reading": "escalatory"},
     {"attacker": "RUS", "target": "EST", "date": "2025-06-01", "reading": "escalatory"}),
    ({"attacker": "CHN", "target": "PHL", "date": "2025-06-01", "place": "second-thomas-shoal",
      "target_kind": "forces"},
     {"attacker": "CHN", "target": "PHL", "date": "2025-06-01", "place": "second-thomas-shoal",
      "target_kind": "forces"}),
    ({"attacker": "UKR", "target": "RUS", "date": "2025-06-01", "place": "crimea", "territory_view": "claimant"},
     {"attacker": "UKR", "target": "RUS", "date": "2025-06-01", "place": "crimea", "territory_view": "claimant"}),
    ({"attacker": "CHN", "target": "USA", "date": "2025-06-01", "basis": "signed", "unresolved": "unmet"},
     {"attacker": "CHN", "target": "USA", "date": "2025-06-01", "basis": "signed", "unresolved": "unmet"}),
    ({"attacker": "Germany", "target": "FRN", "date": "1914-08-03"},
     {"attacker": "Germany", "target": "FRN", "date": "1914-08-03"}),
]


@pytest.mark.parametrize(("query", "kwargs"), SCENARIOS, ids=[f"{q['attacker']}-{q['date']}" for q, _ in SCENARIOS])
def test_cascade_is_exactly_the_python_contract(api_client: TestClient, query: dict[str, Any],
                                                kwargs: dict[str, Any]) -> None:
    response = api_client.get("/api/cascade", params=query)
    assert response.status_code == 200, response.text
    k = dict(kwargs)
    expected = foedus.cascade(k.pop("attacker"), k.pop("target"), k.pop("date"), **k).to_dict()
    assert response.json() == expected


def test_flagship_names_north_korea_under_the_2024_treaty(api_client: TestClient) -> None:
    body = api_client.get("/api/cascade", params=FLAGSHIP).json()
    prk = next(j for j in body["joiners"] if j["state"] == "PRK")
    assert (prk["side"], prk["round"], prk["treaty"], prk["article"], prk["strength"]) == (
        "defense", 1, "rus_prk_2024", "4", "S1")


def test_each_reason_carries_the_heading_the_text_puts_before_it(api_client: TestClient) -> None:
    """The page lists a finding's reasons under the API's `heading`, worded by the one rule the CLI's text uses:
    Turkey's duty to Azerbaijan on 15 Feb 2022 rests on the Shusha Declaration's entry into force, known to a week
    by a verified source ('not to the day'), and on facts that are not verified."""
    from foedus.engine.records import reason_heading

    body = api_client.get("/api/cascade", params={"attacker": "ARM", "target": "AZE", "date": "2022-02-15"}).json()
    tur = next(j for j in body["joiners"] if j["state"] == "TUR")
    headings = {r["fact"]: r["heading"] for o in (tur, *tur["also"]) for r in o["certainty_reasons"]}
    assert headings[("tur_aze_shusha_2021: the treaty entered into force on 2022-02-14, known only to within a week "
                     "(week: verified)")] == "not to the day"
    every = [r for j in body["joiners"] for o in (j, *j["also"]) for r in o["certainty_reasons"]]
    assert "not verified" in {r["heading"] for r in every}
    assert all(r["heading"] == reason_heading(r["certainty"]) for r in every)


def test_repeated_and_comma_separated_states_are_the_same(api_client: TestClient) -> None:
    repeated = api_client.get("/api/cascade?attacker=RUS&attacker=BLR&target=POL&target=LTU&date=2025-06-01")
    commas = api_client.get("/api/cascade", params={"attacker": "RUS, BLR", "target": "POL,LTU", "date": "2025-06-01"})
    assert repeated.status_code == commas.status_code == 200
    assert repeated.json() == commas.json()
    assert repeated.json() == foedus.cascade(["RUS", "BLR"], ["POL", "LTU"], "2025-06-01").to_dict()


@pytest.mark.parametrize("korea", ["Korea, Republic of", "USA, Korea, Republic of"])
def test_a_state_name_with_a_comma_is_one_state_in_the_cli_the_web_and_python(api_client: TestClient, korea: str,
                                                                              capsys: pytest.CaptureFixture[str]
                                                                              ) -> None:
    """ISO 3166's 'Korea, Republic of' is South Korea; the CLI and the web split it at the comma ('Korea' is
    ambiguous) where foedus.cascade took it whole. One parser now: a value, or a comma list's part, that names one
    state is kept whole. The CLI is run as the console script runs it, fast reader and typer both."""
    import json

    from typer.testing import CliRunner

    from foedus.cli.app import app
    from foedus.cli.fast import prepare
    from foedus.cli.start import run_line

    expected = foedus.cascade("PRK", ["USA", "KOR"] if korea.startswith("USA") else "KOR", "2020-01-01").to_dict()
    assert foedus.cascade("PRK", korea, "2020-01-01").to_dict() == expected
    web = api_client.get("/api/cascade", params={"attacker": "PRK", "target": korea, "date": "2020-01-01"})
    assert web.status_code == 200 and web.json() == expected, web.text
    line = ["cascade", "-a", "PRK", "-t", korea, "-d", "2020-01-01", "--json"]
    assert prepare(line) is not None and run_line(line) == 0  # the fast reader's route
    assert json.loads(capsys.readouterr().out) == expected
    typer_run = CliRunner().invoke(app, line)
    assert typer_run.exit_code == 0 and json.loads(typer_run.stdout) == expected, typer_run.output


def test_only_a_name_pattern_joins_comma_separated_parts() -> None:
    """Codes and numbers never join ("2,20" is the USA and Canada, not COW 220, France), nor two states' names."""
    from foedus.state_lists import split_names

    assert split_names("2,20,RUS, BLR,Russia, Ukraine") == ["2", "20", "RUS", "BLR", "Russia", "Ukraine"]
    assert split_names(["Iran, Islamic Republic of,EST", "Congo, Democratic Republic of"]) == [
        "Iran, Islamic Republic of", "EST", "Congo, Democratic Republic of"]
    assert foedus.cascade("2,20", "RUS", "2020-01-01").scenario.attackers == ("USA", "CAN")


@pytest.mark.parametrize(("query", "needle"), [
    ({"attacker": "Rusia", "target": "UKR", "date": "2025-01-01"}, "unknown state 'Rusia'; did you mean Russia"),
    ({"attacker": "UKR", "target": "RUS", "date": "2025-02-30"}, "invalid date '2025-02-30'"),
    ({"attacker": "UKR", "target": "RUS", "date": "15/01/2025"}, "expected YYYY-MM-DD"),
    ({"attacker": "UKR", "target": "RUS", "date": "1700-01-01"}, "outside the range"),
    ({"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "atlantis"}, "unknown place 'atlantis'"),
    ({"attacker": "UKR", "target": "UKR", "date": "2025-01-15"}, "cannot be both attacker and target"),
    ({"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "crimea"},
     "use target_kind=forces or territory_view=claimant"),
    ({"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "reading": "maximal"},
     "reading must be 'legal' or 'escalatory' (got 'maximal')"),
    ({"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "requested": "perhaps"}, "requested must be"),
    ({"target": "RUS", "date": "2025-01-15"}, "query parameter attacker is required (e.g. /api/cascade?"),
    ({"target": "RUS"}, "query parameters attacker, date are required"),
    ({"attacker": " , ", "target": "RUS", "date": "2025-01-15"}, "attacker: the 1st value is blank (' , ')"),
    ({"attacker": ",".join(["UKR"] * 17), "target": "RUS", "date": "2025-01-15"}, "too many attackers"),
    ({"attacker": ["a,b,c"] * 11, "target": "RUS", "date": "2025-01-15"},  # before any name is looked up
     "too many attackers (33 values, repeated or comma-separated); at most 16"),
    ({"attacker": ["UKR"] * 40, "target": "RUS", "date": "2025-01-15"},  # repeated, not one comma-separated value
     "too many attackers (40 values, repeated or comma-separated); at most 16"),
    ({"attacker": "U" * 81, "target": "RUS", "date": "2025-01-15"}, "longer than 80 characters"),
])
def test_bad_input_gets_a_422_envelope_a_person_can_act_on(api_client: TestClient, query: dict[str, str],
                                                           needle: str) -> None:
    message = envelope(api_client.get("/api/cascade", params=query), 422)
    assert needle in message


def test_unknown_state_suggests_the_states_endpoint(api_client: TestClient) -> None:
    message = envelope(api_client.get("/api/cascade", params={"attacker": "Rusia", "target": "UKR",
                                                         "date": "2025-01-01"}), 422)
    assert message.endswith("(try /api/states)")


def test_treaty_list_and_date_filter(api_client: TestClient) -> None:
    rows = api_client.get("/api/treaties").json()
    ids = {r["id"] for r in rows}
    assert {"nato_1949", "rus_prk_2024", "csto_1992"} <= ids
    before = {r["id"] for r in api_client.get("/api/treaties", params={"date": "2024-08-06"}).json()}
    after = {r["id"] for r in api_client.get("/api/treaties", params={"date": "2025-01-15"}).json()}
    assert "rus_prk_2024" not in before and "rus_prk_2024" in after
    curated = api_client.get("/api/treaties", params={"origin": "curated"}).json()
    assert curated and all(r["origin"] == "curated" for r in curated)


def test_treaty_list_on_a_date_counts_that_days_parties_and_says_what_is_carried(api_client: TestClient) -> None:
    """On a date, `members` are the parties bound that day (Uzbekistan, Azerbaijan and Georgia left the CSTO
    long before 2025), and an ATOP alliance after 2018 is carried-forward, as a cascade that day says, but for one a
    verified correction ends later, in force to that day (France-Poland 1991, replaced by the Treaty of Nancy in
    January 2026)."""
    on = {r["id"]: r for r in api_client.get("/api/treaties", params={"date": "2025-06-01"}).json()}
    ever = {r["id"]: r for r in api_client.get("/api/treaties").json()}
    assert on["nato_1949"]["members"] == 32 <= ever["nato_1949"]["members"]
    assert on["csto_1992"]["members"] == 6 < ever["csto_1992"]["members"]
    atop = [r for r in on.values() if r["origin"] == "atop" and r["id"] != "atop_4025"]
    assert on["atop_4025"]["certainty"] == "verified"
    assert atop and all(r["certainty"] in ("carried-forward", "unverified", "conflicting") for r in atop)  # or worse
    assert sum(r["certainty"] == "carried-forward" for r in atop) > len(atop) / 2
    assert {r["certainty"] for r in ever.values() if r["origin"] == "atop"} != {"carried-forward"}
    early = api_client.get("/api/treaties", params={"date": "2010-06-01"}).json()
    assert not [r for r in early if r["certainty"] == "carried-forward"]


def test_treaty_detail_has_invocation_history(api_client: TestClient, world: Any) -> None:
    body = api_client.get("/api/treaties/rus_prk_2024").json()
    dumped = world.treaty("rus_prk_2024").model_dump(mode="json", exclude_none=True)
    derived = {"invocations", "members", "duties", "forms_of_help", "depth", "depth_latest", "in_force_how_sure",
               "member_notes", "place_sets"}  # what it adds
    assert {k: v for k, v in body.items() if k not in derived | {"provisions"}} == {
        k: v for k, v in dumped.items() if k not in ("invocations", "members", "provisions")}
    for key, added in (("invocations", {"how_sure"}), ("members", {"how_sure", "signed", "joined"}),
                       ("provisions", {"gates", "party_gates"})):  # each with these added
        assert [{k: v for k, v in i.items() if k not in added} for i in body[key]] == dumped[key]
    assert [(p["gates"], p["party_gates"]) for p in body["provisions"]] == [([], []), ([], [])]
    assert [m["how_sure"] for m in body["members"]] == ["verified", "verified"]
    # every member with its dates, the treaty's where its row records none (member_dates.py)
    assert [(m["signed"], m["joined"]) for m in body["members"]] == [("2024-06-19", "2024-12-04")] * 2
    assert body["in_force_how_sure"] == "verified"  # and the entry into force, known to the day
    assert body["member_notes"] == []  # no doubted fact of a membership
    assert body["invocations"] and all({"date", "article", "requester", "outcome", "how_sure"} <= set(i)
                                       for i in body["invocations"])
    nato = api_client.get("/api/treaties/nato_1949").json()
    assert any(i["date"] == "2001-09-12" for i in nato["invocations"])
    # the Kyrgyz request of June 2010 named no article, and is [U]: the history says so
    kgz = next(i for i in api_client.get("/api/treaties/csto_1992").json()["invocations"] if i["requester"] == ["KGZ"])
    assert (kgz["article"], kgz["how_sure"]) == ("not stated", "unverified")


def test_treaty_detail_is_what_treaties_show_json_prints(api_client: TestClient, world: Any) -> None:
    """One serializer: the API's treaty is the CLI's `treaties show ID --json`, duties, forms of help and depth
    included, for every curated treaty and an ATOP one."""
    import json

    from typer.testing import CliRunner

    from foedus.cli.app import app

    runner = CliRunner()
    for treaty_id in [*sorted(world.treaties.curated), "atop_1005"]:
        shown = runner.invoke(app, ["treaties", "show", treaty_id, "--json"])
        assert shown.exit_code == 0, shown.output
        body = api_client.get(f"/api/treaties/{treaty_id}").json()
        assert {"duties", "forms_of_help", "depth"} <= set(body), treaty_id
        assert body == json.loads(shown.stdout), treaty_id


def test_unknown_treaty_is_422(api_client: TestClient) -> None:
    assert "unknown treaty 'natoo'" in envelope(api_client.get("/api/treaties/natoo"), 422)
    assert api_client.get("/api/treaties/nato").json()["id"] == "nato_1949"  # a name one treaty carries (treaty_names)


def test_states_carry_iso_numeric_codes_and_filter_by_date(api_client: TestClient) -> None:
    rows = {r["id"]: r for r in api_client.get("/api/states").json()}
    assert rows["PRK"]["iso3n"] == 408 and rows["PRK"]["ccode"] == 731 and rows["PRK"]["name"]
    assert rows["USA"]["iso3n"] == 840
    in_1900 = {r["id"] for r in api_client.get("/api/states", params={"date": "1900-01-01"}).json()}
    assert "USA" in in_1900 and "PRK" not in in_1900
    assert "invalid date" in envelope(api_client.get("/api/states", params={"date": "1900-13-01"}), 422)


@pytest.mark.parametrize("path", ["/api/states", "/api/treaties"])
def test_an_empty_date_is_refused_not_read_as_no_date(api_client: TestClient, path: str) -> None:
    """?date= listed every state (treaty) ever, unfiltered, where the CLI refuses --date '' and /api/borders, the
    cascade's ongoing_since and the war's until refuse an empty date."""
    assert envelope(api_client.get(path, params={"date": ""}), 422) == "invalid date '': expected YYYY-MM-DD"


def test_places_and_regions(api_client: TestClient) -> None:
    places = {p["id"]: p for p in api_client.get("/api/places").json()}
    assert places["kursk-oblast"]["sovereign"] == "RUS"
    assert all(p["kind"] != "home" for p in places.values())
    with_homes = api_client.get("/api/places", params={"homes": "true"}).json()
    assert any(p["kind"] == "home" for p in with_homes)
    regions = {r["id"] for r in api_client.get("/api/regions").json()}
    assert {"europe", "north-america"} <= regions


def test_health(api_client: TestClient) -> None:
    body = api_client.get("/api/health").json()
    assert body["ok"] is True and body["version"] == foedus.__version__
    assert body["treaties"] > 40 and body["states"] > 150 and body["front_end"] is True


def test_the_front_end_types_every_field_health_sends(api_client: TestClient) -> None:
    """web/src/api.ts's `Health` lacked `places`, `system_dates` and `front_end`, which /api/health sends: every
    field the server sends is typed there."""
    import re
    from pathlib import Path

    source = (Path(__file__).resolve().parents[1] / "web" / "src" / "api.ts").read_text(encoding="utf-8")
    block = re.search(r"export interface Health \{(.*?)\n\}", source, re.S)
    assert block, "web/src/api.ts has no Health interface"
    typed = set(re.findall(r"(\w+)\??:", re.sub(r"//[^\n]*", "", block.group(1))))
    sent = set(api_client.get("/api/health").json())
    assert sent <= typed, sorted(sent - typed)


def test_openapi_spec_lists_the_endpoints(api_client: TestClient) -> None:
    spec = api_client.get("/openapi.json").json()
    assert {"/api/cascade", "/api/treaties", "/api/treaties/{treaty_id}", "/api/states", "/api/places",
            "/api/regions", "/api/health"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/cascade"]["get"]["parameters"]}
    assert {"attacker", "target", "date", "place", "target_kind", "reading", "requested", "basis",
            "territory_view", "unresolved"} <= params


@pytest.mark.parametrize("path", ["/api/cascade", "/api/compare"])
def test_openapi_documents_the_time_limit_as_504_apart_from_bad_input(api_client: TestClient, path: str) -> None:
    responses = api_client.get("/openapi.json").json()["paths"][path]["get"]["responses"]
    assert "time limit" in responses["504"]["description"] and "time limit" not in responses["422"]["description"]


def test_unknown_page_and_method_get_envelopes(api_client: TestClient) -> None:
    assert "no such page: /api/nope" in envelope(api_client.get("/api/nope"), 404)
    assert "only reads" in envelope(api_client.post("/api/cascade", params=FLAGSHIP), 405)
    assert api_client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


@pytest.mark.parametrize("path", ["/", "/api/health", "/api/states", "/api/treaties", "/api/wars",
                                  "/api/cascade?attacker=UKR&target=RUS&date=2025-01-15", "/openapi.json"])
def test_head_answers_like_get_without_the_body(api_client: TestClient, path: str) -> None:
    get, head = api_client.get(path), api_client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    for name in ("content-type", "content-length", "content-security-policy", "cache-control"):
        assert head.headers.get(name) == get.headers.get(name), name


def test_head_of_an_unknown_page_is_still_404(api_client: TestClient) -> None:
    head = api_client.head("/api/nope")
    assert head.status_code == 404 and head.content == b""


@pytest.mark.parametrize("extra", [{"seed": 5}, {"seed": 5, "reading": "escalatory"}])
def test_a_seed_without_draws_is_refused_as_the_cli_refuses_it(api_client: TestClient, extra: dict[str, Any]) -> None:
    """The cheap path (legal reading, no draws) dropped the seed; like `foedus cascade --seed 5` it is an error."""
    message = envelope(api_client.get("/api/cascade", params={**FLAGSHIP, **extra}), 422)
    assert message == "a seed or an honour model only matters with draws: give draws as well, or neither"
    assert api_client.get("/api/cascade", params={**FLAGSHIP, "seed": 5, "draws": 20}).status_code == 200


@pytest.mark.parametrize(("path", "params", "needle"), [
    ("/api/compare", {**FLAGSHIP, "other_date": "2024-08-06", "seed": 5}, "/api/compare takes no query parameter "
                                                                          "'seed'"),
    ("/api/compare", {**FLAGSHIP, "other_date": "2024-08-06", "draws": 50, "likelihood": "true"},
     "/api/compare takes no query parameters 'draws', 'likelihood'"),
    ("/api/states", {"seed": 1}, "/api/states takes no query parameter 'seed'"),
    ("/api/cascade", {**FLAGSHIP, "dates": "2024-01-01"}, "/api/cascade takes no query parameter 'dates'"),
])
def test_a_parameter_the_endpoint_does_not_take_is_refused_not_ignored(api_client: TestClient, path: str,
                                                                       params: dict[str, Any], needle: str) -> None:
    assert needle in envelope(api_client.get(path, params=params), 422)


@pytest.mark.parametrize(("path", "params", "needle"), [
    ("/api/cascade", [*FLAGSHIP.items(), ("date", "2024-08-06")], "date is given 2 times ('2025-01-15', '2024-08-06')"),
    ("/api/cascade", [*FLAGSHIP.items(), ("draws", "5"), ("draws", "6")], "draws is given 2 times"),
    ("/api/compare", [*FLAGSHIP.items(), ("other_date", "2024-08-06"), ("other_date", "2024-01-01")],
     "other_date is given 2 times"),
    ("/api/treaties", [("date", "2020-01-01"), ("date", "2021-01-01")], "date is given 2 times"),
    ("/api/resolve", [("state", "USA"), ("state", "RUS")], "state is given 2 times ('USA', 'RUS')"),
    ("/api/war", [("id", "july_crisis_1914"), ("id", "russia_ukraine_2022")], "id is given 2 times"),
])
def test_a_parameter_that_takes_one_value_is_refused_when_repeated(api_client: TestClient, path: str,
                                                                   params: list[tuple[str, str]], needle: str) -> None:
    """FastAPI reads the last of a repeated one-value parameter without a word: date=2025-01-15&date=2024-08-06
    answered for 2024-08-06 (and id=july_crisis_1914&id=russia_ukraine_2022 replayed the second war), where a
    contradiction is refused elsewhere; the parameters that take a list (attacker, target, the what-ifs) repeat."""
    message = envelope(api_client.get(path, params=params), 422)
    assert message.startswith(needle) and message.endswith("; give it once"), message
    assert api_client.get("/api/cascade", params=[("attacker", "RUS"), ("attacker", "BLR"), ("target", "EST"),
                                                  ("target", "LVA"), ("date", "2025-06-01")]).status_code == 200


def test_the_front_ends_own_parameters_are_all_taken(api_client: TestClient) -> None:
    """What web/src/api.ts sends to each endpoint (its own parameter names) is accepted."""
    scenario = {**FLAGSHIP, "target_kind": "territory", "reading": "legal", "requested": "false", "basis": "in-force",
                "territory_view": "recognized", "unresolved": "met", "severity": "armed-attack",
                "ongoing_since": "2024-08-06", "add_member": "nato_1949:UKR"}
    for path, params in [("/api/cascade", {**scenario, "draws": 20, "seed": 1}),
                         ("/api/compare", {**scenario, "other_date": "2024-08-06"}), ("/api/places", {"homes": "true"}),
                         ("/api/borders", {"date": "2024-01-01"}), ("/api/resolve", {"state": "russia"}),
                         ("/api/war", {"id": "russia_ukraine_2022", "reading": "legal", "territory_view": "recognized",
                                       "basis": "in-force", "unresolved": "met", "requested": "true"})]:
        response = api_client.get(path, params=params)
        assert response.status_code == 200, (path, response.text[:300])


def test_a_treaty_doubt_names_the_states_whose_view_shows_it(api_client: TestClient) -> None:
    """The Pukpuk doubt names no state (`state` null): `concerns` names Australia, which it would bind, and Papua New
    Guinea, so that a per-state view finds it; Kensington, which NATO already covers in RUS->DEU, is not listed."""
    body = api_client.get("/api/cascade", params={"attacker": "IDN", "target": "PNG", "date": "2025-12-01"}).json()
    (pukpuk,) = [d for d in body["doubts"] if d["treaty"] == "aus_png_2025"]
    assert pukpuk["state"] is None and {"AUS", "PNG"} <= set(pukpuk["concerns"])
    body = api_client.get("/api/cascade", params={"attacker": "RUS", "target": "DEU", "date": "2026-06-01"}).json()
    assert not [d for d in body["doubts"] if d["treaty"] == "gbr_deu_2025"]  # may be in force from March 2026


def test_a_name_is_resolved_on_the_date_given(api_client: TestClient) -> None:
    """/api/resolve read a name as of today only: a shared link to Korea in 1900 (the kingdom of 1887-1905) was dropped
    as ambiguous between today's two Koreas. With `date` it reads the name as a cascade on that date does."""
    kingdom = api_client.get("/api/resolve", params={"state": "Korea", "date": "1900-01-01"})
    assert kingdom.status_code == 200 and kingdom.json()["id"] == "COW730", kingdom.text
    today = api_client.get("/api/resolve", params={"state": "Korea"})
    assert today.status_code == 422 and "two states of that name exist" in today.json()["error"], today.text
    assert "1900-13-01" in envelope(api_client.get("/api/resolve", params={"state": "Korea", "date": "1900-13-01"}),
                                    422)
