"""`foedus depth` prints two methods references as `cite:` lines (Leeds & Anac 2005, Benson & Clinton 2016), but
`foedus cite` knew datasets only: it now knows the methods by name, in plain text and BibTeX as it prints datasets,
and the table's "data used" line names them in the `foedus cite` command it gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.research.measures import BENSON_CLINTON_2016, LEEDS_ANAC_2005
from samples import cli_line, error_line


def test_cite_prints_a_methods_reference_as_a_datasets() -> None:
    code, out, err = cli_line(["cite", "leeds_anac_2005", "Benson_Clinton_2016"])
    assert code == 0, err
    assert out.splitlines() == ["Military institutionalisation of alliances, milinst (method leeds_anac_2005, in "
                                "`foedus depth`):", f"  {LEEDS_ANAC_2005}", "",
                                "Depth and scope of military alliances (method benson_clinton_2016, in "
                                "`foedus depth`):",
                                f"  {BENSON_CLINTON_2016}"]


def test_cite_prints_a_methods_bibtex_after_the_datasets() -> None:
    code, out, err = cli_line(["cite", "atop", "benson_clinton_2016", "--bibtex"])
    assert code == 0, err
    keys = [line.split("{", 1)[1].rstrip(",") for line in out.splitlines() if line.startswith("@")]
    assert keys[0] == "foedus" and keys[-1] == "benson2016assessing" and "leeds2002atop" in keys
    assert "pages = {866--898}" in out


def test_cite_refuses_an_unknown_name_naming_the_methods_too() -> None:
    assert error_line(["cite", "leeds"]).endswith("; methods: leeds_anac_2005, benson_clinton_2016")
    assert error_line(["cite", "leeds_anac_2005", "LEEDS_ANAC_2005"]) == (
        "names[1]: leeds_anac_2005 is listed twice (also names[0]); list each method once")


@pytest.mark.needs_data
def test_the_depth_tables_cite_command_names_its_methods(tmp_path: Path) -> None:
    code, _, err = cli_line(["depth", "--out", str(tmp_path / "depth.parquet")])
    assert code == 0, err
    assert "`foedus cite atop leeds_anac_2005 benson_clinton_2016` says what to cite" in err
