// A place set a treaty's scopes name, in the CLI's words (foedus.set_uses.set_line), kept apart from the page (no DOM)
// so that tests/test_said_parity.py can run it in node: the "Why?" panel's treaty list says the set's extent's doubt
// where `foedus treaties show` does.

/** A place set a treaty's scopes name (`place_sets` of /api/treaties/{id}: foedus.set_uses.set_record): its places,
 * how sure its extent is, and, where not verified, what is unsure. */
export interface PlaceSetRecord { id: string; places: string[]; certainty: string; doubt?: string }

/** A set on a line: "place set far-east-1960: extent unverified: <its doubt>" (foedus.set_uses.set_line). */
export function placeSetLine(s: PlaceSetRecord): string {
  const said = `place set ${s.id}: extent ${s.certainty}`;
  return s.doubt ? `${said}: ${s.doubt}` : said;
}
