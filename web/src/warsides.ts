// A replayed war's sides in words, by their lead states (foedus.war.words), apart from said.ts (its size): the parity
// tests run them in node beside their Python counterparts (tests/ts_said.py).
import { andListed, namedState } from "./wording";

/** Each side of a replayed war by its lead states, its first attack's attackers and victims (the JSON's `war.leads`,
 * named by `name`): "the side of United States (USA) and Israel (ISR)" (foedus.war.words.side_words). */
export function sideWords(leads: Record<string, string[]>, name: (id: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(leads).map(([side, states]) =>
    [side, `the side of ${andListed(states.map((s) => namedState(s, name)))}`]));
}

/** What a replayed war's two sides are, by its lead states (the JSON's `war.leads`, named by `name`), as `foedus war`
 * says it under its title (foedus.war.words.sides_said): the log's "Bahrain (BHR): out → attack" needs it. */
export function sidesSaid(leads: Record<string, string[]>, name: (id: string) => string): string {
  const listed = (side: string) => andListed((leads[side] ?? []).map((s) => namedState(s, name)));
  return `sides: attack is the side of the war's first attack, by ${listed("attack")}; defense is the side of its `
    + `target, ${listed("defense")}`;
}
