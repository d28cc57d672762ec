"""How every output cites a provision's article, in one rule the CLI, the war replay, `foedus compare` and the web
(web/src/said.ts's `articleCited`) share: a numbered article is "art. 5"; a unit that names itself ("Title Three",
"Military Annex", "Communique of 16 Apr 1971") is said as it is; an obligation ATOP codes, with no article (the
`article` "ATOP defense" the ATOP reader writes), is said as ATOP's code of it: "ATOP defense code"."""

from __future__ import annotations

__all__ = ["article_cited", "cited"]

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


def cited(treaty: str, article: str | None) -> str:
    """A treaty's provision as a citation says it: "nato_1949 art. 5", "usa_cofa Title Three", "atop_4968 ATOP
    defense code"; the treaty alone where no article is known (a form of help ATOP codes).

    >>> cited("nato_1949", "5"), cited("atop_4968", "ATOP defense"), cited("atop_3370", None)
    ('nato_1949 art. 5', 'atop_4968 ATOP defense code', 'atop_3370')
    """
    return f"{treaty} {article_cited(article)}" if article else treaty
