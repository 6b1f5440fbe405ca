// End-to-end scan throughput (parse + evaluate + adapt + every rule) on every configuration directory of the
// real-world corpus (../shared/corpus/hcl): MB/s of .tf loaded (10^6 bytes, every file of every module each
// configuration loads), results per second, and peak RSS.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { allRules, loadConfiguration, scan } from "../dist/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = [resolve(root, "../shared"), "/work/shared"].find((d) => existsSync(join(d, "README.md")));
if (!shared) {
  console.log("scan: skipped: ../shared (the reference corpus) is not present beside the project");
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

const dirs = configurationDirs(corpus, []);
const roots = dirs.map((dir) => ({ dir, rootDir: join(corpus, relative(corpus, dir).split("/")[0]) }));

// Bytes per configuration, measured once outside the timed runs (the scan reads the same files).
const sizes = new Map(
  roots.map(({ dir, rootDir }) => {
    const { configuration } = loadConfiguration(dir, { rootDir });
    let total = 0;
    for (const m of configuration.modules) for (const f of m.files) total += f.bytes;
    return [dir, total];
  }),
);

function runAll() {
  let bytes = 0;
  let instances = 0;
  let diagnostics = 0;
  for (const { dir, rootDir } of roots) {
    const result = scan(dir, { rootDir, env: {} });
    bytes += sizes.get(dir);
    instances += result.findings.length;
    diagnostics += result.diagnostics.length;
  }
  return { bytes, instances, diagnostics };
}

const runs = Number(process.env.BENCH_RUNS ?? 5);
let best = Number.POSITIVE_INFINITY;
let totals = runAll(); // warm-up (also reads files into the OS cache)
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  const t0 = performance.now();
  totals = runAll();
  best = Math.min(best, performance.now() - t0);
}
const seconds = best / 1000;
console.log(
  `scan: ${roots.length} configurations, ${allRules.length} rules, ${(totals.bytes / 1e6).toFixed(2)} MB of .tf loaded, ` +
    `${totals.instances} results, ${totals.diagnostics} diagnostics`,
);
console.log(
  `scan: best of ${runs}: ${best.toFixed(0)} ms, ${(totals.bytes / 1e6 / seconds).toFixed(2)} MB/s, ` +
    `${Math.round(totals.instances / seconds)} results/s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
