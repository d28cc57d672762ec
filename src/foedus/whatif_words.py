"""How a result run in a what-if world says it is one (`what_if_world`): without it the text, the JSON and the web's
export of such a run read as the treaties as encoded, every finding resting on an added member "verified". A word
module beside `foedus.wording`, as `foedus.support_words` is."""

from __future__ import annotations

from collections.abc import Sequence

from foedus.wording import and_listed

__all__ = ["what_if_cell", "what_if_world"]

_OPENS = "what-if world: the treaties as encoded, changed by "
_CLOSES = "; a finding that rests on a change is hypothetical, and its certainty rates only the encoded facts beside it"


def what_if_world(changes: Sequence[str]) -> str:
    """The note of a result run in a what-if world, naming its changes (`CascadeResult.what_if`: `overlay_set.summary`'s
    words, alike however they were given: an option, a keyword, an overlay file); the web's PNG caption makes it so
    too (web/src/whatifwords.ts `whatIfWorld`).

    >>> what_if_world(["add_member nato_1949:UKR"])
    'what-if world: the treaties as encoded, changed by add_member nato_1949:UKR; a finding that rests on a change \
is hypothetical, and its certainty rates only the encoded facts beside it'
    """
    return f"{_OPENS}{and_listed(list(changes))}{_CLOSES}"


def what_if_cell(changes: Sequence[str]) -> str | None:
    """A what-if run's changes (`CascadeResult.what_if`) as a table's `what_if` cell says them, on every row, where its
    rows would otherwise read as the treaties as encoded (`foedus cascade --format csv|table`, `foedus compare
    --format csv`; the web's CSV and compare view: whatifwords.ts `whatIfOf`, tests/test_what_if_exports.py): listed
    as the note lists them; None for a run on the treaties as encoded.

    >>> what_if_cell(["add_member nato_1949:UKR", "drop_treaty rus_prk_2024"])
    'add_member nato_1949:UKR and drop_treaty rus_prk_2024'
    >>> what_if_cell([]) is None
    True
    """
    return and_listed(list(changes)) if changes else None
