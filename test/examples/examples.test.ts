/**
 * The shipped examples prove the rules and the modules together: `examples/complete` (the HIPAA baseline) passes
 * every rule, and `examples/noncompliant` fails exactly where its `# phiform: violates <rule-id>` comments say — no
 * more, no fewer — and its README lists exactly those places.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/engine/scan.js";
import { allRules } from "../../src/rules/index.js";
import { violationAnnotations } from "../support/annotations.js";
import { projectRoot } from "../support/shared.js";

const complete = join(projectRoot, "examples/complete");
const noncompliant = join(projectRoot, "examples/noncompliant");

function where(dir: string, finding: { ruleId: string; range: { file: string; start: { line: number } } }): string {
  return `${finding.ruleId} ${finding.range.file.slice(dir.length + 1)}:${finding.range.start.line}`;
}

describe("examples/complete", () => {
  const result = scan(complete);

  it("evaluates without diagnostics", () => {
    expect(result.diagnostics.map((d) => `${d.severity} ${d.summary}: ${d.detail}`)).toEqual([]);
  });

  it("passes every rule: no failure, no unknown", () => {
    expect(result.findings.filter((f) => f.status !== "pass").map((f) => `${where(complete, f)} ${f.message}`)).toEqual(
      [],
    );
  });

  it("gives every rule something to judge except those whose resources it does not use", () => {
    const judged = new Set(result.findings.map((f) => f.ruleId));
    const notJudged = allRules.map((r) => r.id).filter((id) => !judged.has(id));
    // The baseline locks state with use_lockfile (no DynamoDB table) and gives people roles, never IAM users.
    expect(notJudged).toEqual(["dynamodb-table-cmk", "dynamodb-table-pitr", "iam-no-user-policies"]);
  });
});

describe("examples/noncompliant", () => {
  const result = scan(noncompliant);
  const annotations = violationAnnotations(noncompliant);

  it("annotates only rules that exist", () => {
    const ids = new Set(allRules.map((r) => r.id));
    expect(annotations.filter((a) => !ids.has(a.rule))).toEqual([]);
  });

  it("fails exactly the annotated rules at the annotated places", () => {
    const failures = result.findings.filter((f) => f.status === "fail").map((f) => where(noncompliant, f));
    expect([...new Set(failures)].sort()).toEqual(annotations.map((a) => `${a.rule} ${a.file}:${a.line}`).sort());
  });

  it("has no unknown result and no error diagnostic", () => {
    expect(result.findings.filter((f) => f.status === "unknown").map((f) => where(noncompliant, f))).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("lists every violation in its README table", () => {
    const readme = readFileSync(join(noncompliant, "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| [^|]+ \| \[([\w.]+):(\d+)\]\(\2#L\3\) \|/gm)].map(
      (m) => `${m[1]} ${m[2]}:${m[3]}`,
    );
    expect(rows.sort()).toEqual(annotations.map((a) => `${a.rule} ${a.file}:${a.line}`).sort());
  });
});
