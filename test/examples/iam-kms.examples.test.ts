/**
 * The IAM and KMS rules on the shipped examples: `examples/complete` passes them all; `examples/noncompliant` fails
 * exactly where its `# phiform: violates <rule-id>` comments say.
 *
 * Convention: an annotation names the finding whose range starts on the annotation's own line or on the line just
 * below it, in the same file. Annotations of other services' rules are ignored here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/engine/scan.js";
import { iamRules } from "../../src/rules/aws/iam/index.js";
import { kmsRules } from "../../src/rules/aws/kms/index.js";

const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
const rules = [...iamRules, ...kmsRules];
const ruleIds = new Set(rules.map((r) => r.id));

interface Annotation {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
}

function annotations(dir: string): Annotation[] {
  const found: Annotation[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".tf"))
    .sort()) {
    readFileSync(join(dir, file), "utf8")
      .split("\n")
      .forEach((text, i) => {
        const m = /#\s*phiform:\s*violates\s+([a-z0-9-]+)/.exec(text);
        if (m && ruleIds.has(m[1] as string)) found.push({ rule: m[1] as string, file, line: i + 1 });
      });
  }
  return found;
}

describe("IAM and KMS rules on examples/complete", () => {
  const result = scan(join(examples, "complete"), { rules });

  it("has no failure and no unknown", () => {
    const problems = result.findings
      .filter((f) => f.status !== "pass")
      .map((f) => `${f.status} ${f.ruleId} ${f.address}: ${f.message}`);
    expect(problems).toEqual([]);
  });

  it("judges every rule but iam-no-user-policies (the baseline creates no IAM users)", () => {
    const judged = new Set(result.findings.map((f) => f.ruleId));
    expect([...ruleIds].filter((id) => !judged.has(id))).toEqual(["iam-no-user-policies"]);
  });
});

describe("IAM and KMS rules on examples/noncompliant", () => {
  const dir = join(examples, "noncompliant");
  const result = scan(dir, { rules });
  const expected = annotations(dir);

  it("announces a violation of every IAM and KMS rule", () => {
    expect(new Set(expected.map((a) => a.rule))).toEqual(ruleIds);
  });

  it("fails exactly at the annotated places, with no unknown", () => {
    const matched = new Set<Annotation>();
    const unexpected: string[] = [];
    for (const f of result.findings.filter((x) => x.status !== "pass")) {
      const file = f.range.file.startsWith(`${dir}/`) ? f.range.file.slice(dir.length + 1) : f.range.file;
      const line = f.range.start.line;
      const annotation = expected.find(
        (a) => a.rule === f.ruleId && a.file === file && (a.line === line || a.line === line - 1),
      );
      if (f.status === "fail" && annotation) matched.add(annotation);
      else unexpected.push(`${f.status} ${f.ruleId} ${file}:${line} ${f.address}: ${f.message}`);
    }
    expect(unexpected).toEqual([]);
    expect(expected.filter((a) => !matched.has(a)).map((a) => `${a.rule} ${a.file}:${a.line}`)).toEqual([]);
  });
});
