#!/usr/bin/env node
import { run } from "./run.js";

// Output is collected per command and written with one call, so piping into `head` cannot interleave partial lines.
process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  write: (text) => process.stdout.write(text),
  writeError: (text) => process.stderr.write(text),
});
