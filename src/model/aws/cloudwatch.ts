/**
 * CloudWatch Logs groups, metric filters and alarms, joined: filter → log group, filter → alarms on its metric,
 * alarm → SNS topics. Defaults: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group
 */
import type { Range } from "../../hcl/range.js";
import type { KeyReference } from "./kms.js";
import type { Link, ModelObject, Tags, Tracked } from "./resource.js";
import type { Topic } from "./sns.js";

export interface LogGroup extends ModelObject {
  /** Unknown when generated (`name_prefix` or neither). */
  readonly name: Tracked<string>;
  readonly kmsKey: KeyReference;
  /** Days; default 0 = never expire. */
  readonly retentionInDays: Tracked<number>;
  /** `STANDARD` (default), `INFREQUENT_ACCESS`, `DELIVERY`. */
  readonly logGroupClass: Tracked<string>;
  readonly metricFilters: readonly MetricFilter[];
  readonly tags: Tracked<Tags>;
}

export interface MetricTransformation {
  readonly range: Range;
  readonly name: Tracked<string>;
  readonly namespace: Tracked<string>;
  readonly value: Tracked<string>;
}

export interface MetricFilter extends ModelObject {
  readonly name: Tracked<string>;
  readonly pattern: Tracked<string>;
  readonly logGroupName: Tracked<string>;
  readonly logGroup: Link<LogGroup>;
  readonly metricTransformations: readonly MetricTransformation[];
  /** Alarms on a metric this filter produces (same metric name and namespace). */
  readonly alarms: readonly Alarm[];
}

export interface AlarmAction {
  /** The ARN as written; undefined when unknown. */
  readonly arn: Tracked<string>;
  /** An SNS topic of the configuration, a literal ARN (another service or an existing topic), or unknown. */
  readonly topic: Link<Topic>;
}

export interface Alarm extends ModelObject {
  readonly name: Tracked<string>;
  readonly metricName: Tracked<string>;
  readonly namespace: Tracked<string>;
  readonly statistic: Tracked<string>;
  /** Seconds. */
  readonly period: Tracked<number>;
  readonly threshold: Tracked<number>;
  readonly comparisonOperator: Tracked<string>;
  readonly evaluationPeriods: Tracked<number>;
  /** Default true. */
  readonly actionsEnabled: Tracked<boolean>;
  /** `alarm_actions`; the whole list may be unknown (origin unknown, no entries). */
  readonly alarmActionsList: Tracked<readonly (string | undefined)[]>;
  readonly alarmActions: readonly AlarmAction[];
  /** Uses `metric_query` blocks instead of a single metric. */
  readonly usesMetricQuery: boolean;
  /** Metric filters producing the metric it watches. */
  readonly metricFilters: readonly MetricFilter[];
  readonly tags: Tracked<Tags>;
}
