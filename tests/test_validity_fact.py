"""When a clause applies (`Provision.valid`) is a fact of its own, `validity`, tagged apart from the clause as encoded
(`article`): Russia-Armenia's art. 2 after its 25-year term rests on a presumed extension in 2023, not on a doubtful
article number, and says so in the cascade's explanation, the war's `doubted` lists and `foedus treaties show`."""

from __future__ import annotations

import json
from pathlib import Path

from foedus.api import cascade, replay_war
from foedus.engine.doubted_facts import FACT_KINDS, doubted
from samples import cli_line

WARS = Path(__file__).resolve().parents[1] / "src" / "foedus" / "data" / "wars"


def test_a_window_presumed_extended_is_doubted_as_validity_not_as_article() -> None:
    """Denmark under EU Art. 42(7) while its opt-out stood: the clause is verified, its window is not."""
    result = cascade("RUS", "AUT", "2015-06-01")
    o = next(o for j in result.joiners if j.state == "DNK"
             for o in (j.primary, *j.also) if o.treaty == "eu_teu_42_7")
    assert doubted(o.certainty_reasons) == ("validity",)
    assert FACT_KINDS.index("validity") == FACT_KINDS.index("article") + 1  # said after the clause's own doubt


def test_the_demo_tags_russia_armenia_by_its_window() -> None:
    code, out, err = cli_line(["demo"], env={"COLUMNS": "400"})
    assert code == 0, err
    assert "rus_arm_1997 art. 2 (unverified: validity; secondary: article)" in out  # each fact at its level


def test_the_war_json_doubted_list_names_validity() -> None:
    """`foedus war`'s JSON `doubted` of Armenia's other duty under the 1997 treaty, on a day after its 25-year term."""
    frames = replay_war(WARS / "russia_ukraine_2022.yaml", until="2025-06-01").to_dict()
    said = json.dumps(frames)
    assert '"validity"' in said


def test_treaties_show_tags_a_window_not_verified() -> None:
    code, out, err = cli_line(["treaties", "show", "rus_arm_1997"], env={"COLUMNS": "250"})
    assert code == 0, err
    assert "valid 2023-11-05– (unverified)" in out
    assert "valid 1998-11-05–2023-11-05 " in out  # the first term, verified: untagged
    lines = [line for line in out.splitlines() if line.startswith("validity unverified: art. 2, valid 2023-11-05–")]
    assert len(lines) == 1 and "presumed extended automatically in 2023" in lines[0], out
