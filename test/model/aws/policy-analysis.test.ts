// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Terraform interpolations and IAM policy variables, not JS templates

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Unknown } from "../../../src/hcl/value.js";
import {
  type PolicyDocument,
  type PolicyStatement,
  policyStringText as policyText,
} from "../../../src/model/aws/policy.js";
import {
  actionMatches,
  allows,
  arnSubject,
  bucketObjectsSubject,
  bucketSubject,
  classifyResource,
  conditionHolds,
  coveredActions,
  DATA_PLANE_ACTIONS,
  denies,
  deniesInsecureTransport,
  isDataPlaneAction,
  keyPolicyPrincipals,
  keySubject,
  parseAddress,
  principalKind,
  publicGrants,
  resourceMatches,
  resourceSubject,
  resourceTargets,
  statementTouches,
  trustedPrincipals,
  violationOf,
  wildcardActionGrants,
} from "../../../src/model/aws/policy-analysis.js";
import { sharedDir, sharedMissing, sharedPath } from "../../support/shared.js";
import { line, normalise, policyOf, ref, seedPolicy, tpl } from "./policy-support.js";

const ranges = (statements: readonly PolicyStatement[]) => statements.map((s) => s.range);
/** Statement i is located at line 10 + 10·i (see `statementLines`). */
const at = (...indexes: number[]) => indexes.map((i) => line(10 + 10 * i, 7, 8));

const phi = { address: "aws_s3_bucket.phi", name: "ephi-bucket" };
const phiSymbolic = { address: "aws_s3_bucket.phi" };
const phiArn = ref("aws_s3_bucket.phi", "arn");
const otherArn = ref("aws_s3_bucket.other", "arn");

// Seed 001 `aws_iam_policy.ephi_readonly`.
const ephiReadonly = policyOf({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "ListBucketOverTLS",
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: "arn:aws:s3:::ephi-bucket",
      Condition: { Bool: { "aws:SecureTransport": "true" } },
    },
    {
      Sid: "GetObjectsTaggedEPHIOverTLS",
      Effect: "Allow",
      Action: ["s3:GetObject"],
      Resource: "arn:aws:s3:::ephi-bucket/*",
      Condition: {
        Bool: { "aws:SecureTransport": "true" },
        StringEquals: { "s3:ExistingObjectTag/classification": "ephi" },
      },
    },
  ],
});

// Seed 000 `ForceTLSOnly`, written against the bucket resource as the s3_compliant module does.
const forceTlsOnly = policyOf({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "ForceTLSOnly",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [phiArn, tpl(phiArn, "/*")],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
});

describe("parseAddress", () => {
  it.each([
    ["aws_s3_bucket.phi", { data: false, type: "aws_s3_bucket", name: "phi" }],
    ['module.phi.aws_s3_bucket.this["a.b"]', { data: false, type: "aws_s3_bucket", name: "this" }],
    ['module.a["x"].module.b[0].data.aws_region.current', { data: true, type: "aws_region", name: "current" }],
    ["var.bucket_arn", undefined],
    ["aws_s3_bucket", undefined],
  ])("%s", (address, expected) => {
    expect(parseAddress(address)).toEqual(expected);
  });
});

describe("action matching", () => {
  it.each([
    ["s3:GetObject", "s3:GetObject", "some", "yes"],
    ["S3:GETOBJECT", "s3:getobject", "some", "yes"],
    ["s3:Get*", "s3:GetObject", "some", "yes"],
    ["s3:?etObject", "s3:GetObject", "some", "yes"],
    ["s3:Put*", "s3:GetObject", "some", "no"],
    ["s3:GetObject", "s3:GetObjectVersion", "some", "no"],
    ["*", "kms:Decrypt", "some", "yes"],
    ["s3:*", "s3:*", "all", "yes"],
    ["*", "s3:*", "all", "yes"],
    ["s3:Get*", "s3:*", "all", "no"],
    ["s3:Get*", "s3:*", "some", "yes"],
    ["s3:GetObject", "s3:*", "all", "no"],
    ["kms:*", "s3:*", "some", "no"],
  ] as const)("%s against %s (%s) → %s", (pattern, action, quantifier, expected) => {
    expect(actionMatches(pattern, action, quantifier)).toBe(expected);
  });

  it("is unknown for actions known only after apply, unless the known text decides", () => {
    expect(actionMatches(ref("var.action"), "s3:GetObject")).toBe("unknown");
    expect(actionMatches(tpl("s3:", ref("var.verb"), "Object"), "s3:GetObject")).toBe("unknown");
    expect(actionMatches(tpl("s3:", ref("var.verb"), "Object"), "kms:Decrypt")).toBe("no");
  });
});

describe("resource matching", () => {
  const objects = bucketObjectsSubject(phi);
  const bucket = bucketSubject(phi);

  it.each([
    ["arn:aws:s3:::ephi-bucket/*", "some", "yes"],
    ["arn:aws:s3:::ephi-bucket/*", "all", "yes"],
    ["arn:aws:s3:::ephi-bucket/reports/*", "some", "yes"],
    ["arn:aws:s3:::ephi-bucket/reports/*", "all", "no"],
    ["arn:aws:s3:::ephi-bucket", "some", "no"],
    ["arn:aws:s3:::ephi-*/*", "all", "yes"],
    ["arn:aws:s3:::other-bucket/*", "some", "no"],
    ["arn:aws:s3:::*", "all", "yes"],
    ["*", "all", "yes"],
    ["arn:aws:s3:::EPHI-BUCKET/*", "some", "no"],
  ] as const)("objects of ephi-bucket against %s (%s) → %s", (pattern, quantifier, expected) => {
    expect(resourceMatches(pattern, objects, quantifier)).toBe(expected);
  });

  it("is unknown, not a crash, for text longer than any ARN", () => {
    const long = `arn:aws:s3:::ephi-bucket/${"a*".repeat(5000)}`;
    expect(resourceMatches(long, objects, "some")).toBe("unknown");
    expect(resourceMatches(`arn:aws:s3:::ephi-bucket/${"a".repeat(5000)}`, objects, "some")).toBe("unknown");
    expect(resourceMatches(`arn:aws:s3:::ephi-bucket/${"a*".repeat(5000)}`, bucket, "some")).toBe("no");
    expect(resourceMatches(`arn:aws:s3:::other/${"a*".repeat(5000)}`, objects, "some")).toBe("no");
  });

  it("recognises the bucket through references to it", () => {
    expect(resourceMatches(phiArn, bucket, "all")).toBe("yes");
    expect(resourceMatches(tpl(phiArn, "/*"), objects, "all")).toBe("yes");
    expect(resourceMatches(tpl(phiArn, "/*"), bucket, "some")).toBe("no");
    expect(resourceMatches(tpl("arn:aws:s3:::", ref("aws_s3_bucket.phi", "id"), "/*"), objects, "all")).toBe("yes");
    const partition = ref("data.aws_partition.current", "partition");
    const viaPartition = tpl("arn:", partition, ":s3:::", ref("aws_s3_bucket.phi", "bucket"), "/*");
    expect(resourceMatches(viaPartition, objects, "all")).toBe("yes");
  });

  it("recognises a bucket whose name is known only after apply", () => {
    const objectsOfSymbolic = bucketObjectsSubject(phiSymbolic);
    expect(resourceMatches(tpl(phiArn, "/*"), objectsOfSymbolic, "all")).toBe("yes");
    expect(resourceMatches(tpl(otherArn, "/*"), objectsOfSymbolic, "some")).toBe("no");
    expect(resourceMatches(tpl(otherArn, "-archive/*"), objectsOfSymbolic, "some")).toBe("unknown");
    expect(resourceMatches("arn:aws:s3:::ephi-bucket/*", objectsOfSymbolic, "some")).toBe("unknown");
    expect(resourceMatches("arn:aws:s3:::*/*", objectsOfSymbolic, "all")).toBe("yes");
    expect(resourceMatches("arn:aws:kms:*", objectsOfSymbolic, "some")).toBe("no");
  });

  it("leaves a data source's or variable's ARN unknown", () => {
    expect(resourceMatches(tpl(ref("data.aws_s3_bucket.phi", "arn"), "/*"), objects, "some")).toBe("unknown");
    expect(resourceMatches(ref("var.bucket_arn"), bucket, "some")).toBe("unknown");
    expect(resourceMatches(tpl(ref("var.bucket_arn"), "/*"), bucket, "some")).toBe("no");
  });

  it("treats policy variables as unknown text and ${*} as a literal star", () => {
    expect(resourceMatches("arn:aws:s3:::ephi-bucket/${aws:username}/*", objects, "some")).toBe("unknown");
    // Not every key has the form <user>/<rest>.
    expect(resourceMatches("arn:aws:s3:::ephi-bucket/${aws:username}/*", objects, "all")).toBe("no");
    expect(resourceMatches("arn:aws:s3:::ephi-bucket/${*}", bucketObjectsSubject(phi, "*"), "some")).toBe("yes");
    expect(resourceMatches("arn:aws:s3:::ephi-bucket/${*}", bucketObjectsSubject(phi, "*"), "all")).toBe("no");
  });

  it("matches KMS keys by reference, by region/account symbols and by known ARN", () => {
    const key = keySubject({ address: "aws_kms_key.phi" });
    expect(resourceMatches(ref("aws_kms_key.phi", "arn"), key, "all")).toBe("yes");
    expect(resourceMatches(ref("aws_kms_key.logs", "arn"), key, "some")).toBe("no");
    const region = ref("data.aws_region.current", "name");
    const account = ref("data.aws_caller_identity.current", "account_id");
    expect(resourceMatches(tpl("arn:aws:kms:", region, ":", account, ":key/*"), key, "all")).toBe("yes");
    expect(resourceMatches("arn:aws:kms:us-east-1:123456789012:key/*", key, "all")).toBe("unknown");
    const known = keySubject({ address: "aws_kms_key.phi", arn: "arn:aws:kms:us-east-1:123456789012:key/abcd" });
    expect(resourceMatches("arn:aws:kms:us-east-1:123456789012:key/*", known, "all")).toBe("yes");
    expect(resourceMatches("arn:aws:kms:eu-west-1:123456789012:key/*", known, "some")).toBe("no");
  });

  it("honours NotResource in statementTouches", () => {
    const p = policyOf({
      Statement: [{ Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::other-bucket/*" }],
    });
    const stmt = p.statements[0] as PolicyStatement;
    expect(statementTouches(stmt, bucketObjectsSubject(phi))).toBe("yes");
    expect(statementTouches(stmt, bucketObjectsSubject({ name: "other-bucket" }))).toBe("no");
  });
});

describe("resourceTargets", () => {
  it.each([
    ["*", { kind: "all" }],
    ["arn:aws:s3:::ephi-bucket", { kind: "bucket", bucket: { name: "ephi-bucket" } }],
    ["arn:aws:s3:::ephi-bucket/*", { kind: "objects", bucket: { name: "ephi-bucket" }, prefix: "*" }],
    ["arn:aws:s3:::ephi-bucket/reports/*", { kind: "objects", bucket: { name: "ephi-bucket" }, prefix: "reports/*" }],
    ["arn:aws:s3:::*", { kind: "bucket", bucket: { name: "*" } }],
    [
      "arn:aws:kms:us-east-1:123456789012:key/1234abcd",
      { kind: "key", key: { arn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd" } },
    ],
    ["arn:aws:kms:us-east-1:123456789012:alias/phi", { kind: "other", service: "kms" }],
    ["arn:aws:dynamodb:us-east-1:123456789012:table/phi", { kind: "other", service: "dynamodb" }],
    ["not-an-arn", { kind: "other", service: undefined }],
  ])("classifies %s", (source, expected) => {
    expect(classifyResource(source)).toEqual({ ...expected, source });
  });

  it("classifies symbolic ARNs by the resource they reference", () => {
    const bucketRef = phiArn.refs[0];
    expect(classifyResource(phiArn)).toEqual({ kind: "bucket", bucket: { ref: bucketRef }, source: phiArn });
    const objects = tpl(phiArn, "/*");
    expect(classifyResource(objects)).toEqual({
      kind: "objects",
      bucket: { ref: bucketRef },
      prefix: "*",
      source: objects,
    });
    const prefixed = tpl(phiArn, "/", ref("var.prefix"), "/*");
    expect(classifyResource(prefixed)).toEqual({
      kind: "objects",
      bucket: { ref: bucketRef },
      prefix: new Unknown(ref("var.prefix").refs, "string", [ref("var.prefix"), "/*"]),
      source: prefixed,
    });
    const id = ref("aws_s3_bucket.phi", "id");
    const byId = tpl("arn:", ref("data.aws_partition.current", "partition"), ":s3:::", id, "/*");
    expect(classifyResource(byId)).toEqual({ kind: "objects", bucket: { ref: id.refs[0] }, prefix: "*", source: byId });
    const key = ref('module.kms.aws_kms_key.this["phi"]', "arn");
    expect(classifyResource(key)).toEqual({ kind: "key", key: { ref: key.refs[0] }, source: key });
    const logGroup = tpl(ref("aws_cloudwatch_log_group.trail", "arn"), ":*");
    expect(classifyResource(logGroup)).toEqual({ kind: "other", service: undefined, source: logGroup });
    const unknown = ref("var.resource_arn");
    expect(classifyResource(unknown)).toEqual({ kind: "unknown", source: unknown });
    const unknownBucket = tpl("arn:aws:s3:::", ref("var.bucket"), "/*");
    expect(classifyResource(unknownBucket)).toEqual({ kind: "unknown", source: unknownBucket });
  });

  it("lists a statement's targets, its NotResource targets, or none", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::a/*", "*"] },
        { Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::a" },
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } },
      ],
    });
    expect(p.statements.map((s) => resourceTargets(s).map((t) => t.kind))).toEqual([
      ["objects", "all"],
      ["bucket"],
      [],
    ]);
  });
});

describe("conditions", () => {
  const conditionOf = (operator: string, key: string, values: unknown) =>
    policyOf({
      Statement: { Effect: "Deny", Action: "*", Resource: "*", Condition: { [operator]: { [key]: values } } },
    }).statements[0]?.conditions[0] as NonNullable<PolicyStatement["conditions"][number]>;

  it.each([
    ["Bool", "true", true, "yes"],
    ["Bool", "true", "TRUE", "yes"],
    ["Bool", "true", false, "no"],
    ["Bool", "true", null, "no"],
    ["BoolIfExists", "true", null, "yes"],
    ["BoolIfExists", "false", false, "yes"],
    ["StringEquals", "ephi", "ephi", "yes"],
    ["StringEquals", "ephi", "EPHI", "no"],
    ["StringEqualsIgnoreCase", "ephi", "EPHI", "yes"],
    ["StringEquals", "a*", "abc", "no"],
    ["StringLike", "a*", "abc", "yes"],
    ["StringNotEquals", "vpce-1", "vpce-2", "yes"],
    ["StringNotEquals", "vpce-1", null, "yes"],
    ["StringEquals", "vpce-1", null, "no"],
    ["ForAnyValue:StringLike", "a*", null, "no"],
    ["ForAllValues:StringLike", "a*", null, "yes"],
    ["ForAnyValue:StringLike", "a*", "ab", "yes"],
    [
      "ArnLike",
      "arn:aws:cloudtrail:*:123456789012:trail/*",
      "arn:aws:cloudtrail:us-east-1:123456789012:trail/t",
      "yes",
    ],
    ["ArnEquals", "arn:aws:cloudtrail:*:1:trail/a", "arn:aws:cloudtrail:us-east-1:2:trail/a", "no"],
    ["NumericLessThan", "1.2", 1.1, "yes"],
    ["NumericLessThan", "1.2", 1.2, "no"],
    ["NumericLessThanEquals", 3600, "3600", "yes"],
    ["NumericGreaterThan", 3600, 100, "no"],
    ["Null", "true", null, "yes"],
    ["Null", "true", "AES256", "no"],
    ["Null", "false", "AES256", "yes"],
    ["IpAddress", "10.0.0.0/8", "10.1.2.3", "unknown"],
    ["IpAddress", "10.0.0.0/8", null, "no"],
    ["DateLessThan", "2030-01-01T00:00:00Z", "2029-01-01T00:00:00Z", "unknown"],
  ] as const)("%s %j against %j → %s", (operator, value, request, expected) => {
    expect(conditionHolds(conditionOf(operator, "k", value), request)).toBe(expected);
  });

  it("is unknown for condition values known only after apply, unless another value decides", () => {
    expect(conditionHolds(conditionOf("StringEquals", "k", [ref("var.vpce")]), "vpce-1")).toBe("unknown");
    expect(conditionHolds(conditionOf("StringEquals", "k", [ref("var.vpce"), "vpce-1"]), "vpce-1")).toBe("yes");
    expect(conditionHolds(conditionOf("Bool", "k", [ref("var.flag")]), false)).toBe("unknown");
    expect(conditionHolds(conditionOf("StringNotEquals", "k", [ref("var.vpce")]), "vpce-1")).toBe("unknown");
    const trail = tpl(
      "arn:aws:cloudtrail:us-east-1:",
      ref("data.aws_caller_identity.current", "account_id"),
      ":trail/t",
    );
    expect(conditionHolds(conditionOf("ArnLike", "k", [trail]), "arn:aws:sns:us-east-1:1:x")).toBe("no");
  });

  it("knows how requests without TLS or MFA look", () => {
    expect(violationOf("aws:SecureTransport")).toEqual({ key: "aws:SecureTransport", values: [false] });
    expect(violationOf("aws:MultiFactorAuthPresent")).toEqual({
      key: "aws:MultiFactorAuthPresent",
      values: [false, null],
    });
    expect(violationOf("aws:SourceVpce")).toEqual({ key: "aws:SourceVpce", values: [null] });
  });
});

describe("allows", () => {
  it("grants the seed's read-only access over TLS only", () => {
    const getObjects = { action: "s3:GetObject", resource: bucketObjectsSubject(phi) };
    const read = allows(ephiReadonly, getObjects);
    expect([read.result, ranges(read.statements)]).toEqual(["yes", at(1)]);
    const insecure = allows(ephiReadonly, getObjects, { withoutCondition: "aws:SecureTransport" });
    expect([insecure.result, insecure.statements]).toEqual(["no", []]);
    const list = allows(ephiReadonly, { action: "s3:ListBucket", resource: bucketSubject(phi) });
    expect([list.result, ranges(list.statements)]).toEqual(["yes", at(0)]);
    expect(allows(ephiReadonly, { action: "s3:ListBucket", resource: bucketObjectsSubject(phi) }).result).toBe("no");
    expect(allows(ephiReadonly, { action: "s3:PutObject", resource: bucketObjectsSubject(phi) }).result).toBe("no");
    expect(allows(ephiReadonly, { action: "s3:GetObject", resource: bucketObjectsSubject({ name: "x" }) }).result).toBe(
      "no",
    );
  });

  it("answers for resources given as ARN text (* standing for any text) or by address", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Action: "dynamodb:*", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/phi*" },
        {
          Effect: "Allow",
          Action: "logs:GetLogEvents",
          Resource: tpl(ref("aws_cloudwatch_log_group.app", "arn"), ":*"),
        },
      ],
    });
    const table = (name: string) => arnSubject(`arn:aws:dynamodb:us-east-1:123456789012:table/${name}`);
    expect(allows(p, { action: "dynamodb:Query", resource: table("phi-records") }).result).toBe("yes");
    expect(allows(p, { action: "dynamodb:Query", resource: table("other") }).result).toBe("no");
    expect(allows(p, { action: "dynamodb:Query", resource: table("*") }).result).toBe("yes");
    expect(allows(p, { action: "dynamodb:Query", resource: arnSubject("*") }).result).toBe("yes");
    const group = resourceSubject({ address: "aws_cloudwatch_log_group.app" });
    expect(resourceMatches(tpl(ref("aws_cloudwatch_log_group.app", "arn"), ":*"), group, "some")).toBe("no");
    expect(allows(p, { action: "logs:GetLogEvents", resource: group }).result).toBe("no");
    expect(statementTouches(p.statements[1] as PolicyStatement, group)).toBe("no");
    const other = resourceSubject({ address: "aws_cloudwatch_log_group.audit" });
    expect(allows(p, { action: "logs:GetLogEvents", resource: other }).result).toBe("no");
  });

  it("lets an explicit Deny win, and names it", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Action: "s3:*", Resource: "*" },
        { Effect: "Deny", Action: "s3:DeleteObject", Resource: "arn:aws:s3:::ephi-bucket/*" },
      ],
    });
    const del = allows(p, { action: "s3:DeleteObject", resource: bucketObjectsSubject(phi) });
    expect([del.result, ranges(del.statements)]).toEqual(["no", at(1)]);
    expect(del.allowedBy.map((v) => [v.statement.index, v.applies])).toEqual([[0, "yes"]]);
    expect(del.deniedBy.map((v) => [v.statement.index, v.applies])).toEqual([[1, "yes"]]);
    expect(allows(p, { action: "s3:DeleteObject", resource: bucketObjectsSubject({ name: "other" }) }).result).toBe(
      "yes",
    );
  });

  it("does not let a Deny that covers only part of the resource block access", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::ephi-bucket/*" },
        { Effect: "Deny", Action: "s3:GetObject", Resource: "arn:aws:s3:::ephi-bucket/private/*" },
      ],
    });
    expect(allows(p, { action: "s3:GetObject", resource: bucketObjectsSubject(phi) }).result).toBe("yes");
    expect(allows(p, { action: "s3:GetObject", resource: bucketObjectsSubject(phi, "private/x.csv") }).result).toBe(
      "no",
    );
  });

  it("lets a Deny block what an Allow grants even when the query is wider", () => {
    const sameObjects = policyOf({
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::ephi-bucket/public/*" },
        { Effect: "Deny", Action: "s3:*", Resource: "arn:aws:s3:::ephi-bucket/public/*" },
      ],
    });
    const objects = allows(sameObjects, { action: "s3:GetObject", resource: bucketObjectsSubject(phi) });
    expect([objects.result, ranges(objects.statements)]).toEqual(["no", at(1)]);
    const samePrincipal = policyOf({
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:role/a" },
          Action: "s3:GetObject",
          Resource: "*",
        },
        { Effect: "Deny", Principal: { AWS: "arn:aws:iam::123456789012:role/a" }, Action: "s3:*", Resource: "*" },
        { Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "s3:PutObject", Resource: "*" },
        {
          Effect: "Deny",
          Principal: { AWS: "arn:aws:iam::123456789012:role/a" },
          Action: "s3:PutObject",
          Resource: "*",
        },
      ],
    });
    expect(allows(samePrincipal, { action: "s3:GetObject" }).result).toBe("no");
    // The account's other principals may still put objects.
    expect(allows(samePrincipal, { action: "s3:PutObject" }).result).toBe("yes");
    const sameActions = policyOf({
      Statement: [
        { Effect: "Allow", Action: "s3:Get*", Resource: "*" },
        { Effect: "Deny", Action: ["s3:Get*", "s3:List*"], Resource: "*" },
      ],
    });
    const any = allows(sameActions, { action: "s3:*" });
    expect([any.result, ranges(any.statements)]).toEqual(["no", at(1)]);
    const unknownDeny = policyOf({
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::ephi-bucket/*" },
        { Effect: "Deny", Action: "s3:GetObject", Resource: ref("var.denied_arn") },
      ],
    });
    const d = allows(unknownDeny, { action: "s3:GetObject", resource: bucketObjectsSubject(phi) });
    expect([d.result, ranges(d.statements)]).toEqual(["unknown", at(1)]);
    expect(d.deniedBy.map((v) => [v.statement.index, v.applies])).toEqual([[1, "unknown"]]);
  });

  it("sees through NotAction and NotResource", () => {
    const notAction = policyOf({ Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] });
    expect(allows(notAction, { action: "s3:GetObject", resource: bucketObjectsSubject(phi) }).result).toBe("yes");
    expect(allows(notAction, { action: "iam:CreateUser" }).result).toBe("no");
    const denyNotAction = policyOf({
      Statement: [
        { Effect: "Allow", Action: "s3:*", Resource: "*" },
        { Effect: "Deny", NotAction: "s3:GetObject", Resource: "*" },
      ],
    });
    expect(allows(denyNotAction, { action: "s3:GetObject" }).result).toBe("yes");
    expect(allows(denyNotAction, { action: "s3:PutObject" }).result).toBe("no");
  });

  it("is unknown, never no, when a statement is known only after apply", () => {
    const p = policyOf({
      Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }, new Unknown([], "map")],
    });
    const get = allows(p, { action: "s3:GetObject", resource: bucketObjectsSubject(phi) });
    expect([get.result, ranges(get.statements)]).toEqual(["unknown", at(1)]);
    const list = allows(p, { action: "s3:ListBucket", resource: bucketSubject(phi) });
    expect([list.result, ranges(list.statements)]).toEqual(["unknown", at(1)]);
    const whole = normalise(ref("data.aws_iam_policy_document.x", "json")).policy as PolicyDocument;
    expect(allows(whole, { action: "s3:GetObject" }).result).toBe("unknown");
  });

  it("is unknown when an Allow's resource is known only after apply", () => {
    const p = policyOf({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: ref("var.arn") }] });
    const d = allows(p, { action: "s3:GetObject", resource: bucketObjectsSubject(phi) });
    expect([d.result, ranges(d.statements)]).toEqual(["unknown", at(0)]);
  });

  it("treats a statement of unknown effect as possibly Allow and possibly Deny", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
        { Effect: ref("var.effect"), Action: "s3:GetObject", Resource: "*" },
      ],
    });
    const d = allows(p, { action: "s3:GetObject" });
    expect([d.result, ranges(d.statements)]).toEqual(["unknown", at(1)]);
  });

  it("combines several documents: any Deny wins", () => {
    const allow = policyOf({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
    const deny = policyOf({ Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }] });
    expect(allows([allow], { action: "s3:GetObject" }).result).toBe("yes");
    expect(allows([allow, deny], { action: "s3:GetObject" }).result).toBe("no");
  });

  it("matches principals: wildcard, account root, role, service", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "s3:GetObject", Resource: "*" },
        { Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: "*" },
        {
          Effect: "Allow",
          Principal: { AWS: ref("aws_iam_role.reader", "arn") },
          Action: "s3:ListBucket",
          Resource: "*",
        },
      ],
    });
    const role = { type: "AWS", value: "arn:aws:iam::123456789012:role/app" } as const;
    expect(allows(p, { action: "s3:GetObject", principal: role }).result).toBe("yes");
    expect(
      allows(p, { action: "s3:GetObject", principal: { type: "AWS", value: "arn:aws:iam::999999999999:root" } }).result,
    ).toBe("no");
    expect(allows(p, { action: "s3:GetObject", principal: "anyone" }).result).toBe("no");
    expect(
      allows(p, { action: "s3:PutObject", principal: { type: "Service", value: "Logging.S3.amazonaws.com" } }).result,
    ).toBe("yes");
    expect(allows(p, { action: "s3:PutObject", principal: role }).result).toBe("no");
    const reader = { type: "AWS", value: ref("aws_iam_role.reader", "arn") } as const;
    const writer = { type: "AWS", value: ref("aws_iam_role.writer", "arn") } as const;
    expect(allows(p, { action: "s3:ListBucket", principal: reader }).result).toBe("yes");
    expect(allows(p, { action: "s3:ListBucket", principal: writer }).result).toBe("no");
    expect(allows(p, { action: "s3:ListBucket", principal: { type: "AWS", value: ref("var.role_arn") } }).result).toBe(
      "unknown",
    );
  });

  it("tells service principals with unknown parts apart by their known text", () => {
    // The CloudWatch Logs principal of a key policy, `logs.${region}.amazonaws.com`.
    const p = policyOf({
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: tpl("logs.", ref("data.aws_region.current", "region"), ".amazonaws.com") },
          Action: "kms:Decrypt*",
          Resource: "*",
        },
      ],
    });
    const service = (value: string) => ({ action: "kms:Decrypt", principal: { type: "Service", value } }) as const;
    expect(allows(p, service("cloudtrail.amazonaws.com")).result).toBe("no");
    expect(allows(p, service("logs.us-east-1.amazonaws.com.cn")).result).toBe("no");
    expect(allows(p, service("Logs.us-east-1.amazonaws.com")).result).toBe("unknown");
    expect(allows(p, { action: "kms:Decrypt", principal: { type: "Service", value: ref("var.service") } }).result).toBe(
      "unknown",
    );
  });

  it("lets the bucket's ForceTLSOnly deny insecure use of an identity policy's grant", () => {
    const identity = policyOf({ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] });
    const request = { action: "s3:GetObject", resource: bucketObjectsSubject(phiSymbolic) };
    expect(allows(identity, request, { withoutCondition: "aws:SecureTransport" }).result).toBe("yes");
    const both = allows([identity, forceTlsOnly], request, { withoutCondition: "aws:SecureTransport" });
    expect([both.result, both.statements.map((s) => s.sid)]).toEqual(["no", ["ForceTLSOnly"]]);
    expect(allows([identity, forceTlsOnly], request).result).toBe("yes");
  });

  it("evaluates a TLS-version Deny (s3:TlsVersion)", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "s3:GetObject", Resource: "*" },
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
      ],
    });
    const old = allows(
      p,
      { action: "s3:GetObject" },
      { withoutCondition: { key: "s3:TlsVersion", values: [1.0, 1.1] } },
    );
    expect([old.result, ranges(old.statements)]).toEqual(["no", at(1)]);
    expect(
      allows(p, { action: "s3:GetObject" }, { withoutCondition: { key: "S3:TLSVERSION", values: [1.2] } }).result,
    ).toBe("yes");
  });
});

describe("denies and deniesInsecureTransport", () => {
  const both = [bucketSubject(phi), bucketObjectsSubject(phi)];
  const coverage = (p: PolicyDocument, resources = both, actions?: string[]) =>
    deniesInsecureTransport(p, resources, actions ? { actions } : {}).map((c) => [
      c.resource.description,
      c.result,
      ranges(c.statements),
    ]);

  it("finds the seed's ForceTLSOnly covering the bucket and its objects", () => {
    expect(coverage(forceTlsOnly)).toEqual([
      ["bucket aws_s3_bucket.phi", "yes", at(0)],
      ["objects of aws_s3_bucket.phi", "yes", at(0)],
    ]);
    expect(coverage(forceTlsOnly, [bucketSubject(phiSymbolic), bucketObjectsSubject(phiSymbolic)])).toEqual([
      ["bucket aws_s3_bucket.phi", "yes", at(0)],
      ["objects of aws_s3_bucket.phi", "yes", at(0)],
    ]);
  });

  it("reports another bucket's TLS deny as not covering", () => {
    const other = [
      bucketSubject({ address: "aws_s3_bucket.other" }),
      bucketObjectsSubject({ address: "aws_s3_bucket.other" }),
    ];
    expect(coverage(forceTlsOnly, other)).toEqual([
      ["bucket aws_s3_bucket.other", "no", []],
      ["objects of aws_s3_bucket.other", "no", []],
    ]);
  });

  const tlsDenyBase = {
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::ephi-bucket", "arn:aws:s3:::ephi-bucket/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
  /** The TLS deny with some elements changed (`undefined` removes one). */
  const tlsDeny = (change: Record<string, unknown>) => {
    const statement: Record<string, unknown> = { ...tlsDenyBase, ...change };
    for (const key of Object.keys(statement)) if (statement[key] === undefined) delete statement[key];
    return policyOf({ Statement: [statement] });
  };

  it("accepts BoolIfExists and Action *", () => {
    const p = tlsDeny({ Action: "*", Condition: { BoolIfExists: { "aws:SecureTransport": false } } });
    expect(coverage(p).map((c) => c[1])).toEqual(["yes", "yes"]);
  });

  it.each([
    ["only the objects", { Resource: "arn:aws:s3:::ephi-bucket/*" }, ["no", "yes"]],
    ["only some actions", { Action: ["s3:GetObject", "s3:PutObject"] }, ["no", "no"]],
    ["one principal", { Principal: { AWS: "arn:aws:iam::123456789012:role/app" } }, ["no", "no"]],
    [
      "a NotPrincipal",
      { Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::123456789012:role/app" } },
      ["no", "no"],
    ],
    ["an Allow", { Effect: "Allow" }, ["no", "no"]],
    ["the wrong value", { Condition: { Bool: { "aws:SecureTransport": "true" } } }, ["no", "no"]],
    [
      "an avoidable extra condition",
      { Condition: { Bool: { "aws:SecureTransport": "false" }, StringNotEquals: { "aws:SourceVpce": "vpce-1" } } },
      ["no", "no"],
    ],
    [
      "a value known after apply",
      { Condition: { Bool: { "aws:SecureTransport": ref("var.flag") } } },
      ["unknown", "unknown"],
    ],
    ["a condition block known after apply", { Condition: new Unknown([], "map") }, ["unknown", "unknown"]],
    ["a resource known after apply", { Resource: ref("var.arns") }, ["unknown", "unknown"]],
    ["an effect known after apply", { Effect: ref("var.effect") }, ["unknown", "unknown"]],
  ])("does not count a Deny with %s as full coverage", (_, change, expected) => {
    expect(coverage(tlsDeny(change)).map((c) => c[1])).toEqual(expected);
  });

  it("counts explicit actions when the caller lists them", () => {
    const p = tlsDeny({ Action: ["s3:GetObject", "s3:PutObject"] });
    expect(coverage(p, both, ["s3:GetObject", "s3:PutObject"]).map((c) => c[1])).toEqual(["yes", "yes"]);
    expect(coverage(p, both, ["s3:GetObject", "s3:DeleteObject"]).map((c) => c[1])).toEqual(["no", "no"]);
  });

  it("reads a heredoc bucket policy with interpolated ARNs", () => {
    const heredoc = new Unknown(phiArn.refs, "string", [
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "ForceTLSOnly",\n      "Effect": "Deny",\n      "Principal": "*",\n      "Action": "s3:*",\n      "Resource": ["',
      phiArn,
      '", "',
      phiArn,
      '/*"],\n      "Condition": {"Bool": {"aws:SecureTransport": "false"}}\n    }\n  ]\n}\n',
    ]);
    const { policy, problems } = normalise(heredoc);
    expect(problems).toEqual([]);
    expect(coverage(policy as PolicyDocument).map((c) => c[1])).toEqual(["yes", "yes"]);
  });

  it("requires every alternative of the predicate to be denied", () => {
    const p = policyOf({
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "sts:AssumeRole",
          Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } },
        },
      ],
    });
    // A request without the MFA key at all is not denied by Bool (only BoolIfExists would be).
    const d = denies(p, { action: "sts:AssumeRole" }, { withoutCondition: "aws:MultiFactorAuthPresent" });
    expect(d.result).toBe("no");
    expect(
      denies(
        p,
        { action: "sts:AssumeRole" },
        { withoutCondition: { key: "aws:MultiFactorAuthPresent", values: [false] } },
      ).result,
    ).toBe("yes");
  });
});

describe("wildcardActionGrants", () => {
  it("finds *, service:* and NotAction grants, with their statements", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Action: "*", Resource: "*" },
        { Effect: "Allow", Action: ["s3:GetObject", "s3:*", "S3:Get*"], Resource: "arn:aws:s3:::ephi-bucket/*" },
        { Effect: "Allow", NotAction: ["iam:*"], Resource: "*" },
        { Effect: "Deny", Action: "*", Resource: "*" },
        { Effect: "Allow", Action: ["kms:*:*", "*:*", "KMS:*"], Resource: "*" },
        { Effect: "Allow", Action: [ref("var.action"), tpl("s3:", ref("var.verb"))], Resource: "*" },
      ],
    });
    expect(
      wildcardActionGrants(p).map((g) => [
        g.statement.index,
        g.scope,
        g.service,
        g.action,
        g.result,
        g.statement.range,
      ]),
    ).toEqual([
      [0, "all", undefined, "*", "yes", line(10, 7, 8)],
      [1, "service", "s3", "s3:*", "yes", line(20, 7, 8)],
      [2, "not-action", undefined, undefined, "yes", line(30, 7, 8)],
      [4, "all", undefined, "*:*", "yes", line(50, 7, 8)],
      [4, "service", "kms", "KMS:*", "yes", line(50, 7, 8)],
      [5, "all", undefined, ref("var.action"), "unknown", line(60, 7, 8)],
      [5, "service", "s3", tpl("s3:", ref("var.verb")), "unknown", line(60, 7, 8)],
    ]);
  });
});

describe("data access on all resources (s3:* on *)", () => {
  it("finds data-plane actions granted on Resource *", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Action: "s3:*", Resource: "*" },
        { Effect: "Allow", Action: "kms:Decrypt", Resource: ref("aws_kms_key.phi", "arn") },
        { Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" },
      ],
    });
    const onAll = p.statements.filter(
      (s) => resourceTargets(s).some((t) => t.kind === "all") && coveredActions(s, DATA_PLANE_ACTIONS).length > 0,
    );
    expect(ranges(onAll)).toEqual(at(0));
    expect(coveredActions(p.statements[0] as PolicyStatement, DATA_PLANE_ACTIONS)).toHaveLength(14);
    expect(wildcardActionGrants(p).map((g) => [g.statement.index, g.scope, g.service])).toEqual([[0, "service", "s3"]]);
  });
});

describe("publicGrants", () => {
  const grants = (p: PolicyDocument, options = {}) =>
    publicGrants(p, options).map((g) => [g.statement.index, g.result, g.restrictedBy.map((c) => c.key)]);

  it.each([
    ["Principal * without condition", { Principal: "*" }, [[0, "yes", []]]],
    ['{"AWS": "*"} without condition', { Principal: { AWS: "*" } }, [[0, "yes", []]]],
    ["a wildcard among others", { Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] } }, [[0, "yes", []]]],
    [
      "aws:SourceArn",
      {
        Principal: "*",
        Condition: { ArnLike: { "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:123456789012:trail/t" } },
      },
      [[0, "no", ["aws:SourceArn"]]],
    ],
    [
      "aws:PrincipalOrgID",
      { Principal: { AWS: "*" }, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } },
      [[0, "no", ["aws:PrincipalOrgID"]]],
    ],
    [
      "aws:SourceAccount from a data source",
      {
        Principal: "*",
        Condition: { StringEquals: { "aws:SourceAccount": ref("data.aws_caller_identity.c", "account_id") } },
      },
      [[0, "no", ["aws:SourceAccount"]]],
    ],
    ["aws:SourceArn = *", { Principal: "*", Condition: { StringLike: { "aws:SourceArn": "*" } } }, [[0, "yes", []]]],
    [
      "an SNS source ARN of any account",
      { Principal: "*", Condition: { ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:us-east-1:*:alarm:*" } } },
      [[0, "yes", []]],
    ],
    [
      "a negated condition",
      { Principal: "*", Condition: { StringNotEquals: { "aws:PrincipalAccount": "123456789012" } } },
      [[0, "yes", []]],
    ],
    [
      "an IfExists condition",
      { Principal: "*", Condition: { StringEqualsIfExists: { "aws:SourceAccount": "123456789012" } } },
      [[0, "yes", []]],
    ],
    [
      "SourceIp 0.0.0.0/0",
      { Principal: "*", Condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } } },
      [[0, "yes", []]],
    ],
    [
      "only aws:SecureTransport",
      { Principal: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } },
      [[0, "yes", []]],
    ],
    [
      "a value known only after apply (StringLike: it might be *)",
      { Principal: "*", Condition: { StringLike: { "aws:SourceVpce": ref("var.vpce") } } },
      [[0, "unknown", ["aws:SourceVpce"]]],
    ],
    [
      "a condition block known after apply",
      { Principal: "*", Condition: new Unknown([], "map") },
      [[0, "unknown", []]],
    ],
    ["a principal known after apply", { Principal: new Unknown([], "map") }, [[0, "unknown", []]]],
    ["a principal from a variable", { Principal: { AWS: ref("var.principal") } }, [[0, "unknown", []]]],
    ["a role's ARN", { Principal: { AWS: ref("aws_iam_role.app", "arn") } }, []],
    [
      "an account root ARN built from a variable",
      { Principal: { AWS: tpl("arn:aws:iam::", ref("var.account_id"), ":root") } },
      [],
    ],
    [
      "a source ARN of any trail in a variable's account",
      {
        Principal: "*",
        Condition: { ArnLike: { "aws:SourceArn": tpl("arn:aws:cloudtrail:*:", ref("var.account"), ":trail/*") } },
      },
      [[0, "unknown", ["aws:SourceArn"]]],
    ],
    [
      "a source ARN of any trail in the caller's account",
      {
        Principal: "*",
        Condition: {
          ArnLike: {
            "aws:SourceArn": tpl("arn:aws:cloudtrail:*:", ref("data.aws_caller_identity.c", "account_id"), ":trail/*"),
          },
        },
      },
      [[0, "no", ["aws:SourceArn"]]],
    ],
    [
      "a source account from a variable (StringEquals: exact even if it is *)",
      { Principal: "*", Condition: { StringEquals: { "aws:SourceAccount": ref("var.account") } } },
      [[0, "no", ["aws:SourceAccount"]]],
    ],
    [
      "a source address from a variable",
      { Principal: "*", Condition: { IpAddress: { "aws:SourceIp": ref("var.cidr") } } },
      [[0, "unknown", ["aws:SourceIp"]]],
    ],
    [
      "an AWS principal read from a parameter (could be *)",
      { Principal: { AWS: ref("data.aws_ssm_parameter.who", "value") } },
      [[0, "unknown", []]],
    ],
    ["a NotPrincipal", { NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" } }, [[0, "yes", []]]],
    ["a Deny", { Effect: "Deny", Principal: "*" }, []],
    ["a specific principal", { Principal: { AWS: "arn:aws:iam::123456789012:root" } }, []],
    ["a service principal", { Principal: { Service: "cloudtrail.amazonaws.com" } }, []],
    ["no principal (identity policy)", {}, []],
  ])("Allow with %s", (_, change, expected) => {
    const p = policyOf({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", ...change }] });
    expect(grants(p)).toEqual(expected);
  });

  it("accepts the CloudTrail bucket policy of the provider's example (service principal + aws:SourceArn)", () => {
    const trail = tpl(
      "arn:",
      ref("data.aws_partition.current", "partition"),
      ":cloudtrail:",
      ref("data.aws_region.current", "name"),
      ":",
      ref("data.aws_caller_identity.current", "account_id"),
      ":trail/example",
    );
    const bucket = ref("aws_s3_bucket.trail", "arn");
    const p = policyOf({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AWSCloudTrailAclCheck",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:GetBucketAcl",
          Resource: bucket,
          Condition: { StringEquals: { "aws:SourceArn": trail } },
        },
        {
          Sid: "AWSCloudTrailWrite",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: tpl(bucket, "/prefix/AWSLogs/", ref("data.aws_caller_identity.current", "account_id"), "/*"),
          Condition: {
            StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trail },
          },
        },
      ],
    });
    expect(grants(p)).toEqual([]);
    const trailBucket = { address: "aws_s3_bucket.trail" };
    const service = { type: "Service", value: "cloudtrail.amazonaws.com" } as const;
    const write = allows(p, {
      action: "s3:PutObject",
      resource: bucketObjectsSubject(trailBucket),
      principal: service,
    });
    expect([write.result, ranges(write.statements)]).toEqual(["yes", at(1)]);
    expect(
      allows(p, { action: "s3:GetBucketAcl", resource: bucketSubject(trailBucket), principal: "anyone" }).result,
    ).toBe("no");
    expect(p.statements.map((s) => resourceTargets(s).map((t) => t.kind))).toEqual([["bucket"], ["objects"]]);
  });

  it("finds KMS grants to everyone, and accepts kms:CallerAccount with kms:ViaService", () => {
    const p = policyOf({
      Statement: [
        { Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" },
        {
          Sid: "ViaS3",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
          Resource: "*",
          Condition: {
            StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": "s3.us-east-1.amazonaws.com" },
          },
        },
        { Sid: "S3Only", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" },
      ],
    });
    expect(grants(p, { service: "kms" })).toEqual([
      [0, "yes", []],
      [1, "no", ["kms:CallerAccount", "kms:ViaService"]],
    ]);
  });

  it("checks an SNS topic policy for CloudWatch alarms", () => {
    const p = policyOf({
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "cloudwatch.amazonaws.com" },
          Action: "sns:Publish",
          Resource: ref("aws_sns_topic.alarms", "arn"),
          Condition: { ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:us-east-1:123456789012:alarm:*" } },
        },
        { Effect: "Allow", Principal: { AWS: "*" }, Action: "sns:Subscribe", Resource: "*" },
      ],
    });
    expect(grants(p)).toEqual([[1, "yes", []]]);
  });
});

describe("data-plane actions", () => {
  it.each([
    ["s3:GetObject", "yes"],
    ["s3:Get*", "yes"],
    ["S3:getobject", "yes"],
    ["s3:*", "yes"],
    ["*", "yes"],
    ["kms:GenerateDataKey*", "yes"],
    ["kms:Decrypt", "yes"],
    ["dynamodb:Query", "yes"],
    ["rds-data:*", "yes"],
    ["logs:FilterLogEvents", "yes"],
    ["s3:GetBucketPolicy", "no"],
    ["s3:GetObjectAcl", "no"],
    ["kms:DescribeKey", "no"],
    ["kms:Create*", "no"],
    ["iam:*", "no"],
  ] as const)("%s → %s", (pattern, expected) => {
    expect(isDataPlaneAction(pattern)).toBe(expected);
  });

  it("is unknown for an action known only after apply", () => {
    expect(isDataPlaneAction(ref("var.action"))).toBe("unknown");
  });

  it("lists the catalogue actions a statement covers, NotAction included", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Action: ["s3:GetObject*", "s3:ListBucket"], Resource: "*" },
        { Effect: "Allow", NotAction: ["s3:*", "kms:*", "dynamodb:*", "rds-data:*", "rds-db:*"], Resource: "*" },
      ],
    });
    expect(coveredActions(p.statements[0] as PolicyStatement, DATA_PLANE_ACTIONS)).toEqual([
      { action: "s3:GetObject", result: "yes" },
      { action: "s3:GetObjectVersion", result: "yes" },
      { action: "s3:GetObjectTorrent", result: "yes" },
      { action: "s3:GetObjectVersionTorrent", result: "yes" },
      { action: "s3:ListBucket", result: "yes" },
    ]);
    expect(coveredActions(p.statements[1] as PolicyStatement, DATA_PLANE_ACTIONS).map((c) => c.action)).toEqual([
      "logs:GetLogEvents",
      "logs:FilterLogEvents",
      "logs:StartQuery",
      "logs:GetQueryResults",
      "logs:GetLogRecord",
      "logs:StartLiveTail",
    ]);
  });
});

describe("trustedPrincipals", () => {
  const trust = (
    condition?: unknown,
    principal: unknown = { AWS: "arn:aws:iam::123456789012:role/Enterprise-SSO-Admins" },
  ) =>
    policyOf({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: principal,
          ...(condition ? { Condition: condition } : {}),
        },
      ],
    });
  const summary = (p: PolicyDocument) =>
    trustedPrincipals(p).map((t) => [t.kind, t.human, t.mfaRequired, t.mfaMaxAge, t.actions, ranges(t.statements)]);

  it("accepts the seed's operator role: Bool aws:MultiFactorAuthPresent true", () => {
    expect(summary(trust({ Bool: { "aws:MultiFactorAuthPresent": "true" } }))).toEqual([
      ["role", "yes", "yes", undefined, ["sts:AssumeRole"], at(0)],
    ]);
  });

  it("reports the MFA age bound", () => {
    const p = trust({
      Bool: { "aws:MultiFactorAuthPresent": "true" },
      NumericLessThan: { "aws:MultiFactorAuthAge": "3600" },
    });
    expect(summary(p)).toEqual([["role", "yes", "yes", "3600", ["sts:AssumeRole"], at(0)]]);
  });

  it.each([
    ["no condition", undefined, "no"],
    [
      "BoolIfExists true (long-term keys send no MFA key)",
      { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } },
      "no",
    ],
    ["a condition on another key", { StringEquals: { "aws:PrincipalTag/team": "phi" } }, "no"],
    ["Null false (MFA key present)", { Null: { "aws:MultiFactorAuthPresent": "false" } }, "no"],
    ["a value known after apply", { Bool: { "aws:MultiFactorAuthPresent": ref("var.require_mfa") } }, "unknown"],
  ])("does not count %s as requiring MFA", (_, condition, expected) => {
    expect(trustedPrincipals(trust(condition))[0]?.mfaRequired).toBe(expected);
  });

  it("counts a Deny without MFA (BoolIfExists false) as requiring it", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::123456789012:root" } },
        {
          Effect: "Deny",
          Action: "sts:AssumeRole",
          Principal: { AWS: "*" },
          Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
        },
      ],
    });
    expect(summary(p)).toEqual([["account", "yes", "yes", undefined, ["sts:AssumeRole"], at(0)]]);
  });

  it("classifies principals and whether people can assume them", () => {
    const p = policyOf({
      Statement: [
        {
          Effect: "Allow",
          Action: ["sts:AssumeRole", "sts:TagSession"],
          Principal: {
            Service: ["ec2.amazonaws.com"],
            AWS: [
              "123456789012",
              "arn:aws:iam::123456789012:root",
              "arn:aws:iam::123456789012:user/alice",
              ref("aws_iam_role.admin", "arn"),
              tpl("arn:aws:iam::", ref("data.aws_caller_identity.current", "account_id"), ":root"),
              "arn:aws:sts::123456789012:assumed-role/x/y",
              ref("var.principal"),
            ],
          },
        },
        {
          Effect: "Allow",
          Action: "sts:AssumeRoleWithSAML",
          Principal: { Federated: "arn:aws:iam::123456789012:saml-provider/Okta" },
        },
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: "*" },
      ],
    });
    expect(trustedPrincipals(p).map((t) => [policyText(t.principal.value), t.kind, t.human, t.actions])).toEqual([
      ["ec2.amazonaws.com", "service", "no", ["sts:AssumeRole"]],
      ["123456789012", "account", "yes", ["sts:AssumeRole"]],
      ["arn:aws:iam::123456789012:user/alice", "user", "yes", ["sts:AssumeRole"]],
      ["${aws_iam_role.admin.arn}", "role", "yes", ["sts:AssumeRole"]],
      ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root", "account", "yes", ["sts:AssumeRole"]],
      ["arn:aws:sts::123456789012:assumed-role/x/y", "assumed-role", "yes", ["sts:AssumeRole"]],
      ["${var.principal}", "unknown", "unknown", ["sts:AssumeRole"]],
      // Principal "*" in the last statement lets the provider's users call AssumeRole too.
      ["arn:aws:iam::123456789012:saml-provider/Okta", "federated", "no", ["sts:AssumeRole", "sts:AssumeRoleWithSAML"]],
      ["*", "wildcard", "yes", ["sts:AssumeRole"]],
    ]);
  });

  it("reports an Allow with NotPrincipal as everyone, and a principal of unknown shape as unknown", () => {
    const p = policyOf({
      Statement: [
        { Effect: "Allow", Action: "sts:AssumeRole", NotPrincipal: { AWS: "arn:aws:iam::123456789012:user/mallory" } },
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } },
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: new Unknown([], "map") },
      ],
    });
    const withMfa = policyOf({
      Statement: [
        {
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: new Unknown([], "map"),
          Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
        },
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } },
      ],
    });
    // The service's grant without MFA says nothing about the unknown principal.
    expect(trustedPrincipals(withMfa).map((t) => [t.kind, t.mfaRequired])).toEqual([
      ["unknown", "unknown"],
      ["service", "no"],
    ]);
    expect(trustedPrincipals(p).map((t) => [t.kind, t.human, t.mfaRequired, ranges(t.statements)])).toEqual([
      ["wildcard", "yes", "no", at(0)],
      ["service", "no", "no", at(1)],
      // Whoever it is, nothing asks for MFA.
      ["unknown", "unknown", "no", at(2)],
    ]);
  });

  it("classifies principal entries", () => {
    expect(principalKind({ type: "CanonicalUser", value: "abc" })).toBe("canonical-user");
    expect(principalKind({ type: "unknown", value: ref("var.p") })).toBe("unknown");
    expect(principalKind({ type: "AWS", value: ref("aws_iam_user.bob", "arn") })).toBe("user");
    expect(principalKind({ type: "AWS", value: "arn:aws:iam::123456789012:group/g" })).toBe("unknown");
  });
});

describe("keyPolicyPrincipals", () => {
  const root = "arn:aws:iam::123456789012:root";
  const admin = ref("aws_iam_role.key_admin", "arn");
  const user = ref("aws_iam_role.app", "arn");
  const adminActions = [
    "kms:Create*",
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:Put*",
    "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:RotateKeyOnDemand",
  ];
  const userActions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

  it("separates administrators from users in the AWS default key policy shape", () => {
    const p = policyOf({
      Statement: [
        { Sid: "Admins", Effect: "Allow", Principal: { AWS: [admin] }, Action: adminActions, Resource: "*" },
        { Sid: "Users", Effect: "Allow", Principal: { AWS: [user] }, Action: userActions, Resource: "*" },
        {
          Sid: "Grants",
          Effect: "Allow",
          Principal: { AWS: [user] },
          Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
          Resource: "*",
          Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
      ],
    });
    const access = keyPolicyPrincipals(p);
    expect(
      access.map((a) => [policyText(a.principal.value), a.kind, a.admin.result, a.data.result, ranges(a.statements)]),
    ).toEqual([
      ["${aws_iam_role.key_admin.arn}", "role", "yes", "no", at(0)],
      ["${aws_iam_role.app.arn}", "role", "no", "yes", at(1, 2)],
    ]);
    expect(access[0]?.admin.actions).toHaveLength(29);
    expect(access[1]?.data.actions).toEqual([
      "kms:Decrypt",
      "kms:Encrypt",
      "kms:ReEncryptFrom",
      "kms:ReEncryptTo",
      "kms:GenerateDataKey",
      "kms:GenerateDataKeyWithoutPlaintext",
      "kms:GenerateDataKeyPair",
      "kms:GenerateDataKeyPairWithoutPlaintext",
    ]);
  });

  it("finds an administrator who can also decrypt, and the root account with kms:*", () => {
    const p = policyOf({
      Statement: [
        { Sid: "Root", Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "kms:*", Resource: "*" },
        {
          Sid: "Admin",
          Effect: "Allow",
          Principal: { AWS: admin },
          Action: [...adminActions, "kms:Decrypt"],
          Resource: "*",
        },
        { Sid: "RootAgain", Effect: "Allow", Principal: { AWS: root }, Action: "kms:DescribeKey", Resource: "*" },
      ],
    });
    expect(
      keyPolicyPrincipals(p).map((a) => [
        a.kind,
        a.admin.result,
        a.data.result,
        a.data.actions.slice(0, 1),
        ranges(a.statements),
      ]),
    ).toEqual([
      ["account", "yes", "yes", ["kms:Decrypt"], at(0, 2)],
      ["role", "yes", "yes", ["kms:Decrypt"], at(1)],
    ]);
  });

  it("keeps the account root (AWS default statement) apart from the roles it names", () => {
    const p = policyOf({
      Statement: [
        { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: root }, Action: "kms:*", Resource: "*" },
        { Sid: "Admins", Effect: "Allow", Principal: { AWS: admin }, Action: adminActions, Resource: "*" },
        { Sid: "Users", Effect: "Allow", Principal: { AWS: user }, Action: userActions, Resource: "*" },
      ],
    });
    expect(keyPolicyPrincipals(p).map((a) => [a.kind, a.admin.result, a.data.result, ranges(a.statements)])).toEqual([
      ["account", "yes", "yes", at(0)],
      ["role", "yes", "no", at(1)],
      ["role", "no", "yes", at(2)],
    ]);
    // For access in general, the account's root may stand for the referenced role (same account or not: unknown).
    expect(allows(p, { action: "kms:Decrypt", principal: { type: "AWS", value: admin } }).result).toBe("unknown");
    expect(allows(p, { action: "kms:Decrypt", principal: { type: "AWS", value: admin, exact: true } }).result).toBe(
      "no",
    );
  });

  it("cannot tell whether a literal role ARN and a referenced role are the same principal", () => {
    const p = policyOf({
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:role/KeyAdmin" },
          Action: adminActions,
          Resource: "*",
        },
        { Effect: "Allow", Principal: { AWS: user }, Action: userActions, Resource: "*" },
      ],
    });
    expect(keyPolicyPrincipals(p).map((a) => [a.admin.result, a.data.result])).toEqual([
      ["yes", "unknown"],
      ["unknown", "yes"],
    ]);
  });

  it("is unknown where a statement's actions are known only after apply", () => {
    const p = policyOf({
      Statement: [{ Effect: "Allow", Principal: { AWS: admin }, Action: ref("var.admin_actions"), Resource: "*" }],
    });
    expect(keyPolicyPrincipals(p).map((a) => [a.admin.result, a.data.result])).toEqual([["unknown", "unknown"]]);
  });
});

describe.skipIf(!sharedDir)(`the seeds' policies, read in place (${sharedDir ? "../shared" : sharedMissing})`, () => {
  const seed = (name: string) => readFileSync(sharedPath("seeds", name), "utf8");

  it("seed 001: the least-privilege ePHI policy grants GetObject and ListBucket over TLS only", () => {
    const p = policyOf(seedPolicy(seed("001_31562363f1681e61.txt"), "aws_iam_policy", "ephi_readonly", "policy"));
    expect(p.statements.map((s) => [s.sid, s.range])).toEqual([
      ["ListBucketOverTLS", line(10, 7, 8)],
      ["GetObjectsTaggedEPHIOverTLS", line(20, 7, 8)],
    ]);
    const bucket = { address: "aws_s3_bucket.ephi", name: "ephi-bucket" };
    const cases = [
      ["s3:GetObject", bucketObjectsSubject(bucket)],
      ["s3:ListBucket", bucketSubject(bucket)],
    ] as const;
    expect(cases.map(([action, resource]) => allows(p, { action, resource }).result)).toEqual(["yes", "yes"]);
    expect(
      cases.map(
        ([action, resource]) => allows(p, { action, resource }, { withoutCondition: "aws:SecureTransport" }).result,
      ),
    ).toEqual(["no", "no"]);
    expect(allows(p, { action: "s3:PutObject", resource: bucketObjectsSubject(bucket) }).result).toBe("no");
    expect(wildcardActionGrants(p)).toEqual([]);
    expect(p.statements.map((s) => resourceTargets(s).map((t) => t.kind))).toEqual([["bucket"], ["objects"]]);
  });

  it("seed 001: the operator role requires MFA of its SSO admins' role", () => {
    const p = policyOf(
      seedPolicy(seed("001_31562363f1681e61.txt"), "aws_iam_role", "ephi_operator", "assume_role_policy"),
    );
    expect(
      trustedPrincipals(p).map((t) => [
        t.principal.value,
        t.kind,
        t.human,
        t.mfaRequired,
        t.actions,
        ranges(t.statements),
      ]),
    ).toEqual([
      ["arn:aws:iam::123456789012:role/Enterprise-SSO-Admins", "role", "yes", "yes", ["sts:AssumeRole"], at(0)],
    ]);
  });

  it("seed 001: CloudTrail's delivery role is assumed by the service, and its policy names the log group", () => {
    const text = seed("001_31562363f1681e61.txt");
    const trust = policyOf(seedPolicy(text, "aws_iam_role", "ct_to_cw", "assume_role_policy"));
    expect(trustedPrincipals(trust).map((t) => [t.principal.value, t.kind, t.human, t.mfaRequired])).toEqual([
      ["cloudtrail.amazonaws.com", "service", "no", "no"],
    ]);
    const delivery = policyOf(seedPolicy(text, "aws_iam_role_policy", "ct_to_cw", "policy"));
    const stmt = delivery.statements[0] as PolicyStatement;
    expect(stmt.resource).toEqual([tpl(ref("aws_cloudwatch_log_group.trail", "arn"), ":*")]);
    expect(coveredActions(stmt, DATA_PLANE_ACTIONS)).toEqual([]);
    expect(wildcardActionGrants(delivery)).toEqual([]);
  });

  it("seed 000: the transcribed ForceTLSOnly statement is the one the seed describes", () => {
    const text = seed("000_2f8f7461e64c3630.txt");
    expect(text).toContain(
      "Bucket Policy Statement ForceTLSOnly denies access where the condition aws:SecureTransport is false",
    );
    expect(
      forceTlsOnly.statements.map((s) => [s.sid, s.effect, s.conditions.map((c) => [c.operator, c.key, c.values])]),
    ).toEqual([["ForceTLSOnly", "Deny", [["Bool", "aws:SecureTransport", ["false"]]]]]);
  });
});
