"""A date's window is never less sure than a day a source gives inside it: a verified (or secondary) day dates its
week, month or year too, so data that tags the window worse is refused, in one line naming the fact and both tags.
An unverified or conflicting day vouches for nothing ([C] on the month, the day unknown: the ECOWAS PMAD's entry
into force)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from foedus.errors import TreatyDataError
from foedus.model.treaty import DateCertainty
from foedus.model.vocab import Certainty
from foedus.sources.corrections import load_corrections

ROOT = Path(__file__).resolve().parents[1]
V, S, U, C = Certainty.VERIFIED, Certainty.SECONDARY, Certainty.UNVERIFIED, Certainty.CONFLICTING


@pytest.mark.parametrize(("window", "day"), [(U, V), (S, V), (U, S), (C, S), (C, V)])
def test_a_window_less_sure_than_its_day_is_refused(window: Certainty, day: Certainty) -> None:
    with pytest.raises(ValidationError, match=f"window: {window.value} is less sure than its day \\(certainty: "
                       f"{day.value}\\)"):
        DateCertainty(within="month", window=window, certainty=day)


@pytest.mark.parametrize(("window", "day"), [(V, V), (V, S), (S, S), (V, U), (U, U), (C, U), (S, U), (U, C)])
def test_a_window_as_sure_or_surer_or_a_day_that_vouches_for_nothing_is_read(window: Certainty,
                                                                             day: Certainty) -> None:
    assert DateCertainty(within="year", window=window, certainty=day).window is window


def test_a_treaty_file_that_does_so_is_refused_in_one_line_naming_the_member(tmp_path: Path) -> None:
    text = (ROOT / "src/foedus/data/treaties/ecowas_pmad_1981.yaml").read_text(encoding="utf-8")
    text = text.replace("id: ecowas_pmad_1981", "id: my_pact").replace(
        "{state: MLI, left: 2025-01-29, ",
        "{state: MLI, left: 2025-01-29, left_certainty: {within: month, effective: true, window: unverified, "
        "certainty: secondary}, ")
    assert "certainty: secondary" in text
    path = tmp_path / "my_pact.yaml"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "foedus", "treaties", "validate", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"error: {path}: members[13] (MLI).left_certainty: window: unverified is less sure than its day (certainty: "
        "secondary), but a day a source gives dates its month too: tag the month at least secondary, or the day no "
        "surer than unverified"]


def test_a_correction_that_does_so_is_refused_naming_its_alliance() -> None:
    with pytest.raises(TreatyDataError) as err:
        load_corrections("- {atopid: 3810, action: exit, states: [MLI], date: 2025-01-29, date_certainty: "
                         "{within: month, window: unverified, certainty: secondary}, sources: [{url: 'https://x.org/a'}],"
                         " note: n}")
    assert str(err.value) == (
        "atop_corrections.yaml: [0] (atopid 3810).date_certainty: window: unverified is less sure than its day "
        "(certainty: secondary), but a day a source gives dates its month too: tag the month at least secondary, or "
        "the day no surer than unverified")

