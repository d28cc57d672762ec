"""A likelihood-model file whose columns are named otherwise than its spec's (a hand edit that moves a coefficient
with its name, or names that are not the spec's at all) was accepted when the sizes matched: the predictor reads the
coefficients in the spec's order, so the moved one was applied to another column without a word. The check of the
file (`foedus.likely.model._check_logit`) now holds the names to the spec's, in order, naming the first that differs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import foedus
from foedus.errors import LikelyModelError
from foedus.likely.model import load_model

SHIPPED = Path(foedus.__file__).parent / "data" / "likely_model.json"


def _swapped(data: dict, part: str) -> dict:
    """The file with the first two columns of `part` (join.30 or side) swapped, names and numbers together."""
    logit = data["join"]["30"] if part == "join.30" else data["side"]
    for key in ("names", "mean", "scale", "coef"):
        logit[key][0], logit[key][1] = logit[key][1], logit[key][0]
    return data


@pytest.mark.parametrize("part", ["join.30", "side"])
def test_columns_moved_with_their_names_are_refused(tmp_path: Path, part: str) -> None:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    first, second = (data["join"]["30"] if part == "join.30" else data["side"])["names"][:2]
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(_swapped(data, part)), encoding="utf-8")
    said = (f"{path}: {part}.names[0]: {second!r}, where the spec's column is {first!r} (the coefficients are read "
            "in the spec's order)")
    with pytest.raises(LikelyModelError, match=f"^{re.escape(said)}$"):
        load_model(path)
