"""The sources the bundled treaty files cite (their `sources` urls, `source` fields and comments): no Wikipedia
mirror or content farm beyond the links still to replace, and no Wikipedia article beyond the ones listed."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from test_places_sources import _URL, _banned

TREATIES = Path(__file__).resolve().parents[1] / "src" / "foedus" / "data" / "treaties"

# Copies of Gibler's International Military Alliances on a document scraper, and a blog, still cited: to be replaced
# by the book's own pages or the treaty texts (none may be added).
BANNED_LEFT = {
    ("arab_jdec_1950.yaml", "https://issuhub.com/view/index/23326?pageIndex=422"),
    ("egy_isr_1979.yaml", "https://issuhub.com/view/index?id=23563&pageIndex=149"),
    ("jor_isr_1994.yaml", "https://issuhub.com/view/index/23563?pageIndex=168"),
    ("jor_isr_1994.yaml", "https://issuhub.com/view/index/23563?pageIndex=173"),
    ("rus_arm_1997.yaml", "http://theredbanner.blogspot.com/2020/10/moscow-to-provide-assistance-to-yerevan.html"),
    ("sun_prk_1961.yaml", "https://issuhub.com/view/index/23326?pageIndex=491"),
    ("tiar_1947.yaml", "https://issuhub.com/view/index/23326?pageIndex=438"),
}

# Wikipedia articles the treaty files still cite, to be replaced by primary or scholarly sources (none may be added).
WIKIPEDIA_LEFT = {
    ("aes_2023.yaml", "Alliance_of_Sahel_States"),
    ("arab_jdec_1950.yaml", "Member_states_of_the_Arab_League"),
    ("rus_kaz_1992.yaml", "Kazakhstan–Russia_relations"),
    ("rus_kaz_2013.yaml", "Kazakhstan–Russia_relations"),
    ("rus_kgz_1992.yaml", "Kyrgyzstan–Russia_relations"),
    ("rus_tjk_1993.yaml", "Russia–Tajikistan_relations"),
    ("rus_uzb_2005.yaml", "Russia–Uzbekistan_relations"),
    ("tur_aze_2010.yaml", "Agreement_on_Strategic_Partnership_and_Mutual_Support"),
    ("tur_aze_shusha_2021.yaml", "Shusha_Declaration"),
}


def _cited() -> list[tuple[str, str]]:
    """Every (file, url) the treaty files cite."""
    return [(path.name, url) for path in sorted(TREATIES.glob("*.yaml"))
            for url in _URL.findall(path.read_text(encoding="utf-8"))]


def test_the_treaty_files_cite_sources() -> None:
    """The scan finds the treaty files' links (a scan that finds none would pass anything)."""
    assert len(_cited()) > 200


def test_no_new_wikipedia_mirror_or_content_farm_is_cited_in_the_treaty_files() -> None:
    """A copy of Wikipedia, a document scraper or a blog is no source for a treaty's facts: the ones still cited are
    listed, to be replaced, and none may be added."""
    bad = {(name, url) for name, url in _cited() if _banned(urlsplit(url).hostname or "")}
    assert bad <= BANNED_LEFT, sorted(bad - BANNED_LEFT)


def test_no_new_wikipedia_article_is_cited_in_the_treaty_files() -> None:
    """The Cyprus treaties of 1960 cite the Cypriot constitution's copy of their text and China-DPRK 1961 the
    Peking Review's, not Wikipedia; the articles other treaties still cite are listed, to be replaced, and none may be
    added."""
    cited = {(name, unquote(urlsplit(url).path.removeprefix("/wiki/"))) for name, url in _cited()
             if (urlsplit(url).hostname or "").endswith("wikipedia.org")}
    assert cited <= WIKIPEDIA_LEFT, sorted(cited - WIKIPEDIA_LEFT)
