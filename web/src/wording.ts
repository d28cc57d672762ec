// How the page names a state in prose: "Ukraine (UKR)", as every text of the CLI does (foedus.wording.named_state),
// since an id alone tells a reader little. A war's change records come worded already (their JSON `text`). And an
// item's place in a list, as the CLI's messages word it (foedus.wording.ordinal).

/** "Ukraine (UKR)" from the state's name (`name` gives the id back when it knows no other); the id alone then. */
export function namedState(id: string, name: (id: string) => string): string {
  const n = name(id);
  return n && n !== id ? `${n} (${id})` : id;
}

/** An item's place in a list as every message words it ("the 2nd value"), counted from 1: foedus.wording.ordinal. */
export function ordinal(n: number): string {
  const suffixes: Record<number, string> = { 1: "st", 2: "nd", 3: "rd" };
  return `${n}${n % 100 >= 10 && n % 100 <= 20 ? "th" : suffixes[n % 10] ?? "th"}`;
}
