import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cloudwatchRules } from "../../../../src/rules/aws/cloudwatch/index.js";
import { distanceWithin } from "../../../../src/rules/aws/cloudwatch/security-hub-alarm.js";
import { allSecurityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { runCase } from "../../../support/rule-tester.js";
import { sharedDir, sharedMissing, sharedPath } from "../../../support/shared.js";

describe.skipIf(!sharedDir)(`Security Hub patterns against the reference (${sharedMissing} when skipped)`, () => {
  it("are exactly the CloudWatch.1–14 patterns of shared/reference/cloudtrail.md section 4", () => {
    const reference = readFileSync(sharedPath("reference/cloudtrail.md"), "utf8");
    const listed = [...reference.matchAll(/^- (CloudWatch\.\d+) [^`]*`([^`]+)`$/gm)].map((m) => [m[1], m[2]]);
    expect(listed).toHaveLength(14);
    expect(allSecurityHubPatterns.map((p) => [p.control, p.pattern])).toEqual(listed);
  });
});

describe("Security Hub alarm rules", () => {
  it("one rule per control, each in order", () => {
    const alarmRules = cloudwatchRules.filter((r) => r.id.startsWith("cloudwatch-alarm-"));
    expect(alarmRules.map((r) => r.meta.docs.replace(/.*#cloudwatch-/, "CloudWatch."))).toEqual(
      allSecurityHubPatterns.map((p) => p.control),
    );
  });

  it("a near miss (≤ 25% of the pattern) can never be another control's pattern", () => {
    for (const a of allSecurityHubPatterns) {
      for (const b of allSecurityHubPatterns) {
        if (a === b) continue;
        expect(
          distanceWithin(b.pattern, a.pattern, Math.floor(a.pattern.length / 4)),
          `${a.control}/${b.control}`,
        ).toBe(undefined);
      }
    }
  });
});

describe("each alarm rule's remediation snippet", () => {
  const setting = `resource "aws_cloudwatch_log_group" "cloudtrail" {
  name = "/aws/cloudtrail/acme"
}
resource "aws_cloudtrail" "this" {
  name                       = "acme"
  s3_bucket_name             = "acme-trail"
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.cloudtrail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail-to-logs"
}
resource "aws_sns_topic" "security_alarms" {
  name = "security-alarms"
}
`;
  const alarmRules = cloudwatchRules.filter((r) => r.id.startsWith("cloudwatch-alarm-"));
  it.each(alarmRules.map((r) => [r.id, r] as const))("%s: passes its own rule", (_id, rule) => {
    const { results } = runCase(rule, { name: "remediation", code: setting + rule.meta.remediation.hcl }, 0);
    expect(results.map((r) => `${r.status} ${r.messageId} ${r.address}`)).toEqual([
      `pass monitored ${results[0]?.address}`,
    ]);
    expect(results[0]?.address).toMatch(/^aws_cloudwatch_log_metric_filter\./);
  });
});

describe("distanceWithin", () => {
  it.each([
    ["kitten", "sitting", 3, 3],
    ["kitten", "sitting", 2, undefined],
    ["", "abc", 3, 3],
    ["abc", "abc", 0, 0],
    ["abcdef", "abdef", 1, 1],
    ["{($.a=1)}", "{ ($.a = 1) }", 4, 4],
    ["{($.a=1)}", "{ ($.a = 1) }", 3, undefined],
  ])("%j vs %j within %d is %j", (a, b, max, expected) => {
    expect(distanceWithin(a, b, max)).toBe(expected);
    expect(distanceWithin(b, a, max)).toBe(expected);
  });
});
