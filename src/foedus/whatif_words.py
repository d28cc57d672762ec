"""How a result run in a what-if world says it is one (`what_if_world`): without it the text, the JSON and the web's
export of such a run read as the treaties as encoded, every finding resting on an added member "verified". A word
module beside `foedus.wording`, as `foedus.support_words` is."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from foedus.wording import and_listed

__all__ = ["what_if_of", "what_if_world"]

_OPENS = "what-if world: the treaties as encoded, changed by "
_CLOSES = "; a finding that rests on a change is hypothetical, and its certainty rates only the encoded facts beside it"


def what_if_world(changes: Sequence[str]) -> str:
    """The note of a result run in a what-if world, naming its changes (`overlay_set.summary`'s words, alike however
    they were given: an option, a keyword, an overlay file).

    >>> what_if_world(["add_member nato_1949:UKR"])
    'what-if world: the treaties as encoded, changed by add_member nato_1949:UKR; a finding that rests on a change \
is hypothetical, and its certainty rates only the encoded facts beside it'
    """
    return f"{_OPENS}{and_listed(list(changes))}{_CLOSES}"


def what_if_of(notes: Iterable[str]) -> str | None:
    """The changes a result's what-if note names (`what_if_world`), as it names them; None for a result run on the
    treaties as encoded. A CSV of a what-if run says them in its `what_if` column, on every row, where its rows
    would otherwise read as the treaties as encoded (`foedus cascade --format csv`; the web's copy: csv.ts
    `whatIfOf`, tests/test_said_parity.py).

    >>> what_if_of([what_if_world(["add_member nato_1949:UKR", "drop_treaty rus_prk_2024"])])
    'add_member nato_1949:UKR and drop_treaty rus_prk_2024'
    >>> what_if_of(["ATOP history not loaded"]) is None
    True
    """
    return next((n[len(_OPENS):-len(_CLOSES)] for n in notes if n.startswith(_OPENS) and n.endswith(_CLOSES)), None)
