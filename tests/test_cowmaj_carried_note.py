"""`--add cowmaj` past 2016: COW's major-power list v2016 ends in 2016, and `cowmaj1`/`cowmaj2` carry its open spells
to the last full calendar year (peacesciencer's `add_cow_majors(mry = TRUE)`), so 2017–2025 hold 2016's major powers.
The table said so only where the columns turn empty (after that year), not that the years before it are carried
forward, as the cascade covariates' note says of `cascade_major_defender`."""

from __future__ import annotations

import datetime as dt

from foedus.research.dyad_notes import dyad_notes

TODAY = dt.date(2026, 12, 4)


def _carried(notes: list[str]) -> list[str]:
    return [n for n in notes if n.startswith("cowmaj1 and cowmaj2 after 2016")]


def test_cowmaj_past_2016_is_said_to_carry_the_major_powers_of_2016() -> None:
    (said,) = _carried(dyad_notes(2018, added=("cowmaj",), today=TODAY))
    assert said == ("cowmaj1 and cowmaj2 after 2016 are COW's major powers of 2016, carried forward to 2018 "
                    "(COW's major-power list ends in 2016; its open spells run to the last full calendar year, as in "
                    "peacesciencer's add_cow_majors(mry = TRUE))")
    # a range past the last full year: carried to 2025, and empty after it (the note that was there already)
    notes = dyad_notes(2026, added=("cowmaj",), today=TODAY)
    assert [n.split(" (")[0][-4:] for n in _carried(notes)] == ["2025"]
    assert any(n.startswith("cowmaj1 and cowmaj2 are empty after 2025") for n in notes)


def test_no_carried_note_within_cows_years_or_without_cowmaj() -> None:
    assert _carried(dyad_notes(2016, added=("cowmaj",), today=TODAY)) == []
    assert _carried(dyad_notes(2018, added=("cinc", "conttype"), today=TODAY)) == []
