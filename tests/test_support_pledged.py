"""A supporter's line said "Support: Belgium (BEL) is bound to give Ukraine (UKR) arms and defence industry
(ukr_bilateral_2024 (a political statement, not a treaty), ...)": bound, then not bound in law, in one line, so that a
reader quoting its first half (`foedus demo`) has Belgium legally bound. Help under a political statement is said
pledged (`foedus.support_words.giving`), in the CLI and the web alike; a treaty's, a statute's or an executive order's
is still said bound; Lithuania's row of the same record, whose binding force no source speaks of, is said bound with
its binding force unverified (`Support.instrument_known`), where it read as a legal duty untagged."""

from __future__ import annotations

import foedus
from foedus.engine.rules import Support
from foedus.support_words import support_lines
from ts_said import run_ts

NAMES = {"BEL": "Belgium", "UKR": "Ukraine"}


def test_help_under_a_political_statement_is_said_pledged_not_bound() -> None:
    lines = foedus.cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast").explain().splitlines()
    support = [line for line in lines if line.startswith("Support: ")]
    assert any(line.startswith("Support: Belgium (BEL) has pledged to give Ukraine (UKR) ") for line in support)
    assert any(line.startswith("Support: Lithuania (LTU) is bound to give Ukraine (UKR) ") for line in support)
    assert not [line for line in support if "is bound to give" in line and "a political statement" in line]


def test_help_whose_instrument_no_source_names_says_its_binding_force_unverified() -> None:
    result = foedus.cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast")
    support = [line for line in result.explain().splitlines() if line.startswith("Support: ")]
    lithuania = [line for line in support if line.startswith("Support: Lithuania (LTU) ")]
    assert lithuania and all("(ukr_bilateral_2024, its binding force unverified; " in line for line in lithuania)
    assert not [line for line in support if "binding force" in line and "a political statement" in line]
    assert "binding force" not in next(line for line in support if line.startswith("Support: Belgium (BEL) "))


def test_the_web_says_a_binding_force_unverified_alike() -> None:
    result = foedus.cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast")
    ltu = [x for x in result.supporters if x.state == "LTU"]
    said = run_ts([("helpsaid", "supportLines", [[x.to_dict() for x in ltu], {"$lookup": dict(result.names)}, {}])])
    assert said == [support_lines(ltu, result.names)]  # the web alike
    assert "(ukr_bilateral_2024, its binding force unverified; " in said[0][0]


def _mixed() -> list[Support]:
    """Belgium's help under a treaty and under a political statement: no real pair has both."""
    return [Support("BEL", "UKR", "defense", "t", "1", "arms", "general", "peacetime", "treaty", "verified", None),
            Support("BEL", "UKR", "defense", "p", "2", "arms", "general", "wartime", "treaty", "secondary", None,
                    instrument="political_statement")]


def test_a_supporter_under_both_kinds_says_each_provisions_verb() -> None:
    assert support_lines(_mixed(), NAMES) == [
        "Support: Belgium (BEL), without being bound to fight, under 2 provisions toward Ukraine (UKR):",
        "      bound to give arms (t art. 1, in peace and war, verified)",
        "      pledged to give arms (p art. 2, a political statement, not a treaty; once attacked; secondary)"]


def test_the_web_says_pledged_alike() -> None:
    pledged = [x for x in _mixed() if x.instrument == "political_statement"]
    two = [*pledged, Support("BEL", "UKR", "defense", "p", "3", "bases", "one_way", "peacetime",
                             "treaty", "secondary", None, instrument="political_statement")]
    cases = [_mixed(), pledged, two]
    said = run_ts([("helpsaid", "supportLines", [[x.to_dict() for x in c], {"$lookup": NAMES}, {}]) for c in cases])
    assert said == [support_lines(c, NAMES) for c in cases]
    assert said[1][0].startswith("Support: Belgium (BEL) has pledged to give Ukraine (UKR) arms")
    assert said[2][0].startswith("Support: Belgium (BEL) has pledged to give Ukraine (UKR), without being bound")
