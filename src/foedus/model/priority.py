"""A treaty's priority clause: in a conflict, its obligations prevail over the parties' other obligations.

The Egypt-Israel (Art. VI(5)) and Jordan-Israel (Art. 25) peace treaties say so. The cascade rule that acts on it
is `foedus.engine.rules.precedence`: a party's duty not to fight the other party prevails there.
"""

from __future__ import annotations

from pydantic import Field

from foedus.model.facts import Article, Certainty, Prose, Strict, Url

__all__ = ["Priority"]


class Priority(Strict):
    """Where the treaty says its obligations prevail: the article, how well it is known and where it was read."""

    article: Article = Field(description="the priority clause's article, as the treaty numbers it, e.g. VI(5)")
    certainty: Certainty = Field(Certainty.VERIFIED, description="how well the clause is known (its article, wording)")
    source: Url = Field(description="where the clause was read: one of the treaty's `sources`")
    note: Prose | None = None
