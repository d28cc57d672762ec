"""A clause's gate set by its reason in words (`non_military`, `needs_decision`) with an empty or blank text: `""`
was read as no gate (the obligors bound to fight, with nothing said), `"  "` as a gate with no reason to show. Both
are refused naming the field, as any text a file must give is."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import GOOD_TREATY, cli_line


@pytest.mark.parametrize("field", ["non_military", "needs_decision"])
@pytest.mark.parametrize(("value", "said"), [('""', "must not be empty"), ('"   "', "must not be blank")])
def test_an_empty_gate_reason_is_refused(tmp_path: Path, field: str, value: str, said: str) -> None:
    path = tmp_path / "pact.yaml"
    path.write_text(GOOD_TREATY.replace("strength: S2}", f"strength: S2, {field}: {value}}}"), encoding="utf-8")
    out = cli_line(["cascade", "-a", "BRA", "-t", "CHL", "-d", "2024-01-01", "--treaties", str(path)])
    assert out.returncode == 2 and out.stderr == f"error: {path}: provisions[0].{field}: {said}\n", out
