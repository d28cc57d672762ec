"""Time to make one Obligation with its maker (`foedus.engine.maker`) against a tuple subclass of the same 15
fields made in one call (what a tuple-based record would cost): the least of 7 timeit runs of 100,000, in us.
With `count`, it makes 1,000 Obligations, then 10,000 through `itertools.starmap`, for callgrind to count alone
(session 28: the instructions of one, made and freed, are the count over 10,000).

Run: python bench/profile/mk.py
     PYTHONPATH=TREE/src valgrind --tool=callgrind --collect-atstart=no --toggle-collect=starmap_next \\
         python bench/profile/mk.py count"""

from __future__ import annotations

import sys
import timeit
from itertools import repeat, starmap

from foedus.engine.maker import maker
from foedus.engine.records import Because, Obligation


class Row(tuple):  # type: ignore[type-arg]
    __slots__ = ()


def main() -> None:
    make = maker(Obligation)
    because = Because("a", "b", "c", "d")
    args = ("X", "attack", 1, "t", "5", "S1", "defense", because, "verified", (), False, (), (), "all", "txt")
    if sys.argv[1:] == ["count"]:
        for _ in range(1000):
            make(*args)
        for _ in starmap(make, repeat(args, 10000)):
            pass
        return
    new = tuple.__new__
    for name, f in (("maker", lambda: make(*args)), ("tuple subclass", lambda: new(Row, args))):
        print(name, round(min(timeit.repeat(f, number=100000, repeat=7)) * 10, 3), "us")


if __name__ == "__main__":
    main()
