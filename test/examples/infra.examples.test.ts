/**
 * The EBS, RDS, ELB, VPC, DynamoDB and SNS rules on the two examples: `examples/complete` passes them all, and
 * `examples/noncompliant` fails exactly where its `# phiform: violates <rule-id>` comments say.
 *
 * Annotation convention: a comment on its own line marks the next line that is not a comment (so annotations can be
 * stacked); a comment after code marks its own line. A finding matches when it starts on the marked line of the same file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/engine/scan.js";
import { dynamodbRules } from "../../src/rules/aws/dynamodb/index.js";
import { ec2Rules } from "../../src/rules/aws/ec2/index.js";
import { elbRules } from "../../src/rules/aws/elb/index.js";
import { rdsRules } from "../../src/rules/aws/rds/index.js";
import { snsRules } from "../../src/rules/aws/sns/index.js";

const rules = [...dynamodbRules, ...ec2Rules, ...elbRules, ...rdsRules, ...snsRules];
const ruleIds = new Set(rules.map((r) => r.id));
const annotation = /#\s*phiform:\s*violates\s+([a-z0-9-]+)/;

/** `rule file:line` for every annotation of these rules in the directory's .tf files. */
function annotations(dir: string): string[] {
  const marks: string[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".tf"))
    .sort()) {
    const lines = readFileSync(join(dir, name), "utf8").split("\n");
    lines.forEach((line, index) => {
      const match = annotation.exec(line);
      if (!match || !ruleIds.has(match[1] as string)) return;
      let target = index;
      if (line.trimStart().startsWith("#")) {
        target = index + 1;
        while (target < lines.length && (lines[target] as string).trimStart().startsWith("#")) target++;
      }
      marks.push(`${match[1]} ${name}:${target + 1}`);
    });
  }
  return marks.sort();
}

describe("infrastructure rules on the examples", () => {
  it("examples/complete passes every one of them, with no unknown", () => {
    const { findings } = scan(resolve("examples/complete"), { rules });
    expect(findings.filter((f) => f.status !== "pass").map((f) => `${f.status} ${f.ruleId} ${f.address}`)).toEqual([]);
    // Every rule judged something, except the DynamoDB rules: state locking uses use_lockfile, so there is no table.
    const judged = [...ruleIds].filter((id) => !id.startsWith("dynamodb-")).sort();
    expect([...new Set(findings.map((f) => f.ruleId))].sort()).toEqual(judged);
  });

  it("examples/noncompliant fails exactly where it is annotated, with no unknown", () => {
    const dir = resolve("examples/noncompliant");
    const { findings } = scan(dir, { rules });
    expect(findings.filter((f) => f.status === "unknown").map((f) => `${f.ruleId} ${f.address}`)).toEqual([]);
    const failures = findings
      .filter((f) => f.status === "fail")
      .map((f) => `${f.ruleId} ${relative(dir, f.range.file)}:${f.range.start.line}`)
      .sort();
    expect(failures).toEqual(annotations(dir));
    expect(failures).toHaveLength(15);
  });
});
