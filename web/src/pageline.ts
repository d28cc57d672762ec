// The page's error line and its busy state (the Run button off, the results marked busy while a run is out).
import { byId } from "./dom";

/** Show `message` in the error line; an empty message hides it. */
export function showError(message: string): void {
  const el = byId("error");
  el.textContent = message;
  el.hidden = !message;
}

/** Mark the page busy (a run is out) or not. */
export function setBusy(on: boolean): void {
  byId<HTMLButtonElement>("run").disabled = on;
  document.body.classList.toggle("busy", on);
  byId("results").setAttribute("aria-busy", String(on));
}
