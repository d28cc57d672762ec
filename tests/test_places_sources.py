"""The sources the bundled place data cites (in the comments of places.yaml, place_history.yaml, place_spans.yaml and
place_coords.yaml, the place sets' `sources` in place_sets.yaml, and the states' dated names' `source` and `note` in
state_names_dated.json): no Wikipedia mirror or content farm, no Wikipedia article beyond the ones still to replace,
and neither read through a proxy: the whole URL is checked (host, path and query, percent-escapes undone), not only
its host, since a Wikipedia page read through a translation proxy (`en-m-wikipedia-org.translate.goog`) or an
archive (`web.archive.org/web/…/https://en.wikipedia.org/…`) has another host."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "foedus" / "data"
FILES = ("places.yaml", "place_history.yaml", "place_spans.yaml", "place_coords.yaml", "place_sets.yaml",
         "state_names_dated.json")
_URL = re.compile(r"https?://[^\s,;)\"']+")

# Copies of Wikipedia, content farms, AI-written encyclopedias and document scrapers: never a source.
BANNED = ("liquisearch.com", "wikiwand.com", "dbpedia.org", "alchetron.com", "cryer.org.uk", "graphsearch.epfl.ch",
          "docslib.org", "grokipedia.com", "timetoast.com", "encyclopedia.com", "infogalactic.com", "wikimili.com",
          "wikisum.wiki", "enwikipedia.net", "pinocchiopedia.com", "the-uncensored-wiki.com", "fact-index.com",
          "readtiger.com", "stringtranslate.com", "everybodywiki.com", "osmarks.net", "appspot.com", "wikivisually.com",
          "thefullwiki.org", "worddisk.com", "detailedpedia.com", "owiki.org", "bestref.net", "when.com",
          "triviaquestions.online", "issuhub.com", "studopedia.info", "perceptiode.com", "newsflash.city",
          "riteme.site", "randburg.com", "blogspot.com", "battlefieldsww2.com", "vdocuments.net", "vdocuments.site",
          "devdiscourse.com", "nicolasklotz.de", "verfassungsvergleich.de", "ekurds.com",
          # news aggregators and content farms the 2025 treaty files once cited (AI-written digests, copy sites, a
          # newswire reseller): the governments', agencies' and newspapers' own pages are cited instead
          "particle.news", "defensivekavach.in", "theglobalnewswatch.com", "wired-gov.net", "newsbytesapp.com",
          "arabobserver.com", "dnanews.com.pk", "sofx.com",
          # a news site's retelling of a blog (Grands Lacs News, after Benjamin Babunga) and an activist platform's
          # reprint (Pambazuka, after Jeune Afrique), once Zaire's and Upper Volta's dated-name sources: the press of
          # the day (UPI, INA's record of the radio news) is cited instead
          "grandslacsnews.com", "pambazuka.org",
          # a country directory whose Arab League page copies Wikipedia's list (admission days, suspensions), once
          # cited by arab_jdec_1950
          "nationsonline.org")

# Wikipedia articles the place data still cites, by file, to be replaced by primary or scholarly sources (none may be
# added): none is left; a fact found only there is kept and marked unverified in its comment or note.
WIKIPEDIA_LEFT: set[tuple[str, str]] = set()


# Proxies, translators and caches: a page read through one is cited at its own address (a Wikipedia page through
# Google Translate's proxy once slipped past a check of the host alone).
PROXIES = ("translate.goog", "translate.google.com", "translate.googleusercontent.com",
           "webcache.googleusercontent.com", "translate.yandex.com", "translate.yandex.ru", "translatetheweb.com",
           "microsofttranslator.com", "proxysite.com", "croxyproxy.com", "hidemyass.com", "12ft.io",
           "removepaywall.com")

# The hosts named a wiki that are sources: Wikisource's transcriptions of primary texts, beside their page scans,
# and WikiLeaks' PlusD, the cables themselves (no wiki; the treaty files cite it). Any other host named a wiki
# (wikiwand, wikimili, everybodywiki, …) is a copy of Wikipedia or a user-written page.
WIKI_SOURCES = ("wikisource.org", "wikileaks.org")

# Wikipedia, and Wikimedia's media store, named anywhere in a URL (its host, an archived or proxied address in its
# path or query, or a proxy's dashed host such as en-m-wikipedia-org.translate.goog).
_WIKIPEDIA = re.compile(r"wikipedia[.-]org|wikimedia[.-]org|wikipedia\.", re.IGNORECASE)


def _cited(folder: Path | None = None) -> list[tuple[str, str]]:
    """Every (file, url) the place data in `folder` (default `DATA`) cites."""
    return [(name, url) for name in FILES for url in _URL.findall((folder or DATA).joinpath(name).read_text("utf-8"))]


def _within(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _banned(host: str) -> bool:
    """Whether `host` is a banned site's (tests/test_treaty_sources.py checks the treaty files' hosts with it)."""
    return _within(host, BANNED)


def _rest(url: str) -> str:
    """The URL's path, query and fragment, percent-escapes undone (twice: an address quoted inside a query)."""
    parts = urlsplit(url)
    return unquote(unquote(f"{parts.path}?{parts.query}#{parts.fragment}")).lower()


def _mirror(url: str) -> str | None:
    """Why `url` is a banned site, a proxy or another wiki, read anywhere in it; None where it is not."""
    host, rest = (urlsplit(url).hostname or "").lower(), _rest(url)
    if _banned(host) or any(re.search(rf"(?<![\w-]){re.escape(b)}\b", rest) for b in BANNED):
        return "a Wikipedia mirror or content farm"
    if _within(host, PROXIES) or any(p in rest for p in PROXIES):
        return "read through a proxy, translator or cache"
    if "wiki" in host and not _within(host, WIKI_SOURCES) and not _wikipedia(url):
        return "a wiki other than Wikisource"
    return None


def _wikipedia(url: str) -> bool:
    """Whether `url` is a Wikipedia (or Wikimedia) page, at its own host or through another."""
    return bool(_WIKIPEDIA.search((urlsplit(url).hostname or "") + " " + _rest(url)))


def _article(url: str) -> str:
    """The article a direct Wikipedia URL names; the whole URL where it is read through another site."""
    parts = urlsplit(url)
    if (parts.hostname or "").endswith("wikipedia.org") and not _WIKIPEDIA.search(_rest(url)):
        return unquote(parts.path.removeprefix("/wiki/"))
    return url


def _mirrors(folder: Path | None = None) -> list[tuple[str, str, str]]:
    """(file, url, why) of each mirror, proxy or wiki the place data in `folder` cites."""
    return [(file, url, why) for file, url in _cited(folder) if (why := _mirror(url))]


def _new_wikipedia(folder: Path | None = None) -> list[tuple[str, str]]:
    """(file, article) of each Wikipedia page the place data in `folder` cites beyond `WIKIPEDIA_LEFT`."""
    cited = {(file, _article(url)) for file, url in _cited(folder) if _wikipedia(url)}
    return sorted(cited - WIKIPEDIA_LEFT)


def test_the_place_data_cites_sources() -> None:
    """The scan finds the data's links (a scan that finds none would pass anything)."""
    assert len(_cited()) > 40


@pytest.mark.parametrize("name", FILES)
def test_no_place_data_source_is_a_wikipedia_mirror_or_content_farm(name: str) -> None:
    """A copy of Wikipedia (liquisearch, cryer.org.uk, EPFL's graph search), a document scraper (docslib), a blog, a
    directory or hobby site, or a syndicator or private copy of a primary text (devdiscourse, nicolasklotz.de) is no
    source, nor is a page read through a proxy, a translator or a cache, nor a wiki but Wikisource: each fact cites a
    primary or scholarly one, or says it is unverified."""
    bad = [(url, why) for file, url, why in _mirrors() if file == name]
    assert bad == [], bad


def test_no_new_wikipedia_article_is_cited_in_the_place_data() -> None:
    """No place cites a Wikipedia article (Bornholm, the Sinai, Kashmir and Donbas were the last), nor a dated name
    (Prussia's, Zaire's, Burma's and eleven more cited Wikipedia, the Compromise of 1867 its Hungarian edition),
    directly or through a proxy or an archive: each fact cites a primary or scholarly source or a major newspaper,
    or its comment or note says it is unverified."""
    new = _new_wikipedia()
    assert new == [], new


_CRAFTED = {  # a Wikipedia page or a copy, at another address: each is refused
    "https://en-m-wikipedia-org.translate.goog/wiki/Bornholm?_x_tr_sl=en&_x_tr_tl=da": "wikipedia",
    "https://translate.google.com/translate?sl=auto&u=https://de.wikipedia.org/wiki/Preu%C3%9Fen": "wikipedia",
    "https://web.archive.org/web/2020/https://en.wikipedia.org/wiki/Donbas": "wikipedia",
    "https://archive.ph/o/x/https%253A%252F%252Fhu.wikipedia.org%252Fwiki%252FKiegyez%25C3%25A9s": "wikipedia",
    "https://upload.wikimedia.org/wikipedia/commons/a/ab/Sinai.pdf": "wikipedia",
    "https://web.archive.org/web/2019/https://www.wikiwand.com/en/Kashmir": "a Wikipedia mirror or content farm",
    "https://www-upi-com.translate.goog/Archives/1957/x/?_x_tr_sl=en": "read through a proxy, translator or cache",
    "https://zaire.fandom-wiki.example/Zaire": "a wiki other than Wikisource",
}


@pytest.mark.parametrize("url", list(_CRAFTED))
def test_a_wikipedia_page_at_another_address_fails_the_scan(tmp_path: Path, url: str) -> None:
    """A crafted entry in a copy of the data (written to a temporary folder, never to the bundled files) is caught by
    the scan the tests above run, whatever host it is read through."""
    for name in FILES:
        (tmp_path / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "place_history.yaml").open("a", encoding="utf-8") as f:
        f.write(f"# crafted: {url}\n")
    assert _mirrors(DATA) == [] and _new_wikipedia(DATA) == []  # the bundled data passes; its copy with the entry:
    if _CRAFTED[url] == "wikipedia":
        assert _new_wikipedia(tmp_path) == [("place_history.yaml", url)]
    else:
        assert _mirrors(tmp_path) == [("place_history.yaml", url, _CRAFTED[url])]


@pytest.mark.parametrize("url", [
    "https://en.wikisource.org/wiki/Page:Europe_in_China.djvu/", "https://www.upi.com/Archives/1957/03/08/x/",
    "https://web.archive.org/web/2016/http://www.mfa.gov.il/x.htm", "https://www.jstor.org/stable/2195996",
    "https://search.wikileaks.org/plusd/cables/1976STATE176518.html"])
def test_a_source_is_not_refused_for_its_archive_or_its_words(url: str) -> None:
    """Wikisource, WikiLeaks' cables, an archived government page and a newspaper's archive pass the scan: it reads
    addresses, not words such as 'wiki' in a path or 'Archives'."""
    assert _mirror(url) is None and not _wikipedia(url)
