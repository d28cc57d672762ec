"""`foedus treaties show`, the part beyond the war clause: forms of help, duties, depth and the items behind it."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape

from foedus.cited import article_cited
from foedus.model.treaty import Treaty

__all__ = ["print_help"]

_MILINST = {0: "low", 1: "moderate", 2: "high"}
_BASIS = {"treaty": "treaty text", "companion": "companion agreement", "separate": "separate agreement"}


def _who(states: list[str] | None) -> str:
    return ",".join(states) if states is not None else "all"


def _interval(block: dict[str, float]) -> str:
    return f"{block['mean']:+.2f} [{block['lo']:+.2f}, {block['hi']:+.2f}]"


def _places(tokens: list[str] | None) -> str:
    return "anywhere" if tokens is None else ", ".join(tokens) or "nowhere"


def _limit(scope: dict[str, Any] | None) -> str:
    """A form of help's place limit (`HelpEntry.scope`, its sets compiled to places) as its line ends it: "" if none."""
    if not scope:
        return ""
    land, forces = scope.get("territory"), scope.get("forces")
    if land == forces:
        return f" (owed only in a war with an attack in: {_places(land)})"
    return f" (owed only in a war with an attack on territory in: {_places(land)}; on forces in: {_places(forces)})"


def print_help(console: Console, treaty: Treaty, info: dict[str, Any]) -> None:
    """Duties, forms of help with article/basis/certainty (each with its note: which givers give it, how sure), then
    milinst, depth and scope with their items, from `info`, the treaty's `foedus.catalog.treaty_detail` (what --json
    prints)."""
    for d in info["duties"]:
        how = "as the treaty file says" if d["explicit"] else "from its strength code"
        wording = f' — "{d["wording"]}"' if d["wording"] else ""
        who = f"{_who(d['obligors'])} → {_who(d['beneficiaries'])}"
        limit = f"; each may limit its aid to non-military means ({d['non_military']})" if "non_military" in d else ""
        console.print(escape(f"duty, {article_cited(d['article'])} ({d['kind']}, {who}): {d['entails']} "
                             f"({d['meaning']}){wording}{limit}; {how}, {d['certainty']}"))
    console.print("[bold]forms of help[/bold] (form (level), article, giver → receiver, when, basis, certainty):")
    for e in info["forms_of_help"]:
        span = f" {e.get('since', '')}–{e.get('until', '')}" if e.get("since") or e.get("until") else ""
        level = e["level"] + (f", {e['purpose']}" if e.get("purpose") else "")
        art = article_cited(e["article"]) if e.get("article") else "—"
        console.print(escape(f"  {e['form']} ({level}), {art}, {_who(e.get('by'))} → "
                             f"{_who(e.get('to'))}, {e['when']}, {_BASIS[e['basis']]}{span}, {e['certainty']}: "
                             f"{e.get('summary', '')}{_limit(e.get('scope'))}"), highlight=False)
        if e.get("note"):  # who gives it and how sure each giver is, as the treaty file says (the JSON's `note`)
            console.print(escape(f"    note: {e['note']}"), highlight=False)
    a = treaty.assistance
    if a is None:
        console.print("[yellow]forms of help beyond the war clause not encoded[/yellow]: depth items are missing")
    else:
        for form in a.unknown:
            console.print(f"[yellow]not known:[/yellow] {form.value}")
        for q in a.open_questions:
            console.print(f"[yellow]open question:[/yellow] {escape(q)}")
        if a.note:
            console.print(escape(f"help note: {a.note}"))
    dep = info["depth"]
    level = f"{dep['level']:.0%} interval"
    mil = dep["milinst"]
    console.print(f"military institutionalisation (Leeds & Anac 2005): "
                  f"{'unknown' if mil is None else f'{mil} ({_MILINST[mil]})'}")
    every = ("not established (ATOP codes the alliance's own documents, not separate agreements)"
             if dep["depth_all"] is None else _interval(dep["depth_all"]))
    console.print(escape(f"depth {_interval(dep['depth'])}, scope {_interval(dep['scope'])} ({level}; latent scale on "
                  f"which ATOP's 1815–2018 alliances are N(0, 1)); depth counting separate agreements too: {every}"))
    items = ", ".join(f"{k}={'?' if v is None else v}" for k, v in dep["items"].items())
    console.print(escape(f"items: {items}"))
    latest = info["depth_latest"]
    if latest is not None:
        every = "" if latest["depth_all"] is None else \
            f", counting separate agreements too {_interval(latest['depth_all'])}"
        console.print(escape(f"depth above counts every form of help the treaty has held, those with a span too, as "
                             f"ATOP's alliance-level codes count every phase; a year's depth (`foedus dyads --depth`) "
                             f"counts the forms that held in it: from {latest['year']} on, depth "
                             f"{_interval(latest['depth'])}{every}"), highlight=False)
