// A replayed war's sides in words, by their lead states (foedus.war.words), apart from said.ts (its size): the parity
// tests run them in node beside their Python counterparts (tests/ts_said.py).
import type { Because, WarFrame } from "./api";
import type { WarSpell } from "./warstate";
import { andListed, namedState } from "./wording";

/** Each side of a replayed war by its lead states, its first attack's attackers and victims (the JSON's `war.leads`,
 * named by `name`): "the side of United States (USA) and Israel (ISR)"; on a day (`fighting`: its frame's `sides`),
 * by the leads still fighting on it, else as "the side against" the other side's leads still fighting, else not named
 * (foedus.war.words.side_words). */
export function sideWords(leads: Record<string, string[]>, name: (id: string) => string,
                          fighting?: Record<string, string[]>): Record<string, string> {
  const still = (side: string) => (leads[side] ?? []).filter((s) => !fighting || (fighting[side] ?? []).includes(s));
  const out: Record<string, string> = {};
  for (const side of Object.keys(leads)) {
    const [ours, theirs] = [still(side), still(side === "attack" ? "defense" : "attack")];
    if (ours.length || theirs.length) {
      out[side] = `the side ${ours.length ? "of" : "against"} `
        + andListed((ours.length ? ours : theirs).map((s) => namedState(s, name)));
    }
  }
  return out;
}

/** A binding as the duty it is, from the attack it answers (`because`) and its `kind`: "bound to defend Qatar (QAT)
 * against Iran (IRN)", an offence "bound to join Germany (DEU)'s attack on Poland (POL)"; undefined without `because`
 * (foedus.war.words.bound_duty). */
export function boundDuty(b: { kind?: string; because?: Because } | undefined, name: (id: string) => string)
  : string | undefined {
  if (!b?.because) return undefined;
  const [attacked, by] = [namedState(b.because.attacked, name), namedState(b.because.by, name)];
  return b.kind === "offense" ? `bound to join ${by}'s attack on ${attacked}` : `bound to defend ${attacked} against ${by}`;
}

/** What a replayed war's two sides are, by its lead states (the JSON's `war.leads`, named by `name`), as `foedus war`
 * says it under its title (foedus.war.words.sides_said): the log's "Bahrain (BHR): out → attack" needs it. */
export function sidesSaid(leads: Record<string, string[]>, name: (id: string) => string): string {
  const listed = (side: string) => andListed((leads[side] ?? []).map((s) => namedState(s, name)));
  return `sides: attack is the side of the war's first attack, by ${listed("attack")}; defense is the side of its `
    + `target, ${listed("defense")}`;
}

/** The spell of fighting standing on `day`: the last that began by it and had not ended (`to`, its first day out of
 * the war, after it or null); undefined where none stands (foedus.war.fought_words.spell_on). */
export function spellOn(spells: WarSpell[] | undefined, day: string): WarSpell | undefined {
  return [...(spells ?? [])].reverse().find((s) => s.from <= day && (s.to === null || day < s.to));
}

/** The start of a fighting state's "Why?" on `day`: against whom and since whose attack, where an attack on it drew
 * it in ("Fighting against Iran (IRN) on 2025-06-24 (attacked by Iran (IRN) on 2025-06-23)"; "that day" where its
 * spell began on `day`; by every attacker of that day, its spell's `by`, else its `cause`'s), against every state whose
 * attack on it goes on that day (`against`, its frame's `attacked_by` entry; where none does, those); a lead state of
 * its side (`leads`, those `named` names) by its own attack (leadHead); else on `named`, its side by its lead states
 * (foedus.war.fought_words.fighting_head). */
export function fightingHead(id: string, spell: WarSpell | undefined, day: string, named: string,
                             name: (id: string) => string, against: string[] = [], leads: string[] = [],
                             attacking: string[] = []): string {
  const attacks = spell?.how === "attacked" ? spell.cause?.attacks ?? [] : [];
  const first = spell?.how === "attacked" && spell.by?.length ? spell.by
    : attacks.filter((a) => a.victim === id).map((a) => a.attacker);
  const by = [...new Set(first)].map((s) => namedState(s, name));
  if ((!spell || !by.length) && leads.includes(id)) return leadHead(id, spell, day, name, leads, attacking);
  if (!spell || !by.length) return `Fighting on ${named} on ${day}`;
  const when = spell.from === day ? "that day" : `on ${spell.from}`;
  const now = [...new Set(against)].map((s) => namedState(s, name));
  return `Fighting against ${andListed(now.length ? now : by)} on ${day} (attacked by ${andListed(by)} ${when})`;
}

/** A side's lead state, which "on the side of Israel (ISR)" read as joining itself: one that came in by its own attack
 * fights against the states it attacks that day (`attacking`; where none, those its attack struck), beside its
 * co-leads; any other, on the side of its co-leads only (foedus.war.fought_words.lead_head). */
export function leadHead(id: string, spell: WarSpell | undefined, day: string, name: (id: string) => string,
                         leads: string[], attacking: string[] = []): string {
  const co = leads.filter((s) => s !== id).map((s) => namedState(s, name));
  const others = co.length ? andListed(co) : "";
  const attacks = spell?.cause?.attacks ?? [];
  const struck = [...new Set(attacks.filter((a) => a.attacker === id).map((a) => a.victim))].map((s) => namedState(s, name));
  if (!spell || spell.how !== "attacker" || !struck.length) {
    return others ? `Fighting on the side of ${others} on ${day}` : `Fighting on ${day}`;
  }
  const when = spell.from === day ? "that day" : `on ${spell.from}`;
  const now = [...new Set(attacking)].map((s) => namedState(s, name));
  return `Fighting against ${andListed(now.length ? now : struck)}${others ? ` alongside ${others}` : ""} on ${day} `
    + `(it attacked ${andListed(struck)} ${when})`;
}

/** A fighting state's head on its frame (fightingHead): whose attacks on it go on (`attacked_by`), whose by it, and
 * its side's lead states (the war's `leads`) still fighting on it (foedus.war.why.frame_why). */
export function frameHead(id: string, spell: WarSpell | undefined, frame: Pick<WarFrame, "date" | "sides" | "attacked_by">,
                          side: "attack" | "defense", named: string, name: (id: string) => string,
                          leads?: Record<string, string[]>): string {
  const by = frame.attacked_by ?? {};
  const ours = (leads?.[side] ?? []).filter((s) => frame.sides[side].includes(s));
  return fightingHead(id, spell, frame.date, named, name, by[id], ours, Object.keys(by).filter((v) => by[v].includes(id)));
}
