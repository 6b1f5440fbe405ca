import { describe, expect, it } from "vitest";
import type { S3DataEventCoverage } from "../../../src/model/aws/cloudtrail.js";
import { adaptFixture, byAddress, diags } from "./support.js";

function grant(c: S3DataEventCoverage): string {
  const scope = c.scope.kind === "bucket" ? c.scope.bucket.address : c.scope.kind;
  return `${scope}${c.keyPrefixOnly ? " key-prefix" : ""}${c.uncertain ? " uncertain" : ""}`;
}

describe("CloudTrail data events under a key prefix", () => {
  const { model, diagnostics } = adaptFixture("trail-key-prefix");

  it("adapts without diagnostics", () => {
    expect(diags(diagnostics)).toEqual([]);
  });

  it("tells a whole bucket from a key prefix in basic selectors", () => {
    expect(byAddress(model.trails, "aws_cloudtrail.main").s3DataEvents.map(grant)).toEqual([
      "aws_s3_bucket.phi",
      "aws_s3_bucket.phi key-prefix",
      "aws_s3_bucket.generated key-prefix",
      "all",
    ]);
  });

  it("tells a whole bucket from a key prefix in advanced selectors", () => {
    expect(byAddress(model.trails, "aws_cloudtrail.advanced").s3DataEvents.map(grant)).toEqual([
      "aws_s3_bucket.phi",
      "aws_s3_bucket.generated",
      "aws_s3_bucket.phi key-prefix",
    ]);
  });
});
