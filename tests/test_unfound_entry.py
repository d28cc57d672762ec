"""Treaties signed whose entry into force was not found by end-2025 (`in_force: null`): the Pukpuk Treaty (fact sheet
§2.6), Kensington (§2.4) and France-Djibouti 2024 (§2.3), each "entry into force not found [U]". On the in-force
basis they bind no one, yet may be in force: each gives `in_force_certainty: {within: unknown, since: <signature>}`,
and a result on a day from then lists a doubt for it (docs/certainty.md), where it said nothing before."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import foedus
from foedus.catalog import treaty_detail
from foedus.model.overlay_changes import DropTreaty
from foedus.war.changes import treaty_changes

CURATED = foedus.World.load(history=False)

PUKPUK = ("aus_png_2025: the treaty was signed on 2025-10-06 and its entry into force was not found, the true date "
          "may be any day from 2025-10-06, or not yet (not verified)")


def _pukpuk(day: str, basis: str = "in-force") -> tuple[list[str], bool]:
    """The Pukpuk doubts of Indonesia's attack on Papua New Guinea on `day`, and whether Australia is bound by it."""
    r = foedus.cascade("IDN", "PNG", day, world=CURATED, basis=basis)
    aus = r.joiner("AUS")
    bound = aus is not None and any(o.treaty == "aus_png_2025" for o in [aus.primary, *aus.also])
    return [d.fact for d in r.doubts if d.treaty == "aus_png_2025"], bound


def test_pukpuk_not_found_in_force_is_a_doubt_and_binds_no_one() -> None:
    assert _pukpuk("2025-12-01") == ([f"{PUKPUK}; it may be in force on 2025-12-01"], False)
    assert _pukpuk("2025-10-06") == ([f"{PUKPUK}; it may be in force on 2025-10-06"], False)  # from the signature


def test_before_the_signature_and_on_the_signed_basis_there_is_no_doubt() -> None:
    assert _pukpuk("2025-10-05") == ([], False)  # not signed yet
    assert _pukpuk("2025-12-01", basis="signed") == ([], True)  # counted from the signature: bound, no doubt
    assert _pukpuk("2025-12-01")[0]  # the in-force basis says it


def _unfound(treaty: str, since: str, day: str = "2025-12-01", signed: str | None = None) -> list[str]:
    """The doubt of `treaty`, signed on `signed` (`since` unless given), on `day`, as a result lists it."""
    return [f"{treaty}: the treaty was signed on {signed or since} and its entry into force was not found, the true "
            f"date may be any day from {since}, or not yet (not verified); it may be in force on {day}"]


def _doubted(attacker: str, target: str, treaty: str, day: str = "2025-12-01", **scenario: Any) -> list[Any]:
    return [d for d in foedus.cascade(attacker, target, day, world=CURATED, **scenario).doubts if d.treaty == treaty]


def test_the_other_two_are_doubts_where_they_would_bind_someone_to_something_new() -> None:
    """Kensington's clause covers any territory, NATO's Art. 5 the North Atlantic area: Argentina on the Falklands
    leaves Germany out but for Kensington, so the doubt is listed, for both. France-Djibouti 2024 keeps the 2011
    treaty's commitment, which binds France already: its doubt is listed only where the 2011 treaty is dropped."""
    (kensington,) = _doubted("ARG", "GBR", "gbr_deu_2025", "2026-06-01", place="falkland-islands")
    assert [kensington.fact] == _unfound("gbr_deu_2025", "2026-03-01", "2026-06-01", signed="2025-07-17")
    assert kensington.concerns == ("DEU", "GBR")
    assert _doubted("SOM", "DJI", "fra_dji_2024") == []  # France is bound by fra_dji_2011 art. 4
    drop = [DropTreaty(treaty="fra_dji_2011")]
    (djibouti,) = _doubted("SOM", "DJI", "fra_dji_2024", what_if=drop)
    assert [djibouti.fact] == _unfound("fra_dji_2024", "2025-06-23", signed="2024-07-24")
    assert djibouti.concerns == ("DJI", "FRA")
    assert not _doubted("IDN", "PNG", "fra_dji_2024", what_if=drop)  # no party of it in that war


@pytest.mark.parametrize(("attacker", "target"), [("RUS", "EST"), ("RUS", "DEU"), ("CHN", "GBR")])
def test_kensington_is_no_doubt_where_nato_already_binds_both(attacker: str, target: str) -> None:
    """The UK and Germany are both bound by NATO's Art. 5 in these wars (both on the defence, or the one attacked
    and the other bound to it): Kensington in force would bind neither to anything new, so it is not listed."""
    r = foedus.cascade(attacker, target, "2026-06-01", world=CURATED)
    assert {"GBR", "DEU"} <= set(r.sides["defense"])
    assert not any(d.treaty == "gbr_deu_2025" for d in r.doubts)


def test_the_doubt_names_the_states_it_concerns_for_their_panels() -> None:
    """A doubt of a treaty names no state (`state` null): `concerns` says whose panels show it: Australia, which
    Pukpuk in force would bind to Papua New Guinea's defence, Papua New Guinea, and Malaysia and Singapore, which
    the Five Power arrangements would then bind to give Australia bases. The explanation names them."""
    from foedus.render import explain_lines

    r = foedus.cascade("IDN", "PNG", "2025-12-01", world=CURATED)
    (pukpuk,) = r.doubts
    assert (pukpuk.state, pukpuk.concerns) == (None, ("AUS", "MYS", "PNG", "SGP"))
    assert r.to_dict()["doubts"][0]["concerns"] == ["AUS", "MYS", "PNG", "SGP"]
    (line,) = [x for x in explain_lines(r) if x.startswith("Uncertain date: ")]
    assert line.endswith("; who is bound may differ: Australia (AUS), Malaysia (MYS), Papua New Guinea (PNG), "
                         "Singapore (SGP)")
    mexico = foedus.cascade("CUB", "USA", "2004-09-15", world=CURATED).doubts  # a party's doubt concerns it alone
    assert [(d.state, d.concerns) for d in mexico] == [("MEX", ("MEX",))]


def test_a_one_way_treaty_is_a_doubt_only_where_the_state_it_is_owed_to_fights() -> None:
    """France-Djibouti 2024 binds France to Djibouti only: a war France fights without Djibouti (RUS->EST, France
    bound by NATO) is no war the treaty could change, so it does not list the doubt; one on Djibouti does (with the
    2011 treaty, which binds France there already, dropped)."""
    nato_war = foedus.cascade("RUS", "EST", "2025-09-01", world=CURATED, what_if=[DropTreaty(treaty="fra_dji_2011")])
    assert nato_war.joiner("FRA") is not None
    assert not any(d.treaty == "fra_dji_2024" for d in nato_war.doubts)
    assert _doubted("SOM", "DJI", "fra_dji_2024", "2025-09-01", what_if=[DropTreaty(treaty="fra_dji_2011")])


def test_it_is_a_doubt_not_a_treaty_change_in_the_replay() -> None:
    """The war replay reads changes by date: a window on an entry into force not found adds none (it has no day);
    on the signed basis the signature is the change, taken as recorded. The day's result has the doubt instead."""
    pukpuk = [CURATED.treaty("aus_png_2025")]
    start, end = dt.date(2025, 1, 1), dt.date(2026, 12, 31)
    assert treaty_changes(pukpuk, "in-force", start, end, names={}) == {}
    (signed,) = treaty_changes(pukpuk, "signed", start, end, names={})[dt.date(2025, 10, 6)]
    assert (signed.what, signed.reasons) == ("signed", ())
    assert _pukpuk("2026-06-01")[0]


def test_treaties_show_says_not_found_and_from_when(capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.cli.treaty_show import print_treaty

    window = "the true date may be any day from 2025-10-06, or not yet (not verified)"
    detail = treaty_detail(CURATED, "aus_png_2025")
    assert detail["in_force_how_sure"] == f"verified; date: {window}"
    assert [m["how_sure"] for m in detail["members"]] == [f"verified; joined: {window}"] * 2
    monkeypatch.setenv("COLUMNS", "400")
    print_treaty(CURATED, "aus_png_2025", as_json=False)
    header = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("signed "))
    assert header.startswith(f"signed 2025-10-06; in force not found (verified; date: {window}; fact sheet §2.6")
    assert "not in force" not in header


def _treaty(**how: Any) -> dict[str, Any]:
    return {"id": "test_pact", "name": "Test pact", "signed": "2025-10-06", "in_force": None,
            "in_force_certainty": how, "sources": [{"url": "https://example.org/pact"}],
            "members": [{"state": "AAA"}, {"state": "BBB"}]}


@pytest.mark.parametrize(("how", "said"), [
    ({"within": "stand-in"}, r"in_force_certainty: within: stand-in needs an in_force day"),
    ({"within": "year"}, r"in_force_certainty: within: year needs an in_force day"),
    ({"within": "unknown"}, r"in_force_certainty: with in_force null \(entry into force not found\) give since"),
    ({"within": "unknown", "since": "2025-10-05"},
     r"in_force_certainty.since \(2025-10-05\) is before signed \(2025-10-06\)"),
    ({"within": "unknown", "since": "2025-10-06", "until": "2026-10-06"},
     r"in_force_certainty.until \(2026-10-06\) with in_force null"),
])
def test_a_window_an_entry_not_found_cannot_have_is_refused(how: dict[str, Any], said: str) -> None:
    from foedus.model.treaty import Treaty

    with pytest.raises(ValidationError, match=said):
        Treaty.model_validate(_treaty(**how))


@pytest.mark.parametrize(("window", "said"), [
    ("{within: unknown, since: 2025-10-05}", "in_force_certainty.since (2025-10-05) is before signed (2025-10-06)"),
    ("{within: unknown, since: 2025-10-06, until: 2026-01-01}", "in_force_certainty.until (2026-01-01) with in_force"),
    ("{within: stand-in}", "in_force_certainty: within: stand-in needs an in_force day"),
    ("{within: unknown}", "in_force_certainty: with in_force null (entry into force not found) give since"),
])
def test_a_file_with_such_a_window_is_one_line(tmp_path: Path, window: str, said: str) -> None:
    bundled = Path(foedus.__file__).parent / "data" / "treaties" / "aus_png_2025.yaml"
    text = bundled.read_text(encoding="utf-8")
    start = text.index("in_force_certainty: ")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text[:start] + f"in_force_certainty: {window}" + text[text.index("\n", start):], encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "treaties", "validate", str(bad)], capture_output=True,
                          text=True, env=os.environ.copy(), timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (line,) = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert f"{bad}: {said}" in line


def test_a_what_if_treaty_not_found_in_force_is_a_doubt_not_never_in_force() -> None:
    """A treaty added by a what-if with no `in_force` but a window it may have come in is not 'never in force': the
    result lists the doubt (Chile and Argentina's pact, Peru attacking Argentina, the Rio Treaty dropped: it binds Chile
    to Argentina's defence already, so the pact would add nothing), and no note says it cannot touch the scenario;
    with no window the note stays (tests/test_compare_later_what_if.py)."""
    import yaml

    from foedus.model.overlay import AddTreaty
    from samples import GOOD_TREATY

    text = GOOD_TREATY.replace("in_force: 2020-02-01\n",
                               "in_force_certainty: {within: unknown, since: 2020-01-01}\n")
    pact = AddTreaty(treaty=yaml.safe_load(text))
    assert not foedus.cascade("PER", "ARG", "2025-06-01", world=CURATED, what_if=[pact]).doubts  # Rio binds Chile
    r = foedus.cascade("PER", "ARG", "2025-06-01", world=CURATED, what_if=[pact, DropTreaty(treaty="tiar_1947")])
    assert not any("never in force" in n for n in r.notes)
    assert [d.fact for d in r.doubts if d.treaty == "my_pact"] == [
        "my_pact: the treaty was signed on 2020-01-01 and its entry into force was not found, the true date may be any "
        "day from 2020-01-01, or not yet (not verified); it may be in force on 2025-06-01"]
    chl = r.joiner("CHL")  # bound by no treaty here: not known to be in force
    assert chl is None or all(o.treaty != "my_pact" for o in [chl.primary, *chl.also])
