"""`--force` replaces an output folder only when it holds nothing but that output: a folder of a report file's name
(`model.json/`, a user's) is not one, and went with the old report (`foedus likely report --force`). A link in the
folder goes alone (its target stays): `foedus.outputs.staged_folder` deletes the old folder without following
links (shutil.rmtree)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import OutputError
from foedus.outputs import staged_folder


def test_likely_report_force_keeps_a_folder_named_as_a_report_file(tmp_path: Path) -> None:
    from foedus.cli.likely_cmd import _replaceable

    out = tmp_path / "report"
    (out / "model.json").mkdir(parents=True)
    (out / "model.json" / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "report.md").write_text("the earlier report", encoding="utf-8")
    with pytest.raises(OutputError, match=r"not replacing .*report: it holds what the report does not write "
                                          r"\(model\.json/\)"), \
            staged_folder(out, force=True, replaceable=_replaceable) as tmp:
        (tmp / "report.md").write_text("new", encoding="utf-8")
    assert (out / "model.json" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "report.md").read_text(encoding="utf-8") == "the earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
