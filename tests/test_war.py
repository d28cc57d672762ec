"""Wars as they unfold: the worked wars, the war-file checks, the treaty timeline and `--ongoing-since`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from foedus.api import cascade, replay_war
from foedus.engine.scenario import Attack
from foedus.errors import WarDataError
from foedus.model.treaty import Treaty
from foedus.war.changes import treaty_changes
from foedus.war.events import War, WarEvent
from foedus.war.loader import load_war
from foedus.war.replay import replay
from samples import cli_line

ROOT = Path(__file__).resolve().parents[1]
WARS = ROOT / "src" / "foedus" / "data" / "wars"
D = dt.date
# the condition the cascade states for the CSTO's art. 4: request-gated (a span carries it, as a joiner does)
ASKS = ("request-gated: assumes Russia (RUS) asks for help (the clause's wording of this condition: known from "
        "secondary reporting only)")


# --- the flagship: North Korea bound from 2024-12-04, not before -------------------------------------------


@pytest.fixture(scope="module")
def kursk():  # type: ignore[no-untyped-def]
    return replay_war(WARS / "russia_ukraine_2022.yaml", until="2025-06-30")


def test_kursk_binds_north_korea_from_entry_into_force(kursk) -> None:  # type: ignore[no-untyped-def]
    b = kursk.first_bound("PRK")
    assert b is not None
    assert (b.date, b.side, b.treaty, b.article) == (D(2024, 12, 4), "attack", "rus_prk_2024", "4")
    assert (b.because.attacked, b.because.by, b.because.place) == ("RUS", "UKR", "kursk-oblast")
    assert b.cause is not None and (b.cause["type"], b.cause["treaty"], b.cause["change"]) == (
        "treaty", "rus_prk_2024", "in-force")


def test_a_binding_keeps_its_certainty(kursk) -> None:  # type: ignore[no-untyped-def]
    """The replay reports how sure each binding is, as a cascade on that day does: North Korea's 2024 treaty is
    verified; Belarus's first binding is the CSTO's Art. 4, known from secondary quotes (its ATOP alliance with
    Russia, carried past ATOP's coverage in 2018, binds it too, less well sourced)."""
    prk, blr = kursk.first_bound("PRK"), kursk.first_bound("BLR")
    assert prk is not None and prk.certainty == "verified"
    day = cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast").joiner("BLR")
    assert blr is not None and day is not None and (blr.treaty, blr.certainty) == (day.primary.treaty,
                                                                                    day.primary.certainty)
    assert (blr.treaty, blr.certainty) == ("csto_1992", "secondary")
    assert any(o.certainty == "carried-forward" for o in day.also)
    record = kursk.to_dict()["states"]
    spans = next(r for r in record if r["state"] == "BLR")["bound_spans"]
    assert spans and spans[0]["certainty"] == "secondary"


def test_each_bound_span_names_the_facts_it_rests_on_that_are_not_verified(kursk) -> None:  # type: ignore[no-untyped-def]
    """A record's `bound_spans`, like its `first_bound` and every duty, say which facts the binding rests on are not
    verified (`doubted`, by `foedus.war.why_record.doubted`): Kazakhstan, bound from 2024-08-06 by the CSTO's art. 4,
    an article known from secondary quotes; and each state's first span says what its `first_bound` does."""
    kaz = kursk.record("KAZ")
    assert kaz.bound_spans == [{"side": "attack", "from": "2024-08-06", "to": "2025-04-27", "treaty": "csto_1992",
                                "kind": "defense",
                                "because": {"attacked": "RUS", "by": "UKR", "place": "kursk-oblast",
                                            "target_kind": "territory"},
                                "article": "4", "instrument": "treaty", "certainty": "secondary",
                                "doubted": ["article"], "levels": {"article": "secondary"}, "conditions": [ASKS],
                                "unresolved": []}]
    firsts = [(r.bound_spans[0], r.first_bound) for r in kursk.states.values() if r.first_bound and r.bound_spans]
    assert len(firsts) >= 5
    for span, first in firsts:
        assert (span["treaty"], span["certainty"], span["doubted"]) == (first.treaty, first.certainty,
                                                                        list(first.doubted))


def test_the_replay_text_tags_duties_that_are_not_verified(kursk, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The text replay's other duties end with their certainty where it is not verified, as `cascade` does."""
    from foedus.war.render import print_replay

    monkeypatch.setenv("COLUMNS", "250")
    print_replay(kursk, timeline=False)
    text = capsys.readouterr().out
    assert "Canada (CAN): consult Ukraine (UKR) from 2024-02-24 (ukr_bilateral_2024 future-attack clause" in text
    kaz = ("Kazakhstan (KAZ): must not join the war against Russia (RUS) from 2022-02-24 (rus_kaz_2013 art. unknown "
           "(ATOP 6070's neutrality pledge")
    assert f"{kaz})) (unverified: treaty; secondary: article)" in text  # the article's own note of the doubt dropped
    tkm = ("Turkmenistan (TKM): must not join the war against Kazakhstan (KAZ) from 2024-08-06 (atop_4463 ATOP "
           "neutrality code)")
    assert f"{tkm} (carried-forward: " in text
    assert next(x for x in text.splitlines() if "(USA): consult Ukraine" in x).endswith("agreement))")
    assert next(x for x in text.splitlines() if "(GBR): consult Ukraine" in x).endswith(") (unverified: date)")
    # what binds each: the UK's agreement is reported politically binding only, the US's legally (the rows' own
    # instrument: tests/test_row_instrument.py)
    assert "(GBR): consult Ukraine (UKR) from 2024-01-12 (ukr_bilateral_2024 future-attack clause (numbering varies " \
        "by agreement) (a political statement, not a treaty)) (unverified: date)" in text
    assert "not a treaty" not in next(x for x in text.splitlines() if "(USA): consult Ukraine" in x)


def test_duties_to_consult_and_stay_out_keep_their_certainty(kursk) -> None:  # type: ignore[no-untyped-def]
    """The first day of each duty to consult or stay out, and of each casus foederis, carries that day's
    certainty: Canada's agreement with Ukraine, signed on 24 Feb 2024 (a sourced day), is taken as in force that day,
    which is not verified, as the UK's is not; the US's took effect on signature (verified); Kazakhstan's neutrality
    duty is read from the 2013 treaty as ATOP codes it (unverified)."""
    assert [(c["treaty"], c["date"], c["certainty"]) for c in kursk.record("CAN").consultations] == [
        ("ukr_bilateral_2024", "2024-02-24", "unverified")]
    assert [(c["treaty"], c["certainty"]) for c in kursk.record("GBR").consultations] == [
        ("ukr_bilateral_2024", "unverified")]
    assert [(c["treaty"], c["date"], c["certainty"]) for c in kursk.record("USA").consultations] == [
        ("ukr_bilateral_2024", "2024-06-13", "verified")]
    assert {(n["treaty"], n["certainty"]) for n in kursk.record("KAZ").neutral} == {("rus_kaz_2013", "unverified")}
    assert {(n["treaty"], n["certainty"]) for n in kursk.record("TKM").neutral} == {("atop_4463", "carried-forward")}
    # each casus foederis too: Belarus's under the CSTO (its Art. 4 as amended: secondary quotes) and under the
    # 1999 Union State treaty as ATOP codes it (carried past 2018); not the CIS Charter's, not carried (superseded)
    triggered = {(t["treaty"], t["article"]): t["certainty"] for t in kursk.record("BLR").triggered}
    assert (triggered[("csto_1992", "4")], triggered[("atop_4865_p2", "ATOP defense")]) == ("secondary",
                                                                                          "carried-forward")
    assert not any(treaty == "atop_4400" for treaty, _ in triggered)


def test_kursk_north_korea_not_bound_before(kursk) -> None:  # type: ignore[no-untyped-def]
    assert "PRK" not in kursk.status_on(D(2024, 12, 3))
    assert kursk.status_on(D(2024, 12, 4))["PRK"] == "bound-attack"
    assert kursk.status_on(D(2024, 8, 5)) == {"RUS": "attack", "UKR": "defense"}  # Kursk not yet invaded


def test_kursk_incursion_is_the_cause_for_the_csto_allies(kursk) -> None:  # type: ignore[no-untyped-def]
    b = kursk.first_bound("KAZ")
    assert b is not None and b.date == D(2024, 8, 6)
    assert b.cause is not None and b.cause["type"] == "attack" and b.cause["date"] == "2024-08-06"


def test_kursk_frames_are_a_playable_timeline(kursk) -> None:  # type: ignore[no-untyped-def]
    out = kursk.to_dict()
    json.dumps(out)  # plain JSON
    dates = [f["date"] for f in out["frames"]]
    assert dates == sorted(dates) and dates[0] == "2022-02-24"
    moved = [(f["date"], m["to"], m["cause"]["label"]) for f in out["frames"] for m in f["moved"]
             if m["state"] == "PRK"]
    assert moved[0] == ("2024-12-04", "bound-attack", "rus_prk_2024 enters into force")


def test_kursk_ends_with_russias_claim_of_26_april_2025_and_releases_its_allies(kursk) -> None:  # type: ignore[no-untyped-def]
    """The war file held Ukraine's attack at Kursk on to the data's end, so the replay bound Belarus, the CSTO and
    North Korea through all of 2025; it ends after 26 April 2025, the day Russia said it had retaken the region's
    last settlement (Russia's claim, disputed by Ukraine: the war file's note), and every duty it gave ends with it."""
    assert kursk.record("PRK").bound_spans[0]["from"] == "2024-12-04"
    assert [s["to"] for s in kursk.record("PRK").bound_spans] == ["2025-04-27"]
    for state in ("BLR", "KAZ", "KGZ", "TJK", "UZB", "PRK"):
        assert kursk.record(state).bound_spans[-1]["to"] == "2025-04-27", state
        assert kursk.status_on("2025-04-26").get(state) == "bound-attack" and state not in kursk.status_on("2025-04-27")
    ended = next(f for f in kursk.to_dict()["frames"] if f["date"] == "2025-04-27")
    assert [c["type"] for c in ended["changes"]] == ["attack-ends"]
    assert {m["state"] for m in ended["moved"]} >= {"BLR", "KAZ", "KGZ", "TJK", "UZB", "PRK"}


def test_ongoing_since_gives_the_same_date_in_one_line() -> None:
    r = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since="2024-08-06")
    assert r.joiner("PRK") is not None  # the cascade on --date is unchanged
    prk = r.ongoing["bound_since"]["PRK"]  # type: ignore[index]
    assert (prk["since"], prk["treaty"], prk["article"]) == ("2024-12-04", "rus_prk_2024", "4")
    assert r.ongoing["bound_since"]["KAZ"]["since"] == "2024-08-06"  # type: ignore[index]


def test_ongoing_since_cli_json_and_its_errors() -> None:
    proc = cli_line(["cascade", "-a", "UKR", "-t", "RUS", "--place", "kursk-oblast", "-d", "2025-01-15",
                     "--ongoing-since", "2024-08-06", "--json"])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["ongoing"]["bound_since"]["PRK"]["since"] == "2024-12-04"
    bad = cli_line(["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--ongoing-since", "2025-02-01"])
    assert bad.returncode == 2 and bad.stderr.strip().startswith("error:") and "after" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


# --- 1914: each European great power, as ATOP 5.1 codes its treaties ---------------------------------------


@pytest.fixture(scope="module")
def july():  # type: ignore[no-untyped-def]
    return replay_war(WARS / "july_crisis_1914.yaml")


@pytest.mark.needs_data
def test_1914_france_bound_first_by_the_franco_russian_convention(july) -> None:  # type: ignore[no-untyped-def]
    b = july.first_bound("FRA")
    assert b is not None and (b.date, b.side, b.treaty) == (D(1914, 8, 1), "defense", "atop_1385")
    assert (b.because.by, b.because.attacked) == ("DEU", "RUS")
    assert july.record("FRA").entered == D(1914, 8, 3)  # then attacked itself


@pytest.mark.needs_data
def test_1914_russia_at_war_before_any_treaty_bound_it(july) -> None:  # type: ignore[no-untyped-def]
    rus = july.record("RUS")
    assert rus.first_bound is None  # no ATOP alliance bound Russia to Serbia
    assert (rus.entered, rus.spells[0]["how"]) == (D(1914, 8, 1), "attacked")
    assert [(t["date"], t["treaty"], t["toward"]) for t in rus.triggered] == [("1914-08-03", "atop_1385", "FRA")]


@pytest.mark.needs_data
@pytest.mark.parametrize(("state", "entered", "how"), [
    ("COW300", D(1914, 7, 28), "attacker"),  # Austria-Hungary: the first attacker
    ("DEU", D(1914, 8, 1), "attacker"),  # Germany: no ATOP clause bound it before its own declaration
    ("GBR", D(1914, 8, 4), "attacker"),  # Britain: the 1839 guarantee of Belgium is not an ATOP alliance
])
def test_1914_powers_that_entered_unbound(july, state, entered, how) -> None:  # type: ignore[no-untyped-def]
    rec = july.record(state)
    assert rec.first_bound is None and rec.triggered == []
    assert (rec.entered, rec.spells[0]["how"]) == (entered, how)


@pytest.mark.needs_data
def test_1914_britain_only_consults_and_italy_stays_neutral(july) -> None:  # type: ignore[no-untyped-def]
    assert {(c["treaty"], c["date"]) for c in july.record("GBR").consultations} >= {("atop_1485", "1914-08-03")}
    ita = july.record("ITA")
    assert ita.first_bound is None and ita.spells == []
    assert {(n["treaty"], n["toward"], n["date"]) for n in ita.neutral} == {
        ("atop_1350_p4", "DEU", "1914-08-03"), ("atop_1420", "FRA", "1914-08-03")}
    # each duty carries its certainty that day, as the cascade reports it (ATOP within its coverage)
    assert {n["certainty"] for n in ita.neutral} == {"verified"}
    assert {c["certainty"] for c in july.record("GBR").consultations} == {"verified"}


@pytest.mark.needs_data
def test_1914_a_treaty_signed_during_the_crisis_binds(july) -> None:  # type: ignore[no-untyped-def]
    b = july.first_bound("TUR")  # the German-Ottoman alliance of 2 August 1914
    assert b is not None and (b.date, b.treaty, b.side) == (D(1914, 8, 2), "atop_2005", "attack")
    assert b.cause is not None and b.cause["type"] == "treaty"


@pytest.mark.needs_data
def test_1914_unresolved_conditions_read_as_unmet_release_france() -> None:
    r = replay_war(WARS / "july_crisis_1914.yaml", unresolved="unmet")
    assert r.first_bound("FRA") is None  # ATOP 1385's adversary condition is flagged, not specified


@pytest.mark.needs_data
def test_europe_1939_britain_bound_to_poland_then_japan_by_the_tripartite_pact() -> None:
    r = replay_war(WARS / "europe_1939_1941.yaml")
    gbr = r.first_bound("GBR")
    assert gbr is not None and (gbr.date, gbr.treaty) == (D(1939, 9, 1), "atop_2440_p2")
    jpn = r.first_bound("JPN")
    assert jpn is not None and (jpn.date, jpn.treaty) == (D(1940, 9, 27), "atop_2515")
    narrow = replay_war(WARS / "europe_1939_1941.yaml", unresolved="unmet", until="1941-06-21")
    assert narrow.first_bound("JPN") is None


# --- June 2025: Israel and Iran, the US strikes, and Iran's strike on Al Udeid in Qatar -------------------


@pytest.fixture(scope="module")
def twelve_days():  # type: ignore[no-untyped-def]
    return replay_war(WARS / "israel_iran_2025.yaml")


def test_2025_nobody_is_bound_until_iran_strikes_qatar(twelve_days) -> None:  # type: ignore[no-untyped-def]
    """Israel's strikes on Iran (13 June), Iran's on Israel and the US strikes on Iran's nuclear sites (22 June)
    bind no state to join (legal reading): no treaty the replay knows binds a state to Iran or to Israel; the US is
    fighting from 22 June as an attacker. Iran's strike at Al Udeid on 23 June is the first to bind."""
    assert (twelve_days.war.start, twelve_days.end) == (D(2025, 6, 13), D(2025, 6, 24))
    assert twelve_days.status_on(D(2025, 6, 13)) == {"ISR": "attack", "IRN": "defense"}
    assert twelve_days.status_on(D(2025, 6, 22)) == {"ISR": "attack", "USA": "attack", "IRN": "defense"}
    usa, qat = twelve_days.record("USA"), twelve_days.record("QAT")
    assert (usa.spells[0]["side"], usa.spells[0]["from"], usa.spells[0]["how"]) == ("attack", "2025-06-22", "attacker")
    assert (qat.spells[0]["side"], qat.spells[0]["from"], qat.spells[0]["how"]) == ("attack", "2025-06-23", "attacked")
    assert all(r.first_bound is None or r.first_bound.date == D(2025, 6, 23) for r in twelve_days.states.values())


def test_2025_the_strike_on_qatar_binds_the_gulf_and_the_arab_league_for_a_day(twelve_days) -> None:  # type: ignore[no-untyped-def]
    """On 23 June the Arab League's Joint Defence treaty (art. 2) binds its members to Qatar, the GCC states by the
    GCC Joint Defence Agreement too (art. 2, toward Qatar): on Israel's side of the war, the side Iran attacked
    Qatar from; the ceasefire of 24 June ends every attack, and with them every binding."""
    gcc = ("ARE", "BHR", "KWT", "OMN", "SAU")
    for state in gcc:
        b = twelve_days.first_bound(state)
        assert b is not None and (b.date, b.side, b.treaty, b.article) == (D(2025, 6, 23), "attack", "arab_jdec_1950",
                                                                           "2")
        assert (b.because.attacked, b.because.by) == ("QAT", "IRN") and "gcc_jda_2000" in {o.treaty for o in b.also}
        assert ("2025-06-23", "gcc_jda_2000", "QAT") in {(t["date"], t["treaty"], t["toward"])
                                                         for t in twelve_days.record(state).triggered}
        assert [(s["from"], s["to"]) for s in twelve_days.record(state).bound_spans] == [("2025-06-23", "2025-06-24")]
    bound = {s for s, r in twelve_days.states.items() if r.first_bound is not None}
    assert {"EGY", "JOR", "IRQ"} | set(gcc) <= bound and "QAT" not in bound and "USA" not in bound
    assert twelve_days.status_on(D(2025, 6, 23))["JOR"] == "bound-attack"
    assert not {s for s, st in twelve_days.status_on(D(2025, 6, 24)).items() if st.startswith("bound")}
    # Jordan, bound to Qatar against Iran, is also bound by its 1994 treaty not to join the war against Israel
    assert ("jor_isr_1994", "ISR") in {(n["treaty"], n["toward"]) for n in twelve_days.record("JOR").neutral}


# --- 2026: the US and Israeli strikes on Iran, Iran's strikes on the Gulf states and Jordan, the April ceasefire ---


@pytest.fixture(scope="module")
def iran_2026():  # type: ignore[no-untyped-def]
    return replay_war(WARS / "iran_2026.yaml")


def test_2026_the_gulf_states_and_jordan_are_struck_and_oman_a_day_later(iran_2026) -> None:  # type: ignore[no-untyped-def]
    """The sources' days: the US and Israel strike Iran on 28 Feb; Iran strikes Israel, the UAE (WAM), Bahrain,
    Qatar, Kuwait, Saudi Arabia and Jordan the same day, Oman on 1 Mar (Duqm); the ceasefire of 8 Apr ends the
    replay (the war is ongoing: its data ends with its last event)."""
    assert (iran_2026.war.start, iran_2026.end) == (D(2026, 2, 28), D(2026, 4, 8))
    day_one = iran_2026.status_on(D(2026, 2, 28))
    assert {s: day_one[s] for s in ("USA", "ISR", "IRN")} == {"USA": "attack", "ISR": "attack", "IRN": "defense"}
    for state in ("ARE", "BHR", "QAT", "KWT", "SAU", "JOR"):
        assert day_one[state] == "attack"
        assert (iran_2026.record(state).spells[0]["from"], iran_2026.record(state).spells[0]["how"]) == (
            "2026-02-28", "attacked")
    assert iran_2026.record("OMN").spells[0]["from"] == "2026-03-01"


def test_2026_iran_striking_saudi_arabia_binds_pakistan_and_the_arab_league_until_the_ceasefire(iran_2026) -> None:  # type: ignore[no-untyped-def]
    """In the legal reading Pakistan is bound to Saudi Arabia by the 2025 pact (its article unknown, its entry
    into force unverified) and Egypt by the Arab League treaty (Art. 2) from 28 Feb to the ceasefire; Oman is bound
    for a day, until it is struck itself. The US struck first: Iran's strike on US forces in Bahrain binds no NATO
    member in that reading, and does in the escalatory one."""
    pak = iran_2026.first_bound("PAK")
    assert pak is not None and (pak.date, pak.side, pak.treaty) == (D(2026, 2, 28), "attack", "sau_pak_2025")
    assert (pak.because.attacked, pak.because.by, pak.certainty) == ("SAU", "IRN", "unverified")
    spans = {s: [(b["from"], b["to"], b["treaty"]) for b in iran_2026.record(s).bound_spans] for s in ("PAK", "EGY",
                                                                                                       "OMN")}
    assert spans == {"PAK": [("2026-02-28", "2026-04-08", "sau_pak_2025")],
                     "EGY": [("2026-02-28", "2026-04-08", "arab_jdec_1950")],
                     "OMN": [("2026-02-28", "2026-03-01", "arab_jdec_1950")]}
    assert not {s for s, st in iran_2026.status_on(D(2026, 4, 8)).items() if st.startswith("bound")}
    assert iran_2026.first_bound("GBR") is None and iran_2026.first_bound("TUR") is None
    escalatory = replay_war(WARS / "iran_2026.yaml", reading="escalatory")
    gbr = escalatory.first_bound("GBR")
    assert gbr is not None and (gbr.date, gbr.treaty, gbr.because.attacked) == (D(2026, 2, 28), "nato_1949", "USA")


# --- war files: schema, references, course -----------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "war.yaml"
    path.write_text(text, encoding="utf-8")
    return path


HEAD = "id: test_war\nname: Test\nevents:\n"


@pytest.mark.parametrize(("body", "where", "problem"), [
    ("  - {type: attack, date: 2022-02-24, attacker: RUS}\n", "events[0].victim", "missing field 'victim'"),
    ("  - {type: attack, date: 2022-02-30, attacker: RUS, victim: UKR}\n", "events[0].date", "date"),
    ("  - {type: invade, date: 2022-02-24}\n", "events[0]", "type 'invade' is not one of attack, entry, exit, "
     "ceasefire"),
    ("  - {type: attack, date: 2022-02-24, attacker: Rusia, victim: UKR}\n", "events[0].attacker", "Rusia"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR, place: kursk-oblast}\n", "events[0].place",
     "not territory of Ukraine (UKR)"),
    # an empty place read "unknown place ''", not the scenario's words (foedus cascade --place '')
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR, place: ''}\n", "events[0].place",
     "place is empty: give a place id or name (`foedus places`), or leave it out"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR, place: '  '}\n", "events[0].place",
     "place is blank: give a place id or name"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: entry, date: 2022-03-01, state: RUS, side: defense}\n", "events[1] (2022-03-01)", "leave the war"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: exit, date: 2022-03-01, state: POL}\n", "events[1] (2022-03-01)", "not fighting"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR, until: 2022-02-01}\n", "events[0]",
     "not after"),
    ("  - {type: attack, date: 1066-10-14, attacker: RUS, victim: UKR}\n", "events[0].date",
     "outside the range foedus covers (1815-01-01 to 2100-12-31)"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR, until: 2200-01-01}\n", "events[0].until",
     "outside"),
    ("  - {type: attack, date: 2022-02-24, attacker: [], victim: UKR}\n", "events[0].attacker", "names no state"),
    # each of these ran, the event doing nothing or dropped unsaid
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: exit, date: 2022-03-01, state: []}\n",
     "events[1].state", "names no state: give at least one"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: entry, date: 2022-03-01, state: [], side: defense}\n", "events[1].state", "names no state"),
    ("end: 2022-03-01\n  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: attack, date: 2022-06-01, attacker: RUS, victim: POL}\n", "events[1] (2022-06-01)",
     "is after the war's end (2022-03-01): move the end, or the event"),
    # an attack held past the war's end was cut at the end unsaid (`until` is exclusive: 2022-03-02 holds through it)
    ("end: 2022-03-01\n  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR, until: 2022-03-02}\n"
     "  - {type: attack, date: 2022-02-25, attacker: BLR, victim: UKR, until: 2022-03-03}\n", "events[1] (2022-02-25)",
     "is an attack until 2022-03-03, after the war's end (2022-03-01), the last day replayed: move the end, or the "
     "until"),
    ("  - {type: entry, date: 2022-02-24, state: POL, side: defense}\n", "no attack among the events",
     "a war needs at least one (type: attack)"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: ceasefire, date: 2022-03-01, states: [Russia]}\n", "events[1] (2022-03-01)",
     "a ceasefire among one state (RUS) ends no attack"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: ceasefire, date: 2022-03-01, states: []}\n", "events[1].states",
     "names no state: list the states it is between, or leave states out to end every attack"),
    # dated before the war's start (its first attack), or before the state's own entry: each ran, or was refused
    # without the date that contradicts it
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: entry, date: 2022-02-01, state: BLR, side: attack}\n", "events[1] (2022-02-01)",
     "is an entry before the war's start, its first attack (2022-02-24): move the entry, or the attack"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: ceasefire, date: 2022-02-01}\n", "events[1] (2022-02-01)",
     "is a ceasefire before the war's start, its first attack (2022-02-24)"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: exit, date: 2022-02-01, state: RUS}\n", "events[1] (2022-02-01)",
     "is an exit before the war's start, its first attack (2022-02-24)"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: exit, date: 2022-03-01, state: BLR}\n  - {type: entry, date: 2022-04-01, state: BLR, side: attack}\n",
     "events[1] (2022-03-01)", "BLR leaves the war but is not fighting on 2022-03-01 (it enters the war later: "
     "events[2], 2022-04-01)"),
    # an exit or ceasefire on the day the state entered, or its attack began: the state, or the attack, was dropped
    # unsaid (the day's frame is taken after all its events), as Denmark occupied in a day would be
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: exit, date: 2022-02-24, state: UKR}\n", "events[1] (2022-02-24)",
     "UKR leaves the war on the day it entered it (events[0]), so it would never be counted as fighting"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: entry, date: 2022-03-01, state: BLR, side: attack}\n  - {type: exit, date: 2022-03-01, state: BLR}\n",
     "events[2] (2022-03-01)", "BLR leaves the war on the day it entered it (events[1])"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: attack, date: 2022-03-01, attacker: BLR, victim: UKR}\n"
     "  - {type: ceasefire, date: 2022-03-01, states: [BLR, UKR]}\n", "events[2] (2022-03-01)",
     "the ceasefire ends BLR's attack on UKR begun that same day (events[1]), so it would never be counted"),
    # a ceasefire that ends no attack (between allies, or after the attacks ended) ran, the attack meant going on
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: entry, date: 2022-03-01, state: BLR, side: attack}\n"
     "  - {type: ceasefire, date: 2022-04-01, states: [RUS, BLR]}\n", "events[2] (2022-04-01)",
     "the ceasefire ends no attack: none between BLR, RUS is ongoing on 2022-04-01"),
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR, until: 2022-03-01}\n"
     "  - {type: ceasefire, date: 2022-04-01}\n", "events[1] (2022-04-01)",
     "the ceasefire ends no attack: none is ongoing on 2022-04-01"),
    # an entry of a state already fighting on that side did nothing (a slip for another state)
    ("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
     "  - {type: entry, date: 2022-03-01, state: RUS, side: attack}\n", "events[1] (2022-03-01)",
     "RUS is already fighting on the attack side since 2022-02-24 (events[0]): the entry would change nothing"),
])
def test_bad_war_files_name_file_field_and_problem(tmp_path: Path, body: str, where: str, problem: str) -> None:
    head, _, events = (HEAD + body).partition("events:\n")
    if events.startswith("end:"):  # a war-level field, before the events
        end, _, events = events.partition("\n")
        head += end + "\n"
    path = _write(tmp_path, head + "events:\n" + events)
    with pytest.raises(WarDataError) as err:
        load_war(path)
    assert str(err.value).startswith(f"{path}: {where}")
    assert problem in str(err.value) and "Value error" not in str(err.value)


def test_cli_war_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    path = _write(tmp_path, HEAD + "  - {type: attack, date: 2022-02-24, attacker: RUS, victim: Narnia}\n")
    proc = cli_line(["war", str(path)])
    assert proc.returncode == 2 and proc.stderr.startswith(f"error: {path}: events[0].victim")
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    proc = cli_line(["war", str(path), "--json"])
    assert proc.returncode == 2 and json.loads(proc.stdout)["ok"] is False
    assert cli_line(["war", str(tmp_path / "missing.yaml")]).returncode == 2


def test_cli_war_entry_before_the_start_is_one_line_with_both_dates(tmp_path: Path) -> None:
    path = _write(tmp_path, HEAD + "  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"
                  "  - {type: entry, date: 2021-12-31, state: BLR, side: attack}\n")
    proc = cli_line(["war", str(path)])
    assert proc.returncode == 2 and proc.stderr.startswith(f"error: {path}: events[1] (2021-12-31) is an entry")
    assert "(2022-02-24)" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_cli_war_json_and_schema() -> None:
    proc = cli_line(["war", "russia_ukraine_2022", "--until", "2025-01-01", "--json"])  # a bundled war, by name
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"war", "settings", "states", "frames", "names", "renames", "notes"}
    assert out["renames"] == []  # no state of this war was renamed since 2022
    prk = next(s for s in out["states"] if s["state"] == "PRK")
    assert prk["first_bound"]["date"] == "2024-12-04"
    schema = json.loads(cli_line(["schema", "--war"]).stdout)
    assert "events" in schema["properties"] and "AttackEvent" in json.dumps(schema)


def test_exit_ceasefire_and_until_end_attacks(world) -> None:  # type: ignore[no-untyped-def]
    home = world.places.home
    a = Attack("UKR", "RUS", "kursk-oblast", "territory")
    war = War("t", "t", (WarEvent(0, "attack", D(2025, 1, 10), attacks=(a,), until=D(2025, 3, 1)),
                         WarEvent(1, "attack", D(2025, 1, 10), attacks=(Attack("RUS", "UKR", home("UKR").id,
                                                                                    "territory"),)),
                         WarEvent(2, "ceasefire", D(2025, 5, 1))), end=D(2025, 6, 1))
    r = replay(war, world)
    assert r.status_on(D(2025, 2, 1)).get("PRK") == "bound-defense"  # UKR attacked first here
    assert "PRK" not in r.status_on(D(2025, 3, 1))  # the incursion is over
    ended = [c for f in r.frames for c in f.changes if c["type"] == "attack-ends"]
    assert [(c["date"], c["attacker"]) for c in ended] == [("2025-03-01", "UKR")]
    prk = r.record("PRK")
    assert prk.bound_spans == [{"side": "defense", "from": "2025-01-10", "to": "2025-03-01", "treaty": "rus_prk_2024",
                                "kind": "defense",
                                "because": {"attacked": "RUS", "by": "UKR", "place": "kursk-oblast",
                                            "target_kind": "territory"},
                                "article": "4", "instrument": "treaty", "certainty": "verified", "doubted": [],
                                "levels": {}, "conditions": ["assumes the attack puts Russia (RUS) in a state of war"],
                                "unresolved": []}]


def test_treaty_changes_follow_the_basis() -> None:
    t = Treaty.model_validate({
        "id": "t_x", "name": "X", "signed": "2000-01-01", "in_force": "2000-06-01",
        "sources": [{"url": "https://example.org"}],
        "members": [{"state": "AAA"}, {"state": "BBB", "joined": "2001-01-01", "left": "2003-01-01",
                                       "suspended": [{"start": "2002-01-01", "end": "2002-06-01"}]}]})
    got = treaty_changes([t], "in-force", D(1999, 1, 1), D(2010, 1, 1), {})
    assert [(d.isoformat(), c.what, c.state) for d, cs in got.items() for c in cs] == [
        ("2000-06-01", "in-force", None), ("2001-01-01", "joins", "BBB"), ("2002-01-01", "suspended", "BBB"),
        ("2002-06-01", "restored", "BBB"), ("2003-01-01", "leaves", "BBB")]
    signed = treaty_changes([t], "signed", D(1999, 1, 1), D(2000, 12, 31), {})
    assert [c.what for cs in signed.values() for c in cs] == ["signed"]
    assert treaty_changes([t], "in-force", D(2000, 6, 1), D(2000, 12, 31), {}) == {}  # (start, end]: start excluded


def test_a_membership_recorded_anew_continues_and_nobody_leaves() -> None:
    """A state whose membership is split into two rows, the first ending the day the second begins (how a fact
    about it changes, e.g. Venezuela's Rio standing after Jan 2023), stays a party: the timeline keeps the date,
    since what the legs rest on changes, but says the membership continues, not that the state left and joined."""
    t = Treaty.model_validate({
        "id": "t_y", "name": "Y", "signed": "2000-01-01", "in_force": "2000-06-01",
        "sources": [{"url": "https://example.org/y"}],
        "members": [{"state": "AAA"}, {"state": "BBB", "left": "2004-01-01"},
                    {"state": "BBB", "joined": "2004-01-01", "certainty": "unverified"},
                    {"state": "CCC", "left": "2005-01-01"}, {"state": "CCC", "joined": "2006-01-01"}]})
    for basis in ("in-force", "signed"):
        got = treaty_changes([t], basis, D(2000, 12, 31), D(2010, 1, 1), {})  # type: ignore[arg-type]
        assert [(d.isoformat(), c.what, c.state) for d, cs in got.items() for c in cs] == [
            ("2004-01-01", "continues", "BBB"), ("2005-01-01", "leaves", "CCC"), ("2006-01-01", "joins", "CCC")]
    (change,) = treaty_changes([t], "in-force", D(2003, 1, 1), D(2004, 1, 1), {})[D(2004, 1, 1)]
    assert change.label == "BBB stays a party to t_y, its membership resting on other facts"

def _legs(index) -> set[tuple[str, str, str, str, str]]:  # type: ignore[no-untyped-def]
    return {(k.value, leg.beneficiary, leg.obligor, leg.treaty.id, leg.provision.article)
            for k, table in index.by_beneficiary.items() for legs in table.values() for leg in legs}


@pytest.mark.needs_data
@pytest.mark.parametrize("day", [D(1914, 8, 3), D(1940, 11, 21), D(1950, 7, 5), D(1991, 1, 16), D(2024, 12, 20)])
def test_a_date_and_its_epoch_compile_the_same_legs(world, day) -> None:  # type: ignore[no-untyped-def]
    # the replay evaluates each date with the legs of its epoch; this guards that shortcut against engine changes
    from foedus.engine.table import compile_table
    from foedus.war.replay import epoch_of

    epoch = epoch_of(world, "in-force", day)
    assert epoch <= day
    a, b = compile_table(world, day, "in-force"), compile_table(world, epoch, "in-force")
    assert _legs(a) == _legs(b) and a.members == b.members


def test_a_war_is_a_file_or_a_bundled_name_and_anything_else_one_line(tmp_path: Path) -> None:
    from foedus.war.bundled import bundled_wars, war_path

    assert set(bundled_wars()) == {p.stem for p in WARS.glob("*.yaml")}
    assert war_path("july_crisis_1914") == bundled_wars()["july_crisis_1914"]
    own = tmp_path / "july_crisis_1914"
    own.write_text("x")
    assert war_path(str(own)) == own  # a file that exists wins over a bundled name
    with pytest.raises(WarDataError, match=r"no bundled war of that name \(bundled: europe_1939_1941, "
                                           r"iran_2026, israel_iran_2025, july_crisis"):
        war_path("russia_ukraine")
    proc = cli_line(["war", "russia_ukraine"])
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "no such file" in proc.stderr


def test_the_war_commands_help_lists_the_bundled_wars_as_the_folder_lists_them() -> None:
    """The help listed the bundled wars by hand, and had missed israel_iran_2025 and iran_2026 when they were bundled;
    it is made from the folder's listing (`known_wars`, read without `importlib.resources`), so it names each bundled
    war, in the listing's order, the one the error messages list them in."""
    import typer

    from foedus.cli.app import app
    from foedus.war.bundled import bundled_wars

    root: Any = typer.main.get_command(app)
    listed = " ".join(next(p for p in root.commands["war"].params if p.name == "file").help.split())
    said = listed.split("a bundled war: ", 1)[1].rstrip(".").split(", ")
    assert said == list(bundled_wars()) == sorted(p.stem for p in WARS.glob("*.yaml")), said


def test_a_replay_notes_the_states_the_state_system_cannot_check(tmp_path: Path, world) -> None:  # type: ignore[no-untyped-def]
    """As a cascade does: a war before the COW system's first day, or with a state COW does not list, says that
    membership was not checked, once per day and state, and not for the states COW can check."""
    def notes(events: str, end: str) -> tuple[str, ...]:
        war = load_war(_write(tmp_path, f"id: test_war\nname: Test\nend: {end}\nevents:\n{events}"), world)
        return replay(war, world).notes

    old = notes("  - {type: attack, date: 1815-06-15, attacker: FRA, victim: NTH}\n"
                "  - {type: entry, date: 1815-06-18, state: GMY, side: defense}\n"
                "  - {type: attack, date: 1816-02-01, attacker: FRA, victim: NTH}\n", "1816-03-01")
    assert "the COW state system begins on 1816-01-01: whether France (FRA) and Netherlands (NLD) were states on " \
           "1815-06-15 is not checked" in old
    assert "the COW state system begins on 1816-01-01: whether Prussia (DEU) was a state on 1815-06-18 is not " \
           "checked" in old
    assert len([n for n in old if "COW state system" in n]) == 2  # not again for 1816
    gaza = notes("  - {type: attack, date: 2008-12-27, attacker: ISR, victim: PSE}\n", "2009-01-18")
    assert [n for n in gaza if "COW state system" in n] == [
        "Palestine (PSE) is not in the COW state system: whether it is a state is not checked"]
    recent = notes("  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n", "2022-03-01")
    assert not any("COW state system" in n for n in recent)


def test_a_replay_past_the_wars_end_is_refused() -> None:
    """--until after a war's end replayed its attacks as still running (states bound after the war was over)."""
    from foedus.errors import ScenarioError

    with pytest.raises(ScenarioError, match=r"^the replay would end \(1914-08-05\) after the war does \(1914-08-04\)"):
        replay_war("july_crisis_1914", until="1914-08-05")
    assert replay_war("july_crisis_1914", until="1914-08-04").end == dt.date(1914, 8, 4)


@pytest.mark.parametrize(("given", "hint"), [(" russia_ukraine_2022", "russia_ukraine_2022"),
                                             ("RUSSIA_UKRAINE_2022", "russia_ukraine_2022"),
                                             ("july_crisis_1914.yaml", "july_crisis_1914"), ("nope.yaml", None)])
def test_a_war_name_that_is_no_file_says_so_with_the_bundled_war_it_is_close_to(given: str, hint: str | None) -> None:
    """' russia_ukraine_2022' was read as a file's name and refused as a missing war file, the space dropped from
    the message ('russia_ukraine_2022: cannot read war file: no such file or folder', naming a bundled war as
    missing): now no such file and no bundled war of that name, with the bundled war it is close to."""
    from foedus.war.bundled import war_path

    with pytest.raises(WarDataError) as err:
        war_path(given)
    assert "no such file, and no bundled war of that name" in str(err.value)
    assert (f"did you mean {hint}?" in str(err.value)) if hint else "did you mean" not in str(err.value)


def test_no_timeline_with_json_is_refused_not_ignored() -> None:
    """The JSON holds every date's moves whatever --no-timeline says: it was silently ignored."""
    proc = cli_line(["war", "july_crisis_1914", "--json", "--no-timeline"])
    assert proc.returncode == 2 and proc.stderr == ("error: --no-timeline has no effect with --json (its frames hold "
                                                    "every date's moves); leave it out\n")
