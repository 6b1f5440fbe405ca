import type { StateBackend } from "../../../model/aws/backend.js";
import { defineRule, type MessageData, type ResultStatus } from "../../rule.js";
import { show } from "../../support.js";

interface Verdict {
  readonly status: ResultStatus;
  readonly messageId: string;
  readonly data?: MessageData;
  readonly at: StateBackend["range"];
}

function judgeBackend(backend: StateBackend): Verdict {
  // Without even a bucket, the block is a partial configuration completed by -backend-config at init.
  if (backend.bucketName.origin === "default") return { status: "unknown", messageId: "partial", at: backend.range };
  const { encrypt, kmsKey } = backend;
  if (encrypt.origin === "unknown") return { status: "unknown", messageId: "encryptUnknown", at: encrypt.range };
  if (encrypt.value !== true) return { status: "fail", messageId: "notEncrypted", at: encrypt.range };
  const key = kmsKey.key;
  switch (key.kind) {
    case "none":
      return { status: "fail", messageId: "noKmsKey", at: kmsKey.id.range };
    case "aws-managed":
      return { status: "fail", messageId: "awsManagedKey", data: { key: key.alias }, at: kmsKey.id.range };
    case "unknown":
      return { status: "unknown", messageId: "keyUnknown", at: kmsKey.id.range };
    case "resolved":
      return { status: "pass", messageId: "encrypted", data: { key: key.target.address }, at: kmsKey.id.range };
    default:
      return { status: "pass", messageId: "encrypted", data: { key: show(kmsKey.id) }, at: kmsKey.id.range };
  }
}

export default defineRule({
  id: "backend-s3-encryption",
  meta: {
    title: "Terraform state in S3 is encrypted with a customer-managed KMS key",
    severity: "high",
    service: "backend",
    scope: "all",
    messages: {
      encrypted: "The S3 backend encrypts the state with the customer-managed key {{key}}.",
      notEncrypted:
        "The S3 backend does not set encrypt = true: the state, which holds every secret of the configuration, is not encrypted by the backend.",
      noKmsKey:
        "The S3 backend sets no kms_key_id: the state is encrypted with an S3-managed key, not a customer-managed key whose policy limits who can read it.",
      awsManagedKey:
        "The S3 backend encrypts the state with the AWS-managed key {{key}}, whose key policy cannot limit who reads the state.",
      partial:
        "The S3 backend block names no bucket: its settings come from -backend-config at init, so its encryption cannot be checked here.",
      encryptUnknown: "Whether the S3 backend encrypts the state is known only after apply.",
      keyUnknown: "The KMS key of the S3 backend is known only after apply.",
    },
    remediation: {
      text: "Set encrypt = true and kms_key_id to the ARN of a customer-managed key in the backend block.",
      hcl: `terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "prod/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:us-east-1:111122223333:key/0b6c2f41-7d3e-4c55-9a61-2f5d8e9c1a70"
    use_lockfile = true
  }
}`,
    },
    docs: "https://developer.hashicorp.com/terraform/language/backend/s3",
    defaultOptions: {},
  },
  check(context) {
    const backend = context.model.backend;
    if (!backend) return;
    const verdict = judgeBackend(backend);
    context.report(verdict.status, backend, verdict.messageId, verdict.data, verdict.at);
  },
});
