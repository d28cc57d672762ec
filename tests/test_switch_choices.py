"""Each scenario switch's values are declared once (engine/scenario.py, read through foedus.inputs.SWITCHES): the page
reads them from web/src/contract.ts, which contract_gen writes from the declarations, where web/src/url.ts spelled
them out by hand for a shared link's check."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from foedus.engine import contract_gen
from foedus.inputs import SWITCHES

ROOT = Path(__file__).resolve().parents[1]
CHOSEN = {i.name: i for i in SWITCHES if i.choices}


def _generated(ts: str, const: str) -> dict[str, object]:
    """The object literal of `export const <const>` in generated TypeScript, as Python."""
    m = re.search(rf"export const {const}\b[^=]*= \{{\n(.*?)\n\}}", ts, re.S)
    assert m, f"contract.ts has no {const}"
    return {k: json.loads(v) for k, v in re.findall(r"^  (\w+): (.+),$", m.group(1), re.M)}


def test_the_generated_choices_are_the_declared_ones() -> None:
    ts = contract_gen.typescript()
    assert _generated(ts, "SWITCH_CHOICES") == {n: list(i.choices) for n, i in CHOSEN.items()}
    assert _generated(ts, "SWITCH_DEFAULTS") == {n: i.default for n, i in CHOSEN.items()}
    assert {"reading", "severity", "basis", "territory_view", "unresolved", "target_kind"} <= set(CHOSEN)


def test_a_value_added_on_the_python_side_reaches_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    grown = tuple(dataclasses.replace(i, choices=(*i.choices, "cautious")) if i.name == "reading" else i
                  for i in SWITCHES)
    monkeypatch.setattr(contract_gen, "SWITCHES", grown)
    choices = _generated(contract_gen.typescript(), "SWITCH_CHOICES")
    assert choices["reading"] == ["legal", "escalatory", "cautious"]
    assert choices["severity"] == list(CHOSEN["severity"].choices)


class _Form(HTMLParser):
    """The values of each <select id=...>'s options and of each radio group in the page."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "select":
            self._select = a.get("id")
        elif tag == "option" and self._select:
            self.values.setdefault(self._select, []).append(a.get("value") or "")
        elif tag == "input" and a.get("type") == "radio" and a.get("name"):
            self.values.setdefault(str(a["name"]), []).append(a.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def test_the_pages_form_offers_each_declared_value() -> None:
    """The form's controls (web/index.html, hand-written for their labels) offer exactly the declared values."""
    form = _Form()
    form.feed((ROOT / "web" / "index.html").read_text(encoding="utf-8"))
    for name in ("target_kind", "reading", "basis", "territory_view", "unresolved", "severity"):
        control = name if name == "reading" else name.replace("_", "-")
        assert sorted(form.values[control]) == sorted(CHOSEN[name].choices), name
