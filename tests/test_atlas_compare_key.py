"""`foedus compare --atlas` printed "tripwire dyads 468 -> 468" and "mean war size 15.49 -> 15.95" without saying what
they count: a wargame designer reads a "tripwire" as troops placed in harm's way, not as a dyad whose war puts COW
major powers on opposite sides (docs/whatif-and-atlas.md defines it; the output did not). The lines now end with
what each figure counts (`foedus.cli.sweep_run.ATLAS_KEY`)."""

from __future__ import annotations

import pytest

from foedus.cli.sweep_run import print_atlas


def test_the_compared_atlas_says_what_its_figures_count(capsys: pytest.CaptureFixture[str]) -> None:
    figures = {"dyads": {"common": 3}, "mean_war_size": {"base": 2.0, "other": 2.5},
               "tripwire_dyads": {"base": 0, "other": 1}, "dyads_with_larger_war": 1, "dyads_with_smaller_war": 0}
    print_atlas({"base_date": "2022-06-01", "other_date": "2024-06-01", "what_if": [],
                 "readings": {"legal": figures, "escalatory": figures}})
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("[legal] dyads 3; mean war size 2.00 -> 2.50; tripwire dyads 0 -> 1;")
    assert lines[3:] == ["war size: the states on the two sides when the first of a dyad attacks the second, the pair "
                         "included (mean over the ordered dyads of each date); tripwire dyads: the ordered dyads whose "
                         "war puts COW major powers on opposite sides (not troops placed as a tripwire)"]


def test_the_compared_atlas_marks_a_day_after_the_review_day_and_gives_the_note(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`compare --atlas` to 2026-12-07 said nothing of the treaty set's review day (2025-12-31): its first line marks
    the later day (`foedus.review_words.past_review_pair`, "one after" it) and its last gives the note the mark points
    to; days on or before it read as they did (above)."""
    from foedus.engine.outcome import DATA_END_NOTE

    figures = {"dyads": {"common": 3}, "mean_war_size": {"base": 2.0, "other": 2.5},
               "tripwire_dyads": {"base": 0, "other": 1}, "dyads_with_larger_war": 1, "dyads_with_smaller_war": 0}
    print_atlas({"base_date": "2025-06-01", "other_date": "2026-12-07", "what_if": [], "readings": {"legal": figures}})
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("base: 2025-06-01; other: 2026-12-07 (one after the treaty set's review day, 2025-12-31: see "
                        "the note)")  # once for the pair: a scenario comparison's first line (compare_head)
    assert lines[-1] == f"note: {DATA_END_NOTE}"
    print_atlas({"base_date": "2025-06-01", "other_date": "2025-12-31", "what_if": [], "readings": {"legal": figures}})
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "base: 2025-06-01; other: 2025-12-31" and DATA_END_NOTE not in lines[-1]
