import { bucketObjectsSubject, bucketSubject, denies } from "../../../model/aws/policy-analysis.js";
import { defineRule } from "../../rule.js";
import { bucketIdentity, inScope, policyLocation } from "../../support.js";

/** TLS versions older than 1.2, as the `s3:TlsVersion` condition key reports them. */
const oldTlsVersions = [1.0, 1.1];

export default defineRule({
  id: "s3-bucket-min-tls-version",
  meta: {
    title: "PHI bucket policies deny requests made with TLS older than 1.2",
    severity: "medium",
    service: "s3",
    scope: "phi",
    messages: {
      denied: "The policy of bucket {{bucket}} denies requests made with TLS older than 1.2 (s3:TlsVersion).",
      noPolicy: "PHI bucket {{bucket}} has no bucket policy, so nothing denies requests made with TLS 1.0 or 1.1.",
      notDenied:
        "The policy of PHI bucket {{bucket}} does not deny requests with TLS older than 1.2 to {{uncovered}} (a Deny with NumericLessThan s3:TlsVersion 1.2).",
      unknown:
        "Whether the policy of PHI bucket {{bucket}} denies requests with TLS older than 1.2 to {{uncovered}} is known only after apply.",
    },
    remediation: {
      text: "Add a Deny statement for every principal and s3:* on the bucket and its objects when s3:TlsVersion is less than 1.2.",
      hcl: `data "aws_iam_policy_document" "this" {
  statement {
    sid       = "DenyTLSVersionBelow12"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn, "\${aws_s3_bucket.this.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html#example-object-tls-version",
    defaultOptions: {},
  },
  check(context) {
    for (const bucket of inScope("phi", context.model.buckets)) {
      const data = { bucket: bucket.address };
      const policy = bucket.policy;
      if (!policy) {
        context.fail(bucket, "noPolicy", data);
        continue;
      }
      if (policy.origin === "unknown" || !policy.document) {
        context.unknown(bucket, "unknown", { ...data, uncovered: "the bucket and its objects" }, policy.range);
        continue;
      }
      const identity = bucketIdentity(bucket);
      const document = policy.document;
      const coverage = (
        [
          ["the bucket", bucketSubject(identity)],
          ["its objects", bucketObjectsSubject(identity)],
        ] as const
      ).map(([what, resource]) => {
        const decision = denies(
          document,
          { action: "s3:*", resource },
          { withoutCondition: { key: "s3:TlsVersion", values: oldTlsVersions } },
        );
        return { what, decision };
      });
      const describe = (result: string) =>
        coverage
          .filter((c) => c.decision.result === result)
          .map((c) => c.what)
          .join(" and ");
      const statementAt = coverage.flatMap((c) => c.decision.statements)[0]?.range;
      if (coverage.some((c) => c.decision.result === "no")) {
        context.fail(bucket, "notDenied", { ...data, uncovered: describe("no") }, policyLocation(policy));
      } else if (coverage.some((c) => c.decision.result === "unknown")) {
        context.unknown(
          bucket,
          "unknown",
          { ...data, uncovered: describe("unknown") },
          statementAt ?? policyLocation(policy),
        );
      } else {
        context.pass(bucket, "denied", data, statementAt ?? policyLocation(policy));
      }
    }
  },
});
