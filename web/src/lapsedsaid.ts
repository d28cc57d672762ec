// A binding `cascade --ongoing-since` lists as lapsed (its summary's `lapsed`: bound for a while, no longer on the
// date), in the CLI's words: a copy of foedus.war.pause_words.lapsed_said (tests/test_war_pause_web.py runs both).
import { INSTRUMENT_WORDS } from "./contract";
import { boundTag, cited, CONDITION, taggedArticle } from "./citesaid";
import { namedCited } from "./titles";
import { endedBy } from "./warended";
import type { WarChange } from "./api";
import { changeSaid, instrumentSaid, namedState } from "./wording";

/** A lapsed binding of the ongoing summary (foedus.war.ongoing: `lapsed`): its span, side, provision with its
 * certainty and the facts not verified (servers from before they were sent have none: read as verified), and the
 * change that released it. */
export interface Lapse {
  state: string; side: string; from: string; to: string; treaty: string; article: string; instrument?: string;
  certainty?: string; doubted?: string[]; levels?: Record<string, string>; cause?: WarChange | null;
  conditions?: string[];
}

/** An ongoing binding's or lapse's provision as a cascade's joiner line says one (foedus.war.pause_words
 * .binding_said): cited, tagged when not verified ("csto_1992 art. 4 (secondary: article)": taggedArticle, boundTag),
 * an instrument that is not a treaty said so; an ATOP alliance with its title where `titles` has one (namedCited). */
export function bindingSaid(b: Pick<Lapse, "treaty" | "article" | "instrument" | "certainty" | "doubted" | "levels">,
                            titles: Record<string, string> = {}): string {
  const [certainty, doubted] = [b.certainty ?? "verified", b.doubted ?? []];
  return `${cited(namedCited(b.treaty, titles), taggedArticle(b.article, certainty, doubted))}`
    + boundTag(certainty, doubted, b.levels) + instrumentSaid(b.instrument ?? "treaty", INSTRUMENT_WORDS);
}

/** "Azerbaijan (AZE): bound 2014-02-27 to 2019-01-01 (defense, atop_4400 ATOP defense code), no longer: released on
 * 2019-01-01 after atop_4400: its source's coverage ends": its provision (bindingSaid), and what released it as a
 * war's "Why?" says it (endedBy, no pages: the summary cites none). */
export function lapsedSaid(lapse: Lapse, name: (id: string) => string): string {
  const ended = endedBy(lapse.cause);
  return `${namedState(lapse.state, name)}: bound ${lapse.from} to ${lapse.to} (${lapse.side}, ${bindingSaid(lapse)})`
    + ", no longer" + (ended ? `: released on ${lapse.to}${ended}` : "");
}

type Provision = Pick<Lapse, "treaty" | "article" | "instrument" | "certainty" | "doubted" | "levels" | "conditions">;

/** After an ongoing binding's line, where the provision binding the state on the date (its `now`) is not the one that
 * first bound it: ", now under rus_blr_2024 art. 4 (secondary: article)" (bindingSaid); "" where it is the same or
 * there is no `now` (foedus.war.pause_words.now_under_said). */
export function nowUnder(b: Provision & { now?: Provision | null }, titles: Record<string, string> = {}): string {
  const key = (x: Provision) => JSON.stringify([x.treaty, x.article, x.instrument ?? "treaty"]);
  return b.now && key(b.now) !== key(b) ? `, now under ${bindingSaid(b.now, titles)}` : "";
}

/** An ongoing summary's binding (its `bound_since` entry) as `cascade --ongoing-since` lists it (foedus.war
 * .pause_words.bound_since_said): "Belarus (BLR): 2024-08-06 (attack, csto_1992 art. 4 (secondary: article)), now
 * under rus_blr_2024 art. 4 (secondary: article) — ...": since when, its side, the provision that first bound it,
 * tagged (bindingSaid), what binds it on the date where another does (nowUnder), and the change that bound it
 * (changeSaid). */
export function boundSinceSaid(state: string, b: BoundSince, name: (id: string) => string,
                               titles: Record<string, string> = {}): string {
  return `${namedState(state, name)}: ${b.since} (${b.side}, ${bindingSaid(b, titles)})${nowUnder(b, titles)}`
    + (b.cause ? ` — ${changeSaid(b.cause)}` : "");
}

/** The conditions an ongoing line's provisions assume, one a line ("condition: request-gated: assumes Russia (RUS)
 * asks for help"), said under the line, repeated as a joiner's are: each condition names its provision where the line
 * cites two ("condition under csto_1992 art. 4: ..."); none from older servers (foedus.war.pause_words
 * .ongoing_conditions). */
export function ongoingConditions(b: Provision & { now?: Provision | null }): string[] {
  const key = (x: Provision) => JSON.stringify([x.treaty, x.article, x.instrument ?? "treaty"]);
  if (!b.now || key(b.now) === key(b)) return (b.conditions ?? []).map((c) => CONDITION + c);
  return [b, b.now].flatMap((x) => (x.conditions ?? []).map((c) => `condition under ${cited(x.treaty, x.article)}: ${c}`));
}

/** An ongoing summary's `bound_since` entry (foedus.war.ongoing): the side, since when, the provision that bound it
 * then, the change that did, and the provision binding it on the date (`now`; servers from before it have none). */
export type BoundSince = Provision & { side: string; since: string; cause?: WarChange | null; now?: Provision | null };

/** A retagged binding's or lapse's tag in the base world, as boundTag says it but unbracketed ("secondary: article",
 * "unverified: article; secondary: treaty", "verified"; foedus.war.ongoing_changes._was); levels from older servers:
 * none, each fact at its certainty. */
export function wasTag(x: { certainty_before: string; doubted_before: string[]; levels_before?: Record<string, string> }): string {
  return boundTag(x.certainty_before, x.doubted_before, x.levels_before).slice(2, -1) || x.certainty_before;
}
