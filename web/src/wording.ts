// How the page names a state in prose: "Ukraine (UKR)", as every text of the CLI does (foedus.wording.named_state),
// since an id alone tells a reader little. A war's change records come worded already (their JSON `text`).

/** "Ukraine (UKR)" from the state's name (`name` gives the id back when it knows no other); the id alone then. */
export function namedState(id: string, name: (id: string) => string): string {
  const n = name(id);
  return n && n !== id ? `${n} (${id})` : id;
}
