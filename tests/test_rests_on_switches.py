"""A joiner's obligations say in the JSON the scenario switches they bind only by (`rests_on_switches`, from
`Obligation.switches`, the gate a switch opened), as `foedus compare`'s `rests_on_switch` reads them: before, the key
was the engine's alone and the JSON said the switch only in its `conditions`' words."""

from __future__ import annotations

import json

import foedus
from samples import cli_line

NEUTRALS = ("AUT", "CYP", "IRL", "MLT")  # EU Art. 42(7)'s neutrals, bound only with --non-military bound


def test_each_obligation_names_the_switches_it_binds_only_by() -> None:
    """RUS attacks EST with --non-military bound: the neutrals' EU duty rests on `non_military`, whether it is their
    primary obligation or one of `also`; every other obligation rests on none (an empty list, never a missing key)."""
    joiners = foedus.cascade("RUS", "EST", "2025-06-01", non_military="bound").to_dict()["joiners"]
    on = {j["state"]: j["rests_on_switches"] for j in joiners}
    assert {s for s, names in on.items() if names} == set(NEUTRALS)
    assert all(on[s] == ["non_military"] for s in NEUTRALS)
    also = [(j["state"], a["treaty"], a["rests_on_switches"]) for j in joiners for a in j["also"]]
    assert also and all(names == (["non_military"] if s in NEUTRALS and t == "eu_teu_42_7" else [])
                        for s, t, names in also)


def test_the_cli_json_carries_the_key_empty_by_default() -> None:
    """foedus cascade --json: the key on every joiner and every `also`; by default no obligation rests on a switch."""
    ran = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--json"])
    assert ran.returncode == 0, ran.stderr
    joiners = json.loads(ran.stdout)["joiners"]
    assert joiners and all(j["rests_on_switches"] == [] and all(a["rests_on_switches"] == [] for a in j["also"])
                           for j in joiners)
