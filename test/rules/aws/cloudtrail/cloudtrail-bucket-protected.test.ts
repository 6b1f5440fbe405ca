import rule from "../../../../src/rules/aws/cloudtrail/cloudtrail-bucket-protected.js";
import { testRule } from "../../../support/rule-tester.js";
import { trail, trailBucket } from "./trail-cases.js";

/** Lines 4–9. */
const versioning = (status: string) => `resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = "${status}"
  }
}
`;

/** Seven lines. */
const publicAccessBlock = (restrictPublicBuckets: boolean) => `resource "aws_s3_bucket_public_access_block" "trail" {
  bucket                  = aws_s3_bucket.trail.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = ${restrictPublicBuckets}
}
`;

/** Thirteen lines; findings in the jsonencode document point at the policy attribute (lines 3–12 of it). */
const policy = (principal: string, condition: string) => `resource "aws_s3_bucket_policy" "trail" {
  bucket = aws_s3_bucket.trail.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = ${principal}
      Action    = "s3:PutObject"
      Resource  = "\${aws_s3_bucket.trail.arn}/AWSLogs/*"
      Condition = ${condition}
    }]
  })
}
`;

const cloudtrailOnly = policy(
  '{ Service = "cloudtrail.amazonaws.com" }',
  '{ StringEquals = { "aws:SourceArn" = "arn:aws:cloudtrail:us-east-1:111122223333:trail/main" } }',
);

testRule(rule, {
  valid: [
    {
      name: "versioned, all four flags, policy for CloudTrail only",
      code: trailBucket + versioning("Enabled") + publicAccessBlock(true) + cloudtrailOnly + trail("main"),
      passes: 1,
    },
    {
      name: "AWS's defaults block public access; two trails share the bucket, judged once",
      code: trailBucket + versioning("Enabled") + trail("main") + trail("eu"),
      passes: 1,
    },
  ],
  invalid: [
    {
      name: "not versioned",
      code: trailBucket + publicAccessBlock(true) + trail("main"),
      errors: [
        { messageId: "notVersioned", line: 1, column: 1, endLine: 3, endColumn: 2, address: "aws_s3_bucket.trail" },
      ],
    },
    {
      name: "restrict_public_buckets off",
      code: trailBucket + versioning("Enabled") + publicAccessBlock(false) + trail("main"),
      errors: [{ messageId: "publicAccessNotBlocked", line: 15, column: 3, endLine: 15, endColumn: 34 }],
    },
    {
      name: "a policy statement granting everyone",
      code: trailBucket + versioning("Enabled") + policy('"*"', "{}") + trail("main"),
      errors: [{ messageId: "publicPolicy", line: 14, column: 18, endLine: 20, endColumn: 6 }],
    },
    {
      name: "suspended versioning and a public-access gap: both reported",
      code: trailBucket + versioning("Suspended") + publicAccessBlock(false) + trail("main"),
      errors: [
        { messageId: "publicAccessNotBlocked", line: 15, column: 3, endLine: 15, endColumn: 34 },
        { messageId: "notVersioned", line: 7, column: 5, endLine: 7, endColumn: 25 },
      ],
    },
    {
      name: "a bucket this configuration does not define",
      code: `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "org-audit-trail"
}
`,
      errors: [
        {
          messageId: "outsideConfiguration",
          status: "unknown",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 37,
          address: "aws_cloudtrail.main",
        },
      ],
    },
  ],
});
