import { defineRule } from "../../rule.js";
import { judgeCustomerKey } from "../../support.js";

export default defineRule({
  id: "sns-topic-kms",
  meta: {
    title: "SNS topics are encrypted with a customer-managed KMS key",
    severity: "medium",
    service: "sns",
    // Messages (alarm details, application notifications) may carry PHI, and topics are rarely tagged.
    scope: "all",
    messages: {
      customerManagedKey: "Topic {{topic}} is encrypted with the customer-managed key {{key}}.",
      externalKey:
        "Topic {{topic}} is encrypted with {{key}}, a customer-managed key defined outside this configuration.",
      noKey: "Topic {{topic}} has no kms_master_key_id: its messages are stored unencrypted.",
      awsManagedKey:
        "Topic {{topic}} is encrypted with the AWS-managed key {{key}}: its policy cannot grant cloudwatch.amazonaws.com, so alarms cannot publish to it, nor can other AWS services.",
      keyUnknown: "The KMS key of topic {{topic}} ({{key}}) is known only after apply.",
    },
    remediation: {
      text: "Set kms_master_key_id to a customer-managed key whose policy lets the publishing services (cloudwatch.amazonaws.com for alarms) use kms:GenerateDataKey* and kms:Decrypt.",
      hcl: `resource "aws_sns_topic" "this" {
  name              = "security-alarms"
  kms_master_key_id = aws_kms_key.alarms.arn
}`,
    },
    docs: "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
    defaultOptions: {},
  },
  check(context) {
    for (const topic of context.model.topics) {
      const verdict = judgeCustomerKey(topic.kmsKey, undefined);
      const data = { topic: topic.address, key: verdict.key };
      context.report(verdict.status, topic, verdict.messageId, data, topic.kmsKey.id.range);
    }
  },
});
