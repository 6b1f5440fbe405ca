import { defineRule } from "../../rule.js";
import { show } from "../../support.js";

export default defineRule({
  id: "s3-access-log-bucket-sse-s3",
  meta: {
    title: "Server-access-log target buckets use SSE-S3, which log delivery supports",
    severity: "high",
    service: "s3",
    scope: "all",
    messages: {
      sseS3: "Access-log target bucket {{bucket}} uses SSE-S3 (AES256), which server access log delivery supports.",
      sseKms:
        "Access-log target bucket {{bucket}} uses {{algorithm}}: S3 cannot deliver server access logs to it, so the logs of {{sources}} are lost.",
      notSseS3:
        "Access-log target bucket {{bucket}} uses {{algorithm}} as its default encryption, not SSE-S3 (AES256).",
      unknown: "The default encryption of access-log target bucket {{bucket}} is known only after apply.",
    },
    remediation: {
      text: "Encrypt server-access-log target buckets with SSE-S3 (AES256); SSE-KMS is not supported for the target of server access logging.",
      hcl: `resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html",
    defaultOptions: {},
  },
  check(context) {
    for (const bucket of context.model.buckets) {
      if (!bucket.isLogTarget) continue;
      const algorithm = bucket.encryption.algorithm;
      const data = {
        bucket: bucket.address,
        algorithm: show(algorithm),
        sources: bucket.logSources.map((s) => s.address).join(", "),
      };
      if (algorithm.origin === "unknown") context.unknown(bucket, "unknown", data, algorithm.range);
      else if (algorithm.value === "AES256") context.pass(bucket, "sseS3", data, algorithm.range);
      else if (algorithm.value?.startsWith("aws:kms")) context.fail(bucket, "sseKms", data, algorithm.range);
      else context.fail(bucket, "notSseS3", data, algorithm.range);
    }
  },
});
