"""An honour file naming an ATOP alliance a curated treaty carries (`atop_3180`, NATO's, carried by nato_1949) was
told 'unknown treaty id': the id is replaced, not misspelt. The refusal says so and names the treaty to give."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import FoedusError
from foedus.model.world import World
from samples import cli_line


@pytest.mark.parametrize(("treaty", "said"), [
    ("{atop_3180: 0.5}", "treaty: atop_3180 is replaced by nato_1949, which carries ATOP alliance 3180 (the history "
                         "leaves it out): name nato_1949"),
    ("{atop_3180_p1: 0.5, zzz: 1}", "treaty: atop_3180_p1 is replaced by nato_1949, which carries ATOP alliance 3180 "
                                    "(the history leaves it out): name nato_1949; unknown treaty id(s) zzz (try "
                                    "`foedus treaties list`)"),
])
def test_an_honour_rate_for_a_replaced_atop_id_names_its_treaty(tmp_path: Path, treaty: str, said: str) -> None:
    honour = tmp_path / "honour.yaml"
    honour.write_text(f"treaty: {treaty}\n", encoding="utf-8")
    for args in (["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "10", "--seed", "1"],
                 ["atlas", "-d", "2025-06-01", "--draws", "2", "--seed", "1", "--out", str(tmp_path / "a.csv")]):
        code, _, err = cli_line([*args, "--honour", str(honour)])
        assert (code, err) == (2, f"error: {honour}: {said}\n")


def test_a_replaced_atop_id_asked_of_the_world_names_its_treaty(world: World) -> None:
    with pytest.raises(FoedusError, match=r"^treaty atop_3180 is replaced by nato_1949, which carries ATOP alliance "
                                          r"3180 \(the history leaves it out\): name nato_1949$"):
        world.treaty("atop_3180")
    with pytest.raises(FoedusError, match=r"^unknown treaty 'atop_99999'"):  # an id no treaty carries: unknown
        world.treaty("atop_99999")
