/**
 * PHI scope. An object is PHI when its own tag (default key `classification`, values phi/ephi; key and value
 * compared case-insensitively) says so, or its provider's `default_tags` do and its own tags don't override the key;
 * and, transitively, when a PHI object refers to it: its KMS key, its access-log bucket, its replication destination
 * (and replica key), and the state bucket, key and lock table of the `backend "s3"`.
 */

import type { Range } from "../../hcl/range.js";
import { Unknown, unmark, type Value } from "../../hcl/value.js";
import type { KeyReference } from "../../model/aws/kms.js";
import type { AwsModel, PhiTagOption } from "../../model/aws/model.js";
import type { ModelObject, PhiScope } from "../../model/aws/resource.js";
import type { AdaptContext, TagOrigin } from "./context.js";

export const defaultPhiTag: PhiTagOption = { key: "classification", values: ["phi", "ephi"] };

type TagVerdict = "phi" | "not-phi" | "unknown" | "absent";

function verdict(tags: Value | undefined, option: PhiTagOption): TagVerdict {
  if (tags === undefined) return "absent";
  const plain = unmark(tags).value;
  if (plain instanceof Unknown) return "unknown";
  if (plain === null || typeof plain !== "object" || Array.isArray(plain)) return "absent";
  const wantedKey = option.key.toLowerCase();
  const values = new Set(option.values.map((v) => v.toLowerCase()));
  for (const key of Object.keys(plain)) {
    if (key.toLowerCase() !== wantedKey) continue;
    const value = unmark((plain as Record<string, Value>)[key] as Value).value;
    if (value instanceof Unknown) return "unknown";
    return typeof value === "string" && values.has(value.toLowerCase()) ? "phi" : "not-phi";
  }
  return "absent";
}

function tagScope(origin: TagOrigin, option: PhiTagOption): PhiScope | undefined {
  const own = verdict(origin.own?.value, option);
  if (own === "phi" && origin.own) return { value: true, reason: "tag", range: origin.own.range };
  if (own === "unknown" && origin.own) return { value: true, reason: "unknown-tag", range: origin.own.range };
  if (own === "not-phi") return undefined;
  const defaults = verdict(origin.defaults?.value, option);
  if (defaults === "phi" && origin.defaults)
    return { value: true, reason: "default-tag", range: origin.defaults.range };
  if (defaults === "unknown" && origin.defaults)
    return { value: true, reason: "unknown-tag", range: origin.defaults.range };
  return undefined;
}

interface Edge {
  readonly target: ModelObject;
  readonly relation: string;
  readonly range: Range;
}

function keyEdge(ref: KeyReference, relation = "kms key"): Edge[] {
  return ref.key.kind === "resolved" ? [{ target: ref.key.target, relation, range: ref.id.range }] : [];
}

/** What a PHI object pulls into scope. */
function edgesOf(object: ModelObject): Edge[] {
  const o = object as unknown as Record<string, unknown>;
  const edges: Edge[] = [];
  switch (object.type) {
    case "aws_s3_bucket": {
      const bucket = object as AwsModel["buckets"][number];
      edges.push(...keyEdge(bucket.encryption.kmsKey));
      if (bucket.logging.target.kind === "resolved") {
        edges.push({
          target: bucket.logging.target.target,
          relation: "access log bucket",
          range: bucket.logging.targetBucketName.range,
        });
      }
      for (const rule of bucket.replication?.rules ?? []) {
        if (rule.destination.kind === "resolved") {
          edges.push({
            target: rule.destination.target,
            relation: "replication destination",
            range: rule.destinationBucketArn.range,
          });
        }
        edges.push(...keyEdge(rule.replicaKmsKey, "replica kms key"));
      }
      break;
    }
    case "aws_db_instance":
    case "aws_rds_cluster_instance": {
      const db = object as AwsModel["dbInstances"][number];
      edges.push(...keyEdge(db.kmsKey));
      if (db.cluster.kind === "resolved")
        edges.push({ target: db.cluster.target, relation: "db cluster", range: db.range });
      break;
    }
    default:
      // Every other object with a key (tables, log groups, topics, clusters …) pulls its key in.
      if (o.kmsKey && typeof o.kmsKey === "object") edges.push(...keyEdge(o.kmsKey as KeyReference));
  }
  return edges;
}

export function applyScope(ctx: AdaptContext, model: AwsModel): void {
  const phi: ModelObject[] = [];
  const seen = new Set<ModelObject>();
  for (const object of new Set(ctx.objects.values())) {
    const origin = ctx.tagOrigins.get(object);
    const scope = origin ? tagScope(origin, ctx.phiTag) : undefined;
    if (!scope) continue;
    object.phi = scope;
    phi.push(object);
    seen.add(object);
  }
  const backend = model.backend;
  if (backend) {
    const stateEdges: Edge[] = [];
    if (backend.bucket.kind === "resolved") {
      stateEdges.push({ target: backend.bucket.target, relation: "state bucket", range: backend.bucketName.range });
    }
    stateEdges.push(...keyEdge(backend.kmsKey));
    if (backend.dynamodbTable.kind === "resolved") {
      stateEdges.push({
        target: backend.dynamodbTable.target,
        relation: "state lock table",
        range: backend.dynamodbTableName.range,
      });
    }
    for (const edge of stateEdges) {
      if (seen.has(edge.target)) continue;
      edge.target.phi =
        edge.relation === "state bucket"
          ? { value: true, reason: "state-bucket", via: backend.address, relation: edge.relation, range: edge.range }
          : { value: true, reason: "referenced-by", via: backend.address, relation: edge.relation, range: edge.range };
      seen.add(edge.target);
      phi.push(edge.target);
    }
  }
  // Breadth-first from the tagged objects, in model order: each object names the first PHI object that reached it.
  for (let i = 0; i < phi.length; i++) {
    const from = phi[i] as ModelObject;
    for (const edge of edgesOf(from)) {
      if (seen.has(edge.target)) continue;
      edge.target.phi = {
        value: true,
        reason: "referenced-by",
        via: from.address,
        relation: edge.relation,
        range: edge.range,
      };
      seen.add(edge.target);
      phi.push(edge.target);
    }
  }
}
