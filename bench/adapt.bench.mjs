// Adapter throughput: graph → typed AWS model on every configuration directory of the real-world corpus
// (../shared/corpus/hcl). Graphs are built once, outside the timing; the figure is resource instances adapted per
// second (and model objects built), with peak RSS.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { adapt, buildGraph } from "../dist/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = [resolve(root, "../shared"), "/work/shared"].find((d) => existsSync(join(d, "README.md")));
if (!shared) {
  console.log("adapt: skipped: ../shared (the reference corpus) is not present beside the project");
  process.exit(0);
}
const corpus = join(shared, "corpus/hcl");

function configurationDirs(dir, out) {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith(".tf"))) out.push(dir);
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory() && !e.name.startsWith(".")) configurationDirs(join(dir, e.name), out);
  }
  return out;
}

const graphs = configurationDirs(corpus, []).map((dir) =>
  buildGraph(dir, { rootDir: join(corpus, relative(corpus, dir).split("/")[0]), env: {} }),
);
const instances = graphs.reduce((n, g) => n + g.instances.length, 0);

function runAll() {
  let objects = 0;
  let diagnostics = 0;
  for (const graph of graphs) {
    const { model, diagnostics: found } = adapt(graph);
    objects += new Set(model.byAddress.values()).size;
    diagnostics += found.length;
  }
  return { objects, diagnostics };
}

const runs = Number(process.env.BENCH_RUNS ?? 5);
let best = Number.POSITIVE_INFINITY;
let totals = runAll();
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  const t0 = performance.now();
  totals = runAll();
  best = Math.min(best, performance.now() - t0);
}
const seconds = best / 1000;
console.log(
  `adapt: ${graphs.length} configurations, ${instances} instances, ${totals.objects} model objects, ${totals.diagnostics} diagnostics`,
);
console.log(
  `adapt: best of ${runs}: ${best.toFixed(1)} ms, ${Math.round(instances / seconds)} instances/s, ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
