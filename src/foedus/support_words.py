"""A cascade's supporters (states bound to help a belligerent without being bound to fight) as its text says them:
each supporter once per belligerent it supports, however many provisions it owes help under (`support_lines`).
Help ATOP codes for a whole alliance names no giver (`Support.atop_code`): its line says that the alliance provides
for it between its members, not that this member is bound to give it (`NO_GIVER`). Also help a treaty owes only
for a place no attack of the war falls in, said not owed (`unreached_lines`), with the consultations a place limit
cuts (`not_owed_lines`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from foedus.by_name import by_name
from foedus.cited import cited
from foedus.cited_names import named_cited
from foedus.code_words import support_when
from foedus.limit_words import limit_said, owed_in, unreached_consultation_lines
from foedus.model.vocab import INSTRUMENT_WORDS
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.engine.rules.consult_limit import UnreachedConsultation
    from foedus.engine.rules.support import Support, Unreached

__all__ = ["FORCE_UNKNOWN", "NO_GIVER", "SUPPORT_INDENT", "coded_help", "giving", "not_owed_lines", "owed_for",
           "support_lines", "unreached_lines"]

SUPPORT_INDENT = "      "
"""Before each provision of a supporter owing help under several, on the lines below its heading (`support_lines`):
the cascade's tree puts them beneath it (`foedus.render.rich_tree`)."""

NO_GIVER = "ATOP codes no giver"
"""After the ATOP code of help coded for a whole alliance: ATOP 5.1 codes military aid and bases per alliance, with no
giver or recipient (the 2007 China–Tajikistan treaty's MILAID=3, on both members' rows alike), so a member may give
or receive it."""

# what ATOP's code of a supporting form says, by form and level (docs/depth.md tables the codes)
_CODED = {("arms", "general"): "military aid", ("arms", "grants_loans"): "military aid in grants or loans",
          ("arms", "training_technology"): "military aid in training or technology",
          ("arms", "grants_and_training"): "military aid in grants or loans and in training or technology",
          ("bases", "one_way"): "troops of one member based on another's territory"}

_Provision = tuple[str, str | None, str, str, bool, str, str | None, str | None, bool]  # treaty, article, when,
# certainty, coded with no giver, the kind of instrument, the place limit, its extent's certainty, instrument known

FORCE_UNKNOWN = "its binding force unverified"
"""After the citation of help whose instrument is only presumed (`Support.instrument_known` false): a row of
ukr_bilateral_2024 that no source says binds in law read "Lithuania (LTU) is bound to give" untagged beside Belgium's
"has pledged to give". The web's copy: helpsaid.ts `FORCE_UNKNOWN`."""


def coded_help(form: str, level: str) -> str:
    """What ATOP's code of a form of help at a level provides for, in words; the form's name where none are kept.

    >>> coded_help("arms", "training_technology"), coded_help("bases", "one_way")
    ('military aid in training or technology', "troops of one member based on another's territory")
    """
    return _CODED.get((form, level), form.replace("_", " "))


def support_lines(supporters: Iterable[Support], names: Mapping[str, str], titles: Mapping[str, str] | None = None
                  ) -> list[str]:
    """Each supporter once per belligerent it supports, named by `names`: with one provision, one line naming every
    form of support it owes (arms and bases ...); with several (the Ukraine agreements' wartime arms, verified, and
    their peacetime arms and defence industry, unverified), a heading, then each provision on a line of its own
    below it (`SUPPORT_INDENT`), cited with when it is owed and its certainty, so no state is listed twice. Help
    ATOP codes for the alliance, with no giver, is said as what the alliance provides for, with its code and
    `NO_GIVER`; an ATOP alliance with its name where `titles` has one (`foedus.cited_names`). Supporters in the
    order of their names, then of the states they support (`foedus.by_name`), as joiners and side lists go, not by
    code (Germany, DEU, came between Czechia and Denmark); the JSON keeps a record per form and provision, in the
    engine's order (`supporters`)."""
    forms: dict[tuple[str, str], dict[_Provision, list[Support]]] = {}
    for x in supporters:
        provisions = forms.setdefault((x.state, x.supports), {})
        provisions.setdefault((x.treaty, x.article, x.when, x.certainty, x.atop_code is not None, x.instrument,
                               x.limit, x.limit_certainty, x.instrument_known), []).append(x)
    lines = []
    pairs = by_name(by_name(forms.items(), lambda x: named_state(x[0][1], names)),
                    lambda x: named_state(x[0][0], names))
    for (state, supports), provisions in pairs:  # by supporter's name, then supported's (sorts are stable)
        said = {key: _provision(key, given, titles or {}) for key, given in provisions.items()}
        who, whom = named_state(state, names), named_state(supports, names)
        gives = {giving(key[5]) for key in said if not key[4]}
        if len(said) == 1:
            (key,) = said
            (words,) = said.values()
            verb = (f"is in an alliance with {whom} that provides for" if key[4]
                    else f"{_HAS[giving(key[5])]} {giving(key[5])} {whom}")
            lines.append(f"Support: {who} {verb} {words}{',' if key[4] else ''} without being bound to fight")
        elif not any(key[4] for key in said) and len(gives) == 1:
            (give,) = gives
            lines.append(f"Support: {who} {_HAS[give]} {give} {whom}, without being bound to fight, under "
                         f"{len(said)} provisions:")
            lines += [f"{SUPPORT_INDENT}{words}" for words in said.values()]
        else:
            lines.append(f"Support: {who}, without being bound to fight, under {len(said)} provisions toward {whom}:")
            lines += [f"{SUPPORT_INDENT}{'in an alliance that provides for' if key[4] else giving(key[5])} {words}"
                      for key, words in said.items()]
    return lines


_HAS = {"bound to give": "is", "pledged to give": "has"}


def giving(instrument: str) -> str:
    """What a supporter's help under an instrument of this kind is, in words: pledged under a political statement,
    which binds no one in law ("Belgium (BEL) is bound to give Ukraine (UKR) arms (ukr_bilateral_2024 (a political
    statement, not a treaty), ...)" said Belgium bound, then unsaid it), else bound (a treaty; a statute or an
    executive order, which binds its own state).

    >>> giving("political_statement"), giving("treaty"), giving("statute")
    ('pledged to give', 'bound to give', 'bound to give')
    """
    return "pledged to give" if instrument == "political_statement" else "bound to give"


def owed_for(limit: str | None, certainty: str | None) -> str:
    """After a form of help's certainty, the place limit it is owed for (an attack of the war falls there), with its
    extent's doubt (`foedus.limit_words.owed_in`); nothing for a form owed wherever the war is.

    >>> owed_for("far-east-1960", "unverified"), owed_for(None, None)
    ('; owed for an attack in far-east-1960 (extent unverified)', '')
    """
    return "" if limit is None else f"; {owed_in(limit, certainty)}"


def unreached_lines(unreached: Iterable[Unreached], names: Mapping[str, str],
                    titles: Mapping[str, str] | None = None) -> list[str]:
    """Each form of help not owed in this war because the treaty owes it only for a place no attack falls in, on a
    line of its own, cited with its certainty and the limit (a place set's id, `foedus.engine.rules.limit_named`; with
    its extent's doubt, `foedus.limit_words.limit_said`), so
    that a reader of a war in Europe sees why Japan's Art. VI bases are missing from the supporters. By the
    supporter's name, then the supported state's (`foedus.by_name`), as the "Support:" lines go.

    The JSON keeps one record per form, in the engine's order (`unreached_support`)."""
    cut = by_name(by_name(unreached, lambda u: named_state(u.supports, names)), lambda u: named_state(u.state, names))
    return [f"Support not owed here: {named_state(u.state, names)} would give {named_state(u.supports, names)} "
            f"{u.form.replace('_', ' ')} ({cited(named_cited(u.treaty, titles or {}), u.article)}, {u.certainty}) "
            f"only in a war with an attack in {limit_said(u.limit, u.limit_certainty)}, and no attack of this war "
            "falls there" for u in cut]


def not_owed_lines(help_: Iterable[Unreached], consults: Iterable[UnreachedConsultation], names: Mapping[str, str],
                   titles: Mapping[str, str] | None = None) -> list[str]:
    """What a place limit cuts in this war, said not owed: the forms of help (`unreached_lines`), then the
    consultations (`foedus.limit_words.unreached_consultation_lines`)."""
    return unreached_lines(help_, names, titles) + unreached_consultation_lines(consults, names, titles)


def _provision(key: _Provision, given: list[Support], titles: Mapping[str, str]) -> str:
    """One provision's forms of help, cited with when they are owed and their certainty, and the place limit they are
    owed for, with its extent's doubt, as the line saying them not owed elsewhere says it (`owed_for`) (and, coded by
    ATOP with no giver, what the alliance provides for, with the codes). An instrument that is not a treaty is said
    after the citation, the parts then parted by semicolons: "arms (ukr_bilateral_2024, a political statement, not a
    treaty; once attacked; verified)", not in a bracket within the bracket. The web's copy: helpsaid.ts `provision`."""
    treaty, article, when, certainty, coded, instrument, limit, limit_sure, known = key
    words = INSTRUMENT_WORDS.get(instrument) or (None if known else FORCE_UNKNOWN)
    cite = cited(named_cited(treaty, titles), article)
    parts = [f"{cite}, {words}" if words else cite, support_when(when), f"{certainty}{owed_for(limit, limit_sure)}"]
    tail = ("; " if words else ", ").join(parts)
    if not coded:
        return f"{' and '.join(x.form.replace('_', ' ') for x in given)} ({tail})"
    codes = ", ".join(x.atop_code or "" for x in given)
    return f"{' and '.join(coded_help(x.form, x.level) for x in given)} ({tail}; ATOP {codes}; {NO_GIVER})"
