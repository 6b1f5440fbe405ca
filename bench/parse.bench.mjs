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

function timeBest(runs, fn) {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    if (ms < best) best = ms;
  }
  return best;
}

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
const stringMs = timeBest(15, parseAll(texts));
const bytesMs = timeBest(15, parseAll(buffers));
console.log(
  `parse corpus (${paths.length} files, ${mb(totalBytes).toFixed(2)} MB, string input): ${(mb(totalBytes) / (stringMs / 1000)).toFixed(1)} MB/s (best of 15: ${stringMs.toFixed(1)} ms, ${diagnostics} diagnostics)`,
);
console.log(
  `parse corpus (${paths.length} files, ${mb(totalBytes).toFixed(2)} MB, byte input):   ${(mb(totalBytes) / (bytesMs / 1000)).toFixed(1)} MB/s (best of 15: ${bytesMs.toFixed(1)} ms)`,
);
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
const bigMs = timeBest(3, () => {
  for (let i = 0; i < bigInputs.length; i++) parse(bigInputs[i], bigPaths[i]);
});
console.log(
  `parse generated corpus (${bigInputs.length} files, ${mb(bigBytes).toFixed(1)} MB): ${(mb(bigBytes) / (bigMs / 1000)).toFixed(1)} MB/s (best of 3: ${bigMs.toFixed(0)} ms)`,
);
const oneFile = Buffer.concat(bigInputs.flatMap((b) => [b, Buffer.from("\n")]));
let oneDiags = 0;
const oneMs = timeBest(3, () => {
  oneDiags = parse(oneFile, "generated.tf").diagnostics.length;
});
console.log(
  `parse one generated file (${mb(oneFile.length).toFixed(1)} MB): ${(mb(oneFile.length) / (oneMs / 1000)).toFixed(1)} MB/s (best of 3: ${oneMs.toFixed(0)} ms, ${oneDiags} diagnostics)`,
);
console.log(`peak RSS after generated corpus: ${rssMB()} MB`);

// @cdktf/hcl2json (HashiCorp's Go parser compiled to WebAssembly) on the corpus, one pass.
const hcl2json = await import("@cdktf/hcl2json");
await hcl2json.parse("warmup.tf", texts[0]);
const h0 = performance.now();
for (let i = 0; i < texts.length; i++) await hcl2json.parse(paths[i], texts[i]);
const hMs = performance.now() - h0;
console.log(
  `@cdktf/hcl2json corpus (${paths.length} files, one pass): ${(mb(totalBytes) / (hMs / 1000)).toFixed(2)} MB/s (${hMs.toFixed(0)} ms)`,
);
console.log(`peak RSS after hcl2json: ${rssMB()} MB`);
