// The CSV export of a cascade (exporters.ts exportCsv), one row per party and finding, kept apart from the page (no
// DOM) so that tests/test_said_parity.py can run it in node beside the CLI's CSV: its columns and rows are those of
// `foedus cascade --format csv` (foedus.engine.finding_rows CASCADE_COLUMNS, docs/outputs.md); its `instrument`
// column says what binds a joiner (treaty, executive_order, ...), a neutrality, consultation or violation row's, as
// its JSON record does, and a conflict row's, its treaties' (conflictInstruments).
import type { CascadeResult, CertaintyReason, Conflict } from "./api";
import { rested, whatIfOf } from "./whatifwords";

// a text cell that starts with = + - @, a tab or a carriage return is led by ' (no formula when opened in a
// spreadsheet), a number written as it is: the CLI's CSV's rule (foedus.cli.listing.spreadsheet_safe); one that
// holds a quote, a comma, a newline or a carriage return is quoted (a bare carriage return ends the row for a
// reader), as the CLI's lines are (foedus.cli.listing.csv_line)
function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  const safe = typeof v === "string" && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A conflict's instruments, one for each of its treaties in the order its `treaties` names them, as its duties say
 * them ("political_statement treaty"): the CSV row's `instrument` beside its `treaty` column. */
export function conflictInstruments(c: Pick<Conflict, "treaties" | "obligations" | "neutral">): string {
  const instruments = new Map([...c.obligations, ...c.neutral].map((d) => [d.treaty, d.instrument]));
  return c.treaties.map((t) => instruments.get(t) ?? "treaty").join(" ");
}

/** The CSV's columns, in their order, as the CLI's CSV has them (foedus.engine.finding_rows CASCADE_COLUMNS): a
 * what-if run's `what_if` and `rests_on_what_if` last. */
export const CSV_COLUMNS = ["state", "ccode", "name", "role", "side", "round", "treaty", "instrument", "article",
  "strength", "kind", "attacked", "by", "place", "target_kind", "certainty", "conditions", "what_if",
  "rests_on_what_if"];

/** The result as CSV: a header, then one row per attacker, target and finding, each cell safe in a spreadsheet; a
 * what-if run's changes in a `what_if` column on every row (whatIfOf), as the CLI's CSV says them, so that its
 * rows do not read as the treaties as encoded, and in a last `rests_on_what_if` column those the row's finding rests
 * on (its reasons', `rested`: a joiner's primary obligation's, a conflict's duties'). */
export function csvOf(r: CascadeResult, names: (id: string) => string): string {
  const whatIf = whatIfOf(r.what_if ?? []);
  const head = whatIf ? CSV_COLUMNS : CSV_COLUMNS.slice(0, -2);
  const rows: unknown[][] = [];
  const reasons: CertaintyReason[][] = [...r.attackers, ...r.targets].map(() => []); // each row's finding's reasons
  r.attackers.forEach((s) => rows.push([s, "attacker", "attack", 0]));
  r.targets.forEach((s) => rows.push([s, "target", "defense", 0]));
  for (const j of r.joiners) {
    const b = j.because;
    rows.push([j.state, "joiner", j.side, j.round, j.treaty, j.instrument, j.article, j.strength, j.kind,
      b.attacked, b.by, b.place, b.target_kind, j.certainty, j.conditions.join("; ")]);
  }
  // a neutrality duty's, a consultation's and a violation's records say their instrument (a forum's duty to consult
  // is no treaty's), a conflict's duties theirs, one for each of its treaties in their order; a withheld leg's says
  // none: its column is empty, as it is for the original parties
  r.conflicts.forEach((c) => rows.push([c.state, "conflict", "", c.round, c.treaties.join(" "),
    conflictInstruments(c), "", "", "", "", "", "", "", "", c.reason]));
  r.neutral.forEach((n) => rows.push([n.state, "neutral", "", "", n.treaty, n.instrument, n.article, "", "neutrality",
    n.because.attacked, n.because.by, n.because.place, n.because.target_kind, n.certainty, `toward ${n.toward}`]));
  r.consultations.forEach((c) => rows.push([c.state, "consultation", "", "", c.treaty, c.instrument, c.article, "",
    "consultation", c.because.attacked, c.because.by, c.because.place, c.because.target_kind, c.certainty,
    `with ${c.with}`]));
  r.violations.forEach((v) => rows.push([v.state, "violation", "", "", v.treaty, v.instrument, v.article, "", v.kind,
    v.because.attacked, v.because.by, v.because.place, v.because.target_kind, v.certainty, `against ${v.against}`]));
  r.withheld.forEach((w) => rows.push([w.state, "withheld", "", "", w.treaty, "", w.article, "", "", "", "", "",
    "", w.certainty, w.reason]));
  reasons.push(...r.joiners.map((j) => j.certainty_reasons),
    ...r.conflicts.map((c) => [...c.obligations, ...c.neutral].flatMap((d) => d.certainty_reasons)),
    ...[...r.neutral, ...r.consultations, ...r.violations, ...r.withheld].map((f) => f.certainty_reasons));
  // the state's COW code and name after its id, every row as long as the header (as the CLI's), a what-if run's
  // changes, then those its finding rests on, last
  const cells = rows.map(([s, ...rest], i) => {
    const row = [s, r.ccodes[String(s)] ?? "", names(String(s)), ...rest];
    const pad = Array(head.length - row.length - (whatIf ? 2 : 0)).fill("");
    return whatIf ? [...row, ...pad, whatIf, whatIfOf([...new Set(rested(reasons[i]))]) ?? ""] : [...row, ...pad];
  });
  return [head, ...cells].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
