"""`foedus war`'s table says how each state came into the war in words: Britain on 1914-08-04 read "defense
1914-08-04 (attacker)", a contradiction to a first reader, and "(attacker)" beside Serbia's "(attacked)" differed by
a letter. The JSON keeps the codes (`spells[].how`)."""

from __future__ import annotations

import foedus
from foedus.war.render import _row


def test_the_table_says_how_a_state_came_in_in_words() -> None:
    result = foedus.replay_war("july_crisis_1914")
    records = {r.state: r for r in result.ordered()}
    fought = {state: _row(records[state], result.names_on(result.row_day(records[state])), result.frames[-1])[1]
              for state in ("GBR", "SRB", "COW300")}
    assert fought == {"GBR": "defense 1914-08-04 (by its own attack)",
                      "SRB": "defense 1914-07-28 (attacked by Austria-Hungary (COW300))",  # by whom it was attacked
                      "COW300": "attack 1914-07-28 (by its own attack)"}
    assert [s["how"] for s in records["GBR"].spells] == ["attacker"]  # the JSON's code, unchanged
