"""`--add cowmaj` past 2016: COW's major-power list v2016 ends in 2016, and `cowmaj1`/`cowmaj2` carry its open spells
forward. They ran to the last full calendar year before the day the table was written (peacesciencer's
`add_cow_majors(mry = TRUE)`), so the same table written a year later filled one more year, and its note named that
year. Now every year after 2016 holds 2016's major powers, whenever and for whatever years the table is written, and
the note says so without a year that depends on either."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from foedus.research.dyad_notes import dyad_notes


def _carried(notes: list[str]) -> list[str]:
    return [n for n in notes if n.startswith("cowmaj1 and cowmaj2 after 2016")]


@pytest.mark.parametrize("last", [2017, 2018, 2026, 2100])
def test_cowmaj_past_2016_is_said_to_carry_the_major_powers_of_2016_to_every_later_year(last: int) -> None:
    notes = dyad_notes(last, added=("cowmaj",))
    (said,) = _carried(notes)
    assert said == ("cowmaj1 and cowmaj2 after 2016 are COW's major powers of 2016, carried forward (COW's "
                    "major-power list ends in 2016; its open spells run on in every later year, whenever the table is "
                    "written, where peacesciencer's add_cow_majors(mry = TRUE) runs them to the last full calendar "
                    "year before it is run)")
    assert not any(n.startswith("cowmaj1 and cowmaj2 are empty") for n in notes)


def test_no_carried_note_within_cows_years_or_without_cowmaj() -> None:
    assert _carried(dyad_notes(2016, added=("cowmaj",))) == []
    assert _carried(dyad_notes(2018, added=("cinc", "conttype"))) == []


@pytest.mark.needs_data
def test_cowmaj_of_a_year_does_not_depend_on_the_range_or_the_day_written(data_dir: Path) -> None:
    """The rows of 2017, 2030 and 2100 hold the states whose major-power spells are open at the end of 2016 (raw
    majors2016.csv), the same in a table of one year as in one of many; a state whose spell ended before is 0."""
    import pandas as pd

    from foedus.research.peacesciencer import covariate_columns

    majors = pd.read_csv(data_dir / "cow_states" / "majors2016.csv")
    open_at_end = set(majors.ccode[(majors.endyear == 2016) & (majors.endmonth == 12) & (majors.endday == 31)])
    codes = [*sorted(set(majors.ccode)), 20]  # every state ever on the list, and Canada, never on it
    years = (2017, 2030, 2100)
    rows = np.array([[c, 20, y] for y in years for c in codes], dtype=np.int64)
    cowmaj = covariate_columns(rows, {}, ("cowmaj",))["cowmaj1"]
    want = [float(c in open_at_end) for c in codes]
    assert open_at_end and 300 not in open_at_end  # Austria-Hungary: 0 after 2016
    for year in years:
        assert cowmaj[rows[:, 2] == year].tolist() == want, year
        alone = covariate_columns(rows[rows[:, 2] == year], {}, ("cowmaj",))["cowmaj1"]
        assert alone.tolist() == want, year
