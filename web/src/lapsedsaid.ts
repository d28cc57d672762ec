// A binding `cascade --ongoing-since` lists as lapsed (its summary's `lapsed`: bound for a while, no longer on the
// date), in the CLI's words: a copy of foedus.war.pause_words.lapsed_said (tests/test_war_pause_web.py runs both).
import { INSTRUMENT_WORDS } from "./contract";
import { cited } from "./said";
import { endedBy } from "./warended";
import type { WarChange } from "./api";
import { instrumentSaid, namedState } from "./wording";

/** A lapsed binding of the ongoing summary (foedus.war.ongoing: `lapsed`): its span, side, provision and the change
 * that released it. */
export interface Lapse {
  state: string; side: string; from: string; to: string; treaty: string; article: string; instrument?: string;
  cause?: WarChange | null;
}

/** "Azerbaijan (AZE): bound 2014-02-27 to 2019-01-01 (defense, atop_4400 ATOP defense code), no longer: released on
 * 2019-01-01 after atop_4400: its source's coverage ends": its provision cited with an instrument that is not a
 * treaty said so, and what released it as a war's "Why?" says it (endedBy, no pages: the summary cites none). */
export function lapsedSaid(lapse: Lapse, name: (id: string) => string): string {
  const ended = endedBy(lapse.cause);
  return `${namedState(lapse.state, name)}: bound ${lapse.from} to ${lapse.to} (${lapse.side}, `
    + `${cited(lapse.treaty, lapse.article)}${instrumentSaid(lapse.instrument ?? "treaty", INSTRUMENT_WORDS)}), no longer`
    + (ended ? `: released on ${lapse.to}${ended}` : "");
}
