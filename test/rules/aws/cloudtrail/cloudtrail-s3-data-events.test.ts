import rule from "../../../../src/rules/aws/cloudtrail/cloudtrail-s3-data-events.js";
import { testRule } from "../../../support/rule-tester.js";

/** Lines 1–7: a PHI bucket and the trail's bucket. */
const buckets = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail"
}
`;

const phiBucket = { line: 1, column: 1, endLine: 4, endColumn: 2, address: "aws_s3_bucket.phi" };

function trail(name: string, ...blocks: string[]): string {
  return `resource "aws_cloudtrail" "${name}" {
  name           = "${name}"
  s3_bucket_name = aws_s3_bucket.trail.id
${blocks.map((b) => `  ${b}\n`).join("")}}
`;
}

/** An advanced selector for S3 object data events, with extra field selectors. */
function objectEvents(...fields: [string, string, string][]): string {
  const extra = fields.map(
    ([field, operator, values]) => `
    field_selector {
      field = "${field}"
      ${operator} = ${values}
    }`,
  );
  return `advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }${extra.join("")}
  }`;
}

function basicSelector(readWriteType: string, values: string): string {
  return `event_selector {
    read_write_type = "${readWriteType}"
    data_resource {
      type   = "AWS::S3::Object"
      values = ${values}
    }
  }`;
}

testRule(rule, {
  valid: [
    {
      name: "advanced selector starting with the bucket's ARN",
      code: buckets + trail("main", objectEvents(["resources.ARN", "starts_with", '["${aws_s3_bucket.phi.arn}/"]'])),
      passes: 1,
    },
    {
      name: "basic selector for every bucket; the PHI-tagged trail bucket itself is exempt",
      code:
        buckets.replace('bucket = "acme-trail"', 'bucket = "acme-trail"\n  tags   = { classification = "phi" }') +
        trail("main", basicSelector("All", '["arn:aws:s3"]')),
      passes: 1,
    },
    {
      name: "reads from one trail, writes from another",
      code:
        buckets +
        trail("reads", basicSelector("ReadOnly", '["arn:aws:s3:::acme-phi/"]')) +
        trail("writes", objectEvents(["readOnly", "equals", '["false"]'])),
      passes: 1,
    },
  ],
  invalid: [
    {
      name: "no trail at all",
      code: buckets,
      errors: [{ messageId: "noTrail", ...phiBucket }],
    },
    {
      name: "the selector covers another bucket only",
      code:
        buckets +
        `resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}
` +
        trail("main", objectEvents(["resources.ARN", "starts_with", '["${aws_s3_bucket.exports.arn}/"]'])),
      errors: [{ messageId: "notCovered", ...phiBucket }],
    },
    {
      name: "read-only data events",
      code: buckets + trail("main", objectEvents(["readOnly", "equals", '["true"]'])),
      errors: [{ messageId: "writesNotCovered", ...phiBucket }],
    },
    {
      name: "write-only data events",
      code: buckets + trail("main", basicSelector("WriteOnly", '["arn:aws:s3:::"]')),
      errors: [{ messageId: "readsNotCovered", ...phiBucket }],
    },
    {
      name: "every bucket but the PHI bucket",
      code:
        buckets + trail("main", objectEvents(["resources.ARN", "not_starts_with", '["${aws_s3_bucket.phi.arn}/"]'])),
      errors: [{ messageId: "notCovered", ...phiBucket }],
    },
    {
      name: "only objects under a key prefix of the bucket",
      code:
        buckets +
        trail(
          "main",
          objectEvents([
            "resources.ARN",
            "starts_with",
            '["${aws_s3_bucket.phi.arn}/exports/", "arn:aws:s3:::acme-phi/tmp/"]',
          ]),
        ),
      errors: [{ messageId: "keyPrefixOnly", ...phiBucket }],
    },
    {
      name: "the trail capturing it is not logging",
      code: buckets + trail("main", "enable_logging = false", basicSelector("All", '["arn:aws:s3"]')),
      errors: [{ messageId: "notCovered", ...phiBucket }],
    },
    {
      name: "bucket ARN known only after apply",
      code:
        `data "aws_ssm_parameter" "bucket" {
  name = "/acme/audited-bucket-arn"
}
` +
        buckets +
        trail("main", objectEvents(["resources.ARN", "starts_with", "[data.aws_ssm_parameter.bucket.value]"])),
      errors: [{ messageId: "unknown", status: "unknown", line: 4, column: 1, endLine: 7, endColumn: 2 }],
    },
  ],
});
