"""The note under a table of Monte Carlo shares with their intervals in brackets is worded alike by
`foedus cascade --draws`'s text (foedus.mc_words.interval_note) and the web's probabilities panel
(web/src/mcsaid.ts intervalNote, run in node: tests/ts_said.py), so that a change to one side alone fails. Needs node
and web/node_modules (`cd web && npm ci`); skips without them unless FOEDUS_REQUIRE_NODE=1."""

from __future__ import annotations

from foedus.engine.mc_records import SHARE_CONFIDENCE
from foedus.mc_words import interval_note
from foedus.wording import counted
from samples import cli_line
from ts_said import run_ts

_DRAWS = (1, 2, 300, 1000, 10_000_000)  # one draw, the fewest for a plural, the CLI's and web's tests', the most


def test_the_interval_note_is_worded_alike() -> None:
    """Each count of draws, singular and plural, and the interval's coverage read the same on both sides."""
    said = run_ts([("mcsaid", "intervalNote", [n]) for n in _DRAWS] + [("mcsaid", "SHARE_CONFIDENCE", [])])
    assert said == [interval_note(n) for n in _DRAWS] + [SHARE_CONFIDENCE]


def test_the_cascade_text_prints_the_interval_note() -> None:
    """`foedus cascade --draws 300`'s text says the note under its table in interval_note's words (wrapped or not)."""
    proc = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "300", "--seed", "11"])
    assert proc.returncode == 0, proc.stderr
    assert interval_note(300) in " ".join(proc.stdout.split())


def test_a_count_of_draws_is_worded_alike() -> None:
    """The web counts draws as foedus.wording.counted does, thousands grouped: its probabilities panel's heading and
    its interval note say '1,000 draws' as the CLI's text does, not '1000 draws' beside it."""
    said = run_ts([("wording", "counted", [n, "draw"]) for n in _DRAWS] + [("wording", "counted", [3, "treaty",
                                                                                               "treaties"])])
    assert said == [counted(n, "draw") for n in _DRAWS] + [counted(3, "treaty", "treaties")]


def test_the_cascade_text_counts_its_draws_in_one_form() -> None:
    """`foedus cascade --draws 1000`'s text says '1,000 draws' in its heading and in its interval note alike: it said
    '1,000 draws' and then 'over the 1000 draws'."""
    proc = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "1000", "--seed", "11"])
    assert proc.returncode == 0, proc.stderr
    text = " ".join(proc.stdout.split())
    assert "1000 draw" not in text and text.count("1,000 draws") >= 2, text
