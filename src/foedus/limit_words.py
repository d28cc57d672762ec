"""A place limit as the answer says it, with its extent's doubt where a place set it names is not verified
("far-east-1960 (extent unverified)": `limit_said`), and the consultations such a limit cuts, said not owed
(`unreached_consultation_lines`), as `foedus.support_words.unreached_lines` says the help it cuts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from foedus.by_name import by_name
from foedus.cited import cited
from foedus.cited_names import named_cited
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.engine.records import Consultation
    from foedus.engine.rules.consult_limit import UnreachedConsultation

__all__ = ["consult_limit", "limit_said", "owed_in", "unreached_consultation_lines"]


def limit_said(limit: str, certainty: str) -> str:
    """A place limit (`foedus.engine.rules.place_limit.limit_of`) in words, with its extent's certainty where it is not
    verified: a line resting on the extent of far-east-1960 says that the extent is unverified.

    >>> limit_said("far-east-1960", "unverified"), limit_said("europe", "verified")
    ('far-east-1960 (extent unverified)', 'europe')
    """
    return limit if certainty == "verified" else f"{limit} (extent {certainty})"


def owed_in(limit: str | None, certainty: str | None) -> str:
    """What a duty owed through a place limit says of it, with the extent's doubt (`limit_said`), as the line saying
    it not owed elsewhere says it: a form of help after its certainty (`foedus.support_words.owed_for`), a
    consultation after its citation; "" with no limit.

    >>> owed_in("far-east-1960", "unverified"), owed_in(None, None)
    ('owed for an attack in far-east-1960 (extent unverified)', '')
    """
    return "" if limit is None else f"owed for an attack in {limit_said(limit, certainty or 'verified')}"


def consult_limit(c: Consultation) -> str:
    """After a consultation's citation on its "Consultation: " line, the place sets it is owed through, with their
    extent's doubt (`Consultation.limit`): Japan consulting the US under Art. IV in the Taiwan Strait."""
    return f", {owed_in(c.limit, c.limit_certainty)}" if c.limit else ""


def unreached_consultation_lines(cut: Iterable[UnreachedConsultation], names: Mapping[str, str],
                                 titles: Mapping[str, str] | None = None) -> list[str]:
    """Each consultation not owed in this war because its clause is owed only for a place no attack on the state
    attacked falls in, on a line of its own, cited with the clause's certainty and the limit (with its extent's doubt),
    so that a reader of China attacking the US at home sees why Japan does not consult under Art. IV. By the name of
    the state that would consult, then of the state it would consult (`foedus.by_name`), as the "Support:" lines go.

    The JSON keeps one record per clause and state, in the engine's order (`unreached_consultations`)."""
    cut = by_name(by_name(cut, lambda u: named_state(u.with_, names)), lambda u: named_state(u.state, names))
    return [f"Consultation not owed here: {named_state(u.state, names)} would consult {named_state(u.with_, names)} "
            f"({cited(named_cited(u.treaty, titles or {}), u.article)}, {u.certainty}) only on an attack in "
            f"{limit_said(u.limit, u.limit_certainty)}, and no attack on {named_state(u.with_, names)} in this war "
            "falls there" for u in cut]
