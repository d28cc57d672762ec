// How the page names a state in prose: "Ukraine (UKR)", as every text of the CLI does (foedus.wording.named_state),
// since an id alone tells a reader little; and a war's change records worded from their structured fields in the
// same words as `foedus war` (foedus.war.render.change_text), the JSON `label` keeping its ids.
import type { WarChange } from "./api";

/** "Ukraine (UKR)" from the state's name (`name` gives the id back when it knows no other); the id alone then. */
export function namedState(id: string, name: (id: string) => string): string {
  const n = name(id);
  return n && n !== id ? `${n} (${id})` : id;
}

/** A treaty change in words (foedus.war.changes.change_words), its state named. */
function treatyWords(c: WarChange, named: (id: string) => string): string {
  const t = c.treaty ?? "";
  const art = c.article ? ` art. ${c.article}` : "";
  const who = named(c.state ?? "");
  const phrases: Record<string, string> = {
    "in-force": `${t} enters into force`,
    signed: `${t} is signed (binding by signature)`,
    terminated: `${t} ends`,
    "coverage-ends": `${t}: its source's coverage ends`,
    joins: `${who} becomes a party to ${t}`,
    leaves: `${who} leaves ${t}`,
    continues: `${who} stays a party to ${t}, its membership resting on other facts`,
    suspended: `${who} is suspended from ${t}`,
    restored: `${who}'s suspension from ${t} ends`,
    "clause-starts": `${t}${art} starts to apply`,
    "clause-ends": `${t}${art} stops applying`,
    "leg-suspended": `${t}${art}: ${who}'s duty is suspended`,
    "leg-restored": `${t}${art}: ${who}'s duty is restored`,
  };
  return phrases[c.change ?? ""] ?? `${t}: ${c.change ?? ""}`;
}

/** A change of a war's replay (a frame's `changes`, a move's `cause`) in words, each state named: "Ukraine (UKR)
 * attacks Russia (RUS) at kursk-oblast", "Bulgaria (BGR) becomes a party to atop_2515"; a kind not worded here is
 * said by its `label`. */
export function changeText(c: WarChange, name: (id: string) => string): string {
  const named = (id: string) => namedState(id, name);
  const states = c.states ?? [];
  const who = states.map(named).join(", ");
  const one = states.length === 1;
  switch (c.type) {
    case "attack":
      return [...new Set((c.attacks ?? []).map((a) => `${named(a.attacker)} attacks ${named(a.victim)}`
        + `${a.target_kind === "forces" ? "'s forces" : ""} at ${a.place}`))].sort().join("; ");
    case "attack-ends":
      return `${named(c.attacker ?? "")}'s attack on ${named(c.victim ?? "")} at ${c.place ?? ""} ends`;
    case "treaty":
      return treatyWords(c, named);
    case "entry":
      return `${who} ${one ? "enters" : "enter"} the war on the ${c.side ?? ""} side`;
    case "exit":
      return `${who} ${one ? "leaves" : "leave"} the war`;
    case "ceasefire":
      return who ? `ceasefire among ${who}` : "ceasefire: every attack ends";
    default:
      return c.label;
  }
}
