"""A withheld leg held back toward several states of the war names them all: the engines keep one record per
obligor, treaty and article (the first find's, whose gate its reason says), which named only the first as `toward`
(`Withheld.owed_to`, the reason's "also withheld toward ...", `foedus.engine.held_toward`)."""

from __future__ import annotations

import json

import foedus
from samples import cli_line

SADC = "sadc_mdp_2003"
ARGS = ["cascade", "-a", "ETH", "-t", "TZA,MOZ", "-d", "2025-06-01", "--decisions", "not-taken"]


def test_a_leg_held_back_toward_two_victims_names_both() -> None:
    """Ethiopia attacks Tanzania and Mozambique, the SADC Summit's decision read as not taken: each member's Art. 6
    legs toward both are held back; the record's `toward` stays the first (the one its reason's gate speaks of),
    `owed_to` names both, and the reason says the other, in the JSON and the text alike."""
    held = [w for w in foedus.cascade("ETH", ["TZA", "MOZ"], "2025-06-01", decisions="not-taken").withheld
            if w.treaty == SADC]
    assert len(held) > 3 and {"ZAF", "ZWE"} <= {w.state for w in held}
    assert all((w.toward, w.owed_to) == ("TZA", ["MOZ", "TZA"]) for w in held)
    assert all(w.reason.endswith("read as not taken; also withheld toward Mozambique (MOZ)") for w in held)
    ran = cli_line([*ARGS, "--json"])
    assert ran.returncode == 0, ran.stderr
    said = [w for w in json.loads(ran.stdout)["withheld"] if w["treaty"] == SADC]
    assert said and all(w["owed_to"] == ["MOZ", "TZA"] and w["toward"] == "TZA" for w in said)
    text = cli_line(ARGS).stdout
    assert "also withheld toward Mozambique (MOZ)" in " ".join(text.replace("│", " ").split())  # lines wrapped


def test_a_leg_toward_one_state_names_it_alone() -> None:
    """One victim: `owed_to` is `toward` alone, and the reason adds nothing."""
    held = [w for w in foedus.cascade("ETH", "TZA", "2025-06-01", decisions="not-taken").withheld if w.treaty == SADC]
    assert held and all(w.owed_to == ["TZA"] and "also withheld" not in w.reason for w in held)


def test_a_member_added_that_a_held_back_leg_is_owed_to_second_is_rested_on() -> None:
    """What-if: Uganda made a SADC member, Ethiopia attacking Tanzania and Uganda: the legs held back toward both are
    one record each, its `toward` Tanzania; they rest on the change (they are owed to Uganda too), where reading
    `toward` alone read them as the treaty as encoded."""
    result = foedus.cascade("ETH", ["TZA", "UGA"], "2025-06-01", decisions="not-taken",
                            add_member=[f"{SADC}:UGA"])
    held = [w for w in result.withheld if w.treaty == SADC]
    assert held and all(w.toward == "TZA" and w.owed_to == ["TZA", "UGA"] for w in held)
    assert all(any(r.kind == "what-if" for r in w.certainty_reasons) for w in held)


def test_a_merged_leg_s_reasons_are_each_leg_s() -> None:
    """The legs held back toward Tanzania and Mozambique are one record each: its certainty reasons are those of
    both legs (Mozambique's SADC membership as well as Tanzania's), each once, where they were the first leg's alone;
    the JSON says them too."""
    held = [w for w in foedus.cascade("ETH", ["TZA", "MOZ"], "2025-06-01", decisions="not-taken").withheld
            if w.treaty == SADC]
    for w in held:
        facts = [r.fact for r in w.certainty_reasons if r.kind == "membership"]
        assert any("Tanzania (TZA) is a party" in f for f in facts), w.state
        assert any("Mozambique (MOZ) is a party" in f for f in facts), w.state
        assert len(w.certainty_reasons) == len(set(w.certainty_reasons))
    ran = cli_line([*ARGS, "--json"])
    said = [w for w in json.loads(ran.stdout)["withheld"] if w["treaty"] == SADC]
    assert said and all(any("Mozambique (MOZ) is a party" in r["fact"] for r in w["certainty_reasons"]) for w in said)


def test_a_merged_record_is_as_sure_as_its_least_sure_leg_in_any_order() -> None:
    """`held_toward.merged`: the first record's reason and `toward` kept, the others' states after it, the least sure
    certainty of all, the reasons of each once (the first's first, then by the state they are owed to), whatever the
    order the others come in (engines find them in different orders)."""
    from foedus.engine.held_toward import merged
    from foedus.engine.records import CertaintyReason, Withheld

    def reason(fact: str, level: str) -> CertaintyReason:
        return CertaintyReason("membership", fact, level, "https://example.org")

    shared = reason("a party", "secondary")
    first = Withheld("ZAF", SADC, "6", "held back", certainty="secondary", certainty_reasons=(shared,), toward="TZA")
    moz = Withheld("ZAF", SADC, "6", "held back", certainty="unverified",
                   certainty_reasons=(shared, reason("MOZ a party", "unverified")), toward="MOZ")
    ago = Withheld("ZAF", SADC, "6", "held back", certainty="secondary",
                   certainty_reasons=(reason("AGO a party", "secondary"),), toward="AGO")
    names = {"MOZ": "Mozambique", "AGO": "Angola"}
    made = merged(first, [first, moz, ago], names)
    assert made == merged(first, [ago, moz], names)
    assert (made.toward, made.owed_to, made.certainty) == ("TZA", ["AGO", "MOZ", "TZA"], "unverified")
    assert [r.fact for r in made.certainty_reasons] == ["a party", "AGO a party", "MOZ a party"]
    assert made.reason == "held back; also withheld toward Angola (AGO) and Mozambique (MOZ)"
    assert merged(first, [first], names) is first
