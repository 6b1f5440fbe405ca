/** DynamoDB tables. */
import type { DynamoTable } from "../../model/aws/dynamodb.js";
import type { AdaptContext, Mutable } from "./context.js";
import { JoinIndex } from "./join.js";
import { block } from "./read.js";

export function adaptTables(ctx: AdaptContext): JoinIndex<DynamoTable> {
  const index = new JoinIndex<DynamoTable>();
  const r = ctx.read;
  for (const instance of ctx.instances("aws_dynamodb_table")) {
    ctx.guard(instance, () => {
      const body = instance.body;
      const sse = block(body, "server_side_encryption");
      const pitr = block(body, "point_in_time_recovery");
      const sseBody = sse ?? { range: instance.range, attributes: Object.create(null), blocks: Object.create(null) };
      let kmsKey = ctx.keyReference(instance, "kms_key_arn", sseBody);
      const sseEnabled = sse ? r.bool(sse, "enabled", false) : r.defaulted(instance.range, false);
      // Enabled without a key: the AWS-managed aws/dynamodb key.
      if (sseEnabled.value === true && kmsKey.key.kind === "none") {
        kmsKey = { ...kmsKey, key: { kind: "aws-managed", alias: "alias/aws/dynamodb" } };
      }
      const table: Mutable<DynamoTable> = {
        ...ctx.base(instance),
        name: r.string(body, "name"),
        sseEnabled,
        kmsKey,
        pointInTimeRecovery: pitr ? r.bool(pitr, "enabled", false) : r.defaulted(instance.range, false),
        deletionProtection: r.bool(body, "deletion_protection_enabled", false),
        tags: r.defaulted(instance.range),
      };
      table.tags = ctx.tags(instance, table);
      index.add(instance, table);
      index.addName(table.name.value, table);
      ctx.register(table);
    });
  }
  return index;
}
