// SVG helpers for the map and the charts: element builder, tooltips, and the hatch patterns that mark weak duties.
import { DUTIES, type Duty } from "./duty";

export const SVG_NS = "http://www.w3.org/2000/svg";

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export function titled<T extends SVGElement>(el: T, text: string): T {
  const title = svgEl("title");
  title.textContent = text;
  el.append(title);
  return el;
}

export function hatchDefs(): SVGDefsElement {
  const defs = svgEl("defs");
  const pattern = (id: string, rotate: number, ...marks: SVGElement[]) => {
    const p = svgEl("pattern", { id, width: 4, height: 4, patternUnits: "userSpaceOnUse",
      patternTransform: `rotate(${rotate})`, "data-rotate": rotate });
    p.append(...marks);
    defs.append(p);
  };
  pattern("hatch-request", 45, svgEl("rect", { width: 1.3, height: 4, fill: "#ffffff", "fill-opacity": 0.8 }));
  pattern("hatch-conditional", 0, svgEl("circle", { cx: 2, cy: 2, r: 0.85, fill: "#ffffff", "fill-opacity": 0.9 }));
  pattern("hatch-unverified", 45, svgEl("rect", { width: 0.7, height: 4, fill: "#111111", "fill-opacity": 0.55 }),
    svgEl("rect", { width: 4, height: 0.7, fill: "#111111", "fill-opacity": 0.55 }));
  return defs;
}


/** A hatched copy of each state's shape for each of its weak duties (a shallow clone: no tooltip, no tab stop). */
export function hatchMarks(els: SVGGraphicsElement[], duties: Map<string, Duty[]>): SVGElement[] {
  const marks: SVGElement[] = [];
  for (const el of els) {
    const found = duties.get(el.dataset.iso3 ?? "");
    for (const duty of DUTIES.filter((d) => found?.includes(d))) {
      const copy = el.cloneNode(false) as SVGGraphicsElement;
      for (const key of ["iso3", "category", "side", "duty", "prob", "likelihood", "bin"]) delete copy.dataset[key];
      for (const attr of ["tabindex", "role", "aria-label"]) copy.removeAttribute(attr);
      copy.setAttribute("fill", `url(#hatch-${duty})`);
      copy.setAttribute("stroke", "none");
      copy.dataset.hatchOf = el.dataset.iso3 ?? "";
      copy.dataset.hatch = duty;
      marks.push(copy);
    }
  }
  return marks;
}
