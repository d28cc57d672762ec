// The "Why?" panel's sentences for a duty to stay out of a war or to consult, and for a violation, kept apart from the
// page (no DOM) so that tests/test_said_parity.py and tests/test_violation_said_parity.py can run them in node beside
// the CLI's "Neutral: ", "Consultation: " and "Violation: " lines (foedus.render.explain_lines): each cites its
// provision as the CLI does, an instrument that is not a treaty said so, its certainty tagged as the CLI tags it.
import type { CertaintyReason, Consultation, Neutral, Violation } from "./api";
import { INSTRUMENT_WORDS } from "./contract";
import { consultLimit } from "./helpsaid";
import { articleCited, findingTag, instrumentSaid, taggedArticle } from "./said";
import { namedState } from "./wording";

type Lookup = (id: string) => string;

/** A neutrality duty's or a consultation's provision, the treaty named by `treaty`, then what an instrument that is
 * not a treaty is (instrumentSaid), as the CLI's line says it after "under" (`cited(...) + instrument_said(...)`):
 * a duty to consult under a forum is not read as a treaty's. */
export function findingCited(d: Pick<Neutral, "treaty" | "article"> & { instrument?: string; certainty?: string;
  certainty_reasons?: CertaintyReason[] }, treaty: Lookup): string {
  // less the article's own note of a doubt its reasons list (foedus.render._article, as a joiner's: taggedArticle)
  const doubted = (d.certainty_reasons ?? []).some((r) => r.kind === "article" && r.certainty !== "verified") ? ["article"] : [];
  const article = taggedArticle(d.article, d.certainty ?? "verified", doubted);
  return `${treaty(d.treaty)} ${articleCited(article)}${instrumentSaid(d.instrument, INSTRUMENT_WORDS)}`;
}

/** The panel's sentence for a duty not to join the war against a state (a conflict's clashing one too). */
export function neutralSaid(n: Pick<Neutral, "toward" | "treaty" | "article"> & { instrument?: string }, state: Lookup,
  treaty: Lookup): string {
  return `Bound not to join the war against ${namedState(n.toward, state)}: ${findingCited(n, treaty)}.`;
}

/** The panel's sentence for a duty to consult a state, with the place sets it is owed through and their doubt
 * (helpsaid.ts consultLimit), as the CLI's line says them. */
export function consultSaid(c: Pick<Consultation, "with" | "treaty" | "article"> & { instrument?: string;
  limit?: string | null; limit_certainty?: string | null }, state: Lookup, treaty: Lookup): string {
  return `Bound to consult with ${namedState(c.with, state)}: ${findingCited(c, treaty)}${consultLimit(c)}.`;
}

/** The panel's sentence for a violation: `v.state` breaks its duty of `v.kind` toward `v.against`, the provision cited
 * as the CLI's "Violation: " line cites it after "despite" (findingCited: the CLI's `kind_cited` less the kind, said
 * in the sentence). */
export function violationSaid(v: Pick<Violation, "state" | "against" | "kind" | "treaty" | "article"> & { instrument?: string },
  state: Lookup, treaty: Lookup): string {
  return `${namedState(v.state, state)} breaks ${v.kind} toward ${namedState(v.against, state)}: ${findingCited(v, treaty)}.`;
}

/** A one-line finding's sentence as the panel shows it (explain.ts findingBlock): its certainty when not verified, or
 * when verified but not to the day, in the CLI's words (said.ts findingTag), before the sentence's full stop. */
export function findingLine(text: string, f: { certainty?: string; certainty_reasons?: CertaintyReason[] }): string {
  const tag = f.certainty ? findingTag({ certainty: f.certainty, certainty_reasons: f.certainty_reasons }) : "";
  return tag ? text.replace(/\.?$/, `${tag}.`) : text;
}
