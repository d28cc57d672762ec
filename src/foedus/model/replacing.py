"""A treaty's `replaces` list: each id it names is a loaded treaty (or an ATOP alliance, `atop_N`), and no treaty
replaces itself, directly or through others (`a` replaces `b`, which replaces `a`: a history no treaty can have).

Split from `foedus.model.loader` so each module stays small.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterator, Mapping, Sequence

__all__ = ["ATOP_ID", "later_signed", "replaces_problems"]

ATOP_ID = re.compile(r"^atop_[0-9]+(_p[0-9]+)?$")


def replaces_problems(replaces: Mapping[str, Sequence[str]], known: Container[str],
                      signed: Mapping[str, dt.date] | None = None) -> list[tuple[list[str], str, str]]:
    """What is wrong with the treaties' `replaces` lists (by id, in load order), as (the treaties to leave out, the
    field, the reason), the first of them the one whose file is named: an id that is neither in `known` (every
    loaded id) nor an ATOP alliance's, or one signed after the treaty (`later_signed`, where `signed` has both),
    then each cycle among the others (every treaty in it is left out).

    >>> lists = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a", "atop_1"], "e": ["f"]}
    >>> for problem in replaces_problems(lists, lists):
    ...     print(problem)
    (['e'], 'replaces[0]', "no treaty has the id 'f' (name a loaded treaty, or an ATOP alliance as atop_N)")
    (['a', 'b', 'c'], 'replaces[0]', 'a replaces b, which replaces c, which replaces a: a cycle (no treaty can \
replace itself, directly or through others)')
    >>> [left_out for left_out, _, _ in replaces_problems({"a": ["b"], "b": ["a", "c"], "c": ["b"]}, "abc")]
    [['a', 'b'], ['b', 'c']]
    """
    problems: list[tuple[list[str], str, str]] = []
    for tid, olds in replaces.items():
        unknown = [(j, old) for j, old in enumerate(olds) if old not in known and not ATOP_ID.match(old)]
        if unknown:
            j, old = unknown[0]
            problems.append(([tid], f"replaces[{j}]", f"no treaty has the id {old!r} (name a loaded treaty, or an "
                             "ATOP alliance as atop_N)"))
        elif later := later_signed(tid, olds, signed):
            problems.append(([tid], *later))
    left = {tid: olds for tid, olds in replaces.items() if not any(tid in out for out, _, _ in problems)}
    order = {tid: i for i, tid in enumerate(left)}
    for cycle in _cycles({tid: [old for old in olds if old in left] for tid, olds in left.items()}):
        first = min(range(len(cycle)), key=lambda i: order[cycle[i]])
        cycle = cycle[first:] + cycle[:first]
        chain = f"{cycle[0]} replaces " + ", which replaces ".join([*cycle[1:], cycle[0]])
        j = list(replaces[cycle[0]]).index(cycle[1 % len(cycle)])
        problems.append((cycle, f"replaces[{j}]", f"{chain}: a cycle (no treaty can replace itself, directly or "
                         "through others)"))
    return problems


def later_signed(tid: str, olds: Sequence[str], signed: Mapping[str, dt.date] | None) -> tuple[str, str] | None:
    """The field and reason where `tid` replaces a treaty signed after it (a treaty is replaced by a later one: the
    other way round reads as a slip of the id or of a date), of those `signed` dates; else None.

    >>> later_signed("a", ["b"], {"a": dt.date(2000, 1, 1), "b": dt.date(2010, 5, 1)})
    ('replaces[0]', 'b was signed on 2010-05-01, after a (2000-01-01): a treaty replaces only one signed before it')
    """
    for j, old in enumerate(olds):
        if signed and tid in signed and old in signed and signed[old] > signed[tid]:
            return f"replaces[{j}]", (f"{old} was signed on {signed[old]}, after {tid} ({signed[tid]}): a treaty "
                                      "replaces only one signed before it")
    return None


def _cycles(edges: Mapping[str, list[str]]) -> Iterator[list[str]]:
    """The cycles a depth-first walk of `edges` meets (each closed by an edge back to a treaty on the walk's path)."""
    seen: set[str] = set()
    for root in edges:
        if root in seen:
            continue
        seen.add(root)
        path, walk = [root], [iter(edges[root])]
        while walk:
            nxt = next(walk[-1], None)
            if nxt is None:
                walk.pop()
                path.pop()
            elif nxt in path:
                yield path[path.index(nxt):]
            elif nxt not in seen:
                seen.add(nxt)
                path.append(nxt)
                walk.append(iter(edges[nxt]))
