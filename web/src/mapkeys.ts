// The map by keyboard: one tab stop (a roving tabindex: only the focused state's shape is in the tab order), arrow
// keys move to the nearest state that way, a letter to the next state whose name (the map's date's) starts with
// it, letters typed quickly to the first whose name starts with them (type-ahead: "est", Estonia), Home and End to the first and last by name, Enter or Space picks the state as a click does. The focused
// state is outlined and named ("Soviet Union (RUS)") to assistive technology. A contested place drawn on the map
// (Crimea) is a stop too, named as its tooltip says (mapstops.ts).
import type { NameOf } from "./datednames";
import { h } from "./dom";
import type { WorldMap } from "./map";
import { stopKey, stopLabel, stopName, stopPick } from "./mapstops";

const STEPS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1],
  ArrowDown: [0, 1] };
const TYPED_MS = 500; // letters typed closer together than this spell one name
const KEYS_HELP = "Keyboard: Tab to the map, then arrow keys move between countries and contested places, a letter "
  + "jumps to the next of that name (type more letters quickly to spell more of it), Enter or Space picks the country (as a click does: on a contested place, the "
  + "country it is drawn as).";

export class MapKeys {
  private current: string | null = null; // the id of the state that holds the tab stop
  private focused: Element | null = null; // the shape that had the focus, in case a redraw takes it away
  private typed = ""; // the letters typed in a run (type-ahead), and when the last came
  private typedAt = -Infinity;

  constructor(private readonly map: WorldMap, private readonly name: () => NameOf,
              private readonly onPick: (id: string) => void) {
    const help = h("p", { id: "map-keys-help", class: "muted small" }, KEYS_HELP);
    map.svg.parentElement?.after(help);
    map.svg.setAttribute("aria-describedby", "map-keys-help");
    map.svg.setAttribute("tabindex", "-1"); // the map itself is no tab stop (Chromium makes it one): its states are
    map.svg.addEventListener("keydown", (ev) => this.onKey(ev));
    map.svg.addEventListener("focusin", (ev) => { this.focused = ev.target as Element; });
    map.svg.addEventListener("focusout", (ev) => {
      if (ev.relatedTarget) this.focused = null;
      // to elsewhere on the page (a state brought forward loses the focus to none a moment: not that)
      if (ev.relatedTarget instanceof Node && !map.svg.contains(ev.relatedTarget)) this.typed = "";
    });
    // the map redraws its shapes (borders of a date, hatching, the selection brought forward): keep one tab stop
    new MutationObserver(() => this.keepStop()).observe(map.svg, { childList: true, subtree: true });
    this.keepStop();
  }

  /** One shape per state, the one focus goes to: a visible dot (a state too small to see), else its largest shape;
   * and each contested place drawn. */
  private stops(): Map<string, SVGGraphicsElement> {
    const out = new Map<string, SVGGraphicsElement>();
    const rank = (el: SVGGraphicsElement) => {
      const b = el.getBBox();
      return el instanceof SVGCircleElement ? Infinity : b.width * b.height;
    };
    const places = this.map.svg.querySelectorAll<SVGGraphicsElement>("path.contested[data-place]");
    for (const el of [...this.map.stateEls(), ...places]) {
      // the dot of a state not in the system on the date, a place whose holder is not
      if (el.getAttribute("visibility") === "hidden") continue;
      const key = stopKey(el) ?? "";
      const prev = out.get(key);
      if (!prev || rank(el) > rank(prev)) out.set(key, el);
    }
    return out;
  }

  /** The ids in name order (names of the form's date). */
  private byName(stops: Map<string, SVGGraphicsElement>): string[] {
    const name = this.name();
    const named = (id: string) => stopName(id, stops.get(id), name);
    return [...stops.keys()].sort((a, b) => named(a).localeCompare(named(b)));
  }

  /** Put the tab stop on the current state's shape (the first by name at first), named as on the form's date, and
   * on no other shape; give it the focus back when a redraw took the focus from the map. */
  private keepStop(): void {
    const stops = this.stops();
    const id = this.current !== null && stops.has(this.current) ? this.current : this.byName(stops)[0];
    const el = id === undefined ? undefined : stops.get(id);
    for (const other of this.map.svg.querySelectorAll("[tabindex]")) if (other !== el) this.release(other);
    if (!el || id === undefined) return;
    this.current = id;
    this.hold(el);
    const lost = this.focused !== null && this.focused !== el && !this.focused.isConnected;
    if (lost && (document.activeElement === null || document.activeElement === document.body)) {
      el.focus({ preventScroll: true });
    }
  }

  private release(el: Element): void {
    for (const attr of ["tabindex", "role", "aria-label"]) el.removeAttribute(attr);
  }

  private hold(el: SVGGraphicsElement): void {
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "button");
    el.setAttribute("aria-label", stopLabel(stopKey(el) ?? "", el, this.name()));
  }

  /** Move the tab stop and the focus to `id`'s shape, brought in front of its neighbours so its outline shows, and
   * on screen. */
  private moveTo(id: string, stops: Map<string, SVGGraphicsElement>): void {
    const el = stops.get(id);
    if (!el) return;
    for (const other of this.map.svg.querySelectorAll("[tabindex]")) if (other !== el) this.release(other);
    this.current = id;
    this.hold(el);
    el.parentNode?.append(el);
    el.focus({ preventScroll: true });
    const v = this.map.svg.viewBox.baseVal;
    const b = el.getBBox();
    if (b.x + b.width < v.x || b.x > v.x + v.width || b.y + b.height < v.y || b.y > v.y + v.height) {
      this.map.resetView(); // zoomed in elsewhere: show the whole world, so the focused state is on screen
    }
  }

  private onKey(ev: KeyboardEvent): void {
    const from = ev.target as SVGGraphicsElement;
    const id = stopKey(from);
    if (!id || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (!(ev.key.length === 1 && /\p{L}/u.test(ev.key))) this.typed = ""; // not a letter: a new word after it
    const stops = this.stops();
    let next: string | undefined;
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      const pick = stopPick(from);
      if (pick) this.onPick(pick);
      if (from.isConnected) this.moveTo(id, this.stops()); // picking outlines the state, which redraws it
      return;
    }
    if (ev.key in STEPS) next = this.nearest(id, STEPS[ev.key], stops);
    else if (ev.key === "Home" || ev.key === "End") next = this.byName(stops).at(ev.key === "Home" ? 0 : -1);
    else if (ev.key.length === 1 && /\p{L}/u.test(ev.key)) next = this.typeAhead(id, ev.key, ev.timeStamp, stops);
    else return;
    ev.preventDefault();
    if (next) this.moveTo(next, stops);
  }

  /** The state nearest `id` in direction `step` (centre to centre, straying off the line counting thrice). */
  private nearest(id: string, [sx, sy]: [number, number], stops: Map<string, SVGGraphicsElement>): string | undefined {
    const centre = (el: SVGGraphicsElement): [number, number] => {
      const b = el.getBBox();
      return [b.x + b.width / 2, b.y + b.height / 2];
    };
    const [x0, y0] = centre(stops.get(id) as SVGGraphicsElement);
    let best: [number, string] | null = null;
    for (const [other, el] of stops) {
      const [x, y] = centre(el);
      const along = (x - x0) * sx + (y - y0) * sy;
      if (other === id || along <= 0) continue;
      const cost = along + 3 * Math.abs((x - x0) * sy - (y - y0) * sx);
      if (!best || cost < best[0]) best = [cost, other];
    }
    return best?.[1];
  }

  /** Type-ahead, as in a list box: letters typed less than TYPED_MS apart spell the start of a name ("est": Estonia,
   * where "e" alone stops on East Jerusalem, the first stop by name after Afghanistan); one letter, or the same
   * letter again and again, goes to the next stop whose name starts with it. Letters no name starts with, a key
   * other than a letter, or the focus leaving the map start a new word. */
  private typeAhead(id: string, letter: string, at: number, stops: Map<string, SVGGraphicsElement>): string | undefined {
    const typed = at - this.typedAt < TYPED_MS ? this.typed + letter.toLocaleLowerCase() : letter.toLocaleLowerCase();
    this.typedAt = at;
    const same = [...typed].every((c) => c === typed[0]);
    const next = same ? this.nextStarting(id, typed[0], false, stops) : this.nextStarting(id, typed, true, stops);
    this.typed = next === undefined && !same ? "" : typed; // no name starts so: this letter starts a new word
    return next ?? (same ? undefined : this.typeAhead(id, letter, at, stops));
  }

  /** The next stop after `id` in name order (or `id` itself first, when `from` holds) whose name starts with
   * `start`, from the top again after the last. */
  private nextStarting(id: string, start: string, from: boolean, stops: Map<string, SVGGraphicsElement>): string | undefined {
    const order = this.byName(stops);
    const name = this.name();
    const at = order.indexOf(id) + (from ? 0 : 1);
    const rotated = [...order.slice(at), ...order.slice(0, at)];
    return rotated.find((other) => stopName(other, stops.get(other), name).toLocaleLowerCase().startsWith(start));
  }
}
