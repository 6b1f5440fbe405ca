import type { Io } from "../../src/cli/io.js";

/** An in-memory Io: commands run in-process and their output is inspected. */
export function memoryIo(
  cwd: string,
  env: Record<string, string> = {},
): Io & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return {
    cwd,
    env,
    write: (text) => {
      out += text;
    },
    writeError: (text) => {
      err += text;
    },
    stdout: () => out,
    stderr: () => err,
  };
}
