/**
 * Every configuration directory of the real-world corpus loads and evaluates without an exception or an internal
 * error. The diagnostics it produces are counted by summary and pinned: a change in them is a change in behaviour.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/terraform/evaluator.js";
import { internalErrorSummary } from "../../src/terraform/internal-error.js";
import { sharedDir, sharedMissing, sharedPath } from "../support/shared.js";

/** Every directory holding .tf files: each repository root, examples/*, modules/*, wrappers/**, tests/*. */
function configurationDirs(dir: string, out: string[] = []): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith(".tf"))) out.push(dir);
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith(".")) configurationDirs(join(dir, e.name), out);
  return out;
}

describe.skipIf(!sharedDir)(`corpus configurations${sharedDir ? "" : ` (${sharedMissing})`}`, () => {
  it("load and evaluate with no exception and no internal error", () => {
    const corpus = sharedPath("corpus", "hcl");
    const dirs = configurationDirs(corpus).sort();
    const counts = new Map<string, number>();
    let instances = 0;
    const internal: string[] = [];
    for (const dir of dirs) {
      const repository = join(corpus, relative(corpus, dir).split("/")[0] as string);
      const graph = buildGraph(dir, { rootDir: repository, env: {} });
      instances += graph.instances.length;
      for (const d of graph.diagnostics) {
        const kind = `${d.severity}: ${d.summary}`;
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        if (d.summary === internalErrorSummary) internal.push(`${d.range.file}:${d.range.start.line}: ${d.detail}`);
      }
    }
    const byKind = Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
    console.log(`${dirs.length} configurations, ${instances} instances\n${JSON.stringify(byKind, null, 2)}`);
    expect(internal).toEqual([]);
    expect(dirs.length).toBe(250);
    expect(instances).toBe(2528);
    // Each kind checked by hand against the corpus: configurations evaluated standalone with their defaults
    // (required variables unset, registry modules not installed, template files absent from the corpus, a few
    // upstream bugs such as security-group's "smtps-2456-tcp" rule name and coalescelist over empty lists).
    expect(byKind).toEqual({
      "error: Error in function call": 6,
      "error: Invalid function argument": 17,
      "error: Invalid index": 4,
      "error: Invalid template interpolation value": 3,
      "error: No value for required variable": 119,
      "error: Reference to undeclared input variable": 12,
      "warning: Duplicate object attribute": 2,
      "warning: Unresolved module": 94,
    });
  }, 300_000);
});
