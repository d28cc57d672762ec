// The page's error line, its busy state (the Run button off, the results marked busy while a run is out) and the
// status line's word that an option changed after the result on the map.
import { byId } from "./dom";

/** What Run says when the attacker or the target is missing. */
export const PICK_BOTH = "Pick at least one attacker and one target (search box, or Pick on map).";

/** Show `message` in the error line; an empty message hides it. */
export function showError(message: string): void {
  const el = byId("error");
  el.textContent = message;
  el.hidden = !message;
}

/** A state was added as `role`: the error line's refusal of an earlier pick for that role ("...; nothing was added as
 *  attacker") no longer holds, nor, once both pickers show a chip, Run's PICK_BOTH; either goes, not other errors.
 *  Without this a wrong name typed once stayed on the page above the state picked next. */
export function pickedAs(role: string): void {
  const said = byId("error").textContent ?? "";
  const both = ["attacker", "target"].every((r) => byId(`${r}-chips`).querySelector(".chip"));
  if (said.endsWith(`nothing was added as ${role}`) || (both && said === PICK_BOTH)) showError("");
}

/** Mark the page busy (a run is out) or not. */
export function setBusy(on: boolean): void {
  byId<HTMLButtonElement>("run").disabled = on;
  document.body.classList.toggle("busy", on);
  byId("results").setAttribute("aria-busy", String(on));
}

/** Said under Run when an option changes while a result is on the map: the map still shows the options run before. */
export const OPTIONS_CHANGED = "An option changed since the result on the map was run: Run to show it.";

// the form's controls whose change needs no word: the date runs again by itself, the search boxes and the what-if
// fields add to a list first, the play range plays on its own, and probability shading repaints the map at once
const OWN = new Set(["attacker-search", "target-search", "date", "date-slider", "play-from", "play-to", "play-step",
  "wi-treaty", "wi-state", "wi-article", "wi-strength", "mc-map"]);

/** Say OPTIONS_CHANGED when one of the scenario form's options (the reading, likelihood, place, what is hit, the more
 *  options, the probabilities) changes while `shown()` (a scenario's result, not a war's date, is on the map): the
 *  date and the states run again by themselves, the options did not and said nothing, so the summary went on naming
 *  the reading switched away from. A run says its own line over it. */
export function watchOptions(shown: () => boolean): void {
  byId("scenario").addEventListener("change", (ev) => {
    if (ev.target instanceof HTMLElement && !OWN.has(ev.target.id) && shown()) {
      byId("status").textContent = OPTIONS_CHANGED;
    }
  });
}
