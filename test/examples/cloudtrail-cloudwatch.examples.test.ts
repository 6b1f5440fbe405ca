/**
 * The CloudTrail and CloudWatch rules on the bundled examples: `complete` passes every one of them; `noncompliant`
 * fails exactly where its `# phiform: violates <rule-id>` comments say.
 *
 * Annotation convention: a comment `# phiform: violates <rule-id> (why)` names the finding's line when it ends that
 * line, or when it sits in the run of comment-only lines directly above it (several annotations may stack there).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/engine/scan.js";
import { cloudtrailRules } from "../../src/rules/aws/cloudtrail/index.js";
import { cloudwatchRules } from "../../src/rules/aws/cloudwatch/index.js";
import { projectRoot } from "../support/shared.js";

const rules = [...cloudtrailRules, ...cloudwatchRules];
const ruleIds = new Set(rules.map((r) => r.id));

/** `rule file:line` for every annotation of these rules, at the line the finding must start on. */
function annotations(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".tf"))
    .sort()) {
    const lines = readFileSync(join(dir, name), "utf8").split("\n");
    lines.forEach((text, index) => {
      const match = /#\s*phiform: violates ([a-z0-9-]+)/.exec(text);
      if (!match || !ruleIds.has(match[1] as string)) return;
      let target = index;
      if (/^\s*#/.test(text)) {
        while (target < lines.length && /^\s*(#.*)?$/.test(lines[target] as string)) {
          if ((lines[target] as string).trim() === "")
            throw new Error(`${name}:${index + 1}: annotation above a blank line`);
          target++;
        }
      }
      out.push(`${match[1]} ${name}:${target + 1}`);
    });
  }
  return out.sort();
}

function results(dir: string) {
  const { findings, diagnostics } = scan(dir, { rules });
  return {
    errors: diagnostics.filter((d) => d.severity === "error").map((d) => `${d.summary} ${d.range.file}`),
    notPassing: findings
      .filter((f) => f.status !== "pass")
      .map((f) => `${f.ruleId} ${relative(dir, f.range.file)}:${f.range.start.line}`)
      .sort(),
    statuses: findings.filter((f) => f.status !== "pass").map((f) => f.status),
    passes: findings.filter((f) => f.status === "pass").length,
  };
}

describe("CloudTrail and CloudWatch rules on examples/complete", () => {
  const outcome = results(join(projectRoot, "examples/complete"));

  it("loads without errors", () => {
    expect(outcome.errors).toEqual([]);
  });

  it("passes every rule: no fail, no unknown", () => {
    expect(outcome.notPassing).toEqual([]);
    // 6 trail results + 3 PHI buckets with data events + 2 × 4 log groups + 14 alarms.
    expect(outcome.passes).toBe(31);
  });
});

describe("CloudTrail and CloudWatch rules on examples/noncompliant", () => {
  const dir = join(projectRoot, "examples/noncompliant");
  const outcome = results(dir);

  it("loads without errors", () => {
    expect(outcome.errors).toEqual([]);
  });

  it("fails exactly where the annotations say, with no unknowns", () => {
    expect(outcome.notPassing).toEqual(annotations(dir));
    expect(new Set(outcome.statuses)).toEqual(new Set(["fail"]));
  });

  it("annotates every rule it is meant to break", () => {
    expect(annotations(dir).length).toBe(11);
  });
});
