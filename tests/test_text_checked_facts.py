"""Facts checked against a copy of the text or an official page where the 2025 fact sheet leaves them open: the
Russia-Tajikistan 1999 treaty's title (§2.8: "1999 treaty on allied interaction [U]") and the place the CSTO Charter
was signed (§1.4: "[C] Chișinău per most sources; one TASS page says Tashkent"). Each is now cited."""

from __future__ import annotations

import foedus

CURATED = foedus.World.load(history=False)


def test_russia_tajikistan_1999_has_its_texts_title_and_cites_the_text() -> None:
    treaty = CURATED.treaty("rus_tjk_1999")
    assert treaty.name == ("Treaty on Allied Interaction between the Russian Federation and the Republic of "
                           "Tajikistan Oriented to the 21st Century")
    assert any("laws-russia.narod.ru" in s.url for s in treaty.sources)
    assert treaty.certainty.value == "unverified"  # a secondary copy of the text; its articles were not read


def test_the_csto_charter_place_is_the_kremlin_texts_not_a_conflict() -> None:
    treaty = CURATED.treaty("csto_1992")
    charter = [s for s in treaty.sources if "kremlin.ru" in s.url and "Charter" in (s.title or "")]
    assert charter and "Chisinau" in (charter[0].title or "") and "(7 Oct 2002)" in (charter[0].title or "")
    assert "place conflicting" not in (treaty.note or "")
