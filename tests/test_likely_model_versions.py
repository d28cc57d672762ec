"""A likelihood-model file's `version` and `foedus` fields were read unchecked, whatever they said: a version of
"latest" was quoted in every answer ("model latest, trained on 1823–2003"), one naming other years than the training
window's beside that window, and a `foedus` of "banana" in `likely report`'s "Reproduce with … (foedus banana)".
Each is refused in one line naming the field and the value (`foedus.likely.model_names.check_names`). And an empty file
is said to be empty, as the YAML readers say it, not in json's words ("Expecting value: line 1 column 1 (char 0)"), and
a file that is not JSON (YAML, text) says where it stops being JSON and what the file is expected to be, not json's
words in parentheses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import foedus
from foedus.errors import LikelyModelError
from foedus.likely.model import load_model
from samples import cli_line

SHIPPED = Path(foedus.__file__).parent / "data" / "likely_model.json"


def _with(tmp_path: Path, field: str, value: str) -> Path:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    data[field] = value
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("field", "value", "problem"), [
    ("version", "latest", "version: 'latest' is not a model version (expected LABEL-FIRST-LAST-DIGEST, as "
                          "`foedus likely fit` writes it: user-1823-2003-0123456789)"),
    ("version", "shipped-1823-2003-XYZ", "version: 'shipped-1823-2003-XYZ' is not a model version"),
    ("version", "shipped-1900-1950-453c08ac70", "version: 'shipped-1900-1950-453c08ac70' names the years 1900–1950, "
                                                "where the training window is 1823–2003"),
    ("foedus", "banana", f"foedus: 'banana' is not a foedus version (expected one such as {foedus.__version__}: the "
                         "version of foedus that wrote the file)"),
    ("foedus", "1.0 beta", "foedus: '1.0 beta' is not a foedus version"),
])
def test_a_model_version_not_of_the_written_form_is_refused(tmp_path: Path, field: str, value: str,
                                                            problem: str) -> None:
    path = _with(tmp_path, field, value)
    with pytest.raises(LikelyModelError, match=f"^{re.escape(f'{path}: {problem}')}"):
        load_model(path)
    code, out, err = cli_line(["cascade", "-a", "DEU", "-t", "POL", "-d", "1939-09-01", "--likelihood",
                               "--likely-model", str(path)])
    assert (code, out, len(err.splitlines())) == (2, "", 1) and err.startswith(f"error: {path}: {problem}"), err


@pytest.mark.parametrize("version", ["0.1.0", "1.2", "2.0.0rc1", "0.1.0.dev3", "0.1.0+local.1"])
def test_a_foedus_version_number_is_read(tmp_path: Path, version: str) -> None:
    assert load_model(_with(tmp_path, "foedus", version)).foedus == version


@pytest.mark.parametrize(("text", "problem"), [
    ("", "nothing in the file (it is empty)"),
    ("  \n", "nothing in the file (it is empty)"),
    ("null\n", "the file holds JSON null, not a likelihood model"),  # not 'nothing in the file': it holds null
    ("version: user-1823-2003-0123456789\nfoedus: 0.1.0\n",
     "not a readable JSON file (it stops being JSON at line 1, column 1)"),
    ('{"version": "user-1823-2003-0123456789",\n  "foedus": 0.1.0}',  # the second dot of 0.1.0
     "not a readable JSON file (it stops being JSON at line 2, column 16)"),
])
def test_a_model_file_that_is_empty_or_not_json_is_said_so(tmp_path: Path, text: str, problem: str) -> None:
    """An empty file, or one that is not JSON (a YAML file, broken JSON), is said so in foedus's words (where it stops
    being JSON) with what the file should be: json's own 'Expecting value: line 1 column 1 (char 0)' said neither."""
    path = tmp_path / "model.json"
    path.write_text(text, encoding="utf-8")
    code, out, err = cli_line(["cascade", "-a", "DEU", "-t", "POL", "-d", "1939-09-01", "--likelihood",
                               "--likely-model", str(path)])
    assert (code, out, err.splitlines()) == (2, "", [
        f"error: {path}: {problem}; expected the JSON of a likelihood-model file (write one with `foedus likely "
        "fit`)"])
