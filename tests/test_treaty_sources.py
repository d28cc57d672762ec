"""The sources the bundled treaty files cite (their `sources` urls, `source` fields and comments): no Wikipedia
mirror or content farm beyond the links still to replace, and no Wikipedia article beyond the ones listed, nor either
read through a proxy, a translator or an archive: the whole URL is checked, as tests/test_places_sources.py does."""

from __future__ import annotations

from pathlib import Path

from test_places_sources import _URL, _article, _mirror, _wikipedia

TREATIES = Path(__file__).resolve().parents[1] / "src" / "foedus" / "data" / "treaties"

# Copies on document scrapers and blogs once cited (Gibler's International Military Alliances on issuhub, a blog's
# copy of a TASS story): none is left and none may be added. Gibler's book is cited as a book (CQ Press, 2009, by
# entry number) in the files' comments, the only online copy found being a scraper's; the treaty texts the scraper's
# Middle East documentary history held are cited at the Washington Post and the Jordanian royal site.
BANNED_LEFT: set[tuple[str, str]] = set()

# Wikipedia articles the treaty files still cite (none may be added): none is left; a fact found only there is kept
# and marked unverified (the AES's unified force of 2025).
WIKIPEDIA_LEFT: set[tuple[str, str]] = set()


def _cited() -> list[tuple[str, str]]:
    """Every (file, url) the treaty files cite."""
    return [(path.name, url) for path in sorted(TREATIES.glob("*.yaml"))
            for url in _URL.findall(path.read_text(encoding="utf-8"))]


def test_the_treaty_files_cite_sources() -> None:
    """The scan finds the treaty files' links (a scan that finds none would pass anything)."""
    assert len(_cited()) > 200


def test_no_new_wikipedia_mirror_or_content_farm_is_cited_in_the_treaty_files() -> None:
    """A copy of Wikipedia, a document scraper, a blog or a news aggregator (particle.news, sofx.com) is no source for
    a treaty's facts, nor a page read through a proxy, a translator or a cache, nor a wiki but Wikisource: the ones
    still cited are listed, to be replaced, and none may be added."""
    bad = {(name, url) for name, url in _cited() if _mirror(url)}
    assert bad <= BANNED_LEFT, sorted(bad - BANNED_LEFT)


def test_no_new_wikipedia_article_is_cited_in_the_treaty_files() -> None:
    """The Cyprus treaties of 1960 cite the Cypriot constitution's copy of their text and China-DPRK 1961 the
    Peking Review's, not Wikipedia; the articles other treaties still cite are listed, to be replaced, and none may be
    added."""
    cited = {(name, _article(url)) for name, url in _cited() if _wikipedia(url)}
    assert cited <= WIKIPEDIA_LEFT, sorted(cited - WIKIPEDIA_LEFT)
