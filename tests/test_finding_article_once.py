"""A neutrality duty's, a violation's or a consultation's line kept its article's own note of a doubt that the facts
listed beneath it say again: `foedus demo` read "Consultation: North Korea (PRK) consults Russia (RUS) under
rus_prk_2000 art. 2 (number unverified) — unverified facts", then "not verified: rus_prk_2000 art. 2 (number
unverified): the clause as encoded". A joiner's line drops the note there (`foedus.cited.tagged_article`,
docs/certainty.md: "so the doubt is said once"); these lines now do alike (`foedus.render._article`), and the web's
"Why?" panel cites them alike (web/src/findings.ts `findingCited`)."""

from __future__ import annotations

import pytest

import foedus
from foedus.render import explain_lines
from ts_said import run_ts


def _lines(*args: str, **kw: str) -> list[str]:
    return explain_lines(foedus.cascade(*args, **kw))


def test_a_consultations_article_doubt_is_said_once() -> None:
    lines = _lines("UKR", "RUS", "2024-08-06", place="kursk-oblast")
    (line,) = [x for x in lines if x.startswith("Consultation: North Korea (PRK) consults Russia (RUS)")]
    assert line == "Consultation: North Korea (PRK) consults Russia (RUS) under rus_prk_2000 art. 2 — unverified facts"
    assert sum("rus_prk_2000 art. 2 (number unverified)" in x for x in lines) == 1  # the fact beneath it


@pytest.mark.needs_data
def test_a_neutrality_duties_article_doubt_is_said_once() -> None:
    lines = _lines("RUS", "EST", "2026-12-07")
    (line,) = [x for x in lines if x.startswith("Neutral: Kazakhstan (KAZ)")]
    assert line == ("Neutral: Kazakhstan (KAZ) must not join the war against Russia (RUS) under rus_kaz_2013 art. "
                    "unknown (ATOP 6070's neutrality pledge) — unverified facts")


def test_the_web_cites_them_alike() -> None:
    result = foedus.cascade("UKR", "RUS", "2024-08-06", place="kursk-oblast")
    (prk,) = [c for c in result.consultations if c.state == "PRK"]
    said = run_ts([("findings", "findingCited", [prk.to_dict(), {"$lookup": {}}])])
    assert said == ["rus_prk_2000 art. 2"]
