// A state's help short of fighting and what a place limit cuts, in the CLI's words, kept apart from the page (no DOM)
// so that tests/test_said_parity.py can run them in node beside foedus.support_words (support_lines, unreached_lines)
// and foedus.limit_words (unreached_consultation_lines): the state's "Why?" shows the lines the cascade's text says.
import type { Support, Unreached, UnreachedConsultation } from "./contract";
import { INSTRUMENT_WORDS } from "./contract";
import { cited } from "./citesaid";
import { namedCited } from "./titles";
import { byName, namedState } from "./wording";

type Lookup = (id: string) => string;

/** Before each provision of a supporter owing help under several (foedus.support_words.SUPPORT_INDENT). */
export const SUPPORT_INDENT = "      ";
/** After the ATOP code of help coded for a whole alliance (foedus.support_words.NO_GIVER). */
export const NO_GIVER = "ATOP codes no giver";

const CODED: Record<string, string> = {
  "arms general": "military aid", "arms grants_loans": "military aid in grants or loans",
  "arms training_technology": "military aid in training or technology",
  "arms grants_and_training": "military aid in grants or loans and in training or technology",
  "bases one_way": "troops of one member based on another's territory",
};
const WHEN: Record<string, string> = { peacetime: "in peace and war", wartime: "once attacked" };

/** What ATOP's code of a form of help at a level provides for (foedus.support_words.coded_help). */
export function codedHelp(form: string, level: string): string {
  return CODED[`${form} ${level}`] ?? form.replaceAll("_", " ");
}

/** A place limit with its extent's certainty where not verified (foedus.limit_words.limit_said). */
export function limitSaid(limit: string, certainty: string): string {
  return certainty === "verified" ? limit : `${limit} (extent ${certainty})`;
}

/** A duty owed through a place limit, with the extent's doubt (foedus.limit_words.owed_in); "" with none. */
export function owedIn(limit: string | null | undefined, certainty: string | null | undefined): string {
  return limit == null ? "" : `owed for an attack in ${limitSaid(limit, certainty ?? "verified")}`;
}

/** After a form's certainty, the limit it is owed for (foedus.support_words.owed_for); "" with none. */
export function owedFor(limit: string | null | undefined, certainty: string | null | undefined): string {
  return limit == null ? "" : `; ${owedIn(limit, certainty)}`;
}

/** After a consultation's citation, the place sets it is owed through (foedus.limit_words.consult_limit). */
export function consultLimit(c: { limit?: string | null; limit_certainty?: string | null }): string {
  return c.limit ? `, ${owedIn(c.limit, c.limit_certainty)}` : "";
}

const form = (f: string) => f.replaceAll("_", " ");

/** After the citation of help whose instrument is only presumed (foedus.support_words.FORCE_UNKNOWN). */
export const FORCE_UNKNOWN = "its binding force unverified";

/** One provision's forms of help, cited with when owed, certainty and limit (foedus.support_words._provision): an
 * instrument that is not a treaty said after the citation, the parts then parted by semicolons (no bracket in one). */
function provision(given: Support[], titles: Record<string, string>): string {
  const x = given[0];
  const words = (x.instrument ? INSTRUMENT_WORDS[x.instrument] : undefined)
    ?? (x.instrument_known === false ? FORCE_UNKNOWN : undefined);
  const cite = cited(namedCited(x.treaty, titles), x.article);
  const tail = [words ? `${cite}, ${words}` : cite, WHEN[x.when] ?? x.when,
    `${x.certainty}${owedFor(x.limit, x.limit_certainty)}`].join(words ? "; " : ", ");
  if (x.atop_code === null) return `${given.map((g) => form(g.form)).join(" and ")} (${tail})`;
  const codes = given.map((g) => g.atop_code ?? "").join(", ");
  return `${given.map((g) => codedHelp(g.form, g.level)).join(" and ")} (${tail}; ATOP ${codes}; ${NO_GIVER})`;
}

const HAS: Record<string, string> = { "bound to give": "is", "pledged to give": "has" };

/** What a supporter's help under an instrument of this kind is (foedus.support_words.giving): pledged under a
 * political statement, which binds no one in law; else bound. */
export function giving(instrument: string): string {
  return instrument === "political_statement" ? "pledged to give" : "bound to give";
}

/** Each supporter once per belligerent it supports (foedus.support_words.support_lines): one line with one
 * provision; a heading and a line per provision (SUPPORT_INDENT) with several. */
export function supportLines(supporters: Support[], state: Lookup, titles: Record<string, string> = {}): string[] {
  const groups = new Map<string, Map<string, Support[]>>();
  for (const x of supporters) {
    const pair = JSON.stringify([x.state, x.supports]);
    const key = JSON.stringify([x.treaty, x.article, x.when, x.certainty, x.atop_code !== null, x.instrument, x.limit,
      x.limit_certainty, x.instrument_known]);
    const provisions = groups.get(pair) ?? new Map<string, Support[]>();
    groups.set(pair, provisions.set(key, [...(provisions.get(key) ?? []), x]));
  }
  const lines: string[] = [];
  // by supporter's name, then supported's, as the CLI (foedus.support_words: by_name; the sorts are stable)
  const first = (p: Map<string, Support[]>) => [...p.values()][0][0];
  const pairs = byName(byName([...groups.values()], (p) => namedState(first(p).supports, state)),
    (p) => namedState(first(p).state, state));
  for (const provisions of pairs) {
    const all = [...provisions.values()];
    const said = all.map((given) => [given[0].atop_code !== null, provision(given, titles)] as const);
    const who = namedState(all[0][0].state, state), whom = namedState(all[0][0].supports, state);
    const gives = new Set(all.filter((given) => given[0].atop_code === null).map((given) => giving(given[0].instrument)));
    if (said.length === 1) {
      const [coded, words] = said[0];
      const give = giving(all[0][0].instrument);
      const verb = coded ? `is in an alliance with ${whom} that provides for` : `${HAS[give]} ${give} ${whom}`;
      lines.push(`Support: ${who} ${verb} ${words}${coded ? "," : ""} without being bound to fight`);
    } else if (!said.some(([coded]) => coded) && gives.size === 1) {
      const [give] = [...gives];
      lines.push(`Support: ${who} ${HAS[give]} ${give} ${whom}, without being bound to fight, under ${said.length} provisions:`);
      lines.push(...said.map(([, words]) => `${SUPPORT_INDENT}${words}`));
    } else {
      lines.push(`Support: ${who}, without being bound to fight, under ${said.length} provisions toward ${whom}:`);
      lines.push(...said.map(([coded, words], i) =>
        `${SUPPORT_INDENT}${coded ? "in an alliance that provides for" : giving(all[i][0].instrument)} ${words}`));
    }
  }
  return lines;
}

/** Each form of help a place limit cuts, said not owed (foedus.support_words.unreached_lines): by supporter's name,
 * then supported's, as the CLI (byName; the sorts are stable). */
export function unreachedLines(cut: Unreached[], state: Lookup, titles: Record<string, string> = {}): string[] {
  const named = byName(byName(cut, (u) => namedState(u.supports, state)), (u) => namedState(u.state, state));
  return named.map((u) => `Support not owed here: ${namedState(u.state, state)} would give ${namedState(u.supports, state)} `
    + `${form(u.form)} (${cited(namedCited(u.treaty, titles), u.article)}, ${u.certainty}) only in a war with an attack `
    + `in ${limitSaid(u.limit, u.limit_certainty)}, and no attack of this war falls there`);
}

/** Each consultation a place limit cuts, said not owed (foedus.limit_words.unreached_consultation_lines): by the
 * consulting state's name, then the consulted's, as the CLI (byName; the sorts are stable). */
export function unreachedConsultationLines(cut: UnreachedConsultation[], state: Lookup,
  titles: Record<string, string> = {}): string[] {
  const named = byName(byName(cut, (u) => namedState(u.with, state)), (u) => namedState(u.state, state));
  return named.map((u) => `Consultation not owed here: ${namedState(u.state, state)} would consult `
    + `${namedState(u.with, state)} (${cited(namedCited(u.treaty, titles), u.article)}, ${u.certainty}) only on an `
    + `attack in ${limitSaid(u.limit, u.limit_certainty)}, and no attack on ${namedState(u.with, state)} in this war `
    + "falls there");
}
