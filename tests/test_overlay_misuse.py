"""What-if misuse refused in one line, naming the problem (the s40 robustness audit).

Removing every member of a treaty was told by the treaty file's rule, `what-if remove_member anzus_1951: needs at
least 1 item, got 0`, which names neither the member nor the way to do it (drop the treaty); `load_overlay(5)` and
`Overlay(...).apply("x")` (the Python way docs/whatif-and-atlas.md shows) raised a TypeError and an AttributeError
from deep inside."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus
from foedus.errors import ScenarioError
from foedus.model.overlay import DropTreaty, Overlay, RemoveMember, load_overlay
from test_input_messages import _error_line

_ANZUS = ("AUS", "NZL", "USA")
_LAST = ("what-if remove_member anzus_1951:USA: USA is the last member left in anzus_1951; to take every member "
         "out, drop the treaty instead (--drop-treaty anzus_1951; a drop_treaty change)")


def test_removing_every_member_says_to_drop_the_treaty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flags = [arg for state in _ANZUS for arg in ("--remove-member", f"anzus_1951:{state}")]
    assert _error_line(["cascade", "-a", "CHN", "-t", "AUS", "-d", "2024-01-01", *flags]) == (  # as typed
        "--remove-member anzus_1951:USA" + _LAST.removeprefix("what-if remove_member anzus_1951:USA"))
    monkeypatch.chdir(tmp_path)
    Path("all.yaml").write_text("changes:\n" + "".join(f"  - {{op: remove_member, treaty: anzus_1951, state: {s}}}\n"
                                                       for s in _ANZUS), encoding="utf-8")
    assert _error_line(["cascade", "-a", "CHN", "-t", "AUS", "-d", "2024-01-01", "--overlay", "all.yaml"]) == (
        f"all.yaml: change 3: {_LAST}")
    with pytest.raises(ScenarioError) as caught:
        foedus.cascade("CHN", "AUS", "2024-01-01", remove_member=[f"anzus_1951:{s}" for s in _ANZUS])
    assert str(caught.value) == _LAST


def test_removing_all_but_one_member_still_runs() -> None:
    """The treaty keeps one member: no refusal, and the removed ally is no longer bound by it."""
    usa = foedus.cascade("CHN", "AUS", "2024-01-01").joiner("USA")
    assert usa is not None and usa.primary.treaty == "anzus_1951"
    usa = foedus.cascade("CHN", "AUS", "2024-01-01", remove_member=["anzus_1951:NZL", "anzus_1951:USA"]).joiner("USA")
    assert usa is None or "anzus_1951" not in {usa.primary.treaty, *(leg.treaty for leg in usa.also)}


@pytest.mark.parametrize("given, said", [(5, "5"), (None, "nothing"), (["o.yaml"], "a list")])
def test_load_overlay_refuses_what_is_no_path(given: object, said: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_overlay(given)  # type: ignore[arg-type]
    assert str(caught.value) == f"overlay: expected the path of an overlay YAML file (str or pathlib.Path), not {said}"


def test_apply_refuses_what_is_no_world() -> None:
    overlay = Overlay(changes=[DropTreaty(treaty="nato_1949"), RemoveMember(treaty="anzus_1951", state="NZL")])
    with pytest.raises(ScenarioError) as caught:
        overlay.apply("x")  # type: ignore[arg-type]
    assert str(caught.value).startswith("world: expected a foedus.World")
    assert "nato_1949" not in overlay.apply(None).treaties  # type: ignore[arg-type]
