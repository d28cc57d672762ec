// Whether a state is in the state system on a date, as the server counts it (foedus.model.states.State.member_on
// and the refusal of a cascade's states, foedus.state_lists.non_member): out only where its COW spells say so. A
// state with no spells (Palestine: COW does not list it) or a day before the system begins (1816) is unknown, and the
// engine lets such a state attack, be attacked and join: the map draws it and the pickers offer it. existsOn is COW's
// list on the day, which a typed state is refused by (a day before a state's first spell is mostly today's code for a
// predecessor's: UKR in 1914), so the map greys as "absent" exactly what the form refuses; partyOn is the
// state-system rule's reading of a party a file names (foedus.engine.rules.system.in_system), which differs only
// before a state's first spell (docs/adding-a-rule.md).
import type { StateRow } from "./api";

/** The first day of the COW state system (foedus.model.states.COW_FIRST_DAY): membership before it is unknown. */
export const SYSTEM_START = "1816-01-01";

/** Whether the state may be in the system on `date` (ISO): false only where its spells leave the date out. */
export function existsOn(state: Pick<StateRow, "spells"> | undefined, date: string): boolean {
  if (!state || state.spells.length === 0 || date < SYSTEM_START) return true;
  return state.spells.some(([start, end]) => start <= date && (end === null || date <= end));
}

/** Whether the state may be a party to a treaty on `date` (ISO), by the state-system rule
 *  (foedus.engine.rules.system.in_system): not once it has left the system, but a day before its first spell is not
 *  out (Montenegro, at war in 1914, is in COW from 2006 only). */
export function partyOn(state: Pick<StateRow, "spells"> | undefined, date: string): boolean {
  return existsOn(state, date) || (state?.spells ?? []).every(([start]) => date < start);
}

/** The names several states have carried (foedus.model.state_index.AMBIGUOUS's groups, in its order): a state out
 *  of the system on a day is offered the others of its group that are members then. */
export const NAMESAKES: readonly (readonly string[])[] = [["COG", "COD"], ["KOR", "PRK", "COW730"],
  ["GIN", "GNB", "GNQ"], ["YEM", "COW678", "COW680"], ["DEU", "COW260", "COW265"], ["DEU", "COW260"],
  ["VNM", "COW817"], ["AUT", "COW300"]];

type Spell = [string, string | null];
/** One spell in a refusal's running words (foedus.model.state_files.spell_text): "A–B", or "since A" if open. */
const spellSaid = ([start, end]: Spell): string => (end === null ? `since ${start}` : `${start}–${end}`);
/** The spell holding `date` (foedus.model.states.State.spell_over on one day). */
const held = (s: Pick<StateRow, "spells">, date: string): Spell | undefined =>
  s.spells.find(([a, b]) => a <= date && (b === null || date <= b));
/** A name's words as foedus.model.state_names.words reads them (letters only, accents dropped, "saint" as "st"). */
const words = (name: string): string[] => (name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
  .match(/\p{L}+/gu) ?? []).map((w) => (w === "saint" ? "st" : w));

/** The refusal of a state given as `role` (attacker, target) that is no member of the state system on `date`, in the
 *  CLI's words (foedus.state_lists.non_member, foedus.model.spells_said.member_said), each state named as `name`
 *  calls it that day: its spells nearest the day, and the states of its name that are members then (`NAMESAKES`, or
 *  a name holding every word of its own: Austria-Hungary, Hungary's), "target Austria (AUT) is not a member of the
 *  state system on 1914-08-05 (a member 1919-09-10–1938-03-13; did you mean Austria-Hungary (COW300), a member
 *  1816-01-01–1918-11-12?)". */
export function notMember(role: string, id: string, date: string, states: readonly StateRow[],
                          name: (id: string) => string): string {
  const spells: Spell[] = states.find((s) => s.id === id)?.spells ?? [];
  const near = [...spells.filter(([, end]) => end !== null && end < date).slice(-1),
    ...spells.filter(([start]) => start > date).slice(0, 1)];
  const own = words(name(id));
  const shared = new Set(NAMESAKES.filter((g) => g.includes(id)).flat());
  const meant = states.filter((s) => s.id !== id && held(s, date) && (shared.has(s.id)
    || (own.length > 0 && own.every((w) => words(name(s.id)).includes(w)))))
    .sort((a, b) => (a.ccode ?? 10_000) - (b.ccode ?? 10_000) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((s) => `${name(s.id)} (${s.id}), a member ${spellSaid(held(s, date) as Spell)}`);
  const asked = meant.length ? `; did you mean ${meant.join(", or ")}?` : "";
  return `${role} ${name(id)} (${id}) is not a member of the state system on ${date} (a member `
    + `${near.map(spellSaid).join(" and ")}${asked})`;
}

/** After "Fighting on the defense side on DAY" (said.ts frameWhy), of a state fighting on a day it is out of the state
 *  system by the rule's reading (partyOn): it fights, as the war's data has it, but is no party to a treaty (foedus.war.words.FIGHTING_OUT). */
export const FIGHTING_OUT = "; not a member of the state system then, so no party to a treaty, bound by none and owed "
  + "nothing (the war's data has it fighting)";
