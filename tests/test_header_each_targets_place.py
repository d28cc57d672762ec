"""With several targets and no --place, each target is attacked at home (the scenario's attacks), but the text,
tree and HTML headers said 'Russia (RUS) attacks Estonia (EST), Latvia (LVA), Lithuania (LTU) at estonia', the
first target's home (`scenario.place`, the JSON's `place`) for all three. They now name each opening attack's place,
by its name, and none where each target is attacked on its own home territory (`foedus.place_words.where_said`)."""

from __future__ import annotations

import foedus
from foedus.render import explain_lines

CURATED = foedus.World.load(history=False)


def test_the_header_names_each_targets_home() -> None:
    r = foedus.cascade("RUS", ["EST", "LVA", "LTU"], "2025-06-01", world=CURATED)
    assert [a.place for a in r.scenario.attacks] == ["estonia", "latvia", "lithuania"]
    assert "Lithuania (LTU) (territory); " in explain_lines(r)[0]  # each at home: its name says where
    assert "Lithuania (LTU) (legal)" in r._repr_html_()
    away = foedus.cascade("RUS", "EST", "2025-06-01", place="narva", world=CURATED)
    assert "attacks Estonia (EST) at Narva (territory); " in explain_lines(away)[0]  # a place named, not its id


def test_one_place_is_named_once() -> None:
    r = foedus.cascade("RUS", ["EST", "LVA"], "2025-06-01", place="baltic-sea", target_kind="forces", world=CURATED)
    assert " at Baltic Sea (forces); " in explain_lines(r)[0]


def test_the_json_gives_each_targets_place() -> None:
    """The JSON's `place` is the first target's; `places` gives each target's, for a page to say where each is hit."""
    r = foedus.cascade("RUS", ["EST", "LVA", "LTU"], "2025-06-01", world=CURATED).to_dict()
    assert (r["place"], r["places"]) == ("estonia", ["estonia", "latvia", "lithuania"])
    one = foedus.cascade("RUS", ["EST", "LVA"], "2025-06-01", place="baltic-sea", target_kind="forces",
                         world=CURATED).to_dict()
    assert one["places"] == ["baltic-sea", "baltic-sea"]


def test_the_header_verb_agrees_with_several_attackers() -> None:
    two = foedus.cascade(["DEU", "ITA"], "FRA", "2025-06-01", world=CURATED)
    assert explain_lines(two)[0].startswith("2025-06-01: Germany (DEU), Italy (ITA) attack France (FRA) (territory)")
    assert "Italy (ITA) attack France (FRA)" in two._repr_html_()
    one = foedus.cascade("DEU", "FRA", "2025-06-01", world=CURATED)
    assert explain_lines(one)[0].startswith("2025-06-01: Germany (DEU) attacks France (FRA) (territory)")
