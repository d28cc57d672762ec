"""The web page words some lines the CLI also words; each pair is run here on the same records, the Python side
beside the TypeScript one (web/src/said.ts and web/src/wording.ts, in node: tests/ts_said.py), so that a change to
one side alone fails: the attack that set an obligation off and its verb, the header's verb, a comparison's
changes and ongoing lines, a war's moves, a date's doubt, a conflict's line and its doubted duties, a state's name,
an ordinal, a finding's certainty, a war's change, whether the likelihood model beat the base rate, how a
provision's article is cited, a war's states' names on a date, a state's other duties in a war and their heading,
the title of a treaty's notes on its memberships' doubted facts, how an alliance carried past ATOP's coverage
stands after it, what an instrument that is not a treaty is said to be beside its citation, and how a neutrality
duty or a consultation cites its provision.

They need node and web/node_modules (`cd web && npm ci`); without them they skip, saying which is missing (CI's clean
clone has no web/node_modules). Set FOEDUS_REQUIRE_NODE=1 to make them fail instead of skipping, in a run that must
check the parity (the lead's full runs)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from types import SimpleNamespace
from typing import Any

import pytest

from foedus import render
from foedus.by_name import by_name
from foedus.cited import article_cited, bound_tag, cited, instrument_said
from foedus.cli.likely_show import side_owned, side_said
from foedus.code_words import likelihood_reading
from foedus.conflict_words import conflict_doubt, doubted_duties
from foedus.engine.certainty_words import window_facts
from foedus.engine.likely_records import base_rate_standing
from foedus.engine.records import Because, Doubt
from foedus.engine.result import CascadeResult as Result
from foedus.engine.rules.strikes import STRIKES, Strikes
from foedus.likely.attach import warnings_of
from foedus.likely.model import load_model
from foedus.sweeps.compare_dated import dated_line
from foedus.sweeps.compare_words import change_words
from foedus.war.ongoing_changes import BoundSince, Lapse, MovedSince, OngoingChanges, SwitchedSince, ongoing_said
from foedus.war.render import _move_words
from foedus.war.result import war_names_on
from foedus.war.words import also_said, change_said, duty_lines, side_words
from foedus.wording import named_state, ordinal
from ts_said import ROOT, run_ts

NAMES = {"RUS": "Russia", "EST": "Estonia", "USA": "United States"}  # BLR has none: its id alone
STATES = ("RUS", "EST", "USA", "BLR")


def _scenarios() -> list[dict[str, Any]]:
    """The result's keys the header and "because" read, `strikes_assumed` as the result's JSON computes it (from the
    strikes rule in force)."""
    found = [{"attackers": attackers, "targets": ["EST"], "severity": severity, "reading": reading}
             for attackers, severity, reading in itertools.product(
                 (["RUS"], ["RUS", "BLR"]), ("armed-attack", "incursion", "coercion"), ("legal", "escalatory"))]
    return [s | {"strikes_assumed": Result.strikes_assumed.getter(_result(s))} for s in found]


def _becauses() -> list[Because]:
    return [Because(attacked=attacked, by=by, place=place, kind=kind)
            for by, attacked in itertools.permutations(STATES, 2)
            for place, kind in (("estonia", "territory"), ("black-sea", "forces"))]


def _result(s: dict[str, Any]) -> Any:
    """What render reads of a result (`render.CascadeResult`): its scenario and names."""
    return SimpleNamespace(scenario=SimpleNamespace(**s), names=NAMES)


def test_the_attack_and_its_verb_are_worded_alike() -> None:
    """"because ..." under a joiner (render._because) is the "because" of the "Why?" panel (becauseWords), in each
    reading and severity, an opening attack or not, on territory or forces; its verb (deed) and the header's alike."""
    cases = [(s, b) for s in _scenarios() for b in _becauses()]
    names = {"$names": {"state": NAMES}}
    said = run_ts([("said", "becauseWords", [b.to_dict(), s, names]) for s, b in cases]
                  + [("said", "deed", [b.to_dict(), s]) for s, b in cases]
                  + [("said", "attackVerb", [s]) for s in _scenarios()])
    python = ([render._because(_result(s), b).removeprefix("because ") for s, b in cases]
              + [render._deed(_result(s), b, past=True) for s, b in cases]
              + [render._attack_verb(_result(s)) for s in _scenarios()])
    assert said == python
    assert {"made an incursion into", "coerced", "attacked"} <= set(said)  # each verb was tried


def test_whether_a_reading_assumes_its_strikes_is_the_rules_on_both_sides(monkeypatch: pytest.MonkeyPatch) -> None:
    """The "Why?" panel says a joiner's strike is the reading's assumption where the result's JSON says the reading
    assumes its strikes (`strikes_assumed`, from the rules' `Strikes.assumed`), as the CLI asks the rule: it tested the
    reading's name, so a change to the rule changed the CLI's words alone."""
    monkeypatch.setitem(STRIKES, "legal", Strikes(defenders_strike=True, at_home=False))
    cases = [(s, b) for s in _scenarios() for b in _becauses() if s["reading"] == "legal"]
    names = {"$names": {"state": NAMES}}
    said = run_ts([("said", "becauseWords", [b.to_dict(), s, names]) for s, b in cases])
    assert said == [render._because(_result(s), b).removeprefix("because ") for s, b in cases]
    assert any(words.startswith("the legal reading assumes") for words in said)


def test_a_comparisons_changes_are_worded_alike() -> None:
    """`foedus compare`'s line after each state (change_words) is the compare view's (changeWords)."""
    sure = {"certainty": "verified", "doubted": []}
    cases = [("gained", {"state": "USA", "side": "defense", "why": "nato_1949 art. 5", **sure}),
             ("gained", {"state": "USA", "side": "defense", "why": "nato_1949 art. 5", "strength": "S2", **sure}),
             ("switched", {"state": "DEU", "from": "defense", "to": "attack", "why": "x art. 2", "strength": "S1",
                           "certainty": "secondary", "doubted": ["article"]}),
             ("lost", {"state": "PRK", "side": "defense", "why_before": "rus_prk_2024 art. 4", **sure}),
             ("switched", {"state": "DEU", "from": "defense", "to": "attack", "why": "eu_teu_42_7 art. 42(7)", **sure}),
             ("gained", {"state": "KAZ", "side": "attack", "why": "rus_kaz_1992 art. unknown (article unverified)",
                         "certainty": "unverified", "doubted": ["treaty", "article"]}),
             ("lost", {"state": "BLR", "side": "attack", "why_before": "csto_1992 art. 4", "certainty": "secondary",
                       "doubted": ["article"]}),
             ("switched", {"state": "ARM", "from": "attack", "to": "defense", "why": "usa_qat_eo_2025 EO (an executive "
                           "order, not a treaty)", "certainty": "unverified", "doubted": []}),
             ("gained", {"state": "IRN", "side": "defense", "why": "csto_1992 art. 4", "certainty": "secondary",
                         "doubted": ["article"], "rests_on_what_if": ["add_member csto_1992:IRN"]}),
             ("switched", {"state": "DEU", "from": "defense", "to": "attack", "why": "x art. 1", **sure,
                           "rests_on_what_if": ["add_member x:DEU", "set_strength x:1=S1"]}),
             *[("rebased", {"state": "DEU", "side": "defense", "why": why, "why_before": before, "added": added,
                            "dropped": dropped})
               for why, before in (("nato_1949 art. 5", "eu_teu_42_7 art. 42(7)"), ("a art. 1", "a art. 1"))
               for added, dropped in (([], []), (["nato_1949 art. 5", "x art. 2"], ["eu_teu_42_7 art. 42(7)"]),
                                      (["x art. 2", "y art. 3"], ["z art. 4"]))],
             ("rebased", {"state": "DEU", "side": "defense", "why": "a art. 1", "why_before": "b art. 1", "added": [],
                          "dropped": ["b art. 1", "c art. 2"], "rests_on_what_if": ["add_member a:DEU", "x"]}),
             ("rebased", {"state": "USA", "side": "defense", "why": "usa_kor_1953 art. III",
                          "why_before": "usa_kor_1953 art. III", "added": [], "dropped": [], "strength": "S1",
                          "strength_before": "S3", "rests_on_what_if": ["set_strength usa_kor_1953:III=S1"]})]
    assert change_words(*cases[5]) == ("is bound to join the attack side (rus_kaz_1992 art. unknown) (unverified: "
                                       "treaty, article)")
    assert change_words(*cases[6]) == ("is no longer bound to join the attack side (was csto_1992 art. 4) (secondary: "
                                       "article)")
    assert change_words(*cases[1]) == "is bound to join the defense side (nato_1949 art. 5, S2)"
    assert change_words(*cases[2]) == ("is bound to join the attack side, no longer the defense side (x art. 2, S1) "
                                       "(secondary: article)")
    assert change_words(*cases[8]) == ("is bound to join the defense side (csto_1992 art. 4) (secondary: article) "
                                       "(hypothetical: rests on the what-if change add_member csto_1992:IRN)")
    assert change_words(*cases[9]).endswith("(x art. 1) (hypothetical: rests on the what-if change add_member x:DEU; "
                                            "rests on the what-if change set_strength x:1=S1)")
    assert change_words(*cases[-1]) == ("is still bound to join the defense side, under usa_kor_1953 art. III, now S1 "
                                        "(was S3) (hypothetical: rests on the what-if change set_strength "
                                        "usa_kor_1953:III=S1)")
    assert run_ts([("said", "changeWords", [kind, x]) for kind, x in cases]) == [change_words(k, x) for k, x in cases]


def test_a_change_that_binds_only_by_a_switch_says_it_alike() -> None:
    """A duty that binds only by `--non-military bound` (`rests_on_switch`, EU Art. 42(7)'s neutrals) says so after its
    citation, on `foedus compare`'s line and the compare view's, in each kind of change."""
    neutral = {"certainty": "unverified", "doubted": ["article"], "rests_on_switch": ["non-military bound"]}
    cases = [("gained", {"state": "AUT", "side": "defense", "why": "eu_teu_42_7 art. 42(7)", "strength": "S2",
                         **neutral}),
             ("lost", {"state": "AUT", "side": "defense", "why_before": "eu_teu_42_7 art. 42(7)", **neutral}),
             ("switched", {"state": "IRL", "from": "attack", "to": "defense", "why": "eu_teu_42_7 art. 42(7)",
                           **neutral, "rests_on_what_if": ["add_member eu_teu_42_7:IRL"]}),
             ("rebased", {"state": "MLT", "side": "defense", "why": "eu_teu_42_7 art. 42(7)", "why_before": "x art. 1",
                          "added": [], "dropped": [], "rests_on_switch": ["non-military bound"]})]
    assert change_words(*cases[0]) == ("is bound to join the defense side (eu_teu_42_7 art. 42(7), S2) (unverified: "
                                       "article) (only with --non-military bound)")
    assert change_words(*cases[3]) == ("is still bound to join the defense side, now under eu_teu_42_7 art. 42(7) (was "
                                       "x art. 1) (only with --non-military bound)")
    assert run_ts([("said", "changeWords", [kind, x]) for kind, x in cases]) == [change_words(k, x) for k, x in cases]


def test_the_ongoing_lines_are_worded_alike() -> None:
    """How the war's course to the date differs (`foedus compare --ongoing-since`): ongoing_said and ongoingSaid
    give each change the same mark and words, a moved day under the same treaty or another."""
    changes = OngoingChanges(
        since="2022-02-24",
        moved=(MovedSince("BLR", "attack", "2022-03-01", "t1", "4", "2022-02-24", "t1", "4"),
               MovedSince("PRK", "attack", "2024-09-01", "t2", "4", "2024-06-19", "t3", "2")),
        bound=(BoundSince("USA", "defense", "2022-02-24", "nato_1949", "5"),),
        unbound=(BoundSince("EST", "defense", "2022-02-25", "nato_1949", "5"),),
        switched=(SwitchedSince("DEU", "attack", "2022-03-01", "t4", "1", "defense", "2022-02-24", "t5", "2"),),
        lapsed_added=(Lapse("CUB", "attack", "2022-03-01", "2022-05-01", "t6", "ATOP defense"),),
        lapsed_removed=(Lapse("SYR", "attack", "2022-03-02", "2022-04-01", "t7", "Title Three"),)).to_dict()
    assert [tuple(x) for x in run_ts([("said", "ongoingSaid", [changes])])[0]] == ongoing_said(changes)


def test_a_wars_moves_are_worded_alike() -> None:
    """A move on a war's date (`foedus war`'s timeline, the web's war log): from → to, or still bound, now under."""
    moves = [{"state": "BLR", "from": "out", "to": "bound-attack", "cause": None},
             {"state": "USA", "from": "bound-defense", "to": "conflict", "cause": None},
             {"state": "UKR", "from": "out", "to": "defense", "cause": None},
             {"state": "BLR", "from": "bound-attack", "to": "bound-attack", "cause": None,
              "now_under": "rus_blr_2024 art. 4"}]
    assert run_ts([("said", "moveWords", [m]) for m in moves]) == [_move_words(m) for m in moves]
    leads, names = {"attack": ["USA", "ISR"], "defense": ["IRN"]}, {"USA": "United States", "ISR": "Israel"}
    sides = side_words(leads, names)  # iran_2026's: "the attack side" read as the side striking Iran's
    assert run_ts([("warsides", "sideWords", [leads, {"$lookup": names}])]) == [sides]
    assert run_ts([("said", "moveWords", [m, sides]) for m in moves]) == [_move_words(m, sides) for m in moves]
    assert _move_words(moves[0], sides) == "out → bound to join the side of United States (USA) and Israel (ISR)"
    assert _move_words(moves[1], sides) == "bound to join the side of IRN → bound both ways (a conflict)"
    duties = ("bound to defend Iran (IRN) against Israel (ISR)", "bound to defend Bahrain (BHR) against Iran (IRN)")
    assert run_ts([("said", "moveWords", [m, sides, *duties]) for m in moves]) == [
        _move_words(m, sides, *duties) for m in moves]  # a binding left, one entered, as the duty it is
    assert _move_words(moves[1], sides, *duties) == f"{duties[0]} → bound both ways (a conflict)"


def test_a_doubt_is_worded_alike() -> None:
    """"Uncertain date: ..." (render._doubt_words) is the summary's line (doubtWords): a treaty's doubt names the
    states it concerns, a party's does not (its fact names it)."""
    doubts = [Doubt("t", state, "in force: known only to the year", "secondary", "s", concerns)
              for state, concerns in ((None, ("RUS", "BLR")), (None, ()), ("EST", ("EST", "USA")))]
    said = run_ts([("said", "doubtWords", [d.to_dict(), {"$lookup": NAMES}]) for d in doubts])
    assert said == [render._doubt_words(_result(_scenarios()[0]), d) for d in doubts]
    assert said[0].endswith(": Russia (RUS), BLR")


def test_a_conflicts_doubted_duties_are_worded_alike() -> None:
    """After a conflict's line, the duties resting on facts not verified (conflict_words.conflict_doubt) are the
    summary's (conflictsaid.ts conflictDoubt): Armenia's, Ukraine attacking Russia on 2025-12-01 (unverified
    obligations: its CSTO membership rests on no dated report after 24 Nov 2025; a carried-forward neutrality duty),
    and the same conflict with each kind of duty verified, and with all verified (nothing)."""
    from dataclasses import replace

    from foedus.api import cascade

    arm = next(c for c in cascade("UKR", "RUS", "2025-12-01").conflicts if c.state == "ARM")
    sure = [replace(d, certainty="verified") for d in arm.obligations]
    kinds = [arm, replace(arm, obligations=sure), replace(arm, neutral=[replace(n, certainty="verified")
                                                                        for n in arm.neutral])]
    conflicts = [*kinds, replace(kinds[1], neutral=kinds[2].neutral)]
    said = run_ts([("conflictsaid", "conflictDoubt", [c.to_dict()]) for c in conflicts])
    assert said == [conflict_doubt(c) for c in conflicts]
    assert "(carried-forward facts)" in said[0] and "(unverified facts)" in said[0] and said[-1] == ""
    # its two unverified obligations, the neutrality duty verified: grouped, the certainty said once
    assert said[2] == "; its duties resting on facts not verified: rus_arm_1997 art. 2 and csto_1992 art. 4 " \
                      "(unverified facts)"


def test_a_states_doubted_duties_are_worded_alike() -> None:
    """A state's duties resting on facts not verified (conflict_words.doubted_duties, which a conflict's line and the
    likelihood's warning say) are conflictsaid.ts doubtedDuties: none; one; two, three and a repeated provision of
    one certainty (grouped, the certainty once); of two certainties (each's), one provision among them in both; each
    in the order given."""
    def duty(treaty: str, article: str | None, certainty: str) -> SimpleNamespace:
        return SimpleNamespace(treaty=treaty, article=article, certainty=certainty, instrument="treaty")

    a, b, c = (duty(t, x, "unverified") for t, x in (("rus_arm_1997", "2"), ("csto_1992", "4"), ("t", None)))
    n, other = duty("atop_4815", "ATOP neutrality", "carried-forward"), duty("rus_arm_1997", "2", "secondary")
    lists = [[], [a], [a, b], [b, a], [a, b, c], [a, b, a], [a, n], [n, a, b], [a, n, other]]
    said = run_ts([("conflictsaid", "doubtedDuties", [[vars(d) for d in duties]]) for duties in lists])
    assert said == [doubted_duties(duties) for duties in lists]  # type: ignore[arg-type]
    assert said[:6] == ["", "rus_arm_1997 art. 2 (unverified facts)",
                        "rus_arm_1997 art. 2 and csto_1992 art. 4 (unverified facts)",
                        "csto_1992 art. 4 and rus_arm_1997 art. 2 (unverified facts)",
                        "rus_arm_1997 art. 2, csto_1992 art. 4 and t (unverified facts)",
                        "rus_arm_1997 art. 2 and csto_1992 art. 4 (unverified facts)"]
    assert said[7] == ("atop_4815 ATOP neutrality code (carried-forward facts), rus_arm_1997 art. 2 (unverified "
                       "facts) and csto_1992 art. 4 (unverified facts)")
    assert said[8].endswith(" and rus_arm_1997 art. 2 (secondary facts)")


def test_every_conflicts_line_is_worded_alike() -> None:
    """The CLI's line for each conflict (render.explain_lines' "Conflict: ") is the summary's (conflictLine):
    Bulgaria attacking Albania on 2010-06-01 binds Romania both ways on verified facts (NATO art. 5 and ATOP's
    neutrality code of atop_4150), Ukraine attacking Russia on 2025-06-01 binds Armenia both ways on facts not
    verified, which its line names."""
    from foedus.api import cascade

    results = [cascade("BGR", "ALB", "2010-06-01"), cascade("UKR", "RUS", "2025-06-01")]
    said = run_ts([("conflictsaid", "conflictLine", [c.to_dict(), {"$lookup": r.names}]) for r in results
                   for c in r.conflicts])
    assert said == [x for r in results for x in render.explain_lines(r) if x.startswith("Conflict: ")]
    assert [x.split(" is ")[0] for x in said] == ["Conflict: Romania (ROU)", "Conflict: Armenia (ARM)"]


def test_a_findings_certainty_is_worded_alike() -> None:
    """A finding's certainty after its line (render.certainty_tag with render._facts of its reasons) is the Why?
    panel's (said.ts findingTag): every finding of Armenia attacking Azerbaijan on 2022-02-15 with no request, on the
    curated treaties (without ATOP's, which stand in their place), among them Turkey's consultation under the Shusha
    Declaration, verified but known only to within a week, whose line names that date ("not to the day") rather
    than nothing; Ukraine attacking Russia on 2025-06-01's; and Russia attacking Ukraine's with a neutrality clause's
    scope changed, whose duty rests on that change (`whatif_words.finding_tag`)."""
    from foedus.api import World, cascade
    from foedus.whatif_words import finding_tag

    curated = cascade("ARM", "AZE", "2022-02-15", requested=False, world=World.load(history=False))
    changed = cascade("RUS", "UKR", "2025-06-01",
                      set_scope="atop_4241:ATOP neutrality=territory:ukraine;forces:ukraine")
    found = [f for r in (curated, cascade("UKR", "RUS", "2025-06-01"), changed)
             for f in [*r.neutral, *r.consultations, *r.violations, *r.withheld,
                       *(n for c in r.conflicts for n in c.neutral)]]
    said = run_ts([("said", "findingTag", [f.to_dict()]) for f in found])
    assert said == [finding_tag(f.certainty, f.certainty_reasons) for f in found]
    assert any(s.startswith(" — verified facts, not to the day: tur_aze_shusha_2021") for s in said)
    assert " — carried-forward facts" in said
    assert (" — carried-forward facts; hypothetical: rests on the what-if change set_scope atop_4241:ATOP "
            "neutrality=territory:ukraine;forces:ukraine") in said  # a finding resting on a what-if change


def test_names_ordinals_certainty_and_changes_are_worded_alike() -> None:
    """web/src/wording.ts's copies: a state's name, an ordinal, a finding's certainty after it, a war's change."""
    reasons = [{"kind": "date", "fact": "in force: known only to the month", "certainty": "verified", "source": "s"}]
    changes = [{"type": "attack", "label": "l", "text": "Russia (RUS) attacks Ukraine (UKR) at ukraine"},
               {"type": "treaty", "label": "l", "text": "t", "certainty": "secondary", "certainty_reasons": reasons},
               {"type": "treaty", "label": "l", "text": "t", "certainty": "verified", "certainty_reasons": reasons},
               {"type": "treaty", "label": "l", "text": "t", "certainty": "verified"}]
    levels = [("verified", []), ("verified", ["a", "b"]), ("unverified", ["a"]), ("secondary", [])]
    said = run_ts([("wording", "namedState", [s, {"$lookup": NAMES}]) for s in STATES]
                  + [("wording", "ordinal", [n]) for n in range(1, 125)]
                  + [("wording", "certaintyTag", [level, facts]) for level, facts in levels]
                  + [("wording", "changeSaid", [c]) for c in changes])
    assert said == ([named_state(s, NAMES) for s in STATES] + [ordinal(n) for n in range(1, 125)]
                    + [window_facts(level, facts) for level, facts in levels] + [change_said(c) for c in changes])


def test_a_bindings_certainty_and_its_other_obligations_are_worded_alike() -> None:
    """A war's binding, its certainty and the facts not verified after it (foedus.cited.bound_tag, said.ts
    boundTag), and its other obligations that day, each so (also_said, alsoSaid): in `foedus war`'s table and
    --state line, and the web map's "Why?" on a war's date; records without a certainty (an older server's) read as
    verified."""
    tags = [("verified", []), ("secondary", ["article"]), ("unverified", ["treaty", "article"]),
            ("carried-forward", []), ("conflicting", ["membership", "date"])]
    also = [[], [{"treaty": "csto_1992", "article": "4", "certainty": "secondary", "doubted": ["article"]},
                 {"treaty": "rus_kaz_1992", "article": "unknown (article unverified)", "certainty": "unverified",
                  "doubted": ["treaty", "article"]},
                 {"treaty": "atop_4245", "article": "ATOP defense", "certainty": "verified", "doubted": []},
                 {"treaty": "nato_1949", "article": "5"}, {"treaty": "x", "article": "Title Three",
                                                           "certainty": "carried-forward", "doubted": []}]]
    said = run_ts([("said", "boundTag", [c, d]) for c, d in tags] + [("said", "alsoSaid", [a]) for a in also])
    assert said == [bound_tag(c, d) for c, d in tags] + [also_said(a) for a in also]
    assert said[2] == " (unverified: treaty, article)" and said[0] == ""
    assert said[-1][1] == "also rus_kaz_1992 art. unknown (unverified: treaty, article)"  # the doubt said once


def test_an_articles_note_of_its_doubt_is_dropped_alike() -> None:
    """Where a war's binding or duty is tagged with its article among the facts not verified (bound_tag), the
    article's own note of that doubt is dropped, so the doubt is said once (foedus.cited.tagged_article, said.ts
    taggedArticle): every article of the bundled treaties, with the article doubted, not doubted, or verified."""
    from foedus.cited import tagged_article

    pledge = "unknown (a neutrality pledge"
    articles = [*_bundled_articles(), f"{pledge}; article unverified)"]  # a note after another, no longer bundled
    tags = [("unverified", ["treaty", "article"]), ("secondary", ["article"]), ("unverified", ["membership"]),
            ("verified", ["article"])]
    cases = [(a, c, d) for a in articles for c, d in tags]
    said = run_ts([("said", "taggedArticle", [a, c, d]) for a, c, d in cases])
    assert said == [tagged_article(a, c, d) for a, c, d in cases]
    dropped = {a: s for (a, c, d), s in zip(cases, said, strict=True) if c == "unverified" and "article" in d}
    assert dropped["unknown (article unverified)"] == "unknown" and dropped["2 (number unverified)"] == "2"
    assert dropped[f"{pledge}; article unverified)"] == f"{pledge})"
    assert dropped["unknown (text not public)"] == "unknown (text not public)"  # not a note of that doubt
    kept = [s for (a, c, d), s in zip(cases, said, strict=True) if "article" not in d or c == "verified"]
    assert kept == [a for a, c, d in cases if "article" not in d or c == "verified"]


def test_named_states_are_listed_in_the_same_order() -> None:
    """The CLI's lists of named states (foedus.by_name) and the web's (byName) sort alike: by the name said, case and
    accents ignored, not by id."""
    cases = [["Germany (DEU)", "Denmark (DNK)", "Czechia (CZE)", "Côte d'Ivoire (CIV)", "Croatia (HRV)"],
             ["united Kingdom (GBR)", "Turkey (TUR)", "Türkiye (TUR)", "Åland (ALA)", "Albania (ALB)", "BLR"]]
    said = run_ts([("wording", "byName", [c]) for c in cases])
    assert said == [by_name(c) for c in cases]
    assert said[0][:2] == ["Côte d'Ivoire (CIV)", "Croatia (HRV)"]


def test_named_states_fold_their_case_alike() -> None:
    """Python's `casefold` read "ß" as "ss" and "ς" as "σ", the web's `toLowerCase` kept them (after "s" and "z");
    `unicodedata.combining` kept a spacing mark (Devanagari's "ा") that `\\p{M}` drops; `<` compared UTF-16 units:
    both now fold as upper- then lower-case, drop category M and compare by code point, so the two lists agree."""
    cases = [["Straße (AAA)", "Strasz (BBB)", "Strasse (CCC)"], ["Σωςb (AAA)", "Σωσa (BBB)", "Σωτ (CCC)"],
             ["\U00010330 (AAA)", "\ue000 (BBB)"], ["क\u093eb (AAA)", "कa (BBB)"], ["ﬁji (AAA)", "fih (BBB)"]]
    said = run_ts([("wording", "byName", [c]) for c in cases])
    assert said == [by_name(c) for c in cases]
    assert said[0] == ["Straße (AAA)", "Strasse (CCC)", "Strasz (BBB)"]


def test_a_comparisons_treaty_changes_are_worded_alike() -> None:
    """`foedus compare`'s "treaty change on DATE: ..." lines (compare_dated.dated_line) are the compare view's
    (comparesaid.ts datedLine), a change not verified tagged with its certainty."""
    cases = [{"date": "2023-04-04", "treaty": "nato_1949", "change": "joins", "state": "FIN",
              "text": "Finland (FIN) becomes a party to nato_1949", "certainty": "verified"},
             {"date": "2024-12-04", "treaty": "rus_prk_2024", "change": "in-force",
              "text": "rus_prk_2024 enters into force", "certainty": "secondary"}]
    said = run_ts([("comparesaid", "datedLine", [c]) for c in cases])
    assert said == [dated_line(c) for c in cases]
    assert said[1] == "treaty change on 2024-12-04: rus_prk_2024 enters into force (secondary)"


def test_whether_the_model_beat_the_base_rate_is_judged_alike() -> None:
    """`foedus cascade --likelihood`'s line under its table (likely_records.base_rate_standing) and the likelihood
    panel's (baseRateStanding) on the shipped model's answers, with no check lost, none made, or one lost over all
    wars, without the World Wars, or in one era, on a date of each era: a loss is "here" only where the answer's
    warnings tell it; a model with no check is not said to have beaten the base rate where it covers the date."""
    model = load_model()
    kept = [c.model_copy(update={"brier_skill": 0.1, "log_skill": 0.1}) for c in model.validation]
    variants = {None: kept, "unchecked": []} | {
        subset: [*kept, kept[0].model_copy(update={"subset": subset, "brier_skill": -0.01})]
        for subset in ("all", "no-world-wars", "pre1945", "post1945")}
    days = {"pre1945": dt.date(1914, 7, 28), "post1945": dt.date(1990, 8, 2)}
    cases, expected = [], []
    for lost, checks in variants.items():
        for era, day in days.items():
            one = model.model_copy(update={"validation": checks})
            cases.append({"beats_base_rate": bool(checks) and all(c.beats_base_rate for c in checks),
                          "warnings": warnings_of(one, day),
                          "validation": [c.model_dump() for c in checks if c.subset == "all"]})  # as the answer's
            expected.append("beats" if lost is None else "unchecked" if lost == "unchecked"
                            else "lost-here" if lost in ("all", "no-world-wars", era) else "lost-elsewhere")
    python = [base_rate_standing(SimpleNamespace(**c)) for c in cases]
    assert run_ts([("standing", "baseRateStanding", [c]) for c in cases]) == python
    assert python == expected


def test_what_the_model_cannot_see_is_said_alike_with_its_own_training_joiners() -> None:
    """The reading under the likelihood (code_words.likelihood_reading) and the panel's (cannotSee) quote how the
    training joiners of the model that answered split between the sides: the shipped model's (its model file's
    training.outcomes.ever) and a refit's with other counts, each in the same words."""
    ever = load_model().training["outcomes"]["ever"]
    cards = [{"joiners": {"attack": ever["attack"], "defense": ever["defense"]}},
             {"joiners": {"attack": 17, "defense": 25}}]
    python = [likelihood_reading(SimpleNamespace(**c)) for c in cards]  # type: ignore[arg-type]
    assert run_ts([("standing", "cannotSee", [c]) for c in cards]) == python
    assert "(25 of 42 joined the defence in its training wars)" in python[1] and python[0] != python[1]


def test_a_side_a_state_may_join_is_named_by_its_parties_alike() -> None:
    """The likelihood table's "side if it joins" (likely_show.side_owned) and the panel's columns (sideOwned) name a
    side by its original parties: "defense 60%" read as the joiner's own defence."""
    cases = [["South Korea"], ["EST", "LVA"], ["Russia", "Belarus", "North Korea"]]
    said = run_ts([("standing", "sideOwned", [c]) for c in cases])
    assert said == [side_owned(c) for c in cases]
    assert said[:2] == ["South Korea's side", "EST and LVA's side"]


def test_the_side_a_state_may_join_is_said_alike_and_uncertain_where_its_interval_spans_half() -> None:
    """The table gave the USA "RUS's side 64%" when Ukraine attacks Russia in 2024, while the side model's interval
    ran from 34% to 85% on Russia's side: the table (likely_show.side_said, without the interval) and the panel
    (sideSaid, with it) say the side is uncertain where the interval spans 50%, alike, halves rounded up."""
    cases = [(["Ukraine"], ["Russia"], 0.3643, 0.1454, 0.6649, True), (["UKR"], ["RUS"], 0.0605, 0.0097, 0.3296, False),
             (["PRK"], ["KOR"], 0.8, 0.52, 0.945, True), (["EST", "LVA"], ["RUS"], 0.645, 0.4, 0.875, False),
             (["A"], ["B"], 0.5, 0.49, 0.51, True)]
    said = run_ts([("standing", "sideSaid", list(c)) for c in cases])
    assert said == [side_said(*c) for c in cases]
    assert said[:3] == ["uncertain: Russia 64% (34–85)", "RUS's side 94%", "PRK's side 80% (52–95)"]


def test_a_wars_names_on_a_date_are_read_alike() -> None:
    """A war's states named on a date from its `names` and `renames` (war_names_on, which `WarReplay.to_frame` uses),
    as the war log and panels read them (warNamesOn): before, on, between and after the renames, a state renamed
    back and forth, two renamed the same day."""
    names = {"RUS": "Russian Empire", "THA": "Siam", "TUR": "Ottoman Empire", "SRB": "Serbia"}
    renames = [{"date": "1917-09-14", "state": "RUS", "name": "Russia"},
               {"date": "1922-12-30", "state": "RUS", "name": "Soviet Union"},
               {"date": "1923-10-29", "state": "TUR", "name": "Turkey"},
               {"date": "1939-06-24", "state": "THA", "name": "Thailand"},
               {"date": "1945-09-08", "state": "THA", "name": "Siam"},
               {"date": "1945-09-08", "state": "SRB", "name": "Yugoslavia"},
               {"date": "1949-05-11", "state": "THA", "name": "Thailand"}]
    days = ["1914-07-28", "1917-09-13", "1917-09-14", "1930-01-01", "1945-09-08", "1949-05-10", "2025-12-31"]
    python = [war_names_on(names, renames, d) for d in days]
    assert run_ts([("said", "warNamesOn", [names, renames, d]) for d in days]) == python
    assert python[0] == names and python[4]["THA"] == "Siam" and python[-1]["THA"] == "Thailand"
    assert len({tuple(n.values()) for n in python}) == 5  # a rename's eve has the day before's names: 7 days, 5 sets


def test_a_states_other_duties_in_a_war_are_worded_alike() -> None:
    """A state's other duties in a war (foedus.war.words.duty_lines, said.ts dutyLines): the web map's "Why?" on a
    frame's date lists those of the replay it has (the whole war, /api/war) dated on or before that date, each named
    by the war's names on its date; on russia_ukraine_2022's 2024-08-06 they are the lines of `foedus
    war --until 2024-08-06`'s "other duties" (casus foederis, consultation, neutrality, certainty tags and all)."""
    from foedus.api import replay_war
    from foedus.model.states import StateRegistry
    from foedus.war.render import _duties

    whole = replay_war("russia_ukraine_2022").to_dict()
    cut = replay_war("russia_ukraine_2022", until="2024-08-06")
    records = [r for r in whole["states"] if r["triggered"] or r["consultations"] or r["neutral"]]
    days = sorted({d["date"] for r in records for kind in ("triggered", "consultations", "neutral") for d in r[kind]})
    on = {d: war_names_on(whole["names"], whole["renames"], d) for d in days}
    cases = [(r, until) for r in records for until in ("2022-02-24", "2024-08-06", None)]
    said = run_ts([("said", "dutyLines", [r, {"$lookup": on}, until]) for r, until in cases])
    python = [duty_lines(r, on.__getitem__, until) for r, until in cases]
    assert said == python
    cli = _duties(cut, StateRegistry.load().names_on)
    # the whole war orders its states by first appearance over all its days: the same lines, in another order
    assert sorted(line for (r, until), lines in zip(cases, said, strict=True) if until == "2024-08-06"
                  for line in lines) == sorted(cli)
    assert any(": consult " in line for line in cli) and any(": must not join the war against " in line for line in cli)
    assert any(": casus foederis " in line for line in cli)
    assert any(re.search(r"\) \((unverified|carried-forward): [a-z, ]+\)$", line) for line in cli)  # bound_tag's
    early = [line for (r, until), lines in zip(cases, said, strict=True) if until == "2022-02-24" for line in lines]
    assert early and len(early) < len(cli) and all(" 2024-" not in line for line in early)


@pytest.mark.parametrize("missing", ["node", "typescript"])
def test_missing_node_skips_unless_required_then_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Any,
                                                       missing: str) -> None:
    """Without node or web/node_modules the parity tests skip, naming what is missing; FOEDUS_REQUIRE_NODE=1 turns
    that skip into a failure, so a run that demands the parity cannot pass by skipping every test above."""
    if missing == "node":
        monkeypatch.setattr("ts_said.shutil.which", lambda _: None)
    else:
        monkeypatch.setattr("ts_said.TYPESCRIPT", ROOT / "web" / "node_modules" / "no-such-typescript")
    told = re.escape("node is not on PATH" if missing == "node" else "no-such-typescript is missing (cd web && npm ci)")
    monkeypatch.delenv("FOEDUS_REQUIRE_NODE", raising=False)
    with pytest.raises(pytest.skip.Exception, match=told):
        run_ts([("wording", "ordinal", [1])])
    monkeypatch.setenv("FOEDUS_REQUIRE_NODE", "1")
    with pytest.raises(pytest.fail.Exception, match=told):
        run_ts([("wording", "ordinal", [1])])


def _bundled_articles() -> list[str]:
    """Every `article` a bundled treaty file gives (provisions, priority, invocations, help), and what the ATOP
    reader writes for each obligation it codes (`foedus.sources.atop`)."""
    import yaml

    from foedus.model.loader import bundled_treaty_files
    from foedus.sources.atop import _KINDS

    found: set[str] = {f"ATOP {kind}" for kind, _ in _KINDS.values()}

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            found.update(str(v) for k, v in x.items() if k == "article" and v is not None)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for path in bundled_treaty_files():
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(found)


def test_an_article_is_cited_alike() -> None:
    """Every article the bundled treaties give, and ATOP's codes, cited alike by foedus.cited and said.ts's
    articleCited and cited (a numbered one "art. 5", a unit as it is, an ATOP code "ATOP defense code"); a
    citation with no article is the treaty alone on both sides."""
    articles = _bundled_articles()
    assert {"5", "Title Three", "ATOP defense", "EO"} <= set(articles)
    said = run_ts([("said", "articleCited", [a]) for a in articles]
                  + [("said", "cited", ["t", a]) for a in (*articles, None, "")])
    assert said == [article_cited(a) for a in articles] + [cited("t", a) for a in (*articles, None, "")]
    assert {"art. 5", "Title Three", "ATOP defense code"} <= set(said)


def test_an_instrument_that_is_not_a_treaty_is_said_alike() -> None:
    """The "Why?" panel says beside a citation what the CLI's joiner line says of an instrument that is not a treaty
    (said.ts instrumentSaid, given contract.ts's INSTRUMENT_WORDS, generated from foedus.model.vocab's)."""
    from foedus.model.vocab import INSTRUMENT_WORDS, Instrument

    kinds = [*Instrument, "", None]
    said = run_ts([("said", "instrumentSaid", [k, INSTRUMENT_WORDS]) for k in kinds])
    assert said == [instrument_said(k or "") for k in kinds]
    assert " (an executive order, not a treaty)" in said


def test_a_duty_under_an_instrument_that_is_not_a_treaty_is_worded_alike() -> None:
    """iran_2026's United States owes Qatar a duty under an executive order (usa_qat_eo_2025): its record's
    `instrument` says so, and the web map's "Why?" (said.ts dutyLines) words the line as `foedus war` does."""
    from foedus.api import replay_war

    whole = replay_war("iran_2026").to_dict()
    usa = next(r for r in whole["states"] if r["state"] == "USA")
    on = {d["date"]: war_names_on(whole["names"], whole["renames"], d["date"])
          for kind in ("triggered", "consultations", "neutral") for d in usa[kind]}
    said = run_ts([("said", "dutyLines", [usa, {"$lookup": on}, None])])[0]
    assert said == duty_lines(usa, on.__getitem__)
    assert any("usa_qat_eo_2025 EO (an executive order, not a treaty)" in line for line in said)


def test_the_member_notes_title_is_the_clis() -> None:
    """The "Why?" panel's treaty list titles a treaty's notes on its memberships' doubted facts (the API's
    `member_notes`) as `foedus treaties show` titles them under its members table."""
    from foedus.cli.treaty_show import NOTES_TITLE

    assert run_ts([("said", "NOTES_TITLE", [])]) == [NOTES_TITLE]


def test_the_other_duties_heading_is_the_clis(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The heading over a state's other duties in a war: the web map's "Why?" on a war's date (said.ts
    DUTIES_HEADING, shown by dutiesHead capitalised and with a colon) says the words `foedus war`'s text prints over
    them (foedus.war.words.DUTIES_HEADING)."""
    from foedus.api import replay_war
    from foedus.war.render import print_replay
    from foedus.war.words import DUTIES_HEADING

    monkeypatch.setenv("COLUMNS", "2000")
    print_replay(replay_war("russia_ukraine_2022", until="2024-08-06"), timeline=False)
    assert DUTIES_HEADING in capsys.readouterr().out.splitlines()
    said = run_ts([("said", "DUTIES_HEADING", []), ("said", "dutiesHead", [])])
    assert said == [DUTIES_HEADING, DUTIES_HEADING[0].upper() + DUTIES_HEADING[1:] + ":"]
    # as tests/test_e2e_war_duties.py finds it on the page
    assert said[1] == "Other duties (casus foederis while fighting; consultation; neutrality):"


def test_a_carried_alliances_standing_is_worded_alike(world: Any) -> None:
    """How an alliance carried past ATOP's coverage stands after it (foedus.catalog.carry_said, which `foedus
    treaties show` says after the entry into force) is the "Why?" panel's treaty list's (said.ts carrySaid), read
    from the API's `carried_from` and `carry_checked`: a checked one (the 2001 Iran-Russia treaty), one not checked
    (Estonia-Ukraine 1992), one carried to an end (US-Afghanistan 2012), and none for a curated treaty, one ATOP ends
    and one a correction ends after ATOP's coverage (Russia-Ukraine 1997)."""
    from foedus.catalog import carry_said, treaty_detail

    ids = ["atop_4968", "atop_4241", "atop_6050", "rus_prk_2024", "atop_1005", "atop_4875"]
    said = run_ts([("said", "carrySaid", [treaty_detail(world, t)]) for t in ids])
    assert said == [carry_said(world.treaty(t)) for t in ids]
    assert said[0].endswith("checked on 2026-12-05 (tass.com): in force in January 2025, renewed by five-year "
                            "periods, no notice ending it found)")
    assert said[1].endswith("; no check of it recorded)") and said[3:] == ["", "", ""]


def test_an_instrument_that_is_not_a_treaty_is_said_alike_in_a_wars_bindings() -> None:
    """A war's binding under an executive order, its "also" lines and `--ongoing-since`'s comparison lines say the
    instrument (instrument_said) as the web does (frameWhy, alsoSaid, ongoingSaid); a record without one (an older
    server's) reads as a treaty."""
    from foedus.war.result import Frame
    from foedus.war.why import frame_why

    eo = {"treaty": "usa_qat_eo_2025", "article": "EO", "instrument": "executive_order", "certainty": "verified",
          "doubted": []}
    also = [[eo, {"treaty": "nato_1949", "article": "5"}, {**eo, "instrument": "statute", "certainty": "secondary",
                                                            "doubted": ["article"]}]]
    frame = Frame(dt.date(2026, 3, 1), [], {"attack": ["IRN"], "defense": ["QAT"]},
                  {"USA": {"side": "defense", **eo, "also": also[0][1:]}}, [], [])
    changes = OngoingChanges(
        since="2026-02-28",
        moved=(MovedSince("USA", "defense", "2026-03-01", "usa_qat_eo_2025", "EO", "2026-02-28", "usa_qat_eo_2025",
                          "EO", "executive_order", "executive_order"),),
        bound=(BoundSince("USA", "defense", "2026-02-28", "usa_qat_eo_2025", "EO", "executive_order"),),
        unbound=(BoundSince("TWN", "defense", "2026-02-28", "usa_twn_tra_1979", "3", "statute"),),
        switched=(SwitchedSince("DEU", "attack", "2022-03-01", "t4", "1", "defense", "2022-02-24", "t5", "2",
                                "forum"),),
        lapsed_added=(Lapse("CUB", "attack", "2022-03-01", "2022-05-01", "t6", "ATOP defense", "statute"),),
        lapsed_removed=(Lapse("SYR", "attack", "2022-03-02", "2022-04-01", "t7", "Title Three"),)).to_dict()
    treaties = {"usa_qat_eo_2025": "US-Qatar security EO"}
    said = run_ts([("said", "alsoSaid", [a]) for a in also] + [("said", "ongoingSaid", [changes])]
                  + [("said", "frameWhy", ["USA", frame.to_dict(), {"$lookup": treaties}])])
    assert said[:-2] == [also_said(a) for a in also]
    assert [tuple(x) for x in said[-2]] == ongoing_said(changes)
    assert said[-1] == frame_why("USA", frame, "2026-03-01", lambda t: treaties.get(t, t))
    assert said[0][0] == "also usa_qat_eo_2025 EO (an executive order, not a treaty)"
    assert said[-1].startswith("Bound to join the defense side on 2026-03-01 under US-Qatar security EO "
                               "(usa_qat_eo_2025) EO (an executive order, not a treaty); also nato_1949 art. 5; ")
    assert ongoing_said(changes)[1] == ("+", "USA", "bound since 2026-02-28 (defense, usa_qat_eo_2025 EO (an executive "
                                                    "order, not a treaty))")


def test_the_web_csv_says_the_instrument_as_the_cli_csv_does() -> None:
    """The web's CSV export (csv.ts `csvOf`) had no `instrument` column, where the CLI's CSV (`cascade --format csv`,
    `CascadeResult.to_frame`) says what binds each joiner: it now has one, after `treaty` as the CLI's, each joiner's
    instrument the CLI's; the US's duty to Qatar is an executive order."""
    import csv
    import io

    import foedus

    result = foedus.cascade("IRN", "QAT", "2026-06-01")
    names = {s: result.names.get(s, s) for s in result.names}
    web = list(csv.DictReader(io.StringIO(run_ts([("csv", "csvOf", [result.to_dict(), {"$lookup": names}])])[0])))
    head = list(web[0])
    assert head[head.index("treaty") + 1] == "instrument"
    cli = result.to_frame()
    assert list(cli.columns)[list(cli.columns).index("treaty") + 1] == "instrument"
    joiners = {r["state"]: (r["treaty"], r["instrument"], r["article"]) for r in web if r["role"] == "joiner"}
    assert joiners == {r.state: (r.treaty, r.instrument, r.article) for r in cli.itertuples() if r.round > 0}
    assert joiners["USA"] == ("usa_qat_eo_2025", "executive_order", "EO")
    findings = [r for r in web if r["role"] in ("attacker", "target", "withheld")]
    assert not any(r["instrument"] for r in findings)  # the parties and the findings whose records say none
    # a conflict's row says its treaties' instruments, in their order (tests/test_violation_conflict_instrument_said.py)
    conflicts = {r["state"]: r["instrument"] for r in web if r["role"] == "conflict"}
    assert conflicts == {c.state: " ".join(["treaty"] * len(c.treaties)) for c in result.conflicts}


def test_the_web_treaty_list_names_each_treaty_as_treaties_list_does() -> None:
    """The what-if panel's treaty choices (listed.ts `treatyListed`, on /api/treaties' rows) named the US order on
    Qatar "US-Qatar security EO", where `foedus treaties list` says "(an executive order, not a treaty)" after it:
    every bundled treaty is now named as the list names it."""
    from foedus.catalog import treaty_rows
    from foedus.model.world import World

    rows = treaty_rows(World.default(), None)
    said = run_ts([("listed", "treatyListed", [r]) for r in rows])
    assert said == [r["name"] + instrument_said(r["instrument"]) for r in rows]
    assert dict(zip([r["id"] for r in rows], said, strict=True))["usa_qat_eo_2025"] == (
        "US-Qatar security EO (an executive order, not a treaty)")


def test_a_duty_to_consult_or_stay_out_cites_its_instrument_alike(tmp_path: Any) -> None:
    """The "Why?" panel cited a neutrality duty's or a consultation's provision with nothing of its instrument, so a
    duty to consult under a forum read as a treaty's: it now cites it (findings.ts `findingCited`, in `neutralSaid`
    and `consultSaid`) as the CLI's "Neutral: " and "Consultation: " lines do after "under", and the web's CSV gives
    each such row its record's instrument. The duties come from treaty files: no curated one that is not a treaty
    has such a clause."""
    import csv
    import io

    import foedus
    from foedus.model.world import World

    paths = []
    for tid, instrument, state, kind in (("forum_consult", "forum", "BTN", "consultation"),
                                         ("stmt_neutral", "political_statement", "NPL", "neutrality")):
        paths.append(tmp_path / f"{tid}.yaml")
        paths[-1].write_text(f"id: {tid}\nname: {tid}\nsigned: 2020-01-01\nin_force: 2020-02-01\n"
                             f"instrument: {instrument}\nsources: [{{url: 'https://example.org/{tid}'}}]\n"
                             f"members: [{{state: MNG}}, {{state: {state}}}]\n"
                             f"provisions: [{{kind: {kind}, article: '4', strength: S4}}]\n", encoding="utf-8")
    result = foedus.cascade("CHN", "MNG", "2025-06-01", world=World.load(paths))
    names = {"$lookup": {s: result.names.get(s, s) for s in result.names}}
    lines = render.explain_lines(result)
    duties = [("neutralSaid", "Neutral: ", n, n.toward, "Bound not to join the war against") for n in result.neutral]
    duties += [("consultSaid", "Consultation: ", c, c.with_, "Bound to consult with") for c in result.consultations]
    said = run_ts([call for fn, _, d, _, _ in duties
                   for call in (("findings", "findingCited", [d.to_dict(), {"$lookup": {}}]),
                                ("findings", fn, [d.to_dict(), names, {"$lookup": {}}]))])
    cli = {head: [line for line in lines if line.startswith(head)] for head in ("Neutral: ", "Consultation: ")}
    seen = {head: 0 for head in cli}
    for (_, head, d, other, opening), cite, sentence in zip(duties, said[::2], said[1::2], strict=True):
        line, seen[head] = cli[head][seen[head]], seen[head] + 1
        assert cite == cited(d.treaty, d.article) + instrument_said(d.instrument) and f" under {cite}" in line
        assert sentence == f"{opening} {named_state(other, result.names)}: {cite}."
    cited_as = {d.treaty: c for (_, _, d, _, _), c in zip(duties, said[::2], strict=True)}
    assert cited_as["forum_consult"] == "forum_consult art. 4 (a forum, not a treaty)"
    assert cited_as["stmt_neutral"] == "stmt_neutral art. 4 (a political statement, not a treaty)"
    web = list(csv.DictReader(io.StringIO(run_ts([("csv", "csvOf", [result.to_dict(), names])])[0])))
    rows = {(r["role"], r["treaty"]): r["instrument"] for r in web}
    assert rows[("consultation", "forum_consult")] == "forum" and rows[("neutral", "stmt_neutral")] == (
        "political_statement")
    records = [*(("neutral", n) for n in result.neutral), *(("consultation", c) for c in result.consultations)]
    assert all(rows[(role, d.treaty)] == d.instrument for role, d in records)


@pytest.mark.needs_data
def test_a_war_cites_a_named_atop_alliance_alike() -> None:
    """`foedus war`'s other duties and a binding's other obligations cite a named ATOP alliance with its title, and so
    does the web map's "Why?" on a war's date (said.ts dutyLines, alsoSaid, with the treaty list's titles): China's
    duty to consult Russia under the SCO treaty of 2007 in russia_ukraine_2022; a name from a news page tagged."""
    from foedus.api import replay_war
    from foedus.catalog import treaty_rows
    from foedus.model.world import World

    whole = replay_war("russia_ukraine_2022").to_dict()
    titles = {r["id"]: r["title"] for r in treaty_rows(World.default(), None, "atop") if r["title"]}
    records = [r for r in whole["states"] if r["consultations"] or r["neutral"] or r["triggered"]]
    days = sorted({d["date"] for r in records for kind in ("triggered", "consultations", "neutral") for d in r[kind]})
    on = {d: war_names_on(whole["names"], whole["renames"], d) for d in days}
    said = run_ts([("said", "dutyLines", [r, {"$lookup": on}, None, titles]) for r in records])
    python = [duty_lines(r, on.__getitem__, None, titles) for r in records]
    assert said == python
    lines = [line for found in python for line in found]
    assert any("(atop_6020 (SCO Treaty on Long-Term Good-Neighbourliness, Friendship and Cooperation, 2007) ATOP "
               "consultation code)" in line for line in lines)
    assert any("; name secondary) ATOP consultation code)" in line for line in lines)
    also = [{"treaty": "atop_4980", "article": "ATOP consultation", "certainty": "carried-forward",
             "doubted": ["treaty"]}, {"treaty": "nato_1949", "article": "5"}]
    assert run_ts([("said", "alsoSaid", [also, titles])])[0] == also_said(also, titles)


def test_a_comparisons_treaty_changes_undone_going_back_are_worded_alike() -> None:
    """A comparison whose other date is before its base reads history backwards: the CLI's "treaty change on DATE,
    undone going back to DATE2: ..." (compare_dated.dated_line) is the compare view's (comparesaid.ts datedLine)."""
    cases = [{"date": "2023-04-04", "treaty": "nato_1949", "change": "joins", "state": "FIN",
              "text": "Finland (FIN) becomes a party to nato_1949", "certainty": "verified",
              "undone_back_to": "2022-01-01"},
             {"date": "2024-12-04", "treaty": "rus_prk_2024", "change": "in-force",
              "text": "rus_prk_2024 enters into force", "certainty": "secondary", "undone_back_to": "2024-06-01"}]
    said = run_ts([("comparesaid", "datedLine", [c]) for c in cases])
    assert said == [dated_line(c) for c in cases]
    assert said[0] == ("treaty change on 2023-04-04, undone going back to 2022-01-01: Finland (FIN) becomes a party "
                       "to nato_1949")


@pytest.mark.needs_data
def test_a_states_help_and_what_a_place_limit_cuts_are_worded_alike() -> None:
    """The web's "Why?" of a state shows the cascade text's "Support: " lines (one provision; several; coded by ATOP
    with no giver, alone and beside a treaty's; owed for a place limit, with its extent's doubt) and its "Support not
    owed here: " and "Consultation not owed here: " lines (web/src/helpsaid.ts), as foedus.support_words and
    foedus.limit_words word them; the web said none of them."""
    import foedus
    from foedus.engine.rules import Support
    from foedus.limit_words import consult_limit, unreached_consultation_lines
    from foedus.support_words import support_lines, unreached_lines

    runs = [foedus.cascade("RUS", "UKR", "2025-06-01"),
            foedus.cascade("CHN", "USA", "2025-06-01"),
            foedus.cascade("CHN", "USA", "2025-06-01", place="taiwan-strait", target_kind="forces"),
            foedus.cascade("RUS", "EST", "2025-06-01", reading="escalatory")]
    calls, python = [], []
    for r in runs:
        d, names = r.to_dict(), {"$lookup": dict(r.names)}
        calls += [("helpsaid", "supportLines", [d["supporters"], names, r.titles]),
                  ("helpsaid", "unreachedLines", [d["unreached_support"], names, r.titles]),
                  ("helpsaid", "unreachedConsultationLines", [d["unreached_consultations"], names, r.titles])]
        python += [support_lines(r.supporters, r.names, r.titles),
                   unreached_lines(r.unreached_support, r.names, r.titles),
                   unreached_consultation_lines(r.unreached_consultations, r.names, r.titles)]
    mixed = [Support("UZB", "USA", "defense", "usa_uzb", "2", "arms", "general", "peacetime", "treaty", "verified",
                     None),
             Support("UZB", "USA", "defense", "atop_4998", None, "arms", "training_technology", "peacetime", "treaty",
                     "carried-forward", "MILAID=3")]  # a directed and a coded provision: no real pair has both
    calls.append(("helpsaid", "supportLines", [[x.to_dict() for x in mixed], {"$lookup": NAMES}, {}]))
    python.append(support_lines(mixed, NAMES))
    assert run_ts(calls) == python
    lines = [line for said in python for line in said]
    assert any("under 2 provisions:" in line for line in lines)  # Belgium toward Ukraine
    assert any(NO_GIVER_SAID in line for line in lines) and any("provisions toward" in line for line in lines)
    assert any("; owed for an attack in far-east-1960 (extent unverified))" in line for line in lines)
    assert any("(ukr_bilateral_2024, a political statement, not a treaty; once attacked; verified)" in line
               for line in lines)  # an instrument's words in no bracket within the bracket
    assert any(line.startswith("Support not owed here: Japan") for line in lines)
    assert any(line.startswith("Consultation not owed here: Thailand") for line in lines)
    consults = [c for r in runs for c in r.consultations]
    said = run_ts([("helpsaid", "consultLimit", [c.to_dict()]) for c in consults])
    assert said == [consult_limit(c) for c in consults]
    assert ", owed for an attack in far-east-1960 (extent unverified)" in said
    japan = next(c for c in consults if c.limit and c.state == "JPN")
    assert run_ts([("findings", "consultSaid", [japan.to_dict(), {"$lookup": {}}, {"$lookup": {}}])]) == [
        "Bound to consult with USA: usa_jpn_1960 art. IV, owed for an attack in far-east-1960 (extent unverified)."]


NO_GIVER_SAID = "; ATOP codes no giver)"


def test_a_rebased_states_duty_is_tagged_alike() -> None:
    """A rebased state's primary obligation now is tagged when not verified, its article's own note of that doubt
    dropped, on `foedus compare`'s line and the compare view's alike; an entry without a certainty (an older server's)
    reads as verified."""
    cases = [("rebased", {"state": "KAZ", "side": "defense", "why": "rus_kaz_1992 art. unknown (article unverified)",
                          "why_before": "csto_1992 art. 4", "added": [], "dropped": ["csto_1992 art. 4"],
                          "certainty": "unverified", "doubted": ["treaty", "article"]}),
             ("rebased", {"state": "USA", "side": "defense", "why": "x art. 1", "why_before": "x art. 1", "added": [],
                          "dropped": [], "strength": "S1", "strength_before": "S3", "certainty": "secondary",
                          "doubted": []}),
             ("rebased", {"state": "DEU", "side": "defense", "why": "a art. 1", "why_before": "b art. 1", "added": [],
                          "dropped": []})]
    assert change_words(*cases[0]) == ("is still bound to join the defense side, now under rus_kaz_1992 art. unknown "
                                       "(unverified: treaty, article) (was csto_1992 art. 4)")
    assert change_words(*cases[1]) == ("is still bound to join the defense side, under x art. 1 (secondary), now S1 "
                                       "(was S3)")
    assert change_words(*cases[2]) == "is still bound to join the defense side, now under a art. 1 (was b art. 1)"
    assert run_ts([("said", "changeWords", [kind, x]) for kind, x in cases]) == [change_words(k, x) for k, x in cases]


def test_a_war_consultations_place_limit_is_worded_alike(tmp_path: Any) -> None:
    """A war's duty to consult owed through a place set (Japan's Art. IV through far-east-1960, US forces struck in
    the Taiwan Strait) says the limit with its extent's doubt on `foedus war`'s line and the web map's "Why?" alike
    (duty_lines, said.ts dutyLines: consultLimit); a record without a limit says none on both."""
    from samples import replay_text

    r = replay_text(tmp_path, "id: chn_usa\nname: China on US forces\nend: 2025-07-01\nsources: [{url: "
                    "'https://example.org/w'}]\nevents:\n  - {type: attack, date: 2025-06-01, attacker: CHN, "
                    "victim: USA, place: taiwan-strait, target_kind: forces}\n").to_dict()
    records = [s for s in r["states"] if s["consultations"]]
    records.append({"state": "JPN", "first_bound": None, "triggered": [], "neutral": [], "consultations": [
        {"date": "2025-06-01", "treaty": "t", "article": "1", "with": "USA", "certainty": "verified"}]})
    on = {"2025-06-01": r["names"]}
    said = run_ts([("said", "dutyLines", [x, {"$lookup": on}, None]) for x in records])
    assert said == [duty_lines(x, on.__getitem__) for x in records]
    assert any("usa_jpn_1960 art. IV, owed for an attack in far-east-1960 (extent unverified))" in line
               for lines in said for line in lines), said


def test_a_treatys_place_sets_are_worded_alike() -> None:
    """Each place set a treaty's scopes name, with its extent's certainty and doubt, as `foedus treaties show` says it
    (foedus.set_uses.set_line) and the "Why?" panel's treaty list does (placesets.ts placeSetLine)."""
    from foedus.catalog import treaty_detail
    from foedus.model.world import World
    from foedus.set_uses import set_line

    world = World.default()
    records = [s for t in ("usa_jpn_1960", "eu_teu_42_7") for s in treaty_detail(world, t)["place_sets"]]
    assert {s["certainty"] for s in records} == {"verified", "unverified"}
    assert run_ts([("placesets", "placeSetLine", [s]) for s in records]) == [set_line(s) for s in records]


def test_the_not_owed_lines_go_by_name_alike() -> None:
    """The web's "Support not owed here: " and "Consultation not owed here: " lines (helpsaid.ts) go by the name of the
    state that would help or consult, then of the other state, as foedus.support_words and foedus.limit_words put
    them (byName; by_name), not in the engine's order (by code: Germany, DEU, between Czechia and Denmark)."""
    from foedus.engine.rules.consult_limit import UnreachedConsultation
    from foedus.engine.rules.support import Unreached
    from foedus.limit_words import unreached_consultation_lines
    from foedus.support_words import unreached_lines

    names = {"DEU": "Germany", "DNK": "Denmark", "CZE": "Czechia", "UKR": "Ukraine", "ISR": "Israel"}
    pairs = [("CZE", "UKR"), ("DEU", "UKR"), ("DEU", "ISR"), ("DNK", "UKR")]
    help_ = [Unreached(a, b, "defense", "t", "1", "bases", "europe", "verified", "verified") for a, b in pairs]
    consults = [UnreachedConsultation(a, b, "t", "1", "europe", "verified", "verified") for a, b in pairs]
    python = [unreached_lines(help_, names), unreached_consultation_lines(consults, names)]
    assert run_ts([("helpsaid", "unreachedLines", [[x.to_dict() for x in help_], {"$lookup": names}, {}]),
                   ("helpsaid", "unreachedConsultationLines", [[x.to_dict() for x in consults], {"$lookup": names}, {}])
                   ]) == python
    assert [line.split(" would")[0].split(": ")[1] for line in python[1]] == [
        "Czechia (CZE)", "Denmark (DNK)", "Germany (DEU)", "Germany (DEU)"]
    assert "would consult Israel" in python[1][2]


def test_a_retagged_lapse_is_worded_alike() -> None:
    """A lapse in both worlds whose provision is tagged otherwise in each (`lapsed_retagged`): ongoingSaid says it as
    ongoing_said does, one line with the base world's certainty after "was" (verified, and with its facts)."""
    from foedus.war.ongoing_changes import RetaggedLapse

    changes = OngoingChanges(
        since="2024-08-06", moved=(), bound=(), unbound=(), switched=(), lapsed_added=(), lapsed_removed=(),
        lapsed_retagged=(RetaggedLapse("TJK", "defense", "2024-08-06", "2025-01-01", "csto_1992", "4", "treaty",
                                       "unverified", "secondary", {"article": "unverified", "validity": "unverified"},
                                       {"article": "secondary"}),
                         RetaggedLapse("CUB", "attack", "2022-03-01", "2022-05-01", "t6", "ATOP defense", "statute",
                                       "secondary", levels={"treaty": "secondary"}))).to_dict()
    said = [tuple(x) for x in run_ts([("said", "ongoingSaid", [changes])])[0]]
    assert said == ongoing_said(changes)
    assert [x[2].split("no longer by the date ")[1] for x in said] == ["(was secondary: article)", "(was verified)"]


def test_the_web_summarys_bound_since_is_the_clis_line() -> None:
    """The web summary's "Bound since:" said each state's day and the change (untagged, no provision), where
    `cascade --ongoing-since` cites the provision, tagged, and what binds it now: lapsedsaid.ts boundSinceSaid says
    each entry as foedus.war.pause_words.bound_since_said does, an ATOP alliance with its title (`titles`)."""
    from foedus.api import cascade
    from foedus.war.pause_words import bound_since_said

    result = cascade("UKR", "RUS", "2025-04-15", place="kursk-oblast", ongoing_since="2024-08-06")
    bound = result.ongoing["bound_since"]
    names, titles = dict(result.names), {"atop_4245": "a titled alliance"}
    cases = [(s, b) for s, b in sorted(bound.items())]
    said = run_ts([("lapsedsaid", "boundSinceSaid", [s, b, {"$lookup": names}, titles]) for s, b in cases])
    python = [bound_since_said(s, b, names, titles) for s, b in cases]
    assert said == python
    by_state = dict(zip([s for s, _ in cases], python, strict=True))
    assert by_state["BLR"].startswith("Belarus (BLR): 2024-08-06 (defense, csto_1992 art. 4 (secondary: article)), "
                                      "now under rus_blr_2024 art. 4 (secondary: article) — ")
    assert by_state["PRK"] == "North Korea (PRK): 2024-12-04 (defense, rus_prk_2024 art. 4) — rus_prk_2024 enters " \
                              "into force"
    assert "atop_4245 (a titled alliance) ATOP defense code" in by_state["UZB"]


def test_a_day_after_the_review_day_is_marked_alike() -> None:
    """The web summary's first line marks a day after the treaty set's review day as the CLI's headers do
    (reviewday.ts pastReview; foedus.review_words.past_review): the review day itself and the days before it
    unmarked, the day after it and later marked, the same day named."""
    from foedus.review_words import DATA_END, past_review

    days = [str(DATA_END - dt.timedelta(days=200)), str(DATA_END), str(DATA_END + dt.timedelta(days=1)), "2026-12-07"]
    assert run_ts([("reviewday", "pastReview", [d]) for d in days]) == [past_review(d) for d in days]
    assert [bool(past_review(d)) for d in days] == [False, False, True, True]
    assert run_ts([("reviewday", "DATA_END", [])]) == [str(DATA_END)]


def test_a_retagged_binding_is_worded_alike() -> None:
    """A state bound to the date in both worlds alike but for its provision's tag (`retagged`): ongoingSaid says it as
    ongoing_said does, one line with the base world's certainty after "was" (verified, and with its facts)."""
    from foedus.war.ongoing_changes import RetaggedSince

    changes = OngoingChanges(
        since="2024-08-06", moved=(), bound=(), unbound=(), switched=(), lapsed_added=(), lapsed_removed=(),
        retagged=(RetaggedSince("BLR", "defense", "2024-08-06", "csto_1992", "4", "treaty", "secondary", "verified",
                                {"article": "secondary"}),
                  RetaggedSince("CUB", "attack", "2022-03-01", "t6", "ATOP defense", "statute", "unverified",
                                "secondary", {"treaty": "unverified", "validity": "unverified"},
                                {"treaty": "secondary"}))).to_dict()
    said = [tuple(x) for x in run_ts([("said", "ongoingSaid", [changes])])[0]]
    assert said == ongoing_said(changes)
    assert [x[2].split("), was ")[1] for x in said] == ["verified", "secondary: treaty"]


def test_a_place_is_named_and_a_home_attack_said_alike() -> None:
    """The "because" of the "Why?" panel (becauseWords), the title's places (whereSaid) and the place after an attack
    (atPlace) name each place by its gazetteer name and say none after a state attacked on its own home territory, as
    foedus.place_words does for the CLI ("attacked Estonia (EST)", "attacked Russia (RUS) at Kursk Oblast"): the text
    said "at estonia", the page "at Estonia"."""
    from foedus.place_words import at_place, where_said

    places = {"estonia": "Estonia", "kursk-oblast": "Kursk Oblast", "black-sea": "Black Sea", "russia": "Russia"}
    homes = {"EST": "estonia", "RUS": "russia"}  # each state's home place, as the gazetteer's `home_of`
    names = {"$names": {"state": NAMES, "place": places, "home": {p: s for s, p in homes.items()}}}
    result = SimpleNamespace(scenario=SimpleNamespace(**_scenarios()[0]), names=NAMES, place_names=places, homes=homes)
    becauses = [Because(attacked=attacked, by=by, place=place, kind=kind)
                for by, attacked in itertools.permutations(STATES, 2)
                for place, kind in (("estonia", "territory"), ("kursk-oblast", "territory"), ("black-sea", "forces"))]
    targets = [(["EST"], ["estonia"]), (["RUS"], ["kursk-oblast"]), (["EST", "RUS"], ["estonia", "russia"]),
               (["EST", "RUS"], ["black-sea", "black-sea"]), (["EST", "BLR"], ["estonia", "belarus"])]
    said = run_ts([("said", "becauseWords", [b.to_dict(), _scenarios()[0], names]) for b in becauses]
                  + [("placesaid", "whereSaid", [t, p, names]) for t, p in targets]
                  + [("placesaid", "atPlace", [b.place, b.attacked, names]) for b in becauses])
    python = ([render._because(result, b).removeprefix("because ") for b in becauses]
              + [where_said(t, p, places, homes) for t, p in targets]
              + [at_place(b.place, b.attacked, places, homes) for b in becauses])
    assert said == python
    assert {"Russia (RUS) attacked Estonia (EST)", "Estonia (EST) attacked Russia (RUS) at Kursk Oblast"} <= set(said)
    where = said[len(becauses):len(becauses) + len(targets)]
    assert where == ["", " at Kursk Oblast", "", " at Black Sea", " at belarus"]


def test_a_target_attacked_at_home_is_said_attacked_at_no_place() -> None:
    """The "Why?" panel's line for a target (placesaid.ts attackedSaid) said "Attacked at Estonia in this scenario."
    of Estonia attacked on its home territory, where the CLI says no place (foedus.place_words.at_place); a place
    elsewhere is said by its name."""
    from foedus.place_words import at_place

    places = {"estonia": "Estonia", "kursk-oblast": "Kursk Oblast"}
    homes = {"EST": "estonia", "RUS": "russia"}
    names = {"$names": {"state": NAMES, "place": places, "home": {p: s for s, p in homes.items()}}}
    cases = [("estonia", "EST"), ("kursk-oblast", "RUS"), ("estonia", "LVA")]
    said = run_ts([("placesaid", "attackedSaid", [p, v, names]) for p, v in cases])
    assert said == [f"Attacked{at_place(p, v, places, homes)} in this scenario." for p, v in cases]
    assert said[:2] == ["Attacked in this scenario.", "Attacked at Kursk Oblast in this scenario."]


def test_the_network_views_attack_tie_names_its_place_as_the_text_does() -> None:
    """The treaty-ties table's attack tie (ties.ts tiesOf) says where as the text's "because" does (at_place): "attacks
    at Kursk Oblast", and nothing more for a state attacked at home; it said "attacks (kursk-oblast)"."""
    import foedus
    from foedus.place_words import at_place

    places = {"kursk-oblast": "Kursk Oblast", "estonia": "Estonia"}
    homes = {"EST": "estonia", "RUS": "russia"}
    names = {"$names": {"state": NAMES, "place": places, "home": {p: s for s, p in homes.items()}}}
    runs = [foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast"),
            foedus.cascade("RUS", "EST", "2025-06-01")]
    said = run_ts([("ties", "tiesOf", [r.to_dict(), names]) for r in runs])
    attacks = [[t["label"] for t in ties if t["kind"] == "attack"] for ties in said]
    assert attacks == [["attacks" + at_place(r.scenario.places[0], r.scenario.targets[0], places, homes)] for r in runs]
    assert attacks == [["attacks at Kursk Oblast"], ["attacks"]]


def test_a_reprovisioned_binding_is_worded_alike() -> None:
    """A state bound to the date in both worlds on the same side since the same day under another provision in each
    (`reprovisioned`): ongoingSaid says it as ongoing_said does, one line with the base world's provision after "was",
    each tagged and its instrument said as a joiner's line cites it."""
    from foedus.war.ongoing_changes import ReprovisionedSince

    changes = OngoingChanges(
        since="2024-08-06", moved=(), bound=(), unbound=(), switched=(), lapsed_added=(), lapsed_removed=(),
        reprovisioned=(ReprovisionedSince("BLR", "defense", "2024-08-06", "rus_blr_2024", "4", "csto_1992", "4"),
                       ReprovisionedSince("CUB", "attack", "2022-03-01", "t6", "ATOP defense", "t6", "2", "statute",
                                          "treaty", "unverified", "secondary", {"treaty": "unverified",
                                                                                "validity": "unverified"},
                                          {"article": "secondary"})),
    ).to_dict()
    said = [tuple(x) for x in run_ts([("said", "ongoingSaid", [changes])])[0]]
    assert said == ongoing_said(changes)
    assert said[0] == ("", "BLR", "bound since 2024-08-06 (defense) under rus_blr_2024 art. 4, was csto_1992 art. 4")
