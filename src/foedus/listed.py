"""The rule that a list of states names each state once: a war or treaty file's lists (their readers,
`foedus.model.loader` and `foedus.war.loader`), and every list a user gives on the command line, to the web API or to
`foedus.cascade` (`foedus.state_lists.resolve_states`). No imports of foedus: the model and the state lists both
read it.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["listed_twice"]


def listed_twice(ids: Iterable[object], loc: str, what: str = "state") -> tuple[str, str] | None:
    """Where a list (`loc`: a file's `events[0].attacker`, a scenario's `attacker`) names a state the second time,
    and the problem in words, or None when it names each once: the rule of the war and treaty readers and of every
    list of states a user gives (the command line's -a, -t and --against, the web API's, `foedus.cascade`'s: a state
    named twice, as RUS and as Russia too, is a slip the list would hide); and a treaty file's other lists of ids,
    `what` naming what they hold.

    >>> listed_twice(["RUS", "BLR", "RUS"], "events[0].attacker")
    ('events[0].attacker[2]', 'RUS is listed twice (also events[0].attacker[0]); list each state once')
    >>> listed_twice(["RUS", "BLR"], "events[0].attacker") is None
    True
    """
    seen: dict[object, int] = {}
    for i, item in enumerate(ids):
        if item in seen:
            return f"{loc}[{i}]", f"{item} is listed twice (also {loc}[{seen[item]}]); list each {what} once"
        seen[item] = i
    return None
