// The date control: a slider from 1815 to today with a tick every 25 years, a date input, steps of a month
// or a year either way, and "play": step through a range of dates by month or year, running each.
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
  const others = OTHER_DATES.filter(([id]) => compared || id !== "other-date")
    .map(([id, what]) => [byId<HTMLInputElement>(id).value, what] as const).filter(([v]) => isDate(v));
  return [[date, "date"] as const, ...others].map(([v, what]) => outOfRange(v, what)).find((why) => why) ?? null;
}

/** Refuse a date out of range in the error line, the input marked invalid; a date in range takes the refusal of
 * this field (`what`) away. */
function refused(input: HTMLInputElement, date: string, what = "date"): boolean {
  const why = outOfRange(date, what);
  const said = byId("error").textContent ?? "";
  if (why) showError(`${why}: nothing was run.`);
  else if (said.startsWith(`${what} `) && said.includes("is outside the range the form takes")) showError("");
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

  constructor(private readonly onChange: () => void, private readonly runAt: (date: string) => Promise<boolean>,
              private readonly onShow: (date: string) => void = () => undefined) {
    const last = today();
    this.slider.max = String(dayIndex(last));
    this.input.max = last;
    this.ticks(last);
    for (const [id, what] of OTHER_DATES) { // refused as the date is, when changed; sent only when Run or Compare is
      const other = byId<HTMLInputElement>(id);
      other.max = last;
      other.addEventListener("change", () => refused(other, isDate(other.value) ? other.value : last, what));
    }
    this.slider.addEventListener("input", () => this.show(dateOf(Number(this.slider.value))));
    this.slider.addEventListener("change", () => this.onChange());
    this.input.addEventListener("change", () => {
      if (isDate(this.input.value) && !refused(this.input, this.input.value)) { this.show(this.input.value); this.onChange(); }
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
    this.input.value = date;
    this.input.removeAttribute("aria-invalid");
    this.slider.value = String(dayIndex(date));
    byId("date-year").textContent = date.slice(0, 4);
    document.querySelectorAll<HTMLButtonElement>("button[data-step]").forEach((b) => { // "+1 y" on today moved nothing
      b.disabled = shift(date, Number(b.dataset.step)) === date; // and said nothing: a step with nowhere to go is off
    });
    this.onShow(date);
  }

  stop(): void {
    this.playing = false;
    byId("play").textContent = "Play";
  }

  /** Run every date from the range's start to its end, a month or a year apart, until done or stopped. */
  private async play(): Promise<void> {
    const from = byId<HTMLInputElement>("play-from").value || this.value;
    const to = byId<HTMLInputElement>("play-to").value || today();
    const months = Number(byId<HTMLSelectElement>("play-step").value);
    if (!isDate(from) || !isDate(to) || to < from) return;
    if (refused(this.input, from) || refused(this.input, to)) return;
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
