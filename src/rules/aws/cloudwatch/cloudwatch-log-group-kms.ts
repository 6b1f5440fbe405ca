import { defineRule } from "../../rule.js";
import { customerManagedKey } from "../../support.js";

export default defineRule({
  id: "cloudwatch-log-group-kms",
  meta: {
    title: "CloudWatch Logs groups are encrypted with a customer-managed KMS key",
    severity: "high",
    service: "cloudwatch",
    scope: "all",
    messages: {
      encrypted: "Log group {{group}} is encrypted with customer-managed key {{key}}.",
      notEncrypted:
        "Log group {{group}} has no kms_key_id: its events (which can carry PHI) are encrypted only with a key no policy of yours controls.",
      notCustomerManaged: "Log group {{group}} names {{key}}, which is not a customer-managed key.",
      unknown: "The key of log group {{group}} is known only after apply and could not be traced to a key.",
    },
    remediation: {
      text: "Set kms_key_id to a customer-managed key whose policy lets logs.<region>.amazonaws.com use it for this log group (kms:EncryptionContext:aws:logs:arn).",
      hcl: `resource "aws_cloudwatch_log_group" "this" {
  name              = "/app/intake"
  retention_in_days = 2192
  kms_key_id        = aws_kms_key.logs.arn
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
    defaultOptions: {},
  },
  check(context) {
    for (const group of context.model.logGroups) {
      const { id, key } = group.kmsKey;
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
              : "notCustomerManaged";
      context.report(verdict, group, messageId, { group: group.address, key: name }, id.range);
    }
  },
});
