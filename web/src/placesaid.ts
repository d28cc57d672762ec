// A place in the words a reader reads, as the CLI says it (foedus.place_words; tests/test_said_parity.py): by its
// gazetteer name ("Kursk Oblast"), and not said after a state attacked on its own home territory.
import type { PlaceRow } from "./api";

/** How a page names places: each by its id (`place`), and which state a home territory is the home of (`home`). */
export interface PlaceNames { place: (id: string) => string; home?: (id: string) => string | undefined }

/** The state whose home territory a place row is, else undefined (the row's `sovereign` for a `home` place). */
export function homeOf(row: Pick<PlaceRow, "kind" | "sovereign"> | undefined): string | undefined {
  return row?.kind === "home" ? row.sovereign ?? undefined : undefined;
}

/** Where an attack on `victim` falls, after its name (foedus.place_words.at_place): " at Kursk Oblast", or nothing
 * on the victim's own home territory. */
export function atPlace(place: string, victim: string, names: PlaceNames): string {
  return names.home?.(place) === victim ? "" : ` at ${names.place(place)}`;
}

/** Where the opening attacks hit, after the targets (foedus.place_words.where_said): each target's place by name,
 * once, where it is not the target's home ("→ Russia (RUS) at Kursk Oblast", "→ Estonia (EST)"). */
export function whereSaid(targets: string[], places: string[], names: PlaceNames): string {
  const said = [...new Set(places.slice(0, targets.length)
    .map((p, i) => atPlace(p, targets[i], names).replace(/^ at /, "")))].filter((w) => w);
  return said.length ? ` at ${said.join(", ")}` : "";
}

/** The "Why?" panel's line for a scenario's target (`place`: where the attack on it falls): "Attacked at Kursk Oblast
 * in this scenario.", or, on its own home territory, no place (atPlace), as the CLI says none there: the panel said
 * "Attacked at Estonia" of Estonia attacked at home. */
export function attackedSaid(place: string, victim: string, names: PlaceNames): string {
  return `Attacked${atPlace(place, victim, names)} in this scenario.`;
}
