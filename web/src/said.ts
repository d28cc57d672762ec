// The lines the page words as the CLI does, kept apart from the page (no DOM) so that tests/test_said_parity.py can
// run each in node beside its Python counterpart on the same records: a change to one side alone fails that test.
import type { Because, CascadeResult, CertaintyReason, Comparison, Doubt, StateRow, TreatyDetail, WarDuty, WarFrame,
  WarRename, WarStateDuty, WarStateRecord } from "./api";
import {
  INSTRUMENT_WORDS, type MovedSince, type OngoingChanges, type ReprovisionedNow, type ReprovisionedSince, type SwitchedSince,
} from "./contract";
import { switchSaid } from "./comparesaid";
import { existsOn, FIGHTING_OUT, partyOn } from "./membership";
import { consultLimit } from "./helpsaid";
import { articleCited, boundTag, cited, CONDITION, taggedArticle } from "./citesaid";
import { bindingSaid, wasTag } from "./lapsedsaid";
import { atPlace, type PlaceNames } from "./placesaid";
import { namedCited } from "./titles";
import { pausedSaid, releasedSaid } from "./warended";
import { sinceSaid } from "./warsince";
import { boundDuty, frameHead } from "./warsides";
import type { WarSpell } from "./warstate";
import { hypothetical, hypotheticalSaid, hypotheticalTag } from "./whatifwords";
import { certaintyTag, conflictWhy, instrumentSaid, namedState } from "./wording";

type Changes = Comparison["changes"];
type Said = [string, string, string]; // an ongoing line: its mark, its state, its words

export { articleCited, boundTag, cited, doubtLevels, taggedArticle } from "./citesaid"; // for the word modules

export { instrumentSaid } from "./wording"; // a conflict's "Why?" (wording.ts conflictWhy) says it too

/** The title of a treaty's notes on its memberships' doubted facts, as `foedus treaties show` titles them under
 * its members table (foedus.cli.treaty_show.NOTES_TITLE); the notes themselves are the API's `member_notes`. The
 * "Why?" panel names the state in it over that state's own notes (membernotes.ts ownNotesTitle). */
export const NOTES_TITLE = "notes on the doubted facts: memberships and spans not verified, dates not known to the day";

/** How an alliance carried past its source's coverage (`carried_from`) stands after it, as `foedus treaties show`
 * says it after the entry into force (foedus.catalog.carry_said): in force after that day only as carried forward,
 * the certainty every result resting on it then carries, and the check of its standing (`carry_checked`) or that
 * none is recorded; "" for a treaty not carried. */
export function carrySaid(t: Pick<TreatyDetail, "carried_from" | "carry_checked">): string {
  if (!t.carried_from) return "";
  return `in force after ${t.carried_from} only as carried forward (carried-forward; ATOP's coverage ends that day; `
    + `${t.carry_checked || "no check of it recorded"})`;
}

const INCIDENT: Record<string, string[]> = { // an incident below an armed attack (foedus.render._INCIDENT_VERBS)
  incursion: ["makes an incursion into", "made an incursion into", "make an incursion into"],
  coercion: ["coerces", "coerced", "coerce"] }; // present, past, of several attackers

/** The header's verb, for the opening incident and agreeing with its attackers (foedus.render._attack_verb). */
export function attackVerb(r: Pick<CascadeResult, "attackers" | "severity">): string {
  const [one, , several] = INCIDENT[r.severity] ?? ["attacks", "attacked", "attack"];
  return r.attackers.length > 1 ? several : one;
}

/** The past verb for an attack (foedus.render._deed): an opening incident is said as what it is (INCIDENT). */
export function deed(b: Because, r: Pick<CascadeResult, "attackers" | "targets" | "severity">): string {
  const opening = r.attackers.includes(b.by) && r.targets.includes(b.attacked);
  return (opening ? INCIDENT[r.severity]?.[1] : undefined) ?? "attacked";
}

/** The attack that set an obligation off, in the CLI's words after its "because" (foedus.render._because): where the
 * reading assumes its strikes (the result's `strikes_assumed`, the rules' Strikes.assumed: the escalatory reading's) a
 * strike on (or by) a joiner is the reading's assumption, not a known attack, and is said so. */
export function becauseWords(b: Because,
  r: Pick<CascadeResult, "attackers" | "targets" | "severity" | "reading" | "strikes_assumed">,
  names: { state: (id: string) => string } & PlaceNames): string {
  const hit = `${namedState(b.attacked, names.state)}${b.target_kind === "forces" ? "'s forces" : ""}${atPlace(b.place, b.attacked, names)}`;
  return r.strikes_assumed && !(r.attackers.includes(b.by) && r.targets.includes(b.attacked))
    ? `the ${r.reading} reading assumes ${namedState(b.by, names.state)} attacks ${hit}`
    : `${namedState(b.by, names.state)} ${deed(b, r)} ${hit}`;
}

/** A comparison's change after the state it moves (foedus.sweeps.compare_words.change_words); a rebased state's
 * primary obligation named once (tagged when not verified), then the other treaties added and dropped; a gained, lost
 * or switched state's obligation with its certainty when not verified (boundTag), then the what-if changes it rests on. */
export function changeWords<K extends "gained" | "lost" | "switched" | "rebased">(kind: K, x: Changes[K][number]): string {
  // an obligation tagged when not verified (boundTag), its article's note dropped; a new duty's strength after it
  const tagged = (why: string) => {
    const { certainty, doubted, levels, strength, rests_on_what_if, rests_on_switch } = x as Changes["gained"][number];
    const strong = kind !== "lost" && strength ? `, ${strength}` : "";
    return `${taggedArticle(why, certainty, doubted)}${strong})${boundTag(certainty, doubted, levels)}`
      + hypotheticalSaid(rests_on_what_if) + switchSaid(rests_on_switch); // a what-if change's, a switch's reading
  };
  if (kind === "gained") { const g = x as Changes["gained"][number]; return `is bound to join the ${g.side} side (${tagged(g.why)}`; }
  if (kind === "lost") { const l = x as Changes["lost"][number]; return `is no longer bound to join the ${l.side} side (was ${tagged(l.why_before)}`; }
  if (kind === "switched") { const s = x as Changes["switched"][number]; return `is bound to join the ${s.to} side, no longer the ${s.from} side (${tagged(s.why)}`; }
  const r = x as Changes["rebased"][number];
  const sure = r.certainty ?? "verified", duty = `${taggedArticle(r.why, sure, r.doubted)}${boundTag(sure, r.doubted, r.levels)}`; // tagged as a gained one's
  const under = r.why !== r.why_before ? `now under ${duty} (was ${r.why_before})` : `under ${duty}`;
  // the duty made stronger or weaker (a what-if's strength, a pact)
  const now = r.why === r.why_before ? "now " : "";
  const moved = (r.strength !== r.strength_before ? `${under}, ${now}${r.strength} (was ${r.strength_before})` : under)
    + hypotheticalSaid(r.rests_on_what_if) + switchSaid(r.rests_on_switch); // the what-if change's, a switch's
  const more = (["added", "dropped"] as const).map((word) => [word, r[word].filter((t) => t !== r.why && t !== r.why_before)] as const)
    .filter(([, rest]) => rest.length).map(([word, rest]) => `${word} ${rest.join(", ")}`);
  return `is still bound to join the ${r.side} side, ${[moved, ...more].join("; ")}`;
}

/** How the war's course to the date differs, one change a [mark, state, words] (foedus.war.ongoing_changes
 * .ongoing_said): "+" bound in the other world only, "-" in the base world only, "~" on another side in each, "" for
 * a bound-since day moved, a binding or lapse tagged otherwise in each (its base world's certainty after "was") and a
 * binding under another provision in each, from its first day or on the date ("now under": the base world's after "was");
 * each provision cited as a joiner's line cites it, tagged, its instrument said (bindingSaid). */
export function ongoingSaid(on: OngoingChanges): Said[] {
  const cite = bindingSaid, was = (x: MovedSince | SwitchedSince | ReprovisionedSince | ReprovisionedNow) => bindingSaid({ treaty: x.treaty_before,
    article: x.article_before, instrument: x.instrument_before, certainty: x.certainty_before,
    doubted: x.doubted_before, levels: x.levels_before });
  return [
    ...on.moved.map((m): Said => ["", m.state, cite(m) === was(m)
      ? `bound since ${m.since} (was ${m.since_before}), ${cite(m)}`
      : `bound since ${m.since} under ${cite(m)} (was ${m.since_before} under ${was(m)})`]),
    ...on.bound.map((b): Said => ["+", b.state, `bound since ${b.since} (${b.side}, ${cite(b)})`]),
    ...on.unbound.map((b): Said => ["-", b.state,
      `no longer bound to the date (was since ${b.since}: ${b.side}, ${cite(b)})`]),
    ...on.switched.map((s): Said => ["~", s.state, `switches from ${s.side_before} to ${s.side}: bound since `
      + `${s.since} under ${cite(s)} (was since ${s.since_before} under ${was(s)})`]),
    ...(on.retagged ?? []).map((b): Said => ["", b.state, `bound since ${b.since} (${b.side}, ${cite(b)}), was ${wasTag(b)}`]),
    ...(on.reprovisioned ?? []).map((r): Said => ["", r.state, `bound since ${r.since} (${r.side}) under ${cite(r)}, was ${was(r)}`]),
    ...(on.reprovisioned_now ?? []).map((r): Said => ["", r.state,
      `bound since ${r.since} (${r.side}), now under ${cite(r)}, was ${was(r)}`]),
    ...on.lapsed_added.map((l): Said => ["+", l.state,
      `bound ${l.from} to ${l.to} (${l.side}, ${cite(l)}), no longer by the date`]),
    ...on.lapsed_removed.map((l): Said => ["-", l.state,
      `no longer bound ${l.from} to ${l.to} (${l.side}, ${cite(l)})`]),
    ...(on.lapsed_retagged ?? []).map((l): Said => ["", l.state, `bound ${l.from} to ${l.to} (${l.side}, ${cite(l)}), `
      + `no longer by the date (was ${wasTag(l)})`]),
  ];
}

/** A state's status on a war's date in the timeline's words (foedus.war.render._status_words): a binding as the
 * side it binds to ("bound to join the attack side", not "bound-attack", read as "bound to attack"). */
const STATUS_WORDS: Record<string, string> = {
  "bound-attack": "bound to join the attack side", "bound-defense": "bound to join the defense side",
  conflict: "bound both ways (a conflict)",
};

/** A status in words, a binding as `duty` says it (boundDuty), else by its side's lead states where `sides` names
 * them (sideWords: "bound to join the side of Iran (IRN)", a binding without `because`; render._status_words). */
function statusWords(status: string, sides?: Record<string, string>, duty?: string): string {
  const bound = status.startsWith("bound-") ? status.slice("bound-".length) : "";
  return bound && duty ? duty : bound && sides?.[bound] ? `bound to join ${sides[bound]}` : STATUS_WORDS[status] ?? status;
}

/** A war's move (foedus.war.render._move_words): a state still bound to its side, by another treaty from that date,
 * is said to be so, not as a move from a status to itself; each status in words (statusWords), a side by its lead
 * states where `sides` names them. */
export function moveWords(m: WarFrame["moved"][number], sides?: Record<string, string>, was?: string, now?: string)
  : string { // was, now: the binding left and the one entered as boundDuty says them
  return m.now_under ? `still ${statusWords(m.to, sides, now)}, now under ${m.now_under}`
    : `${statusWords(m.from, sides, was)} → ${statusWords(m.to, sides, now)}`;
}

/** A replayed war's states named as on `date` (foedus.war.result.war_names_on): each state's last `renames` entry on
 * or before the date, else its `names` entry (the war's first day's). */
export function warNamesOn(names: Record<string, string>, renames: WarRename[], date: string): Record<string, string> {
  const out = { ...names };
  for (const r of renames) if (r.date <= date) out[r.state] = r.name;
  return out;
}

/** A tagged binding's or duty's provision, cited with its taggedArticle (foedus.war.words._cite), its title by it. */
function citeTagged(treaty: string, article: string, certainty: string, doubted: string[], titles = {}): string {
  return cited(namedCited(treaty, titles), article ? taggedArticle(article, certainty, doubted) : article);
}

/** The other obligations binding a state to join that day, one a line, each with its certainty as the primary's and
 * its instrument if not a treaty (foedus.war.words.also_said): "also rus_kaz_1992 art. 2 (unverified: article)". */
export function alsoSaid(also: WarDuty[], titles: Record<string, string> = {}): string[] {
  return also.map((o) => {
    const [certainty, doubted] = [o.certainty ?? "verified", o.doubted ?? []];
    return `also ${citeTagged(o.treaty, o.article, certainty, doubted, titles)}${boundTag(certainty, doubted, o.levels)}`
      + instrumentSaid(o.instrument, INSTRUMENT_WORDS);
  });
}

export { CONDITION }; // its home is citesaid.ts, which lapsedsaid.ts reads too (said.ts reads lapsedsaid.ts)

/** The conditions a duty of the war assumes, as the cascade states them (its record's `conditions`), one a clause
 * (foedus.war.words.conditions_said); a record without them (servers from before they were sent) says none. */
export function conditionsSaid(d: Pick<WarDuty, "conditions">): string[] {
  return (d.conditions ?? []).map((c) => CONDITION + c);
}

/** A state out of the state system on a war's day, which neither fights nor is bound then
 * (foedus.wording.not_in_system). */
export function notInSystem(day: string): string {
  return `Not a member of the state system on ${day}, so neither fighting nor bound.`;
}

/** "Why?" for one state on a replayed war's frame (foedus.war.why.frame_why, `foedus war WAR --until DATE --state
 * STATE`): fighting on a side, bound to join one (the treaty named by `treaty`, its id, the article cited, its certainty
 * when not verified: boundTag; an instrument not a treaty: instrumentSaid; the conditions it assumes: conditionsSaid;
 * each other obligation that day: alsoSaid; since when, unbroken: sinceSaid), bound both ways (conflictWhy), or
 * neither: not in the system that day by its `state` row's spells (notInSystem, as foedus.war.why._standing), else
 * neither; one fighting out of it by the rule (partyOn) is no party (FIGHTING_OUT), one with no attack going on says
 * its pause (pausedSaid), one neither fighting nor bound its last binding and what released it (releasedSaid); one an
 * attack drew in (its `spell` standing that day: spellOn) fights against its attackers (frameHead). */
export function frameWhy(id: string, frame: Pick<WarFrame, "date" | "sides" | "bound" | "conflicts" | "conflicted"
                         | "paused" | "released" | "attacked_by">, treaty: (id: string) => string, state?: Pick<StateRow, "spells">,
                         titles: Record<string, string> = {}, sides?: Record<string, string>,
                         name: (id: string) => string = (id) => id, // name: a duty's states (boundDuty)
                         spell?: WarSpell, leads?: Record<string, string[]>): string { // how it came in; the war's leads
  const b = frame.bound[id];
  const side = frame.sides.attack.includes(id) ? "attack" : frame.sides.defense.includes(id) ? "defense" : null;
  const named = (s: string) => sides?.[s] ?? `the ${s} side`; // by its lead states where `sides` names them
  const also = () => [...conditionsSaid(b), ...alsoSaid(b.also ?? [], titles)].map((line) => `; ${line}`).join("");
  const [paused, released] = [frame.paused?.[id], frame.released?.[id]];
  return side ? `${frameHead(id, spell, frame, side, named(side), name, leads)}${paused ? pausedSaid(paused) : ""}`
    + `${partyOn(state, frame.date) ? "" : FIGHTING_OUT}.`
    : b ? `B${(boundDuty(b, name) ?? `bound to join ${named(b.side)}`).slice(1)} on ${frame.date} under ${bindingCited(b, treaty)}${also()}`
      + `${sinceSaid(b, frame.date, (d) => bindingCited(d, treaty))}.`
      : frame.conflicts.includes(id) ? conflictWhy(frame.conflicted?.[id], frame.date)
        : existsOn(state, frame.date) ? `Neither fighting nor bound on ${frame.date}`
          + `${released ? releasedSaid(released, (d) => bindingCited(d, treaty), sides, name) : ""}.` : notInSystem(frame.date);
}

/** A binding as a bound state's line cites it (foedus.war.why.binding_cited): its treaty named, its id, the article
 * cited, its certainty when not verified (boundTag), an instrument not a treaty (instrumentSaid). */
function bindingCited(b: WarDuty, treaty: (id: string) => string): string {
  const [certainty, doubted] = [b.certainty ?? "verified", b.doubted ?? []];
  return `${treaty(b.treaty)} (${b.treaty}) ${articleCited(taggedArticle(b.article, certainty, doubted))}`
    + `${boundTag(certainty, doubted, b.levels)}${instrumentSaid(b.instrument, INSTRUMENT_WORDS)}`;
}

/** A duty record's boundTag, from its `certainty`, `doubted` and `levels` (foedus.war.words._tag). */
function dutyTag(d: Pick<WarStateDuty, "certainty" | "doubted" | "levels">): string {
  return boundTag(d.certainty, d.doubted ?? [], d.levels);
}

/** A duty record's provision, cited as dutyTag tags it (foedus.war.words._duty_cited). */
function dutyCited(d: Pick<WarStateDuty, "treaty" | "article" | "certainty" | "doubted" | "instrument">,
                   titles: Record<string, string>): string {
  return citeTagged(d.treaty, d.article, d.certainty, d.doubted ?? [], titles)
    + instrumentSaid(d.instrument, INSTRUMENT_WORDS);
}

/** A casus foederis's kind as its duty line says it (foedus.cited.CLAUSE_SAID), not read as the war's side. */
export const CLAUSE_SAID: Record<string, string> = { defense: "a defence clause", offense: "an offence clause" };

/** The heading over a state's other duties (dutyLines), as `foedus war` prints it (foedus.war.words.DUTIES_HEADING). */
export const DUTIES_HEADING = "other duties (casus foederis while fighting; consultation; neutrality)";

/** That heading as the "Why?" panel on a war's date shows it: capitalised, with a colon before the list. */
export const dutiesHead = (): string => `${DUTIES_HEADING[0].toUpperCase()}${DUTIES_HEADING.slice(1)}:`;

/** A state's other duties in a war, one a line, each with its certainty as a binding's (boundTag)
 * (foedus.war.words.duty_lines, `foedus war`'s "other duties"): each casus foederis other than the one that first
 * bound it, each duty to consult, each duty not to join the war against a state, those dated on or before `until` when
 * given, its states named as on its date (`namesOn`), a named ATOP alliance with its title (`titles`: namedCited). */
export function dutyLines(r: WarStateRecord, namesOn: (date: string) => Record<string, string>,
                          until: string | null = null, titles: Record<string, string> = {}): string[] {
  const named = (other: string, day: string): [string, string] => {
    const names = namesOn(day);
    return [namedState(r.state, (id) => names[id]), namedState(other, (id) => names[id])];
  };
  const due = (ds: WarStateDuty[]) => ds.filter((d) => until === null || d.date <= until);
  const b = r.first_bound;
  const lines: string[] = [];
  for (const t of due(r.triggered)) {
    if (b && t.date === b.date && t.treaty === b.treaty) continue;
    const [who, toward] = named(t.toward ?? "", t.date);
    const clause = CLAUSE_SAID[t.kind ?? ""] ?? t.kind;
    lines.push(`${who}: casus foederis ${t.date} toward ${toward}, ${dutyCited(t, titles)} (${clause})${dutyTag(t)}`
      + conditionsSaid(t).map((c) => `; ${c}`).join(""));
  }
  for (const c of due(r.consultations)) {
    const [who, other] = named(c.with ?? "", c.date);
    lines.push(`${who}: consult ${other} from ${c.date}${dutyTo(c, until)} (${dutyCited(c, titles)}${consultLimit(c)})`
      + dutyTag(c));
  }
  for (const n of due(r.neutral)) {
    const [who, toward] = named(n.toward ?? "", n.date);
    lines.push(`${who}: must not join the war against ${toward} from ${n.date} (${dutyCited(n, titles)})${dutyTag(n)}`);
  }
  return lines;
}

/** After a duty's first date, " to DATE" where it ended on or before `until` (any day, without it), with how sure
 * that end is where it rests on an attack's end not verified: the CLI's foedus.war.words._to. */
export function dutyTo(d: WarStateDuty, until: string | null): string {
  const said = d.to_certainty ? ` (end: ${[d.to_by, d.to_certainty].filter((x) => x).join(", ")})` : "";
  return d.to && (until === null || d.to <= until) ? ` to ${d.to}${said}` : "";
}

/** A doubt after "uncertain date: " (foedus.render._doubt_words): its fact, and the states a treaty's or a clause's
 * doubt concerns, named; a party's doubt names its state in its fact already. */
export function doubtWords(d: Doubt, names: (id: string) => string): string {
  return `${d.fact}; who is bound may differ`
    + (d.state === null && (d.concerns ?? []).length ? `: ${(d.concerns ?? []).map((s) => namedState(s, names)).join(", ")}` : "");
}

/** A finding's certainty after its line, as the CLI's text says it for a neutrality duty, a consultation, a
 * violation or a withheld leg (foedus.whatif_words.finding_tag): a verified finding that rests on a date known only
 * to a window names those facts ("not to the day"), not nothing; one resting on a what-if change, that change. */
export function findingTag(f: { certainty: string; certainty_reasons?: CertaintyReason[] }): string {
  const reasons = f.certainty_reasons ?? [];
  return hypotheticalTag(certaintyTag(f.certainty, reasons.filter((r) => !hypothetical(r)).map((r) => r.fact)), reasons);
}
