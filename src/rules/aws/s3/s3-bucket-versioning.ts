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
      const verdict = judge(status, (value) => value === "Enabled");
      const data = { bucket: bucket.address, status: show(status) };
      const messageId = verdict === "pass" ? "enabled" : verdict === "fail" ? "notEnabled" : "unknown";
      context.report(verdict, bucket, messageId, data, status.range);
    }
  },
});
