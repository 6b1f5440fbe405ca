/**
 * The case table every `cloudwatch-alarm-*` rule shares, built from that rule's own Security Hub pattern: the same
 * trail, log group, filter and alarm, varied one way per case. Each rule's test file adds cases of its own.
 */
import type { SecurityHubPattern } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import type { InvalidCase, ValidCase } from "../../../support/rule-tester.js";

/** The pattern as an HCL string literal (the patterns hold quotes, never `${` or `%{`). */
export function hcl(pattern: string): string {
  return `"${pattern.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** One character off: the first letter after `$.` in upper case (`$.eventName` → `$.EventName`). */
export function oneCharacterOff(pattern: string): string {
  const at = pattern.indexOf("$.") + 2;
  return `${pattern.slice(0, at)}${pattern.charAt(at).toUpperCase()}${pattern.slice(at + 1)}`;
}

/** Lines 1–13: a CloudTrail log group, a multi-region trail delivering to it, an SNS topic. */
export const monitoredTrail = `resource "aws_cloudwatch_log_group" "trail" {
  name = "/aws/cloudtrail/acme"
}
resource "aws_cloudtrail" "this" {
  name                       = "acme"
  s3_bucket_name             = "acme-trail"
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail-to-logs"
}
resource "aws_sns_topic" "alarms" {
  name = "security-alarms"
}
`;

/** Lines 14–23 (after `monitoredTrail`): the metric filter; its `pattern` is line 17, value from column 20. */
export function filter(patternLiteral: string): string {
  return `resource "aws_cloudwatch_log_metric_filter" "this" {
  name           = "watch"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = ${patternLiteral}
  metric_transformation {
    name      = "Watched"
    namespace = "Security"
    value     = "1"
  }
}
`;
}

export interface AlarmSettings {
  statistic?: string;
  period?: string;
  threshold?: string;
  comparison?: string;
  actions?: string;
}

/** Lines 24–34 (after the filter): the alarm; `threshold` is line 31, `alarm_actions` line 33. */
export function alarm(settings: AlarmSettings = {}): string {
  return `resource "aws_cloudwatch_metric_alarm" "this" {
  alarm_name          = "watch"
  namespace           = "Security"
  metric_name         = "Watched"
  statistic           = ${settings.statistic ?? '"Sum"'}
  period              = ${settings.period ?? "300"}
  evaluation_periods  = 1
  threshold           = ${settings.threshold ?? "1"}
  comparison_operator = ${settings.comparison ?? '"GreaterThanOrEqualToThreshold"'}
  alarm_actions       = ${settings.actions ?? "[aws_sns_topic.alarms.arn]"}
}
`;
}

export function alarmCases(expected: SecurityHubPattern): { valid: ValidCase[]; invalid: InvalidCase[] } {
  const exact = hcl(expected.pattern);
  const patternEnd = 20 + exact.length;
  return {
    valid: [
      {
        name: `${expected.control}: exact pattern, Sum >= 1 over 300 s notifying a topic`,
        code: monitoredTrail + filter(exact) + alarm(),
        passes: 1,
      },
      {
        name: `${expected.control}: joined by literal names, outer spaces, SampleCount > 0 over 60 s, 1 of 3 datapoints`,
        code: `resource "aws_cloudwatch_log_group" "trail" {
  name = "/aws/cloudtrail/acme"
}
resource "aws_cloudtrail" "this" {
  name                       = "acme"
  s3_bucket_name             = "acme-trail"
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail/acme:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail-to-logs"
}
resource "aws_cloudwatch_log_metric_filter" "this" {
  name           = "watch"
  log_group_name = "/aws/cloudtrail/acme"
  pattern        = ${hcl(`  ${expected.pattern}`).slice(0, -1)}\\n"
  metric_transformation {
    name      = "Watched"
    namespace = "Security"
    value     = "1"
  }
}
resource "aws_cloudwatch_metric_alarm" "this" {
  alarm_name          = "watch"
  namespace           = "Security"
  metric_name         = "Watched"
  statistic           = "SampleCount"
  period              = 60
  evaluation_periods  = 3
  datapoints_to_alarm = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:111122223333:security-alarms"]
}
`,
        passes: 1,
      },
    ],
    invalid: [
      {
        name: `${expected.control}: no metric filter on the trail's log group`,
        code: monitoredTrail,
        errors: [
          {
            messageId: "noFilter",
            line: 1,
            column: 1,
            endLine: 3,
            endColumn: 2,
            address: "aws_cloudwatch_log_group.trail",
          },
        ],
      },
      {
        name: `${expected.control}: pattern one character off`,
        code: monitoredTrail + filter(hcl(oneCharacterOff(expected.pattern))) + alarm(),
        errors: [
          {
            messageId: "patternNotExact",
            line: 17,
            column: 3,
            endLine: 17,
            endColumn: patternEnd,
            address: "aws_cloudwatch_log_metric_filter.this",
          },
        ],
      },
      {
        name: `${expected.control}: filter without an alarm`,
        code: monitoredTrail + filter(exact),
        errors: [
          {
            messageId: "noAlarm",
            line: 14,
            column: 1,
            endLine: 23,
            endColumn: 2,
            address: "aws_cloudwatch_log_metric_filter.this",
          },
        ],
      },
      {
        name: `${expected.control}: alarm without an action`,
        code: monitoredTrail + filter(exact) + alarm({ actions: "[]" }),
        errors: [
          {
            messageId: "noAction",
            line: 33,
            column: 3,
            endLine: 33,
            endColumn: 27,
            address: "aws_cloudwatch_metric_alarm.this",
          },
        ],
      },
      {
        name: `${expected.control}: alarm only above 5 events`,
        code: monitoredTrail + filter(exact) + alarm({ threshold: "5" }),
        errors: [{ messageId: "thresholdTooHigh", line: 31, column: 3, endLine: 31, endColumn: 26 }],
      },
      {
        name: `${expected.control}: the trail is single-region`,
        code:
          monitoredTrail.replace("is_multi_region_trail      = true", "is_multi_region_trail      = false") +
          filter(exact) +
          alarm(),
        errors: [
          {
            messageId: "noMonitoredTrail",
            line: 8,
            column: 3,
            endLine: 8,
            endColumn: 73,
            address: "aws_cloudtrail.this",
          },
        ],
      },
      {
        name: `${expected.control}: no trail at all`,
        code: filter(exact).replace("aws_cloudwatch_log_group.trail.name", '"/aws/cloudtrail/acme"'),
        errors: [{ messageId: "noTrail", line: 1, column: 1, endLine: 1, endColumn: 1, address: "account" }],
      },
    ],
  };
}
