// Which borders the map shows: a date's (CShapes 2.0, from /api/borders) when the server has them, else
// today's, with the note under the map saying which and why. A historical answer is kept for its span.
import { api, ApiError, type BordersAnswer } from "./api";
import { byId } from "./dom";
import type { WorldMap } from "./map";

const LAST = "2019-12-31"; // CShapes 2.0's last day: later dates always get today's borders

export class BordersView {
  current: BordersAnswer | null = null;

  constructor(private readonly map: WorldMap) {}

  /** Draw the borders of `date` (a no-op while the borders shown still hold on it). */
  async update(date: string): Promise<void> {
    const b = this.current;
    if (b?.historical && b.valid_from && b.valid_to && b.valid_from <= date && date <= b.valid_to) return;
    if (b && !b.historical && b.date > LAST && date > LAST) return; // today's borders, and still past CShapes' end
    let answer: BordersAnswer;
    try {
      answer = await api.borders(date);
    } catch (e) {
      answer = { date, historical: false, topology: null, source: null,
        note: `The map shows today's borders (${e instanceof ApiError ? e.message : "borders unavailable"}).` };
    }
    if (answer.historical || b?.historical || b === null) this.map.showBorders(answer.topology);
    this.current = answer;
    byId("borders-note").textContent = answer.note;
  }
}
