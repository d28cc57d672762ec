"""Treaty files cited copy sites, some first (the Jewish Virtual Library for the Arab League's Joint Defence treaty,
Voltaire Network for the Liptako-Gourma Charter, Cypnet for the Cyprus Treaty of Alliance, a mirror of Légifrance for
France's decree on the UAE agreement), some with no better page beside them (Wikisource for the Rio Treaty's text, a
slide-sharing site for a South African briefing on the SADC pact). The first source is the one a certainty reason
names when a fact gives none (`foedus.engine.certainty_words.source_of`). Each now cites a primary or reputable page
first or before the copy (the OAS's text, the Avalon Project, CyLaw, Légifrance, VOA Afrique, the committee's meeting
report), and keeps the copy after it, saying so. So do the ANZUS invocation of 14 Sep 2001 (the House's Hansard of
17 Sep 2001 and the White House before a politics site's copy of the press conference) and Mexico's denunciation of
the Rio Treaty (El Mercurio and La Jornada before an IPS story reposted to a mailing list), and the Manila Pact's entry
into force (the Avalon Project's Protocol page, dated by its note, before a law-text site's copy of the Philippine
proclamation). Seven hosts no session had examined are copies or aggregators too: each is kept after the page found for
its fact (NATO's press point for North Macedonia's protocol, the North Atlantic Council's statement and Interfax-Ukraine
for the Art. 4 requests of September 2025, Reuters and the US Embassy for the Senkaku statements of April 2015, the
Kremlin for the Russia-Uzbekistan signing; later LIGA.net's report of the Council's statement, and China Radio
International's summary of the China-DPRK treaty before Peking Review's copy), or, where none was found, says that
its fact rests on it (the leaked cable the France-UAE S4 reading rests on, a bill tracker, a regulatory summary of a
French decree)."""

from __future__ import annotations

import pytest

from foedus.model.loader import bundled_treaty_files, read_treaty_file
from foedus.model.treaty import Treaty

COPIES = ("jewishvirtuallibrary.org", "voltairenet.org", "wikisource.org", "cypnet.co.uk", "legal.tricoteuses.fr",
          "slideserve.com", "australianpolitics.com", "lists.peacelink.it",
          "dev.lawyerly.ph", "7dnews.com", "impakter.com", "ryanscoville.com", "globalsecurity.org", "wikileaks.org",
          "bundestagszusammenfasser.de", "faceaurisque.com", "thenationaltimes.au")
LEGIFRANCE = "https://www.legifrance.gouv.fr/jorf/article_jo/"


def _treaty(treaty_id: str) -> Treaty:
    return read_treaty_file(next(p for p in bundled_treaty_files() if p.stem == treaty_id))


@pytest.mark.parametrize(("treaty_id", "first"), [
    ("arab_jdec_1950", "https://avalon.law.yale.edu/20th_century/arabjoin.asp"),
    ("aes_2023", "https://www.voaafrique.com/a/naissance-de-l-alliance-des-etats-du-sahel-l-analyse-de-seidik-abba/"
                 "7273179.html"),
    ("tiar_1947", "http://www.oas.org/juridico/english/sigs/b-29.html"),
    ("cyp_alliance_1960", "http://cylaw.org/nomoi/enop/ind/syntagma/appendix-ap8e17c181-ea31-a026-930c-4dc914a1be54"
                          ".html"),
    ("fra_are_2009", f"{LEGIFRANCE}JORFARTI000025705811"),
    ("fra_grc_2021", f"{LEGIFRANCE}JORFARTI000045174546"),
])
def test_a_primary_or_reputable_page_comes_first(treaty_id: str, first: str) -> None:
    assert _treaty(treaty_id).sources[0].url == first


@pytest.mark.parametrize("treaty_id", ["arab_jdec_1950", "aes_2023", "tiar_1947", "cyp_alliance_1960",
                                       "cyp_guarantee_1960", "fra_are_2009", "fra_grc_2021", "weu_1948",
                                       "sadc_mdp_2003", "anzus_1951", "manila_1954", "nato_1949", "usa_jpn_1960",
                                       "rus_uzb_2005", "usa_kor_1953", "gbr_deu_2025"])
def test_a_copy_is_kept_after_a_better_page_and_says_so(treaty_id: str) -> None:
    sources = _treaty(treaty_id).sources
    copies = [i for i, s in enumerate(sources) if any(host in s.url for host in COPIES)]
    assert copies and min(copies) > 0
    for i in copies:
        assert "kept after" in (sources[i].title or ""), sources[i].url


def test_the_rio_treatys_text_is_the_depositarys_before_wikisources() -> None:
    """The clause itself still cites the Statutes at Large page it was read in (Wikisource's transcription): the
    OAS's text is listed before it, not read for Art. 3 here."""
    urls = [s.url for s in _treaty("tiar_1947").sources]
    oas = urls.index("http://www.oas.org/juridico/english/treaties/b-29.html")
    assert all(oas < i for i, url in enumerate(urls) if "wikisource.org" in url)


def test_the_sadc_presentations_copy_follows_the_committees_meeting_report() -> None:
    urls = [s.url for s in _treaty("sadc_mdp_2003").sources]
    assert urls.index("https://pmg.org.za/committee-meeting/4784/") + 1 == urls.index(
        "http://www.slideserve.com/hinda/the-sadc-mutual-defence-pact-powerpoint-ppt-presentation")


def test_a_mirrored_decree_has_legifrance_beside_it() -> None:
    for treaty_id in ("fra_are_2009", "fra_grc_2021", "weu_1948"):
        urls = [s.url for s in _treaty(treaty_id).sources]
        for url in urls:
            if "legal.tricoteuses.fr" in url:
                ident = url.rsplit("/", 1)[1]
                assert urls.index(f"{LEGIFRANCE}{ident}") < urls.index(url)


def test_the_anzus_invocation_cites_the_hansard_and_the_white_house_before_the_press_conferences_copy() -> None:
    urls = [s.url for s in _treaty("anzus_1951").sources]
    copy = next(i for i, url in enumerate(urls) if "australianpolitics.com" in url)
    hansard = next(i for i, url in enumerate(urls) if url.startswith("https://parlinfo.aph.gov.au/")
                   and "hansardr%2F2001-09-17" in url)
    white_house = next(i for i, url in enumerate(urls) if "georgewbush-whitehouse.archives.gov" in url)
    assert hansard < white_house < copy


def test_mexicos_denunciation_cites_the_newspapers_before_the_reposted_ips_story() -> None:
    urls = [s.url for s in _treaty("tiar_1947").sources]
    copy = next(i for i, url in enumerate(urls) if "lists.peacelink.it" in url)
    assert all(next(i for i, url in enumerate(urls) if host in url) < copy
               for host in ("emol.com", "jornada.com.mx"))


def test_the_manila_pacts_entry_into_force_rests_on_the_avalon_protocol_page_not_the_proclamations_copy() -> None:
    treaty = _treaty("manila_1954")
    avalon = "https://avalon.law.yale.edu/20th_century/usmu004.asp"
    assert treaty.in_force_certainty is None  # the day itself (tests/test_manila_in_force.py)
    urls = [s.url for s in treaty.sources]
    assert urls.index(avalon) < next(i for i, url in enumerate(urls) if "dev.lawyerly.ph" in url)


def test_the_manila_pacts_us_understanding_is_read_in_eisenhowers_message() -> None:
    """The understanding limiting the US Art. IV(1) duty to communist armed attack, once "not re-checked", is read in
    the President's message to the Senate (10 Nov 1954); the legs stay unverified (the understanding's own text and
    its reading as fixed sets of states are not checked)."""
    treaty = _treaty("manila_1954")
    assert any(s.url.startswith("http://www.presidency.ucsb.edu/") and "communist armed attack" in (s.title or "")
               for s in treaty.sources)
    (line,) = [u for u in treaty.unverified if u.startswith("the US understanding")]
    assert "Eisenhower's message" in line and "not re-checked" not in line


@pytest.mark.parametrize(("treaty_id", "better", "copy"), [
    ("nato_1949", "https://www.nato.int/cps/fr/natohq/opinions_163080.htm", "7dnews.com"),
    ("nato_1949", "https://www.eurasiareview.com/23092025-statement-by-the-north-atlantic-council", "impakter.com"),
    ("nato_1949", "https://en.interfax.com.ua/news/general/1103681.html", "impakter.com"),
    ("nato_1949", "https://news.liga.net/en/politics/news/nato-vows-to-continue-to-respond", "impakter.com"),
    ("chn_prk_1961", "https://korean.cri.cn/1660/2011/07/05/1s174148.htm", "marxists.org"),
    ("usa_jpn_1960", "https://www.reuters.com/article/us-usa-japan-defense-kerry/", "ryanscoville.com"),
    ("usa_jpn_1960", "https://jmh.usembassy.gov/2015043070301/", "ryanscoville.com"),
    ("rus_uzb_2005", "http://en.special.kremlin.ru/events/president/transcripts/23271", "globalsecurity.org"),
    ("rus_uzb_2005", "http://www.washingtonpost.com/wp-dyn/content/article/2005/11/14/", "globalsecurity.org"),
])
def test_a_page_found_for_a_copys_fact_comes_before_the_copy(treaty_id: str, better: str, copy: str) -> None:
    urls = [s.url for s in _treaty(treaty_id).sources]
    assert next(i for i, url in enumerate(urls) if url.startswith(better)) < next(
        i for i, url in enumerate(urls) if copy in url)


@pytest.mark.parametrize(("treaty_id", "host"), [("fra_are_2009", "wikileaks.org"),
                                                 ("gbr_deu_2025", "bundestagszusammenfasser.de"),
                                                 ("fra_grc_2021", "faceaurisque.com")])
def test_a_copy_no_better_page_was_found_for_says_its_fact_rests_on_it(treaty_id: str, host: str) -> None:
    (title,) = [s.title or "" for s in _treaty(treaty_id).sources if host in s.url]
    assert "rest on it" in title or "rests on it" in title or "rest on this summary" in title
