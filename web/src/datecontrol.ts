// The date control: a slider from 1815 to today with a tick every 25 years, a date typed as YYYY-MM-DD (a text
// field: the browser's date input showed its locale's mm/dd/yyyy where every other text on the page says
// YYYY-MM-DD), steps of a month or a year either way, and "play": step through a range of dates by month or year,
// running each.
import { byId, h } from "./dom";
import { showError } from "./pageline";

export const FIRST_DAY = "1815-01-01";
const DAY_MS = 86_400_000;
const TICK_YEARS = 25;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function dayIndex(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${FIRST_DAY}T00:00:00Z`)) / DAY_MS);
}

export function dateOf(index: number): string {
  return new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + index * DAY_MS).toISOString().slice(0, 10);
}

/** Whether text is a real calendar date YYYY-MM-DD. */
export function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))
    && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/** How every date field is written, the one format the page shows and reads. */
export const DATE_FORMAT = "YYYY-MM-DD";
/** The event the date field sends when the control shows a date (typed, stepped, played or put back from a link). */
export const SHOWN = "date-shown";
const WRITTEN = /^\d{4}-\d{2}-\d{2}$/;

/** Why the form does not take `text`, typed in the field `what` names, as a date: not a calendar date written
 * YYYY-MM-DD (2025-6-1, 06/01/2025, 2025-02-30), empty where a date is needed (`optional`: empty is no date), or out
 * of the form's range (outOfRange); null when it takes it. */
export function dateProblem(text: string, what = "date", optional = false): string | null {
  if (text === "" && optional) return null;
  if (text === "") return `${what} is empty: write a date ${DATE_FORMAT}, such as 2025-06-01`;
  return isDate(text) ? outOfRange(text, what) : `${what} "${text}" is not a date written ${DATE_FORMAT}, such as 2025-06-01`;
}

/** The form's other date fields, held to the same range as its date by the same rule (outOfRange), each named in
 * the refusal as here: the input's id, and the name a link's parameter and the refusal give it. */
export const OTHER_DATES = [["ongoing-since", "ongoing-since date"], ["other-date", "other date"]] as const;

/** Why the form does not take `date`, a real date, as its date (or as the field `what` names): before FIRST_DAY or
 * after today, the input's own min and max (the server refuses a date before 1815 with a 422); null when it takes
 * it. Said in the error line, no request sent, when the date is typed, played, run or compared ("...: nothing was
 * run"), or comes in a link (url.ts). */
export function outOfRange(date: string, what = "date"): string | null {
  const last = today();
  return date < FIRST_DAY || date > last
    ? `${what} ${date} is outside the range the form takes (${FIRST_DAY} to today, ${last})` : null;
}

/** The first refusal of the form's dates: its date, then each of OTHER_DATES filled in (the compared date only when
 * `compared`, as only Compare sends it); null when every one is in range. */
export function datesOutOfRange(date: string, compared: boolean): string | null {
  const typed = byId<HTMLInputElement>("date").value; // what the field shows: `date` is today's for a text not a date
  const others = OTHER_DATES.filter(([id]) => compared || id !== "other-date")
    .map(([id, what]) => dateProblem(byId<HTMLInputElement>(id).value.trim(), what, true));
  return [dateProblem(typed.trim() === date ? date : typed.trim()), ...others].find((why) => why) ?? null;
}

/** Refuse a date out of range or not written YYYY-MM-DD in the error line, the input marked invalid; a date the
 * form takes takes the refusal of this field (`what`) away. */
function refused(input: HTMLInputElement, date: string, what = "date", optional = false): boolean {
  const why = dateProblem(date.trim(), what, optional);
  const said = byId("error").textContent ?? "";
  if (why) showError(`${why}: nothing was run.`);
  else if (said.startsWith(`${what} `) && [" is outside the range the form takes", ` written ${DATE_FORMAT}`, " is empty: "]
    .some((w) => said.includes(w))) showError("");
  if (why) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  return why !== null;
}

/** `date` moved by `months` calendar months (the day clamped to the month's length), kept within 1815..today. */
export function shift(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const out = `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
  return out < FIRST_DAY ? FIRST_DAY : out > today() ? today() : out;
}

export class DateControl {
  private readonly slider = byId<HTMLInputElement>("date-slider");
  private readonly input = byId<HTMLInputElement>("date");
  private playing = false;
  private shown = ""; // the date last shown, so that leaving the field after typing it runs it once

  constructor(private readonly onChange: () => void, private readonly runAt: (date: string) => Promise<boolean>,
              private readonly onShow: (date: string) => void = () => undefined) {
    const last = today();
    this.slider.max = String(dayIndex(last));
    this.ticks(last);
    for (const [id, what] of OTHER_DATES) { // refused as the date is, when changed; sent only when Run or Compare is
      const other = byId<HTMLInputElement>(id);
      typed(other, (text) => refused(other, text, what, true));
    }
    this.slider.addEventListener("input", () => this.show(dateOf(Number(this.slider.value))));
    this.slider.addEventListener("change", () => this.onChange());
    typed(this.input, (text) => {
      if (!refused(this.input, text) && text.trim() !== this.shown) { this.show(text.trim()); this.onChange(); }
    });
    document.querySelectorAll<HTMLButtonElement>("button[data-step]").forEach((b) => b.addEventListener("click", () => {
      this.show(shift(this.value, Number(b.dataset.step)));
      this.onChange();
    }));
    byId("play").addEventListener("click", () => { if (this.playing) this.stop(); else void this.play(); });
    this.show(last);
  }

  private ticks(last: string): void {
    const list = byId("date-ticks");
    const labels = byId("date-tick-labels");
    const max = dayIndex(last);
    const years: number[] = [];
    for (let y = 1825; y <= Number(last.slice(0, 4)); y += TICK_YEARS) years.push(y);
    list.replaceChildren(...years.map((y) => h("option", { value: String(dayIndex(`${y}-01-01`)) })));
    labels.replaceChildren(...years.filter((y) => y % 50 === 0).map((y) => {
      const span = h("span", {}, String(y));
      span.style.left = `${(100 * dayIndex(`${y}-01-01`)) / max}%`;
      return span;
    }));
  }

  get value(): string {
    return isDate(this.input.value) ? this.input.value : today();
  }

  show(date: string): void {
    this.input.value = this.shown = date;
    this.input.removeAttribute("aria-invalid");
    this.slider.value = String(dayIndex(date));
    byId("date-year").textContent = date.slice(0, 4);
    document.querySelectorAll<HTMLButtonElement>("button[data-step]").forEach((b) => { // "+1 y" on today moved nothing
      b.disabled = shift(date, Number(b.dataset.step)) === date; // and said nothing: a step with nowhere to go is off
    });
    this.onShow(date);
    this.input.dispatchEvent(new CustomEvent(SHOWN, { detail: date })); // Compare's other date follows (otherdate.ts)
  }

  stop(): void {
    this.playing = false;
    byId("play").textContent = "Play";
  }

  /** Run every date from the range's start to its end, a month or a year apart, until done or stopped. */
  private async play(): Promise<void> {
    const [fromText, toText] = ["play-from", "play-to"].map((id) => byId<HTMLInputElement>(id).value.trim());
    const from = fromText || this.value;
    const to = toText || today();
    const months = Number(byId<HTMLSelectElement>("play-step").value);
    if (refused(byId<HTMLInputElement>("play-from"), from, "play from date") || refused(byId<HTMLInputElement>("play-to"), to, "play to date")) return;
    if (to < from) { showError(`play to date ${to} is before play from date ${from}: nothing was run.`); return; }
    this.playing = true;
    byId("play").textContent = "Stop";
    for (let d = from; this.playing && d <= to; d = shift(d, months)) {
      this.show(d);
      if (!(await this.runAt(d))) break;
      await new Promise((r) => setTimeout(r, 500));
      if (shift(d, months) === d) break;
    }
    this.stop();
  }
}

/** Answer a date field: as soon as its text is a whole YYYY-MM-DD (typed or pasted, as the browser's date input
 * answered each edit), and on leaving it or Enter whatever it holds (a text not a date is refused there). */
function typed(input: HTMLInputElement, answer: (text: string) => void): void {
  input.addEventListener("input", () => { if (WRITTEN.test(input.value.trim())) answer(input.value); });
  input.addEventListener("change", () => { if (!WRITTEN.test(input.value.trim())) answer(input.value); });
}
