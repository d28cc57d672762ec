"""How a result run in a what-if world says it is one (`what_if_world`): without it the text, the JSON and the web's
export of such a run read as the treaties as encoded, every finding resting on an added member "verified". A word
module beside `foedus.wording`, as `foedus.support_words` is."""

from __future__ import annotations

from collections.abc import Sequence

from foedus.wording import and_listed

__all__ = ["what_if_world"]


def what_if_world(changes: Sequence[str]) -> str:
    """The note of a result run in a what-if world, naming its changes (`overlay_set.summary`'s words, alike however
    they were given: an option, a keyword, an overlay file).

    >>> what_if_world(["add_member nato_1949:UKR"])
    'what-if world: the treaties as encoded, changed by add_member nato_1949:UKR; a finding that rests on a change \
is hypothetical, and its certainty rates only the encoded facts beside it'
    """
    return (f"what-if world: the treaties as encoded, changed by {and_listed(list(changes))}; a finding that rests "
            "on a change is hypothetical, and its certainty rates only the encoded facts beside it")
