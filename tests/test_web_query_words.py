"""A query value of the wrong type gets the API's own words: it got pydantic's ("requested must be a valid boolean,
unable to interpret input", "draws must be a valid integer, unable to parse string as an integer", "id string should
have at most 80 characters"), and a missing parameter of any endpoint was shown an example of /api/cascade's."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")

from fastapi.testclient import TestClient

from test_web_api import envelope

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]

RUN = {"attacker": "RUS", "target": "EST", "date": "2025-06-01"}


@pytest.mark.parametrize(("path", "query", "message"), [
    ("/api/cascade", {**RUN, "requested": "perhaps"}, "requested must be true or false (got 'perhaps')"),
    ("/api/cascade", {**RUN, "likelihood": ""}, "likelihood must be true or false (got '')"),
    ("/api/places", {"homes": "1.5"}, "homes must be true or false (got '1.5')"),
    ("/api/cascade", {**RUN, "draws": "1.5"}, "draws must be a whole number (got '1.5')"),
    ("/api/cascade", {**RUN, "draws": "inf"}, "draws must be a whole number (got 'inf')"),
    ("/api/cascade", {**RUN, "draws": 10, "seed": "NaN"}, "seed must be a whole number (got 'NaN')"),
    ("/api/war", {"id": "x" * 81}, f"id is longer than 80 characters (got '{'x' * 56}…')"),
    ("/api/resolve", {}, "query parameter state is required (e.g. /api/resolve?state=Estonia)"),
    ("/api/war", {}, "query parameter id is required (e.g. /api/war?id=russia_ukraine_2022)"),
    ("/api/borders", {}, "query parameter date is required (e.g. /api/borders?date=2025-01-15)"),
    ("/api/compare", {"target": "RUS", "date": "2025-01-15"}, "query parameter attacker is required (e.g. "
     "/api/compare?attacker=UKR&target=RUS&date=2025-01-15&other_date=2022-01-15)"),
])
def test_a_query_value_of_the_wrong_type_is_said_in_plain_words(api_client: TestClient, path: str,
                                                                 query: dict[str, object], message: str) -> None:
    assert envelope(api_client.get(path, params=query), 422) == message
    if "(e.g. " in message:  # the example given is answered
        assert api_client.get(message.partition("(e.g. ")[2].removesuffix(")")).status_code == 200



_UTF8 = "percent-encode its UTF-8 bytes (ô is %C3%B4)"


@pytest.mark.parametrize(("url", "message"), [
    ("/api/cascade?attacker=RUS&target=EST&date=2025-06-01&place=C%F4te", f"place is not UTF-8 ('C%F4te'): {_UTF8}"),
    ("/api/resolve?state=C%F4te+d%27Ivoire", f"state is not UTF-8 ('C%F4te+d%27Ivoire'): {_UTF8}"),
    ("/api/treaties/nato_1949?%FF=1", f"a query parameter's name is not UTF-8 ('%FF'): {_UTF8}"),
    ("/api/treaties/C%F4te", f"the path is not UTF-8 ('/api/treaties/C%F4te'): {_UTF8}"),
])
def test_a_query_or_path_not_utf8_is_named_as_sent(api_client: TestClient, url: str, message: str) -> None:
    """Starlette reads bytes that are no UTF-8 as U+FFFD: the message named the value 'C\ufffdte' (unknown place), not
    its encoding."""
    assert envelope(api_client.get(url), 422) == message
    assert api_client.get("/api/resolve?state=C%C3%B4te+d%27Ivoire").json()["id"] == "CIV"  # UTF-8 is read
