// What the map's keyboard (mapkeys.ts) stops on: each state's shapes and each contested place drawn (Crimea), keyed
// by the state's id or by "place:" and the place's id, each sorted, announced and picked as the mouse reads it.
import type { NameOf } from "./datednames";

const PLACE = "place:";

/** The key of a shape the keyboard can stop on (a state's id, "place:crimea"), or undefined for any other element. */
export function stopKey(el: Element): string | undefined {
  if (!(el instanceof SVGElement)) return undefined;
  if (el.dataset.iso3) return el.dataset.iso3;
  return el.classList.contains("contested") && el.dataset.place ? PLACE + el.dataset.place : undefined;
}

/** The name a stop is sorted and found by letter by: a state's on the map's date, a contested place's own. */
export function stopName(key: string, el: SVGElement | undefined, name: NameOf): string {
  return key.startsWith(PLACE) ? el?.dataset.name ?? key.slice(PLACE.length) : name(key);
}

/** What assistive technology hears on a stop: "Soviet Union (RUS)", or a contested place's tooltip (its name, how it
 * is drawn and who claims it: "Crimea: drawn as Ukraine (UKR)'s (recognized view; ...; claimed by Russia (RUS))"). */
export function stopLabel(key: string, el: SVGElement, name: NameOf): string {
  return key.startsWith(PLACE) ? el.querySelector("title")?.textContent ?? stopName(key, el, name) : `${name(key)} (${key})`;
}

/** The state Enter or Space on a stop picks, as a click on it does: the state, or the state a contested place is
 * drawn as (none for a place no state holds in the view, which a click does not pick either). */
export function stopPick(el: SVGElement): string | undefined {
  return el.dataset.iso3 || el.dataset.holder || undefined;
}
