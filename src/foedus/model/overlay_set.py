"""The rule that a what-if's changes form one set, not a script: those of the overlay files, the treaty files, the
command line's options, the Python API's and the web API's are checked together, and any two that touch the same
thing in incompatible ways (a treaty dropped and changed, a member added and removed, an article set to two
strengths) are refused, naming both and where each came from. Applied in any order, the rest give the same world."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from foedus.errors import FoedusError, ScenarioError
from foedus.model.overlay_changes import AddMember, AddTreaty, Change, DropTreaty, RemoveMember, SetScope, SetStrength

__all__ = ["check_files_once", "in_order", "named", "refuse_contradictions", "refuse_dropping_added", "summary",
           "told_where"]

_ORDER = (DropTreaty, AddTreaty, AddMember, SetStrength, SetScope, RemoveMember)
"""The order the changes apply in, whatever order they were given in: a treaty is dropped before an edited copy of
it is added, and added before it is changed."""


def in_order(changes: Sequence[Change]) -> list[tuple[int, Change]]:
    """The changes, with their indices, in the order they apply (`_ORDER`), each kind in the order given."""
    return [(i, c) for kind in _ORDER for i, c in enumerate(changes) if isinstance(c, kind)]


def summary(change: Change) -> str:
    """The change in the command line's syntax (`add_member nato_1949:UKR`), for messages."""
    if isinstance(change, AddTreaty):
        from foedus.written import as_written

        if change.path is not None:
            return f"add_treaty {as_written(change.path)}"
        return f"add_treaty (inline treaty {(change.treaty or {}).get('id')!r})"
    if isinstance(change, AddMember | RemoveMember):
        return f"{change.op} {change.treaty}:{change.state}"
    if isinstance(change, DropTreaty):
        return f"drop_treaty {change.treaty}"
    if isinstance(change, SetStrength):
        return f"set_strength {change.treaty}:{change.article}={change.strength.value}"
    parts = {k: "any" if v is None else ",".join(v) or "none" for k, v in
             (("territory", change.scope.territory), ("forces", change.scope.forces))}
    return f"set_scope {change.treaty}:{change.article}=" + ";".join(f"{k}:{v}" for k, v in parts.items())


def typed(change: Change) -> str | None:
    """The change as the command-line option the user typed it (`--remove-member nato_1949:UKR`), for messages to
    say it so; None for one given another way (an overlay file, the Python or web API), said in their words."""
    given = change.as_given
    return given if given is not None and given.startswith("--") else None


def api_named(change: Change, number: int) -> str:
    """`named`, but a change typed on the command line in the Python and web APIs' words (`add_member T:S` for
    `--add-member T:S`), for a JSON field whose words do not depend on where the change was given."""
    flag = typed(change)
    return change.op + flag[flag.index(" "):] if flag else named(change, number)


def named(change: Change, number: int) -> str:
    """The change as a message names it: the input as given (`drop_treaty nato_1949`), or where it came from and
    what it is (`ov.yaml change 2 (add_member nato_1949:UKR)`); `number` counts a change of a bare list."""
    if change.as_given is not None:
        return change.as_given
    where = f"{change.given_in[0]} change {change.given_in[1]}" if change.given_in else f"change {number}"
    return f"{where} ({summary(change)})"


@contextmanager
def told_where(change: Change) -> Iterator[None]:
    """An error the change meets names the overlay file (or `what_if`) and the change's number first."""
    try:
        yield
    except FoedusError as exc:
        if change.given_in is not None:
            where, n = change.given_in
            exc.args = (f"{where}: change {n}: {exc}", *exc.args[1:])
        raise


_OTHER = {"add_member": "remove_member", "remove_member": "add_member"}


def _key(change: Change, state: Callable[[str], str]) -> tuple[str, ...] | None:
    """What the change touches: two changes of one key contradict each other unless they are the same."""
    if isinstance(change, DropTreaty):
        return ("treaty", change.treaty)
    if isinstance(change, AddMember | RemoveMember):  # an add and a remove of one member: `_member_bounds`
        return (change.op, change.treaty, state(change.state))
    if isinstance(change, SetStrength | SetScope):
        return (change.op, change.treaty, change.article)
    return None  # an added treaty: a file given twice, or an id given twice, is refused where it is added


@dataclass(frozen=True)
class _Clash:
    """Two changes contradict each other; `why`, what the message says of it beyond naming the two ('' when naming
    them says it all)."""

    why: str = ""


def _member_bounds(one: Change, two: Change) -> _Clash | None:
    """Whether a member added and removed (`one` and `two`, in either order) contradicts itself (a `_Clash`), or
    not (None): a remove without `left` takes back the add; one with `left` bounds the membership (the one way to
    give both days), and whether `left` comes too early is the treaty's own rule (`Treaty._dates_ordered`), but for
    an add that joins after that `left`: a leave and rejoin, which these changes cannot write (the remove ends the
    added one too)."""
    added = next(c for c in (one, two) if isinstance(c, AddMember))
    removed = next(c for c in (one, two) if isinstance(c, RemoveMember))
    if removed.left is None:
        return _Clash()
    if added.joined is not None and added.joined > removed.left:
        return _Clash(f" (joining on {added.joined} after leaving on {removed.left} cannot be written this way: a "
                      "remove_member with 'left' ends the state's membership from that day on, the added one "
                      "included; drop the treaty and add an edited copy with add_treaty)")
    return None


def _value(change: Change) -> object:
    return change.model_dump(exclude={"treaty", "state", "article"})


def _casefold(state: str) -> str:
    return state.strip().casefold()


def refuse_contradictions(changes: Sequence[Change], state: Callable[[str], str] = _casefold,
                          added: Collection[str] = ()) -> None:
    """Refuse two changes that contradict each other: a treaty dropped and also changed (unless an added treaty
    brings it back: `added`, the ids the `add_treaty` changes add, whose changes apply to the copy added), a member
    both added and removed (but for a remove with `left` not before the add's `joined`) or added from two dates, an
    article set to two strengths or two scopes; and a change given twice. `state` says which state a change's text
    names (by default the text itself, in any case).

    Raises:
        ScenarioError: the two changes, each named as given and where (`named`).
    """
    dropped = {c.treaty: (n, c) for n, c in enumerate(changes, 1)
               if isinstance(c, DropTreaty) and c.treaty not in added}  # a replaced treaty's changes: to the copy
    seen: dict[tuple[str, ...], tuple[int, Change]] = {}
    for n, change in enumerate(changes, 1):
        treaty = getattr(change, "treaty", None)
        if isinstance(treaty, str) and treaty in dropped and not isinstance(change, DropTreaty):
            raise ScenarioError(f"{named(dropped[treaty][1], dropped[treaty][0])} and {named(change, n)} contradict "
                                "each other (the treaty is dropped): give one of them")
        key = _key(change, state)
        if key is None:
            continue
        if isinstance(change, AddMember | RemoveMember) and (pair := seen.get((_OTHER[change.op], *key[1:]))):
            m, other = pair
            if (clash := _member_bounds(other, change)) is not None:
                raise ScenarioError(f"{named(other, m)} and {named(change, n)} contradict each other{clash.why}: give "
                                    "one of them")
        m, other = seen.setdefault(key, (n, change))
        if m == n:  # by its place: the same object listed twice is a change given twice
            continue
        first, second = named(other, m), named(change, n)
        if other.op == change.op and _value(other) == _value(change):
            raise ScenarioError(f"{first} is given twice: give it once" if first == second else
                                f"{first} and {second} are the same change, given twice: give it once")
        raise ScenarioError(f"{first} and {second} contradict each other: give one of them")


def refuse_dropping_added(changes: Sequence[Change], added: dict[int, str], known: Callable[[str], bool]) -> None:
    """Refuse a drop of a treaty that an added one brings (`added`: the id each `add_treaty` change adds, by its
    index), where the world has no treaty of that id: it is not a replacement, the two contradict each other.

    Raises:
        ScenarioError: the drop and the add, each named as given and where.
    """
    for n, change in enumerate(changes, 1):
        if not isinstance(change, DropTreaty):
            continue
        for i, treaty_id in added.items():
            if treaty_id == change.treaty and not known(treaty_id):  # (known: may load the ATOP history)
                raise ScenarioError(f"{named(changes[i], i + 1)} and {named(change, n)} contradict each other (the "
                                    f"treaty {treaty_id!r} is the one added: the world has none to drop): give one of "
                                    "them")


def check_files_once(changes: Sequence[Change]) -> None:
    """Refuse a treaty file that two `add_treaty` changes add (`--add-treaty F --add-treaty F`): the second would
    be refused as a treaty the world already has, which hid the slip (`foedus.model.files_once`)."""
    from foedus.model.files_once import FilesOnce
    from foedus.written import as_written

    once = FilesOnce()
    earlier: list[tuple[int, AddTreaty]] = []
    for n, change in enumerate(changes, 1):
        if not isinstance(change, AddTreaty) or not change.path:
            continue
        twice = once.twice(change.path)
        if twice is None:
            earlier.append((n, change))
            continue
        m, first = next(((m, c) for m, c in earlier if _same_file(c.path, change.path)), (n, change))
        if first.given_in is None and change.given_in is None:  # the command line's, as `--treaties` says it
            raise ScenarioError(f"what-if add_treaty: {as_written(change.path)}: {twice}")
        raise ScenarioError(f"{named(first, m)} and {named(change, n)}: {twice}")


def _same_file(a: str | None, b: str) -> bool:
    try:
        return a is not None and os.path.samefile(a, b)
    except (OSError, ValueError):
        return False
