"""The Python API of the research tables refuses what the CLI refuses, in one line (`FoedusError`), before any data is
read: `DyadOptions` checked nothing, so a backwards range raised numpy's 'negative dimensions are not allowed', an
unknown system was read as COW's, `first=True` made 103,588 rows from year 1, and a reference day of 30 February
raised a datetime error deep in the covariates."""

from __future__ import annotations

from typing import Any

import pytest

from foedus.errors import FoedusError
from foedus.research.dyads import DyadOptions

BAD: dict[str, tuple[dict[str, Any], str]] = {
    "backwards": ({"first": 1900, "last": 1890}, r"^impossible year range 1900–1890: first 1900 is after last 1890 "
                                                 r"\(need first <= last\)$"),
    "before-1815": ({"first": 1700, "last": 1701}, r"^first 1700 is outside 1815–2100 \(ATOP's alliances begin in "),
    "after-2100": ({"first": 2000, "last": 3000}, r"^last 3000 is outside 1815–2100 \(foedus reads no day after "
                                                  r"2100\)$"),
    "bool-year": ({"first": True, "last": 1900}, r"^the first year must be a whole number, not True$"),
    "text-year": ({"first": 1900, "last": "1901"}, r"^the last year must be a whole number, not '1901'$"),
    "float-year": ({"first": 1900.5, "last": 1901}, r"^the first year must be a whole number, not 1900.5$"),
    "system": ({"first": 1900, "last": 1900, "system": "zz"}, r"^unknown system 'zz': choose cow or gw$"),
    "system-case": ({"first": 1900, "last": 1900, "system": "GW"}, r"^unknown system 'GW'"),
    "flag": ({"first": 1900, "last": 1900, "directed": "no"}, r"^directed must be True or False, not 'no'$"),
    "30-february": ({"first": 1900, "last": 1900, "reference_day": (2, 30)}, r"^reference_day \(2, 30\) is not a"),
    "29-february": ({"first": 1900, "last": 1900, "reference_day": (2, 29)}, r"^reference_day \(2, 29\)"),
    "month-13": ({"first": 1900, "last": 1900, "reference_day": (13, 1)}, r"^reference_day \(13, 1\)"),
    "one-number": ({"first": 1900, "last": 1900, "reference_day": (7,)}, r"^reference_day \(7,\)"),
}


@pytest.mark.parametrize("case", BAD)
def test_dyad_options_refuse_what_no_table_can_be_made_of(case: str) -> None:
    given, message = BAD[case]
    with pytest.raises(FoedusError, match=message):
        DyadOptions(**given)


def test_dyad_options_keep_what_the_cli_gives() -> None:
    options = DyadOptions(1815, 2100, directed=False, system="gw", covariates=False, reference_day=(12, 31))
    assert (options.first, options.last, options.system, options.reference_day) == (1815, 2100, "gw", (12, 31))


@pytest.mark.parametrize("level", [2.0, 1.0, 0.0, -1.0, float("nan"), True, "0.9"])
def test_a_depth_score_refuses_an_interval_width_it_cannot_give(level: object) -> None:
    """`DepthModel.score` (docs/depth.md) took any width: 2 gave the grid's ends (-5, 5), -1 an interval with lo
    above hi, NaN NaN bounds, all silently; the CLI's --level check now lives where every score is made."""
    from foedus.research.depth import DepthModel

    with pytest.raises(FoedusError, match=r"^level must be at least 0\.5 and below 1 \(got .*\)$"):
        DepthModel.bundled().score([{"intcom": 1}], level=level)  # type: ignore[arg-type]


PAIRS: dict[str, tuple[Any, Any, Any]] = {
    "lengths": ([3, 0, 1], [3, 0], None),  # numpy's broadcast ValueError before
    "one-weight": ([3, 0, 1], [3, 1, 1], [1.0]),  # spread silently over every state before
    "negative-weight": ([3, 0], [3, 3], [-1.0, 1.0]),  # S = NaN before
    "nan-weight": ([3, 0], [3, 3], [float("nan"), 1.0]),
    "tie-above-3": ([9, 0], [0, 0], None),  # S = -5.0 before
    "tie-negative": ([-1, 0], [3, 0], None),
    "tie-nan": ([float("nan"), 0], [3, 0], None),  # S = NaN before
    "text": (["a", "b"], ["c", "d"], None),  # numpy's 'could not convert string to float' before
    "matrix": ([[3, 0]], [[3, 0]], None),
}


@pytest.mark.parametrize("case", PAIRS)
def test_the_per_pair_similarity_measures_refuse_what_a_year_matrix_refuses(case: str) -> None:
    """The reference definitions (`s_score` ... `pair_similarity`) took any arrays; now they refuse, in one line, what
    `check_year` refuses for a whole year (`SimilarityInputError`, a `FoedusError`)."""
    from foedus.research.similarity import s_score, scott_pi

    x, y, w = PAIRS[case]
    with pytest.raises(FoedusError, match=r"^(portfolios and weights must|tie values must|weights must)"):
        s_score(x, y, w)
    if w is None:
        with pytest.raises(FoedusError):
            scott_pi(x, y)


_YEAR = ([2, 20], [[3, 1], [1, 3]], [0.5, 0.5])
FRAMES: dict[str, dict[Any, Any]] = {
    "text-inputs": {1900: "x"},  # IndexError: string index out of range, before
    "two-inputs": {1900: ([2, 20], [[3, 1], [1, 3]])},  # IndexError before
    "text-year": {"1900": _YEAR, 1901: _YEAR},  # sorted's TypeError before
    "bool-year": {True: _YEAR},  # a year column of 1, silently, before
}


@pytest.mark.parametrize("case", FRAMES)
def test_a_similarity_frame_refuses_a_year_it_cannot_read(case: str) -> None:
    from foedus.research.similarity import similarity_frame

    with pytest.raises(FoedusError, match=r"(a year must be a whole number|expected \(ccodes, ties, weights\))"):
        similarity_frame(FRAMES[case])
