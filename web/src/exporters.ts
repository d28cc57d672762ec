// Exports of the current result: JSON (the API's answer as is), CSV (one row per finding) and PNG
// (the map as shown, with a title and legend, drawn from serialised SVG onto a canvas; no server round-trip).
import type { CascadeResult } from "./api";
import { download } from "./dom";
import { svgEl } from "./map";
import { COLORS, LABELS, legendCategories, type Role } from "./roles";

function stem(r: CascadeResult): string {
  return `foedus-${r.attackers.join("+")}-${r.targets.join("+")}-${r.date}-${r.reading}`;
}

export function exportJson(r: CascadeResult): void {
  download(`${stem(r)}.json`, new Blob([JSON.stringify(r, null, 2)], { type: "application/json" }));
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s; // no formulas when opened in a spreadsheet
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvOf(r: CascadeResult, names: (id: string) => string): string {
  const head = ["state", "name", "role", "side", "round", "treaty", "article", "strength", "kind", "attacked", "by",
    "place", "target_kind", "certainty", "conditions"];
  const rows: unknown[][] = [];
  r.attackers.forEach((s) => rows.push([s, names(s), "attacker", "attack", 0]));
  r.targets.forEach((s) => rows.push([s, names(s), "target", "defense", 0]));
  for (const j of r.joiners) {
    const b = j.because;
    rows.push([j.state, names(j.state), "joiner", j.side, j.round, j.treaty, j.article, j.strength, j.kind, b.attacked,
      b.by, b.place, b.target_kind, j.certainty, j.conditions.join("; ")]);
  }
  r.conflicts.forEach((c) => rows.push([c.state, names(c.state), "conflict", "", c.round, c.treaties.join(" "), "", "", "",
    "", "", "", "", "", c.reason]));
  r.neutral.forEach((n) => rows.push([n.state, names(n.state), "neutral", "", "", n.treaty, n.article, "", "neutrality",
    n.because.attacked, n.because.by, n.because.place, n.because.target_kind, "", `toward ${n.toward}`]));
  r.consultations.forEach((c) => rows.push([c.state, names(c.state), "consultation", "", "", c.treaty, c.article, "",
    "consultation", c.because.attacked, c.because.by, c.because.place, c.because.target_kind, "", `with ${c.with}`]));
  r.violations.forEach((v) => rows.push([v.state, names(v.state), "violation", "", "", v.treaty, v.article, "", v.kind,
    v.because.attacked, v.because.by, v.because.place, v.because.target_kind, "", `against ${v.against}`]));
  r.withheld.forEach((w) => rows.push([w.state, names(w.state), "withheld", "", "", w.treaty, w.article, "", "", "", "", "",
    "", "", w.reason]));
  return [head, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function exportCsv(r: CascadeResult, names: (id: string) => string): void {
  download(`${stem(r)}.csv`, new Blob([csvOf(r, names)], { type: "text/csv" }));
}

/** The map as shown plus a title and the legend, as one standalone SVG document. */
function posterSvg(map: SVGSVGElement, roles: Map<string, Role>, title: string): string {
  const width = 960;
  const mapHeight = Math.round((width * map.viewBox.baseVal.height) / map.viewBox.baseVal.width) || 500;
  const categories = legendCategories(roles);
  const legendRows = Math.ceil(categories.length / 4);
  const height = 40 + mapHeight + 12 + legendRows * 22 + 10;
  const out = svgEl("svg", { xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${width} ${height}` });
  out.append(svgEl("rect", { width, height, fill: "#ffffff" }));
  const heading = svgEl("text", { x: 12, y: 26, "font-family": "sans-serif", "font-size": 17, fill: "#111111" });
  heading.textContent = title;
  out.append(heading);
  const inner = map.cloneNode(true) as SVGSVGElement;
  inner.setAttribute("x", "0");
  inner.setAttribute("y", "40");
  inner.setAttribute("width", String(width));
  inner.setAttribute("height", String(mapHeight));
  out.append(inner);
  categories.forEach((c, i) => {
    const x = 12 + (i % 4) * 236;
    const y = 40 + mapHeight + 12 + Math.floor(i / 4) * 22;
    out.append(svgEl("rect", { x, y, width: 14, height: 14, fill: COLORS[c], stroke: "#555555", "stroke-width": 0.5 }));
    const label = svgEl("text", { x: x + 20, y: y + 12, "font-family": "sans-serif", "font-size": 12, fill: "#222222" });
    label.textContent = LABELS[c];
    out.append(label);
  });
  return new XMLSerializer().serializeToString(out);
}

export async function exportPng(map: SVGSVGElement, r: CascadeResult, roles: Map<string, Role>, title: string): Promise<void> {
  const text = posterSvg(map, roles, title);
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the map could not be drawn"));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = img.width * scale;
    canvas.height = img.height * scale;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no canvas");
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("PNG encoding failed");
    download(`${stem(r)}.png`, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
