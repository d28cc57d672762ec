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

/** The refusal of a state given as `role` (attacker, target) that is no member of the state system on `date`, in the
 *  CLI's words (foedus.state_lists.non_member), `name` as it was called that day: "attacker German Democratic Republic
 *  (COW265) is not a member of the state system on 2025-06-01". */
export function notMember(role: string, name: string, id: string, date: string): string {
  return `${role} ${name} (${id}) is not a member of the state system on ${date}`;
}

/** After "Fighting on the defense side on DAY" (said.ts frameWhy), of a state fighting on a day it is out of the state
 *  system by the rule's reading (partyOn): it fights, as the war's data has it, but is no party to a treaty (foedus.war.words.FIGHTING_OUT). */
export const FIGHTING_OUT = "; not a member of the state system then, so no party to a treaty, bound by none and owed "
  + "nothing (the war's data has it fighting)";
