"""`foedus compare` says when a state joins the same side in both worlds under other treaties: a new member or pact
that changes no one's side still changes why states are bound (Finland's NATO accession moved 21 EU states from Art.
42(7) alone to Art. 5), which the comparison listed nowhere, in text or JSON, before `rebased`."""

from __future__ import annotations

import json

from samples import cli_line

FIN = ["-a", "RUS", "-t", "FIN", "-d", "2023-03-01", "--date2", "2023-04-04"]


def _ok(args: list[str]) -> str:
    code, out, err = cli_line(args)
    assert code == 0, err
    return out


def test_an_accession_that_moves_states_already_bound_to_another_treaty_is_listed() -> None:
    diff = json.loads(_ok(["compare", *FIN, "--json"]))
    rebased = {x["state"]: x for x in diff["rebased"]}
    assert rebased["DEU"] == {"state": "DEU", "side": "defense", "why": "nato_1949 art. 5",
                              "why_before": "eu_teu_42_7 art. 42(7)", "added": ["nato_1949 art. 5"], "dropped": [],
                              "strength": "S2", "strength_before": "S2", "certainty": "verified", "doubted": [],
                              "levels": {}}
    nato_before = {j["state"] for j in diff["base"]["joiners"] if j["treaty"] == "nato_1949"}
    eu_both = {j["state"] for j in diff["other"]["joiners"] if j["treaty"] == "eu_teu_42_7"}
    assert not nato_before and "SWE" in eu_both  # Sweden: EU 42(7) alone in both worlds, so not listed
    assert set(rebased).isdisjoint(eu_both) and set(rebased).isdisjoint(g["state"] for g in diff["gained"])
    assert len(rebased) == 21
    lines = _ok(["compare", *FIN]).splitlines()
    assert ("= Germany (DEU) is still bound to join the defense side, now under nato_1949 art. 5 (was eu_teu_42_7 art. "
            "42(7))") in lines


def test_a_removed_membership_and_an_added_article_are_said_in_the_text() -> None:
    removed = _ok(["compare", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--remove-member", "nato_1949:DEU"])
    assert ("= Germany (DEU) is still bound to join the defense side, now under eu_teu_42_7 art. 42(7) (was nato_1949 "
            "art. 5)") in removed
    assert "no change in who is bound to join" in removed  # who is bound is the same: only why
    flagship = _ok(["compare", "-a", "UKR", "-t", "RUS", "-d", "2024-08-06", "--date2", "2025-06-01", "--place",
                    "kursk-oblast"]).splitlines()
    assert ("= Belarus (BLR) is still bound to join the defense side, now under rus_blr_2024 art. 4 (secondary: "
            "article) (was csto_1992 art. 4), S1 (was S2); added rus_blr_2024 art. 2") in flagship


def test_nothing_is_listed_where_the_treaties_are_the_same() -> None:
    diff = json.loads(_ok(["compare", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--date2", "2025-06-02",
                           "--json"]))
    assert diff["rebased"] == [] and diff["gained"] == [] and diff["lost"] == []


def test_a_state_on_the_other_side_is_switched_not_rebased() -> None:
    """A joiner whose side differs between the worlds is listed as switched (with the treaty it joins under now) and
    never as rebased, whatever its treaties: `compare_results` sorts the shared joiners into the two lists."""
    import dataclasses

    import foedus
    from foedus.sweeps.compare import compare_results

    base = foedus.cascade("RUS", "EST", "2025-06-01")
    deu = base.joiner("DEU")
    assert deu is not None and deu.side == "defense"
    moved = dataclasses.replace(deu, primary=dataclasses.replace(deu.primary, side="attack",
                                                                 treaty="eu_teu_42_7", article="42(7)"))
    other = dataclasses.replace(base, joiners=tuple(moved if j.state == "DEU" else j for j in base.joiners))
    diff = compare_results(base, other)
    assert diff["switched"] == [{"state": "DEU", "from": "defense", "to": "attack", "why": "eu_teu_42_7 art. 42(7)",
                                 "strength": deu.primary.strength, "certainty": "verified", "doubted": [],
                                 "levels": {}}]
    assert diff["rebased"] == [] and diff["gained"] == [] and diff["lost"] == []
