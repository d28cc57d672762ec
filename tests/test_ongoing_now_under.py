"""`cascade --ongoing-since`'s line for a state whose binding changed basis without a break says what binds it now,
tagged (`foedus.war.pause_words.now_under_said`, web/src/lapsedsaid.ts `nowUnder`): Belarus, bound since 2024-08-06
under CSTO art. 4 and under the 2024 Russia–Belarus treaty from its entry into force, was cited under CSTO only,
though the JSON's `now` held rus_blr_2024. And `foedus compare`'s ongoing lines tag each provision as
`binding_said` does (`ongoing_said`, said.ts `ongoingSaid`): they cited untagged."""

from __future__ import annotations

import json

import pytest

import foedus
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
