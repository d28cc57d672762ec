// An ATOP alliance cited by its name beside its id, where a `named` correction gives it one (foedus.cited_names): the
// treaty list's `title` of each (tagged "; name secondary" when its page is not official), as the CLI's lines cite it.

/** A treaty's id as a line cites it: with its title in brackets where `titles` has one (foedus.cited_names.named_cited):
 * "atop_3755 (Treaty of Amity and Cooperation in Southeast Asia, 1976)"; a curated treaty's id alone. */
export function namedCited(treaty: string, titles: Record<string, string>): string {
  const title = titles[treaty];
  return title ? `${treaty} (${title})` : treaty;
}

/** The titles the treaty list gives, by id (the rows without one left out). */
export function titlesOf(rows: { id: string; title?: string | null }[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.title).map((r) => [r.id, r.title as string]));
}
