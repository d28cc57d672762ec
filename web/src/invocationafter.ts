/** The mark of an invocation in the Why? panel's history against the scenario's date: the history is the treaty's
 * whole record, so one after the date says so, and one whose date is known only to a week, month or year that runs
 * past the date says it may be (foedus.catalog.treaty_detail's `window`: the days it can truly lie in). */

/** An invocation as the mark reads it: its recorded `date`, and its `window` where the date is known less well. */
export interface Dated { date: string; window?: [string, string] }

/** " (after this date)" where the invocation is after `date` however its date is known; " (possibly after this
 * date)" where its window holds `date` and runs past it (csto_1992's of May 2021, recorded on the 14th, on 20 May
 * 2021); "" where it came on or before `date`. */
export function invocationAfter(i: Dated, date: string): string {
  const [first, last] = i.window ?? [i.date, i.date];
  return first > date ? " (after this date)" : last > date ? " (possibly after this date)" : "";
}
