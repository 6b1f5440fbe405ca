/**
 * Differential test against `@cdktf/hcl2json` (HashiCorp's HCL parser and the hcl2json converter, compiled to wasm):
 * for every `.tf` file of the real-world corpus in `../shared/corpus/hcl`, our JSON rendering must equal
 * hcl2json's output. Differences we accept are listed in KNOWN_QUIRKS with the reason; there are none today.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse as hcl2json } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/hcl/json-rendering.js";
import { parse } from "../../src/hcl/parser.js";
import { sharedDir, sharedMissing, sharedPath } from "../support/shared.js";

/** Corpus files (relative to corpus/hcl) where hcl2json's output differs from ours by design, with the reason. */
const KNOWN_QUIRKS: ReadonlyMap<string, string> = new Map();

function listTf(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTf(path));
    else if (entry.name.endsWith(".tf")) out.push(path);
  }
  return out.sort();
}

/** The first path at which two JSON values differ, for a readable failure. */
function firstDifference(ours: unknown, theirs: unknown, path = ""): string | undefined {
  if (isDeepStrictEqual(ours, theirs)) return undefined;
  if (ours && theirs && typeof ours === "object" && typeof theirs === "object") {
    const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
    for (const k of keys) {
      const d = firstDifference(
        (ours as Record<string, unknown>)[k],
        (theirs as Record<string, unknown>)[k],
        `${path}/${k}`,
      );
      if (d) return d;
    }
  }
  return `${path || "/"}: ours ${JSON.stringify(ours)?.slice(0, 200)}, hcl2json ${JSON.stringify(theirs)?.slice(0, 200)}`;
}

describe.skipIf(!sharedDir)(
  `JSON rendering equals @cdktf/hcl2json on the corpus${sharedDir ? "" : ` (${sharedMissing})`}`,
  () => {
    it("renders all 1,069 corpus files as hcl2json does", async () => {
      const root = sharedPath("corpus/hcl");
      const files = listTf(root);
      expect(files.length).toBe(1069);
      const differences: string[] = [];
      for (const path of files) {
        const bytes = readFileSync(path);
        const name = relative(root, path);
        let theirs: unknown;
        try {
          theirs = await hcl2json(name, bytes.toString("utf8"));
        } catch (e) {
          theirs = { hcl2jsonFailed: String(e) };
        }
        const { file, diagnostics } = parse(bytes, name);
        // Both sides as JSON text read back, so that only JSON-visible content is compared.
        const ours = JSON.parse(JSON.stringify(renderJson(file, bytes)));
        const difference =
          diagnostics.length > 0 ? `${diagnostics.length} parse diagnostics` : firstDifference(ours, theirs);
        if (difference && !KNOWN_QUIRKS.has(name)) differences.push(`${name} ${difference}`);
      }
      expect(differences).toEqual([]);
    });
  },
);
