// The names of the states on the date the map shows, for the prose, the map's tooltips and the contested places:
// a shown result's date (its `renamed`), a replayed war's frame's date (/api/states?date=), else the form's date.
// A war frame's names come after a request: the latest frame or result asked for wins.
import type { CascadeResult } from "./api";
import type { DatedNames, NameOf } from "./datednames";

export class MapNames {
  private fixed: NameOf | null = null; // a result's or a frame's names; null: the form's date's
  private asked = 0;

  /** `onChange` runs when the names shown change (to rename what is already drawn). */
  constructor(private readonly form: DatedNames, private readonly onChange: () => void) {
    form.listen(() => { if (!this.fixed) onChange(); });
  }

  /** A state's name on the map's date. */
  readonly state: NameOf = (id) => (this.fixed ?? this.form.name)(id);

  /** A result is on the map: its date's names. */
  result(r: CascadeResult): void {
    this.asked++;
    this.fixed = this.form.of(r.renamed);
    this.onChange();
  }

  /** A war's frame is on the map: its date's names, once they come (`fallback`, the war's own names on that date,
   * over today's, when they cannot be had), if `commit` still takes the frame (false when a later frame or result
   * came first, or `commit` refused it: a run was asked meanwhile). */
  async frame(date: string, fallback: Record<string, string>, commit: () => boolean = () => true): Promise<boolean> {
    const ticket = ++this.asked;
    const names = await this.form.on(date) ?? this.form.of(fallback);
    if (ticket !== this.asked || !commit()) return false;
    this.fixed = names;
    this.onChange();
    return true;
  }
}
