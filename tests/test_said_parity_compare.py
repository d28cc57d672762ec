"""The web's compare view opens with `foedus compare`'s first line (web/src/comparesaid.ts `compareHead`,
foedus.cli.compare_out.compare_head): the view said "2025-06-01 as encoded → with drop_treaty nato_1949; help not
requested", the escalatory reading unsaid where the CLI says "escalatory reading", and no mark after a day past the
treaty set's review day where the CLI marks the pair (reviewday.ts `pastReviewPair`, foedus.review_words
.past_review_pair) and prints the note it points to (`DATA_END_NOTE`). Run in node on the web's TypeScript
(tests/ts_said.py; FOEDUS_REQUIRE_NODE=1)."""

from __future__ import annotations

import datetime as dt
import itertools

from foedus.cli.compare_out import compare_head
from foedus.engine.outcome import DATA_END_NOTE
from foedus.inputs import SWITCH
from foedus.review_words import DATA_END, past_review_pair
from ts_said import run_ts

_BEFORE, _AFTER = str(DATA_END - dt.timedelta(days=200)), str(DATA_END + dt.timedelta(days=1))
_DAYS = [(_BEFORE, _BEFORE), (_BEFORE, _AFTER), (_AFTER, _BEFORE), (_AFTER, _AFTER), (str(DATA_END), str(DATA_END))]
_WHAT_IF = [[], ["drop_treaty nato_1949"], ["add_member csto_1992:IRN", "drop_treaty rus_prk_2024"]]
_SWITCHES = [[], ["help not requested"],
             ["--non-military withheld in the base, --non-military bound in the other", "council decisions not taken"]]


def test_the_compare_views_first_line_is_the_clis_for_every_reading_dates_changes_and_switches() -> None:
    cases = [({"base_date": a, "other_date": b, "what_if": w, "switches_said": s}, r)
             for (a, b), w, s, r in itertools.product(_DAYS, _WHAT_IF, _SWITCHES, SWITCH["reading"].choices)]
    said = run_ts([("comparesaid", "compareHead", [d, r]) for d, r in cases])
    assert said == [compare_head(d, r) for d, r in cases]
    one = {"base_date": "2025-06-01", "other_date": "2025-06-01", "what_if": _WHAT_IF[1], "switches_said": _SWITCHES[1]}
    assert run_ts([("comparesaid", "compareHead", [one, "escalatory"])]) == [
        "base: 2025-06-01 as encoded; other: the same day with drop_treaty nato_1949; escalatory reading; help not "
        "requested"]  # a what-if of one day says the day once


def test_the_review_days_pair_mark_and_its_note_are_the_clis() -> None:
    marks = run_ts([("reviewday", "pastReviewPair", [a, b]) for a, b in _DAYS])
    assert marks == [past_review_pair(a, b) for a, b in _DAYS]
    assert run_ts([("reviewday", "DATA_END_NOTE", [])]) == [DATA_END_NOTE]
