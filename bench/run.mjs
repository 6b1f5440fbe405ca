// Runs each bench/*.bench.mjs in its own Node process (so that each reports its own peak RSS) and relays its output.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const bench of benches) {
  console.log(`# ${bench}`);
  // The same young-generation size the phiform CLI runs with (src/cli/main.ts).
  const run = spawnSync(process.execPath, ["--expose-gc", "--max-semi-space-size=64", join(here, bench)], {
    stdio: "inherit",
  });
  if (run.status !== 0) {
    failed++;
    console.log(`# ${bench} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
