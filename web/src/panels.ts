// The scenario the page runs: the form's, with the probabilities panel's draws and seed and the what-if panel's
// changes; and a shared link's scenario put back into those panels (each panel that holds part of it opened).
import type { Scenario } from "./api";
import { SWITCH_DEFAULTS } from "./contract";
import { datesOutOfRange } from "./datecontrol";
import { byId } from "./dom";
import type { ScenarioForm } from "./form";
import { seedOf } from "./url";
import type { WhatIfPanel } from "./whatif";

/** The scenario with the probability and what-if panels' settings, and why it cannot be run: its date or its
 * ongoing-since date out of the form's range (datecontrol.ts datesOutOfRange: refused here, not by the server's 422),
 * or a seed field the page cannot keep (it keeps only exact seeds); null when it can, or when the probabilities panel
 * is off: the field is read once. */
export function scenarioOf(form: ScenarioForm, whatif: WhatIfPanel): { scenario: Scenario; seedProblem: string | null } {
  const on = byId<HTMLInputElement>("mc-on").checked;
  const seed = on ? seedOf(byId<HTMLInputElement>("mc-seed").value) : { seed: null, problem: null };
  const scenario = {
    ...form.read(),
    draws: on ? Number(byId<HTMLSelectElement>("mc-draws").value) : null,
    seed: seed.seed,
    whatif: [...whatif.changes],
  };
  const range = datesOutOfRange(scenario.date, false);
  return { scenario, seedProblem: range ? `${range}: nothing was run` : seed.problem };
}

/** Why Compare cannot run `scenario`: a war's date on the map (`frame`), no attacker or target, nothing to compare
 * (no other date than the scenario's, `otherDate`, and no what-if change: said in the form's words, where the
 * server's 422 names its parameters, other_date and add_member), or one of the form's dates out of its range, the
 * compared date too, refused as Run refuses them; "" when it can. */
export function compareProblem(scenario: Scenario, frame: boolean, otherDate = ""): string {
  if (frame) return "A war's date is on the map: Run the scenario, then Compare.";
  if (!scenario.attacker.length || !scenario.target.length) return "Pick at least one attacker and one target first.";
  if (!scenario.whatif.some((c) => c.value.trim()) && (!otherDate || otherDate === scenario.date)) {
    const same = otherDate ? ` (the other date, ${otherDate}, is the scenario's date)` : "";
    return `nothing to compare${same}: set Other date to a day other than the scenario's date, or add a change `
      + "under What if…";
  }
  const range = datesOutOfRange(scenario.date, true);
  return range ? `${range}: nothing was run.` : "";
}

/** Put a shared link's draws, seed and what-if changes into their panels, and open the panels that hold them. */
export function writeExtras(s: Scenario, whatif: WhatIfPanel): void {
  byId<HTMLInputElement>("mc-on").checked = s.draws !== null;
  if (s.draws !== null) {
    const select = byId<HTMLSelectElement>("mc-draws");
    if (![...select.options].some((o) => o.value === String(s.draws))) {
      select.append(new Option(String(s.draws), String(s.draws)));
    }
    select.value = String(s.draws);
    (byId("mc-panel") as HTMLDetailsElement).open = true;
  }
  if (s.seed !== null) byId<HTMLInputElement>("mc-seed").value = String(s.seed);
  whatif.set(s.whatif);
  if (s.whatif.length) (byId("whatif-panel") as HTMLDetailsElement).open = true;
  if (s.severity !== SWITCH_DEFAULTS.severity || s.ongoing_since) (byId("more-options") as HTMLDetailsElement).open = true;
}
