// How firm a joiner's duty is: request-gated (the victim must ask), conditional (it rests on an assumption:
// a state of war, non-provocation, an unspecified ATOP condition), or not verified (the facts behind it are
// secondary, unverified or conflicting). The map hatches such states and the summary gives them badges; so too a
// state bound both ways (a conflict) one of whose clashing duties rests on facts not verified.
import type { CascadeResult, Joiner } from "./api";

export type Duty = "request" | "conditional" | "unverified";
export const DUTIES: Duty[] = ["request", "conditional", "unverified"];

export const DUTY_LABELS: Record<Duty, string> = {
  request: "request-gated: binds only if the victim asks",
  conditional: "conditional: rests on an assumption",
  unverified: "not verified: secondary or unverified facts",
};
export const DUTY_BADGES: Record<Duty, string> = { request: "R", conditional: "C", unverified: "?" };

const SCOPE = / is within the scope of /;

/** The ways a joiner's duty is less than firm (empty: verified, unconditional). */
export function dutyOf(j: Joiner): Duty[] {
  const out: Duty[] = [];
  if (j.conditions.some((c) => c.startsWith("request-gated"))) out.push("request");
  if (j.unresolved.length || j.conditions.some((c) => !c.startsWith("request-gated") && !SCOPE.test(c))) {
    out.push("conditional");
  }
  if (j.certainty !== "verified") out.push("unverified");
  return out;
}

/** Each joiner's duty flags, for the states that have any; a conflict's state is "unverified" where one of its
 * obligations or neutrality duties rests on facts not verified (foedus.engine.records.Conflict.doubted). */
export function dutiesOf(r: CascadeResult): Map<string, Duty[]> {
  const out = new Map<string, Duty[]>();
  for (const j of r.joiners) {
    const d = dutyOf(j);
    if (d.length) out.set(j.state, d);
  }
  for (const c of r.conflicts) {
    const had = out.get(c.state) ?? [];
    if (!had.includes("unverified") && [...c.obligations, ...c.neutral].some((d) => d.certainty !== "verified")) {
      out.set(c.state, [...had, "unverified"]);
    }
  }
  return out;
}
