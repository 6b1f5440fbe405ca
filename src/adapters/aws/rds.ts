/** RDS instances and clusters; cluster members joined to their cluster. */
import { Sensitive, Unknown, unmark } from "../../hcl/value.js";
import type { DbCluster, DbInstance, PasswordSource } from "../../model/aws/rds.js";
import type { Tracked } from "../../model/aws/resource.js";
import type { ResourceInstance } from "../../terraform/graph.js";
import type { AdaptContext, Mutable } from "./context.js";
import { JoinIndex } from "./join.js";
import { rawValue } from "./read.js";

/** How the master password is given; the value itself is never read into the model. */
function passwordSource(ctx: AdaptContext, instance: ResourceInstance): Tracked<PasswordSource> {
  const body = instance.body;
  const managed = ctx.read.bool(body, "manage_master_user_password", false);
  if (managed.value === true) return { value: "managed", range: managed.range, origin: "explicit" };
  const writeOnly = body.attributes.password_wo ?? body.attributes.master_password_wo;
  if (writeOnly) return { value: "write-only", range: writeOnly.range, origin: "explicit" };
  const password = body.attributes.password ?? body.attributes.master_password;
  if (!password || unmark(password.value).value === null) return ctx.read.defaulted(instance.range, "none");
  const plain = password.value instanceof Sensitive ? unmark(password.value).value : password.value;
  if (plain instanceof Unknown) return { value: "computed", range: password.range, origin: "explicit" };
  return { value: "known", range: password.range, origin: "explicit" };
}

function databaseFields(ctx: AdaptContext, instance: ResourceInstance) {
  const r = ctx.read;
  const body = instance.body;
  const identifierName = instance.type === "aws_rds_cluster" ? "cluster_identifier" : "identifier";
  return {
    ...ctx.base(instance),
    identifier: r.string(body, identifierName),
    engine: r.string(body, "engine"),
    storageEncrypted: r.bool(body, "storage_encrypted", false),
    kmsKey: ctx.keyReference(instance, "kms_key_id"),
    backupRetentionPeriod: r.number(body, "backup_retention_period", 1),
    deletionProtection: r.bool(body, "deletion_protection", false),
    iamDatabaseAuthenticationEnabled: r.bool(body, "iam_database_authentication_enabled", false),
    masterPassword: passwordSource(ctx, instance),
    manageMasterUserPassword: r.bool(body, "manage_master_user_password", false),
    tags: r.defaulted<Record<string, string | undefined>>(instance.range),
  };
}

export function adaptDatabases(ctx: AdaptContext): { instances: DbInstance[]; clusters: DbCluster[] } {
  const r = ctx.read;
  const clusters = new JoinIndex<DbCluster>();
  for (const instance of ctx.instances("aws_rds_cluster")) {
    ctx.guard(instance, () => {
      const cluster: Mutable<DbCluster> = {
        ...databaseFields(ctx, instance),
        instances: [],
        availabilityZones: r.strings(instance.body, "availability_zones"),
        engineMode: r.string(instance.body, "engine_mode", "provisioned"),
      };
      cluster.tags = ctx.tags(instance, cluster);
      clusters.add(instance, cluster);
      clusters.addName(cluster.identifier.value, cluster);
      ctx.register(cluster);
    });
  }
  const instances: DbInstance[] = [];
  for (const type of ["aws_db_instance", "aws_rds_cluster_instance"]) {
    for (const instance of ctx.instances(type)) {
      ctx.guard(instance, () => {
        const body = instance.body;
        const cluster = clusters.resolve(rawValue(body, "cluster_identifier"), { from: instance });
        const db: Mutable<DbInstance> = {
          ...databaseFields(ctx, instance),
          publiclyAccessible: r.bool(body, "publicly_accessible", false),
          multiAz: r.bool(body, "multi_az", false),
          cluster,
          replicateSourceDb: r.string(body, "replicate_source_db"),
        };
        db.tags = ctx.tags(instance, db);
        if (cluster.kind === "resolved") (cluster.target.instances as DbInstance[]).push(db);
        instances.push(db);
        ctx.register(db);
      });
    }
  }
  return { instances, clusters: clusters.items };
}
