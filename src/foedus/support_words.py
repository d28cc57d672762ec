"""A cascade's supporters (states bound to help a belligerent without being bound to fight) as its text says them:
each supporter once per belligerent it supports, however many provisions it owes help under (`support_lines`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from foedus.cited import cited
from foedus.code_words import support_when
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.engine.rules.support import Support

__all__ = ["SUPPORT_INDENT", "support_lines"]

SUPPORT_INDENT = "      "
"""Before each provision of a supporter owing help under several, on the lines below its heading (`support_lines`):
the cascade's tree puts them beneath it (`foedus.render.rich_tree`)."""


def support_lines(supporters: Iterable[Support], names: Mapping[str, str]) -> list[str]:
    """Each supporter once per belligerent it supports, named by `names`: with one provision, one line naming every
    form of support it owes (arms and bases ...); with several (the Ukraine agreements' wartime arms, verified, and
    their peacetime arms and defence industry, unverified), a heading, then each provision on a line of its own
    below it (`SUPPORT_INDENT`), cited with when it is owed and its certainty, so no state is listed twice. The JSON
    keeps a record per form and provision (`supporters`)."""
    forms: dict[tuple[str, str], dict[tuple[str, str | None, str, str], list[str]]] = {}
    for x in supporters:
        provisions = forms.setdefault((x.state, x.supports), {})
        provisions.setdefault((x.treaty, x.article, x.when, x.certainty), []).append(x.form.replace("_", " "))
    lines = []
    for (state, supports), provisions in forms.items():
        said = [f"{' and '.join(given)} ({cited(treaty, article)}, {support_when(when)}, {certainty})"
                for (treaty, article, when, certainty), given in provisions.items()]
        head = f"Support: {named_state(state, names)} is bound to give {named_state(supports, names)}"
        if len(said) == 1:
            lines.append(f"{head} {said[0]} without being bound to fight")
        else:
            lines.append(f"{head}, without being bound to fight, under {len(said)} provisions:")
            lines += [f"{SUPPORT_INDENT}{provision}" for provision in said]
    return lines
