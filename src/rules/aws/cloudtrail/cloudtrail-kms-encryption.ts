import { defineRule } from "../../rule.js";
import { customerManagedKey } from "../../support.js";

export default defineRule({
  id: "cloudtrail-kms-encryption",
  meta: {
    title: "Trails encrypt their log files with a customer-managed KMS key",
    severity: "high",
    service: "cloudtrail",
    scope: "all",
    messages: {
      encrypted: "Trail {{trail}} encrypts its log files with customer-managed key {{key}}.",
      notEncrypted:
        "Trail {{trail}} has no kms_key_id: its log files get only the bucket's default encryption, and reading them needs no key permission.",
      awsManaged: "Trail {{trail}} names {{key}}, which is not a customer-managed key.",
      unknown: "The key of trail {{trail}} is known only after apply and could not be traced to a key.",
    },
    remediation: {
      text: "Set kms_key_id to a customer-managed key whose policy lets cloudtrail.amazonaws.com encrypt for this trail (aws:SourceArn).",
      hcl: `resource "aws_cloudtrail" "this" {
  # ...
  kms_key_id = aws_kms_key.audit.arn
}`,
    },
    docs: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
    defaultOptions: {},
  },
  check(context) {
    for (const trail of context.model.trails) {
      const { id, key } = trail.kmsKey;
      const verdict = customerManagedKey(key);
      const name =
        key.kind === "resolved"
          ? key.target.address
          : key.kind === "literal"
            ? key.text
            : key.kind === "aws-managed"
              ? key.alias
              : "";
      const messageId =
        verdict === "pass"
          ? "encrypted"
          : verdict === "unknown"
            ? "unknown"
            : key.kind === "none"
              ? "notEncrypted"
              : "awsManaged";
      context.report(verdict, trail, messageId, { trail: trail.address, key: name }, id.range);
    }
  },
});
