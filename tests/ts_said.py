"""Run the web page's wording functions (web/src/said.ts, web/src/wording.ts; said.ts reads web/src/citesaid.ts, a
provision's citation and tag, web/src/membership.ts,
contract.ts, web/src/titles.ts (a named ATOP alliance's title), web/src/warended.ts, a war's pause and ended duty,
and web/src/warsince.ts, since when a war's bound state is bound;
web/src/lapsedsaid.ts, an ongoing summary's lapsed binding), a what-if run's words (web/src/whatifwords.ts), a
comparison's treaty changes (web/src/comparesaid.ts), its CSV export (web/src/csv.ts), its treaty list's names
(web/src/listed.ts), its "Why?" sentences for a neutrality duty, a consultation or a violation (web/src/findings.ts),
a conflict's line (web/src/conflictsaid.ts), the likelihood panel's base-rate standing (web/src/standing.ts), the
form's refusal of a state out of the state system (web/src/membership.ts) and the network view's ties
(web/src/ties.ts, which reads web/src/roles.ts), a treaty's place sets (web/src/placesets.ts), the summary's mark
of a day after the treaty set's review day (web/src/reviewday.ts), a place in words (web/src/placesaid.ts) and a
war file's note on a state (web/src/warrecorded.ts), an invocation's mark after a scenario's date
(web/src/invocationafter.ts), a Monte Carlo table's note on its intervals (web/src/mcsaid.ts), the summary's first
line (web/src/summaryhead.ts) and the date a war's replay opens at (web/src/waropen.ts)
in node, for the parity tests: each module is transpiled with the
web's own TypeScript (web/node_modules, `cd web && npm ci`) and called on JSON records. Without node or that
TypeScript the tests that use it skip, saying which is missing (a clean clone, as in CI, has no web/node_modules);
with FOEDUS_REQUIRE_NODE=1 they fail instead, so that a run meant to check the parity cannot pass by skipping it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
TYPESCRIPT = ROOT / "web" / "node_modules" / "typescript"

# {"$names": {"state": {...}, "place": {...}}} stands for explain.ts's Names, {"$lookup": {...}} for a name function
RUNNER = """
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [tsPath, srcDir, outDir] = process.argv.slice(2);
const ts = createRequire(import.meta.url)(tsPath);
const mods = {};
for (const name of ["contract", "citesaid", "wording", "membership", "warended", "said", "whatifwords", "csv", "listed",
  "findings", "roles", "conflictsaid", "ties", "standing", "lapsedsaid", "comparesaid", "titles", "helpsaid",
  "warsince", "placesets", "reviewday", "placesaid", "warrecorded", "warsides", "invocationafter", "mcsaid",
  "summaryhead", "waropen"]) {
  const src = readFileSync(`${srcDir}/${name}.ts`, "utf8");
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022 } }).outputText.replace(/from "\\.\\/(\\w+)"/g, 'from "./$1.mjs"');
  writeFileSync(`${outDir}/${name}.mjs`, js);
}
for (const name of ["wording", "membership", "warended", "said", "whatifwords", "csv", "listed", "findings",
  "conflictsaid", "ties", "standing", "lapsedsaid", "comparesaid", "helpsaid", "placesets", "reviewday", "placesaid",
  "warrecorded", "warsides", "invocationafter", "mcsaid", "summaryhead", "waropen"]) {
  mods[name] = await import(pathToFileURL(`${outDir}/${name}.mjs`).href);
}
const look = (o) => (id) => o?.[id] ?? id;
const arg = (a) => a?.$names ? { state: look(a.$names.state), place: look(a.$names.place),
    home: a.$names.home ? (id) => a.$names.home[id] : undefined }
  : a?.$lookup ? look(a.$lookup) : a;
const calls = JSON.parse(readFileSync(0, "utf8"));
const said = (v, args) => (typeof v === "function" ? v(...args.map(arg)) : v); // a constant: its value
process.stdout.write(JSON.stringify(calls.map(([mod, fn, args]) => said(mods[mod][fn], args))));
"""


REQUIRE = "FOEDUS_REQUIRE_NODE"


def node_or_skip() -> str:
    """node's path; where node or the web's TypeScript is missing, a skip that says which and how to get it, or a
    failure where FOEDUS_REQUIRE_NODE=1 demands the parity tests run."""
    node = shutil.which("node")
    if node is not None and TYPESCRIPT.is_dir():
        return node
    missing = "node is not on PATH" if node is None else f"{TYPESCRIPT.relative_to(ROOT)} is missing (cd web && npm ci)"
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"the web/CLI parity tests cannot run: {missing}, and {REQUIRE}=1 requires them")
    pytest.skip(f"the web/CLI parity tests need node and the web's TypeScript: {missing} ({REQUIRE}=1 makes this fail)")


def run_ts(calls: list[tuple[str, str, list[Any]]]) -> list[Any]:
    """Each call (module, function, arguments) made in node on the web's TypeScript source; their results."""
    node = node_or_skip()
    with tempfile.TemporaryDirectory() as tmp:
        runner = Path(tmp) / "run.mjs"
        runner.write_text(RUNNER, encoding="utf-8")
        done = subprocess.run([node, str(runner), str(TYPESCRIPT), str(ROOT / "web" / "src"), tmp],
                              input=json.dumps(calls), capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    out: list[Any] = json.loads(done.stdout)
    return out
