"""A commitment that is not a treaty says so wherever its duty is cited: the US executive order on Qatar
(`usa_qat_eo_2025`) binds the US to join Qatar's defence, but a reader weighs a revocable executive order apart
from a treaty's duty. The treaty file records the kind of instrument (`instrument`, a closed vocabulary, default
treaty); the cascade's joiner line, its JSON, `foedus treaties show` and `foedus treaties list` say it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import foedus
from foedus.cited import instrument_said
from foedus.model.treaty import Instrument
from foedus.model.vocab import INSTRUMENT_WORDS
from samples import cli_line, treaty_files

QATAR = ["cascade", "-a", "IRN", "-t", "QAT", "-d", "2026-06-01"]

def _pact(tmp_path: Path, instrument: str, tid: str = "my_pact", strength: str = "S2") -> Path:
    """A defence pact of France and Germany (art. 5) under `instrument` ("": none said, a treaty by default)."""
    (path,) = treaty_files(tmp_path, {tid: (instrument, "FRA DEU", "defense", "5", strength, "verified")})
    return path


def _joiners(args: list[str]) -> dict[str, dict[str, Any]]:
    ran = cli_line([*args, "--json"])
    assert ran.returncode == 0, ran.stderr
    return {j["state"]: j for j in json.loads(ran.stdout)["joiners"]}


def test_the_bundled_files_record_what_is_not_a_treaty() -> None:
    """Where the fact sheet (§4) or the file's own source says the instrument is not a treaty; a treaty by default."""
    world = foedus.load_world()
    kinds = {t: world.treaty(t).instrument for t in ("usa_qat_eo_2025", "usa_twn_tra_1979", "quad", "aukus_2021",
                                                      "nato_1949", "ukr_bilateral_2024")}
    assert kinds == {"usa_qat_eo_2025": Instrument.EXECUTIVE_ORDER, "usa_twn_tra_1979": Instrument.STATUTE,
                     "quad": Instrument.FORUM, "aukus_2021": Instrument.POLITICAL_STATEMENT,
                     "nato_1949": Instrument.TREATY, "ukr_bilateral_2024": Instrument.TREATY}


def test_every_instrument_but_a_treaty_has_its_words() -> None:
    assert set(INSTRUMENT_WORDS) == set(Instrument) - {Instrument.TREATY}
    assert instrument_said("treaty") == ""
    assert instrument_said("executive_order") == " (an executive order, not a treaty)"


def test_the_joiner_line_says_the_order_is_not_a_treaty() -> None:
    """The US joins Qatar's defence under the executive order, said to be one; Bahrain's treaty duty says nothing."""
    ran = cli_line(QATAR)
    assert ran.returncode == 0, ran.stderr
    text = " ".join(ran.stdout.replace("│", " ").split())  # the tree's folds and rules undone
    assert ("United States (USA) is bound to join the defense side: usa_qat_eo_2025 EO [S5: a one-way guarantee] (an "
            "executive order, not a treaty) because Iran (IRN) attacked Qatar (QAT)") in text
    assert text.count("not a treaty") == 1


def test_the_json_joiner_names_its_instrument() -> None:
    joiners = _joiners(QATAR)
    assert joiners["USA"]["treaty"] == "usa_qat_eo_2025"
    assert joiners["USA"]["instrument"] == "executive_order"
    assert joiners["BHR"]["instrument"] == "treaty"


def test_who_joins_does_not_change_with_the_instrument(tmp_path: Path) -> None:
    """The same pact as a treaty and as an executive order binds the same states, under the same article."""
    found = {}
    for kind in ("", "executive_order"):
        (folder := tmp_path / (kind or "none")).mkdir()
        path = _pact(folder, kind)
        joiners = _joiners(["cascade", "-a", "RUS", "-t", "FRA", "-d", "2024-01-01", "--treaties", str(path)])
        found[kind] = {s: (j["treaty"], j["article"], j["instrument"]) for s, j in joiners.items()
                       if j["treaty"] == "my_pact"}
    assert found[""] == {"DEU": ("my_pact", "5", "treaty")}
    assert found["executive_order"] == {"DEU": ("my_pact", "5", "executive_order")}


def test_an_unknown_instrument_is_refused(tmp_path: Path) -> None:
    path = _pact(tmp_path, "memo")
    ran = cli_line(["treaties", "validate", str(path)])
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert ("instrument: must be 'treaty', 'executive_order', 'statute', 'political_statement' or 'forum' (got 'memo')"
            in ran.stderr)


def test_treaties_show_and_list_say_it() -> None:
    shown = cli_line(["treaties", "show", "usa_qat_eo_2025"])
    assert "instrument: an executive order, not a treaty" in shown.stdout
    assert "instrument:" not in cli_line(["treaties", "show", "nato_1949"]).stdout
    assert json.loads(cli_line(["treaties", "show", "usa_twn_tra_1979", "--json"]).stdout)["instrument"] == "statute"
    rows = {r["id"]: r for r in json.loads(cli_line(["treaties", "list", "--format", "json"]).stdout)}
    assert (rows["usa_qat_eo_2025"]["instrument"], rows["nato_1949"]["instrument"]) == ("executive_order", "treaty")
    table = cli_line(["treaties", "list"]).stdout
    assert "US-Qatar security EO (an executive order, not a treaty)" in " ".join(table.split())


def test_an_order_that_also_binds_says_so(tmp_path: Path) -> None:
    """A state bound by a treaty and also by an executive order: the order, cited after "also", says what it is."""
    treaty, order = _pact(tmp_path, ""), _pact(tmp_path, "executive_order", "my_order", "S5")
    ran = cli_line(["cascade", "-a", "RUS", "-t", "FRA", "-d", "2024-01-01", "--treaties", str(treaty),
                    "--treaties", str(order)])
    assert ran.returncode == 0, ran.stderr
    text = " ".join(ran.stdout.replace("│", " ").split())
    line = text[text.index("Germany (DEU) is bound to join the defense side: my_pact art. 5 [S2"):]
    line = line[:line.index("its duty")]
    assert line.count("not a treaty") == 1 and "my_order art. 5 (an executive order, not a treaty)" in line
    assert line.index("also ") < line.index("my_order")
