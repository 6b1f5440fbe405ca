import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (where package.json is). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * `../shared` beside the project (as in CI), or /work/shared when the checkout lives elsewhere (a worktree).
 * Undefined when absent: tests that need it skip with a message saying so.
 */
export const sharedDir: string | undefined = [resolve(projectRoot, "../shared"), "/work/shared"].find((dir) =>
  existsSync(join(dir, "README.md")),
);

export const sharedMissing = "../shared (the reference material) is not present beside the project";

export function sharedPath(...parts: string[]): string {
  if (!sharedDir) throw new Error(sharedMissing);
  return join(sharedDir, ...parts);
}
