// biome-ignore-all lint/suspicious/noTemplateCurlyInString: expected texts hold Terraform interpolations of values known only after apply

/**
 * The AWS details that ../shared/reference/hipaa-baselines.md section 4 ("Details we must get right") lists, each
 * proven on the whole baseline as phiform evaluates it: examples/complete → buildGraph → adapt → the typed model,
 * with the policy analyser wherever a policy decides. Values known only after apply (account id, Region, partition,
 * resource ARNs) appear in expected texts as `${address}`, the way phiform renders them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adapt } from "../../src/adapters/aws/adapt.js";
import type { Bucket, Key, LogGroup, Trail } from "../../src/model/aws/index.js";
import type { PolicyDocument, PolicyStatement, PolicyString } from "../../src/model/aws/policy.js";
import { policyStringText } from "../../src/model/aws/policy.js";
import {
  allows,
  bucketObjectsSubject,
  bucketSubject,
  denies,
  deniesInsecureTransport,
  type PrincipalQuery,
  resourceSubject,
} from "../../src/model/aws/policy-analysis.js";
import type { Link } from "../../src/model/aws/resource.js";
import { bucketIdentity } from "../../src/rules/support.js";
import { buildGraph } from "../../src/terraform/evaluator.js";
import type { ResourceInstance } from "../../src/terraform/graph.js";
import { projectRoot, sharedDir, sharedMissing, sharedPath } from "../support/shared.js";

const graph = buildGraph(join(projectRoot, "examples/complete"), { rootDir: projectRoot });
const { model, diagnostics: adapterDiagnostics } = adapt(graph);

// --- Addresses and the values known only after apply -------------------------------------------------------------

const baseline = "module.hipaa_baseline";
const cloudtrailModule = `${baseline}.module.cloudtrail`;
const kmsAudit = `${baseline}.module.kms_audit`;
const monitoringModule = `${baseline}.module.monitoring`;
const stateBucketModule = `${baseline}.module.state_backend[0].module.bucket`;
const trailBucketModule = `${cloudtrailModule}.module.bucket`;

/** `${module.x.data.aws_partition.current.partition}` and friends: the data sources of one module. */
const partitionOf = (module: string) => `\${${module}.data.aws_partition.current.partition}`;
const regionOf = (module: string) => `\${${module}.data.aws_region.current.region}`;
const accountOf = (module: string) => `\${${module}.data.aws_caller_identity.current.account_id}`;
const arnOf = (address: string) => `\${${address}.arn}`;

/** The trail's predictable ARN, as the cloudtrail module builds it for the bucket and key policies. */
const trailArn = `arn:${partitionOf(cloudtrailModule)}:cloudtrail:${regionOf(cloudtrailModule)}:${accountOf(cloudtrailModule)}:trail/acme-health-trail`;

// --- Reading the model -------------------------------------------------------------------------------------------

const text = (s: PolicyString): string => policyStringText(s);

/** A statement as comparable text: who may (or may not) do what, on what, under which conditions. */
function summary(statement: PolicyStatement) {
  return {
    effect: typeof statement.effect === "string" ? statement.effect : "(unknown)",
    principals: (statement.principal ?? []).map((p) => `${p.type}:${text(p.value)}`),
    actions: (statement.action ?? []).map(text).sort(),
    resources: (statement.resource ?? []).map(text),
    conditions: statement.conditions.map(
      (c) =>
        `${c.operator} ${c.key} = ${c.values.map((v) => (typeof v === "object" || typeof v === "string" ? text(v) : String(v))).join(" | ")}`,
    ),
  };
}

function statementsBySid(document: PolicyDocument): Record<string, ReturnType<typeof summary>> {
  return Object.fromEntries(
    document.statements.map((s) => [s.sid === undefined ? "(no sid)" : text(s.sid), summary(s)]),
  );
}

function resolved<T>(link: Link<T> | { readonly kind: "aws-managed"; readonly alias: string }): T {
  if (link.kind !== "resolved") throw new Error(`expected a resolved link, got ${JSON.stringify(link)}`);
  return link.target;
}

function policyOf(object: { readonly address: string; readonly policy?: { readonly document?: PolicyDocument } }) {
  const document = object.policy?.document;
  if (!document) throw new Error(`${object.address} has no readable policy`);
  return document;
}

function bucket(address: string): Bucket {
  const found = model.buckets.find((b) => b.address === address);
  if (!found) throw new Error(`no bucket ${address}`);
  return found;
}

function instance(address: string): ResourceInstance {
  const found = graph.byAddress.get(address);
  if (!found) throw new Error(`no instance ${address}`);
  return found;
}

const service = (name: string): PrincipalQuery => ({ type: "Service", value: name });
const role = (arn: string): PrincipalQuery => ({ type: "AWS", value: arn });

const trail: Trail = (() => {
  expect(model.trails.map((t) => t.address)).toEqual([`${cloudtrailModule}.aws_cloudtrail.this`]);
  return model.trails[0] as Trail;
})();
const trailBucket = bucket(`${trailBucketModule}.aws_s3_bucket.this`);
const auditKey: Key = resolved(trail.kmsKey.key);

/** Buckets tagged as PHI themselves (not only in scope because a PHI object refers to them). */
const phiTagged = model.buckets.filter((b) => b.phi.reason === "tag");
const logTargets = model.buckets.filter((b) => b.isLogTarget);

it("examples/complete evaluates and adapts without a diagnostic", () => {
  expect(graph.diagnostics).toEqual([]);
  expect(adapterDiagnostics).toEqual([]);
});

it("has the buckets the details below are about", () => {
  expect(phiTagged.map((b) => b.name.value)).toEqual([
    "acme-health-phi-imaging-111122223333",
    "acme-health-phi-records-111122223333",
    "acme-health-terraform-state-111122223333",
  ]);
  expect(logTargets.map((b) => b.name.value)).toEqual([
    "acme-health-phi-imaging-111122223333-logs",
    "acme-health-phi-records-111122223333-logs",
    "acme-health-cloudtrail-111122223333-logs",
    "acme-health-terraform-state-111122223333-logs",
  ]);
  expect(trailBucket.name.value).toBe("acme-health-cloudtrail-111122223333");
  expect(model.buckets).toHaveLength(8);
});

describe("1. CloudTrail bucket policy", () => {
  it("the trail delivers to the trail bucket as an account trail, without a key prefix", () => {
    expect(resolved(trail.bucket)).toBe(trailBucket);
    expect(trail.name.value).toBe("acme-health-trail");
    expect(trail.s3KeyPrefix.origin).toBe("default");
    expect(trail.isOrganizationTrail).toMatchObject({ value: false, origin: "explicit" });
    expect(trailBucket.trailSources).toEqual([trail.address]);
  });

  it("allows cloudtrail.amazonaws.com GetBucketAcl on the bucket ARN and PutObject on AWSLogs/<account>/* with bucket-owner-full-control, both bound by aws:SourceArn to the trail", () => {
    const allowStatements = policyOf(trailBucket).statements.filter((s) => s.effect === "Allow");
    expect(allowStatements.map(summary)).toEqual([
      {
        effect: "Allow",
        principals: ["Service:cloudtrail.amazonaws.com"],
        actions: ["s3:GetBucketAcl"],
        resources: [`arn:${partitionOf(cloudtrailModule)}:s3:::acme-health-cloudtrail-111122223333`],
        conditions: [`StringEquals aws:SourceArn = ${trailArn}`],
      },
      {
        effect: "Allow",
        principals: ["Service:cloudtrail.amazonaws.com"],
        actions: ["s3:PutObject"],
        resources: [
          `arn:${partitionOf(cloudtrailModule)}:s3:::acme-health-cloudtrail-111122223333/AWSLogs/${accountOf(cloudtrailModule)}/*`,
        ],
        conditions: [
          "StringEquals s3:x-amz-acl = bucket-owner-full-control",
          `StringEquals aws:SourceArn = ${trailArn}`,
        ],
      },
    ]);
  });

  it("lets CloudTrail write only under AWSLogs/, only with the ACL header and only for this trail (policy analyser)", () => {
    const policy = policyOf(trailBucket);
    const id = bucketIdentity(trailBucket);
    const cloudtrail = service("cloudtrail.amazonaws.com");
    const aclCheck = { action: "s3:GetBucketAcl", resource: bucketSubject(id), principal: cloudtrail };
    const delivery = { action: "s3:PutObject", resource: bucketObjectsSubject(id, "AWSLogs/*"), principal: cloudtrail };
    expect(allows(policy, aclCheck).result).toBe("yes");
    expect(allows(policy, aclCheck, { withoutCondition: "aws:SourceArn" }).result).toBe("no");
    expect(allows(policy, delivery).result).toBe("yes");
    expect(allows(policy, delivery, { withoutCondition: "aws:SourceArn" }).result).toBe("no");
    expect(allows(policy, delivery, { withoutCondition: "s3:x-amz-acl" }).result).toBe("no");
    expect(allows(policy, { ...delivery, resource: bucketObjectsSubject(id, "elsewhere/log.json.gz") }).result).toBe(
      "no",
    );
    expect(allows(policy, { ...delivery, principal: "anyone" }).result).toBe("no");
  });

  it("names <bucket>/<prefix>/AWSLogs/<account>/* and <bucket>/<prefix>/AWSLogs/<org-id>/* for an organization trail with a prefix", () => {
    const kmsKeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const orgGraph = buildGraph(join(projectRoot, "modules/cloudtrail"), {
      rootDir: projectRoot,
      vars: {
        name: "org-trail",
        kms_key_arn: kmsKeyArn,
        bucket_name: "acme-org-cloudtrail",
        s3_key_prefix: "trails",
        organization_id: "o-a1b2c3d4e5",
      },
    });
    expect(orgGraph.diagnostics).toEqual([]);
    const orgModel = adapt(orgGraph).model;
    const orgBucket = orgModel.buckets.find((b) => b.address === "module.bucket.aws_s3_bucket.this") as Bucket;
    const write = statementsBySid(policyOf(orgBucket)).AWSCloudTrailWrite;
    expect(write?.resources).toEqual([
      "arn:${data.aws_partition.current.partition}:s3:::acme-org-cloudtrail/trails/AWSLogs/${data.aws_caller_identity.current.account_id}/*",
      "arn:${data.aws_partition.current.partition}:s3:::acme-org-cloudtrail/trails/AWSLogs/o-a1b2c3d4e5/*",
    ]);
    expect(orgModel.trails[0]?.isOrganizationTrail.value).toBe(true);
    expect(orgModel.trails[0]?.s3KeyPrefix.value).toBe("trails");
  });
});

describe("2. CloudTrail CMK policy", () => {
  it("the trail and its bucket use the audit CMK; the bucket has no S3 Bucket Key (no kms:Decrypt needed to create the trail)", () => {
    expect(auditKey.address).toBe(`${kmsAudit}.aws_kms_key.this`);
    expect(resolved(trailBucket.encryption.kmsKey.key)).toBe(auditKey);
    expect(trailBucket.encryption.algorithm.value).toBe("aws:kms");
    expect(trailBucket.encryption.bucketKeyEnabled).toMatchObject({ value: false, origin: "explicit" });
  });

  it("grants cloudtrail.amazonaws.com GenerateDataKey* (encryption context StringLike trail/*, aws:SourceArn = the trail) and DescribeKey; auditors Decrypt/ReEncryptFrom with kms:CallerAccount and the context", () => {
    const statements = statementsBySid(policyOf(auditKey));
    const cloudtrailContext = `StringLike kms:EncryptionContext:aws:cloudtrail:arn = arn:${partitionOf(kmsAudit)}:cloudtrail:*:${accountOf(kmsAudit)}:trail/*`;
    expect(statements.CloudTrailEncryptLogs).toEqual({
      effect: "Allow",
      principals: ["Service:cloudtrail.amazonaws.com"],
      actions: ["kms:GenerateDataKey*"],
      resources: ["*"],
      conditions: [cloudtrailContext, `StringEquals aws:SourceArn = ${trailArn}`],
    });
    expect(statements.CloudTrailDescribeKey).toEqual({
      effect: "Allow",
      principals: ["Service:cloudtrail.amazonaws.com"],
      actions: ["kms:DescribeKey"],
      resources: ["*"],
      conditions: [`StringEquals aws:SourceArn = ${trailArn}`],
    });
    expect(statements.CloudTrailLogReaders).toEqual({
      effect: "Allow",
      principals: ["AWS:arn:aws:iam::111122223333:role/acme-health-auditor"],
      actions: ["kms:Decrypt", "kms:ReEncryptFrom"],
      resources: ["*"],
      conditions: [`StringEquals kms:CallerAccount = ${accountOf(kmsAudit)}`, cloudtrailContext],
    });
  });

  it("CloudTrail encrypts only for this trail; only the named auditor decrypts trail logs, not the whole account (policy analyser)", () => {
    const policy = policyOf(auditKey);
    const cloudtrail = { action: "kms:GenerateDataKey", principal: service("cloudtrail.amazonaws.com") };
    expect(allows(policy, cloudtrail).result).toBe("yes");
    expect(allows(policy, cloudtrail, { withoutCondition: "aws:SourceArn" }).result).toBe("no");
    expect(allows(policy, cloudtrail, { withoutCondition: "kms:EncryptionContext:aws:cloudtrail:arn" }).result).toBe(
      "no",
    );
    expect(allows(policy, { action: "kms:Decrypt", principal: service("cloudtrail.amazonaws.com") }).result).toBe("no");

    const auditor = { action: "kms:Decrypt", principal: role("arn:aws:iam::111122223333:role/acme-health-auditor") };
    expect(allows(policy, auditor).result).toBe("yes");
    expect(allows(policy, auditor, { withoutCondition: "kms:CallerAccount" }).result).toBe("no");
    expect(allows(policy, auditor, { withoutCondition: "kms:EncryptionContext:aws:cloudtrail:arn" }).result).toBe("no");
    // The AWS console default lets every principal of the account decrypt; here neither the root nor another role can.
    expect(allows(policy, { action: "kms:Decrypt", principal: role("arn:aws:iam::111122223333:root") }).result).toBe(
      "no",
    );
    expect(
      allows(policy, { action: "kms:Decrypt", principal: role("arn:aws:iam::111122223333:role/acme-health-terraform") })
        .result,
    ).toBe("no");
    expect(allows(policy, { action: "kms:Decrypt", principal: "anyone" }).result).toBe("no");
  });
});

describe("3. CloudWatch Logs CMK", () => {
  const logGroupArn = (module: string, name: string) =>
    `arn:${partitionOf(module)}:logs:${regionOf(module)}:${accountOf(module)}:log-group:${name}`;

  it("grants logs.<region>.amazonaws.com Encrypt*, Decrypt*, ReEncrypt*, GenerateDataKey*, Describe* only for the audit log groups' encryption context", () => {
    expect(statementsBySid(policyOf(auditKey)).CloudWatchLogsEncryption).toEqual({
      effect: "Allow",
      principals: [`Service:logs.${regionOf(kmsAudit)}.amazonaws.com`],
      actions: ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
      resources: ["*"],
      conditions: [
        `ArnLike kms:EncryptionContext:aws:logs:arn = ${[
          logGroupArn(cloudtrailModule, "/aws/cloudtrail/acme-health-trail"),
          logGroupArn(baseline, "/aws/vpc-flow-logs/acme-health"),
          logGroupArn(baseline, "/aws/rds/instance/acme-health-records/postgresql"),
          logGroupArn(baseline, "/aws/rds/instance/acme-health-records/upgrade"),
        ].join(" | ")}`,
      ],
    });
  });

  it("every log group is encrypted with that key, and each is one the grant names (no wildcard)", () => {
    const statement = policyOf(auditKey).statements.find((s) => s.sid === "CloudWatchLogsEncryption");
    const granted = (statement?.conditions[0]?.values ?? []).map((v) => text(v as PolicyString));
    expect(granted.filter((arn) => arn.includes("*"))).toEqual([]);
    expect(granted.map((arn) => arn.slice(arn.indexOf(":log-group:") + ":log-group:".length)).sort()).toEqual(
      model.logGroups.map((g) => g.name.value).sort(),
    );
    expect(model.logGroups.map((g) => [g.name.value, resolved(g.kmsKey.key).address])).toEqual(
      model.logGroups.map((g) => [g.name.value, auditKey.address]),
    );
    const trailGroup: LogGroup = resolved(trail.logGroup);
    expect(trailGroup.name.value).toBe("/aws/cloudtrail/acme-health-trail");
  });
});

describe("4. Encrypted alarm topic", () => {
  const topic = model.topics[0];
  const topicArn = `arn:${partitionOf(baseline)}:sns:${regionOf(baseline)}:${accountOf(baseline)}:acme-health-security-alarms`;

  it("is encrypted with the audit CMK, not alias/aws/sns", () => {
    expect(model.topics.map((t) => t.address)).toEqual([`${monitoringModule}.aws_sns_topic.this`]);
    expect(topic?.name.value).toBe("acme-health-security-alarms");
    expect(topic?.kmsKey.key.kind).toBe("resolved");
    expect(resolved(topic?.kmsKey.key ?? { kind: "none" })).toBe(auditKey);
  });

  it("the key grants cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey* for this topic's encryption context", () => {
    expect(statementsBySid(policyOf(auditKey)).CloudWatchAlarmsPublishToEncryptedTopics).toEqual({
      effect: "Allow",
      principals: ["Service:cloudwatch.amazonaws.com"],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      resources: ["*"],
      conditions: [`StringEquals kms:EncryptionContext:aws:sns:topicArn = ${topicArn}`],
    });
    const policy = policyOf(auditKey);
    const cloudwatch = service("cloudwatch.amazonaws.com");
    expect(allows(policy, { action: "kms:Decrypt", principal: cloudwatch }).result).toBe("yes");
    expect(allows(policy, { action: "kms:GenerateDataKey", principal: cloudwatch }).result).toBe("yes");
  });

  it("the topic policy allows sns:Publish from cloudwatch.amazonaws.com only for this account's alarms (ArnLike aws:SourceArn)", () => {
    const address = `${monitoringModule}.aws_sns_topic.this`;
    const policy = policyOf(topic ?? { address });
    expect(policy.statements.map(summary)).toEqual([
      {
        effect: "Allow",
        principals: ["Service:cloudwatch.amazonaws.com"],
        actions: ["sns:Publish"],
        resources: [arnOf(address)],
        conditions: [
          `ArnLike aws:SourceArn = arn:${partitionOf(monitoringModule)}:cloudwatch:${regionOf(monitoringModule)}:${accountOf(monitoringModule)}:alarm:*`,
          `StringEquals aws:SourceAccount = ${accountOf(monitoringModule)}`,
        ],
      },
    ]);
    const publish = {
      action: "sns:Publish",
      resource: resourceSubject({ address }),
      principal: service("cloudwatch.amazonaws.com"),
    };
    expect(allows(policy, publish).result).toBe("yes");
    expect(allows(policy, publish, { withoutCondition: "aws:SourceArn" }).result).toBe("no");
    expect(allows(policy, { ...publish, principal: "anyone" }).result).toBe("no");
  });

  it("has exactly one subscriber, and every alarm notifies the topic", () => {
    const subscriptions = graph.byType.get("aws_sns_topic_subscription") ?? [];
    expect(subscriptions.map((s) => s.address)).toEqual([
      `${monitoringModule}.aws_sns_topic_subscription.this["security"]`,
    ]);
    const subscription = subscriptions[0] as ResourceInstance;
    expect(subscription.body.attributes.protocol?.value).toBe("email");
    expect(subscription.body.attributes.endpoint?.value).toBe("security@acme-health.example");
    expect(subscription.references).toContain(`${monitoringModule}.aws_sns_topic.this`);
    expect(model.alarms).toHaveLength(14);
    for (const alarm of model.alarms) {
      expect(alarm.alarmActions.map((a) => resolved(a.topic).address)).toEqual([
        `${monitoringModule}.aws_sns_topic.this`,
      ]);
    }
  });
});

describe("5. Server access log targets", () => {
  const sourceOf = (log: Bucket) => {
    expect(log.logSources).toHaveLength(1);
    return log.logSources[0] as Bucket;
  };

  it.each(logTargets.map((b) => [b.name.value, b] as const))(
    "%s: SSE-S3 (AES256), no Object Lock, ACLs disabled, not logged into itself",
    (_name, log) => {
      expect(log.encryption.algorithm).toMatchObject({ value: "AES256", origin: "explicit" });
      expect(log.encryption.kmsKey.key.kind).toBe("none");
      expect(log.objectLock.enabled.value).toBe(false);
      expect(log.objectLock.hasDefaultRetention.value).toBe(false);
      expect(log.ownership.objectOwnership).toMatchObject({ value: "BucketOwnerEnforced", origin: "explicit" });
      expect(log.acl.hasGrants.value).toBe(false);
      expect(log.logging.enabled.value).toBe(false);
      expect(log.logSources.map((s) => s.address)).not.toContain(log.address);
    },
  );

  it.each(logTargets.map((b) => [b.name.value, b] as const))(
    "%s: only logging.s3.amazonaws.com may write, bound by aws:SourceArn to its source bucket and aws:SourceAccount",
    (_name, log) => {
      const source = sourceOf(log);
      const policy = policyOf(log);
      const module = log.address.slice(0, log.address.indexOf(".aws_s3_bucket."));
      expect(policy.statements.filter((s) => s.effect === "Allow").map(summary)).toEqual([
        {
          effect: "Allow",
          principals: ["Service:logging.s3.amazonaws.com"],
          actions: ["s3:PutObject"],
          resources: [`${arnOf(log.address)}/access-logs/*`],
          conditions: [
            `ArnLike aws:SourceArn = ${arnOf(source.address)}`,
            `StringEquals aws:SourceAccount = ${accountOf(module)}`,
          ],
        },
      ]);
      const delivery = {
        action: "s3:PutObject",
        resource: bucketObjectsSubject(bucketIdentity(log), "access-logs/2026/01/01/log"),
        principal: service("logging.s3.amazonaws.com"),
      };
      expect(allows(policy, delivery).result).toBe("yes");
      expect(allows(policy, delivery, { withoutCondition: "aws:SourceArn" }).result).toBe("no");
      expect(allows(policy, delivery, { withoutCondition: "aws:SourceAccount" }).result).toBe("no");
      expect(allows(policy, { ...delivery, principal: "anyone" }).result).toBe("no");
    },
  );

  it.each(logTargets.map((b) => [b.name.value, b] as const))(
    "%s: same account and Region as its source, which has Object Lock and logs to it",
    (_name, log) => {
      const source = sourceOf(log);
      expect(resolved(source.logging.target)).toBe(log);
      expect(source.objectLock.enabled.value).toBe(true);
      expect(log.provider).toBe(source.provider);
      expect(instance(log.address).body.attributes.region?.value ?? null).toBe(
        instance(source.address).body.attributes.region?.value ?? null,
      );
    },
  );

  it("no bucket is Requester Pays and no bucket logs into itself", () => {
    expect(graph.byType.get("aws_s3_bucket_request_payment_configuration") ?? []).toEqual([]);
    for (const b of model.buckets) {
      if (b.logging.target.kind === "resolved") expect(b.logging.target.target).not.toBe(b);
    }
  });
});

describe("6. Object Lock needs versioning", () => {
  const locked = model.buckets.filter((b) => b.objectLock.enabled.value === true);

  it("locks exactly the PHI-tagged buckets and the trail bucket", () => {
    expect(locked.map((b) => b.address).sort()).toEqual([...phiTagged, trailBucket].map((b) => b.address).sort());
  });

  it.each(locked.map((b) => [b.name.value, b] as const))(
    "%s: versioned, and its Object Lock configuration is created after the versioning",
    (_name, b) => {
      expect(b.versioning.status).toMatchObject({ value: "Enabled", origin: "explicit" });
      expect(b.objectLock.hasDefaultRetention.value).toBe(true);
      const module = b.address.slice(0, b.address.indexOf(".aws_s3_bucket."));
      expect(instance(`${module}.aws_s3_bucket_object_lock_configuration.this`).dependsOn).toEqual([
        `${module}.aws_s3_bucket_versioning.this`,
      ]);
    },
  );
});

describe("7. Deny patterns of the PHI buckets", () => {
  // What the s3_compliant module does: Deny PutObject unless x-amz-server-side-encryption = aws:kms, and unless
  // x-amz-server-side-encryption-aws-kms-key-id names the bucket's CMK, both with StringNotEqualsIfExists. An
  // ...IfExists condition is true when the key is absent, so header-less uploads are denied too: every client sends
  // both headers (the QS/PHI "forces headers" behaviour, not a reliance on default encryption).
  it.each(phiTagged.map((b) => [b.name.value, b] as const))(
    "%s: TLS only, TLS >= 1.2, and uploads must name SSE-KMS with the bucket's own CMK",
    (_name, b) => {
      const module = b.address.slice(0, b.address.indexOf(".aws_s3_bucket."));
      const key = resolved(b.encryption.kmsKey.key);
      expect(b.encryption.algorithm.value).toBe("aws:kms");
      expect(b.encryption.bucketKeyEnabled.value).toBe(true);
      const objects = `${arnOf(`${module}.aws_s3_bucket.this`)}/*`;
      const everyone = ["*:*"];
      expect(statementsBySid(policyOf(b))).toEqual({
        ForceTLSOnly: {
          effect: "Deny",
          principals: everyone,
          actions: ["s3:*"],
          resources: [arnOf(`${module}.aws_s3_bucket.this`), objects],
          conditions: ["Bool aws:SecureTransport = false"],
        },
        DenyTLSVersionBelow12: {
          effect: "Deny",
          principals: everyone,
          actions: ["s3:*"],
          resources: [arnOf(`${module}.aws_s3_bucket.this`), objects],
          conditions: ["NumericLessThan s3:TlsVersion = 1.2"],
        },
        DenyNonKmsEncryptionHeader: {
          effect: "Deny",
          principals: everyone,
          actions: ["s3:PutObject"],
          resources: [objects],
          conditions: ["StringNotEqualsIfExists s3:x-amz-server-side-encryption = aws:kms"],
        },
        DenyOtherKmsKeys: {
          effect: "Deny",
          principals: everyone,
          actions: ["s3:PutObject"],
          resources: [objects],
          conditions: [
            `StringNotEqualsIfExists s3:x-amz-server-side-encryption-aws-kms-key-id = ${arnOf(key.address)}`,
          ],
        },
      });

      const policy = policyOf(b);
      const id = bucketIdentity(b);
      const upload = { action: "s3:PutObject", resource: bucketObjectsSubject(id) };
      const withHeader = (key: string, values: (string | null)[]) => ({ withoutCondition: { key, values } });
      expect(denies(policy, upload, withHeader("s3:x-amz-server-side-encryption", ["AES256"])).result).toBe("yes");
      expect(denies(policy, upload, withHeader("s3:x-amz-server-side-encryption", [null])).result).toBe("yes");
      expect(denies(policy, upload, withHeader("s3:x-amz-server-side-encryption-aws-kms-key-id", [null])).result).toBe(
        "yes",
      );
      expect(
        deniesInsecureTransport(policy, [bucketSubject(id), bucketObjectsSubject(id)]).map((c) => c.result),
      ).toEqual(["yes", "yes"]);
      expect(
        denies(
          policy,
          { action: "s3:GetObject", resource: bucketObjectsSubject(id) },
          withHeader("s3:TlsVersion", ["1.1"]),
        ).result,
      ).toBe("yes");
    },
  );

  it("the trail bucket keeps the algorithm Deny but not the key Deny (CloudTrail sends aws:kms, its key pinned by the trail)", () => {
    expect(
      policyOf(trailBucket)
        .statements.filter((s) => s.effect === "Deny")
        .map((s) => (s.sid === undefined ? "" : text(s.sid))),
    ).toEqual(["ForceTLSOnly", "DenyTLSVersionBelow12", "DenyNonKmsEncryptionHeader"]);
  });
});

describe("8. Data events", () => {
  it("a multi-Region trail with global service events, management events, log file validation", () => {
    expect(trail.includeGlobalServiceEvents).toMatchObject({ value: true, origin: "explicit" });
    expect(trail.isMultiRegionTrail).toMatchObject({ value: true, origin: "explicit" });
    expect(trail.enableLogFileValidation).toMatchObject({ value: true, origin: "explicit" });
    expect(trail.eventSelectors).toEqual([]);
    expect(trail.advancedEventSelectors.map((s) => s.name.value)).toEqual([
      "Management events",
      "S3 object events on PHI buckets",
    ]);
  });

  it("records reads and writes of the objects of every PHI bucket, through advanced selectors with resources.ARN", () => {
    expect(trail.selectorsUnknown).toBe(false);
    expect(
      trail.s3DataEvents.map((d) => ({
        bucket: d.scope.kind === "bucket" ? d.scope.bucket.address : d.scope.kind,
        read: d.read,
        write: d.write,
        uncertain: d.uncertain,
      })),
    ).toEqual(phiTagged.map((b) => ({ bucket: b.address, read: true, write: true, uncertain: false })));
    const dataSelector = trail.advancedEventSelectors[1];
    expect(dataSelector?.fieldSelectors.map((f) => f.field.value)).toEqual([
      "eventCategory",
      "resources.type",
      "resources.ARN",
    ]);
    expect(dataSelector?.fieldSelectors[1]?.equals.value).toEqual(["AWS::S3::Object"]);
  });

  it("never records object events of the trail bucket or of any access-log bucket (the delivery loop)", () => {
    // Every selector is known and names single buckets: nothing can hide a sink behind "all" or an unknown ARN.
    expect(trail.selectorsUnknown).toBe(false);
    expect(trail.s3DataEvents.map((d) => [d.scope.kind, d.uncertain, d.excluded])).toEqual(
      trail.s3DataEvents.map(() => ["bucket", false, []]),
    );
    const covered = new Set(trail.s3DataEvents.map((d) => (d.scope.kind === "bucket" ? d.scope.bucket.address : "")));
    expect([trailBucket, ...logTargets].filter((b) => covered.has(b.address))).toEqual([]);
  });
});

describe.skipIf(!sharedDir)(`9. Security Hub metric filters${sharedDir ? "" : ` (${sharedMissing})`}`, () => {
  /** `- CloudWatch.N title: \`pattern\`` lines of cloudtrail.md section 4: Security Hub's exact filter strings. */
  const securityHubPatterns = (): Record<string, string> => {
    const reference = readFileSync(sharedPath("reference/cloudtrail.md"), "utf8");
    const section = reference.slice(reference.indexOf("## 4."), reference.indexOf("## 5."));
    return Object.fromEntries(
      [...section.matchAll(/^- (CloudWatch\.\d+) [^`\n]*: `([^`]+)`$/gm)].map((m) => [m[1] as string, m[2] as string]),
    );
  };

  it("reads the 14 CloudWatch.1-14 patterns from the reference", () => {
    expect(Object.keys(securityHubPatterns())).toEqual(Array.from({ length: 14 }, (_, i) => `CloudWatch.${i + 1}`));
  });

  it("has one filter per control whose pattern is Security Hub's string, character for character", () => {
    const byControl = Object.fromEntries(
      model.metricFilters.map((f) => {
        expect(f.alarms).toHaveLength(1);
        return [f.alarms[0]?.tags.value?.control, f.pattern.value];
      }),
    );
    expect(model.metricFilters).toHaveLength(14);
    expect(byControl).toEqual(securityHubPatterns());
  });

  it("filters the trail's log group, and each alarm is Sum over 300 s, >= 1, one period, missing data not breaching", () => {
    const trailGroup = resolved(trail.logGroup);
    // Security Hub looks in the trail's home Region and owning account: one provider configuration for all of them.
    expect(
      new Set([trail, trailGroup, ...model.metricFilters, ...model.alarms, ...model.topics].map((o) => o.provider)),
    ).toEqual(new Set([trail.provider]));
    for (const filter of model.metricFilters) {
      expect(resolved(filter.logGroup)).toBe(trailGroup);
      const alarm = filter.alarms[0];
      expect(alarm?.metricFilters).toEqual([filter]);
      expect({
        metric: alarm?.metricName.value,
        namespace: alarm?.namespace.value,
        statistic: alarm?.statistic.value,
        period: alarm?.period.value,
        threshold: alarm?.threshold.value,
        comparison: alarm?.comparisonOperator.value,
        evaluationPeriods: alarm?.evaluationPeriods.value,
        actionsEnabled: alarm?.actionsEnabled.value,
        missingData: instance(alarm?.address ?? "").body.attributes.treat_missing_data?.value,
      }).toEqual({
        metric: filter.metricTransformations[0]?.name.value,
        namespace: "HIPAA/CloudTrailMetrics",
        statistic: "Sum",
        period: 300,
        threshold: 1,
        comparison: "GreaterThanOrEqualToThreshold",
        evaluationPeriods: 1,
        actionsEnabled: true,
        missingData: "notBreaching",
      });
    }
  });
});

describe("10. State backend", () => {
  const backend = model.backend;

  it("locks with use_lockfile = true, not DynamoDB", () => {
    expect(backend?.backendType).toBe("s3");
    expect(backend?.useLockfile).toMatchObject({ value: true, origin: "explicit" });
    expect(backend?.dynamodbTableName.origin).toBe("default");
    expect(graph.byType.get("aws_dynamodb_table") ?? []).toEqual([]);
    expect(backend?.encrypt).toMatchObject({ value: true, origin: "explicit" });
  });

  it("stores state in the baseline's state bucket, which is versioned (and locked, encrypted with its own CMK)", () => {
    const stateBucket = resolved(backend?.bucket ?? { kind: "none" });
    expect(stateBucket.address).toBe(`${stateBucketModule}.aws_s3_bucket.this`);
    expect(stateBucket.versioning.status).toMatchObject({ value: "Enabled", origin: "explicit" });
    expect(stateBucket.objectLock.enabled.value).toBe(true);
    expect(resolved(stateBucket.encryption.kmsKey.key).address).toBe(
      `${baseline}.module.kms_state[0].aws_kms_key.this`,
    );
  });

  it("the module's backend snippet turns on use_lockfile and names no DynamoDB table", () => {
    const snippet = graph.outputs.state_backend_snippet?.value;
    const rendered = typeof snippet === "string" ? snippet : text(snippet as PolicyString);
    expect(rendered).toContain("use_lockfile = true");
    expect(rendered).not.toContain("dynamodb_table");
  });
});
