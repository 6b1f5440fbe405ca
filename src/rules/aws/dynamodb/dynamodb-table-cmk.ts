import { defineRule } from "../../rule.js";
import { inScope, judgeCustomerKey } from "../../support.js";

export default defineRule({
  id: "dynamodb-table-cmk",
  meta: {
    title: "PHI tables are encrypted with a customer-managed KMS key",
    severity: "critical",
    service: "dynamodb",
    scope: "phi",
    messages: {
      customerManagedKey: "Table {{table}} is encrypted with the customer-managed key {{key}}.",
      externalKey:
        "Table {{table}} is encrypted with {{key}}, a customer-managed key defined outside this configuration.",
      awsOwnedKey:
        "PHI table {{table}} is encrypted with an AWS owned key (server_side_encryption is not enabled): the key is not in your account, so no key policy or CloudTrail record covers its use.",
      awsManagedKey:
        "PHI table {{table}} is encrypted with the AWS-managed key {{key}}: its policy cannot restrict who decrypts.",
      sseUnknown: "Whether PHI table {{table}} uses a KMS key of the account is known only after apply.",
      keyUnknown: "The KMS key of PHI table {{table}} ({{key}}) is known only after apply.",
    },
    remediation: {
      text: "Enable server-side encryption with kms_key_arn naming a customer-managed key.",
      hcl: `resource "aws_dynamodb_table" "this" {
  # ...
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.phi.arn
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html",
    defaultOptions: {},
  },
  check(context) {
    for (const table of inScope("phi", context.model.dynamoTables)) {
      const data = { table: table.address };
      const sse = table.sseEnabled;
      if (sse.origin === "unknown") {
        context.unknown(table, "sseUnknown", data, sse.range);
        continue;
      }
      if (sse.value !== true) {
        context.fail(table, "awsOwnedKey", data, sse.range);
        continue;
      }
      const verdict = judgeCustomerKey(table.kmsKey, "alias/aws/dynamodb");
      context.report(verdict.status, table, verdict.messageId, { ...data, key: verdict.key }, table.kmsKey.id.range);
    }
  },
});
