// The names states had on the form's date (the Soviet Union in 1979, Zaire in 1990), for the map's tooltips and
// the pickers' chips: `/api/states?date=&every=true` names each state as the server and the CLI do
// (StateRegistry.names_on), one out of the system then too (Yugoslavia for SRB in 1942). Asked once per date, the last
// date asked winning, so a slider drag does not leave an older date's names behind. Any other date's names (a war
// frame's, the compared date's) come from the same cache, or from a result's `renamed`.
import { api, type StateRow } from "./api";

export type NameOf = (id: string) => string;

export class DatedNames {
  /** The names shown now: the last date's that came back (today's until then). */
  name: NameOf;
  private readonly today: Map<string, string>;
  private readonly cache = new Map<string, Map<string, string>>(); // the dates whose names came
  private readonly loading = new Map<string, Promise<Map<string, string> | undefined>>(); // each date asked, once
  private asked = "";
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: ((name: NameOf) => void)[] = [];

  constructor(states: StateRow[]) {
    this.today = new Map(states.map((s) => [s.id, s.name]));
    this.name = (id) => this.today.get(id) ?? id;
  }

  /** Call `listener` with the name function each time a date's names arrive. */
  listen(listener: (name: NameOf) => void): void {
    this.listeners.push(listener);
  }

  /** Name states as on `date` (a short wait first, so dragging the slider asks once); kept as they are on failure. */
  show(date: string): void {
    this.asked = date;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fetch(date), this.cache.has(date) ? 0 : 120);
  }

  /** The names on `date`; undefined when the server did not answer,
   * so the caller keeps the names it has (a war's JSON's) rather than show today's for a 1914 state. */
  async on(date: string): Promise<NameOf | undefined> {
    const dated = await this.load(date);
    return dated && this.over(dated);
  }

  /** The names on a result's date: its `renamed` (those called otherwise then than today), else today's. */
  of(renamed: Record<string, string>): NameOf {
    return this.over(new Map(Object.entries(renamed)));
  }

  private over(names: Map<string, string>): NameOf {
    return (id) => names.get(id) ?? this.today.get(id) ?? id;
  }

  /** A date's names from the server, asked once per date (a second caller while the first is out waits on the same
   * request: the map and the war log ask for a frame's date at once); undefined when the server did not answer. */
  private load(date: string): Promise<Map<string, string> | undefined> {
    let asking = this.loading.get(date);
    if (!asking) {
      asking = api.states(date, true).then((rows) => {
        const dated = new Map(rows.map((s) => [s.id, s.name]));
        this.cache.set(date, dated);
        return dated;
      }, () => {
        this.loading.delete(date); // asked again next time; the names already shown stay, the run reports a bad date
        return undefined;
      });
      this.loading.set(date, asking);
    }
    return asking;
  }

  private async fetch(date: string): Promise<void> {
    const dated = await this.load(date);
    if (!dated || date !== this.asked) return;
    this.name = this.over(dated);
    for (const listener of this.listeners) listener(this.name);
  }
}
