"""A removal of a state that is a signatory but not yet a party on the scenario's date changes nothing when the run
reads membership by entry into force: SWE, a signatory of NATO's accession protocol from 2022-07-05, a party from
2024-03-07, binds no one on 2023-06-01 on the in-force basis. `overlay_apply` takes the removal (it knows no basis;
SWE is a party then by signature), and the cascade ran the world unchanged and said nothing. Its notes now say so
(`overlay_dated.later_notes`), and so do `foedus compare`'s and the web's comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import foedus
from foedus.model.overlay import RemoveMember
from samples import cli_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

NOTE = ("SWE is no party of nato_1949 on 2023-06-01 by entry into force (its membership counts from 2024-03-07): "
        "this what-if change does not touch the scenario")


def _notes(date: str, **options: object) -> list[str]:
    return [n for n in foedus.cascade("RUS", "SWE", date, **options).notes if "does not touch" in n]


def test_a_signatory_removed_on_the_in_force_basis_is_said_to_change_nothing() -> None:
    assert _notes("2023-06-01", remove_member="nato_1949:Sweden") == [f"remove_member nato_1949:Sweden: {NOTE}"]
    removed = RemoveMember(treaty="nato_1949", state="SWE")  # a change built in Python, named by its number
    assert [n.split(": ", 1)[1] for n in _notes("2023-06-01", what_if=[removed])] == [NOTE]


@pytest.mark.parametrize(("date", "options"), [
    ("2023-06-01", {"basis": "signed"}),  # a party by signature: the removal takes it out
    ("2025-06-01", {}),  # a party in force
])
def test_a_removal_that_takes_a_party_out_is_not_noted(date: str, options: dict[str, object]) -> None:
    assert _notes(date, remove_member="nato_1949:SWE", **options) == []


def test_compare_says_it_too() -> None:
    code, out, err = cli_line(["compare", "-a", "RUS", "-t", "SWE", "-d", "2023-06-01",
                               "--remove-member", "nato_1949:SWE"])
    assert code == 0, err
    assert f"note: --remove-member nato_1949:SWE: {NOTE}" in out.splitlines(), out


def test_the_web_cascade_says_it_too(api_client: TestClient) -> None:
    """/api/cascade runs the scenario in a world changed beforehand (`world_for`): the note is added to its notes,
    as `foedus.cascade` adds it; a removal that takes a party out adds none."""
    params = {"attacker": "RUS", "target": "SWE", "date": "2023-06-01", "remove_member": "nato_1949:SWE"}
    r = api_client.get("/api/cascade", params=params)
    assert r.status_code == 200 and f"remove_member nato_1949:SWE: {NOTE}" in r.json()["notes"], r.text
    r = api_client.get("/api/cascade", params={**params, "basis": "signed"})
    assert r.status_code == 200 and not [n for n in r.json()["notes"] if "does not touch" in n], r.text


def test_with_draws_the_web_orders_the_notes_as_foedus_cascade_does(api_client: TestClient) -> None:
    """With draws, the note comes before the notes the draws add (the major powers'), in /api/cascade as in
    `foedus.cascade` (`run.with_later_notes`); the web put it after them."""
    params = {"attacker": "RUS", "target": "SWE", "date": "2023-06-01", "remove_member": "nato_1949:SWE",
              "draws": "20", "seed": "1"}
    r = api_client.get("/api/cascade", params=params)
    assert r.status_code == 200, r.text
    cli = foedus.cascade("RUS", "SWE", "2023-06-01", remove_member="nato_1949:SWE", draws=20, seed=1).notes
    assert r.json()["notes"] == list(cli), r.text
    assert len(cli) > 1 and cli[-1] != f"remove_member nato_1949:SWE: {NOTE}"  # a draws' note follows it
