import { defineRule } from "../../rule.js";

export default defineRule({
  id: "cloudwatch-log-group-retention",
  meta: {
    title: "CloudWatch Logs groups keep events at least the minimum retention (default 365 days)",
    severity: "medium",
    service: "cloudwatch",
    scope: "all",
    messages: {
      kept: "Log group {{group}} keeps events {{days}} days (minimum {{minDays}}).",
      neverExpires: "Log group {{group}} never expires its events.",
      tooShort:
        "Log group {{group}} keeps events only {{days}} days, below the minimum of {{minDays}}: evidence is gone before an audit asks for it (HIPAA keeps documentation 6 years).",
      unknown: "The retention of log group {{group}} is known only after apply.",
    },
    remediation: {
      text: "Set retention_in_days to at least the minimum (2192 days keeps six years, as HIPAA keeps documentation), or leave it unset to never expire events.",
      hcl: `resource "aws_cloudwatch_log_group" "this" {
  name              = "/app/intake"
  retention_in_days = 2192
  kms_key_id        = aws_kms_key.logs.arn
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention",
    defaultOptions: { minDays: 365 },
  },
  check(context) {
    const { minDays } = context.options;
    for (const group of context.model.logGroups) {
      const leaf = group.retentionInDays;
      const data = { group: group.address, days: leaf.value ?? 0, minDays };
      if (leaf.origin === "unknown") context.unknown(group, "unknown", data, leaf.range);
      // 0 (the default) means never expire.
      else if (leaf.value === undefined || leaf.value === 0) context.pass(group, "neverExpires", data, leaf.range);
      else if (leaf.value < minDays) context.fail(group, "tooShort", data, leaf.range);
      else context.pass(group, "kept", data, leaf.range);
    }
  },
});
