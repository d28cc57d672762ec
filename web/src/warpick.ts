// The war picker's default: the bundled war the shown result's scenario sits in (/api/wars/at: the war whose span holds the
// date and in which an attacker and a target fight on opposite sides that day, as `foedus cascade`'s war note finds
// it), so that Replay plays that war; else the picker is left as it is (the list's first war). Under the picker, the
// chosen war in full (a select cuts a long name: on a phone most of it).
import { api, type Scenario } from "./api";
import { byId } from "./dom";

let asked = 0; // a later scenario's answer wins over an earlier one still on its way

/** Select the war `s` sits in, if any; a failed request leaves the picker as it is. */
export async function pickWar(s: Scenario): Promise<void> {
  const ticket = ++asked;
  const select = byId<HTMLSelectElement>("war-select");
  if (!s.attacker.length || !s.target.length || !select.options.length) return;
  const found = await api.warAt(s).catch(() => ({ id: null }));
  if (ticket !== asked || !found.id) return;
  if ([...select.options].some((o) => o.value === found.id)) select.value = found.id;
  sayChosen();
}

/** Write the chosen war's name and dates in full under the picker, where they wrap. */
export function sayChosen(): void {
  byId("war-chosen").textContent = byId<HTMLSelectElement>("war-select").selectedOptions[0]?.text ?? "";
}
