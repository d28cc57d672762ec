// What part each state plays in a result, and its colour: attack in red shades and defense in blue shades
// by round (original parties darkest), conflicts, neutrality, consultations, gates and support in colours of their own.
import type { CascadeResult } from "./api";

export type Category =
  | "attack-0" | "attack-1" | "attack-2" | "attack-3"
  | "defense-0" | "defense-1" | "defense-2" | "defense-3"
  | "conflict" | "neutral" | "consult" | "withheld" | "support" | "none" | "absent";

export const COLORS: Record<Category, string> = {
  "attack-0": "#67000d", "attack-1": "#cb181d", "attack-2": "#ef6548", "attack-3": "#fcae91",
  "defense-0": "#08306b", "defense-1": "#2171b5", "defense-2": "#6baed6", "defense-3": "#c6dbef",
  conflict: "#7b3294", neutral: "#1b9e77", consult: "#e6ab02", withheld: "#bcaa8f",
  // support: ColorBrewer PiYG's dark pink, far from every other colour here to a simulated deuteranope, protanope
  // and tritanope as to a full colour view (the palette stays colour-blind safe)
  support: "#c51b7d", none: "#e4e4e4", absent: "#f6f6f6",
};

export const LABELS: Record<Category, string> = {
  "attack-0": "attacker", "attack-1": "bound to join attack, round 1", "attack-2": "bound to join attack, round 2",
  "attack-3": "bound to join attack, round 3+",
  "defense-0": "attacked", "defense-1": "bound to join defense, round 1", "defense-2": "bound to join defense, round 2",
  "defense-3": "bound to join defense, round 3+",
  conflict: "conflict: bound both ways", neutral: "bound not to join against a belligerent", consult: "bound to consult",
  withheld: "withheld by a gate or a priority clause", support: "bound to support a belligerent without joining",
  none: "not drawn in", absent: "not a state on this date",
};

export interface Role { category: Category; side?: "attack" | "defense"; round?: number }

/** The category of a state on `side` in `round`: the original parties (round 0) darkest, round 3 and later alike. */
export function sideCategory(side: "attack" | "defense", round: number): Category {
  return `${side}-${Math.min(round, 3)}` as Category;
}

/** Every finding's role, state by state, the sides first, then conflict, neutrality, consultation, gates and support. */
function findingRoles(result: CascadeResult): [string, Role][] {
  return [
    ...result.attackers.map((s): [string, Role] => [s, { category: "attack-0", side: "attack", round: 0 }]),
    ...result.targets.map((s): [string, Role] => [s, { category: "defense-0", side: "defense", round: 0 }]),
    ...result.joiners.map((j): [string, Role] =>
      [j.state, { category: sideCategory(j.side, j.round), side: j.side, round: j.round }]),
    ...result.conflicts.map((c): [string, Role] => [c.state, { category: "conflict", round: c.round }]),
    ...result.neutral.map((n): [string, Role] => [n.state, { category: "neutral" }]),
    ...result.consultations.map((c): [string, Role] => [c.state, { category: "consult" }]),
    ...result.withheld.map((w): [string, Role] => [w.state, { category: "withheld" }]),
    ...(result.supporters ?? []).map((x): [string, Role] => [x.state, { category: "support" }]),
  ];
}

/** Each involved state's role; the sides win over conflict, neutrality, consultation, gates and support, in that order. */
export function rolesOf(result: CascadeResult): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const [state, role] of findingRoles(result)) if (!roles.has(state)) roles.set(state, role);
  return roles;
}

/** Every category of `state`'s findings, its role's (the map's colour) first, then the others in rolesOf's order: a
 * state bound not to join that also owes support is both, and its "Why?" shows both (explain.ts). */
export function categoriesOf(result: CascadeResult, state: string): Category[] {
  return [...new Set(findingRoles(result).filter(([s]) => s === state).map(([, role]) => role.category))];
}

/** The categories a legend should show for this result (only those that occur, plus "not drawn in"). */
export function legendCategories(roles: Map<string, Role>): Category[] {
  const present = new Set([...roles.values()].map((r) => r.category));
  const order = Object.keys(COLORS) as Category[];
  return order.filter((c) => present.has(c) || c === "none");
}
