"""Printers for the CLI: rich tables and trees on a terminal, JSON with `--json`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from foedus.engine.result import CascadeResult
from foedus.errors import FoedusError
from foedus.model.world import World

__all__ = [
    "print_demo",
    "print_places",
    "print_result",
    "print_states",
    "print_treaty",
    "print_treaty_list",
    "validate_files",
]


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def print_result(result: CascadeResult) -> None:
    """The readable cascade: a tree by round with reasons, then sides and other findings."""
    from foedus.render import rich_tree

    console = _console()
    console.print(rich_tree(result))
    sides = result.sides
    console.print(f"[red]attack[/red]: {', '.join(sides['attack'])}")
    console.print(f"[blue]defense[/blue]: {', '.join(sides['defense'])}")
    if result.power:
        _print_power(console, result.power)
    if result.montecarlo:
        _print_montecarlo(console, result.montecarlo)


def _print_power(console: Console, power: dict[str, Any]) -> None:
    parts = [f"{side} CINC {power[side]['cinc']:.4f} ({power[side]['share']:.1%} of the world)"
             for side in ("attack", "defense") if power.get(side) and power[side].get("share") is not None]
    note = f" — {power['note']}" if power.get("note") else ""
    console.print(f"coalition power, {power['year']}: " + "; ".join(parts) + note)


def _print_montecarlo(console: Console, mc: dict[str, Any]) -> None:
    size = mc["war_size"]
    console.print(f"Monte Carlo, {mc['draws']:,} draws (seed {mc['seed']}): war size mean {size['mean']:.1f}, "
                  f"90% interval {size['p5']:.0f}–{size['p95']:.0f}; P(major powers on opposite sides) "
                  f"{mc['p_major_powers_opposite']:.1%}")
    table = Table("state", "P(attack side)", "P(defense side)", title="probability of joining")
    rows = sorted(mc["probabilities"].items(), key=lambda kv: -max(kv[1].values()))
    for state, p in rows[:25]:
        table.add_row(state, f"{p['attack']:.1%}", f"{p['defense']:.1%}")
    console.print(table)
    ep = mc.get("expected_power")
    if ep:
        console.print("expected CINC: " + "; ".join(
            f"{side} {ep[side]['cinc_mean']:.4f} (5–95%: {ep[side]['cinc_p5']:.4f}–{ep[side]['cinc_p95']:.4f})"
            for side in ("attack", "defense")))


def print_citations(datasets: tuple[str, ...], *, to_stderr: bool) -> None:
    """Citations for the foedus treaty set and the research datasets a result used."""
    from foedus.datasets import cite

    lines = ["foedus curated treaty set (2025): cite the sources listed in each treaty file (foedus treaties show ID)."]
    for name, texts in cite(datasets).items() if datasets else ():
        lines += [f"{name}: {text}" for text in texts]
    (sys.stderr if to_stderr else sys.stdout).write("\n".join(lines) + "\n")


FLAGSHIP = {"attacker": "UKR", "target": "RUS", "place": "kursk-oblast", "target_kind": "territory"}
FLAGSHIP_DATES = ("2024-08-06", "2025-01-15")


def print_demo(as_json: bool) -> None:
    """Run the flagship scenario on both dates and say what changed."""
    from foedus.api import cascade

    results = [cascade(date=d, **FLAGSHIP) for d in FLAGSHIP_DATES]  # type: ignore[arg-type]
    if as_json:
        _json([r.to_dict() for r in results])
        return
    console = _console()
    console.print("[bold]Ukraine's forces in Russia's Kursk Oblast[/bold] "
                  "(foedus cascade --attacker UKR --target RUS --place kursk-oblast --date …)\n")
    for r in results:
        print_result(r)
        console.print()
    before, after = ({j.state for j in r.joiners} for r in results)
    added = sorted(after - before)
    if added:
        lines = []
        for st in added:
            j = results[1].joiner(st)
            assert j is not None
            lines.append(f"{result_name(results[1], st)} under {j.primary.treaty} art. {j.primary.article}")
        console.print(f"[bold]What changed:[/bold] on {FLAGSHIP_DATES[1]} {', '.join(lines)} is bound to join; "
                      f"on {FLAGSHIP_DATES[0]} the treaty was not yet in force (it entered into force on 2024-12-04).")


def result_name(result: CascadeResult, state: str) -> str:
    """`Name (ID)` for a state in a result."""
    return f"{result.names.get(state, state)} ({state})"


def print_treaty_list(world: World, date: str | None, as_json: bool) -> None:
    """Table of treaties: id, name, dates, members, kinds of obligation."""
    from foedus.catalog import treaty_rows
    from foedus.engine.scenario import parse_date

    rows = treaty_rows(world, parse_date(date) if date is not None else None)
    if as_json:
        _json(rows)
        return
    table = Table("id", "name", "signed", "in force", "ended", "members", "obligations")
    for r in rows:
        _row(table, r["id"], r["name"], r["signed"], r["in_force"] or "not in force",
             r["terminated"] or "", str(r["members"]), ", ".join(r["kinds"]))
    _console().print(table)


def _row(table: Table, *cells: object) -> None:
    """A table row of plain text: a treaty file's '[bold]' or '[/x]' is shown as written, never read as markup."""
    table.add_row(*(Text(str(c)) for c in cells))


def print_treaty(world: World, treaty_id: str, as_json: bool) -> None:
    """Everything about one treaty, invocation history included."""
    t = world.treaty(treaty_id)
    if as_json:
        _json(t.model_dump(mode="json", exclude_none=True))
        return
    console = _console()
    names = world.states.names
    console.print(f"[bold]{escape(t.name)}[/bold] ({escape(t.id)})")
    console.print(Text(f"signed {t.signed}; in force {t.in_force or 'not in force'}"
                       + (f"; terminated {t.terminated}" if t.terminated else "")
                       + f"; {t.type}; certainty: {t.certainty.value}"))
    members = Table("state", "signed", "joined", "left", "suspended", "certainty", title="members")
    for m in t.members:
        spans = "; ".join(f"{s.start}–{s.end or ''}" for s in m.suspended)
        _row(members, f"{names.get(m.state, m.state)} ({m.state})", m.signed or t.signed,
             m.joined or t.in_force or "—", m.left or "", spans, m.certainty.value)
    console.print(members)
    provisions = Table("kind", "art.", "strength", "trigger", "owed by → to", "scope", "gates", title="provisions")
    for p in t.provisions:
        who = f"{_who(p.obligors)} → {_who(p.beneficiaries)}"
        scope = f"territory: {_where(p.scope.territory)}; forces: {_where(p.scope.forces)}"
        gates = ", ".join(g for g, on in (("request-gated", p.request_gated),
                                          ("non-provocation", p.non_provocation)) if on)
        if p.valid is not None:
            gates += f" valid {p.valid.start}–{p.valid.end or ''}"
        if p.adversary.type != "any":
            gates += f" adversary: {p.adversary.type} {','.join(p.adversary.states)}"
        _row(provisions, p.kind.value, p.article, p.strength.value, p.trigger.value, who, scope, gates)
    console.print(provisions)
    if t.invocations:
        inv = Table("date", "art.", "requester", "outcome", title="invocations")
        for i in sorted(t.invocations, key=lambda i: i.date):
            _row(inv, i.date, i.article, ", ".join(i.requester), i.outcome)
        console.print(inv)
    else:
        console.print("invocations: none recorded")
    for s in t.sources:
        console.print(Text(f"source: {s.url}" + (f" ({s.title})" if s.title else "")))
    for u in t.unverified:
        console.print(f"[yellow]unverified:[/yellow] {escape(u)}")
    if t.note:
        console.print(Text(f"note: {t.note}"))


def _who(states: list[str] | None) -> str:
    return ",".join(states) if states is not None else "all"


def _where(tokens: list[str] | None) -> str:
    return "anywhere" if tokens is None else ", ".join(tokens) or "none"


def validate_files(paths: list[Path]) -> None:
    """Validate treaty files as `cascade --treaties` would load them; print one line per file; raise on the first
    bad one (a user file may not reuse a bundled id, since `--treaties` refuses that too)."""
    from foedus.model.loader import bundled_treaty_files, load_treaties

    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in [*p.glob("*.yaml"), *p.glob("*.yml")] if not f.is_dir())
            if not found:
                raise FoedusError(f"{p}: a folder with no treaty files (*.yaml, *.yml) in it")
            files += found
        elif p.exists():
            files.append(p)
        else:
            raise FoedusError(f"{p}: no such file or folder")
    if not paths:
        from foedus.model.gazetteer import Gazetteer
        from foedus.model.states import StateRegistry

        states = StateRegistry.load()
        treaties = load_treaties(bundled_treaty_files(), states, Gazetteer.load(states))
    else:
        world = World.default()
        known = {tid: "the bundled treaty set" for tid in world.treaties.curated}
        treaties = load_treaties(files, world.states, world.places, known)
    for tid in treaties:
        print(f"ok  {tid}")
    print(f"{len(treaties)} treaty file(s) valid")


def print_states(query: str | None, date: str | None, as_json: bool) -> None:
    """The state registry, or one state."""
    from foedus.engine.scenario import parse_date
    from foedus.model.states import StateRegistry

    if query is not None and date is not None:
        raise FoedusError("--date has no effect with a state name (it lists the members on a date); leave one out")
    registry = StateRegistry.load()
    day = parse_date(date) if date is not None else None
    chosen = ([registry.resolve(query)] if query is not None
              else [s for s in registry if day is None or s.member_on(day)])
    rows: list[dict[str, Any]] = [{"id": s.id, "ccode": s.ccode, "cow": s.cow_abb, "iso3": s.iso3, "name": s.name,
             "spells": [[a.isoformat(), b.isoformat() if b else None] for a, b in s.spells]} for s in chosen]
    if as_json:
        _json(rows)
        return
    table = Table("id", "COW", "abb", "ISO3", "name", "system membership")
    for r in rows:
        spells = "; ".join(f"{a}–{b or 'today'}" for a, b in r["spells"]) or "(COW dates not loaded)"
        table.add_row(r["id"], str(r["ccode"] or ""), r["cow"] or "", r["iso3"] or "", r["name"], spells)
    console = _console()
    console.print(table)
    if not registry.has_system_dates:
        console.print("state-system dates need COW data: `foedus data fetch cow_states`")


def print_places(regions: bool, homes: bool, as_json: bool) -> None:
    """The gazetteer's places (or regions)."""
    if regions and homes:
        raise FoedusError("--homes has no effect with --regions (it adds home territories to places); leave one out")
    world = World.default()
    if regions:
        rows: list[dict[str, Any]] = [r.model_dump() for r in world.places.regions.values()]
        if as_json:
            _json(rows)
            return
        table = Table("id", "name", "description")
        for r in rows:
            table.add_row(r["id"], r["name"], r["description"] or "")
        _console().print(table)
        return
    chosen = [p for p in world.places if homes or p.kind != "home"]
    if as_json:
        _json([p.model_dump() for p in chosen])
        return
    table = Table("id", "name", "kind", "sovereign", "administrator", "claimants", "regions")
    for p in chosen:
        table.add_row(p.id, p.name, p.kind, p.sovereign or "—", p.administrator or "—",
                      ", ".join(p.claimants), ", ".join(p.regions))
    _console().print(table)
