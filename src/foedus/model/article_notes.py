"""An article's own note of how sure it is ("2 (number unverified)", "2 (number from secondary reporting)") agrees
with its clause's certainty (`Provision.certainty`, the level every tag gives the article: `foedus.cited.bound_tag`):
a clause is no surer than its own article says. Else a tag would say the article surer than its note, and drop the
note (`foedus.cited.tagged_article`), so its doubt would show nowhere: rus_kaz_2013's pledges, tagged secondary,
once noted "article unverified" and read "(unverified: treaty; secondary: article)"; or a verified duty would rest
on an article its own note doubts.
"""

from __future__ import annotations

import re

from foedus.errors import TreatyDataError
from foedus.model.treaty import Treaty
from foedus.model.vocab import CERTAINTY_RANK, Certainty

__all__ = ["article_level", "check_article_notes"]

_NOTE = re.compile(r"\b(article|number) (from secondary reporting|"
                   + "|".join(re.escape(c.value) for c in Certainty) + r")\b")
"""A note that names the level of the article or its number: "(number unverified)", "(number from secondary
reporting)", "(a neutrality pledge; article unverified)"."""


def article_level(article: str) -> tuple[str, Certainty] | None:
    """What an article's own note says is how sure (the article or its number) and at which level, or None where it
    says none.

    >>> article_level("2 (number from secondary reporting)")
    ('number', <Certainty.SECONDARY: 'secondary'>)
    >>> article_level("5") is None
    True
    """
    found = _NOTE.search(article)
    if found is None:
        return None
    word = found.group(2)
    return found.group(1), Certainty.SECONDARY if word == "from secondary reporting" else Certainty(word)


def check_article_notes(treaty: Treaty, path: str) -> None:
    """No provision's article notes a level weaker than its clause's certainty.

    Raises:
        TreatyDataError: the first such provision, naming the treaty, the article and both levels.
    """
    for i, p in enumerate(treaty.provisions):
        said = article_level(p.article)
        if said is None or CERTAINTY_RANK[said[1]] <= CERTAINTY_RANK[p.certainty]:
            continue
        unit, level = said
        raise TreatyDataError(path, f"provisions[{i}].article", f"{treaty.id} art. {p.article}: its note says the "
                              f"{unit} is {level.value}, but the clause's certainty is {p.certainty.value}; a clause "
                              f"is no surer than its {unit}, so give certainty: {level.value}, or drop the note if "
                              f"all it says is that no source gives the {unit}")
