"""A cascade on a day of a recorded war says so (`foedus.war.notes`): `foedus cascade -a RUS -t UKR -d
2024-12-15` said no state is bound, and nothing of North Korea, bound since 2024-12-04 in the war's replay through
Ukraine's attack at Kursk; a reader took the one attack for the war."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import foedus
from foedus.model.world import World
from samples import cli_line

PRK = "North Korea (PRK) under rus_prk_2024 art. 4 since 2024-12-04"
KURSK = "from the attack of Ukraine (UKR) on Russia (RUS) in Kursk Oblast (2024-08-06)"  # the place by name


def _war_notes(args: list[str]) -> list[str]:
    """The notes of `foedus ARGS --json` that speak of a recorded war."""
    code, out, err = cli_line([*args, "--json"])
    assert code == 0, err
    return [n for n in json.loads(out)["notes"] if "recorded war" in n]


@pytest.mark.needs_data
def test_a_cascade_of_a_pair_at_war_names_the_war_and_what_it_binds_besides() -> None:
    notes = _war_notes(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2024-12-15"])
    assert len(notes) == 1, notes
    note = notes[0]
    assert note.startswith("the attacker and the attacked state are at war on 2024-12-15 in the recorded war "
                           "russia_ukraine_2022 (Russia's invasion of Ukraine, with Ukraine's Kursk incursion); "
                           "this cascade reads this one attack only: on that day the war also binds, on the side of "
                           f"Russia (RUS), {KURSK}: ")
    assert PRK in note and "Belarus (BLR)" in note and "csto_1992 art. 4 since 2024-08-06" in note
    assert note.endswith("(foedus war russia_ukraine_2022 --until 2024-12-15; an attack's course since an earlier "
                         "day: foedus cascade --ongoing-since)")
    code, text, err = cli_line(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2024-12-15"])
    assert code == 0, err
    assert "russia_ukraine_2022" in text and "rus_prk_2024" in " ".join(text.split())
    # the day before North Korea's treaty: the war binds the others, not North Korea
    before = _war_notes(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2024-12-03"])
    assert len(before) == 1 and "North Korea" not in before[0] and "Belarus (BLR)" in before[0]


@pytest.mark.needs_data
@pytest.mark.parametrize("args", [
    ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"],  # no recorded war of the pair
    ["cascade", "-a", "CHN", "-t", "TWN", "-d", "2025-06-01"],
    ["cascade", "-a", "PRK", "-t", "KOR", "-d", "2025-06-01"],
    ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast"],  # binds all the war does
    ["cascade", "-a", "RUS", "-t", "UKR", "-d", "2022-01-15"],  # before the war
    ["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-06-01"],  # after Kursk (Russia's claim: 2025-04-26)
    ["demo"],
])
def test_no_war_note_where_no_recorded_war_binds_more(args: list[str]) -> None:
    code, out, err = cli_line(args)
    assert code == 0, err
    assert "recorded war" not in out
    # and the pair at war on the day does get it: the rule is not simply silent
    assert _war_notes(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-04-26"])


@pytest.mark.needs_data
def test_a_what_if_world_reads_the_war_in_that_world(world: World) -> None:
    """A what-if's world replays the war itself: without the Russia–DPRK treaty North Korea is not bound, the CSTO's
    members are; and the war's own evaluations take no note of the war (each would replay it again)."""
    dropped = foedus.cascade("RUS", "UKR", "2024-12-15", world=world, drop_treaty="rus_prk_2024")
    notes = [n for n in dropped.notes if "recorded war" in n]
    assert len(notes) == 1 and "North Korea" not in notes[0] and "csto_1992" in notes[0]
    run = foedus.replay_war("russia_ukraine_2022", until="2024-12-15")
    assert not any("recorded war" in n for e in run.evaluations if e.result for n in e.result.notes)


def test_the_demos_curated_world_reads_the_war_days_from_the_user_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """`foedus demo` builds its world anew each run from the bundled one's curated treaties: its war's days are
    kept in the user cache as the bundled world's are, not replayed on every run (a warm demo replayed
    russia_ukraine_2022 each time, +0.1 s of CPU)."""
    from foedus.model.treatymap import TreatyMap
    from foedus.war import note_days

    full = World.default()
    made: list[str] = []
    real = note_days._days

    def counted(world: World, wid: str, settings: tuple[object, ...]) -> object:
        made.append(wid)
        return real(world, wid, settings)

    monkeypatch.setattr(note_days, "_days", counted)
    settings = ("legal", "in-force", True, "recognized", "met", "withheld", "taken")
    days = [note_days.war_days(World(TreatyMap(full.treaties.curated), full.states, full.places),
                               "russia_ukraine_2022", settings) for _ in range(2)]
    assert days[0] == days[1] and days[0]
    assert len(made) <= 1  # the second world, another object, finds the first's days in the cache


@pytest.mark.needs_data
def test_a_duty_binding_many_states_counts_them_and_lists_their_codes() -> None:
    """iran_2026's note on a US strike on Iran named 15 Arab League members, each as "Comoros (COM)", in one run
    before the duty that binds them; past five states a duty counts them and lists them by code, a shorter list
    (names) keeps them named."""
    (note,) = _war_notes(["cascade", "-a", "USA", "-t", "IRN", "-d", "2026-03-10"])
    assert (": 15 states (COM, DJI, DZA, EGY, IRQ, LBN, LBY, MAR, MRT, PSE, SDN, SOM, SYR, TUN, YEM) under "
            "arab_jdec_1950 art. 2 since 2026-02-28; ") in note
    assert "Comoros (COM)" not in note and ": Pakistan (PAK) under sau_pak_2025 " in note


@pytest.mark.needs_data
def test_a_duty_s_article_is_cited_in_one_bracket() -> None:
    """sau_pak_2025's article "unknown (text not public)" read "under sau_pak_2025 (unknown (text not public)) since
    ...", brackets in brackets: the note cites it as every line does (`foedus.cited.cited`)."""
    (note,) = _war_notes(["cascade", "-a", "USA", "-t", "IRN", "-d", "2026-03-10"])
    assert "Pakistan (PAK) under sau_pak_2025 art. unknown (text not public) since 2026-02-28" in note
    assert "((" not in note and "))" not in note


@pytest.mark.needs_data
def test_the_attack_a_duty_rests_on_says_no_place_on_its_victims_home_territory() -> None:
    """Iran's strike on Bahrain, on Bahrain's home territory, read "on Bahrain (BHR) in bahrain": the state again,
    by its place id; place_words' rule says no place there (`foedus.place_words.at_place`), a place elsewhere by its
    name (Kursk Oblast: the first test)."""
    (note,) = _war_notes(["cascade", "-a", "USA", "-t", "IRN", "-d", "2026-03-10"])
    assert ", from the attack of Iran (IRN) on Bahrain (BHR) (2026-02-28): 15 states " in note
    assert ", from the attack of Iran (IRN) on Saudi Arabia (SAU) (2026-02-28): Pakistan (PAK) " in note
    assert " in bahrain" not in note and " in saudi" not in note


ATLAS_NOTE = ("2 ordered dyads of this atlas are at war on 2025-03-01 in the recorded war russia_ukraine_2022 "
              "(Russia's invasion of Ukraine, with Ukraine's Kursk incursion): RUS→UKR and UKR→RUS; each such row "
              "reads its one attack only, not the war: on that day the war binds, in the legal reading, on the side "
              "of Russia (RUS), Belarus (BLR), ")


@pytest.mark.needs_data
@pytest.mark.parametrize("extra", [["--reading", "legal"], ["--draws", "3", "--seed", "1"]], ids=["atlas", "draws"])
def test_an_atlas_on_a_day_of_a_recorded_war_names_its_pairs_at_war(tmp_path: Path, extra: list[str]) -> None:
    """An atlas of 2025-03-01 answered RUS→UKR and UKR→RUS as opening attacks with no word of the war: one note for
    the whole atlas (`foedus.war.sweep_notes`) names the pairs, what the war binds that day, and `foedus war`; on
    stderr and in the table's metadata alike."""
    out = tmp_path / "a.csv"
    code, _, err = cli_line(["atlas", "-d", "2025-03-01", *extra, "--out", str(out)])
    assert code == 0, err
    notes = [line.removeprefix("note: ") for line in err.splitlines() if "recorded war" in line]
    assert len(notes) == 1, notes
    assert notes[0].startswith(ATLAS_NOTE) and "North Korea (PRK)" in notes[0] and "escalatory" not in notes[0]
    assert notes[0].endswith("(foedus war russia_ukraine_2022 --until 2025-03-01)")
    meta = json.loads((tmp_path / "a.csv-metadata.json").read_text(encoding="utf-8"))["foedus"]
    assert [n for n in meta["notes"] if "recorded war" in n] == notes
    code, _, err = cli_line(["atlas", "-d", "2021-06-01", "--reading", "legal", "--out", str(tmp_path / "b.csv")])
    assert code == 0 and "recorded war" not in err  # before the war: no note


@pytest.mark.needs_data
def test_a_sweep_names_the_first_pairs_at_war_and_counts_the_rest(world: World) -> None:
    """On 1940-06-15 the Second World War's replay has 24 ordered dyads at war among the system's members: the note
    lists the first few by name and counts the rest, and says what each reading binds."""
    import datetime as dt

    from foedus.engine.outcome import DATA_END
    from foedus.sweeps.atlas import dyad_members
    from foedus.war.sweep_notes import SHOWN, sweep_war_notes

    day = dt.date(1940, 6, 15)
    switched = {"basis": "in-force", "requested": True, "unresolved": "met", "non_military": "withheld",
                "decisions": "taken"}
    notes = sweep_war_notes(world, day, dyad_members(world, day), ("legal", "escalatory"), switched, DATA_END)
    assert len(notes) == 1, notes
    listed = notes[0].split(": ", 1)[1].split("; ", 1)[0]
    assert notes[0].startswith("24 ordered dyads of this atlas are at war on 1940-06-15 in the recorded war "
                               "europe_1939_1941 ")
    assert listed.count("→") == SHOWN and listed.endswith(f"and {24 - SHOWN} more"), listed
    assert "GBR→DEU" in listed and "in the legal reading, on the side of United Kingdom (GBR)" in notes[0]
    assert "; in the escalatory reading, " in notes[0]


@pytest.mark.needs_data
def test_a_yearly_series_names_the_years_and_pairs_at_war(tmp_path: Path) -> None:
    """A series counts every dyad's cascade on 1 July of each year: RUS→UKR and UKR→RUS among them in 2022–2025,
    each as an opening attack; one note says so, with the years (`series_war_notes`); a series of no war's year,
    none."""
    code, _, err = cli_line(["atlas", "--from", "2021", "--to", "2025", "--reading", "legal", "--out",
                             str(tmp_path / "s.csv")])
    assert code == 0, err
    assert [line for line in err.splitlines() if "recorded war" in line] == [
        "note: 2 ordered dyads of this series are at war on 1 July in 2022–2025 in the recorded war "
        "russia_ukraine_2022 (Russia's invasion of Ukraine, with Ukraine's Kursk incursion): RUS→UKR and UKR→RUS; "
        "each year's figures read each such dyad's one attack only, not the war (foedus war russia_ukraine_2022 "
        "--until 2025-07-01)"]
    code, _, err = cli_line(["atlas", "--from", "2019", "--to", "2021", "--out", str(tmp_path / "t.csv")])
    assert code == 0 and "recorded war" not in err


@pytest.mark.needs_data
def test_dyad_years_whose_covariates_read_one_attack_of_a_war_say_so(tmp_path: Path) -> None:
    """`foedus dyads`' cascade covariates read each dyad's attack on 1 July: RUS→UKR's of 2024 is one attack of
    russia_ukraine_2022, and a note says so; without the covariates no cascade is read, and no note."""
    code, _, err = cli_line(["dyads", "--from", "2024", "--to", "2024", "--out", str(tmp_path / "d.csv")])
    assert code == 0, err
    assert [line for line in err.splitlines() if "recorded war" in line] == [
        "note: 2 ordered dyads of these dyad-years are at war on 1 July in 2024 in the recorded war "
        "russia_ukraine_2022 (Russia's invasion of Ukraine, with Ukraine's Kursk incursion): RUS→UKR and UKR→RUS; "
        "their cascade covariates read each such dyad's one attack only, not the war (foedus war "
        "russia_ukraine_2022 --until 2024-07-01)"]
    code, _, err = cli_line(["dyads", "--from", "2024", "--to", "2024", "--no-covariates", "--out",
                             str(tmp_path / "e.csv")])
    assert code == 0 and "recorded war" not in err


@pytest.mark.needs_data
def test_compare_atlas_names_each_atlas_dyads_at_war() -> None:
    """`foedus compare --atlas` compares two atlases: each one's dyads at war on its date are noted, in the JSON and
    on stderr, each war replayed in that atlas's world: without the Russia–DPRK treaty it binds no North Korea."""
    code, out, err = cli_line(["compare", "--atlas", "--date", "2025-03-01", "--drop-treaty", "rus_prk_2024",
                               "--reading", "legal", "--json"])
    assert code == 0, err
    notes = [n for n in json.loads(out)["notes"] if "recorded war" in n]
    assert [n.split(" are at war")[0] for n in notes] == ["2 ordered dyads of the base atlas",
                                                         "2 ordered dyads of the other atlas"]
    assert "North Korea (PRK)" in notes[0] and "North Korea" not in notes[1]
    assert [line.removeprefix("note: ") for line in err.splitlines() if "recorded war" in line] == notes


def test_a_replays_settings_are_read_in_one_order_from_a_scenario_or_a_sweeps_switches() -> None:
    """`replay_settings`: the one order of `settings_of`'s arguments (and `Settings`' fields), read from a scenario
    or from a sweep's switches with its reading and territory view given."""
    import dataclasses
    import datetime as dt
    import inspect

    from foedus.engine.scenario import Scenario
    from foedus.war.evaluate import Settings
    from foedus.war.notes import SETTINGS, replay_settings
    from foedus.war.replay import settings_of

    fields = tuple(f.name for f in dataclasses.fields(Settings))
    assert SETTINGS == tuple(inspect.signature(settings_of).parameters) == fields
    scenario = Scenario(date=dt.date(2024, 12, 15), attackers=("RUS",), targets=("UKR",), place="UKR-home",
                        reading="escalatory", basis="signed", unresolved="unmet", decisions="not-taken")
    assert replay_settings(scenario) == ("escalatory", "signed", True, "recognized", "unmet", "withheld", "not-taken")
    switched = {"basis": "signed", "requested": False, "unresolved": "met", "non_military": "bound",
                "decisions": "taken", "territory_view": "claimant"}
    assert replay_settings(switched, reading="legal", territory_view="recognized") == (
        "legal", "signed", False, "recognized", "met", "bound", "taken")
