"""A state listed twice in one list of a war or treaty file (`attacker: [RUS, RUS]`, or RUS and Russia), and a war
event given twice, were taken silently (the list was read as a set); each is now refused in one line naming the
repeat and where the state or event was first given (foedus.listed.listed_twice, the war reader's
_refuse_repeated). A treaty's members list refused a repeat already (overlapping membership); it still does."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import ListedTwiceError, ScenarioError, TreatyDataError, UnknownDatasetError, WarDataError
from foedus.model.loader import load_treaties
from foedus.war.loader import load_war
from samples import GOOD_TREATY
from test_input_messages import _error_line

WAR = "id: my_war\nname: My war\nevents:\n"
ATTACK = "  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"


@pytest.mark.parametrize(("events", "said"), [
    ("  - {type: attack, date: 2022-02-24, attacker: [RUS, RUS], victim: UKR}\n",
     "events[0].attacker[1]: RUS is listed twice (also events[0].attacker[0]); list each state once"),
    ("  - {type: attack, date: 2022-02-24, attacker: [Russia, BLR, RUS], victim: UKR}\n",
     "events[0].attacker[2]: RUS is listed twice (also events[0].attacker[0]); list each state once"),
    (ATTACK + "  - {type: entry, date: 2022-02-25, state: [BLR, Belarus], side: attack}\n",
     "events[1].state[1]: BLR is listed twice (also events[1].state[0]); list each state once"),
    (ATTACK + "  - {type: ceasefire, date: 2022-03-01, states: [UKR, RUS, UKR]}\n",
     "events[1].states[2]: UKR is listed twice (also events[1].states[0]); list each state once"),
    (ATTACK + ATTACK, "events[1]: repeats events[0] (RUS attacks UKR (ukraine), 2022-02-24); give each event once"),
    (ATTACK + "  - {type: attack, date: 2022-02-24, attacker: Russia, victim: [Ukraine], note: again}\n",
     "events[1]: repeats events[0] (RUS attacks UKR (ukraine), 2022-02-24); give each event once"),
    (ATTACK + "  - {type: exit, date: 2022-04-01, state: UKR}\n  - {type: exit, date: 2022-04-01, state: UKR}\n",
     "events[2]: repeats events[1] (UKR leaves the war, 2022-04-01); give each event once"),
    # the same strike again while an earlier one's `until` still holds it: the replay said "RUS's attack on UKR
    # (ukraine) ends" on the first's until, the second still going on (session 54's sweep)
    ("  - {type: attack, date: 2022-03-01, attacker: RUS, victim: UKR, until: 2022-09-01}\n"
     + ATTACK.replace("}", ", until: 2022-06-01}"),
     "events[0]: RUS attacks UKR (ukraine) (2022-03-01) is an attack that events[1] holds until 2022-06-01: the replay "
     "would say it ends then while this one still holds; end the first before, or make them one"),
    (ATTACK.replace("}", ", until: 2022-06-01}") + "  - {type: attack, date: 2022-05-01, attacker: [BLR, RUS], "
     "victim: UKR}\n", "events[1]: BLR attacks UKR (ukraine); RUS attacks UKR (ukraine) (2022-05-01) is an attack "
     "that events[0] holds until 2022-06-01: the replay would say it ends then while this one still holds; end the "
     "first before, or make them one"),
])
def test_a_state_listed_twice_or_an_event_given_twice_in_a_war_file_is_refused(
        tmp_path: Path, events: str, said: str) -> None:
    path = tmp_path / "war.yaml"
    path.write_text(WAR + events, encoding="utf-8")
    with pytest.raises(WarDataError) as caught:
        load_war(path)
    assert str(caught.value) == f"{path}: {said}"
    assert _error_line(["war", str(path)]) == f"{path}: {said}"


def test_the_same_attack_on_another_day_is_no_repeat(tmp_path: Path) -> None:
    path = tmp_path / "war.yaml"
    path.write_text(WAR + ATTACK + ATTACK.replace("2022-02-24", "2022-02-26"), encoding="utf-8")
    assert len(load_war(path).events) == 2
    # nor the same strike from the day an earlier one's `until` ends it, or at another place while it holds
    path.write_text(WAR + ATTACK.replace("}", ", until: 2022-06-01}") + ATTACK.replace("2022-02-24", "2022-06-01")
                    + ATTACK.replace("2022-02-24", "2022-03-01").replace("}", ", place: kherson-oblast}"),
                    encoding="utf-8")
    assert len(load_war(path).events) == 3


@pytest.mark.parametrize(("old", "new", "said"), [
    ("strength: S2}", "strength: S2, obligors: [CHL, Chile]}",
     "provisions[0].obligors[1]: CHL is listed twice (also provisions[0].obligors[0]); list each state once"),
    ("strength: S2}", "strength: S2, beneficiaries: [ARG, CHL, ARG]}",
     "provisions[0].beneficiaries[2]: ARG is listed twice (also provisions[0].beneficiaries[0]); list each state "
     "once"),
    ("strength: S2}", "strength: S2, adversary: {type: named, states: [PER, PER]}}",
     "provisions[0].adversary.states[1]: PER is listed twice (also provisions[0].adversary.states[0]); list each "
     "state once"),
    ("{state: ARG}]", "{state: ARG}, {state: Chile}]",
     "members[2].state: CHL is listed twice with overlapping membership (a state that left and rejoined needs a "
     "'left' date on the first)"),
])
def test_a_state_listed_twice_in_a_treaty_is_refused(tmp_path: Path, world: object, old: str, new: str,
                                                     said: str) -> None:
    path = tmp_path / "pact.yaml"
    assert old in GOOD_TREATY
    path.write_text(GOOD_TREATY.replace(old, new), encoding="utf-8")
    with pytest.raises(TreatyDataError) as caught:
        load_treaties([path], world.states, world.places)  # type: ignore[attr-defined]
    assert str(caught.value) == f"{path}: {said}"
    assert _error_line(["treaties", "validate", str(path)]) == f"{path}: {said}"


@pytest.mark.parametrize(("args", "said"), [
    (["dyads", "--from", "1914", "--to", "1914", "--add", "cinc,cinc"],
     "--add[1]: cinc is listed twice (also --add[0]); list each covariate once"),
    (["dyads", "--from", "1914", "--to", "1914", "--add", "conttype", "--add", "cowmaj,CINC", "--add", "cinc"],
     "--add[3]: cinc is listed twice (also --add[2]); list each covariate once"),
    (["cite", "atop", "cow_states", "ATOP"], "names[2]: atop is listed twice (also names[0]); list each dataset once"),
    (["cite", "--bibtex", "atop", "atop"], "names[1]: atop is listed twice (also names[0]); list each dataset once"),
])
def test_dyads_add_and_cite_refuse_a_name_given_twice(tmp_path: Path, args: list[str], said: str) -> None:
    """`dyads --add cinc,cinc` and `cite atop atop` took the repeat as one, where every other list a user gives
    refuses it (exit 2, the state lists' rule: foedus.listed.listed_twice); nothing is written."""
    out = tmp_path / "dyads.csv"
    assert _error_line(args + (["--out", str(out)] if args[0] == "dyads" else [])) == said
    assert not out.exists()


@pytest.mark.parametrize(("args", "said"), [
    (["--add", "cinc", "--add", "all"],
     "--add[1]: all adds every covariate, cinc (--add[0]) too; give all alone, or list each covariate once"),
    (["--add", "ALL,cowmaj"],
     "--add[0]: all adds every covariate, cowmaj (--add[1]) too; give all alone, or list each covariate once"),
    (["--add", "all", "--add", "bogus"], "unknown covariate 'bogus': choose from cinc, cowmaj, conttype (or all)"),
])
def test_dyads_add_refuses_all_with_another_name(tmp_path: Path, args: list[str], said: str) -> None:
    """`dyads --add cinc --add all` (or `all` with an unknown name) was taken as all: refused as a name given twice
    is, since all already adds it; nothing is written."""
    out = tmp_path / "dyads.csv"
    assert _error_line(["dyads", "--from", "1914", "--to", "1914", *args, "--out", str(out)]) == said
    assert not out.exists()


@pytest.mark.parametrize(("names", "said"), [
    (["atop", "atop"], "names[1]: atop is listed twice (also names[0]); list each dataset once"),
    (["cow_states", "atop", "ATOP "], "names[2]: atop is listed twice (also names[1]); list each dataset once"),
])
def test_data_fetch_refuses_a_name_given_twice(target: Path, names: list[str], said: str) -> None:
    """`data fetch atop atop` fetched atop once without a word; refused as `cite atop atop` is, before anything is
    fetched or the data folder made."""
    from foedus.datasets import fetch

    assert _error_line(["data", "fetch", *names, "--mirror", "http://127.0.0.1:9/"]) == said
    with pytest.raises(ListedTwiceError, match=r"^names\[\d\]: atop is listed twice"):
        fetch(names, mirror="http://127.0.0.1:9/")
    assert not target.exists()


def test_cite_gives_the_listed_twice_error_not_unknown_dataset() -> None:
    """A dataset named twice is known: `cite` raised UnknownDatasetError for it; it is a ListedTwiceError (the
    ScenarioError the state lists raise), and an unknown name is still an UnknownDatasetError, first."""
    from foedus.datasets import cite

    with pytest.raises(ListedTwiceError) as caught:
        cite(["atop", "atop"])
    assert not isinstance(caught.value, UnknownDatasetError)
    assert isinstance(caught.value, ScenarioError)
    with pytest.raises(UnknownDatasetError, match="unknown dataset 'nosuch'"):
        cite(["atop", "nosuch", "nosuch"])
