import { defineRule } from "../../rule.js";
import { bucketExposure, inScope, isLogTargetOfOthers, show } from "../../support.js";

export default defineRule({
  id: "s3-bucket-access-logging",
  meta: {
    title: "PHI buckets log server access to a different bucket that is not public",
    severity: "high",
    service: "s3",
    scope: "phi",
    messages: {
      logged: "Bucket {{bucket}} logs server access to {{target}}, a different bucket that is not public.",
      notEnabled: "PHI bucket {{bucket}} has no server access logging: requests to PHI leave no access record.",
      sameBucket:
        "PHI bucket {{bucket}} delivers its access logs to itself: each log delivery is logged again, and the logs share the data's access.",
      publicTarget: "PHI bucket {{bucket}} logs server access to {{target}}, which is public: {{reason}}.",
      targetPublicUnknown:
        "Whether access-log target {{target}} of PHI bucket {{bucket}} is public is known only after apply ({{reason}}).",
      targetOutside:
        "PHI bucket {{bucket}} logs server access to {{target}}, a bucket outside this configuration whose public access cannot be checked here.",
      targetUnknown: "The access-log target bucket of PHI bucket {{bucket}} is known only after apply.",
    },
    remediation: {
      text: "Enable server access logging into a dedicated log bucket (SSE-S3, Block Public Access, a policy granting only logging.s3.amazonaws.com with source conditions).",
      hcl: `resource "aws_s3_bucket_logging" "this" {
  bucket        = aws_s3_bucket.this.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "access-logs/"
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
    defaultOptions: {},
  },
  check(context) {
    for (const bucket of inScope("phi", context.model.buckets)) {
      // Logging a log target into another bucket recurses without end: exempt (RULES.md decisions).
      if (isLogTargetOfOthers(bucket)) continue;
      const logging = bucket.logging;
      const data = { bucket: bucket.address, target: show(logging.targetBucketName) };
      const at = logging.targetBucketName.range;
      if (logging.enabled.value !== true) {
        context.fail(bucket, "notEnabled", data, logging.enabled.range);
        continue;
      }
      const target = logging.target;
      if (target.kind === "literal") {
        context.unknown(bucket, "targetOutside", { ...data, target: target.text }, at);
        continue;
      }
      if (target.kind !== "resolved") {
        context.unknown(bucket, "targetUnknown", data, at);
        continue;
      }
      const targetData = { ...data, target: target.target.address };
      if (target.target === bucket) {
        context.fail(bucket, "sameBucket", targetData, at);
        continue;
      }
      const exposure = bucketExposure(target.target);
      if (exposure.status === "public")
        context.fail(bucket, "publicTarget", { ...targetData, reason: exposure.reason }, at);
      else if (exposure.status === "unknown") {
        context.unknown(bucket, "targetPublicUnknown", { ...targetData, reason: exposure.reason }, at);
      } else context.pass(bucket, "logged", targetData, at);
    }
  },
});
