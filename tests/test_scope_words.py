"""`any` and `none` in a what-if scope part mean one thing wherever the change is given: the command line took
`--set-scope T:A=territory:any`, while `SetScope` in Python and an overlay file's `forces: [any]` refused it as an
unknown scope token. One rule reads them (`foedus.model.overlay_changes.scope_part`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import ScenarioError
from foedus.model.overlay import SetScope, load_overlay
from foedus.model.overlay_parse import PARSERS
from samples import error_line


@pytest.mark.parametrize(("part", "read"), [(["any"], None), ("any", None), (["none"], []), ("none", []),
                                            (["europe"], ["europe"]), (None, None), ([], [])])
def test_set_scope_in_python_reads_any_and_none_as_the_command_line_does(part: object, read: object) -> None:
    built = SetScope(treaty="rus_prk_2024", article="4", scope={"territory": part, "forces": part})
    assert built.scope.territory == read and built.scope.forces == read
    if isinstance(part, list) and part:
        typed = PARSERS["set_scope"](f"rus_prk_2024:4=territory:{','.join(part)};forces:{','.join(part)}", "x")
        assert typed == built


def test_an_overlay_file_reads_any_and_none(tmp_path: Path) -> None:
    path = tmp_path / "ov.yaml"
    path.write_text("changes:\n  - op: set_scope\n    treaty: rus_prk_2024\n    article: '4'\n"
                    "    scope: {territory: [none], forces: [any]}\n", encoding="utf-8")
    (change,) = load_overlay(path).changes
    assert isinstance(change, SetScope)
    assert change.scope.territory == [] and change.scope.forces is None


def test_any_or_none_among_other_tokens_is_refused_alike() -> None:
    with pytest.raises(ScenarioError, match=r"^SetScope: scope: 'any' stands alone in a scope part \('any': "
                                            r"anywhere, 'none': nowhere\), not among other tokens \(europe, any\)$"):
        SetScope(treaty="rus_prk_2024", article="4", scope={"territory": ["europe", "any"]})
    said = error_line(["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-06-01", "--set-scope",
                       "rus_prk_2024:4=territory:none,europe"])
    assert said == ("--set-scope 'rus_prk_2024:4=territory:none,europe': 'none' stands alone in a scope part "
                    "('any': anywhere, 'none': nowhere), not among other tokens (none, europe)")


def test_forces_any_in_python_runs_as_on_the_command_line() -> None:
    """The change built in Python runs (it was refused as "unknown scope token 'any'")."""
    import foedus

    built = foedus.cascade(attacker="UKR", target="RUS", date="2025-06-01",
                           what_if=[SetScope(treaty="rus_prk_2024", article="4", scope={"forces": ["any"]})])
    typed = foedus.cascade(attacker="UKR", target="RUS", date="2025-06-01",
                           set_scope=["rus_prk_2024:4=forces:any"])
    assert built.joiners == typed.joiners and built.conflicts == typed.conflicts
