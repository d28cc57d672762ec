"""When a membership row makes its state a party to a treaty: the one home of that rule, on either basis (`signed`:
from a signature; `in-force`: from the accession or the entry into force), read by the engine (its leg table, the
certainty of a leg and its doubts), the war replay's treaty changes, a what-if's dated notes, a correction's `join`
and the treaty file's checks. In the model layer, light enough for the engine's fast start (no pydantic, no engine).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from foedus.model.facts import DateCertainty
    from foedus.model.treaty import Member, Treaty

__all__ = ["first_day", "first_party_day", "member_start", "party_from_signature", "party_on", "state_party_on"]


def party_from_signature(treaty: Treaty, m: Member) -> bool:
    """Whether on the signed basis the row is a party from a signature: its own, else, for a founder, the treaty's."""
    return m.signed is not None or m.joined is None or m.joined == treaty.in_force


def first_day(treaty: Treaty, m: Member | None) -> tuple[dt.date | None, DateCertainty | None]:
    """The day `m` became a party (without `m`, or a row with no `joined`: the entry into force) and how well it is
    known: as the row's own `joined_certainty` says where it gives one, even with no `joined` (the Rio parties whose
    deposit was not checked, read from the entry into force), else as the entry into force is."""
    if m is None:
        return treaty.in_force, treaty.in_force_certainty
    own = m.joined is not None or m.joined_certainty is not None
    return m.joined or treaty.in_force, m.joined_certainty if own else treaty.in_force_certainty


def member_start(treaty: Treaty, m: Member, basis: str = "in-force") -> tuple[dt.date | None, DateCertainty | None]:
    """The day the row makes its state a party on `basis` (`party_on`), and how well it is known: its accession, or
    the entry into force (`first_day`); on the signed basis its signature, taken as recorded (no window), which a
    row that joined later and records none takes from its accession, not the treaty's signature. None: never (on the
    in-force basis, a row with no accession of a treaty with no entry into force)."""
    if basis == "signed" and party_from_signature(treaty, m):
        return m.signed or treaty.signed, None
    return first_day(treaty, m)


def party_on(treaty: Treaty, m: Member, day: dt.date, basis: str = "in-force") -> bool:
    """Whether the row makes its state a party on `day`: from its first day on `basis` (`member_start`'s, written out:
    the leg table asks it of every row) to its exit, on either basis (`foedus.engine.table.parties`)."""
    signs = basis == "signed" and party_from_signature(treaty, m)
    start = (m.signed or treaty.signed) if signs else (m.joined or treaty.in_force)
    return start is not None and start <= day and (m.left is None or day < m.left)


def state_party_on(treaty: Treaty, state: str, day: dt.date, basis: str = "in-force", *, besides: Member | None = None,
                   rows: Sequence[Member] | None = None) -> bool:
    """Whether `state` is a party on `day` by any of its rows (`party_on`; with `besides`, by a row other than that
    one): a state with several rows (a membership recorded anew, an exit and a return) is a party while one makes it
    one. `rows`: the state's rows where the caller has them (the replay's timeline asks this of every row of every
    treaty: reading all the members each time would be quadratic in them), else the treaty's members are read."""
    return any(m.state == state and m is not besides and party_on(treaty, m, day, basis)
               for m in (treaty.members if rows is None else rows))


def first_party_day(treaty: Treaty, m: Member) -> dt.date:
    """The first day the row makes its state a party on either basis, signed or in force (the earlier of its two
    `member_start` days: its signature, or for a founder the treaty's; its accession)."""
    return min(d for basis in ("signed", "in-force") if (d := member_start(treaty, m, basis)[0]) is not None)
