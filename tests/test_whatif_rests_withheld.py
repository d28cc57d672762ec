"""A withheld leg rests on an `--add-member` change by its structure, the leg's treaty and the state it is owed to
(`Withheld.toward`), not by the "(XXX)" ids its reason's words name: SADC's Art. 6 legs owed to Kenya made a member,
held back because the Summit's authorisation is read as not taken, name no Kenya in their reason and read as the
treaty as encoded (`foedus.whatif_rests`)."""

from __future__ import annotations

import foedus

KENYA = ("ETH", "KEN", "2025-06-01")


def test_a_withheld_leg_owed_to_the_added_member_rests_on_the_change() -> None:
    r = foedus.cascade(*KENYA, add_member="sadc_mdp_2003:KEN", decisions="not-taken")
    held = [w for w in r.withheld if w.treaty == "sadc_mdp_2003"]
    assert held and all(w.toward == "KEN" and "(KEN)" not in w.reason for w in held)
    for w in held:
        assert [(x.kind, x.fact) for x in w.certainty_reasons if x.kind == "what-if"] == [
            ("what-if", "rests on the what-if change add_member sadc_mdp_2003:KEN")], w


def test_a_withheld_leg_says_whom_it_is_owed_to() -> None:
    """The record names the state the leg is owed to, in the JSON as `toward`."""
    r = foedus.cascade("ETH", "ZMB", "2025-06-01", decisions="not-taken")
    held = [w for w in r.to_dict()["withheld"] if w["treaty"] == "sadc_mdp_2003"]
    assert held and {w["toward"] for w in held} == {"ZMB"}


def test_a_withheld_leg_owed_to_another_member_does_not_rest_on_the_change() -> None:
    """Kenya made a SADC member, Zambia attacked: the legs owed to Zambia are the treaty as encoded, whatever their
    reason names; only a leg of Kenya's own would rest on the change."""
    r = foedus.cascade("ETH", "ZMB", "2025-06-01", add_member="sadc_mdp_2003:KEN", decisions="not-taken")
    held = [w for w in r.withheld if w.treaty == "sadc_mdp_2003"]
    assert held
    for w in held:
        assert any(x.kind == "what-if" for x in w.certainty_reasons) == (w.state == "KEN"), w
