/**
 * The S3 and backend rules on the shipped examples: `examples/complete` passes every one of them, and
 * `examples/noncompliant` fails exactly where its `# phiform: violates <rule-id>` comments say.
 *
 * Annotation convention: a comment names the construct a finding points to when it is on that construct's first line
 * (a trailing comment), or in the run of comment-only lines directly above it (no blank line in between), so several
 * annotations can stack above one block.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/engine/scan.js";
import { backendRules } from "../../src/rules/aws/backend/index.js";
import { s3Rules } from "../../src/rules/aws/s3/index.js";

const rules = [...s3Rules, ...backendRules];
const ruleIds = new Set(rules.map((r) => r.id));
const examplesDir = fileURLToPath(new URL("../../examples/", import.meta.url));

const commentLine = /^\s*(#|\/\/)/;
const annotation = /#\s*phiform:\s*violates\s+([a-z0-9-]+)/;

/** `rule file:line` for each annotation of these rules, at the line of the construct it names. */
function annotations(dir: string): string[] {
  const out: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".tf"))
    .sort()) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    lines.forEach((text, index) => {
      const match = annotation.exec(text);
      if (!match?.[1] || !ruleIds.has(match[1])) return;
      let target = index;
      if (commentLine.test(text)) {
        while (target < lines.length && commentLine.test(lines[target] ?? "")) target++;
      }
      out.push(`${match[1]} ${file}:${target + 1}`);
    });
  }
  return out.sort();
}

function results(dir: string) {
  const { findings } = scan(dir, { rules });
  const where = (f: (typeof findings)[number]) =>
    `${f.ruleId} ${f.range.file.slice(dir.length + 1)}:${f.range.start.line}`;
  const count = (status: string) => {
    const counts: Record<string, number> = {};
    for (const f of findings) if (f.status === status) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    return counts;
  };
  return {
    fails: findings
      .filter((f) => f.status === "fail")
      .map(where)
      .sort(),
    unknowns: findings.filter((f) => f.status === "unknown").map((f) => `${where(f)} ${f.message}`),
    passes: count("pass"),
  };
}

describe("S3 and backend rules on examples/complete", () => {
  const dir = join(examplesDir, "complete");
  const { fails, unknowns, passes } = results(dir);

  it("fail nowhere and leave nothing unknown", () => {
    expect(fails).toEqual([]);
    expect(unknowns).toEqual([]);
  });

  it("judge every bucket of the baseline: 3 PHI buckets, their 3 log buckets, the trail bucket and its log bucket", () => {
    expect(passes).toEqual({
      "backend-s3-encryption": 1,
      "backend-s3-locking": 1,
      "s3-access-log-bucket-sse-s3": 4,
      "s3-account-public-access-block": 1,
      "s3-bucket-access-logging": 3,
      "s3-bucket-acls-disabled": 8,
      "s3-bucket-encryption-cmk": 3,
      "s3-bucket-min-tls-version": 6,
      "s3-bucket-noncurrent-version-lifecycle": 6,
      "s3-bucket-object-lock": 3,
      "s3-bucket-policy-no-public-principal": 8,
      "s3-bucket-public-access-block": 8,
      "s3-bucket-tls-only": 6,
      "s3-bucket-versioning": 6,
    });
  });
});

describe("S3 and backend rules on examples/noncompliant", () => {
  const dir = join(examplesDir, "noncompliant");
  const { fails, unknowns } = results(dir);

  it("fail exactly at the annotated places, one annotation per failure", () => {
    const expected = annotations(dir);
    expect(expected.length).toBe(14);
    expect(fails).toEqual(expected);
  });

  it("leave nothing unknown", () => {
    expect(unknowns).toEqual([]);
  });
});
