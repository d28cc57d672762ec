"""`/api/compare` answers what `foedus compare --json` says for the same inputs: its `changes` are the CLI's
comparison (who is gained, lost, switched or rebased, the conflicts, the war sizes, `unchanged_because`, `ongoing`)
and its `notes` are the CLI's, in the CLI's order, each change named as its interface takes it (the web's
`remove_member`, the CLI's `--remove-member`); `base` and `other` are the CLI's two results. Both run the two
cascades and `sweeps.compare.compare_results` on the bundled world and the world the what-if changes make on the
other date. The web's what-if inputs carry no dates (overlay files are CLI-only), so a change dated after the
scenario is the CLI's alone (tests/test_compare_later_what_if.py), but for a member added to a treaty in force only
after it; compare takes no draws."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

from foedus.inputs import WHAT_IF
from samples import cli_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

NOT_TOUCHED = "this what-if change does not touch the scenario"
CASES = [
    pytest.param({"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast"},
                 [("add_member", "rus_prk_2024:IRN")], id="a member added"),
    pytest.param({"attacker": "RUS", "target": "SWE", "date": "2023-06-01"}, [("remove_member", "nato_1949:SWE")],
                 id="a signatory not yet in force removed"),
    pytest.param({"attacker": "RUS", "target": "UKR", "date": "2024-08-06", "other_date": "2023-01-01"},
                 [("add_member", "rus_prk_2024:BLR"), ("remove_member", "nato_1949:SWE"),
                  ("remove_member", "nato_1949:FIN"), ("drop_treaty", "chn_prk_1961")],
                 id="another date, two signatories removed, a member added, a treaty dropped"),
]


def _cli(params: dict[str, str], flags: list[tuple[str, str]]) -> dict[str, Any]:
    args = ["compare", "-a", params["attacker"], "-t", params["target"], "-d", params["date"], "--json"]
    args += ["--date2", params["other_date"]] if "other_date" in params else []
    args += ["--place", params["place"]] if "place" in params else []
    for name, value in flags:
        args += [f"--{name.replace('_', '-')}", value]
    code, out, err = cli_line(args)
    assert code == 0, err
    return json.loads(out)


def _as_the_web_names(said: Any) -> Any:
    """The CLI's words with each change named as the web's query parameter (`--remove-member X` -> `remove_member
    X`), the one difference the two interfaces mean to make."""
    text = json.dumps(said, ensure_ascii=False)
    for i in WHAT_IF:
        text = text.replace(f"--{i.name.replace('_', '-')} ", f"{i.name} ")
    return json.loads(text)


@pytest.mark.parametrize(("params", "flags"), CASES)
def test_the_web_compares_as_the_cli_does(api_client: TestClient, params: dict[str, str],
                                          flags: list[tuple[str, str]]) -> None:
    cli = _cli(params, flags)
    response = api_client.get("/api/compare", params=[*params.items(), *flags])
    assert response.status_code == 200, response.text
    web = response.json()
    said = {k: v for k, v in cli.items() if k not in ("base", "other", "what_if", "base_date", "other_date",
                                                      "reading")}
    assert web["changes"] == _as_the_web_names(said)
    # the changed result's notes name a change as given too (its what-if note and a change dated after the scenario)
    assert (web["base"], web["other"]) == (cli["base"], _as_the_web_names(cli["other"]))
    assert web["whatif"] == [{"param": name, "value": value} for name, value in flags]


def test_the_cases_say_what_they_are_for(api_client: TestClient) -> None:
    """The cases are not empty comparisons: the member added is gained; each signatory removed is noted, in the order
    given, as no party on the other date (the member added to Russia–DPRK 2024, in force only from 2024-12-04, as
    taking effect only then); each change of the third that moved no one says why, in the order given."""
    (added, removed, several) = [(p.values[0], p.values[1]) for p in CASES]
    web = api_client.get("/api/compare", params=[*added[0].items(), *added[1]]).json()["changes"]
    assert [x["state"] for x in web["gained"]] == ["IRN"] and web["notes"] == []
    web = api_client.get("/api/compare", params=[*removed[0].items(), *removed[1]]).json()["changes"]
    assert web["notes"] == [f"remove_member nato_1949:SWE: SWE is no party of nato_1949 on 2023-06-01 by entry into "
                            f"force (its membership counts from 2024-03-07): {NOT_TOUCHED}"]
    web = api_client.get("/api/compare", params=[*several[0].items(), *several[1]]).json()["changes"]
    assert web["notes"][0] == (f"add_member rus_prk_2024:BLR takes effect only from 2024-12-04, after the scenario's "
                               f"date (2023-01-01): {NOT_TOUCHED}")  # the treaty's entry into force: no `joined`
    assert [n.split(":", 2)[:2] for n in web["notes"][1:]] == [["remove_member nato_1949", "SWE"],
                                                               ["remove_member nato_1949", "FIN"]], web["notes"]
    assert all(n.endswith(NOT_TOUCHED) and "on 2023-01-01" in n for n in web["notes"][1:])
    assert [x["change"] for x in web["unchanged_because"]] == [f"{n} {v}" for n, v in several[1]], web
