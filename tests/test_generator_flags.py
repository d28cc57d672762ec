"""The generators of checked-in files (`fast_gen`'s table too) take flags: `--help` prints usage and writes nothing,
`--check` exits 1 naming a stale file and writes nothing, and no flag writes as before (each run here on a temporary
folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.datarecord import gen_inits
from foedus.engine import contract_gen

SOURCE = "def __init__(self, a):\n    self.a = a\n"


def _folder(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def contract_root(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "web" / "src").mkdir(parents=True)
    return tmp_path


def test_contract_gen_help_writes_nothing(contract_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        contract_gen.main(contract_root, ["--help"])
    assert stop.value.code == 0
    assert "--check" in capsys.readouterr().out
    assert _folder(contract_root) == {}


def test_contract_gen_check_names_the_stale_file(contract_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (contract_root / "docs" / "json-contract.md").write_text(contract_gen.markdown(), encoding="utf-8")
    (contract_root / "web" / "src" / "contract.ts").write_text("old", encoding="utf-8")
    before = _folder(contract_root)
    assert contract_gen.main(contract_root, ["--check"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "contract.ts" in err and "json-contract.md" not in err
    assert _folder(contract_root) == before
    assert contract_gen.main(contract_root) == 0  # no flag: both written
    assert contract_gen.main(contract_root, ["--check"]) == 0
    assert (contract_root / "web" / "src" / "contract.ts").read_text(encoding="utf-8") == contract_gen.typescript()


@pytest.fixture
def inits_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`gen_inits` writing into `tmp_path`, from one source rather than a flagship run."""
    monkeypatch.setattr(gen_inits, "FOLDER", tmp_path)
    monkeypatch.setattr(gen_inits, "generate", lambda: [SOURCE])
    return tmp_path


def test_gen_inits_help_writes_nothing(inits_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        gen_inits.main(["--help"])
    assert stop.value.code == 0
    assert "--check" in capsys.readouterr().out
    assert _folder(inits_folder) == {}


def test_gen_inits_check_names_a_stale_or_leftover_module(inits_folder: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert gen_inits.main(["--check"]) == 1
    assert "inits.py" in capsys.readouterr().err and _folder(inits_folder) == {}
    assert gen_inits.main() == 0
    written = _folder(inits_folder)
    assert written == gen_inits.render([SOURCE]) and SOURCE.splitlines()[0] in written["inits_0.py"]
    assert gen_inits.main(["--check"]) == 0
    (inits_folder / "inits_7.py").write_text("# an earlier run's\n", encoding="utf-8")
    assert gen_inits.main(["--check"]) == 1
    assert "inits_7.py" in capsys.readouterr().err and (inits_folder / "inits_7.py").exists()
    assert gen_inits.main() == 0
    assert _folder(inits_folder) == written


def test_records_gen_check_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    import foedus.model.records_gen as records_gen

    monkeypatch.setattr(records_gen, "OUT_DIR", tmp_path)
    assert records_gen.main(["--check"]) == 1
    assert "record_types.py" in capsys.readouterr().err and _folder(tmp_path) == {}
    assert records_gen.main() == 0
    assert records_gen.main(["--check"]) == 0


def test_fast_gen_check_names_the_stale_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m foedus.cli.fast_gen` took no `--check`, as the other generators do: it wrote the table each run."""
    from foedus.cli import fast_gen

    table = tmp_path / "fast_table.py"
    monkeypatch.setattr(fast_gen, "TABLE_FILE", table)
    monkeypatch.setattr(fast_gen, "generate", lambda: {})  # an empty table rather than the typer app's
    with pytest.raises(SystemExit) as stop:
        fast_gen.main(["--help"])
    assert stop.value.code == 0 and "--check" in capsys.readouterr().out and _folder(tmp_path) == {}
    assert fast_gen.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "fast_table.py" in err and _folder(tmp_path) == {}
    assert fast_gen.main() == 0
    assert _folder(tmp_path) == {"fast_table.py": fast_gen.render({})}
    assert fast_gen.main(["--check"]) == 0
    table.write_text("old", encoding="utf-8")
    assert fast_gen.main(["--check"]) == 1 and table.read_text(encoding="utf-8") == "old"
