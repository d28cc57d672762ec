"""The quick constructor of frozen records (`foedus.engine.maker`) makes what the class's own `__init__` makes,
and refuses the classes it cannot make faithfully."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from foedus import datarecord
from foedus.datarecord import dataclass
from foedus.engine.ledger import because
from foedus.engine.leg import Leg
from foedus.engine.maker import draft, maker
from foedus.engine.records import (
    Because,
    CertaintyReason,
    Consultation,
    Joiner,
    MonteCarloSummary,
    Neutral,
    Obligation,
    Violation,
)
from foedus.engine.rules import Volley
from foedus.engine.scenario import Attack


def test_maker_equals_init() -> None:
    """Equal, hashed alike, same type and slots, and still frozen; the field order is the class's."""
    because = Because("UKR", "RUS", "kursk-oblast", "territory")
    reason = CertaintyReason("date", "entry into force", "unverified", "fact sheet")
    values: tuple[Any, ...] = ("PRK", "defense", 2, "rus_prk_2024", "4", "S1", "defense", because, "unverified",
              ("state of war",), True, ("u",), (reason,), "all_means", "text", "treaty", (("non_military", "bound"),))
    quick, plain = maker(Obligation)(*values), Obligation(*values)
    assert quick == plain and hash(quick) == hash(plain) and type(quick) is Obligation
    assert [getattr(quick, f.name) for f in datarecord.fields(Obligation)] == list(values)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.state = "USA"  # type: ignore[misc]
    with pytest.raises(TypeError):
        maker(Obligation)(*values[:-1])  # every field, no defaults


@dataclass(frozen=True, slots=True)
class _Base:
    x: int


@dataclass(frozen=True, slots=True)
class _Child(_Base):
    y: str = "b"


def test_maker_sets_inherited_fields() -> None:
    """A record whose fields come partly from a parent record is made whole."""
    assert maker(_Child)(1, "a") == _Child(1, "a")


def test_maker_refuses_what_it_cannot_make() -> None:
    """Not frozen, without slots, with a `__post_init__` (which a direct constructor would skip), or a standard
    dataclass."""

    @dataclass(slots=True)
    class Loose:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Standard:
        x: int

    @dataclass(frozen=True, slots=True)
    class Checked:
        x: int

        def __post_init__(self) -> None:
            assert self.x > 0

    for cls in (Loose, Standard, Checked, MonteCarloSummary):  # MonteCarloSummary: frozen, without slots
        with pytest.raises(TypeError):
            maker(cls)


def test_the_engine_records_are_made_through_a_draft_of_their_layout() -> None:
    """The records the cascade makes by the hundred are filled as drafts and then given their class (`draft`): the
    assignment is checked here, so that an interpreter refusing it shows, rather than the makers quietly falling
    back to per-field slot setters; a record whose base is a frozen record (its `__setattr__`) gets none."""
    for cls in (Obligation, Joiner, Consultation, Neutral, Violation, Leg, Attack, Because):
        made = draft(cls)
        assert made is not None and made.__slots__ == cls.__slots__ and made.__bases__ == cls.__bases__
        assert maker(cls).__globals__["_draft"] is not None  # the makers use one
    assert draft(_Child) is None and draft(_Base) is not None
    made = maker(_Base)(1)
    assert type(made) is _Base and made == _Base(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.x = 2  # type: ignore[misc]


def test_a_volleys_attacks_and_their_becauses_are_what_their_classes_make() -> None:
    """`Volley.attack` and `ledger.because` make their records through makers (the rules judge each leg on an
    `Attack`): the records the classes' own constructors make, defaults (an attack's round 0) included."""
    vol = Volley("POL", "pol-home", "territory", "armed-attack", ("RUS", "BLR"), (), 0, frozenset({"RUS", "BLR"}))
    made, plain = vol.attack(1), Attack("BLR", "POL", "pol-home", "territory")
    assert type(made) is Attack and made == plain and hash(made) == hash(plain)
    assert [getattr(made, f.name) for f in datarecord.fields(Attack)] == ["BLR", "POL", "pol-home", "territory", 0,
                                                                          "armed-attack"]
    cause = because.__wrapped__("POL", "BLR", "pol-home", "forces")
    assert type(cause) is Because and cause == Because("POL", "BLR", "pol-home", "forces")
