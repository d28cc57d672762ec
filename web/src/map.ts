// The world map: Natural Earth shapes (world-atlas, bundled), joined to foedus state ids by ISO numeric code,
// painted by role, clickable, with wheel zoom and drag pan. Colours are SVG attributes (not CSS), so the
// exported PNG shows exactly what is on screen.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlasUrl from "world-atlas/countries-110m.json?url";
import type { StateRow } from "./api";
import { COLORS, type Category, type Role } from "./roles";

const SVG_NS = "http://www.w3.org/2000/svg";
const WIDTH = 960;
// Shapes without an ISO numeric id in world-atlas, and dependencies drawn in their sovereign's colour.
const BY_NAME: Record<string, string> = { Kosovo: "XKX", "N. Cyprus": "CYP", Somaliland: "SOM" };
const DEPENDENCY: Record<number, string> = { 304: "DNK", 630: "USA", 540: "FRA", 238: "GBR", 260: "FRA" };
const ANTARCTICA = 10;

type Props = { name: string };

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Whether the registry counts the state as a member of the state system on `date` (unknown counts as yes). */
export function existsOn(state: StateRow | undefined, date: string): boolean {
  if (!state || state.spells.length === 0) return true;
  return state.spells.some(([start, end]) => start <= date && (end === null || date <= end));
}

export class WorldMap {
  readonly svg: SVGSVGElement;
  private readonly paths: SVGPathElement[] = [];
  private height = 500;
  private view = { x: 0, y: 0, w: WIDTH, h: 500 };
  private selected: string | null = null;

  constructor(
    host: HTMLElement,
    private readonly states: Map<string, StateRow>,
    private readonly onPick: (stateId: string) => void,
  ) {
    this.svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} ${this.height}`, role: "img", "aria-label": "world map",
      xmlns: SVG_NS, width: WIDTH, height: this.height });
    this.svg.classList.add("world");
    host.replaceChildren(this.svg);
    this.enableZoom();
  }

  /** Fetch the bundled atlas and draw one path per country. */
  async load(): Promise<void> {
    const topo = (await (await fetch(atlasUrl)).json()) as Topology<{ countries: GeometryCollection<Props> }>;
    const all = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, Props>;
    const shown = all.features.filter((f) => Number(f.id) !== ANTARCTICA);
    const collection: FeatureCollection<Geometry, Props> = { type: "FeatureCollection", features: shown };
    const projection = geoNaturalEarth1().fitWidth(WIDTH - 12, collection);
    const path = geoPath(projection);
    const [[, top], [, bottom]] = path.bounds(collection);
    projection.translate([projection.translate()[0] + 6, projection.translate()[1] - top + 6]);
    this.height = Math.ceil(bottom - top + 12);
    this.svg.setAttribute("height", String(this.height));
    this.setView(0, 0, WIDTH, this.height);
    const byNumeric = new Map<number, string>();
    for (const s of this.states.values()) if (s.iso3n !== null) byNumeric.set(s.iso3n, s.id);
    this.svg.append(svgEl("rect", { x: -WIDTH, y: -this.height, width: 3 * WIDTH, height: 3 * this.height,
      fill: "#f4f8fb" }));
    const layer = svgEl("g", { class: "countries" });
    for (const f of shown) layer.append(this.countryPath(f, path(f) ?? "", byNumeric));
    this.svg.append(layer);
  }

  private countryPath(f: Feature<Geometry, Props>, d: string, byNumeric: Map<number, string>): SVGPathElement {
    const numeric = Number(f.id);
    const id = BY_NAME[f.properties.name] ?? byNumeric.get(numeric) ?? DEPENDENCY[numeric] ?? "";
    const el = svgEl("path", { d, class: "country", fill: COLORS.none, stroke: "#ffffff", "stroke-width": 0.5,
      "data-iso3": id, "data-name": f.properties.name });
    if (!id) el.classList.add("unmapped");
    const title = svgEl("title");
    title.textContent = id ? `${this.states.get(id)?.name ?? f.properties.name} (${id})` : f.properties.name;
    el.append(title);
    this.paths.push(el);
    return el;
  }

  /** Colour every country by its role in a result (or as not drawn in / not a state on `date`). */
  paint(roles: Map<string, Role>, date: string): void {
    for (const el of this.paths) {
      const id = el.dataset.iso3 ?? "";
      const role = roles.get(id);
      const category: Category = role?.category ?? (id && existsOn(this.states.get(id), date) ? "none" : "absent");
      el.setAttribute("fill", COLORS[category]);
      el.removeAttribute("fill-opacity");
      delete el.dataset.prob;
      el.dataset.category = category;
      if (role?.side) el.dataset.side = role.side; else delete el.dataset.side;
    }
    this.select(this.selected);
  }

  /** Shade each state that may fight by its probability of joining its likelier side (opacity = probability). */
  shadeByProbability(probabilities: Record<string, { attack: number; defense: number }>): void {
    for (const el of this.paths) {
      const p = probabilities[el.dataset.iso3 ?? ""];
      if (!p) continue;
      const side = p.attack > p.defense ? "attack" : "defense";
      const prob = Math.max(p.attack, p.defense);
      el.setAttribute("fill", COLORS[`${side}-1`]);
      el.setAttribute("fill-opacity", (0.12 + 0.88 * prob).toFixed(3));
      el.dataset.prob = prob.toFixed(3);
    }
  }

  /** Outline the selected state. */
  select(stateId: string | null): void {
    this.selected = stateId;
    for (const el of this.paths) {
      const on = stateId !== null && el.dataset.iso3 === stateId;
      el.setAttribute("stroke", on ? "#111111" : "#ffffff");
      el.setAttribute("stroke-width", on ? "2" : "0.5");
      if (on) el.parentNode?.append(el);
    }
  }

  private enableZoom(): void {
    let drag: { x: number; y: number; vx: number; vy: number; moved: boolean } | null = null;
    const scale = () => this.view.w / this.svg.getBoundingClientRect().width;
    this.svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const rect = this.svg.getBoundingClientRect();
      const factor = ev.deltaY < 0 ? 0.8 : 1.25;
      const w = Math.min(WIDTH, Math.max(WIDTH / 12, this.view.w * factor));
      const h = (w * this.height) / WIDTH;
      const px = this.view.x + ((ev.clientX - rect.left) / rect.width) * this.view.w;
      const py = this.view.y + ((ev.clientY - rect.top) / rect.height) * this.view.h;
      this.setView(px - ((px - this.view.x) * w) / this.view.w, py - ((py - this.view.y) * h) / this.view.h, w, h);
    }, { passive: false });
    this.svg.addEventListener("pointerdown", (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, vx: this.view.x, vy: this.view.y, moved: false };
    });
    this.svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x;
      const dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
      if (drag.moved) this.setView(drag.vx - dx * scale(), drag.vy - dy * scale(), this.view.w, this.view.h);
    });
    this.svg.addEventListener("pointerup", () => { setTimeout(() => { drag = null; }, 0); });
    this.svg.addEventListener("click", (ev) => {
      if (drag?.moved) return;
      const target = ev.target as Element;
      const id = target instanceof SVGPathElement ? target.dataset.iso3 : undefined;
      if (id) this.onPick(id);
    });
    this.svg.addEventListener("dblclick", () => this.setView(0, 0, WIDTH, this.height));
  }

  private setView(x: number, y: number, w: number, h: number): void {
    const cx = Math.min(Math.max(x, -w / 2), WIDTH - w / 2);
    const cy = Math.min(Math.max(y, -h / 2), this.height - h / 2);
    this.view = { x: cx, y: cy, w, h };
    this.svg.setAttribute("viewBox", `${cx} ${cy} ${w} ${h}`);
  }
}
