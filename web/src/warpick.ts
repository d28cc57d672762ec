// The war picker's default: the bundled war the shown result's scenario sits in (/api/wars/at: the war whose span holds the
// date and in which an attacker and a target fight on opposite sides that day, as `foedus cascade`'s war note finds
// it), else the first in which one of its states (an attacker, a target or a joiner) fights that day (its
// `involved`), so that Replay plays that war; else the picker is left as it is (the list's first war). The answer is
// kept for Replay, which opens a war at the scenario's date only if it is one of those `involved` (waropen.ts). Under
// the picker, the chosen war in full (a select cuts a long name: on a phone most of it).
import { api, type Scenario } from "./api";
import { byId } from "./dom";

/** /api/wars/at's answer: the war the scenario sits in, and each war one of its states fights in on its date. */
export interface WarsAt { id: string | null; involved: string[] }

let asked = 0; // a later scenario's answer wins over an earlier one still on its way
let answer: Promise<WarsAt | null> = Promise.resolve(null);

/** Select the war `s` (whose result names `joiners`) sits in, or failing that one its states fight in, if any, unless
 * the reader chose a war meanwhile; a failed request leaves the picker as it is. */
export async function pickWar(s: Scenario, joiners: string[]): Promise<void> {
  const ticket = ++asked;
  const select = byId<HTMLSelectElement>("war-select");
  const before = select.value;
  answer = s.attacker.length && s.target.length ? api.warAt(s, joiners).catch(() => null) : Promise.resolve(null);
  const found = await answer;
  const id = found?.id ?? found?.involved[0];
  if (ticket !== asked || !id || select.value !== before) return;
  if ([...select.options].some((o) => o.value === id)) select.value = id;
  sayChosen();
}

/** The shown scenario's answer (pickWar's), once it is in; null where no scenario is shown or the request failed. */
export function shownWars(): Promise<WarsAt | null> { return answer; }

/** Write the chosen war's name and dates in full under the picker, where they wrap. */
export function sayChosen(): void {
  byId("war-chosen").textContent = byId<HTMLSelectElement>("war-select").selectedOptions[0]?.text ?? "";
}
