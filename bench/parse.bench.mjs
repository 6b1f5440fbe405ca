// Parse throughput of the HCL parser on the real-world corpus (../shared/corpus/hcl), on a generated ~50 MB corpus,
// and of @cdktf/hcl2json on the same corpus for comparison. Prints MB/s (10^6 bytes) and peak RSS.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parse } from "../dist/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = [resolve(root, "../shared"), "/work/shared"].find((d) => existsSync(join(d, "README.md")));
if (!shared) {
  console.log("parse: skipped: ../shared (the reference corpus) is not present beside the project");
  process.exit(0);
}
const corpusDir = join(shared, "corpus/hcl");

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith(".tf")) out.push(path);
  }
  return out;
}

const paths = walk(corpusDir, []);
const texts = paths.map((p) => readFileSync(p, "utf8"));
const buffers = paths.map((p) => readFileSync(p));
const totalBytes = buffers.reduce((n, b) => n + b.length, 0);
const mb = (bytes) => bytes / 1e6;
const rssMB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

/**
 * Best wall time and best CPU time (user + system, all threads) over `runs` runs, in ms. On a busy machine the CPU
 * time is the steadier figure.
 */
function timeBest(runs, fn) {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  // One collection before the runs, not one per run: a forced full collection also shrinks the young generation,
  // which the next run would then pay for in extra scavenges.
  globalThis.gc?.();
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    wall = Math.min(wall, ms);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

const rate = (bytes, ms) => (mb(bytes) / (ms / 1000)).toFixed(1);
const report = (label, bytes, t, runs, extra = "") =>
  console.log(
    `${label}: ${rate(bytes, t.wall)} MB/s wall, ${rate(bytes, t.cpu)} MB/s CPU (best of ${runs}: ${t.wall.toFixed(1)} ms wall, ${t.cpu.toFixed(1)} ms CPU${extra})`,
  );

let diagnostics = 0;
const parseAll = (inputs) => () => {
  diagnostics = 0;
  for (let i = 0; i < inputs.length; i++) diagnostics += parse(inputs[i], paths[i]).diagnostics.length;
};

// Warm up the JIT on both input forms.
for (let i = 0; i < 5; i++) {
  parseAll(texts)();
  parseAll(buffers)();
}
const stringT = timeBest(15, parseAll(texts));
report(
  `parse corpus (${paths.length} files, ${mb(totalBytes).toFixed(2)} MB, string input)`,
  totalBytes,
  stringT,
  15,
  `, ${diagnostics} diagnostics`,
);
const bytesT = timeBest(15, parseAll(buffers));
report(`parse corpus (${paths.length} files, ${mb(totalBytes).toFixed(2)} MB, byte input)`, totalBytes, bytesT, 15);
console.log(`peak RSS after corpus: ${rssMB()} MB`);

// A ~50 MB corpus: the corpus files replicated, parsed one file at a time, and also as one 50 MB file.
const target = 50e6;
const bigInputs = [];
const bigPaths = [];
let bigBytes = 0;
for (let round = 0; bigBytes < target; round++) {
  for (let i = 0; i < buffers.length && bigBytes < target; i++) {
    bigInputs.push(buffers[i]);
    bigPaths.push(`${round}/${paths[i]}`);
    bigBytes += buffers[i].length;
  }
}
const bigT = timeBest(3, () => {
  for (let i = 0; i < bigInputs.length; i++) parse(bigInputs[i], bigPaths[i]);
});
report(`parse generated corpus (${bigInputs.length} files, ${mb(bigBytes).toFixed(1)} MB)`, bigBytes, bigT, 3);
// One 50 MB file: its whole tree is alive until the end, so garbage collection dominates.
const oneFile = Buffer.concat(bigInputs.flatMap((b) => [b, Buffer.from("\n")]));
let oneDiags = 0;
const oneT = timeBest(3, () => {
  oneDiags = parse(oneFile, "generated.tf").diagnostics.length;
});
report(
  `parse one generated file (${mb(oneFile.length).toFixed(1)} MB)`,
  oneFile.length,
  oneT,
  3,
  `, ${oneDiags} diagnostics`,
);
console.log(`peak RSS after generated corpus: ${rssMB()} MB`);

// @cdktf/hcl2json (HashiCorp's Go parser compiled to WebAssembly) on the corpus, one pass.
const hcl2json = await import("@cdktf/hcl2json");
await hcl2json.parse("warmup.tf", texts[0]);
const h0 = performance.now();
const hc0 = process.cpuUsage();
for (let i = 0; i < texts.length; i++) await hcl2json.parse(paths[i], texts[i]);
const hMs = performance.now() - h0;
const hc = process.cpuUsage(hc0);
const hCpu = (hc.user + hc.system) / 1000;
console.log(
  `@cdktf/hcl2json corpus (${paths.length} files, one pass): ${rate(totalBytes, hMs)} MB/s wall, ${rate(totalBytes, hCpu)} MB/s CPU (${hMs.toFixed(0)} ms wall, ${hCpu.toFixed(0)} ms CPU)`,
);
console.log(`peak RSS after hcl2json: ${rssMB()} MB`);
