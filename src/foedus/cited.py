"""How every output cites a provision's article, in one rule the CLI, the war replay, `foedus compare` and the web
(web/src/said.ts's `articleCited`) share: a numbered article is "art. 5"; a unit that names itself ("Title Three",
"Military Annex", "Communique of 16 Apr 1971") is said as it is; an obligation ATOP codes, with no article (the
`article` "ATOP defense" the ATOP reader writes), is said as ATOP's code of it: "ATOP defense code". And how an
obligation is cited with its certainty and the facts not verified (`tagged_cited`), its article's own note of a doubt
the tag says dropped, so that the doubt is said once (`tagged_article`): `foedus war` and the cascade's explanation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from foedus.model.vocab import INSTRUMENT_WORDS, Certainty

__all__ = ["CLAUSE_SAID", "article_cited", "bound_tag", "cited", "clause_said", "doubt_cited", "instrument_said",
           "kind_cited", "tagged_article", "tagged_cited"]

# words that name a treaty's unit other than an article ("EO": an executive order), compared lower-cased
_UNITS = frozenset({"title", "chapter", "section", "part", "annex", "protocol", "preamble", "communique", "clause",
                    "paragraph", "article", "declaration", "exchange", "letter", "note", "eo"})


def article_cited(article: str) -> str:
    """A provision's article as a citation says it.

    >>> article_cited("5"), article_cited("42(7)"), article_cited("Title Three"), article_cited("ATOP neutrality")
    ('art. 5', 'art. 42(7)', 'Title Three', 'ATOP neutrality code')
    >>> article_cited("unknown (article unverified)"), article_cited("n/a — unnumbered clause")
    ('art. unknown (article unverified)', 'n/a — unnumbered clause')
    """
    if article.startswith("ATOP "):
        return f"{article} code"
    named = article.split("(", 1)[0].replace("-", " ").lower().split()  # a note in brackets names no unit
    return article if _UNITS.intersection(named) else f"art. {article}"


def instrument_said(instrument: str) -> str:
    """What a duty cited under an instrument that is not a treaty says of it, after the citation (a space before):
    a reader weighs a revocable executive order or a domestic statute apart from a treaty's duty. Nothing for a
    treaty. The web page's copy: web/src/said.ts `instrumentSaid`.

    >>> instrument_said("executive_order"), instrument_said("treaty")
    (' (an executive order, not a treaty)', '')
    """
    words = INSTRUMENT_WORDS.get(instrument)
    return f" ({words})" if words else ""


def cited(treaty: str, article: str | None) -> str:
    """A treaty's provision as a citation says it: "nato_1949 art. 5", "usa_cofa Title Three", "atop_4968 ATOP
    defense code"; the treaty alone where no article is known (a form of help ATOP codes).

    >>> cited("nato_1949", "5"), cited("atop_4968", "ATOP defense"), cited("atop_3370", None)
    ('nato_1949 art. 5', 'atop_4968 ATOP defense code', 'atop_3370')
    """
    return f"{treaty} {article_cited(article)}" if article else treaty


CLAUSE_SAID = {"defense": "a defence clause", "offense": "an offence clause"}
"""A joining clause's kind as a line says it after the clause's article: "(defense)" there read as the war's or the
scenario's defense side ("Kuwait (KWT): casus foederis toward Bahrain (BHR), arab_jdec_1950 art. 2 (defense)" in
iran_2026, whose defense side is Iran's; Russia-DPRK's "art. 4 (defense) binds Russia" when North Korea attacks).
web/src/said.ts `CLAUSE_SAID`."""


def clause_said(kind: str) -> str:
    """A provision's kind as a clause (`CLAUSE_SAID`), any other kind as it is.

    >>> clause_said("defense"), clause_said("neutrality")
    ('a defence clause', 'neutrality')
    """
    return CLAUSE_SAID.get(kind, kind)


def kind_cited(treaty: str, article: str | None, kind: str) -> str:
    """A provision cited with its kind after it, unless the citation names the kind already (an ATOP code): a
    violation's line said "atop_3755 ATOP nonaggression code (nonaggression)".

    >>> kind_cited("egy_isr_1979", "III(1)(c)", "nonaggression")
    'egy_isr_1979 art. III(1)(c) (nonaggression)'
    >>> kind_cited("atop_3755", "ATOP nonaggression", "nonaggression")
    'atop_3755 ATOP nonaggression code'
    """
    said = cited(treaty, article)
    return said if said.endswith(f" {kind} code") else f"{said} ({kind})"


def bound_tag(certainty: str, doubted: Iterable[str] = (), levels: Mapping[str, str] | None = None) -> str:
    """An obligation that binds a state to join, or another duty of a state in a war, its certainty after it when not
    verified, with the facts it rests on that are not verified (`foedus.engine.doubted_facts.doubted`), each under
    its own level where `levels` gives them (`doubt_levels`), the weakest first: " (secondary: article)",
    " (unverified: article; secondary: treaty)"; a fact without a level is said at `certainty`, and `certainty`
    leads alone where no fact is that weak (it comes of a place or scope); nothing when verified. The one wording of
    a binding's or a duty's certainty in `foedus war`'s table, its other duties (`duty_lines`), its `--state` line
    and the web map's "Why?" on a war's date (web/src/citesaid.ts `boundTag`, tests/test_said_parity.py), and of a
    cascade joiner's other obligations (`tagged_cited`).

    >>> bound_tag("unverified", ["treaty", "article"], {"treaty": "secondary", "article": "unverified"})
    ' (unverified: article; secondary: treaty)'
    >>> bound_tag("unverified", ["treaty", "article"])
    ' (unverified: treaty, article)'
    >>> bound_tag("unverified", ["article"], {"article": "secondary"})
    ' (unverified; secondary: article)'
    """
    if certainty == "verified":
        return ""
    grouped: dict[str, list[str]] = {}
    for kind in doubted:
        grouped.setdefault((levels or {}).get(kind, certainty), []).append(kind)
    said = [f"{level}: {', '.join(grouped[level])}" for level in sorted(grouped, key=_weakness)]
    if certainty not in grouped and said:
        said.insert(0, certainty)
    return f" ({'; '.join(said)})" if said else f" ({certainty})"


def _weakness(level: str) -> int:
    """How weak a certainty level is, the weakest first in a sort (`bound_tag`); a level not a `Certainty` last."""
    ranks = [c.value for c in Certainty]
    return -ranks.index(level) if level in ranks else 1


_UNVERIFIED_NOTE = re.compile(r"\s*\((?:article|number) unverified\)|; (?:article|number) unverified(?=\))")
"""An article's own note that it is not verified: "unknown (article unverified)", "2 (number unverified)", "unknown
(a neutrality pledge; article unverified)"."""


def tagged_article(article: str | None, certainty: str, doubted: Iterable[str] = ()) -> str | None:
    """The article of a binding or duty whose tag (`bound_tag`) names the article among the facts not verified, less
    its own note that it is not verified, so that the doubt is said once, by the tag ("rus_kaz_1992 art. unknown
    (unverified: treaty, article)", not "art. unknown (article unverified) (unverified: treaty, article)"); the
    article as it is otherwise; the cascade's explanation drops it alike from a joiner's primary obligation, whose
    facts not verified are listed beneath it. The web page's copy: web/src/said.ts `taggedArticle`.

    >>> tagged_article("unknown (article unverified)", "unverified", ["treaty", "article"])
    'unknown'
    >>> tagged_article("unknown (a neutrality pledge; article unverified)", "secondary", ["article"])
    'unknown (a neutrality pledge)'
    >>> tagged_article("2 (number unverified)", "unverified", ["membership"])
    '2 (number unverified)'
    """
    if article is None or certainty == "verified" or "article" not in doubted:
        return article
    return _UNVERIFIED_NOTE.sub("", article)


def tagged_cited(treaty: str, article: str | None, certainty: str, doubted: Iterable[str] = (),
                 levels: Mapping[str, str] | None = None) -> str:
    """An obligation cited (`cited`, with its `tagged_article`) and tagged (`bound_tag`): "rus_kaz_1992 art. unknown
    (unverified: treaty, article)", as `foedus war` says a binding's other obligations (`also_said`) and the
    cascade's explanation a joiner's whose certainty differs from its primary's.

    >>> tagged_cited("rus_kaz_1992", "unknown (article unverified)", "unverified", ["treaty", "article"])
    'rus_kaz_1992 art. unknown (unverified: treaty, article)'
    >>> tagged_cited("rus_uzb_2005", "2 (number unverified)", "unverified", ["membership"])
    'rus_uzb_2005 art. 2 (number unverified) (unverified: membership)'
    >>> tagged_cited("nato_1949", "5", "verified")
    'nato_1949 art. 5'
    """
    doubted = tuple(doubted)
    return doubt_cited(treaty, article, certainty, doubted) + bound_tag(certainty, doubted, levels)


def doubt_cited(treaty: str, article: str | None, certainty: str, doubted: Iterable[str] = ()) -> str:
    """`tagged_cited` less its tag, for a line that puts words between the citation and the tag (`foedus war`'s
    other duties: "rus_kaz_1992 art. unknown (defence) (unverified: treaty, article)").

    >>> doubt_cited("rus_kaz_1992", "unknown (article unverified)", "unverified", ["treaty", "article"])
    'rus_kaz_1992 art. unknown'
    """
    return cited(treaty, tagged_article(article, certainty, tuple(doubted)))
