import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { UsageError } from "./io.js";

/** Directories never entered when collecting files: VCS data, Terraform's download cache, dependencies. */
const skippedDirectories = new Set([".git", ".terraform", "node_modules"]);

/**
 * The files named by `paths`: a file as given, a directory recursively for names ending in one of `suffixes`.
 * Sorted by path so that output is deterministic. Paths are reported relative to `cwd` when inside it.
 */
export function collectFiles(paths: readonly string[], suffixes: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectories.has(entry.name)) walk(full);
      } else if (entry.isFile() && suffixes.some((s) => entry.name.endsWith(s))) {
        found.add(full);
      }
    }
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(absolute);
    } catch {
      throw new UsageError(`no such file or directory: ${path}`);
    }
    if (stats.isDirectory()) walk(absolute);
    else found.add(absolute);
  }
  return [...found].map((file) => displayPath(file, cwd)).sort();
}

export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") ? rel : file;
}
