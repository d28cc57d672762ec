// The world map: today's borders (Natural Earth via world-atlas, bundled) or a date's historical borders
// (CShapes 2.0 from /api/borders), joined to foedus state ids, painted by role; contested land redrawn by the
// territorial view, duties hatched, the attacked place marked, small states drawn as dots so they stay
// clickable; wheel zoom, drag pan, and zoom to the belligerents. Colours are SVG attributes (not CSS), so
// the exported PNG shows exactly what is on screen.
import { geoArea, geoNaturalEarth1, geoPath, type GeoPath, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlasUrl from "world-atlas/countries-110m.json?url";
import type { PlaceRow, StateRow } from "./api";
import { historicalFeatures, projectedBounds, type BorderProps } from "./borders";
import { contestedPlaces, describe, holderOf } from "./contested";
import type { Duty } from "./duty";
import { existsOn } from "./membership";
import { COLORS, type Category, type Role } from "./roles";
import { hatchDefs, hatchMarks, SVG_NS, svgEl, titled } from "./svg";
import { WIDTH, Zoom } from "./zoom";

// Shapes without an ISO numeric id in world-atlas, and dependencies drawn in their sovereign's colour.
const BY_NAME: Record<string, string> = { Kosovo: "XKX", "N. Cyprus": "CYP", Somaliland: "SOM" };
const DEPENDENCY: Record<number, string> = { 304: "DNK", 630: "USA", 540: "FRA", 238: "GBR", 260: "FRA" };
const ANTARCTICA = 10;
const TINY = 10; // a shape smaller than this (square map units) also gets a dot, so it can be clicked
const DOT_R = 3.2;

type Props = BorderProps;

export class WorldMap {
  readonly svg: SVGSVGElement;
  private projection: GeoProjection = geoNaturalEarth1();
  private path: GeoPath = geoPath(this.projection);
  private atlas: Feature<Geometry, Props>[] = [];
  private readonly zoom: Zoom;
  private selected: string | null = null;
  private readonly layers: Record<"base" | "hatch" | "contested" | "dots" | "marker", SVGGElement>;
  private readonly byNumeric = new Map<number, string>();
  private readonly byCow = new Map<number, string>();
  private readonly mainBox = new Map<string, [number, number, number, number]>(); // each state's largest part
  private contested: { places: PlaceRow[]; view: string } = { places: [], view: "" }; // drawn by showContested
  /** A state's name in the tooltips: the map's date's (main.ts sets it; the Soviet Union in 1979). */
  nameOf = (id: string): string => this.states.get(id)?.name ?? id;

  constructor(
    host: HTMLElement,
    private readonly states: Map<string, StateRow>,
    private readonly homes: Map<string, [number, number]>,
    private readonly onPick: (stateId: string) => void,
  ) {
    // a group, not an image: its states take the keyboard's focus (mapkeys.ts)
    this.svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} 500`, role: "group", "aria-label": "world map",
      xmlns: SVG_NS, width: WIDTH, height: 500 });
    this.svg.classList.add("world");
    for (const s of states.values()) {
      if (s.iso3n !== null) this.byNumeric.set(s.iso3n, s.id);
      if (s.ccode !== null) this.byCow.set(s.ccode, s.id);
    }
    this.layers = { base: svgEl("g", { class: "countries" }), hatch: svgEl("g", { class: "hatches" }),
      contested: svgEl("g", { class: "contested" }), dots: svgEl("g", { class: "dots" }),
      marker: svgEl("g", { class: "marker" }) };
    host.replaceChildren(this.svg);
    this.zoom = new Zoom(this.svg, (el) => {
      const id = el.dataset.iso3 ?? el.dataset.holder;
      if (id) this.onPick(id);
    }, () => this.rescale());
  }

  /** Fetch the bundled atlas, fit the projection to it and draw today's borders. */
  async load(): Promise<void> {
    const topo = (await (await fetch(atlasUrl)).json()) as Topology<{ countries: GeometryCollection<Props> }>;
    const all = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, Props>;
    this.atlas = all.features.filter((f) => Number(f.id) !== ANTARCTICA);
    const collection: FeatureCollection<Geometry, Props> = { type: "FeatureCollection", features: this.atlas };
    this.projection = geoNaturalEarth1().fitWidth(WIDTH - 12, collection);
    this.path = geoPath(this.projection);
    const [[, top], [, bottom]] = this.path.bounds(collection);
    this.projection.translate([this.projection.translate()[0] + 6, this.projection.translate()[1] - top + 6]);
    const height = Math.ceil(bottom - top + 12);
    this.zoom.height = height;
    this.svg.setAttribute("height", String(height));
    this.svg.append(hatchDefs(), svgEl("rect", { x: -WIDTH, y: -height, width: 3 * WIDTH,
      height: 3 * height, fill: "#f4f8fb" }), ...Object.values(this.layers));
    this.showBorders(null);
    this.resetView();
  }

  /** Draw a date's historical borders (a CShapes TopoJSON from /api/borders), or today's for null. */
  showBorders(topology: unknown | null): void {
    const features = topology === null ? this.atlas : historicalFeatures(topology);
    this.svg.dataset.borders = topology === null ? "today" : "historical";
    this.mainBox.clear();
    this.layers.base.replaceChildren(...features.map((f) => this.countryPath(f, topology !== null)));
    this.drawDots();
  }

  private stateOf(f: Feature<Geometry, Props>, historical: boolean): string {
    if (historical) return f.properties.dependency ? "" : this.byCow.get(Number(f.properties.cowcode)) ?? "";
    const numeric = Number(f.id);
    return BY_NAME[f.properties.name ?? ""] ?? this.byNumeric.get(numeric) ?? DEPENDENCY[numeric] ?? "";
  }

  private countryPath(f: Feature<Geometry, Props>, historical: boolean): SVGPathElement {
    const id = this.stateOf(f, historical);
    const name = f.properties.name ?? "";
    const el = svgEl("path", { d: this.path(f) ?? "", class: "country", fill: COLORS.none, stroke: "#ffffff",
      "stroke-width": 0.5, "data-name": name });
    if (id) el.dataset.iso3 = id; else el.classList.add("unmapped");
    if (id) this.keepMainBox(id, f);
    const owner = f.properties.owner ? this.byCow.get(f.properties.owner) : undefined;
    const dep = f.properties.dependency && owner ? ` (dependency of ${this.nameOf(owner)})` : "";
    return titled(el, id ? `${this.nameOf(id)} (${id})` : `${name}${dep}`);
  }

  /** Remember the bounds of a state's largest polygon (zooming to Russia should not take in Chukotka's far side). */
  private keepMainBox(id: string, f: Feature<Geometry, Props>): void {
    const g = f.geometry;
    const parts: Polygon[] = g.type === "MultiPolygon" ? g.coordinates.map((c) => ({ type: "Polygon", coordinates: c }))
      : g.type === "Polygon" ? [g] : [];
    for (const part of parts) {
      const [x0, y0, x1, y1] = projectedBounds(this.projection, part);
      const prev = this.mainBox.get(id);
      if (!prev || (prev[2] - prev[0]) * (prev[3] - prev[1]) < (x1 - x0) * (y1 - y0)) this.mainBox.set(id, [x0, y0, x1, y1]);
    }
  }

  /** Dots for states with no shape on this map (microstates, states gone from today's map) and tiny shapes. */
  private drawDots(): void {
    const shaped = new Map<string, DOMRect>();
    for (const el of this.layers.base.querySelectorAll<SVGPathElement>("path[data-iso3]")) {
      const box = el.getBBox();
      const prev = shaped.get(el.dataset.iso3 ?? "");
      if (!prev || prev.width * prev.height < box.width * box.height) shaped.set(el.dataset.iso3 ?? "", box);
    }
    const dots: SVGCircleElement[] = [];
    for (const s of this.states.values()) {
      const box = shaped.get(s.id);
      let at: [number, number] | null = null;
      if (box && box.width * box.height < TINY) at = [box.x + box.width / 2, box.y + box.height / 2];
      const home = this.homes.get(s.id);
      if (!box && home) at = this.projection(home);
      if (!at) continue;
      const dot = svgEl("circle", { cx: at[0].toFixed(1), cy: at[1].toFixed(1), r: DOT_R, class: "dot",
        fill: COLORS.none, stroke: "#8a8a8a", "stroke-width": 0.4, "data-iso3": s.id });
      dots.push(titled(dot, `${this.nameOf(s.id)} (${s.id})`));
    }
    this.layers.dots.replaceChildren(...dots);
    this.rescale();
  }

  /** Draw the contested places (outlines) as the holder `view` gives them; painted with that holder's role. */
  showContested(places: PlaceRow[], view: string): void {
    this.contested = { places: contestedPlaces(places), view };
    this.layers.contested.replaceChildren(...this.contested.places.map((p) => {
      const ring = [...(p.outline ?? []), (p.outline ?? [])[0]];
      let shape: Polygon = { type: "Polygon", coordinates: [ring] };
      if (geoArea(shape) > 2 * Math.PI) shape = { type: "Polygon", coordinates: [[...ring].reverse()] }; // d3: clockwise
      const d = this.path(shape) ?? "";
      const el = svgEl("path", { d, class: "contested", fill: COLORS.none, stroke: "#444444", "stroke-width": 0.6,
        "stroke-dasharray": "2 1.5", "data-place": p.id, "data-name": p.name, "data-holder": holderOf(p, view) ?? "" });
      return titled(el, describe(p, view, this.nameOf));
    }));
  }

  /** Mark the attacked place (a gazetteer point); none for a home territory or an unknown place. */
  markPlace(place: PlaceRow | undefined): void {
    const layer = this.layers.marker;
    layer.replaceChildren();
    if (!place?.coords) return;
    const at = this.projection([place.coords.lon, place.coords.lat]);
    if (!at) return;
    const g = svgEl("g", { class: "place-marker", "data-place": place.id, transform: `translate(${at[0]},${at[1]})`,
      "data-x": at[0].toFixed(1), "data-y": at[1].toFixed(1) });
    g.append(svgEl("circle", { r: 7, fill: "none", stroke: "#ffffff", "stroke-width": 3.4 }),
      svgEl("circle", { r: 7, fill: "none", stroke: "#111111", "stroke-width": 1.6, class: "ring" }),
      svgEl("circle", { r: 2.2, fill: "#111111", class: "pin" }));
    layer.append(titled(g, `attacked here: ${place.name}`));
    this.rescale();
  }

  stateEls(): SVGGraphicsElement[] {
    return [...this.svg.querySelectorAll<SVGGraphicsElement>("path[data-iso3], circle[data-iso3]")];
  }

  /** Colour every state by its role in a result (or as not drawn in / not a state on `date`, by COW's list on the day
   * as the form refuses a state: existsOn, not the rule's partyOn; a state with a role has its role's colour), hatch
   * weak duties. */
  paint(roles: Map<string, Role>, date: string, duties: Map<string, Duty[]> = new Map()): void {
    const category = (id: string): Category =>
      roles.get(id)?.category ?? (id && existsOn(this.states.get(id), date) ? "none" : "absent");
    for (const el of this.stateEls()) {
      const id = el.dataset.iso3 ?? "";
      const c = category(id);
      el.setAttribute("fill", COLORS[c]);
      el.removeAttribute("fill-opacity");
      for (const key of ["prob", "likelihood", "bin"]) delete el.dataset[key];
      el.dataset.category = c;
      const side = roles.get(id)?.side;
      if (side) el.dataset.side = side; else delete el.dataset.side;
      if (duties.has(id)) el.dataset.duty = (duties.get(id) ?? []).join(" "); else delete el.dataset.duty;
      if (el instanceof SVGCircleElement) el.setAttribute("visibility", c === "absent" ? "hidden" : "visible");
    }
    for (const el of this.layers.contested.querySelectorAll<SVGPathElement>("path.contested")) {
      const holder = el.dataset.holder ?? "";
      const shown = holder !== "" && existsOn(this.states.get(holder), date);
      el.setAttribute("visibility", shown ? "visible" : "hidden");
      el.setAttribute("fill", COLORS[shown ? category(holder) : "none"]);
      el.removeAttribute("fill-opacity");
    }
    this.layers.hatch.replaceChildren(...hatchMarks(this.stateEls(), duties));
    this.select(this.selected);
  }

  /** Name each state's and contested place's tooltip by `nameOf` again (the map's date changed). */
  retitle(): void {
    for (const el of this.stateEls()) {
      const title = el.querySelector("title");
      if (title) title.textContent = `${this.nameOf(el.dataset.iso3 ?? "")} (${el.dataset.iso3 ?? ""})`;
    }
    const { places, view } = this.contested;
    for (const p of places) {
      const title = this.layers.contested.querySelector(`path[data-place="${CSS.escape(p.id)}"] > title`);
      if (title) title.textContent = describe(p, view, this.nameOf);
    }
  }

  /** Shade each state that may fight by its probability of joining its likelier side (the colour scale's ramp). */
  shadeByProbability(probabilities: Record<string, { attack: number; defense: number }>): void {
    for (const el of this.stateEls()) {
      const p = probabilities[el.dataset.iso3 ?? ""];
      if (!p) continue;
      const side = p.attack > p.defense ? "attack" : "defense";
      const prob = Math.max(p.attack, p.defense);
      el.setAttribute("fill", COLORS[`${side}-1`]);
      el.setAttribute("fill-opacity", (0.12 + 0.88 * prob).toFixed(3));
      el.dataset.prob = prob.toFixed(3);
    }
    for (const el of this.layers.contested.querySelectorAll<SVGPathElement>("path.contested")) {
      const holder = this.svg.querySelector<SVGElement>(`path[data-iso3="${el.dataset.holder ?? ""}"][data-prob]`);
      if (!holder || el.getAttribute("visibility") === "hidden") continue;
      el.setAttribute("fill", holder.getAttribute("fill") ?? COLORS.none);
      el.setAttribute("fill-opacity", holder.getAttribute("fill-opacity") ?? "1");
    }
  }

  /** Outline the selected state. */
  select(stateId: string | null): void {
    this.selected = stateId;
    for (const el of this.stateEls()) {
      const on = stateId !== null && el.dataset.iso3 === stateId;
      el.setAttribute("stroke", on ? "#111111" : el instanceof SVGCircleElement ? "#8a8a8a" : "#ffffff");
      el.setAttribute("stroke-width", on ? "2" : el instanceof SVGCircleElement ? "0.4" : "0.5");
      if (on && el instanceof SVGPathElement) el.parentNode?.append(el);
    }
  }

  /** Zoom to the states given (and the marked place), with a margin; the whole world when they span most of it. */
  zoomTo(ids: string[]): void {
    const boxes: { x: number; y: number; width: number; height: number }[] = [];
    for (const id of ids) {
      const main = this.mainBox.get(id);
      if (main) boxes.push({ x: main[0], y: main[1], width: main[2] - main[0], height: main[3] - main[1] });
    }
    for (const dot of this.layers.dots.querySelectorAll<SVGCircleElement>("circle[data-iso3]")) {
      if (ids.includes(dot.dataset.iso3 ?? "") && !this.mainBox.has(dot.dataset.iso3 ?? "")) boxes.push(dot.getBBox());
    }
    const marker = this.layers.marker.querySelector<SVGGElement>("g.place-marker");
    if (marker) boxes.push({ x: Number(marker.dataset.x) - 8, y: Number(marker.dataset.y) - 8, width: 16, height: 16 });
    if (boxes.length === 0) { this.resetView(); return; }
    const x0 = Math.min(...boxes.map((b) => b.x));
    const y0 = Math.min(...boxes.map((b) => b.y));
    const x1 = Math.max(...boxes.map((b) => b.x + b.width));
    const y1 = Math.max(...boxes.map((b) => b.y + b.height));
    const height = this.zoom.height;
    const w = Math.max((x1 - x0) * 1.3, ((y1 - y0) * 1.3 * WIDTH) / height, WIDTH / 8);
    if (w > WIDTH * 0.8) { this.resetView(); return; }
    const h = (w * height) / WIDTH;
    this.zoom.setView((x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h);
  }

  resetView(): void {
    this.zoom.resetView();
  }

  /** Keep dots and the place marker the same size on screen whatever the zoom. */
  private rescale(): void {
    const k = Math.max(this.zoom.view.w / WIDTH, 0.25);
    for (const p of this.svg.querySelectorAll<SVGPatternElement>("defs pattern[data-rotate]")) {
      p.setAttribute("patternTransform", `rotate(${p.dataset.rotate}) scale(${k.toFixed(3)})`);
    }
    for (const dot of this.layers.dots.querySelectorAll("circle")) dot.setAttribute("r", (DOT_R * k).toFixed(2));
    const marker = this.layers.marker.querySelector<SVGGElement>("g.place-marker");
    if (marker) {
      const t = marker.getAttribute("transform")?.replace(/ scale\([^)]*\)/, "") ?? "";
      marker.setAttribute("transform", `${t} scale(${k.toFixed(3)})`);
    }
  }
}
