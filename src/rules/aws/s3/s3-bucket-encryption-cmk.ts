import type { Bucket } from "../../../model/aws/s3.js";
import { defineRule, type MessageData, type ResultStatus } from "../../rule.js";
import { inScope, isLogTargetOfOthers, show } from "../../support.js";

interface Verdict {
  readonly status: ResultStatus;
  readonly messageId: string;
  readonly data: MessageData;
  readonly at: Bucket["range"];
}

/** SSE-KMS with a key the customer controls: a key of this configuration, or a key or alias named outside it. */
function judgeEncryption(bucket: Bucket): Verdict {
  const { algorithm, kmsKey } = bucket.encryption;
  const base = { bucket: bucket.address, algorithm: show(algorithm) };
  if (algorithm.origin === "unknown") {
    return { status: "unknown", messageId: "algorithmUnknown", data: base, at: algorithm.range };
  }
  if (algorithm.value !== "aws:kms" && algorithm.value !== "aws:kms:dsse") {
    const messageId = algorithm.value === "AES256" ? "sseS3" : "notKms";
    return { status: "fail", messageId, data: base, at: algorithm.range };
  }
  const data = { ...base, key: show(kmsKey.id) };
  switch (kmsKey.key.kind) {
    case "resolved":
      return {
        status: "pass",
        messageId: "customerManagedKey",
        data: { ...data, key: kmsKey.key.target.address },
        at: kmsKey.id.range,
      };
    case "literal":
      return { status: "pass", messageId: "externalKey", data, at: kmsKey.id.range };
    case "aws-managed":
      return {
        status: "fail",
        messageId: "awsManagedKey",
        data: { ...data, key: kmsKey.key.alias },
        at: kmsKey.id.range,
      };
    case "unknown":
      return { status: "unknown", messageId: "keyUnknown", data, at: kmsKey.id.range };
    default:
      // The adapter turns SSE-KMS without a key into the AWS-managed key; kept for a model built otherwise.
      return {
        status: "fail",
        messageId: "awsManagedKey",
        data: { ...data, key: "alias/aws/s3" },
        at: kmsKey.id.range,
      };
  }
}

export default defineRule({
  id: "s3-bucket-encryption-cmk",
  meta: {
    title: "PHI buckets encrypt by default with a customer-managed KMS key",
    severity: "critical",
    service: "s3",
    scope: "phi",
    messages: {
      customerManagedKey: "Bucket {{bucket}} encrypts with SSE-KMS under the customer-managed key {{key}}.",
      externalKey:
        "Bucket {{bucket}} encrypts with SSE-KMS under {{key}}, a customer-managed key defined outside this configuration.",
      sseS3:
        "PHI bucket {{bucket}} uses SSE-S3 (AES256): the key is Amazon's, so access to it cannot be restricted, audited or revoked by key policy.",
      notKms:
        "PHI bucket {{bucket}} uses {{algorithm}} as its default encryption, not SSE-KMS with a customer-managed key.",
      awsManagedKey:
        "PHI bucket {{bucket}} uses SSE-KMS with the AWS-managed key {{key}}: its key policy cannot be changed to restrict who decrypts PHI.",
      algorithmUnknown: "The default encryption algorithm of PHI bucket {{bucket}} is known only after apply.",
      keyUnknown:
        "The KMS key of PHI bucket {{bucket}} ({{key}}) is known only after apply; it may be the AWS-managed aws/s3 key.",
    },
    remediation: {
      text: "Encrypt the bucket by default with SSE-KMS under a customer-managed key (and bucket keys to cut KMS calls). Server-access-log target buckets are exempt: they must use SSE-S3.",
      hcl: `resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.phi.arn
    }
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
    defaultOptions: {},
  },
  check(context) {
    // Access-log targets cannot use SSE-KMS (delivery fails): s3-access-log-bucket-sse-s3 judges them instead.
    for (const bucket of inScope("phi", context.model.buckets)) {
      if (isLogTargetOfOthers(bucket)) continue;
      const verdict = judgeEncryption(bucket);
      context.report(verdict.status, bucket, verdict.messageId, verdict.data, verdict.at);
    }
  },
});
