/** The root module's `backend "s3"`: its state bucket and lock table, resolved by name to this configuration's. */
import type { StateBackend } from "../../model/aws/backend.js";
import type { DynamoTable } from "../../model/aws/dynamodb.js";
import type { Bucket } from "../../model/aws/s3.js";
import type { AdaptContext, Mutable } from "./context.js";
import { bucketNameOf, type JoinIndex } from "./join.js";
import { rawValue } from "./read.js";

export function adaptBackend(
  ctx: AdaptContext,
  buckets: JoinIndex<Bucket>,
  tables: JoinIndex<DynamoTable>,
): StateBackend | undefined {
  const backend = ctx.graph.backend;
  if (backend?.type !== "s3") return undefined;
  const r = ctx.read;
  const body = backend.body;
  const address = `terraform.backend.${backend.type}`;
  const state: Mutable<StateBackend> = {
    address,
    type: "backend",
    range: backend.range,
    moduleCalls: [],
    provider: "",
    sources: [{ address, type: "backend", range: backend.range }],
    phi: { value: false, reason: "none", range: backend.range },
    backendType: backend.type,
    bucketName: r.string(body, "bucket"),
    bucket: buckets.resolve(rawValue(body, "bucket"), { nameOf: bucketNameOf }),
    key: r.string(body, "key"),
    region: r.string(body, "region"),
    encrypt: r.bool(body, "encrypt", false),
    kmsKey: (() => {
      const id = r.string(body, "kms_key_id");
      const { key, viaAlias } = ctx.resolveKey(rawValue(body, "kms_key_id"));
      return viaAlias ? { id, key, viaAlias } : { id, key };
    })(),
    useLockfile: r.bool(body, "use_lockfile", false),
    dynamodbTableName: r.string(body, "dynamodb_table"),
    dynamodbTable: tables.resolve(rawValue(body, "dynamodb_table")),
  };
  return ctx.register(state);
}
