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

/** A treaty's provision as a citation says it (foedus.cited.cited): "nato_1949 art. 5"; the treaty alone where no
 * article is known. */
export function cited(treaty: string, article: string | null | undefined): string {
  return article ? `${treaty} ${articleCited(article)}` : treaty;
}

/** An obligation binding a state to join, or another duty of a state in a war (dutyLines), its certainty after it
 * when not verified, with the facts it rests on that are not verified (foedus.cited.bound_tag): " (secondary:
 * article)"; "" when verified. */
export function boundTag(certainty: string, doubted: string[] = []): string {
  if (certainty === "verified") return "";
  return doubted.length ? ` (${certainty}: ${doubted.join(", ")})` : ` (${certainty})`;
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
