/**
 * The one factory behind the 14 `cloudwatch-alarm-*` rules (Security Hub CloudWatch.1–14). Each rule passes when a
 * metric filter with exactly its Security Hub pattern (outer whitespace trimmed; Security Hub accepts nothing else, so
 * CIS text variants that differ only in spacing fail as near misses) is on a log group that an account-wide trail
 * (multi-region, logging, all management events) delivers to, and an alarm on the filter's metric (same name and
 * namespace) notifies an SNS topic: statistic Sum or SampleCount, at least 1 event (GreaterThanOrEqualToThreshold
 * ≤ 1 or GreaterThanThreshold < 1), period ≤ 300 s, one breaching datapoint enough.
 *
 * One result per rule and configuration, located consistently across the 14:
 * - pass: the filter's `pattern`;
 * - no trail at all: the account (start of the root module's first file, see `accountSubject`);
 * - no account-wide trail delivering to CloudWatch Logs: the first trail's `cloud_watch_logs_group_arn` (or block);
 * - no filter with the pattern (nor a near miss): the log group that trail delivers to (its block), or the trail's
 *   `cloud_watch_logs_group_arn` when the group is not defined in the configuration;
 * - a near miss (edit distance ≤ 25% of the pattern; the 14 patterns are ≥ 44% apart): the filter's `pattern`;
 * - the exact pattern on another log group: the filter's `log_group_name`;
 * - no alarm on the filter's metric: the filter's block; an alarm that falls short: the attribute at fault.
 */
import type { Range } from "../../../hcl/range.js";
import type { Trail } from "../../../model/aws/cloudtrail.js";
import type { Alarm, LogGroup, MetricFilter } from "../../../model/aws/cloudwatch.js";
import type { Link } from "../../../model/aws/resource.js";
import {
  defineRule,
  type MessageData,
  type ResultStatus,
  type Rule,
  type RuleSeverity,
  type Subject,
} from "../../rule.js";
import { judge } from "../../support.js";
import { accountSubject, recordsAccount } from "../cloudtrail/trail-logging.js";
import { allSecurityHubPatterns, type SecurityHubPattern } from "./security-hub-patterns.js";

type Tri = "yes" | "no" | "unknown";

/** Levenshtein distance of a and b when it is at most `max`, else undefined (banded: O(max · length)). */
export function distanceWithin(a: string, b: string, max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  const inf = max + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= max ? j : inf;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current.fill(inf);
    current[0] = i <= max ? i : inf;
    let best = current[0];
    for (let j = from; j <= to; j++) {
      const substitution = (previous[j - 1] as number) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1, inf);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return undefined;
    [previous, current] = [current, previous];
  }
  const distance = previous[b.length] as number;
  return distance <= max ? distance : undefined;
}

/** The log group name an ARN or name names (`arn:…:log-group:NAME` or `…:NAME:*`). */
function groupName(text: string): string | undefined {
  if (!text.startsWith("arn:")) return text;
  return /:log-group:([^:]+)(:\*)?$/.exec(text)?.[1];
}

function nameOf(link: Link<LogGroup>): string | undefined {
  if (link.kind === "resolved") return link.target.name.value;
  if (link.kind === "literal") return groupName(link.text);
  return undefined;
}

/** Whether a filter's log group is the one a trail delivers to. */
function sameGroup(trailGroup: Link<LogGroup>, filterGroup: Link<LogGroup>): Tri {
  if (trailGroup.kind === "none" || filterGroup.kind === "none") return "no";
  if (trailGroup.kind === "resolved" && filterGroup.kind === "resolved") {
    return trailGroup.target === filterGroup.target ? "yes" : "no";
  }
  const a = nameOf(trailGroup);
  const b = nameOf(filterGroup);
  if (a === undefined || b === undefined) return "unknown";
  return a === b ? "yes" : "no";
}

interface Outcome {
  readonly status: ResultStatus;
  readonly subject: Subject;
  readonly messageId: string;
  readonly at: Range;
  readonly data?: MessageData;
}

const notifies = (alarm: Alarm): Tri => {
  let result: Tri = "no";
  for (const action of alarm.alarmActions) {
    const topic = action.topic;
    const t: Tri =
      topic.kind === "resolved"
        ? "yes"
        : topic.kind === "literal"
          ? /^arn:[^:]+:sns:/.test(topic.text)
            ? "yes"
            : "no"
          : action.arn.value !== undefined
            ? /^arn:[^:]+:sns:/.test(action.arn.value)
              ? "yes"
              : "no"
            : "unknown";
    if (t === "yes") return "yes";
    if (t === "unknown") result = "unknown";
  }
  return result;
};

/** The first way an alarm falls short of notifying on a single event, or its pass. */
function judgeAlarm(alarm: Alarm): Outcome {
  const fail = (messageId: string, at: Range, data: MessageData = {}): Outcome => ({
    status: "fail",
    subject: alarm,
    messageId,
    at,
    data: { alarm: alarm.address, ...data },
  });
  const unknown = (at: Range): Outcome => ({
    status: "unknown",
    subject: alarm,
    messageId: "alarmUnknown",
    at,
    data: { alarm: alarm.address },
  });
  const enabled = judge(alarm.actionsEnabled, (v) => v === true);
  if (enabled === "fail") return fail("actionsDisabled", alarm.actionsEnabled.range);
  const actions = alarm.alarmActionsList;
  const sns: Tri = actions.origin === "unknown" ? "unknown" : notifies(alarm);
  if (sns === "no") return fail("noAction", actions.range);
  const checks: [ResultStatus, string, Range][] = [
    [enabled, "", alarm.actionsEnabled.range],
    [sns === "yes" ? "pass" : "unknown", "", actions.range],
    [judge(alarm.statistic, (v) => v === "Sum" || v === "SampleCount"), "wrongStatistic", alarm.statistic.range],
  ];
  const operator = alarm.comparisonOperator;
  const threshold = alarm.threshold;
  const operatorOk = judge(operator, (v) => v === "GreaterThanOrEqualToThreshold" || v === "GreaterThanThreshold");
  checks.push([operatorOk, "wrongComparison", operator.range]);
  if (operatorOk === "pass") {
    const strict = operator.value === "GreaterThanThreshold";
    checks.push([
      judge(threshold, (v) => v !== undefined && (strict ? v < 1 : v <= 1)),
      "thresholdTooHigh",
      threshold.range,
    ]);
  }
  checks.push([judge(alarm.period, (v) => v !== undefined && v <= 300), "periodTooLong", alarm.period.range]);
  checks.push([
    judge(alarm.datapointsToAlarm, (v) => v === undefined || v <= 1),
    "needsSeveralDatapoints",
    alarm.datapointsToAlarm.range,
  ]);
  const failed = checks.find((c) => c[0] === "fail");
  if (failed) {
    return fail(failed[1], failed[2], {
      statistic: String(alarm.statistic.value ?? "(not set)"),
      comparison: String(operator.value ?? "(not set)"),
      threshold: String(threshold.value ?? "(not set)"),
      period: String(alarm.period.value ?? "(not set)"),
      datapoints: String(alarm.datapointsToAlarm.value ?? "(not set)"),
    });
  }
  const unsure = checks.find((c) => c[0] === "unknown");
  if (unsure) return unknown(unsure[2]);
  return { status: "pass", subject: alarm, messageId: "monitored", at: alarm.range };
}

/** The best of the alarms on a filter's metric: a pass, else an unknown, else the first alarm's shortfall. */
function judgeAlarms(filter: MetricFilter): Outcome {
  const transformation = filter.metricTransformations[0];
  if (
    transformation &&
    (transformation.name.origin === "unknown" || transformation.namespace.origin === "unknown") &&
    filter.alarms.length === 0
  ) {
    return { status: "unknown", subject: filter, messageId: "alarmUnknown", at: transformation.range };
  }
  if (filter.alarms.length === 0) return { status: "fail", subject: filter, messageId: "noAlarm", at: filter.range };
  const outcomes = filter.alarms.map(judgeAlarm);
  return (
    outcomes.find((o) => o.status === "pass") ??
    outcomes.find((o) => o.status === "unknown") ??
    (outcomes[0] as Outcome)
  );
}

interface Destination {
  readonly trail: Trail;
  /** The trail surely records the whole account (else: only maybe). */
  readonly certain: boolean;
}

function evaluate(model: Parameters<Rule["check"]>[0]["model"], expected: SecurityHubPattern): Outcome | undefined {
  const trails = model.trails;
  if (trails.length === 0) {
    const account = accountSubject(model);
    return account && { status: "fail", subject: account, messageId: "noTrail", at: account.range };
  }
  const destinations: Destination[] = [];
  for (const trail of trails) {
    const recording = recordsAccount(trail);
    if (recording.status === "fail" || trail.logGroup.kind === "none") continue;
    destinations.push({ trail, certain: recording.status === "pass" });
  }
  const firstTrail = trails[0] as Trail;
  if (destinations.length === 0) {
    return {
      status: "fail",
      subject: firstTrail,
      messageId: "noMonitoredTrail",
      at: firstTrail.cloudWatchLogsGroupArn.range,
    };
  }
  const monitored = (filter: MetricFilter): Tri => {
    let result: Tri = "no";
    for (const d of destinations) {
      const same = sameGroup(d.trail.logGroup, filter.logGroup);
      if (same === "yes" && d.certain) return "yes";
      if (same !== "no") result = "unknown";
    }
    return result;
  };
  /** Why a filter is only maybe monitored: its trail may not record the account, or its log group is unknown. */
  const uncertainty = (filter: MetricFilter): Outcome => {
    const trail = destinations.find((d) => !d.certain && sameGroup(d.trail.logGroup, filter.logGroup) === "yes")?.trail;
    return trail
      ? { status: "unknown", subject: trail, messageId: "trailUnknown", at: recordsAccount(trail).at }
      : { status: "unknown", subject: filter, messageId: "logGroupUnknown", at: filter.logGroupName.range };
  };

  const pattern = expected.pattern;
  const others = new Set(allSecurityHubPatterns.map((p) => p.pattern));
  const maxDistance = Math.floor(pattern.length / 4);
  const failures: Outcome[] = [];
  const unknowns: Outcome[] = [];
  const nearMisses: Outcome[] = [];
  for (const filter of model.metricFilters) {
    const leaf = filter.pattern;
    const on = monitored(filter);
    if (leaf.origin === "unknown") {
      if (on !== "no") {
        unknowns.push({ status: "unknown", subject: filter, messageId: "patternUnknown", at: leaf.range });
      }
      continue;
    }
    const text = (leaf.value ?? "").trim();
    if (text === pattern) {
      if (on === "no") {
        failures.push({
          status: "fail",
          subject: filter,
          messageId: "notOnTrailLogGroup",
          at: filter.logGroupName.range,
        });
        continue;
      }
      const alarms = judgeAlarms(filter);
      // An alarm that falls short fails whether or not the filter turns out to be monitored.
      if (alarms.status === "fail") failures.unshift(alarms);
      else if (on === "unknown") unknowns.push(uncertainty(filter));
      else if (alarms.status === "unknown") unknowns.push(alarms);
      else return { status: "pass", subject: filter, messageId: "monitored", at: leaf.range };
      continue;
    }
    if (on === "no" || others.has(text)) continue;
    const distance = distanceWithin(text, pattern, maxDistance);
    if (distance !== undefined) {
      nearMisses.push({
        status: "fail",
        subject: filter,
        messageId: "patternNotExact",
        at: leaf.range,
        data: { distance },
      });
    }
  }
  if (unknowns.length > 0) return unknowns[0];
  if (failures.length > 0) return failures[0];
  if (nearMisses.length > 0) return nearMisses[0];
  const destination = destinations[0] as Destination;
  const group = destination.trail.logGroup;
  if (group.kind === "resolved") {
    return { status: "fail", subject: group.target, messageId: "noFilter", at: group.target.range };
  }
  return {
    status: "fail",
    subject: destination.trail,
    messageId: "noFilter",
    at: destination.trail.cloudWatchLogsGroupArn.range,
  };
}

export interface SecurityHubAlarmRule {
  readonly id: string;
  readonly title: string;
  readonly severity: RuleSeverity;
  readonly pattern: SecurityHubPattern;
  /** The metric name used in the remediation snippet. */
  readonly metricName: string;
}

/** HCL string literal text: quotes and backslashes escaped; `${` and `%{` would start a template. */
function hclString(text: string): string {
  return `"${text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/([$%])\{/g, "$1$1{")}"`;
}

export function securityHubAlarmRule(spec: SecurityHubAlarmRule): Rule {
  const { control, cis, events, pattern } = spec.pattern;
  const name = spec.id.replace(/^cloudwatch-alarm-/, "");
  const snippet = [
    `resource "aws_cloudwatch_log_metric_filter" "${name.replace(/-/g, "_")}" {`,
    `  name           = "${name}"`,
    "  log_group_name = aws_cloudwatch_log_group.cloudtrail.name",
    `  pattern        = ${hclString(pattern)}`,
    "  metric_transformation {",
    `    name      = "${spec.metricName}"`,
    `    namespace = "CISBenchmark"`,
    `    value     = "1"`,
    "  }",
    "}",
    "",
    `resource "aws_cloudwatch_metric_alarm" "${name.replace(/-/g, "_")}" {`,
    `  alarm_name          = "${name}"`,
    `  namespace           = "CISBenchmark"`,
    `  metric_name         = "${spec.metricName}"`,
    `  statistic           = "Sum"`,
    "  period              = 300",
    "  evaluation_periods  = 1",
    "  threshold           = 1",
    `  comparison_operator = "GreaterThanOrEqualToThreshold"`,
    "  alarm_actions       = [aws_sns_topic.security_alarms.arn]",
    "}",
  ].join("\n");
  const data = { control, cis, events };
  return defineRule({
    id: spec.id,
    meta: {
      title: spec.title,
      severity: spec.severity,
      service: "cloudwatch",
      scope: "account",
      messages: {
        monitored: `An alarm notifies an SNS topic of ${events} ({{control}} metric filter on the trail's log group).`,
        noTrail: `No CloudTrail trail is configured, so nothing can alarm on ${events} ({{control}}).`,
        noMonitoredTrail: `No multi-region trail recording all management events delivers to CloudWatch Logs, so no metric filter sees ${events} ({{control}}).`,
        noFilter: `No metric filter on the trail's log group has the {{control}} pattern for ${events}: they raise no alarm.`,
        patternNotExact: `This filter pattern differs from the {{control}} pattern for ${events} by {{distance}} character(s); Security Hub accepts only the exact string.`,
        notOnTrailLogGroup: `The {{control}} filter for ${events} is not on a log group that a multi-region trail delivers to: it never sees those events.`,
        noAlarm: `No alarm watches the metric of the {{control}} filter for ${events}: matches are counted but nobody is told.`,
        actionsDisabled: `Alarm {{alarm}} for ${events} ({{control}}) has actions_enabled = false: nobody is notified.`,
        noAction: `Alarm {{alarm}} for ${events} ({{control}}) notifies no SNS topic: nobody is told.`,
        wrongStatistic: `Alarm {{alarm}} for ${events} ({{control}}) uses statistic {{statistic}}; Sum (or SampleCount) counts every match.`,
        wrongComparison: `Alarm {{alarm}} for ${events} ({{control}}) compares with {{comparison}}; it must fire when the count reaches 1.`,
        thresholdTooHigh: `Alarm {{alarm}} for ${events} ({{control}}) fires only above {{threshold}} ({{comparison}}); a single event must alarm.`,
        periodTooLong: `Alarm {{alarm}} for ${events} ({{control}}) has a period of {{period}} s; at most 300 s keeps notice prompt.`,
        needsSeveralDatapoints: `Alarm {{alarm}} for ${events} ({{control}}) needs {{datapoints}} breaching periods; a single event must alarm.`,
        patternUnknown: `A metric filter pattern on the trail's log group is known only after apply; it may be the {{control}} pattern for ${events}.`,
        logGroupUnknown: `The log group of the {{control}} filter for ${events} is known only after apply.`,
        trailUnknown: `Whether the trail delivering to the log group of the {{control}} filter for ${events} records every region's management events is known only after apply.`,
        alarmUnknown: `Whether an alarm notifies on ${events} ({{control}}) is known only after apply.`,
      },
      remediation: {
        text: `Add a metric filter with exactly the ${control} pattern (${cis}) on the log group the multi-region trail delivers to, and an alarm on its metric that notifies an SNS topic when the Sum over 300 s reaches 1.`,
        hcl: snippet,
      },
      docs: spec.pattern.source,
      defaultOptions: {},
    },
    check(context) {
      const outcome = evaluate(context.model, spec.pattern);
      if (!outcome) return;
      context.report(outcome.status, outcome.subject, outcome.messageId, { ...data, ...outcome.data }, outcome.at);
    },
  });
}
