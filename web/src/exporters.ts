// Exports of the current result: JSON (the API's answer as is), CSV (one row per finding) and PNG
// (the map as shown, with a title, legend and a caption naming the scenario, date, reading, foedus version and
// data versions, a what-if run's note first, drawn from serialised SVG onto a canvas; no server round-trip).
import type { CascadeResult } from "./api";
import { csvOf } from "./csv";
import { download } from "./dom";
import { svgEl } from "./svg";
import { DUTIES, DUTY_LABELS, type Duty } from "./duty";
import { COLORS, LABELS, legendCategories, type Role } from "./roles";
import { DATA_END_NOTE, pastReview } from "./reviewday";
import { settingsSaid } from "./summaryhead";
import { whatIfWorld } from "./whatifwords";

function stem(r: CascadeResult): string {
  return `foedus-${r.attackers.join("+")}-${r.targets.join("+")}-${r.date}-${r.reading}`;
}

export function exportJson(r: CascadeResult): void {
  download(`${stem(r)}.json`, new Blob([JSON.stringify(r, null, 2)], { type: "application/json" }));
}

export function exportCsv(r: CascadeResult, names: (id: string) => string): void {
  download(`${stem(r)}.csv`, new Blob([csvOf(r, names)], { type: "text/csv" }));
}

/** What the PNG's caption says: a what-if run's note first (its changes, and that what rests on them is
 * hypothetical: whatIfWorld, made from the result's `what_if`, not read out of its notes), so that a picture of an invented world does not read as the treaties as encoded; then
 * the scenario, date, reading, foedus version, data versions and the borders shown. The date is marked after the
 * treaty set's review day and the settings not at their defaults said as the summary's first line and `foedus cascade`'s
 * header say them (summaryhead.ts settingsSaid: "an incursion (not an armed attack), help not requested"), the mark's
 * note after them; it said
 * "territorial view recognized; severity incursion" and left help not requested, membership by signature, ATOP's
 * conditions, council decisions and non-military aid unsaid. */
export function captionOf(r: CascadeResult, scenario: string, version: string, borders: string,
                          versions: Record<string, string> = {}): string[] {
  const data = r.datasets.length ? r.datasets.map((d) => (versions[d] ? `${d} ${versions[d]}` : d)).join(", ")
    : "none loaded";
  const whatIf = whatIfWorld(r.what_if ?? []);
  return [...(whatIf ? [whatIf] : []), `Scenario: ${scenario}`,
    `Date ${r.date}${pastReview(r.date)}; ${r.reading} reading${settingsSaid(r).map((w) => `; ${w}`).join("")}`
      + `${r.ongoing_since ? `; attacks ongoing since ${r.ongoing_since}` : ""}.`,
    // the note the date's mark points to ("see the note"), as the CLI's answer ends with it
    ...(r.notes.includes(DATA_END_NOTE) ? [`Note: ${DATA_END_NOTE}.`] : []),
    `foedus ${version}; data: ${data}. ${borders}`];
}

/** Lines broken at spaces to at most `chars` characters each (SVG text does not wrap: a longer line was cut off at
 * the picture's edge); a single longer word stays whole. */
function wrapped(lines: string[], chars: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let current = "";
    for (const word of line.split(" ")) {
      if (current && `${current} ${word}`.length > chars) { out.push(current); current = word; }
      else current = current ? `${current} ${word}` : word;
    }
    out.push(current);
  }
  return out;
}

/** The map as shown plus a title, the legend and a caption, as one standalone SVG document; the title and the
 * caption wrap to the width (about 10 px a character at 17 px, 7 px at 12 px); `whatIf`, a what-if run's note that
 * opens the caption (captionOf), drawn in the red of a warning. */
function posterSvg(map: SVGSVGElement, roles: Map<string, Role>, fullTitle: string, fullCaption: string[],
                   duties: Map<string, Duty[]>, whatIf: string | null, legend?: [string, string][]): string {
  const width = 960;
  const titles = wrapped([fullTitle], 90);
  const caption = wrapped(fullCaption, 130);
  const marked = whatIf !== null && fullCaption[0] === whatIf ? wrapped([whatIf], 130).length : 0; // the world is invented
  const mapTop = 40 + (titles.length - 1) * 22;
  const mapHeight = Math.round((width * map.viewBox.baseVal.height) / map.viewBox.baseVal.width) || 500;
  const present = new Set([...duties.values()].flat());
  const entries: [string, string][] = legend ?? [
    ...legendCategories(roles).map((c) => [COLORS[c], LABELS[c]] as [string, string]),
    ...DUTIES.filter((d) => present.has(d)).map((d) => [`url(#hatch-${d})`, DUTY_LABELS[d]] as [string, string])];
  const legendRows = Math.ceil(entries.length / 3);
  const legendTop = mapTop + mapHeight + 12;
  const captionTop = legendTop + legendRows * 22 + 8;
  const height = captionTop + caption.length * 17 + 8;
  const out = svgEl("svg", { xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${width} ${height}` });
  out.append(svgEl("rect", { width, height, fill: "#ffffff" }));
  const text = (x: number, y: number, size: number, fill: string, content: string) => {
    const t = svgEl("text", { x, y, "font-family": "sans-serif", "font-size": size, fill });
    t.textContent = content;
    out.append(t);
  };
  titles.forEach((line, i) => text(12, 26 + i * 22, 17, "#111111", line));
  const inner = map.cloneNode(true) as SVGSVGElement;
  inner.setAttribute("x", "0");
  inner.setAttribute("y", String(mapTop));
  inner.setAttribute("width", String(width));
  inner.setAttribute("height", String(mapHeight));
  out.append(inner);
  entries.forEach(([fill, label], i) => {
    const x = 12 + (i % 3) * 316;
    const y = legendTop + Math.floor(i / 3) * 22;
    if (fill.startsWith("url")) out.append(svgEl("rect", { x, y, width: 14, height: 14, fill: COLORS["defense-1"] }));
    out.append(svgEl("rect", { x, y, width: 14, height: 14, fill, stroke: "#555555", "stroke-width": 0.5 }));
    text(x + 20, y + 12, 12, "#222222", label);
  });
  caption.forEach((line, i) => text(12, captionTop + 12 + i * 17, 12, i < marked ? "#b00020" : "#333333", line));
  return new XMLSerializer().serializeToString(out);
}

/** The map as a PNG; `legend` replaces the legal legend's entries (the likelihood map's scale). */
export async function exportPng(map: SVGSVGElement, r: CascadeResult, roles: Map<string, Role>, title: string,
                                caption: string[], duties: Map<string, Duty[]>,
                                legend?: [string, string][]): Promise<void> {
  const text = posterSvg(map, roles, title, caption, duties, whatIfWorld(r.what_if ?? []), legend);
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
