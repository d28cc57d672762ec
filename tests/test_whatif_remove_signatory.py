"""A removal of a state that is a signatory but not yet a party on the scenario's date changes nothing when the run
reads membership by entry into force: SWE, a signatory of NATO's accession protocol from 2022-07-05, a party from
2024-03-07, binds no one on 2023-06-01 on the in-force basis. `overlay_apply` takes the removal (it knows no basis;
SWE is a party then by signature), and the cascade ran the world unchanged and said nothing. Its notes now say so
(`overlay_dated.later_notes`), and so do `foedus compare`'s and the web's comparison."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest

import foedus
from foedus.errors import ScenarioError
from foedus.model.overlay import RemoveMember, changes_from
from foedus.model.overlay_changed import changed_world
from foedus.model.world import World
from foedus.run import run_scenario
from foedus.web.whatif import WhatIfQuery, changed_for
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
    """/api/cascade runs the scenario in a world changed beforehand (`changed_for`): the note is added to its notes,
    as `foedus.cascade` adds it; a removal that takes a party out adds none."""
    params = {"attacker": "RUS", "target": "SWE", "date": "2023-06-01", "remove_member": "nato_1949:SWE"}
    r = api_client.get("/api/cascade", params=params)
    assert r.status_code == 200 and f"remove_member nato_1949:SWE: {NOTE}" in r.json()["notes"], r.text
    r = api_client.get("/api/cascade", params={**params, "basis": "signed"})
    assert r.status_code == 200 and not [n for n in r.json()["notes"] if "does not touch" in n], r.text


def test_with_draws_the_web_orders_the_notes_as_foedus_cascade_does(api_client: TestClient) -> None:
    """With draws, the note comes before the notes the draws add (the major powers'), in /api/cascade as in
    `foedus.cascade` (both `run.run_scenario`); the web put it after them."""
    params = {"attacker": "RUS", "target": "SWE", "date": "2023-06-01", "remove_member": "nato_1949:SWE",
              "draws": "20", "seed": "1"}
    r = api_client.get("/api/cascade", params=params)
    assert r.status_code == 200, r.text
    cli = foedus.cascade("RUS", "SWE", "2023-06-01", remove_member="nato_1949:SWE", draws=20, seed=1).notes
    assert r.json()["notes"] == list(cli), r.text
    assert len(cli) > 1 and cli[-1] != f"remove_member nato_1949:SWE: {NOTE}"  # a draws' note follows it


def test_every_kind_of_note_comes_in_the_clis_order_on_the_web(api_client: TestClient) -> None:
    """The cascade's own note (Palestine not in COW's system), the what-if's, the major powers' of the day and the
    duties the draws weigh as verified ones (Palestine's Arab League membership): /api/cascade's notes are
    `foedus.cascade`'s, in its order, and `foedus cascade --json`'s (which names the change by its option). The web
    ran its what-if in a world changed beforehand and placed the what-if's note by counting the draws' notes
    (`run.with_later_notes`); it now runs in that world as `foedus.cascade` does (`run.run_scenario`)."""
    api = list(foedus.cascade("ISR", "EGY", "2023-06-01", remove_member="nato_1949:SWE", draws=20, seed=1).notes)
    kinds = ["is not in the COW state system", "what-if world: ", f"remove_member nato_1949:SWE: {NOTE}",
             "carried forward", "the draws weigh a duty"]
    assert [next(i for i, n in enumerate(api) if k in n) for k in kinds] == [0, 1, 2, 3, 4], api  # each, in order
    code, out, err = cli_line(["cascade", "-a", "ISR", "-t", "EGY", "-d", "2023-06-01", "--remove-member",
                               "nato_1949:SWE", "--draws", "20", "--seed", "1", "--json"])
    assert code == 0, err
    assert json.loads(out)["notes"] == [n.replace("remove_member", "--remove-member", 1) if NOTE in n else n
                                        for n in api]
    params = {"attacker": "ISR", "target": "EGY", "date": "2023-06-01", "remove_member": "nato_1949:SWE",
              "draws": "20", "seed": "1"}
    r = api_client.get("/api/cascade", params=params)
    assert r.status_code == 200, r.text
    assert r.json()["notes"] == api


def test_a_world_changed_beforehand_runs_as_the_changes_given() -> None:
    """`run_scenario` in a world the what-if changed beforehand (`overlay_changed.changed_world`: what the web keeps)
    says what `foedus.cascade` given the change says, the what-if's note before the draws' (no counting of them: it
    is the same code); given another world or change as well, it refuses."""
    changes = changes_from({"remove_member": ["nato_1949:SWE"]})
    changed = changed_world(World.default(), changes, dt.date(2023, 6, 1))
    options = {"draws": 20, "seed": 1}
    ran = run_scenario("ISR", "EGY", "2023-06-01", None, None, None, None, options, changed)
    given = foedus.cascade("ISR", "EGY", "2023-06-01", remove_member="nato_1949:SWE", draws=20, seed=1)
    assert ran.notes == given.notes and ran.notes.index(f"remove_member nato_1949:SWE: {NOTE}") == 2
    assert len(ran.notes) == 5 and ran.to_dict() == given.to_dict()  # the what-if world's note before it
    for world, what_if, extra in [(World.default(), None, {}), (None, changes, {}),
                                  (None, None, {"drop_treaty": ["nato_1949"]})]:
        with pytest.raises(ScenarioError, match="changed beforehand"):
            run_scenario("ISR", "EGY", "2023-06-01", world, what_if, None, None, {**options, **extra}, changed)


def test_the_web_keeps_a_changed_world() -> None:
    """The web's what-if world is built once per changes and day and kept (rebuilding it costs tens of ms)."""
    q = WhatIfQuery((("remove_member", "nato_1949:SWE"),))
    first = changed_for(q, "2023-06-01")
    assert first is not None and first is changed_for(q, "2023-06-01")
    assert first.changes == (RemoveMember(treaty="nato_1949", state="SWE"),) and first.base is World.default()
    assert changed_for(WhatIfQuery(), "2023-06-01") is None
