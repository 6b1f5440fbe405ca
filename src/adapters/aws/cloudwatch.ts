/**
 * CloudWatch Logs groups, metric filters and alarms, joined: filter → its log group (by reference or name),
 * alarm → the filters producing its metric (same metric name and namespace), alarm action → SNS topic.
 */

import { SetValue, Unknown, unmark, type Value } from "../../hcl/value.js";
import type { Alarm, AlarmAction, LogGroup, MetricFilter } from "../../model/aws/cloudwatch.js";
import type { Topic } from "../../model/aws/sns.js";
import type { AdaptContext, Mutable } from "./context.js";
import { arnName, JoinIndex } from "./join.js";
import { blocks, rawValue } from "./read.js";

/** `arn:aws:logs:region:account:log-group:NAME` or `…:NAME:*` → NAME. */
export function logGroupNameOf(text: string): string | undefined {
  if (!text.startsWith("arn:")) return text;
  const match = /:log-group:([^:]+)(:\*)?$/.exec(text);
  return match?.[1];
}

export function adaptLogGroups(ctx: AdaptContext): JoinIndex<LogGroup> {
  const index = new JoinIndex<LogGroup>();
  const r = ctx.read;
  for (const instance of ctx.instances("aws_cloudwatch_log_group")) {
    ctx.guard(instance, () => {
      const body = instance.body;
      const group: Mutable<LogGroup> = {
        ...ctx.base(instance),
        name: r.string(body, "name"),
        kmsKey: ctx.keyReference(instance, "kms_key_id"),
        retentionInDays: r.number(body, "retention_in_days", 0),
        logGroupClass: r.string(body, "log_group_class", "STANDARD"),
        metricFilters: [],
        tags: r.defaulted(instance.range),
      };
      group.tags = ctx.tags(instance, group);
      index.add(instance, group);
      index.addName(group.name.value, group);
      ctx.register(group);
    });
  }
  return index;
}

/** Each element of a list attribute as a raw value (a whole unknown list: undefined). */
function elements(value: Value | undefined): readonly Value[] | undefined {
  if (value === undefined) return [];
  const plain = unmark(value).value;
  if (plain === null) return [];
  if (plain instanceof Unknown) return undefined;
  if (Array.isArray(plain)) return plain;
  if (plain instanceof SetValue) return plain.items;
  return [plain];
}

export function adaptMetricsAndAlarms(
  ctx: AdaptContext,
  logGroups: JoinIndex<LogGroup>,
  topics: JoinIndex<Topic>,
): { filters: MetricFilter[]; alarms: Alarm[] } {
  const r = ctx.read;
  const filters: MetricFilter[] = [];
  const byMetric = new Map<string, MetricFilter[]>();
  for (const instance of ctx.instances("aws_cloudwatch_log_metric_filter")) {
    ctx.guard(instance, () => {
      const body = instance.body;
      const logGroup = logGroups.resolve(rawValue(body, "log_group_name"), { from: instance, nameOf: logGroupNameOf });
      const filter: Mutable<MetricFilter> = {
        ...ctx.base(instance),
        name: r.string(body, "name"),
        pattern: r.string(body, "pattern"),
        logGroupName: r.string(body, "log_group_name"),
        logGroup,
        metricTransformations: blocks(body, "metric_transformation").map((t) => ({
          range: t.range,
          name: r.string(t, "name"),
          namespace: r.string(t, "namespace"),
          value: r.string(t, "value"),
        })),
        alarms: [],
      };
      if (logGroup.kind === "resolved") (logGroup.target.metricFilters as MetricFilter[]).push(filter);
      for (const t of filter.metricTransformations) {
        if (t.name.value === undefined || t.namespace.value === undefined) continue;
        const key = `${t.namespace.value}\u0000${t.name.value}`;
        const list = byMetric.get(key);
        if (list) list.push(filter);
        else byMetric.set(key, [filter]);
      }
      filters.push(filter);
      ctx.register(filter);
    });
  }

  const alarms: Alarm[] = [];
  for (const instance of ctx.instances("aws_cloudwatch_metric_alarm")) {
    ctx.guard(instance, () => {
      const body = instance.body;
      const actionsList = r.strings(body, "alarm_actions");
      const raw = elements(rawValue(body, "alarm_actions"));
      const written = body.attributes.alarm_actions;
      const alarmActions: AlarmAction[] = (raw ?? []).map((element) => {
        const plain = unmark(element).value;
        const arn = typeof plain === "string" ? plain : undefined;
        return {
          arn: {
            value: arn,
            range: written?.range ?? instance.range,
            origin: arn === undefined ? "unknown" : "explicit",
          },
          topic: topics.resolve(element, { from: instance, nameOf: arnName }),
        };
      });
      const alarm: Mutable<Alarm> = {
        ...ctx.base(instance),
        name: r.string(body, "alarm_name"),
        metricName: r.string(body, "metric_name"),
        namespace: r.string(body, "namespace"),
        statistic: r.string(body, "statistic"),
        period: r.number(body, "period"),
        threshold: r.number(body, "threshold"),
        comparisonOperator: r.string(body, "comparison_operator"),
        evaluationPeriods: r.number(body, "evaluation_periods"),
        actionsEnabled: r.bool(body, "actions_enabled", true),
        alarmActionsList: actionsList,
        alarmActions,
        usesMetricQuery: blocks(body, "metric_query").length > 0,
        metricFilters: [],
        tags: r.defaulted(instance.range),
      };
      alarm.tags = ctx.tags(instance, alarm);
      if (alarm.metricName.value !== undefined && alarm.namespace.value !== undefined) {
        for (const filter of byMetric.get(`${alarm.namespace.value}\u0000${alarm.metricName.value}`) ?? []) {
          (alarm.metricFilters as MetricFilter[]).push(filter);
          (filter.alarms as Alarm[]).push(alarm);
        }
      }
      alarms.push(alarm);
      ctx.register(alarm);
    });
  }
  return { filters, alarms };
}
