"""Every reason, condition and note a cascade writes names a state as "Armenia (ARM)" (`foedus.wording.named_state`,
from the world's registry), never by its id alone: a reader of `foedus cascade`, `foedus explain`, the API or the
web map cannot tell who "ARM" is. The structured fields (`state`, `because`, `toward`, ...) keep the ids."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest

import foedus
from foedus.engine.certainty_words import duty_of_words, left_fact, membership_fact, suspension_fact
from foedus.engine.leg import Leg
from foedus.engine.rules import assumptions, gate_named, gate_reason
from foedus.engine.table import leg_table
from foedus.model.vocab import Kind
from foedus.model.world import World
from foedus.war.changes import treaty_changes
from foedus.wording import named_state

DAY = "2025-06-01"
# the cascades, and the ones whose facts are a freeze (Armenia's CSTO), a suspended membership (Syria's Arab
# League), an exit near the date (Mexico's Rio exit, a doubt too; the UK's EU exit)
SCENARIOS = [("RUS", "EST", DAY), ("PRK", "KOR", DAY), ("CHN", "TWN", DAY), ("IRN", "ISR", DAY), ("RUS", "ARM", DAY),
             ("ISR", "SYR", "2020-06-01"), ("CUB", "USA", "2004-09-15"), ("RUS", "FRA", "2020-01-30")]
PROSE = {"reason", "conditions", "fact", "note", "notes"}  # the JSON's keys whose text is prose


def _prose(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Each text under a prose key of the JSON, with its key."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _prose(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _prose(v, key)
    elif isinstance(value, str) and key in PROSE:
        yield key, value


def _bare(text: str, names: dict[str, str]) -> list[str]:
    """The state ids in `text` not written "Name (ID)": a registry id standing as a word, not in brackets."""
    return [m.group(1) for m in re.finditer(r"(?<![\w(])([A-Z]{3}|COW\d+)(?![\w)])", text)
            if names.get(m.group(1), m.group(1)) != m.group(1)]


@pytest.fixture(scope="module")
def results(world: World) -> dict[tuple[str, str, str, str], dict[str, Any]]:
    return {(a, t, day, reading): foedus.cascade(a, t, day, reading=reading, world=world).to_dict()
            for a, t, day in SCENARIOS for reading in ("legal", "escalatory")}


def test_no_reason_condition_or_note_names_a_state_by_its_id_alone(
        world: World, results: dict[tuple[str, str, str, str], dict[str, Any]]) -> None:
    names = world.states.names
    bare = {(*run, key, text) for run, r in results.items() for key, text in _prose(r) if _bare(text, names)}
    assert sorted(bare) == []
    said = {key for r in results.values() for key, _ in _prose(r)}
    assert {"reason", "conditions", "fact"} <= said  # each kind of prose was checked
    kinds = {kind for r in results.values() for kind in ("withheld", "conflicts", "doubts") if r.get(kind)}
    assert kinds == {"withheld", "conflicts", "doubts"}


def test_the_structured_fields_keep_the_ids(results: dict[tuple[str, str, str, str], dict[str, Any]]) -> None:
    r = results[("PRK", "KOR", DAY, "escalatory")]
    conflicts = [c for c in r["conflicts"] if c["reason"].startswith("bound both to join and not to join")]
    assert conflicts
    by_state = {c["state"]: c["reason"] for c in conflicts}
    assert by_state["BLR"] == ("bound both to join and not to join the war against Bulgaria (BGR), Lithuania (LTU), "
                               "Poland (POL) and Romania (ROU)")
    assert {n["toward"] for c in conflicts if c["state"] == "BLR" for n in c["neutral"]} == {"BGR", "LTU", "POL", "ROU"}
    # the records themselves keep the ids
    assert {j["because"]["by"] for j in r["joiners"]} <= {"PRK", "KOR", *r["sides"]["attack"], *r["sides"]["defense"]}


def test_a_state_is_named_by_its_name_and_id_or_its_id_alone() -> None:
    assert named_state("ARM", {"ARM": "Armenia"}) == "Armenia (ARM)"
    assert named_state("BBB", {}) == "BBB"  # a made-up state of a test treaty: no name to give
    assert named_state("XYZ", {"XYZ": "XYZ"}) == "XYZ"  # named by its id: not "XYZ (XYZ)"


def _leg(world: World, treaty: str, obligor: str, beneficiary: str) -> Leg:
    return next(leg for leg in leg_table(world, dt.date.fromisoformat(DAY)).owed_to(Kind.DEFENSE, beneficiary)
                if leg.treaty.id == treaty and leg.obligor == obligor)


def test_each_gate_names_the_state_it_reads(world: World) -> None:
    names = world.states.names
    rio = _leg(world, "tiar_1947", "ARG", "USA")
    assert gate_named("request").reason(rio, names) == "help is request-gated and United States (USA) did not ask"
    assert any(a.startswith("request-gated: assumes United States (USA) asks for help") for a in assumptions(
        rio, names))
    korea = _leg(world, "usa_kor_1953", "USA", "KOR")
    assert gate_named("non_provocation").reason(korea, names) == ("South Korea (KOR) started the war "
                                                                  "(non-provocation clause)")
    assert gate_reason(korea, "non_provocation", names).startswith("South Korea (KOR) started the war")
    assert any(a.startswith("non-provocation: South Korea (KOR) did not start the war") for a in assumptions(
        korea, names))
    neutral = next(leg for leg in leg_table(world, dt.date.fromisoformat(DAY)).owed_to(Kind.NEUTRALITY, "KAZ")
                   if leg.treaty.id == "atop_4476" and leg.obligor == "GEO")
    assert gate_named("aggressor").reason(neutral, names).startswith("Kazakhstan (KAZ) is on the side that started")
    anzus = _leg(world, "anzus_1951", "USA", "NZL")
    assert gate_named("suspended").reason(anzus, names).startswith(
        "ANZUS suspends United States (USA)'s obligation to New Zealand (NZL) since 1986-08-11")


def test_the_state_of_war_condition_names_the_victim(world: World) -> None:
    prk = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", world=world).joiner("PRK")
    assert prk is not None
    assert "assumes the attack puts Russia (RUS) in a state of war" in prk.primary.conditions


def test_each_membership_fact_names_its_state(world: World) -> None:
    names = world.states.names
    csto, rio = world.treaties["csto_1992"], world.treaties["tiar_1947"]
    (reported, still) = [f for m in csto.members if m.state == "ARM" for f in membership_fact(csto, m, names)]
    # a membership continued, not one begun that day: the tag is of its going on from the row's first day
    assert reported.fact.startswith("csto_1992: Armenia (ARM), a party before 2024-06-12, stays one from that day on "
                                    "(known from secondary")
    assert still.fact.startswith("csto_1992: Armenia (ARM), a party before 2025-11-25, stays one from that day on "
                                 "(not verified)")
    (mex,) = [m for m in rio.members if m.state == "MEX"]
    assert left_fact(rio, mex, names)[0].fact.startswith("tiar_1947: Mexico (MEX) left on 2004-09-06")
    (cub,) = [m for m in rio.members if m.state == "CUB"]
    (began,) = suspension_fact(rio, "CUB", cub.suspended[0], "src", names)
    assert began.fact.startswith("tiar_1947: Cuba (CUB)'s suspension began on 1962-01-31")
    assert duty_of_words("USA", "NZL", "IV", names) == "United States (USA)'s duty to New Zealand (NZL) under art. IV"
    frozen = foedus.cascade("RUS", "ARM", DAY, world=world).to_dict()
    assert any(c.startswith("csto_1992: Armenia (ARM)'s participation is frozen since 2024-02-22")
               for j in frozen["joiners"] for c in j["conditions"])


def test_the_war_replays_treaty_changes_name_their_state(world: World) -> None:
    rio = world.treaties["tiar_1947"]
    changes = treaty_changes([rio], "in-force", dt.date(2004, 1, 1), dt.date(2005, 1, 1), world.states.names)
    facts = [r.fact for day in changes.values() for c in day if c.state == "MEX" for r in c.reasons]
    assert facts and all("Mexico (MEX)" in f for f in facts)


# the text renderings: `foedus cascade` (its tree, `explain_text`, the notebook table, the --ongoing-since lines) and
# `foedus war`; Azerbaijan's attack on Armenia has every kind of other finding (neutral, violation, consultation,
# support), North Korea's escalatory one conflicts, the Rio Treaty's suspended Cuba a withheld duty
TEXT_RUNS = [("AZE", "ARM", DAY, "legal"), ("RUS", "EST", DAY, "legal"), ("PRK", "KOR", DAY, "escalatory"),
             ("CUB", "USA", "2004-09-15", "legal"), ("ISR", "SYR", "2020-06-01", "legal")]


def _bare_lines(text: str, names: dict[str, str]) -> list[str]:
    """The lines of a text rendering that name a state by its id alone (the side lists too: they gave ids alone)."""
    return [line for line in text.splitlines() if _bare(line, names)]


def test_the_cascade_text_names_every_state(world: World, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.cli.show import print_result
    from foedus.render import explain_text, html_table
    from foedus.war.render import print_ongoing

    monkeypatch.setenv("COLUMNS", "400")  # no line wrapped inside a name
    names, texts = world.states.names, []
    for attacker, target, day, reading in TEXT_RUNS:
        result = foedus.cascade(attacker, target, day, reading=reading, world=world)
        print_result(result)
        texts += [capsys.readouterr().out, explain_text(result), html_table(result)]
    assert _bare_lines("\n".join(texts), names) == []
    kursk = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since="2024-08-06", world=world)
    assert kursk.ongoing is not None
    print_ongoing(kursk.ongoing, kursk.names)
    texts.append(capsys.readouterr().out)
    text = "\n".join(texts)
    assert _bare_lines(text, names) == []
    assert "2025-06-01 Azerbaijan (AZE) → Armenia (ARM) (territory, legal)" in text  # at home: not said again
    assert "because Azerbaijan (AZE) attacked Armenia (ARM)" in text and " at armenia" not in text
    assert "2025-06-01: Azerbaijan (AZE) attacks Armenia (ARM) (territory); legal reading" in text
    for said in ("Neutral: India (IND) must not join the war against Armenia (ARM) under atop_4758",
                 "Violation: Azerbaijan (AZE) attacks Armenia (ARM) despite",
                 "Consultation: France (FRA) consults Armenia (ARM) under atop_4445",
                 "Support: Turkey (TUR) is bound to give Azerbaijan (AZE) arms", "Conflict: ", "Withheld: ",
                 "\nattack: Azerbaijan (AZE)\n", "\ndefense: Armenia (ARM)", "\nAttack side: Azerbaijan (AZE)\n",
                 "\nDefense side: Armenia (ARM)",
                 "North Korea (PRK): 2024-12-04 (defense, rus_prk_2024 art. 4) — rus_prk_2024 enters into force",
                 "Belarus (BLR): 2024-08-06 (defense, csto_1992 art. 4 (secondary: article)) — Ukraine (UKR) attacks "
                 "Russia (RUS) at "
                 "Kursk Oblast"):
        assert said in text


@pytest.mark.parametrize("war", ["russia_ukraine_2022", "europe_1939_1941"])
def test_the_war_replay_text_names_every_state(war: str, world: World, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.war.render import print_replay

    monkeypatch.setenv("COLUMNS", "400")
    replay = foedus.replay_war(war, world=world)
    print_replay(replay)
    text = capsys.readouterr().out
    assert _bare_lines(text, world.states.names) == []
    said = {"russia_ukraine_2022": ["Kazakhstan (KAZ): must not join the war against Russia (RUS) from 2022-02-24",
                                    "Armenia (ARM): casus foederis 2024-08-06 toward Russia (RUS), csto_1992 art. 4",
                                    "Canada (CAN): consult Ukraine (UKR) from 2024-02-24",
                                    "Belarus (BLR): out → bound to defend Russia (RUS) against Ukraine (UKR)  "
                                    "(Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast)"],
            "europe_1939_1941": ["Bulgaria (BGR) becomes a party to atop_2515",
                                 "Belgium (BEL): defense → out  (Belgium (BEL) leaves the war)",
                                 "(Poland (POL), Soviet Union (RUS) leave the war)"]}[war]  # as called in 1939
    assert [s for s in said if s not in text] == []
    # the JSON keeps its labels by id (the web map and the docs read them)
    labels = {c["label"] for f in replay.to_dict()["frames"] for c in f["changes"]}
    assert {"russia_ukraine_2022": "UKR attacks RUS (kursk-oblast)",
            "europe_1939_1941": "BGR becomes a party to atop_2515"}[war] in labels
