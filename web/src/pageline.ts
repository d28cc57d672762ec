// The page's error line and its busy state (the Run button off, the results marked busy while a run is out).
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
