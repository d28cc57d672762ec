"""Forms of help beyond the war clause: schema, encodings, the ATOP mapping, duties and support owed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from foedus.engine.rules import owed_support
from foedus.errors import TreatyDataError
from foedus.model.assistance import LEVELS, Assistance, Duty, HelpEntry, HelpForm
from foedus.model.help import duty_of, forms_of_help
from foedus.model.loader import bundled_treaty_files, load_treaties
from foedus.sources.atop_codes import CODE_KEYS, PROVISION_KEYS, assistance_from_codes, treaty_codes

needs_data = pytest.mark.needs_data


def test_levels_are_checked_per_form() -> None:
    assert HelpEntry(form="bases", level="one_way").level == "one_way"
    with pytest.raises(ValidationError, match="not one of bases's levels"):
        HelpEntry(form="bases", level="common_policy")
    with pytest.raises(ValidationError, match="'purpose' is required"):
        HelpEntry(form="organisation", level="named")
    with pytest.raises(ValidationError, match="'purpose' is required"):
        HelpEntry(form="arms", level="general", purpose="military")
    with pytest.raises(ValidationError, match="until"):
        HelpEntry(form="bases", level="one_way", since=2000, until=1990)


def test_block_rejects_repeated_duties_and_known_unknowns() -> None:
    with pytest.raises(ValidationError, match="one entry per article"):
        Assistance(duties=[{"article": "4", "entails": "aid"}, {"article": "4", "entails": "consult"}])
    with pytest.raises(ValidationError, match="both listed and marked unknown"):
        Assistance(forms=[{"form": "bases", "level": "one_way"}], unknown=["bases"])


def _yaml(tmp_path: Path, forms: str) -> Path:
    path = tmp_path / "t.yaml"
    path.write_text(
        "id: test_pact\nname: Test pact\nsigned: 2000-01-01\nin_force: 2000-01-01\n"
        "sources: [{url: 'https://example.org'}]\nmembers: [{state: USA}, {state: Japan}]\n"
        "provisions: [{kind: defense, article: '5', strength: S3}]\n"
        f"assistance:\n  forms:\n{forms}", encoding="utf-8")
    return path


def test_loader_resolves_givers_and_names_bad_ones(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = _yaml(tmp_path, "    - {form: bases, level: one_way, by: [Japan], to: [USA]}\n")
    treaty = load_treaties([good], world.states, world.places)["test_pact"]
    assert treaty.assistance is not None
    assert (treaty.assistance.forms[0].by, treaty.assistance.forms[0].to) == (["JPN"], ["USA"])
    bad = _yaml(good.parent, "    - {form: bases, level: one_way, by: [Atlantis]}\n")
    with pytest.raises(TreatyDataError, match=r"assistance\.forms\[0\]\.by\[0\]"):
        load_treaties([bad], world.states, world.places)


def test_every_bundled_treaty_encodes_its_help(world) -> None:  # type: ignore[no-untyped-def]
    treaties = load_treaties(bundled_treaty_files(), world.states, world.places)
    missing = [t for t, treaty in treaties.items() if treaty.assistance is None]
    assert not missing
    for treaty in treaties.values():
        assert treaty.assistance is not None
        articles = {p.article for p in treaty.provisions}
        assert {d.article for d in treaty.assistance.duties} <= articles, treaty.id


def test_flagged_cases_of_the_fact_sheet(world) -> None:  # type: ignore[no-untyped-def]
    def forms(tid: str) -> list[HelpEntry]:
        return list(world.treaty(tid).assistance.forms)

    prk = world.treaty("rus_prk_2024")
    duty = duty_of(prk, prk.provisions[0])
    assert (duty.article, duty.entails, duty.explicit) == ("4", Duty.ALL_MEANS, True)
    assert "all means" in (duty.wording or "")
    assert any("joint forces" in q for q in prk.assistance.open_questions)
    assert any(e.form is HelpForm.ARMS and e.when == "wartime" for e in forms("rus_prk_2024"))
    nato = [e for e in forms("nato_1949") if e.form is HelpForm.INTEGRATED_COMMAND]
    assert nato and nato[0].basis == "separate"
    cfc = [e for e in forms("usa_kor_1953") if e.form is HelpForm.INTEGRATED_COMMAND]
    assert cfc and cfc[0].since == 1978 and cfc[0].certainty == "unverified"
    japan = [e for e in forms("usa_jpn_1960") if e.form is HelpForm.BASES]
    assert (japan[0].article, japan[0].by, japan[0].to, japan[0].certainty) == ("VI", ["JPN"], ["USA"], "verified")
    assert any(e.level == "joint_forces" for e in forms("csto_1992"))
    assert set(world.treaty("sau_pak_2025").assistance.unknown) == set(LEVELS) - {HelpForm.TROOPS}


def test_duty_falls_back_to_strength_and_troops_come_first(world) -> None:  # type: ignore[no-untyped-def]
    kor = world.treaty("usa_kor_1953")
    assert duty_of(kor, kor.provisions[0]).entails is Duty.CONSTITUTIONAL
    assert not duty_of(kor, kor.provisions[0]).explicit
    listed = forms_of_help(kor)
    assert [e.form for e in listed[:2]] == [HelpForm.TROOPS, HelpForm.TROOPS]
    assert listed[0].article == "III"


def test_owed_support_excludes_self_help_and_undirected_industry() -> None:
    assert owed_support(HelpEntry(form="bases", level="one_way"))
    assert owed_support(HelpEntry(form="arms", level="general"))
    assert not owed_support(HelpEntry(form="arms", level="self_help"))
    assert not owed_support(HelpEntry(form="defence_industry", level="technology"))
    assert owed_support(HelpEntry(form="defence_industry", level="technology", to=["UKR"]))
    assert not owed_support(HelpEntry(form="bases", level="one_way", basis="separate"))  # not the treaty's duty
    assert not owed_support(HelpEntry(form="bases", level="reciprocal"))  # an access framework, visits by consent
    assert not owed_support(HelpEntry(form="economic_aid", level="general", to=["UKR"]))


def test_codes_round_trip_through_forms() -> None:
    """Every in-codebook combination of provision codes survives codes -> forms -> codes."""
    import itertools

    from foedus.model.treaty import Treaty

    base = {"id": "x", "name": "x", "signed": "2000-01-01", "sources": [{"url": "https://e.org"}],
            "members": [{"state": "USA"}, {"state": "CAN"}]}
    for milaid, base_code, milcon, subord, ecaid, organ in itertools.product(
            range(5), range(4), range(4), range(3), range(4), range(4)):
        codes = {"milaid": milaid, "base": base_code, "milcon": milcon, "intcom": subord % 2, "subord": subord,
                 "contrib": milcon % 2, "ecaid": ecaid, "organ1": organ, "orgpurp1": organ and 4 - organ % 2,
                 "organ2": 0, "orgpurp2": 0}
        treaty = Treaty.model_validate(base | {"assistance": assistance_from_codes(codes)})
        got = treaty_codes(treaty)
        assert {k: got[k] for k in PROVISION_KEYS} == codes


def test_missing_codes_mark_forms_unknown() -> None:
    block = assistance_from_codes(dict.fromkeys(CODE_KEYS))
    assert set(block.unknown) == set(LEVELS) - {HelpForm.TROOPS}


@needs_data
def test_atop_import_keeps_every_provision_code(world) -> None:  # type: ignore[no-untyped-def]
    from foedus.sources.atop import atop_treaties, read_member_rows
    from foedus.sources.atop_codes import codes_from_row

    rows = read_member_rows()
    by_phase = {}
    for row in rows:
        by_phase.setdefault((int(row["atopid"]), int(row["phase"])), row)
    treaties = atop_treaties(rows, world.states)
    assert treaties
    for t in treaties:
        atopid, _, phase = t.id.removeprefix("atop_").partition("_p")
        row = codes_from_row(by_phase[(int(atopid), int(phase or 0))])
        got = treaty_codes(t)
        for key in ("milaid", "base", "milcon", "contrib", "ecaid", "intcom", "subord"):
            if row[key] is not None and row["intcom"] is not None:  # a missing INTCOM hides SUBORD too
                assert got[key] == row[key], (t.id, key)
        if row["organ1"] is not None:  # the same organisations, the highest level first
            pairs = {(row[f"organ{n}"], row[f"orgpurp{n}"]) for n in (1, 2)} - {(0, 0)}
            assert {(got[f"organ{n}"], got[f"orgpurp{n}"]) for n in (1, 2)} - {(0, 0)} == pairs, t.id


@needs_data
def test_japan_is_bound_to_support_the_us_without_fighting(world) -> None:  # type: ignore[no-untyped-def]
    from foedus.api import cascade

    result = cascade("PRK", "KOR", "2025-06-01")  # a war in the Far East: Art. VI's place limit (test_support_scope.py)
    fighting = [j.state for j in result.joiners]
    found = result.supporters
    japan = [s for s in found if s.state == "JPN" and s.supports == "USA"]
    assert "JPN" not in fighting
    assert japan and (japan[0].treaty, japan[0].article, japan[0].form) == ("usa_jpn_1960", "VI", "bases")
    assert all(s.state not in fighting and s.state not in result.sides["attack"] for s in found)


@needs_data
def test_flagship_duty_and_support(world) -> None:  # type: ignore[no-untyped-def]
    from foedus.api import cascade

    result = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
    prk = result.joiner("PRK")
    assert prk is not None
    assert prk.primary.entails == Duty.ALL_MEANS.value and "all means" in prk.primary.duty
    found = result.supporters
    assert [s for s in found if s.supports == "RUS"] == []
    wartime_for_ukraine = [s for s in found if s.supports == "UKR" and s.when == "wartime"]
    assert wartime_for_ukraine == []  # Ukraine attacked; help owed on a Russian attack is not set off
    text = result.explain()
    lines = [line for line in text.splitlines() if line.startswith("Support: ")]
    assert len(lines) == len({(s.state, s.supports) for s in found})  # one line per supporter and belligerent
    usa = next(line for line in lines if "(USA)" in line)
    assert "Ukraine (UKR) arms and defence industry (ukr_bilateral_2024" in usa


@needs_data
def test_a_supporter_under_two_provisions_is_listed_once_with_both_cited(world) -> None:  # type: ignore[no-untyped-def]
    """Russia on Ukraine in Dec 2024: each partner of a Ukraine agreement owes arms once Ukraine is attacked (wartime,
    verified) and arms and defence industry in peacetime (unverified), two provisions of one agreement. The text
    names each such state once, under a heading, each provision below it with when it is owed and its certainty;
    the JSON keeps a record per form and provision."""
    from foedus.api import cascade

    result = cascade("RUS", "UKR", "2024-12-15")
    belgium = [(s.treaty, s.form, s.when, s.certainty) for s in result.supporters if s.state == "BEL"]
    assert belgium == [("ukr_bilateral_2024", "arms", "wartime", "verified"),
                       ("ukr_bilateral_2024", "arms", "peacetime", "unverified"),
                       ("ukr_bilateral_2024", "defence_industry", "peacetime", "unverified")]
    lines = result.explain().splitlines()
    heads = [line for line in lines if line.startswith("Support: ")]
    assert len(heads) == len({(s.state, s.supports) for s in result.supporters})  # each state once
    at = lines.index("Support: Belgium (BEL) has pledged to give Ukraine (UKR), without being bound to fight, under 2 "
                     "provisions:")
    assert lines[at + 1:at + 3] == [
        "      arms (ukr_bilateral_2024, a political statement, not a treaty; once attacked; verified)",
        "      arms and defence industry (ukr_bilateral_2024, a political statement, not a treaty; in peace and "
        "war; unverified)"]
    assert not any("treaty)," in line for line in lines)  # the instrument's words in no bracket within the bracket
