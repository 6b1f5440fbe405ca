// Load + evaluate throughput of the Terraform semantics on every configuration directory of the real-world corpus
// (../shared/corpus/hcl): MB/s of .tf read (10^6 bytes, every file of every module each configuration loads),
// resource instances per second, and peak RSS.
import { existsSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { evaluateConfiguration, loadConfiguration } from "../dist/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = [resolve(root, "../shared"), "/work/shared"].find((d) => existsSync(join(d, "README.md")));
if (!shared) {
  console.log("evaluate: skipped: ../shared (the reference corpus) is not present beside the project");
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

function runAll() {
  let bytes = 0;
  let instances = 0;
  let diagnostics = 0;
  for (const { dir, rootDir } of roots) {
    const loaded = loadConfiguration(dir, { rootDir });
    for (const m of loaded.configuration.modules) for (const f of m.files) bytes += f.bytes;
    const graph = evaluateConfiguration(loaded.configuration, { env: {} });
    instances += graph.instances.length;
    diagnostics += loaded.diagnostics.length + graph.diagnostics.length;
  }
  return { bytes, instances, diagnostics };
}

const runs = Number(process.env.BENCH_RUNS ?? 5);
let best = Number.POSITIVE_INFINITY;
// CPU time (user + system) of this process: on a shared machine it is steadier than wall time.
let bestCpu = Number.POSITIVE_INFINITY;
let totals = runAll(); // warm-up (also reads files into the OS cache)
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  totals = runAll();
  const cpu = process.cpuUsage(c0);
  best = Math.min(best, performance.now() - t0);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
}
const seconds = best / 1000;
console.log(
  `evaluate: ${roots.length} configurations, ${(totals.bytes / 1e6).toFixed(2)} MB of .tf loaded, ` +
    `${totals.instances} instances, ${totals.diagnostics} diagnostics`,
);
console.log(
  `evaluate: best of ${runs}: ${best.toFixed(0)} ms, ${(totals.bytes / 1e6 / seconds).toFixed(2)} MB/s, ` +
    `${Math.round(totals.instances / seconds)} instances/s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
console.log(
  `evaluate: best CPU time ${bestCpu.toFixed(0)} ms: ${(totals.bytes / 1e6 / (bestCpu / 1000)).toFixed(2)} MB/s of CPU, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
);
