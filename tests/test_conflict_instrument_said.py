"""A conflict's "Conflict: " line named the treaties of its clashing duties by id alone, and its doubted duties
(`conflict_words.doubted_duties`, which the likelihood's warning says too) cited them alike, so a clash under an
executive order, a forum or a political statement read as one between treaties; the web's summary (conflictsaid.ts
conflictLine, doubtedDuties) said the same, and its network view's ties (ties.ts tiesOf) named no instrument for any
tie. Each now says an instrument that is not a treaty as a joiner's line does (`foedus.cited.instrument_said`). No
curated instrument that is not a treaty has such clauses, so the duties come from treaty files given with
--treaties: China attacking Mongolia on 2025-06-01 binds Bhutan both to join (a political statement's offence
clause) and not to join (a forum's neutrality clause, unverified), Nepal to both sides (that statement and an
executive order, secondary), Laos to both sides (that statement and a treaty: no words for the treaty), the Maldives
to join Mongolia (a statute, an executive order beside it), Brunei to stay out (a political statement) and the
Seychelles to consult (a forum)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from foedus.cited import bound_tag, cited, instrument_said, tagged_article
from foedus.engine.doubted_facts import doubt_levels, doubted
from samples import cli_line, treaty_files
from ts_said import run_ts

# id: (instrument, members, kind, article, strength, certainty)
FILES = {
    "eo_def": ("executive_order", "MNG NPL", "defense", "EO", "S2", "secondary"),
    "off_stmt": ("political_statement", "CHN BTN NPL LAO", "offense", "3", "S2", "verified"),
    "forum_neutral": ("forum", "MNG BTN", "neutrality", "6", "S4", "unverified"),
    "pact_def": ("treaty", "MNG LAO", "defense", "2", "S2", "verified"),
    "statute_def": ("statute", "MNG MDV", "defense", "1", "S2", "verified"),
    "eo_mdv": ("executive_order", "MNG MDV", "defense", "EO", "S3", "verified"),
    "forum_consult": ("forum", "MNG SYC", "consultation", "4", "S4", "verified"),
    "stmt_neutral": ("political_statement", "MNG BRN", "neutrality", "5", "S4", "verified"),
}


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Any:
    import foedus
    from foedus.model.world import World

    files = treaty_files(tmp_path_factory.mktemp("files"), FILES)
    return foedus.cascade("CHN", "MNG", "2025-06-01", world=World.load(files))


def test_the_conflict_lines_say_each_instrument_that_is_not_a_treaty(tmp_path: Path) -> None:
    ran = cli_line(["cascade", "-a", "CHN", "-t", "MNG", "-d", "2025-06-01",
                    *(arg for p in treaty_files(tmp_path, FILES) for arg in ("--treaties", str(p)))])
    assert ran.returncode == 0, ran.stderr
    text = " ".join(ran.stdout.replace("│", " ").split())  # the tree wraps its lines
    assert ("Conflict: Bhutan (BTN) is bound both to join and not to join the war against Mongolia (MNG) under "
            "forum_neutral (a forum, not a treaty), off_stmt (a political statement, not a treaty); it is counted on "
            "neither side; its duties resting on facts not verified: forum_neutral art. 6 (a forum, not a treaty) "
            "(unverified facts)") in text
    assert ("Conflict: Nepal (NPL) is bound to both sides under eo_def (an executive order, not a treaty), off_stmt (a "
            "political statement, not a treaty); it is counted on neither side; its duties resting on facts not "
            "verified: eo_def EO (an executive order, not a treaty) (secondary facts)") in text
    assert ("Conflict: Laos (LAO) is bound to both sides under off_stmt (a political statement, not a treaty), "
            "pact_def; it is counted on neither side") in text  # a treaty: no words after it


def test_doubted_duties_cite_their_instrument(result: Any) -> None:
    """The likelihood's warning names a conflict's doubted duties by `doubted_duties` too; one of each certainty."""
    from foedus.render import doubted_duties  # the name it had before `foedus.conflict_words` held it

    nepal, bhutan = (next(c for c in result.conflicts if c.state == s) for s in ("NPL", "BTN"))
    assert doubted_duties([*nepal.doubted(), *bhutan.doubted()]) == (
        "eo_def EO (an executive order, not a treaty) (secondary facts) and forum_neutral art. 6 (a forum, not a "
        "treaty) (unverified facts)")


def test_the_web_says_a_conflicts_instruments_as_the_cli(result: Any) -> None:
    """The summary's conflict line (conflictLine), its treaties (conflictTreaties) and doubted duties (doubtedDuties)
    are the CLI's, instruments and all."""
    from foedus import render
    from foedus.conflict_words import conflict_treaties, doubted_duties

    conflicts = [c.to_dict() for c in result.conflicts]
    doubted = [[d.to_dict() for d in c.doubted()] for c in result.conflicts]
    said = run_ts([("conflictsaid", "conflictLine", [c, {"$lookup": result.names}]) for c in conflicts]
                  + [("conflictsaid", "conflictTreaties", [c]) for c in conflicts]
                  + [("conflictsaid", "doubtedDuties", [d]) for d in doubted])
    n = len(conflicts)
    assert n == 3
    assert said[:n] == [x for x in render.explain_lines(result) if x.startswith("Conflict: ")]
    assert said[n:2 * n] == [conflict_treaties(c) for c in result.conflicts]
    assert said[2 * n:] == [doubted_duties(c.doubted()) for c in result.conflicts]
    assert "eo_def (an executive order, not a treaty), off_stmt (a political statement, not a treaty)" in said[n:2 * n]


def test_the_network_ties_say_their_instrument(result: Any) -> None:
    """Every tie a record with an instrument draws cites it as the CLI does (`cited` + `instrument_said`), after the
    strength where the tie has one: the joiner's, its other obligation's, each conflict's, the neutrality duty's and
    the consultation's."""
    ties = run_ts([("ties", "tiesOf", [result.to_dict()])])[0]
    labels = {(t["kind"], t["from"], t["to"], t["label"]) for t in ties}

    def said(d: Any, strength: bool = True) -> str:  # tagged when not verified, as every tie is (ties.ts tieCited)
        doubts = doubted(d.certainty_reasons)
        return (cited(d.treaty, tagged_article(d.article, d.certainty, doubts))
                + (f" ({d.strength})" if strength else "")
                + bound_tag(d.certainty, doubts, doubt_levels(d.certainty_reasons)) + instrument_said(d.instrument))

    mdv = next(j for j in result.joiners if j.state == "MDV")
    expected = {("defense", "MDV", "MNG", said(mdv.primary)),
                *(("defense", "MDV", "MNG", f"also {said(o)}") for o in mdv.also),
                *(("conflict", c.state, o.because.by if o.kind == "offense" else o.because.attacked,
                   f"conflict: {said(o)}") for c in result.conflicts for o in c.obligations),
                *(("neutral", n.state, n.toward, f"neutral: {said(n, False)}") for n in result.neutral),
                *(("consult", c.state, c.with_, f"consult: {said(c, False)}") for c in result.consultations)}
    assert expected <= labels
    assert {("defense", "MDV", "MNG", "statute_def art. 1 (S2) (a domestic statute, not a treaty)"),
            ("defense", "MDV", "MNG", "also eo_mdv EO (S3) (an executive order, not a treaty)"),
            ("conflict", "LAO", "MNG", "conflict: pact_def art. 2 (S2)"),
            ("neutral", "BRN", "MNG", "neutral: stmt_neutral art. 5 (a political statement, not a treaty)"),
            ("consult", "SYC", "MNG", "consult: forum_consult art. 4 (a forum, not a treaty)")} <= labels
