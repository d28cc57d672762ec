"""How a provision's article is cited (`foedus.cited`), in the CLI's lines: a numbered article "art. VI", a unit that
names itself "Title Three" (not "art. Title Three"), an obligation ATOP codes "ATOP neutrality code" (not "art. ATOP
neutrality": ATOP codes the alliance's obligation, it numbers no article); the treaty alone where none is known."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from foedus.cited import article_cited, cited


@pytest.fixture(scope="module")
def usa_irn() -> str:
    """`foedus cascade -a USA -t IRN -d 2010-06-01`, each finding one line (wide enough not to wrap)."""
    out = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "USA", "-t", "IRN", "-d", "2010-06-01"],
                         capture_output=True, text=True, env={**os.environ, "COLUMNS": "400"})
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_each_kind_of_article_is_cited_by_its_kind(usa_irn: str) -> None:
    """The three kinds in one cascade, and no "art." before a unit or an ATOP code."""
    assert "Iran (IRN) under atop_4968 ATOP neutrality code" in usa_irn
    assert "consults Iran (IRN) under atop_4968 ATOP consultation code" in usa_irn
    assert "bases (usa_cofa Title Three, in peace and war, unverified)" in usa_irn
    assert "bases (usa_kor_1953 art. IV, in peace and war, unverified)" in usa_irn
    # a form of help ATOP codes: no article at all, its code (tests/test_support_no_giver.py)
    assert "(atop_6032_p1, in peace and war, verified; ATOP MILAID=3, BASE=3; ATOP codes no giver)" in usa_irn
    assert "art. ATOP" not in usa_irn and "art. Title" not in usa_irn


@pytest.mark.parametrize(("article", "said"), [
    ("5", "art. 5"), ("42(7)", "art. 42(7)"), ("IV", "art. IV"),
    ("2 (number unverified)", "art. 2 (number unverified)"),
    ("unknown (a neutrality pledge; article unverified)",
     "art. unknown (a neutrality pledge; article unverified)"),  # a note in brackets names no unit
    ("Title Three", "Title Three"), ("Military Annex", "Military Annex"), ("EO", "EO"),
    ("Communique of 16 Apr 1971", "Communique of 16 Apr 1971"), ("n/a — unnumbered clause", "n/a — unnumbered clause"),
    ("future-attack clause (numbering varies by agreement)", "future-attack clause (numbering varies by agreement)"),
    ("ATOP defense", "ATOP defense code"), ("ATOP nonaggression", "ATOP nonaggression code"),
])
def test_an_article_is_cited_as_its_kind_says(article: str, said: str) -> None:
    assert article_cited(article) == said
    assert cited("t", article) == f"t {said}"


def test_no_article_cites_the_treaty_alone() -> None:
    assert (cited("atop_3370", None), cited("atop_3370", "")) == ("atop_3370", "atop_3370")


def test_a_support_line_says_when_its_help_is_owed_in_words() -> None:
    """"bound to give Ukraine (UKR) arms (ukr_bilateral_2024, peacetime, ...)" in a war's answer read as help owed
    only in peace: help owed regardless of an attack is said to be owed in peace and war, wartime help once attacked
    (the JSON keeps `when`: peacetime or wartime)."""
    import foedus

    result = foedus.cascade("RUS", "UKR", "2025-06-01")
    text = result.explain()
    assert "Support: Belgium (BEL) has pledged to give Ukraine (UKR), without being bound to fight, under 2 " \
        "provisions:\n      arms (ukr_bilateral_2024, a political statement, not a treaty; once attacked; verified)" \
        in text  # grouped (`support_lines`)
    assert "(rus_blr_2024, in peace and war, verified)" in text
    assert ", peacetime, " not in text and ", wartime, " not in text
    assert {s.when for s in result.supporters} == {"peacetime", "wartime"}


def test_a_violation_names_its_kind_once() -> None:
    """"despite atop_3755 ATOP nonaggression code (nonaggression)" said the kind twice: an ATOP code names it, a
    curated article does not and keeps it after."""
    import foedus

    atop = foedus.cascade("CHN", "JPN", "2025-06-01", place="senkaku-islands").explain()
    assert ("Violation: China (CHN) attacks Japan (JPN) despite atop_3755 (Treaty of Amity and Cooperation in "
            "Southeast Asia, 1976) ATOP nonaggression code — carried-forward") in atop
    assert "code (nonaggression)" not in atop
    curated = foedus.cascade("EGY", "ISR", "2025-06-01").explain()
    assert "Violation: Egypt (EGY) attacks Israel (ISR) despite egy_isr_1979 art. III(1)(c) (nonaggression)" in curated
