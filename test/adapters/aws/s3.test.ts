import { describe, expect, it } from "vitest";
import type { Bucket } from "../../../src/model/aws/s3.js";
import { adaptFixture, byAddress, diags, leaf, link, span } from "./support.js";

const bucketOf = (buckets: readonly Bucket[], address: string) => byAddress(buckets, address);

describe("S3 join: for_each bucket maps", () => {
  const { model, diagnostics, graph } = adaptFixture("for-each-buckets");

  it("evaluates and adapts without diagnostics", () => {
    expect(diags(graph.diagnostics)).toEqual([]);
    expect(diags(diagnostics)).toEqual([]);
    expect(model.buckets.map((b) => b.address)).toEqual([
      'aws_s3_bucket.phi["claims"]',
      'aws_s3_bucket.phi["imaging"]',
      "aws_s3_bucket.logs",
    ]);
  });

  it("links each bucket to its own SSE, versioning and logging resource by each.key", () => {
    for (const key of ["claims", "imaging"]) {
      const bucket = bucketOf(model.buckets, `aws_s3_bucket.phi["${key}"]`);
      expect(bucket.sources.map((s) => s.address)).toEqual([
        `aws_s3_bucket.phi["${key}"]`,
        `aws_s3_bucket_server_side_encryption_configuration.phi["${key}"]`,
        `aws_s3_bucket_versioning.phi["${key}"]`,
        `aws_s3_bucket_logging.phi["${key}"]`,
      ]);
      expect(bucket.encryption.provenance).toEqual({
        kind: "resource",
        address: `aws_s3_bucket_server_side_encryption_configuration.phi["${key}"]`,
        range: bucket.sources[1]?.range,
      });
      expect(span(bucket.encryption.provenance.range)).toBe("main.tf:23:1-33:2");
      expect(leaf(bucket.encryption.algorithm)).toBe('"aws:kms" explicit main.tf:28:7-28:36');
      expect(link(bucket.encryption.kmsKey.key)).toBe("aws_kms_key.phi");
      expect(leaf(bucket.encryption.kmsKey.id)).toBe("undefined unknown main.tf:29:7-29:46");
      expect(leaf(bucket.encryption.bucketKeyEnabled)).toBe("true explicit main.tf:31:5-31:30");
      expect(bucket.versioning.provenance.address).toBe(`aws_s3_bucket_versioning.phi["${key}"]`);
      expect(bucket.logging.provenance.address).toBe(`aws_s3_bucket_logging.phi["${key}"]`);
      expect(link(bucket.logging.target)).toBe("aws_s3_bucket.logs");
      expect(leaf(bucket.logging.targetPrefix)).toBe(`"${key}/" explicit main.tf:47:3-47:33`);
    }
    expect(leaf(bucketOf(model.buckets, 'aws_s3_bucket.phi["claims"]').versioning.status)).toBe(
      '"Enabled" explicit main.tf:39:5-39:60',
    );
    expect(leaf(bucketOf(model.buckets, 'aws_s3_bucket.phi["imaging"]').versioning.status)).toBe(
      '"Suspended" explicit main.tf:39:5-39:60',
    );
  });

  it("recognises the access-log target bucket and its SSE-S3 encryption", () => {
    const logs = bucketOf(model.buckets, "aws_s3_bucket.logs");
    expect(logs.isLogTarget).toBe(true);
    expect(logs.logSources.map((b) => b.address)).toEqual([
      'aws_s3_bucket.phi["claims"]',
      'aws_s3_bucket.phi["imaging"]',
    ]);
    expect(logs.encryption.provenance.address).toBe("aws_s3_bucket_server_side_encryption_configuration.logs");
    expect(leaf(logs.encryption.algorithm)).toBe('"AES256" explicit main.tf:54:7-54:31');
    expect(link(logs.encryption.kmsKey.key)).toBe("none");
    expect(bucketOf(model.buckets, 'aws_s3_bucket.phi["claims"]').isLogTarget).toBe(false);
  });

  it("maps every split resource to the bucket it joined", () => {
    expect(model.byAddress.get('aws_s3_bucket_logging.phi["imaging"]')?.address).toBe('aws_s3_bucket.phi["imaging"]');
    expect(model.byAddress.get("aws_s3_bucket_server_side_encryption_configuration.logs")?.address).toBe(
      "aws_s3_bucket.logs",
    );
    expect(model.bucketsByName.get("acme-phi-imaging")?.address).toBe('aws_s3_bucket.phi["imaging"]');
  });
});

describe("S3 join: count = 0", () => {
  const { model, diagnostics } = adaptFixture("count-zero");

  it("joins no encryption from a resource with no instances", () => {
    const data = bucketOf(model.buckets, "aws_s3_bucket.data");
    expect(diags(diagnostics)).toEqual([]);
    expect(data.sources.map((s) => s.address)).toEqual(["aws_s3_bucket.data"]);
    expect(data.encryption.provenance).toEqual({ kind: "absent", address: "aws_s3_bucket.data", range: data.range });
    expect(leaf(data.encryption.algorithm)).toBe('"AES256" default main.tf:6:1-8:2');
    expect(link(data.encryption.kmsKey.key)).toBe("none");
  });

  it("joins the one instance of count = 1, and SSE-KMS without a key is the AWS-managed key", () => {
    const other = bucketOf(model.buckets, "aws_s3_bucket.other");
    expect(other.encryption.provenance.address).toBe("aws_s3_bucket_server_side_encryption_configuration.other[0]");
    expect(leaf(other.encryption.algorithm)).toBe('"aws:kms" explicit main.tf:29:7-29:32');
    expect(link(other.encryption.kmsKey.key)).toBe("aws-managed alias/aws/s3");
    expect(leaf(other.encryption.kmsKey.id)).toBe("undefined default main.tf:28:5-30:6");
  });
});

describe("S3 join: split resources in a sibling module", () => {
  const { model, diagnostics, graph } = adaptFixture("cross-module");
  const bucket = bucketOf(model.buckets, "module.z_storage.aws_s3_bucket.this");

  it("joins through module outputs regardless of module name order", () => {
    expect(diags(graph.diagnostics)).toEqual([]);
    expect(diags(diagnostics)).toEqual([]);
    expect(bucket.sources.map((s) => `${s.address} ${span(s.range)}`)).toEqual([
      "module.z_storage.aws_s3_bucket.this modules/storage/main.tf:9:1-12:2",
      "module.a_protection.aws_s3_bucket_server_side_encryption_configuration.this modules/protection/main.tf:9:1-17:2",
      "module.a_protection.aws_s3_bucket_public_access_block.this modules/protection/main.tf:19:1-24:2",
    ]);
    expect(bucket.moduleCalls.map((c) => `${c.address} ${span(c.range)}`)).toEqual([
      "module.z_storage main.tf:8:1-11:2",
    ]);
    expect(link(bucket.encryption.kmsKey.key)).toBe("module.z_storage.aws_kms_key.this");
  });

  it("reads a present public access block's unset flag as the provider's false", () => {
    const pab = bucket.publicAccessBlock;
    expect(pab.provenance.address).toBe("module.a_protection.aws_s3_bucket_public_access_block.this");
    expect(leaf(pab.blockPublicAcls)).toBe("true explicit modules/protection/main.tf:21:3-21:33");
    expect(leaf(pab.restrictPublicBuckets)).toBe("false default modules/protection/main.tf:19:1-24:2");
  });
});

describe("S3 join: literal bucket names", () => {
  const { model, diagnostics } = adaptFixture("literal-name");
  const records = bucketOf(model.buckets, "aws_s3_bucket.records");

  it("joins by name and by ARN", () => {
    expect(records.sources.map((s) => s.address)).toEqual([
      "aws_s3_bucket.records",
      "aws_s3_bucket_versioning.records",
      "aws_s3_bucket_ownership_controls.records",
    ]);
    expect(leaf(records.versioning.status)).toBe('"Enabled" explicit main.tf:8:5-8:23');
    expect(leaf(records.ownership.objectOwnership)).toBe('"ObjectWriter" explicit main.tf:15:5-15:38');
  });

  it("reports a split resource naming a bucket outside the configuration", () => {
    expect(diags(diagnostics)).toEqual(["warning main.tf:21:3-21:28 Cannot tell which bucket this configures"]);
    expect(model.byAddress.has("aws_s3_bucket_versioning.elsewhere")).toBe(false);
  });
});

describe("S3: inline (deprecated) blocks", () => {
  const { model, diagnostics } = adaptFixture("inline-blocks");
  const legacy = bucketOf(model.buckets, "aws_s3_bucket.legacy");

  it("reads each inline block with its range", () => {
    expect(diags(diagnostics)).toEqual([]);
    expect(legacy.sources.map((s) => s.address)).toEqual(["aws_s3_bucket.legacy"]);
    expect(legacy.encryption.provenance.kind).toBe("inline");
    expect(span(legacy.encryption.provenance.range)).toBe("main.tf:11:3-18:4");
    expect(link(legacy.encryption.kmsKey.key)).toBe("aws_kms_key.legacy");
    expect(leaf(legacy.versioning.status)).toBe('"Enabled" explicit main.tf:8:5-8:19');
    expect(leaf(legacy.acl.acl)).toBe('"log-delivery-write" explicit main.tf:5:3-5:32');
    expect(legacy.acl.provenance.kind).toBe("inline");
  });

  it("reads the legacy object lock block", () => {
    const lock = legacy.objectLock;
    expect(leaf(lock.enabled)).toBe("true explicit main.tf:26:5-26:36");
    expect(leaf(lock.hasDefaultRetention)).toBe("true explicit main.tf:28:7-31:8");
    expect(leaf(lock.mode)).toBe('"COMPLIANCE" explicit main.tf:29:9-29:28');
    expect(leaf(lock.days)).toBe("365 explicit main.tf:30:9-30:19");
    expect(leaf(lock.years)).toBe("undefined default main.tf:28:7-31:8");
  });

  it("resolves the logging target by name and marks it a log target", () => {
    expect(link(legacy.logging.target)).toBe("aws_s3_bucket.legacy_logs");
    expect(leaf(legacy.logging.targetBucketName)).toBe('"acme-legacy-logs" explicit main.tf:21:5-21:39');
    const logs = bucketOf(model.buckets, "aws_s3_bucket.legacy_logs");
    expect(logs.isLogTarget).toBe(true);
    expect(logs.logSources).toEqual([legacy]);
  });

  it("reads legacy lifecycle rules with noncurrent-version actions", () => {
    expect(legacy.lifecycle.rules).toHaveLength(1);
    const rule = legacy.lifecycle.rules[0];
    expect(rule && span(rule.range)).toBe("main.tf:35:3-45:4");
    expect(rule && leaf(rule.enabled)).toBe("true explicit main.tf:37:5-37:19");
    expect(rule && leaf(rule.noncurrentVersionExpirationDays)).toBe("90 explicit main.tf:39:7-39:16");
    expect(rule?.noncurrentVersionTransitions.map((t) => `${leaf(t.days)} | ${leaf(t.storageClass)}`)).toEqual([
      '30 explicit main.tf:42:7-42:25 | "GLACIER" explicit main.tf:43:7-43:32',
    ]);
  });

  it("resolves the replication destination by ARN and the replica key through its alias", () => {
    const rule = legacy.replication?.rules[0];
    expect(rule && link(rule.destination)).toBe("aws_s3_bucket.replica");
    expect(rule && link(rule.replicaKmsKey.key)).toBe("aws_kms_key.replica");
    expect(rule?.replicaKmsKey.viaAlias).toBe("aws_kms_alias.replica");
    expect(rule && leaf(rule.status)).toBe('"Enabled" explicit main.tf:51:7-51:25');
  });
});
