// How a treaty's provision is cited, and tagged when not verified, in the CLI's words (foedus.cited): the module every
// word module reads (said.ts, lapsedsaid.ts, helpsaid.ts, ...), reading none of them, so that none imports another
// in a loop (said.ts re-exports these for the page's other modules).

// words that name a treaty's unit other than an article ("EO": an executive order), compared lower-cased
const UNITS = new Set(["title", "chapter", "section", "part", "annex", "protocol", "preamble", "communique", "clause",
  "paragraph", "article", "declaration", "exchange", "letter", "note", "eo"]);

/** A provision's article as a citation says it (foedus.cited.article_cited): "art. 5"; a unit that names itself
 * ("Title Three") as it is; an obligation ATOP codes, with no article ("ATOP defense"), as "ATOP defense code". */
export function articleCited(article: string): string {
  if (article.startsWith("ATOP ")) return `${article} code`;
  const named = article.split("(", 1)[0].replaceAll("-", " ").toLowerCase().split(/\s+/);
  return named.some((w) => UNITS.has(w)) ? article : `art. ${article}`;
}

/** What a condition a duty assumes is said after (foedus.war.words.CONDITION), as the cascade's explanation says each. */
export const CONDITION = "condition: ";

/** A treaty's provision as a citation says it (foedus.cited.cited): "nato_1949 art. 5"; the treaty alone where no
 * article is known. */
export function cited(treaty: string, article: string | null | undefined): string {
  return article ? `${treaty} ${articleCited(article)}` : treaty;
}

/** An obligation binding a state to join, or another duty of a state in a war (dutyLines), its certainty after it
 * when not verified, with the facts it rests on that are not verified, each under its own level where `levels`
 * gives them, the weakest first (foedus.cited.bound_tag): " (secondary: article)", " (unverified: article;
 * secondary: treaty)"; "" when verified. */
export function boundTag(certainty: string, doubted: string[] = [], levels: Record<string, string> = {}): string {
  if (certainty === "verified") return "";
  const grouped = new Map<string, string[]>();
  for (const kind of doubted) {
    const level = levels[kind] ?? certainty;
    grouped.set(level, [...(grouped.get(level) ?? []), kind]);
  }
  const said = [...grouped.keys()].sort((a, b) => weakness(a) - weakness(b))
    .map((level) => `${level}: ${grouped.get(level)!.join(", ")}`);
  if (!grouped.has(certainty) && said.length) said.unshift(certainty);
  return said.length ? ` (${said.join("; ")})` : ` (${certainty})`;
}

// the certainty levels best first (foedus.model.vocab.Certainty), read weakest first by boundTag
const LEVELS = ["verified", "secondary", "carried-forward", "unverified", "conflicting"];

function weakness(level: string): number {
  return LEVELS.includes(level) ? -LEVELS.indexOf(level) : 1;
}

// the kinds of fact an obligation rests on (foedus.engine.doubted_facts.FACT_KINDS)
const FACT_KINDS = ["treaty", "article", "validity", "membership", "date"];

/** The facts of an obligation's certainty `reasons` not verified, each with its weakest level
 * (foedus.engine.doubted_facts.doubt_levels): the `doubted` and `levels` a boundTag reads, for a cascade's records,
 * which carry their reasons rather than these. */
export function doubtLevels(reasons: { kind: string; certainty: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kind of FACT_KINDS) {
    const tags = reasons.filter((r) => r.kind === kind && r.certainty !== "verified").map((r) => r.certainty);
    if (tags.length) out[kind] = tags.reduce((a, b) => (weakness(b) < weakness(a) ? b : a));
  }
  return out;
}

// an article's own note that it is not verified (foedus.cited._UNVERIFIED_NOTE)
const UNVERIFIED_NOTE = /\s*\((?:article|number) unverified\)|; (?:article|number) unverified(?=\))/g;

/** The article of a binding or duty whose tag (boundTag) names the article among the facts not verified, less its
 * own note that it is not verified, so that the doubt is said once, by the tag (foedus.cited.tagged_article):
 * "rus_kaz_1992 art. unknown (unverified: treaty, article)"; the article as it is otherwise. */
export function taggedArticle(article: string, certainty: string, doubted: string[] = []): string {
  if (certainty === "verified" || !doubted.includes("article")) return article;
  return article.replace(UNVERIFIED_NOTE, "");
}
