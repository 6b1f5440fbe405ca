import { describe, expect, it } from "vitest";
import { arnName, bucketNameOf, JoinIndex, resourceOf } from "../../../src/adapters/aws/join.js";
import type { Range } from "../../../src/hcl/range.js";
import { Unknown } from "../../../src/hcl/value.js";
import type { InstanceKey, ResourceInstance } from "../../../src/terraform/graph.js";

const at: Range = { file: "main.tf", start: { line: 1, column: 1, byte: 0 }, end: { line: 1, column: 1, byte: 0 } };

/** The fields of an instance the index reads. */
function instance(resource: string, key: InstanceKey, references: string[] = []): ResourceInstance {
  const suffix = key === null ? "" : typeof key === "number" ? `[${key}]` : `["${key}"]`;
  return { address: `${resource}${suffix}`, resource, key, references, range: at } as unknown as ResourceInstance;
}

describe("join helpers", () => {
  it("strips the instance key from an address", () => {
    expect(resourceOf('module.a["x"].aws_s3_bucket.b["k[1]"]')).toBe('module.a["x"].aws_s3_bucket.b');
    expect(resourceOf("aws_s3_bucket.b[0]")).toBe("aws_s3_bucket.b");
    expect(resourceOf("aws_s3_bucket.b[*]")).toBe("aws_s3_bucket.b");
    expect(resourceOf("module.a.aws_s3_bucket.b")).toBe("module.a.aws_s3_bucket.b");
  });

  it("reads bucket names and ARN names", () => {
    expect(bucketNameOf("arn:aws:s3:::acme-logs/prefix/")).toBe("acme-logs");
    expect(bucketNameOf("acme-logs")).toBe("acme-logs");
    expect(bucketNameOf("arn:aws:sns:us-east-1:1:topic")).toBeUndefined();
    expect(arnName("arn:aws:sns:us-east-1:123456789012:alarms")).toBe("alarms");
  });
});

describe("JoinIndex", () => {
  const index = new JoinIndex<string>();
  index.add(instance("aws_s3_bucket.b", "a"), "bucket a");
  index.add(instance("aws_s3_bucket.b", "b"), "bucket b");
  index.add(instance("aws_s3_bucket.one", null), "one");
  index.addName("acme-one", "one");

  it("resolves a reference by instance address, across module prefixes as written", () => {
    expect(index.resolve(Unknown.of('aws_s3_bucket.b["b"]', ["id"]))).toEqual({ kind: "resolved", target: "bucket b" });
  });

  it("resolves a keyless reference by the referring instance's key", () => {
    const from = instance("aws_s3_bucket_versioning.v", "b");
    expect(index.resolve(Unknown.of("aws_s3_bucket.b", ["id"]), { from })).toEqual({
      kind: "resolved",
      target: "bucket b",
    });
    // No key to go by, and several instances: not resolved.
    expect(index.resolve(Unknown.of("aws_s3_bucket.b", ["id"]))).toEqual({
      kind: "unknown",
      refs: ["aws_s3_bucket.b"],
    });
  });

  it("never guesses a missing key", () => {
    expect(index.resolve(Unknown.of('aws_s3_bucket.b["zzz"]', ["id"]))).toEqual({
      kind: "unknown",
      refs: ['aws_s3_bucket.b["zzz"]'],
    });
  });

  it("resolves an unknown expansion indexed by a key kept in the path", () => {
    expect(index.resolve(Unknown.of("aws_s3_bucket.b[*]", ["a", "id"]))).toEqual({
      kind: "resolved",
      target: "bucket a",
    });
  });

  it("resolves literal names through nameOf, and reports other literals", () => {
    expect(index.resolve("arn:aws:s3:::acme-one", { nameOf: bucketNameOf })).toEqual({
      kind: "resolved",
      target: "one",
    });
    expect(index.resolve("acme-two", { nameOf: bucketNameOf })).toEqual({ kind: "literal", text: "acme-two" });
    expect(index.resolve(undefined)).toEqual({ kind: "none" });
  });

  it("joins a written null to the one candidate the instance references, never to one of several", () => {
    expect(index.resolve(null, { from: instance("x.y", null, ["aws_s3_bucket.one", "aws_kms_key.k"]) })).toEqual({
      kind: "resolved",
      target: "one",
    });
    expect(index.resolve(null, { from: instance("x.y", null, ["aws_s3_bucket.one", 'aws_s3_bucket.b["a"]']) })).toEqual(
      { kind: "none" },
    );
  });
});
