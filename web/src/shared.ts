// A shared link's states and place checked before the link is run: exact ids, ISO3 or COW codes are taken
// as they are (in the server's order: KOR is South Korea); anything else goes to /api/resolve, read on the link's
// date (Korea in 1900 is the kingdom) and by the field it fills (a place given as the target is told to go in the
// place field, with the state that holds it, as the target box tells it), and what cannot be resolved is dropped
// with the server's message (which suggests close names), so a bad link never shows a made-up chip.
import { api, ApiError, type PlaceRow, type StateRow } from "./api";
import { exactState, resolveState } from "./form";
import type { Shared } from "./url";

async function known(ids: string[], role: "attacker" | "target", states: StateRow[], problems: string[], date: string
): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const exact = exactState(id, states);
    const found = exact ?? await api.resolve(id, date, role).then((f) => resolveState(f.id, states), (e: unknown) => {
      problems.push(`${role} ${JSON.stringify(id.slice(0, 40))}: ${e instanceof ApiError ? e.message : String(e)}`);
      return undefined;
    });
    if (found && !out.includes(found.id)) out.push(found.id);
  }
  return out;
}

/** Resolve the link's attackers, targets, place and selection in place; its `problems` say what was dropped. */
export async function checkShared(shared: Shared, states: StateRow[], places: Pick<Map<string, PlaceRow>, "has">
                                  ): Promise<void> {
  const s = shared.scenario;
  s.attacker = await known(s.attacker, "attacker", states, shared.problems, s.date);  // names read on the link's date
  s.target = await known(s.target, "target", states, shared.problems, s.date);
  if (s.place && !places.has(s.place)) {
    shared.problems.push(`place ${JSON.stringify(s.place.slice(0, 40))} is not in the gazetteer; using the target's `
      + "home territory");
    s.place = "";
  }
  if (shared.select && !states.some((x) => x.id === shared.select)) shared.select = null;
}
