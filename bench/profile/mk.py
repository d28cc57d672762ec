"""Time to make one Obligation with its maker (`foedus.engine.maker`) against a tuple subclass of the same 15
fields made in one call (what a tuple-based record would cost): the least of 7 timeit runs of 100,000, in us.

Run: python bench/profile/mk.py"""

from __future__ import annotations

import timeit

from foedus.engine.maker import maker
from foedus.engine.records import Because, Obligation


class Row(tuple):  # type: ignore[type-arg]
    __slots__ = ()


def main() -> None:
    make = maker(Obligation)
    because = Because("a", "b", "c", "d")
    args = ("X", "attack", 1, "t", "5", "S1", "defense", because, "verified", (), False, (), (), "all", "txt")
    new = tuple.__new__
    for name, f in (("maker", lambda: make(*args)), ("tuple subclass", lambda: new(Row, args))):
        print(name, round(min(timeit.repeat(f, number=100000, repeat=7)) * 10, 3), "us")


if __name__ == "__main__":
    main()
