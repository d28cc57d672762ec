"""A 422's `name` and `candidates` (a name several states have carried) came only from what the server itself read:
a what-if change's member is read in a worker process (`foedus.web.jobs`), which sent the message alone, so
`add_member=nato_1949:Korea` in 1979 was a 422 with neither, and the page could not tell which change to mark. The
worker now sends what the error carries (`foedus.errors.refusal_fields`), and the 422 is the same shape either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from foedus.errors import AmbiguousNameError, UnknownStateError, refusal_fields

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

KOREA = {"attacker": "RUS", "target": "NOR", "date": "1979-06-01", "add_member": ["nato_1949:AUT", "nato_1949:Korea"]}


@pytest.mark.parametrize("path", ["/api/cascade", "/api/compare"])
def test_a_what_if_member_of_several_states_is_a_422_with_its_name(api_client: TestClient, path: str) -> None:
    r = api_client.get(path, params=KOREA)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body.get("name") == "Korea" and {c["id"] for c in body["candidates"]} == {"KOR", "PRK"}, body
    assert body["error"].startswith("'Korea' is ambiguous"), body


def test_the_fields_are_the_errors_own() -> None:
    ambiguous = AmbiguousNameError("m", [{"id": "KOR"}], "Korea")
    assert refusal_fields(ambiguous) == {"candidates": [{"id": "KOR"}], "name": "Korea"}
    place = {"id": "gaza", "name": "Gaza Strip", "holder": "PSE", "holder_name": "Palestine"}
    assert refusal_fields(UnknownStateError("m", place=place)) == {"place": place}
    assert refusal_fields(UnknownStateError("m")) == {} == refusal_fields(ValueError("m"))
