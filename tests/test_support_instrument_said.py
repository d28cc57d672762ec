"""A supporter's line cited its provision without saying what kind of instrument it is: China attacking Taiwan read
"Support: United States (USA) is bound to give Taiwan (TWN) arms (usa_twn_tra_1979, in peace and war, verified)",
a binding that reads as a treaty's, where the Taiwan Relations Act is a US domestic statute (its file: `instrument:
statute`). A joiner's, a conflict's and a violation's line say it (`foedus.cited.instrument_said`); a supporter's does
now, and its JSON record carries the instrument, as an obligation's does."""

from __future__ import annotations

import foedus


def test_the_taiwan_relations_act_is_said_to_be_a_statute() -> None:
    result = foedus.cascade("CHN", "TWN", "2026-12-01")
    assert ("Support: United States (USA) is bound to give Taiwan (TWN) arms (usa_twn_tra_1979, a domestic statute, "
            "not a treaty; in peace and war; verified) without being bound to fight") in result.explain()
    (usa,) = [s for s in result.to_dict()["supporters"] if s["state"] == "USA"]
    assert usa["instrument"] == "statute"
    assert {s["instrument"] for s in result.to_dict()["supporters"] if s["state"] != "USA"} <= {"treaty"}
    assert result.explain().count(", not a treaty;") == 1  # a treaty's help says no instrument

