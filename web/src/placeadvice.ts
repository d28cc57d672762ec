// A place typed in the target box (Gaza Strip): the server refuses it as no state and names the place and its holder
// (/api/resolve?role=target); the form offers, as it offers the states an ambiguous name may mean, one button that
// puts the holder in the target and the place in the place field.
import type { PlaceAdvice } from "./api";
import { byId, h } from "./dom";

/** The offer for `typed`, a place: "attack Gaza Strip (place gaza) of Palestine (PSE)", which picks the place
 * and calls `addHolder`; null where the place field does not list the place (a state's home territory). */
export function placeOffer(typed: string, advice: PlaceAdvice, addHolder: (id: string) => void): HTMLElement[] | null {
  const select = byId<HTMLSelectElement>("place");
  if (!advice.holder || ![...select.options].some((o) => o.value === advice.id)) return null;
  const label = `attack ${advice.name} (place ${advice.id}) of ${advice.holder_name} (${advice.holder})`;
  const button = h("button", { type: "button", class: "choice", "data-state": advice.holder,
    "data-place": advice.id }, label);
  button.addEventListener("click", () => {
    select.value = advice.id;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    addHolder(advice.holder);
  });
  return [h("span", {}, `${JSON.stringify(typed)} is a place: `), button];
}
