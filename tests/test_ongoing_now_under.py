"""`cascade --ongoing-since`'s line for a state whose binding changed basis without a break says what binds it now,
tagged (`foedus.war.pause_words.now_under_said`, web/src/lapsedsaid.ts `nowUnder`): Belarus, bound since 2024-08-06
under CSTO art. 4 and under the 2024 Russia–Belarus treaty from its entry into force, was cited under CSTO only,
though the JSON's `now` held rus_blr_2024. And `foedus compare`'s ongoing lines tag each provision as
`binding_said` does (`ongoing_said`, said.ts `ongoingSaid`): they cited untagged."""

from __future__ import annotations

import json

import pytest

import foedus
from foedus.war.ongoing_changes import ongoing_changes, ongoing_said
from foedus.war.pause_words import now_under_said
from foedus.war.render import print_ongoing
from foedus.wording import named_state
from samples import cli_line
from ts_said import run_ts

KURSK = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-04-15", "--place", "kursk-oblast",
         "--ongoing-since", "2024-08-06"]


def test_belarus_line_says_what_binds_it_now(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Belarus's line cites CSTO art. 4 and then the treaty binding it on the date, tagged; Kazakhstan's, bound under
    CSTO throughout, says no "now under"."""
    kursk = foedus.cascade("UKR", "RUS", "2025-04-15", place="kursk-oblast", ongoing_since="2024-08-06")
    assert kursk.ongoing is not None
    assert kursk.ongoing["bound_since"]["BLR"]["now"]["treaty"] == "rus_blr_2024"
    monkeypatch.setenv("COLUMNS", "2000")
    print_ongoing(kursk.ongoing, kursk.names)
    printed = capsys.readouterr().out
    assert (f"  {named_state('BLR', kursk.names)}: 2024-08-06 (defense, csto_1992 art. 4 (secondary: article)), now "
            "under rus_blr_2024 art. 4 (secondary: article) — ") in printed
    kaz = next(line for line in printed.splitlines() if line.startswith(f"  {named_state('KAZ', kursk.names)}"))
    assert "now under" not in kaz


def test_the_cli_text_says_it() -> None:
    code, out, err = cli_line(KURSK)
    assert code == 0, err
    assert "now under rus_blr_2024 art. 4 (secondary: article)" in " ".join(out.split())


def test_the_web_says_now_under_as_the_cli() -> None:
    """nowUnder and `now_under_said` alike: a changed provision (tagged, an instrument said), the same one, none."""
    code, out, err = cli_line([*KURSK, "--json"])
    assert code == 0, err
    bound = json.loads(out)["ongoing"]["bound_since"]
    eo = {**bound["BLR"], "now": {"treaty": "usa_x_eo", "article": "EO", "instrument": "executive_order",
                                  "certainty": "unverified", "doubted": ["treaty"]}}
    old = {k: v for k, v in bound["BLR"].items() if k != "now"}
    cases = [bound["BLR"], bound["KAZ"], eo, old]
    said = run_ts([("lapsedsaid", "nowUnder", [b]) for b in cases])
    assert said == [now_under_said(b) for b in cases]
    assert said[0] == ", now under rus_blr_2024 art. 4 (secondary: article)"
    assert said[1] == said[3] == ""


def test_a_comparisons_ongoing_line_is_tagged() -> None:
    """North Korea made a CSTO member is bound from the attack's first day under CSTO art. 4, known from secondary
    quotes: the comparison's line tags it as its joiner line does; the 2024 treaty, verified, stays untagged."""
    code, out, err = cli_line(["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-04-15", "--place", "kursk-oblast",
                               "--ongoing-since", "2024-08-06", "--add-member", "csto_1992:PRK"])
    assert code == 0, err
    assert ("ongoing: North Korea (PRK) bound since 2024-08-06 under csto_1992 art. 4 (secondary: article) (was "
            "2024-12-04 under rus_prk_2024 art. 4)") in " ".join(out.split())


def test_the_comparison_records_carry_the_certainty() -> None:
    """Each record of `ongoing_changes` carries its provision's certainty and facts not verified (the base world's
    too, `_before`); a summary from before they were sent reads as verified."""
    tagged = {"treaty": "csto_1992", "article": "4", "certainty": "secondary", "doubted": ["article"]}
    base = {"since": "2024-08-06", "lapsed": [], "bound_since": {
        "KAZ": {"since": "2024-08-06", "side": "defense", **tagged},
        "PRK": {"since": "2024-12-04", "side": "defense", "treaty": "rus_prk_2024", "article": "4"}}}
    other = {"since": "2024-08-06", "bound_since": {
        "PRK": {"since": "2024-08-06", "side": "defense", **tagged},
        "BLR": {"since": "2024-08-06", "side": "attack", "treaty": "u", "article": "2", "certainty": "unverified",
                "doubted": ["treaty"], "instrument": "executive_order"}},
        "lapsed": [{"state": "TJK", "side": "defense", "from": "2024-08-06", "to": "2025-01-01", **tagged}]}
    changes = ongoing_changes(base, other)
    assert (changes.moved[0].certainty, changes.moved[0].doubted) == ("secondary", ("article",))
    assert (changes.moved[0].certainty_before, changes.moved[0].doubted_before) == ("verified", ())
    assert (changes.unbound[0].certainty, changes.lapsed_added[0].doubted) == ("secondary", ("article",))
    said = ongoing_said(changes.to_dict())
    assert ("-", "KAZ", "no longer bound to the date (was since 2024-08-06: defense, csto_1992 art. 4 (secondary: "
            "article))") in said
    assert ("", "PRK", "bound since 2024-08-06 under csto_1992 art. 4 (secondary: article) (was 2024-12-04 under "
            "rus_prk_2024 art. 4)") in said


def test_the_webs_comparison_lines_are_tagged_as_the_cli_s() -> None:
    """ongoingSaid and `ongoing_said` alike on tagged records, a moved and a switched one's base world tagged too,
    and on records from an older server, with no certainty (untagged)."""
    sure = {"certainty": "unverified", "doubted": ["treaty", "article"]}
    before = {"certainty_before": "secondary", "doubted_before": ["article"]}
    cited = {"treaty": "t1", "article": "4", "instrument": "treaty"}
    changes = {"since": "2024-08-06",
               "moved": [{"state": "BLR", "side": "attack", "since": "2024-09-01", **cited, **sure,
                          "since_before": "2024-08-06", "treaty_before": "t2", "article_before": "2",
                          "instrument_before": "statute", **before}],
               "bound": [{"state": "USA", "side": "defense", "since": "2024-08-06", **cited, **sure}],
               "unbound": [{"state": "EST", "side": "defense", "since": "2024-08-07", **cited}],
               "switched": [{"state": "DEU", "side": "attack", "since": "2024-09-01", **cited, **sure,
                             "side_before": "defense", "since_before": "2024-08-06", "treaty_before": "t2",
                             "article_before": "ATOP defense", "instrument_before": "treaty", **before}],
               "lapsed_added": [{"state": "CUB", "side": "attack", "from": "2024-09-01", "to": "2024-10-01",
                                 **cited, **sure}],
               "lapsed_removed": [{"state": "SYR", "side": "attack", "from": "2024-09-02", "to": "2024-10-01",
                                   **cited}]}
    said = [tuple(x) for x in run_ts([("said", "ongoingSaid", [changes])])[0]]
    assert said == ongoing_said(changes)
    assert said[0][2].startswith("bound since 2024-09-01 under t1 art. 4 (unverified: treaty, article) (was "
                                 "2024-08-06 under t2 art. 2 (secondary: article) (a domestic statute")
    assert said[2][2] == "no longer bound to the date (was since 2024-08-07: defense, t1 art. 4)"
