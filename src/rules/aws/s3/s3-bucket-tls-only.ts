import { bucketObjectsSubject, bucketSubject, deniesInsecureTransport } from "../../../model/aws/policy-analysis.js";
import { defineRule } from "../../rule.js";
import { bucketIdentity, inScope, policyLocation } from "../../support.js";

export default defineRule({
  id: "s3-bucket-tls-only",
  meta: {
    title: "PHI bucket policies deny every request made without TLS",
    severity: "high",
    service: "s3",
    scope: "phi",
    messages: {
      denied:
        "The policy of bucket {{bucket}} denies requests without TLS (aws:SecureTransport = false) to the bucket and its objects.",
      noPolicy:
        "PHI bucket {{bucket}} has no bucket policy, so nothing denies requests made over plain HTTP (aws:SecureTransport = false).",
      notDenied:
        "The policy of PHI bucket {{bucket}} does not deny every request without TLS to {{uncovered}}: PHI can travel over plain HTTP.",
      unknown:
        "Whether the policy of PHI bucket {{bucket}} denies requests without TLS to {{uncovered}} is known only after apply.",
    },
    remediation: {
      text: "Add a Deny statement for every principal and s3:* on the bucket and its objects when aws:SecureTransport is false.",
      hcl: `data "aws_iam_policy_document" "this" {
  statement {
    sid       = "ForceTLSOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn, "\${aws_s3_bucket.this.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit",
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
      const [onBucket, onObjects] = deniesInsecureTransport(policy.document, [
        bucketSubject(identity),
        bucketObjectsSubject(identity),
      ]);
      const coverage = [
        ["the bucket", onBucket],
        ["its objects", onObjects],
      ] as const;
      const describe = (result: string) =>
        coverage
          .filter(([, c]) => c?.result === result)
          .map(([what]) => what)
          .join(" and ");
      const statementAt = onObjects?.statements[0]?.range ?? onBucket?.statements[0]?.range;
      if (coverage.some(([, c]) => c?.result === "no")) {
        context.fail(bucket, "notDenied", { ...data, uncovered: describe("no") }, policyLocation(policy));
      } else if (coverage.some(([, c]) => c?.result === "unknown")) {
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
