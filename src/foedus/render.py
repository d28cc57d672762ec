"""Human renderings of a cascade result: plain text, a rich tree, and an HTML table.

All three read the same `CascadeResult`; none computes anything the engine did not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from html import escape
from typing import Any

from foedus.by_name import by_name
from foedus.cited import cited, instrument_said, kind_cited, tagged_article, tagged_cited
from foedus.cited_names import named_cited
from foedus.code_words import settings_tail
from foedus.conflict_words import conflict_line, doubted_duties
from foedus.engine.certainty_words import UNCERTAIN, doubt_words, window_facts
from foedus.engine.doubted_facts import doubt_levels, doubted
from foedus.engine.records import Because, CertaintyReason, Consultation, Doubt, Joiner, Neutral, Violation, Withheld
from foedus.engine.rules import STRIKES
from foedus.limit_words import consult_limit
from foedus.model.vocab import STRENGTH_WORDS
from foedus.place_words import attack_words, where_said
from foedus.render_result import CascadeResult
from foedus.review_words import past_review
from foedus.support_words import SUPPORT_INDENT, not_owed_lines, support_lines
from foedus.whatif_words import finding_tag, hypothetical_said, hypothetical_tag, rested
from foedus.wording import named_state

__all__ = ["CascadeResult", "certainty_tag", "doubted_duties", "explain_lines", "explain_text", "html_table",
           "reason_lines", "rich_tree", "side_names"]


def _article(finding: Neutral | Violation | Consultation) -> str | None:
    """A neutrality duty's, violation's or consultation's article as its line cites it: less its own note of a doubt
    the facts listed beneath it say ("rus_prk_2000 art. 2 (number unverified) — unverified facts", then "not
    verified: rus_prk_2000 art. 2 (number unverified): the clause as encoded" said it twice), as a joiner's
    (`tagged_article`)."""
    return tagged_article(finding.article, finding.certainty, doubted(finding.certainty_reasons))


def _name(result: CascadeResult, state: str) -> str:
    return named_state(state, result.names)


def _cites(result: CascadeResult, treaty: str) -> str:
    """A treaty's id as the explanation cites it: an ATOP alliance a correction names, with its name
    (`foedus.cited_names`); the result's `titles` are not in its JSON, so a result read back cites the id alone."""
    return named_cited(treaty, result.titles)


def _attack_verb(result: CascadeResult) -> str:
    """The header's verb, for what the opening incident is ("makes an incursion into", not "attacks", as `_deed`
    says it under a joiner) and agreeing with its attackers ("Germany (DEU), Italy (ITA) attack ..."); the explanation
    (`explain_lines`), the notebook's table and the web's title alike (web/src/said.ts `attackVerb`;
    tests/test_said_parity.py)."""
    one, several = _INCIDENT_VERBS.get(result.scenario.severity, ("attacks", "attacked", "attack"))[::2]
    return several if len(result.scenario.attackers) > 1 else one


def _where(result: CascadeResult) -> str:
    """Where the opening attacks hit, after the targets (`where_said`; a result read back has no place names)."""
    s = result.scenario
    return where_said(s.targets, s.places or (s.place,), getattr(result, "place_names", {}),
                      getattr(result, "homes", {}))


def side_names(result: CascadeResult, side: str) -> str:
    """A side's states, the original parties first as the scenario gives them, then its joiners by name (`by_name`:
    by id, Germany came between Czechia and Denmark), each named as every other line names one ("Armenia (ARM),
    Belarus (BLR)"): the side lists gave ids alone. No state's name holds a comma, so the list still splits on ", "."""
    parties = list(result.scenario.attackers if side == "attack" else result.scenario.targets)
    joiners = [_name(result, state) for state in result.sides[side] if state not in parties]
    return ", ".join([*(_name(result, state) for state in parties), *by_name(joiners)])


def _reason(result: CascadeResult, joiner: Joiner) -> str:
    """A joiner's line: its primary obligation, said to be owed under an instrument that is not a treaty where it is
    (`instrument_said`: "(an executive order, not a treaty)"), whose facts not verified are listed beneath it (its
    article's own note of a doubt listed there dropped: `tagged_article`), then the others, each tagged where its
    certainty differs, and where it rests on a what-if change (`hypothetical_said`), as the primary's line says."""
    p = joiner.primary
    b = p.because
    line = (f"{_name(result, p.state)} is bound to join the {p.side} side: "
            f"{cited(_cites(result, p.treaty), tagged_article(p.article, p.certainty, doubted(p.certainty_reasons)))} "
            f"[{p.strength}: {STRENGTH_WORDS.get(p.strength, p.strength)}]{instrument_said(p.instrument)} "
            f"{_because(result, b)}")
    line += certainty_tag(p.certainty) + hypothetical_tag(p.certainty_reasons, p.certainty)
    if joiner.also:  # a better-sourced clause may bind the state too: tagged as `foedus war` tags one
        line += "; also " + ", ".join(
            (cited(_cites(result, o.treaty), o.article) if o.certainty == p.certainty
             else _also_tagged(_cites(result, o.treaty), o.article, o.certainty, doubt_levels(o.certainty_reasons)))
            + instrument_said(o.instrument) + hypothetical_said(rested(o.certainty_reasons)) for o in joiner.also)
    return line


def _also_tagged(treaty: str, article: str, certainty: str, levels: dict[str, str]) -> str:
    """Another obligation of a joiner cited and tagged (`tagged_cited`) by its `levels` (`doubt_levels`: its
    reasons read once, its doubted facts their keys)."""
    return tagged_cited(treaty, article, certainty, tuple(levels), levels)


def _because(result: CascadeResult, b: Because) -> str:
    """The attack that set an obligation off. In the escalatory reading every state on a side fights, so a strike
    on a joiner (or by one) is the reading's assumption, not a known attack, and is worded as one: "because the
    escalatory reading assumes Ukraine (UKR) strikes North Korea (PRK) at north-korea". The web's "Why?" panel says
    the same after "because" (web/src/said.ts `becauseWords`; tests/test_said_parity.py). Whether the reading assumes
    its strikes is the strikes rule's (`STRIKES`, `Strikes.assumed`)."""
    s = result.scenario
    if STRIKES[s.reading].assumed and not (b.by in s.attackers and b.attacked in s.targets):
        return f"because the {s.reading} reading assumes {_attack(result, b)}"
    return f"because {_attack(result, b, _deed(result, b, past=True))}"


def _attack(result: CascadeResult, b: Because, verb: str = "attacks") -> str:  # its place by `place_names`' name
    return attack_words(b.by, b.attacked, b.kind, b.place, result.names, verb, getattr(result, "place_names", None),
                        getattr(result, "homes", None))


# an opening incident below an armed attack (`--severity`), said as what it is: (present, past, present of several
# attackers: the header's, `_attack_verb`)
_INCIDENT_VERBS = {"incursion": ("makes an incursion into", "made an incursion into", "make an incursion into"),
                   "coercion": ("coerces", "coerced", "coerce")}


def _deed(result: CascadeResult, b: Because, past: bool = False) -> str:
    """The verb for attack `b`: "attacks", or for an opening attack when the scenario's incident is below an armed
    attack, that incident ("makes an incursion into"), so that a drone incursion is not said to be an attack.
    The web page's copy of the past verb: web/src/said.ts `deed` (tests/test_said_parity.py)."""
    s = result.scenario
    verbs = _INCIDENT_VERBS.get(s.severity) if b.by in s.attackers and b.attacked in s.targets else None
    return verbs[past] if verbs else ("attacked" if past else "attacks")


def certainty_tag(certainty: str, facts: Iterable[str] = ()) -> str:
    """A finding's certainty after it, when not verified (the facts it rests on are in its JSON record), or when it
    rests on a date known only to a window, `facts` being its reasons' (`certainty_words.window_facts`)."""
    return window_facts(certainty, facts)


def reason_lines(reasons: Iterable[CertaintyReason]) -> list[str]:
    """Each fact a finding rests on that is not verified, on a line of its own beneath the finding, with its source:
    a joiner's, and a duty's to stay out or consult, a violation's or a withheld leg's, as the web's "Why?" panel lists
    them (web/src/explain.ts `reasonsList`). A tag alone ("— carried-forward facts") hid what the doubt is: that North
    Korea said in 2009 it would nullify the inter-Korean agreement its attack is said to violate."""
    return [f"{SUPPORT_INDENT}{r.heading}: {r.fact} [source: {r.source}]" for r in reasons]


def explain_lines(result: CascadeResult) -> list[str]:
    """The explanation as a list of lines (header, rounds, then the other findings)."""
    s = result.scenario
    attackers = ", ".join(_name(result, a) for a in s.attackers)
    targets = ", ".join(_name(result, t) for t in s.targets)
    day = f"{s.date}{past_review(s.date)}"  # a day after the treaty set's review says so first (`past_review`)
    lines = [f"{day}: {attackers} {_attack_verb(result)} {targets}{_where(result)} ({s.target_kind}); "
             f"{s.reading} reading, {s.territory_view} territory, {s.basis} membership"
             + settings_tail(s, said=("basis", "territory_view"))]
    by_round: dict[int, list[Joiner]] = defaultdict(list)
    for joiner in result.joiners:
        by_round[joiner.primary.round].append(joiner)
    if not result.joiners:
        lines.append("No state is obligated to join.")
    for rnd in sorted(by_round):
        lines.append(f"Round {rnd}:")
        for j in by_name(by_round[rnd], lambda j: _name(result, j.state)):  # a round's joiners by the name said
            lines.append(f"  - {_reason(result, j)}")
            if j.primary.duty:
                lines.append(f"      its duty: {j.primary.duty}")
            lines += [f"      condition: {c}" for c in j.primary.conditions]
            lines += reason_lines(r for r in j.primary.certainty_reasons if r.kind not in ("freeze", "place", "scope"))
    lines.append(f"Attack side: {side_names(result, 'attack')}")
    lines.append(f"Defense side: {side_names(result, 'defense')}")
    lines += [conflict_line(c, result.names) for c in result.conflicts]
    said: list[tuple[str, Neutral | Violation | Consultation | Withheld]] = [
        (f"Neutral: {_name(result, n.state)} must not join the war against {_name(result, n.toward)} under "
         f"{cited(_cites(result, n.treaty), _article(n))}{instrument_said(n.instrument)}", n) for n in result.neutral]
    said += [(f"Violation: {_name(result, v.state)} {_deed(result, v.because)} {_name(result, v.against)} despite "
              f"{kind_cited(_cites(result, v.treaty), _article(v), v.kind)}{instrument_said(v.instrument)}", v)
             for v in result.violations]
    said += [(f"Consultation: {_name(result, c.state)} consults {_name(result, c.with_)} under "
              f"{cited(_cites(result, c.treaty), _article(c))}{instrument_said(c.instrument)}{consult_limit(c)}", c)
             for c in result.consultations]
    said += [(f"Withheld: {_name(result, w.state)} under {cited(_cites(result, w.treaty), w.article)}: {w.reason}", w)
             for w in result.withheld]
    for line, finding in said:  # each with its tag, then the facts it rests on that are not verified
        lines += [line + finding_tag(finding.certainty, finding.certainty_reasons),
                  *reason_lines(finding.certainty_reasons)]
    lines += support_lines(result.supporters, result.names, result.titles)
    lines += not_owed_lines(result.unreached_support, result.unreached_consultations, result.names, result.titles)
    lines += [UNCERTAIN + _doubt_words(result, d) for d in result.doubts]
    if result.scenario.severity != "armed-attack":
        incident = {"incursion": "an incursion"}.get(result.scenario.severity, result.scenario.severity)
        lines.append(f"Note: the opening incident is {incident}, not an armed attack: only the "
                     "clauses whose wording covers it bind, and nobody strikes back (docs/severity.md)")
    lines += [f"Note: {n}" for n in result.notes]
    return lines


def _doubt_words(result: CascadeResult, doubt: Doubt) -> str:
    """A doubt after "Uncertain date: " (`certainty_words.doubt_words`), its states named as the result names them."""
    return doubt_words(doubt.fact, doubt.state, doubt.concerns, result.names)



def explain_text(result: CascadeResult) -> str:
    """The explanation as one string."""
    return "\n".join(explain_lines(result))


def rich_tree(result: CascadeResult) -> Any:
    """A rich Tree: rounds as branches, each joiner with its treaty, article and trigger."""
    from rich.markup import escape as markup
    from rich.tree import Tree

    s = result.scenario
    attackers, targets = (", ".join(_name(result, x) for x in states) for states in (s.attackers, s.targets))
    tree = Tree(f"[bold]{s.date}[/bold]{past_review(s.date)} {markup(attackers)} → {markup(targets)}"
                f"{markup(_where(result))} "
                f"({s.target_kind}, {s.reading}{markup(settings_tail(s))})")
    by_round: dict[int, list[Joiner]] = defaultdict(list)
    for joiner in result.joiners:
        by_round[joiner.primary.round].append(joiner)
    if not by_round:
        tree.add("[dim]no state is obligated to join[/dim]")
    for rnd in sorted(by_round):
        branch = tree.add(f"[bold]round {rnd}[/bold]")
        for j in by_name(by_round[rnd], lambda j: _name(result, j.state)):  # a round's joiners by the name said
            colour = "red" if j.side == "attack" else "blue"
            node = branch.add(f"[{colour}]{markup(_reason(result, j))}[/{colour}]")
            if j.primary.duty:
                node.add(f"its duty: {markup(j.primary.duty)}")
            for cond in j.primary.conditions:
                node.add(f"[dim]{markup(cond)}[/dim]")
            for r in j.primary.certainty_reasons:
                if r.kind not in ("freeze", "place", "scope"):
                    node.add(f"[yellow]{r.heading}: {markup(r.fact)} "
                             f"[dim]({markup(r.source)})[/dim][/yellow]")
    other, last = None, None
    for line in explain_lines(result):
        if line.startswith(("Conflict", "Neutral", "Violation", "Consultation", "Withheld", "Support",
                            "Uncertain date", "Note")):
            other = other or tree.add("[bold]other findings[/bold]")
            last = other.add(markup(line))
        elif last is not None and line.startswith(SUPPORT_INDENT):  # beneath its finding: provisions, unverified facts
            last.add(markup(line.strip()))
        else:
            last = None
    return tree


def html_table(result: CascadeResult) -> str:
    """An HTML table of the belligerents for notebooks: each side's original parties first, then its joiners by the
    name said (`by_name`), as the side lists (`side_names`) give them."""
    rows = []
    for side, states in result.sides.items():
        parties = [x for x in (*result.scenario.attackers, *result.scenario.targets) if x in states]
        for st in [*parties, *by_name((x for x in states if x not in parties), lambda x: _name(result, x))]:
            j = result.joiner(st)
            cite = (f"{cited(_cites(result, j.primary.treaty), j.primary.article)} ({j.primary.strength}), "
                    f"round {j.primary.round}"
                    if j else "original party")
            rows.append(f"<tr><td>{escape(side)}</td><td>{escape(_name(result, st))}</td><td>{escape(cite)}</td></tr>")
    s = result.scenario
    attackers, targets = (", ".join(_name(result, x) for x in states) for states in (s.attackers, s.targets))
    day = f"{s.date}{past_review(s.date)}"
    head = escape(f"{day}: {attackers} {_attack_verb(result)} {targets}{_where(result)} ({s.reading})")
    return (f"<p><b>{head}</b></p><table><thead><tr><th>side</th><th>state</th><th>why</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")
