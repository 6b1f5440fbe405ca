import type { LifecycleRule } from "../../../model/aws/s3.js";
import { defineRule } from "../../rule.js";
import { inScope } from "../../support.js";

/** Does the rule expire or transition noncurrent versions? A written value known only after apply still acts. */
function actsOnNoncurrent(rule: LifecycleRule): boolean {
  return rule.noncurrentVersionExpirationDays.origin !== "default" || rule.noncurrentVersionTransitions.length > 0;
}

export default defineRule({
  id: "s3-bucket-noncurrent-version-lifecycle",
  meta: {
    title: "PHI buckets have a lifecycle rule for noncurrent versions",
    severity: "low",
    service: "s3",
    scope: "phi",
    messages: {
      managed: "Bucket {{bucket}} has an enabled lifecycle rule that expires or transitions noncurrent versions.",
      noRule:
        "PHI bucket {{bucket}} has no enabled lifecycle rule acting on noncurrent versions: prior versions of PHI are kept, and paid for, indefinitely.",
      unknown:
        "Whether a lifecycle rule of PHI bucket {{bucket}} acts on noncurrent versions is known only after apply.",
    },
    remediation: {
      text: "Add an enabled lifecycle rule that transitions noncurrent versions to an archive class and expires them after the retention period.",
      hcl: `resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "noncurrent-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_transition {
      noncurrent_days = 30
      storage_class   = "GLACIER"
    }

    noncurrent_version_expiration {
      noncurrent_days = 2192
    }
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html",
    defaultOptions: {},
  },
  check(context) {
    for (const bucket of inScope("phi", context.model.buckets)) {
      const data = { bucket: bucket.address };
      const rules = bucket.lifecycle.rules;
      const acting = rules.find(
        (r) => r.enabled.origin === "explicit" && r.enabled.value === true && actsOnNoncurrent(r),
      );
      // A rule that may be enabled, or rules a dynamic block expands from an unknown collection, may act too.
      const maybe = rules.find((r) => r.unknownExpansion || (r.enabled.origin === "unknown" && actsOnNoncurrent(r)));
      if (acting) context.pass(bucket, "managed", data, acting.range);
      else if (maybe) context.unknown(bucket, "unknown", data, maybe.range);
      else context.fail(bucket, "noRule", data, bucket.lifecycle.provenance.range);
    }
  },
});
