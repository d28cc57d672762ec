// How the page names a state in prose: "Ukraine (UKR)", as every text of the CLI does (foedus.wording.named_state),
// since an id alone tells a reader little. A war's change records come worded already (their JSON `text`). A
// finding's certainty after it, a list of items, an item's place in a list, and why a war's conflict is one, as the CLI
// words them.
import type { WarChange } from "./api";
import { INSTRUMENT_WORDS } from "./contract";

/** "Ukraine (UKR)" from the state's name (`name` gives the id back when it knows no other); the id alone then. */
export function namedState(id: string, name: (id: string) => string): string {
  const n = name(id);
  return n && n !== id ? `${n} (${id})` : id;
}

/** Items by the words `said` gives each (a state as a line names it), case and accents ignored, ties by those words:
 * the order a reader looks a name up in, as the CLI lists named states (foedus.by_name.by_name). */
export function byName<T>(items: T[], said: (x: T) => string = String): T[] {
  // case folded as upper- then lower-case (name_key): "ß" is "ss" and "ς" is "σ" there, as in Python's casefold
  const key = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toUpperCase().toLowerCase();
  const cmp = codePointOrder;
  return [...items].sort((x, y) => cmp(key(said(x)), key(said(y))) || cmp(said(x), said(y)));
}

/** Python's order of two texts, by code point: `<` compares UTF-16 units, which put a letter past U+FFFF before
 * one of U+E000–U+FFFF. */
function codePointOrder(a: string, b: string): number {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d) return Math.sign(d);
  }
  return Math.sign(x.length - y.length);
}

/** Items as a message lists them (foedus.wording.and_listed): "a", "a and b", "a, b and c". */
export function andListed(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A count and its noun as every message words one (foedus.wording.counted): "1 draw", "1,000 draws". */
export function counted(n: number, noun: string, plural = ""): string {
  return `${n.toLocaleString("en")} ${n === 1 ? noun : plural || `${noun}s`}`;
}

/** An item's place in a list as every message words it ("the 2nd value"), counted from 1: foedus.wording.ordinal. */
export function ordinal(n: number): string {
  const suffixes: Record<number, string> = { 1: "st", 2: "nd", 3: "rd" };
  return `${n}${n % 100 >= 10 && n % 100 <= 20 ? "th" : suffixes[n % 10] ?? "th"}`;
}

/** A finding's certainty after it on a line, as the CLI's text says it (copy of
 * foedus.engine.certainty_words.window_facts): nothing when verified and resting on no date known less than to the
 * day; " — LEVEL facts" when not verified; for a verified finding on a date known only to a window, those facts. */
export function certaintyTag(level: string, facts: string[] = []): string {
  if (level !== "verified") return ` — ${level} facts`;
  return facts.length ? ` — verified facts, not to the day: ${facts.join("; ")}` : "";
}

/** A war's change record as the CLI prints it (copy of foedus.war.words.change_said): its `text`, and a treaty
 * change's certainty after it, so an unverified change does not read as a verified one. */
export function changeSaid(c: WarChange): string {
  if (c.certainty === undefined) return c.text;
  return c.text + certaintyTag(c.certainty, (c.certainty_reasons ?? []).map((r) => r.fact));
}

/** What a duty cited under an instrument that is not a treaty says of it, after the citation (foedus.cited
 * .instrument_said): " (an executive order, not a treaty)"; "" for a treaty. `words`: contract.ts's INSTRUMENT_WORDS,
 * generated from foedus.model.vocab.INSTRUMENT_WORDS. said.ts exports it, as it always did. */
export function instrumentSaid(instrument: string | undefined, words: Record<string, string>): string {
  const said = instrument ? words[instrument] : undefined;
  return said ? ` (${said})` : "";
}

/** A conflict's "Why?" on a war's date (foedus.war.why.conflict_why): why it is bound both ways, as the cascade's
 * conflict line says it, under which treaties, each with what an instrument that is not a treaty is (the frame's
 * `instruments`, as foedus.conflict_words.treaties_said), and that it is counted on neither side; the bare reason for
 * a frame from a server that sent no `conflicted`. */
export function conflictWhy(c: { reason: string; treaties: string[]; instruments?: Record<string, string> } | undefined,
  day: string): string {
  if (!c) return `Bound to both sides on ${day}.`;
  const treaties = c.treaties.map((t) => t + instrumentSaid(c.instruments?.[t], INSTRUMENT_WORDS)).join(", ");
  return `${c.reason.slice(0, 1).toUpperCase()}${c.reason.slice(1)} on ${day} under ${treaties}; counted on neither side.`;
}
