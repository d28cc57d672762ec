"""`foedus atlas-plot` of a what-if series (rows with a `what_if` column: `foedus atlas --from/--to` with changes) says
it is one: the title marks it, and a caption names the changes with the years each applies in, and the years in which
none does, as the web's PNG caption names a what-if run's changes. It drew such a series as if it were the treaties as
encoded."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest

from foedus.errors import FoedusError
from foedus.whatif_words import NONE_APPLIED
from samples import cli_line

UKR = "add_member nato_1949:UKR"


def _svg_text(series: pd.DataFrame, tmp_path: Path) -> str:
    """The words of the SVG `atlas-plot` draws of `series`, its text kept as text (not glyph paths), line breaks as
    spaces."""
    import matplotlib

    from foedus.sweeps.plot import plot_series

    path = tmp_path / "s.csv"
    series.to_csv(path, index=False)
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        plot_series(path, tmp_path / "p.svg")
    svg = (tmp_path / "p.svg").read_text(encoding="utf-8")
    return " ".join(html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def _frame(cells: list[str] | None) -> pd.DataFrame:
    frame = pd.DataFrame({"year": [1990, 1991, 1992, 1993], "mean_size_legal": [2.0, 2.5, 3.0, 3.0],
                          "max_size_legal": [5, 6, 7, 7], "tripwire_dyads_legal": [10, 12, 1, 1]})
    return frame if cells is None else frame.assign(what_if=cells)


def test_a_what_if_series_is_drawn_saying_its_changes_and_the_years_of_none(tmp_path: Path) -> None:
    said = _svg_text(_frame([NONE_APPLIED, NONE_APPLIED, UKR, f"{UKR} and drop_treaty rus_prk_2024"]), tmp_path)
    assert "by year (a what-if world)" in said
    assert (f"what-if world: the treaties as encoded, changed by {UKR} in 1992; {UKR} and drop_treaty rus_prk_2024 in "
            "1993; no change applies in 1990–1991 (those years as encoded); a finding that rests on a change is "
            "hypothetical, and its certainty rates only the encoded facts beside it") in said


def test_a_what_if_series_in_which_no_change_applies_says_so(tmp_path: Path) -> None:
    said = _svg_text(_frame([NONE_APPLIED] * 4), tmp_path)
    assert ("what-if world: no change applies in 1990–1993, so the series is the treaties as encoded") in said


def test_a_series_as_encoded_has_no_what_if_caption(tmp_path: Path) -> None:
    said = _svg_text(_frame(None), tmp_path)
    assert "what-if" not in said and said.count("by year") == 1


def test_a_what_if_series_with_an_empty_cell_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FoedusError, match=r"s\.csv: row 2 has no what_if \(a what-if series names its changes, or "
                                          r"none, every year: is the file cut short or edited\?\)$"):
        _svg_text(_frame([UKR, "", UKR, UKR]), tmp_path)


def test_atlas_plot_says_it_wrote_a_what_if_plot(tmp_path: Path) -> None:
    """Its 'wrote a plot of 4 years' line did not say the series is of a what-if world, as the plot's title does."""
    path, png = tmp_path / "s.csv", tmp_path / "p.png"
    _frame([NONE_APPLIED, NONE_APPLIED, UKR, UKR]).to_csv(path, index=False)
    proc = cli_line(["atlas-plot", str(path), "--out", str(png)])
    assert f"wrote a plot of 4 years (a what-if world) to {png}" in proc.stderr, proc.stderr
    _frame(None).to_csv(path, index=False)
    proc = cli_line(["atlas-plot", str(path), "--out", str(png), "--force"])
    assert f"wrote a plot of 4 years to {png}" in proc.stderr, proc.stderr


def test_a_short_series_has_whole_years_on_its_axis(tmp_path: Path) -> None:
    """A four-year series' axis read 1990.0, 1990.5, 1991.0, ...: a year is whole."""
    said = _svg_text(_frame(None), tmp_path).split()
    assert {"1990", "1991", "1992", "1993"} <= set(said) and not any(re.fullmatch(r"199\d\.\d", w) for w in said)
