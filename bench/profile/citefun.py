"""The opcodes run inside the citing, by function, over every 10th of bench_speed's 1,000 dyads (the rest
untraced between), each cascade's joiners read (ceiling_cite.py: where they are cited when first read, the citing
runs then), after ceiling_cite.py's line for the same run; with the calls of the citing and the obligations it
cites per cascade, counted over all the cascades run. The citing is `foedus.engine.citing.citations` where the tree
has it (session 53 on: a run's `_Run.cite`, for conflicts, and a result's joiners when first read both call it),
else `_Run.cite` (every citation of a run, before).

Run: python bench/profile/citefun.py DAY [free|records]   (the ceilings of ceiling_cite.py)"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from types import FrameType
from typing import Any

from cascades import DYADS, arg
from ceiling_cite import ceiling

from foedus.engine import cascade, citing, outcome

# Module-level, as in session 23's script, so that counted_cite runs the same opcodes (a closure adds two a call).
inside, calls, obligations = [0], [0], [0]
functions: Counter[tuple[str, str]] = Counter()
NEW = hasattr(citing, "citations")
FOUND = 0 if NEW else 1  # the finds: `citations(found, index, certify, parts)`, `_Run.cite(self, found)`
real_cite: Callable[..., tuple[Any, ...]] = outcome.citations if NEW else cascade._Run.cite  # type: ignore[attr-defined]


def counted_cite(*args: Any) -> tuple[Any, ...]:
    inside[0] += 1
    calls[0] += 1
    obligations[0] += len(args[FOUND])
    try:
        return real_cite(*args)
    finally:
        inside[0] -= 1


def count_cites() -> None:
    global real_cite
    if NEW:  # where each module looks it up (the free one under 'free')
        real_cite = outcome.citations  # type: ignore[attr-defined]
        cascade.citations = outcome.citations = counted_cite  # type: ignore[attr-defined]
    else:
        real_cite = cascade._Run.cite  # the free one under 'free'
        cascade._Run.cite = counted_cite  # type: ignore[method-assign]


def each(frame: FrameType) -> None:
    if inside[0]:
        functions[(frame.f_code.co_filename.rsplit("/", 1)[-1], frame.f_code.co_name)] += 1


def main() -> None:
    per = ceiling(arg(2, "real"), count_cites, each)
    n = len(per)
    print("per cascade: citing calls", calls[0] / DYADS, "obligations", obligations[0] / DYADS,
          "opcodes inside the citing (traced)", sum(functions.values()) // n)
    for k, v in functions.most_common(25):
        print(f"  {v // n:7d} {k}")


if __name__ == "__main__":
    main()
