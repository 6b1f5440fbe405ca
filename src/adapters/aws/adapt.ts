/**
 * The AWS adapters: resource graph → typed model. Each domain adapter reads its resource types and joins related
 * resources through the indexes of the domains adapted before it (keys first; buckets before trails, flow logs and
 * the backend), then the scope pass marks PHI objects. Adapters never throw: bad input is a located diagnostic.
 */
import { type Diagnostic, error } from "../../hcl/diagnostic.js";
import { fileStartRange } from "../../hcl/range.js";
import type { AwsModel, PhiTagOption } from "../../model/aws/model.js";
import type { Bucket } from "../../model/aws/s3.js";
import type { ResourceGraph } from "../../terraform/graph.js";
import { accountOf, adaptAccount } from "./account.js";
import { adaptBackend } from "./backend.js";
import { adaptTrails } from "./cloudtrail.js";
import { adaptLogGroups, adaptMetricsAndAlarms } from "./cloudwatch.js";
import { AdaptContext } from "./context.js";
import { adaptTables } from "./dynamodb.js";
import { adaptEbs, adaptNetwork } from "./ec2.js";
import { adaptLoadBalancers } from "./elb.js";
import { adaptIam } from "./iam.js";
import { JoinIndex } from "./join.js";
import { adaptKeys } from "./kms.js";
import { adaptDatabases } from "./rds.js";
import { adaptRegions } from "./region.js";
import { adaptBuckets } from "./s3.js";
import { applyScope, defaultPhiTag } from "./scope.js";
import { adaptTopics } from "./sns.js";

export interface AdaptOptions {
  /** The tag marking PHI resources; default `classification` ∈ {phi, ephi}. */
  readonly phiTag?: PhiTagOption;
}

export interface AdaptResult {
  readonly model: AwsModel;
  readonly diagnostics: readonly Diagnostic[];
}

export function adapt(graph: ResourceGraph, options: AdaptOptions = {}): AdaptResult {
  const ctx = new AdaptContext(graph, options.phiTag ?? defaultPhiTag);
  /** Each stage runs its instances under `guard`; this catches what a stage's own joins might still throw. */
  const stage = <T>(name: string, run: () => T, fallback: T): T => {
    try {
      return run();
    } catch (e) {
      const where = graph.instances[0]?.range ?? fileStartRange(".");
      ctx.diagnostics.push(
        error(
          "Internal error while building the AWS model",
          `${name}: ${e instanceof Error ? e.message : String(e)}`,
          where,
        ),
      );
      return fallback;
    }
  };
  const none = new JoinIndex<never>();
  stage("keys", () => adaptKeys(ctx), undefined);
  const buckets = stage("buckets", () => adaptBuckets(ctx), none);
  const tables = stage("dynamodb", () => adaptTables(ctx), none);
  const logGroups = stage("log groups", () => adaptLogGroups(ctx), none);
  const topics = stage("sns", () => adaptTopics(ctx), none);
  const { filters, alarms } = stage("metrics", () => adaptMetricsAndAlarms(ctx, logGroups, topics), {
    filters: [],
    alarms: [],
  });
  const trails = stage("cloudtrail", () => adaptTrails(ctx, buckets, logGroups), []);
  const iam = stage("iam", () => adaptIam(ctx), {
    roles: [],
    users: [],
    groups: [],
    managedPolicies: [],
    identityPolicies: [],
    externalAttachments: [],
  });
  const backend = stage("backend", () => adaptBackend(ctx, buckets, tables), undefined);
  const ebs = stage("ebs", () => adaptEbs(ctx), { encryption: [], defaultKeys: [] });
  const network = stage("network", () => adaptNetwork(ctx, logGroups, buckets), { vpcs: [], flowLogs: [] });
  const databases = stage("rds", () => adaptDatabases(ctx), { instances: [], clusters: [] });
  const elb = stage("elb", () => adaptLoadBalancers(ctx), { loadBalancers: [], listeners: [] });
  const account = stage("account", () => adaptAccount(ctx), {
    publicAccessBlocks: [],
    passwordPolicies: [],
    accessAnalyzers: [],
  });
  const regions = stage("regions", () => adaptRegions(ctx, ebs), []);

  const bucketsByName = new Map<string, Bucket>();
  for (const bucket of buckets.items) {
    const name = bucket.name.value;
    if (name !== undefined && !bucketsByName.has(name)) bucketsByName.set(name, bucket);
  }
  const model: AwsModel = {
    buckets: buckets.items,
    keys: ctx.keys.items,
    aliases: ctx.aliases.items,
    iam,
    trails,
    logGroups: logGroups.items,
    metricFilters: filters,
    alarms,
    topics: topics.items,
    backend,
    ebsEncryptionByDefault: ebs.encryption,
    ebsDefaultKmsKeys: ebs.defaultKeys,
    regions,
    vpcs: network.vpcs,
    flowLogs: network.flowLogs,
    dbInstances: databases.instances,
    dbClusters: databases.clusters,
    loadBalancers: elb.loadBalancers,
    listeners: elb.listeners,
    dynamoTables: tables.items,
    accountPublicAccessBlocks: account.publicAccessBlocks,
    passwordPolicies: account.passwordPolicies,
    accessAnalyzers: account.accessAnalyzers,
    account: accountOf(graph),
    byAddress: ctx.objects,
    bucketsByName,
    phiTag: ctx.phiTag,
  };
  stage("scope", () => applyScope(ctx, model), undefined);
  return { model, diagnostics: ctx.diagnostics };
}
