"""A cascade run in a what-if world says it is one. `foedus cascade --add-member nato_1949:UKR` printed, and its JSON
and the web's /api/cascade (whose answer the page's JSON export saves as is) returned, thirty states bound to defend
Ukraine under NATO Art. 5 "verified", with nothing saying that Ukraine's membership was a hypothesis: read later, or by
someone else, the file looked like the treaties as encoded. The result's notes now name the world and its changes
(`foedus.wording.what_if_world`), in one wording however they were given (an option, a keyword, an overlay file)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import foedus
from foedus.whatif_words import what_if_world
from samples import cli_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

RUN = ("RUS", "UKR", "2025-06-01")


def test_a_what_if_cascade_names_its_world_in_python_and_the_json() -> None:
    plain = foedus.cascade(*RUN)
    changed = foedus.cascade(*RUN, add_member="nato_1949:UKR", drop_treaty="rus_prk_2024")
    note = what_if_world(["add_member nato_1949:UKR", "drop_treaty rus_prk_2024"])
    assert note in changed.notes and changed.to_dict()["notes"] == list(changed.notes)
    assert note.startswith("what-if world: the treaties as encoded, changed by add_member nato_1949:UKR and "
                           "drop_treaty rus_prk_2024; a finding that rests on a change is hypothetical")
    assert not [n for n in plain.notes if n.startswith("what-if world")]  # the treaties as encoded say nothing


def test_the_command_line_says_it_as_python_does() -> None:
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-06-01", "--add-member",
                               "nato_1949:UKR", "--json"])
    assert code == 0, err
    assert json.loads(out)["notes"] == list(foedus.cascade(*RUN, add_member="nato_1949:UKR").notes)
    assert what_if_world(["add_member nato_1949:UKR"]) in json.loads(out)["notes"]
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-06-01", "--add-member",
                               "nato_1949:UKR"])
    assert code == 0, err
    assert "Note: what-if world: the treaties as encoded, changed by add_member" in out


def test_the_web_api_says_it_as_python_does(api_client: TestClient) -> None:
    r = api_client.get("/api/cascade", params={"attacker": "RUS", "target": "UKR", "date": "2025-06-01",
                                               "add_member": "nato_1949:UKR"})
    assert r.status_code == 200, r.text
    assert r.json()["notes"] == list(foedus.cascade(*RUN, add_member="nato_1949:UKR").notes)
    assert what_if_world(["add_member nato_1949:UKR"]) in r.json()["notes"]


def test_a_csv_or_table_says_the_notes_beside_its_rows() -> None:
    """`--format csv` and `table` list the belligerents only, so a spreadsheet of a what-if run read as the treaties
    as encoded; the result's notes now go to stderr beside the rows ("note: ...", as `foedus atlas` says its own),
    leaving the CSV itself as it was."""
    run = ["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-06-01", "--add-member", "nato_1949:UKR"]
    notes = foedus.cascade(*RUN, add_member="nato_1949:UKR").notes
    for shape in ("csv", "table"):
        code, out, err = cli_line([*run, "--format", shape])
        assert code == 0, err
        assert err.splitlines() == [f"note: {n}" for n in notes] and "what-if" not in out
