"""EU Art. 42(7)'s four neutrals (Austria, Cyprus, Ireland, Malta): the clause does not prejudice the "specific
character" of their security and defence policy, usually read as letting each limit its aid to non-military means
(fact sheet §1.11 [U]). They were reported "bound to join the defense side" with "aid and assistance by all the means
in their power" and counted in the defending coalition's power, war size and map colours, as states bound to fight.
Their clause now says why they may limit their aid (`Provision.non_military`), and one gate (`non_military`,
`foedus.engine.rules.gates`) holds their legs back in every engine: each is reported withheld, with what it owes,
the carve-out, its certainty and its source, and never on a side, so nothing that counts belligerents counts it."""

from __future__ import annotations

import json

import pytest

import foedus
from foedus.engine.held_toward import ALSO_WITHHELD
from foedus.engine.result import CascadeResult
from samples import cli_line

NEUTRALS = ("AUT", "CYP", "IRL", "MLT")
EUR_LEX = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016M042"
CURATED = foedus.World.load(history=False)


def _run(target: str, **kw: object) -> CascadeResult:
    return foedus.cascade("RUS", target, "2025-06-01", world=CURATED, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("target", ["EST", "FIN"])
@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_the_neutrals_owe_aid_they_may_limit_to_non_military_means_and_are_on_no_side(target: str, reading: str,
                                                                                       engine: str) -> None:
    """Run by every engine (the `engine` fixture checks each one's sides against the reference's)."""
    r = _run(target, reading=reading)
    belligerents = set(r.sides["attack"]) | set(r.sides["defense"])
    assert {"DEU", "FRA", "SWE"} <= belligerents  # the other members are bound as before
    for state in NEUTRALS:
        assert r.joiner(state) is None and state not in belligerents, state
        (held,) = [w for w in r.withheld if w.state == state]
        assert (held.treaty, held.article, held.certainty) == ("eu_teu_42_7", "42(7)", "unverified")
        assert held.reason.startswith(f"it owes {r.names[target]} ({target}) aid, but may limit its aid to "
                                      "non-military means (the 'specific character' carve-out")
        first, *_ = held.reason.split(ALSO_WITHHELD)  # escalatory: its legs toward the members attacked after
        assert first.endswith("so it is not bound to fight") and held.toward == target
        assert (len(held.owed_to) > 1) is (reading == "escalatory") and (first == held.reason) is (reading == "legal")
        assert [(x.kind, x.source) for x in held.certainty_reasons] == [("article", EUR_LEX)]


def test_the_cascade_text_says_what_the_duty_is_its_source_and_certainty() -> None:
    text = _run("EST").explain()
    for state, name in (("AUT", "Austria"), ("IRL", "Ireland")):
        assert (f"Withheld: {name} ({state}) under eu_teu_42_7 art. 42(7): it owes Estonia (EST) aid, but may limit "
                "its aid to non-military means (the 'specific character' carve-out for its security and defence "
                "policy, usual reading), so it is not bound to fight — unverified facts") in text
        assert f"{name} ({state}) is bound to join" not in text
    assert f"who may then limit their aid to non-military means) (not verified) [source: {EUR_LEX}]" in text


def test_coalition_power_counts_only_the_sides() -> None:
    """The defending coalition's CINC sums its side, which holds none of the four (one place decides: the gate)."""
    import datetime as dt

    from foedus.engine.power import coalition_power

    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "IRL", "-d", "2025-06-01", "--json"])
    assert code == 0, err
    result = json.loads(out)
    defense = result["sides"]["defense"]
    assert "IRL" in defense  # attacked, Ireland is defended by the other members' duty
    assert not {"AUT", "CYP", "MLT"} & set(defense)
    assert {w["state"] for w in result["withheld"] if w["treaty"] == "eu_teu_42_7"} == {"AUT", "CYP", "MLT"}
    day = dt.date(2025, 6, 1)
    with_them = coalition_power(CURATED.states, {"defense": [*defense, "AUT", "CYP", "MLT"]}, day)
    assert with_them is not None and result["power"]["defense"]["cinc"] < with_them["defense"]["cinc"]


def test_treaties_show_names_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    code, out, err = cli_line(["treaties", "show", "eu_teu_42_7"])
    assert code == 0, err
    rows = [line for line in out.splitlines() if "AUT,CYP,IRL,MLT → all" in line]
    (gates,) = [row for row in rows if row.startswith("│ defense")]
    assert "aid it may limit to non-military means" in gates
    (duty,) = [row for row in rows if row.startswith("duty, ")]
    assert ("each may limit its aid to non-military means (the 'specific character' carve-out for its security and "
            "defence policy, usual reading)") in duty
    assert not [row for row in rows if "troops (fight)" in row]  # the war clause's fighters leave them out
