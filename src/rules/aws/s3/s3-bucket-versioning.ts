import { defineRule } from "../../rule.js";
import { inScope, judge, show } from "../../support.js";

export default defineRule({
  id: "s3-bucket-versioning",
  meta: {
    title: "PHI buckets keep prior versions of every object",
    severity: "high",
    service: "s3",
    scope: "phi",
    messages: {
      enabled: "Versioning is Enabled on bucket {{bucket}}.",
      enabledByObjectLock:
        "Bucket {{bucket}} is created with Object Lock, which enables versioning (and never lets it be suspended).",
      notEnabled: "Versioning of PHI bucket {{bucket}} is {{status}}; prior versions of PHI are not kept for recovery.",
      unknown: "Versioning status of PHI bucket {{bucket}} is known only after apply.",
    },
    remediation: {
      text: "Add an aws_s3_bucket_versioning resource with status Enabled for the bucket.",
      hcl: `resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
    defaultOptions: {},
  },
  check(context) {
    for (const bucket of inScope("phi", context.model.buckets)) {
      const status = bucket.versioning.status;
      const lock = bucket.objectLock;
      // S3 turns versioning on when a bucket is created with Object Lock; only an explicit setting can contradict it.
      const createdLocked =
        lock.provenance.kind === "inline" && lock.enabled.origin === "explicit" && lock.enabled.value === true;
      if (status.origin === "default" && createdLocked) {
        context.pass(bucket, "enabledByObjectLock", { bucket: bucket.address }, lock.enabled.range);
        continue;
      }
      const verdict = judge(status, (value) => value === "Enabled");
      const data = { bucket: bucket.address, status: show(status) };
      const messageId = verdict === "pass" ? "enabled" : verdict === "fail" ? "notEnabled" : "unknown";
      context.report(verdict, bucket, messageId, data, status.range);
    }
  },
});
