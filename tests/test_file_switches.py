"""A switch in a treaty file (a clause's request_gated, non_provocation, when_partner_attacks; a date's effective) is
true or false as written: pydantic's lax mode read 1, 0 and the text 'yes', 'no', 'off', 'true' as a switch, where a
number or text in a number's place is refused (`foedus.model.numbers`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import FoedusError
from foedus.model.loader import read_treaty_file
from samples import GOOD_TREATY

CLAUSE = "{kind: defense, article: \"1\", strength: S2}"


def _read(tmp_path: Path, text: str) -> str | None:
    """The error reading the treaty `text` gives, after the file's name; None when it is read."""
    path = tmp_path / "pact.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        read_treaty_file(path)
    except FoedusError as exc:
        return str(exc).removeprefix(f"{path}: ")
    return None


@pytest.mark.parametrize("field", ["request_gated", "non_provocation", "when_partner_attacks"])
@pytest.mark.parametrize(("written", "shown"), [("1", "1"), ("0", "0"), ('"no"', "'no'"), ('"off"', "'off'"),
                                                ('"true"', "'true'")])
def test_a_number_or_text_where_a_clause_switch_belongs_is_refused(tmp_path: Path, field: str, written: str,
                                                                   shown: str) -> None:
    text = GOOD_TREATY.replace(CLAUSE, CLAUSE.replace("}", f", {field}: {written}}}"))
    assert _read(tmp_path, text) == f"provisions[0].{field}: must be true or false (got {shown})"


def test_a_number_where_a_dates_effective_belongs_is_refused(tmp_path: Path) -> None:
    text = GOOD_TREATY.replace("{state: ARG}]", "{state: ARG, left: 2024-09-01, left_certainty: {within: month, "
                                                 "effective: 1}}]")
    assert _read(tmp_path, text) == "members[1] (ARG).left_certainty.effective: must be true or false (got 1)"


@pytest.mark.parametrize("written", ["true", "false", "yes"])  # `yes` is YAML's own true, as written
def test_a_switch_written_as_one_is_read(tmp_path: Path, written: str) -> None:
    """Control (passes before and after the strict switch): what is written as a switch is still read."""
    assert _read(tmp_path, GOOD_TREATY.replace(CLAUSE, CLAUSE.replace("}", f", request_gated: {written}}}"))) is None
