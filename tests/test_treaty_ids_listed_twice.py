"""A treaty file's `atop_ids` or `replaces` naming one id twice was read silently (the list hid the slip, as a
state listed twice would): it is refused as a state listed twice is (`foedus.listed.listed_twice`), naming the
second place and the first."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import GOOD_TREATY
from test_input_messages import _error_line


@pytest.mark.parametrize(("extra", "said"), [
    ("atop_ids: [3180, 1001, 3180]\n",
     "atop_ids[2]: 3180 is listed twice (also atop_ids[0]); list each ATOP id once"),
    ("replaces: [nato_1949, nato_1949]\n",
     "replaces[1]: nato_1949 is listed twice (also replaces[0]); list each treaty once"),
])
def test_an_id_listed_twice_in_a_treaty_file_is_refused(tmp_path: Path, extra: str, said: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(GOOD_TREATY + extra, encoding="utf-8")
    assert _error_line(["treaties", "validate", str(path)]) == f"{path}: {said}"
