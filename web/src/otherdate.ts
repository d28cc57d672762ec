// Compare's "Other date": a year before the scenario's date until the reader types one, so Compare compares at once
// (what changed in the year to the date: a year earlier is always in the form's range, a year later is not on
// today's date); it started empty, and Compare then said only that there was nothing to compare.
import { FIRST_DAY, SHOWN, shift } from "./datecontrol";
import { byId } from "./dom";

/** The other date Compare starts with for the scenario's `date`: a year before it (a year after, on 1815-01-01). */
export function otherDefault(date: string): string {
  return date <= FIRST_DAY ? shift(date, 12) : shift(date, -12);
}

export class OtherDate {
  private readonly input = byId<HTMLInputElement>("other-date");
  private auto = true; // the field shows the default, which follows the scenario's date, and a link leaves it out

  constructor() {
    this.input.addEventListener("input", () => { this.auto = false; }); // typed (or emptied): the reader's own
    byId("date").addEventListener(SHOWN, (e) => { if (this.auto) this.input.value = otherDefault((e as CustomEvent<string>).detail); });
  }

  get value(): string { return this.input.value.trim(); }

  /** The other date a link keeps: none while the field shows the default no comparison has used. */
  get linked(): string { return this.auto ? "" : this.value; }

  /** Put back a shared link's other date; without one, a link with what-if changes compares them on its own date
   * (the field empty, as before), and so does one whose other date the form could not use (out of range: the page
   * says it was not used); any other keeps the default. */
  restore(other: string, changes: boolean): void {
    if (!other && !changes && !new URLSearchParams(location.search).has("other_date")) return;
    this.auto = false;
    this.input.value = other;
  }

  /** Compare ran with the field's date: a link keeps it from now on; the date. */
  keep(): string {
    this.auto = false;
    return this.value;
  }
}
