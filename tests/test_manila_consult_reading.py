"""Manila Art. IV(2) names threats "other than by armed attack", yet the encoding lets an armed attack set it off (the
US understanding's reading): the clause is tagged as that reading (`doubt`), and a consultation it gives on an armed
attack says so in its reason, without changing who consults (docs/depth.md)."""

from __future__ import annotations

import json

from foedus.model.world import World
from samples import cli_line


def test_the_clause_says_it_is_read_as_set_off_by_an_armed_attack(world: World) -> None:
    (clause,) = [p for p in world.treaty("manila_1954").provisions if p.article == "IV(2)"]
    assert clause.certainty == "unverified" and clause.doubt is not None
    assert clause.doubt.startswith("set off by an armed attack too, as this encoding reads the clause")
    assert clause.note is not None and "A reading, not the text's plain words" in clause.note


def test_cambodia_attacking_thailand_the_us_consults_under_that_reading() -> None:
    """The US still consults Thailand under IV(2) (no behaviour change), and its reason names the reading."""
    code, out, err = cli_line(["cascade", "-a", "KHM", "-t", "THA", "-d", "2025-07-24", "--json"])
    assert code == 0, err
    (us,) = [c for c in json.loads(out)["consultations"] if c["article"] == "IV(2)" and c["state"] == "USA"]
    assert us["certainty"] == "unverified"
    assert any("set off by an armed attack too" in r["fact"] for r in us["certainty_reasons"]), us
