/**
 * The AWS adapters: resource graph → typed model. Each domain adapter reads its resource types and joins related
 * resources through the indexes of the domains adapted before it (keys first; buckets before trails, flow logs and
 * the backend), then the scope pass marks PHI objects. Adapters never throw: bad input is a located diagnostic.
 */
import type { Diagnostic } from "../../hcl/diagnostic.js";
import type { AwsModel, PhiTagOption } from "../../model/aws/model.js";
import type { Bucket } from "../../model/aws/s3.js";
import type { ResourceGraph } from "../../terraform/graph.js";
import { adaptAccount } from "./account.js";
import { adaptBackend } from "./backend.js";
import { adaptTrails } from "./cloudtrail.js";
import { adaptLogGroups, adaptMetricsAndAlarms } from "./cloudwatch.js";
import { AdaptContext } from "./context.js";
import { adaptTables } from "./dynamodb.js";
import { adaptEbs, adaptNetwork } from "./ec2.js";
import { adaptLoadBalancers } from "./elb.js";
import { adaptIam } from "./iam.js";
import { adaptKeys } from "./kms.js";
import { adaptDatabases } from "./rds.js";
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
  adaptKeys(ctx);
  const buckets = adaptBuckets(ctx);
  const tables = adaptTables(ctx);
  const logGroups = adaptLogGroups(ctx);
  const topics = adaptTopics(ctx);
  const { filters, alarms } = adaptMetricsAndAlarms(ctx, logGroups, topics);
  const trails = adaptTrails(ctx, buckets, logGroups);
  const iam = adaptIam(ctx);
  const backend = adaptBackend(ctx, buckets, tables);
  const ebs = adaptEbs(ctx);
  const network = adaptNetwork(ctx, logGroups, buckets);
  const databases = adaptDatabases(ctx);
  const elb = adaptLoadBalancers(ctx);
  const account = adaptAccount(ctx);

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
    byAddress: ctx.objects,
    bucketsByName,
    phiTag: ctx.phiTag,
  };
  applyScope(ctx, model);
  return { model, diagnostics: ctx.diagnostics };
}
