// Contested land drawn by the territorial view in force: in the recognized view a place is its recognized
// holder's (Crimea: Ukraine); in the claimant view it is the claimant's that holds it (Crimea: Russia). Places
// no view hands to another state (split control, a claim without control) keep their recognized holder.
import type { PlaceRow } from "./api";
import { namedState } from "./wording";

/** The state a contested place is drawn as under `view`, or null when no state holds it in that view. */
export function holderOf(p: PlaceRow, view: string): string | null {
  if (view === "claimant" && p.administrator && p.claimants.includes(p.administrator)) return p.administrator;
  return p.sovereign;
}

/** A one-line description for the shape's tooltip and the map note. */
export function describe(p: PlaceRow, view: string, names: (id: string) => string): string {
  const name = (id: string) => namedState(id, names);
  const holder = holderOf(p, view);
  const shown = holder ? `drawn as ${name(holder)}'s` : "drawn as no state's";
  const claims = p.claimants.length ? `; claimed by ${p.claimants.map(name).join(", ")}` : "";
  const rec = p.sovereign ? `recognized holder ${name(p.sovereign)}` : "no recognized holder";
  return `${p.name}: ${shown} (${view} view; ${rec}${claims})`;
}

/** The places with an outline: the contested land the map redraws. */
export function contestedPlaces(places: PlaceRow[]): PlaceRow[] {
  return places.filter((p) => p.outline !== null && p.outline.length >= 3);
}
