import { describe, expect, it } from "vitest";
import type { S3DataEventCoverage } from "../../../src/model/aws/cloudtrail.js";
import { adaptFixture, byAddress, diags, leaf, link, span } from "./support.js";

/** Every string reachable from a value (the model is a graph with cycles). */
function reachableStrings(root: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown): void => {
    if (typeof v === "string") out.push(v);
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    const items = v instanceof Map ? [...v.values()] : Array.isArray(v) ? v : Object.values(v);
    for (const item of items) visit(item);
  };
  visit(root);
  return out;
}

function coverage(c: S3DataEventCoverage): string {
  const scope =
    c.scope.kind === "bucket" ? c.scope.bucket.address : c.scope.kind === "literal" ? c.scope.text : c.scope.kind;
  const excluded = c.excluded.map((e) => (typeof e === "string" ? e : e.address)).join(",");
  const access = `${c.read ? "read" : ""}${c.read && c.write ? "+" : ""}${c.write ? "write" : ""}`;
  return `${span(c.range)} ${scope}${excluded ? ` except ${excluded}` : ""} ${access}${c.uncertain ? " uncertain" : ""}`;
}

describe("CloudTrail, CloudWatch and SNS", () => {
  const { model, diagnostics, graph } = adaptFixture("services");

  it("adapts without diagnostics", () => {
    expect(diags(graph.diagnostics)).toEqual([]);
    expect(diags(diagnostics)).toEqual([]);
  });

  it("reads trail settings with AWS's defaults and resolves its bucket, log group and key", () => {
    const trail = byAddress(model.trails, "aws_cloudtrail.main");
    expect(leaf(trail.isMultiRegionTrail)).toBe("true explicit logging.tf:31:3-31:36");
    expect(leaf(trail.includeGlobalServiceEvents)).toBe("true default logging.tf:28:1-79:2");
    expect(leaf(trail.enableLogFileValidation)).toBe("true explicit logging.tf:32:3-32:36");
    expect(link(trail.bucket)).toBe("aws_s3_bucket.trail");
    expect(link(trail.logGroup)).toBe("aws_cloudwatch_log_group.trail");
    expect(link(trail.kmsKey.key)).toBe("aws_kms_key.logs");
  });

  it("derives S3 data-event coverage from basic and advanced selectors", () => {
    const trail = byAddress(model.trails, "aws_cloudtrail.main");
    expect(trail.s3DataEvents.map(coverage)).toEqual([
      'logging.tf:38:5-41:6 aws_s3_bucket.phi["a"] write',
      'logging.tf:44:3-62:4 aws_s3_bucket.phi["b"] read',
      "logging.tf:64:3-78:4 all except aws_s3_bucket.trail read+write",
    ]);
    expect(trail.eventSelectors.map((s) => leaf(s.readWriteType))).toEqual([
      '"WriteOnly" explicit logging.tf:37:5-37:34',
    ]);
    expect(trail.advancedEventSelectors.map((s) => s.fieldSelectors.length)).toEqual([4, 3]);
  });

  it("reads a basic selector over every bucket, and a bucket outside the configuration as a literal", () => {
    const trail = byAddress(model.trails, "aws_cloudtrail.all_buckets");
    expect(link(trail.bucket)).toBe("aws_s3_bucket.trail");
    expect(trail.s3DataEvents.map(coverage)).toEqual([
      "logging.tf:143:5-146:6 all read+write",
      "logging.tf:143:5-146:6 arn:aws:s3:::acme-elsewhere/ read+write",
    ]);
    expect(byAddress(model.buckets, "aws_s3_bucket.trail").trailSources).toEqual([
      "aws_cloudtrail.main",
      "aws_cloudtrail.all_buckets",
    ]);
  });

  it("joins metric filter → log group, filter → alarm, alarm → topic", () => {
    const group = byAddress(model.logGroups, "aws_cloudwatch_log_group.trail");
    expect(leaf(group.retentionInDays)).toBe("2192 explicit logging.tf:24:3-24:27");
    expect(link(group.kmsKey.key)).toBe("aws_kms_key.logs");
    expect(group.kmsKey.viaAlias).toBe("aws_kms_alias.logs");
    expect(group.metricFilters.map((f) => f.address)).toEqual([
      "aws_cloudwatch_log_metric_filter.root",
      "aws_cloudwatch_log_metric_filter.no_mfa",
    ]);
    const filter = byAddress(model.metricFilters, "aws_cloudwatch_log_metric_filter.root");
    expect(leaf(filter.pattern)).toBe('"{ $.userIdentity.type = \\"Root\\" }" explicit logging.tf:96:3-96:56');
    expect(filter.alarms.map((a) => a.address)).toEqual(["aws_cloudwatch_metric_alarm.root"]);
    const alarm = byAddress(model.alarms, "aws_cloudwatch_metric_alarm.root");
    expect(alarm.metricFilters).toEqual([filter]);
    expect(alarm.alarmActions.map((a) => `${leaf(a.arn)} -> ${link(a.topic)}`)).toEqual([
      "undefined unknown logging.tf:113:3-113:99 -> aws_sns_topic.alarms",
      '"arn:aws:sns:us-east-1:123456789012:elsewhere" explicit logging.tf:113:3-113:99 -> literal arn:aws:sns:us-east-1:123456789012:elsewhere',
    ]);
  });

  it("joins a filter by log group name and an alarm naming the filter's metric by reference", () => {
    const filter = byAddress(model.metricFilters, "aws_cloudwatch_log_metric_filter.no_mfa");
    expect(link(filter.logGroup)).toBe("aws_cloudwatch_log_group.trail");
    const alarm = byAddress(model.alarms, "aws_cloudwatch_metric_alarm.no_mfa");
    expect(alarm.metricFilters).toEqual([filter]);
    expect(alarm.alarmActions).toEqual([]);
    expect(leaf(alarm.alarmActionsList)).toBe("undefined default logging.tf:127:1-136:2");
  });

  it("joins a topic policy resource and resolves the topic key by alias name", () => {
    const topic = byAddress(model.topics, "aws_sns_topic.alarms");
    expect(link(topic.kmsKey.key)).toBe("aws_kms_key.logs");
    expect(topic.policy?.address).toBe("aws_sns_topic_policy.alarms");
    expect(topic.policy?.document?.statements[0]?.principal).toEqual([
      { type: "Service", value: "cloudwatch.amazonaws.com" },
    ]);
    expect(topic.sources.map((s) => s.address)).toEqual(["aws_sns_topic.alarms", "aws_sns_topic_policy.alarms"]);
  });

  it("reads key settings", () => {
    const key = byAddress(model.keys, "aws_kms_key.logs");
    expect(leaf(key.rotationPeriodDays)).toBe("180 explicit logging.tf:3:3-3:32");
    expect(leaf(key.deletionWindowDays)).toBe("7 explicit logging.tf:4:3-4:30");
    expect(leaf(key.keySpec)).toBe('"SYMMETRIC_DEFAULT" default logging.tf:1:1-5:2');
    expect(leaf(key.keyOrigin)).toBe('"AWS_KMS" default logging.tf:1:1-5:2');
    expect(key.policy).toBeUndefined();
    expect(key.aliases.map((a) => a.address)).toEqual(["aws_kms_alias.logs"]);
  });
});

describe("KMS key kinds and key policies", () => {
  const { model } = adaptFixture("services");

  it("joins a separate key policy and reads the key spec and usage", () => {
    const key = byAddress(model.keys, "aws_kms_key.signing");
    expect(leaf(key.keySpec)).toBe('"ECC_NIST_P256" explicit logging.tf:155:3-155:45');
    expect(leaf(key.keyUsage)).toBe('"SIGN_VERIFY" explicit logging.tf:156:3-156:43');
    expect(key.policy?.address).toBe("aws_kms_key_policy.signing");
    expect(key.policy?.document?.statements[0]?.action).toEqual(["kms:*"]);
    expect(key.sources.map((s) => s.address)).toEqual(["aws_kms_key.signing", "aws_kms_key_policy.signing"]);
    expect(model.byAddress.get("aws_kms_key_policy.signing")).toBe(key);
  });

  it("marks imported key material as EXTERNAL", () => {
    const key = byAddress(model.keys, "aws_kms_external_key.byok");
    expect(leaf(key.keyOrigin)).toBe('"EXTERNAL" default logging.tf:167:1-169:2');
    expect(key.customerManaged).toBe(true);
  });
});

describe("RDS, DynamoDB, EBS, VPC, ELB and account settings", () => {
  const { model } = adaptFixture("services");

  it("tells how a database password is given without keeping it", () => {
    const db = byAddress(model.dbInstances, "aws_db_instance.main");
    expect(leaf(db.masterPassword)).toBe('"known" explicit data.tf:6:3-6:47');
    expect(reachableStrings(model).some((text) => text.includes("hunter2"))).toBe(false);
    expect(leaf(db.storageEncrypted)).toBe("true explicit data.tf:7:3-7:29");
    expect(link(db.kmsKey.key)).toBe("aws_kms_key.logs");
    expect(leaf(db.backupRetentionPeriod)).toBe("1 default data.tf:1:1-12:2");
    expect(db.phi.reason).toBe("tag");
    const cluster = byAddress(model.dbClusters, "aws_rds_cluster.aurora");
    expect(leaf(cluster.masterPassword)).toBe('"managed" explicit data.tf:18:3-18:37');
    expect(cluster.instances.map((i) => i.address)).toEqual([
      "aws_rds_cluster_instance.aurora[0]",
      "aws_rds_cluster_instance.aurora[1]",
    ]);
  });

  it("reads DynamoDB encryption and PITR", () => {
    const table = byAddress(model.dynamoTables, "aws_dynamodb_table.records");
    expect(leaf(table.sseEnabled)).toBe("false default data.tf:31:1-37:2");
    expect(link(table.kmsKey.key)).toBe("none");
    expect(leaf(table.pointInTimeRecovery)).toBe("true explicit data.tf:35:5-35:19");
  });

  it("reads EBS defaults and joins flow logs to their VPC and log group", () => {
    expect(model.ebsEncryptionByDefault.map((e) => leaf(e.enabled))).toEqual(["true default data.tf:39:1-39:51"]);
    expect(model.ebsDefaultKmsKeys.map((e) => link(e.kmsKey.key))).toEqual(["aws_kms_key.logs"]);
    const vpc = byAddress(model.vpcs, "aws_vpc.main");
    expect(vpc.flowLogs.map((f) => `${f.address} ${link(f.logGroup)} ${leaf(f.logDestinationType)}`)).toEqual([
      'aws_flow_log.main aws_cloudwatch_log_group.trail "cloud-watch-logs" default data.tf:49:1-54:2',
    ]);
  });

  it("joins listeners to their load balancer with protocol defaults", () => {
    const lb = byAddress(model.loadBalancers, "aws_lb.web");
    expect(leaf(lb.dropInvalidHeaderFields)).toBe("true explicit data.tf:58:3-58:36");
    expect(lb.listeners.map((l) => l.address)).toEqual(["aws_lb_listener.https", "aws_lb_listener.http"]);
    const http = byAddress(model.listeners, "aws_lb_listener.http");
    expect(leaf(http.protocol)).toBe('"HTTP" default data.tf:73:1-84:2');
    expect(leaf(http.sslPolicy)).toBe("undefined default data.tf:73:1-84:2");
    expect(http.defaultActions.map((a) => `${leaf(a.type)} ${leaf(a.redirectProtocol)}`)).toEqual([
      '"redirect" explicit data.tf:77:5-77:22 "HTTPS" explicit data.tf:79:7-79:28',
    ]);
    const https = byAddress(model.listeners, "aws_lb_listener.https");
    expect(leaf(https.sslPolicy)).toBe('"ELBSecurityPolicy-TLS13-1-2-2021-06" explicit data.tf:65:3-65:60');
  });

  it("reads account-level settings", () => {
    expect(
      model.accountPublicAccessBlocks.map((a) => `${leaf(a.blockPublicAcls)} | ${leaf(a.ignorePublicAcls)}`),
    ).toEqual(["true explicit data.tf:87:3-87:29 | false default data.tf:86:1-89:2"]);
    const policy = byAddress(model.passwordPolicies, "aws_iam_account_password_policy.this");
    expect(leaf(policy.minimumPasswordLength)).toBe("14 explicit data.tf:92:3-92:33");
    expect(leaf(policy.maxPasswordAge)).toBe("undefined default data.tf:91:1-95:2");
    expect(model.accessAnalyzers.map((a) => leaf(a.analyzerType))).toEqual(['"ACCOUNT" default data.tf:97:1-99:2']);
  });
});
