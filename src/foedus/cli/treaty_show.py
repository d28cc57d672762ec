"""`foedus treaties show`: everything about one treaty, on a terminal or as JSON."""

from __future__ import annotations

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from foedus.catalog import carry_said, certainty_said, member_name, member_sure, treaty_detail
from foedus.cited import article_cited
from foedus.cited_names import name_tag
from foedus.cli.show import _console, _json
from foedus.consoles import table as make_table
from foedus.engine.certainty import how_dated, how_sure
from foedus.engine.rules.gates import party_gates, provision_gates
from foedus.member_dates import joined_early, member_joined, member_signed
from foedus.model.treaty import DateCertainty, Member, Span, Treaty
from foedus.model.vocab import INSTRUMENT_WORDS, Certainty
from foedus.model.world import World
from foedus.set_uses import set_line

__all__ = ["NOTES_TITLE", "SUBJECT_SIGNED", "print_treaty"]

NOTES_TITLE = "notes on the doubted facts: memberships and spans not verified, dates not known to the day"
SUBJECT_SIGNED = "— (its subject; signed nothing)"
"""The signed cell of a state that one state's own act (an executive order, a statute) names but that signed nothing:
Qatar under the US order of 2025, Taiwan under the Taiwan Relations Act. The act's author records its own `signed`."""


def print_treaty(world: World, treaty_id: str, as_json: bool) -> None:
    """Everything about one treaty, invocation history included."""
    from foedus.cli.show_help import print_help

    t = world.treaty(treaty_id)
    detail = treaty_detail(world, treaty_id)  # the one serializer, shared with GET /api/treaties/{id}
    if as_json:
        _json(detail)
        return
    console = _console()
    sure = "" if t.name_certainty == "verified" else f"; {name_tag(t.name_certainty)}"  # a name from no official page
    console.print(f"[bold]{escape(t.name)}[/bold] ({escape(t.id)}){escape(sure)}")
    if (said := INSTRUMENT_WORDS.get(t.instrument)) is not None:  # a reader weighs it apart from a treaty
        console.print(f"[bold yellow]instrument:[/bold yellow] {escape(said)}")
    if t.binds_no_one:
        console.print(f"[bold yellow]binds no one:[/bold yellow] {escape(t.binds_no_one)}")
    # how sure the entry into force and the end are, as the JSON says it, with the date's note
    unfound = "not found" if t.in_force_certainty else "not in force"  # not found, with a window it may come in
    carried = carry_said(t)  # past its source's coverage only carried forward, and whether that was checked
    console.print(Text(f"signed {t.signed}; in force {t.in_force or unfound}"
                  + _sure(detail.get("in_force_how_sure"), t.in_force_certainty)
                  + (f"; {carried}" if carried else "")
                  + (f"; out of force from {t.terminated}"
                     + _sure(detail.get("terminated_how_sure"), t.terminated_certainty) if t.terminated else "")
                  + f"; {t.type}; certainty: {certainty_said(t)}"))  # a carry's years: carried-forward
    console.print(_members(world, t))
    for early in _joined_early(world, t):  # a row in before it signed (Uzbekistan back in the CSTO in 2006)
        console.print(early)
    if detail["member_notes"]:  # the notes on its doubted facts, as the API gives them to the web's treaty list
        console.print(_member_notes(detail["member_notes"], console.width))
    if t.provisions:  # with a line under it for each gate that reads the parties, each window doubted
        console.print(Group(_provisions(t), *_party_gates(t), *_windows_doubted(t)))
    for named in detail["place_sets"]:  # a set its scopes name: how sure its extent is, and what is unsure
        console.print(Text(set_line(named)))
    if t.priority is not None:  # the clause foedus.engine.rules.precedence acts on
        console.print(Text(f"priority: {article_cited(t.priority.article)} ({t.priority.certainty.value}): in a "
                           "conflict its obligations prevail; a party's duty not to fight another party sets its other "
                           f"duties against that party aside (source: {t.priority.source})"))
    print_help(console, t, detail)
    console.print(_invocations(t))
    for s in t.sources:
        console.print(Text(f"source: {s.url}" + (f" ({s.title})" if s.title else "")))
    for u in t.unverified:
        console.print(f"[yellow]unverified:[/yellow] {escape(u)}")
    if t.note:
        console.print(Text(f"note: {t.note}"))


def _invocations(t: Treaty) -> Table | str:
    """The invocations table, by date, or the line saying none is recorded."""
    if not t.invocations:
        return "invocations: none recorded"
    inv = make_table("date", "article", "requester", "outcome", "certainty", title="invocations")
    for i in sorted(t.invocations, key=lambda i: i.date):
        _row(inv, i.date, article_cited(i.article), ", ".join(i.requester), i.outcome,
             how_sure(i.certainty, i.date_certainty))
    return inv


def _members(world: World, t: Treaty) -> Table:
    """The members table, each row's state named as it was called when the row begins (`member_name`)."""
    # a treaty's end and a member's exit are kept as the first day out (ATOP's last day in, plus one): said so
    members = make_table("state", "signed", "joined", "out from", "suspended / frozen", "certainty", title="members")
    # a row that ends the day another row of its state begins: one membership, recorded on other facts from then
    begins = {(m.state, m.joined) for m in t.members if m.joined is not None}
    ends = {(m.state, m.left) for m in t.members if m.left is not None}  # its next row's joined: no new accession
    for m in t.members:
        spans = "; ".join([*(_span(s) for s in m.suspended), *(f"frozen {_span(s)}" for s in m.frozen)])
        left = f"{m.left} (continues)" if (m.state, m.left) in begins else m.left or ""
        joined = member_joined(t, m) or "—"
        joined = f"{joined} (continued)" if (m.state, m.joined) in ends else joined
        _row(members, member_name(world, t, m), _signed(t, m), joined, left, spans, member_sure(t, m))
    return members


def _joined_early(world: World, t: Treaty) -> list[Text]:
    """A line for each row that became a party before it signed (`joined_early`), so its dates do not read as a slip."""
    return [Text(f"{member_name(world, t, m)} {early}") for m in t.members if (early := joined_early(t, m)) is not None]


def _signed(t: Treaty, m: Member) -> object:
    """The row's signature (`member_signed`), or the words saying that a state one state's own act names signed
    nothing."""
    return member_signed(t, m) or SUBJECT_SIGNED


def _span(s: Span) -> str:
    return f"{s.start}–{s.end or ''}"


def _member_notes(noted: list[dict[str, str]], width: int) -> Table:
    """The notes on the memberships' doubted facts (the JSON's `member_notes`: `foedus.catalog.member_notes`), one a
    row under the members table: the state and the fact beside its note, the note folded in its own column (the
    first column a third of a wide terminal)."""
    notes = Table.grid(padding=(0, 1), pad_edge=True)
    notes.title, notes.title_justify = NOTES_TITLE, "left"
    notes.add_column(overflow="fold", max_width=max(40, width // 3))
    notes.add_column(overflow="fold", ratio=1)
    for said in noted:
        _row(notes, f"{said['fact']}:", said["note"])
    return notes


def _sure(sure: str | None, how: DateCertainty | None) -> str:
    """' (how sure; the date's note)' after a date, or nothing when the JSON says nothing of it."""
    if sure is None:
        return ""
    return f" ({sure}" + (f"; {how.note}" if how is not None and how.note else "") + ")"


def _row(table: Table, *cells: object) -> None:
    """A table row of plain text: a treaty file's '[bold]' or '[/x]' is shown as written, never read as markup."""
    table.add_row(*(Text(str(c)) for c in cells))


def _who(states: list[str] | None) -> str:
    return ",".join(states) if states is not None else "all"


def _where(tokens: list[str] | None) -> str:
    return "anywhere" if tokens is None else ", ".join(tokens) or "none"


def _party_gates(t: Treaty) -> list[Text]:
    """The gates that read the parties (`rules.gates.party_gates`), a line each under the provisions table: such a
    gate holds back some legs of a provision, not all of them, as the table's gates column would say."""
    return [Text(f"also gated by {words}: {article_cited(p.article)}, the legs owed by {', '.join(obligors)}")
            for p in t.provisions for words, obligors in party_gates(t, p).items()]


def _windows_doubted(t: Treaty) -> list[Text]:
    """A line under the provisions table for each clause whose window (`Provision.valid`) is not verified: how sure
    it is, why (its note) and its source, as a duty under it is tagged (the `validity` fact); once for clauses of one
    article that share it (Russia-Armenia's defence and consultation under art. 2)."""
    said = (f"validity {p.valid.certainty.value}: {article_cited(p.article)}, valid {p.valid.start}–{p.valid.end or ''}"
            + (f": {p.valid.note}" if p.valid.note else "") + (f" (source: {p.valid.source})" if p.valid.source else "")
            for p in t.provisions if p.valid is not None and p.valid.certainty is not Certainty.VERIFIED)
    return [Text(line) for line in dict.fromkeys(said)]


def _provisions(t: Treaty) -> Table:
    """The provisions table: kind, article, strength, trigger, legs, scope and gates."""
    provisions = make_table("kind", "article", "strength", "trigger", "owed by → to", "scope", "gates",
                            title="provisions")
    for p in t.provisions:
        who = f"{_who(p.obligors)} → {_who(p.beneficiaries)}"
        scope = f"territory: {_where(p.scope.territory)}; forces: {_where(p.scope.forces)}"
        gates = ", ".join(provision_gates(t, p))  # every gate the rules say its legs carry (`rules.GATES`)
        if p.valid is not None:
            gates += f" valid {p.valid.start}–{p.valid.end or ''}"
            dated = [f"{edge}: {how_dated(how)}" for edge, how in (("start", p.valid.start_certainty),
                                                                  ("end", p.valid.end_certainty)) if how]
            if p.valid.certainty is not Certainty.VERIFIED:  # the window itself doubted (a `validity` fact)
                dated.insert(0, p.valid.certainty.value)
            gates += f" ({'; '.join(dated)})" if dated else ""
        if p.adversary.type != "any":
            gates += f" adversary: {p.adversary.type} {','.join(p.adversary.states)}"
        _row(provisions, p.kind.value, article_cited(p.article), p.strength.value, p.trigger.value, who, scope, gates)
    return provisions
