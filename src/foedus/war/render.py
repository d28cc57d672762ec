"""Print a war replay on a terminal: who was bound when and by what, then the timeline of moves."""

from __future__ import annotations

from typing import Any

from foedus.consoles import console as make_console
from foedus.consoles import table as make_table
from foedus.render import certainty_tag
from foedus.war.result import StateRecord, WarReplay

__all__ = ["print_replay"]


def _row(r: StateRecord, names: dict[str, str]) -> list[str]:
    fight = "; ".join(f"{s['side']} {s['from']}" + (f"–{s['to']}" if s["to"] else "") + f" ({s['how']})"
                      for s in r.spells) or "—"
    b = r.first_bound
    bound = f"{b.date} {b.side}: {b.treaty} art. {b.article}" if b else "—"
    if b and b.certainty != "verified":
        bound += f" ({b.certainty})"
    why = _said(b.cause) if b else ""
    return [f"{r.state} {names.get(r.state, '')}".strip(), fight, bound, why]


def _said(cause: dict[str, Any] | None) -> str:
    """A change's label; a treaty change's with its certainty as a finding's is said (the facts are in its JSON)."""
    if not cause:
        return ""
    if "certainty" not in cause:
        return str(cause.get("label", ""))
    facts = [r["fact"] for r in cause.get("certainty_reasons", [])]  # said when verified but known to a window
    return str(cause.get("label", "")) + certainty_tag(cause["certainty"], facts)


def _duties(result: WarReplay) -> list[str]:
    lines = []
    for r in result.ordered():
        bound = r.first_bound
        for t in r.triggered:
            if bound is None or (t["date"], t["treaty"]) != (bound.date.isoformat(), bound.treaty):
                lines.append(f"{r.state}: casus foederis {t['date']}, {t['treaty']} art. {t['article']} "
                             f"toward {t['toward']} ({t['kind']})" + certainty_tag(t["certainty"]))
        lines += [f"{r.state}: consult {c['with']} from {c['date']} ({c['treaty']} art. {c['article']})"
                  + certainty_tag(c["certainty"]) for c in r.consultations]
        lines += [f"{r.state}: stay neutral toward {n['toward']} from {n['date']} ({n['treaty']} art. {n['article']})"
                  + certainty_tag(n["certainty"]) for n in r.neutral]
    return lines


def print_replay(result: WarReplay, timeline: bool = True) -> None:
    """The per-state table, the other duties, then (optionally) each date's moves with their causes."""
    console = make_console(highlight=False, soft_wrap=False)
    war = result.war
    console.print(f"[bold]{war.name}[/bold] ({war.id}), replayed {war.start} to {result.end} — "
                  f"{result.settings.reading} reading, membership by {result.settings.basis}")
    table = make_table("state", "fighting", "first bound to join", "by", title="who was bound, when, and by what")
    for rec in result.ordered():
        table.add_row(*_row(rec, result.names))
    console.print(table)
    duties = _duties(result)
    if duties:
        console.print("[bold]other duties[/bold] (casus foederis while fighting; consultation; neutrality)")
        for line in duties:
            console.print(f"  {line}")
    if timeline:
        console.print("[bold]timeline[/bold] (dates on which a state moved)")
        for f in result.frames:
            if not f.moved:
                continue
            console.print(f"[bold]{f.date}[/bold]")
            for m in f.moved:
                why = _said(m["cause"])
                console.print(f"  {m['state']}: {m['from']} → {m['to']}" + (f"  ({why})" if why else ""))
    for note in result.notes:
        console.print(f"[dim]note: {note}[/dim]")


def print_ongoing(summary: dict[str, Any]) -> None:
    """The `--ongoing-since` lines under a cascade: since when each joiner is bound, and what lapsed."""
    console = make_console(highlight=False, soft_wrap=False)
    console.print(f"[bold]ongoing since {summary['since']}[/bold]: bound without a break since")
    for state, b in summary["bound_since"].items():
        why = _said(b["cause"])
        console.print(f"  {state}: {b['since']} ({b['side']}, {b['treaty']} art. {b['article']})"
                      + (f" — {why}" if why else ""))
    for lap in summary["lapsed"]:
        console.print(f"  {lap['state']}: bound {lap['from']} to {lap['to']} ({lap['treaty']} art. {lap['article']}), "
                      "no longer")
