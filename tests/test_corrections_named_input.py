"""Bad input in a `named` correction (`foedus.sources.corrections`): a name over two lines (every line that cites
the alliance prints it) and an alliance named twice (the last name was taken, with no word of the first) were read;
each is refused in one line naming the entry."""

from __future__ import annotations

import pytest

from foedus.errors import TreatyDataError
from foedus.sources.corrections import load_corrections

PAGE = "sources: [{url: 'https://www.example.org/a'}], note: n"


def test_a_name_too_long_or_with_spaces_around_it_is_refused() -> None:
    """A 20,000-character name and one with spaces around it were read, and printed on every line citing the alliance;
    a name is at most 200 characters (the longest bundled title is 176) and has no spaces around it."""
    for name, said in [("x" * 20_000, r"\.name: is 20000 characters long, over 200: give the treaty's short title$"),
                       (" Treaty of Amity, 1976", r"\.name: has spaces around it: give the name without them$"),
                       ("Treaty of Amity, 1976 ", r"\.name: has spaces around it: give the name without them$")]:
        with pytest.raises(TreatyDataError, match=r"^atop_corrections\.yaml: \[0\] \(atopid 3755\)" + said):
            load_corrections(f"- {{atopid: 3755, action: named, name: '{name}', {PAGE}}}")
    assert load_corrections(f"- {{atopid: 3755, action: named, name: '{'x' * 200}', {PAGE}}}")


@pytest.mark.parametrize(("entries", "said"), [
    ('- {atopid: 3755, action: named, name: "Treaty\\nof Amity", ' + PAGE + "}",
     r"^atop_corrections\.yaml: \[0\] \(atopid 3755\)\.name: has U\+000A LINE FEED"),
    ('- {atopid: 3755, action: named, name: "Treaty\\tof Amity", ' + PAGE + "}",
     r"^atop_corrections\.yaml: \[0\] \(atopid 3755\)\.name: has U\+0009 CHARACTER TABULATION"),
    ("- {atopid: 3755, action: named, name: A, " + PAGE + "}\n- {atopid: 3755, action: named, name: B, " + PAGE + "}",
     r"^atop_corrections\.yaml: \[1\] \(atopid 3755\)\.name: the alliance is named twice \(also \[0\]\): name it "
     r"once$"),
    ("- {atopid: 3755, phase: 2, action: named, name: A, " + PAGE + "}\n"
     "- {atopid: 3755, phase: 2, action: named, name: B, " + PAGE + "}",
     r"\.name: the alliance phase 2 is named twice \(also \[0\]\)"),
])
def test_a_bad_name_is_refused_in_one_line(entries: str, said: str) -> None:
    with pytest.raises(TreatyDataError, match=said) as caught:
        load_corrections(entries)
    assert "\n" not in str(caught.value)


def test_an_alliance_and_one_of_its_phases_may_each_be_named() -> None:
    """The whole alliance and one phase are two names (a phase named as itself), not one named twice."""
    assert len(load_corrections("- {atopid: 3755, action: named, name: A, " + PAGE + "}\n"
                                "- {atopid: 3755, phase: 2, action: named, name: B, " + PAGE + "}")) == 2


def test_the_bundled_corrections_still_load() -> None:
    assert any(c.action == "named" for c in load_corrections())
