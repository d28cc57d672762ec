// The gazetteer's places as on the scenario's date (/api/places?homes=true&date=, as `foedus places --date`): each
// named as then (East Pakistan in 1965, Königsberg in 1900) and held as then (Crimea the Soviet Union's in 1979), for
// the prose, the contested places and the place list. The page starts with them undated (today's names and holders);
// the state a home territory is the home of is read from those rows, as it is the same on every day (the gazetteer's
// `owner`: Estonia's in 1950, when the dated row's holder is the Soviet Union). Asked once per date; the last date
// asked wins, so a date typed over another does not leave the older date's places behind.
import { api, type PlaceRow } from "./api";
import { homeOf } from "./placesaid";

export class DayPlaces {
  private rows: Map<string, PlaceRow>;
  private readonly owners: Map<string, string | undefined>;
  private readonly loading = new Map<string, Promise<PlaceRow[] | undefined>>(); // each date asked, once
  private held = ""; // the date the rows are of ("": undated, today's)
  private asked = "";

  /** `onChange` runs with the rows each time another date's places come (to rename and redraw what is shown). */
  constructor(undated: PlaceRow[], private readonly onChange: (rows: PlaceRow[]) => void) {
    this.rows = new Map(undated.map((p) => [p.id, p]));
    this.owners = new Map(undated.map((p) => [p.id, homeOf(p)]));
  }

  /** A place as on the date shown. */
  get(id: string): PlaceRow | undefined { return this.rows.get(id); }

  /** Whether the gazetteer has the place (on every date: the ids do not change). */
  has(id: string): boolean { return this.rows.has(id); }

  /** Every place as on the date shown. */
  list(): PlaceRow[] { return [...this.rows.values()]; }

  /** The state whose home territory the place is, on every day (placesaid.ts homeOf of its undated row). */
  readonly home = (id: string): string | undefined => this.owners.get(id);

  /** Hold the places as on `date` once they come; kept as they are when the server does not answer (the run
   * reports a bad date). */
  async show(date: string): Promise<void> {
    this.asked = date;
    if (date === this.held) return;
    const rows = await this.load(date);
    if (!rows || date !== this.asked || date === this.held) return;
    this.held = date;
    this.rows = new Map(rows.map((p) => [p.id, p]));
    this.onChange(rows);
  }

  private load(date: string): Promise<PlaceRow[] | undefined> {
    let asking = this.loading.get(date);
    if (!asking) {
      asking = api.places(date).catch(() => { this.loading.delete(date); return undefined; });
      this.loading.set(date, asking);
    }
    return asking;
  }
}

/** Name the place list's options (the form's #place) and their holders as `rows` give them on the date: the form
 * names each option from its data-name and data-holder (form.ts `rename`). */
export function relabelPlaces(rows: PlaceRow[]): void {
  const byId = new Map(rows.map((p) => [p.id, p]));
  for (const o of document.querySelectorAll<HTMLOptionElement>("#place option[data-holder]")) {
    const p = byId.get(o.value);
    if (p) Object.assign(o.dataset, { name: p.name, holder: p.sovereign ?? p.administrator ?? "" });
  }
}
