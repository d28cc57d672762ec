"""`foedus cascade --ongoing-since D`'s lines on the ongoing war (bound since, lapsed) did not say the conditions a
binding assumes, where the joiner lines above them do ("request-gated: assumes Russia (RUS) asks for help"): a user
comparing Kazakhstan's two lines read the ongoing one as unconditional. Each line now repeats its provision's
conditions under it, in the war's words ("condition: ..."), rather than "conditions as above": the provision that
first bound a state may not be the one its joiner line cites (Belarus: csto_1992 art. 4, request-gated, now
rus_blr_2024 art. 4, not), and a lapsed state has no joiner line; a line citing two provisions names each condition's.
The JSON's `ongoing` entries carry them (`conditions`, and their `now`'s), as a war's bound spans do; the web map's
summary says them under its lines alike (web/src/lapsedsaid.ts `ongoingConditions`, run in node)."""

from __future__ import annotations

import pytest

import foedus
from foedus.war.pause_words import ongoing_conditions
from samples import cli_line
from ts_said import run_ts

LINE = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-06-01", "--ongoing-since", "2022-02-24"]


@pytest.mark.needs_data
def test_each_ongoing_line_repeats_its_provisions_conditions_as_the_joiner_line_says_them() -> None:
    result = foedus.cascade("UKR", "RUS", "2025-06-01", ongoing_since="2022-02-24")
    kaz = result.joiner("KAZ")
    assert kaz is not None and kaz.primary.treaty == "csto_1992" and kaz.primary.conditions
    bound = result.ongoing["bound_since"]  # type: ignore[index]
    assert bound["KAZ"]["conditions"] == list(kaz.primary.conditions)  # the joiner's, as the cascade states them
    assert bound["BLR"]["conditions"] == bound["KAZ"]["conditions"] and bound["BLR"]["now"]["conditions"] == []
    code, text, err = cli_line(LINE)
    assert code == 0, err
    said = " ".join(text[text.index("ongoing since 2022-02-24"):].split())  # the lines as read, unwrapped
    condition = kaz.primary.conditions[0]
    assert (f"Kazakhstan (KAZ): 2022-02-24 (defense, csto_1992 art. 4 (secondary: article)) — Ukraine (UKR) attacks "
            f"Russia (RUS) condition: {condition} Kyrgyzstan (KGZ)") in said
    assert (f"now under rus_blr_2024 art. 4 (secondary: article) — Ukraine (UKR) attacks Russia (RUS) condition under "
            f"csto_1992 art. 4: {condition} Kazakhstan (KAZ)") in said  # the first provision's, not rus_blr_2024's


def test_a_lapse_says_its_bindings_conditions_and_a_record_without_them_none() -> None:
    lapse = {"state": "AZE", "side": "defense", "from": "2014-02-27", "to": "2019-01-01", "treaty": "atop_4400",
             "article": "ATOP defense code", "instrument": "treaty",
             "conditions": ["ATOP dates membership from signature"]}
    assert ongoing_conditions(lapse) == ["condition: ATOP dates membership from signature"]
    assert ongoing_conditions({k: v for k, v in lapse.items() if k != "conditions"}) == []


def test_the_web_summary_says_them_as_the_cli() -> None:
    """web/src/lapsedsaid.ts `ongoingConditions` (the web map's summary, under each ongoing line) says what
    `ongoing_conditions` prints: one provision's conditions, two provisions' each named, and none."""
    one = {"treaty": "csto_1992", "article": "4", "instrument": "treaty", "conditions": ["request-gated: assumes X"]}
    two = {**one, "now": {"treaty": "rus_blr_2024", "article": "4", "conditions": ["assumes Y"]}}
    same = {**one, "now": {**one, "conditions": ["request-gated: assumes X"]}}
    cases = [one, two, same, {"treaty": "atop_4400", "article": "ATOP defense code"}]
    said = run_ts([("lapsedsaid", "ongoingConditions", [case]) for case in cases])
    assert said == [ongoing_conditions(case) for case in cases]
    assert said[1] == ["condition under csto_1992 art. 4: request-gated: assumes X",
                       "condition under rus_blr_2024 art. 4: assumes Y"]
