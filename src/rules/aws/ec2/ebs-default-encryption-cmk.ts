import type { Region } from "../../../model/aws/region.js";
import { defineRule } from "../../rule.js";
import { countUnknown, judge, judgeCustomerKey } from "../../support.js";

function regionName(region: Region): string {
  if (region.region.origin === "unknown") return "(known after apply)";
  return region.region.value ?? "(from the environment)";
}

export default defineRule({
  id: "ebs-default-encryption-cmk",
  meta: {
    title: "Every Region encrypts new EBS volumes by default with a customer-managed KMS key",
    severity: "high",
    service: "ec2",
    // Per Region: every AWS provider configuration that managed resources use.
    scope: "account",
    messages: {
      customerManagedKey: "EBS encryption by default is on in Region {{region}} with the customer-managed key {{key}}.",
      externalKey:
        "EBS encryption by default is on in Region {{region}} with {{key}}, a customer-managed key defined outside this configuration.",
      missing:
        "Region {{region}} ({{provider}}) has no aws_ebs_encryption_by_default: new EBS volumes and snapshot copies are unencrypted unless each asks.",
      disabled: "EBS encryption by default is turned off in Region {{region}}.",
      enabledUnknown: "Whether EBS encryption by default is on in Region {{region}} is known only after apply.",
      noDefaultKey:
        "EBS encryption by default is on in Region {{region}} without an aws_ebs_default_kms_key: new volumes use the AWS-managed aws/ebs key, whose policy cannot restrict who decrypts.",
      awsManagedKey:
        "The default EBS key of Region {{region}} is the AWS-managed {{key}}, whose policy cannot restrict who decrypts.",
      countUnknown:
        "The EBS encryption settings of Region {{region}} have a count or for_each known only after apply: they may not be created.",
      keyUnknown: "The default EBS key of Region {{region}} ({{key}}) is known only after apply.",
    },
    remediation: {
      text: "In every Region (provider configuration), turn on EBS encryption by default and make a customer-managed key the default EBS key.",
      hcl: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.phi.arn
}`,
    },
    docs: "https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html",
    defaultOptions: {},
  },
  check(context) {
    for (const region of context.model.regions) {
      const data = { region: regionName(region), provider: region.address };
      const settings = region.ebsEncryptionByDefault;
      const keys = region.ebsDefaultKmsKeys;
      if (settings.length === 0) {
        // Nothing to point at but the provider block (or the default key, when only the key is set).
        context.fail(region, "missing", data, keys[0]?.range ?? region.range);
        continue;
      }
      for (const setting of settings) {
        const enabled = judge(setting.enabled, (value) => value === true);
        if (enabled !== "pass") {
          const messageId = enabled === "fail" ? "disabled" : "enabledUnknown";
          context.report(enabled, setting, messageId, data, setting.enabled.range);
          continue;
        }
        if (keys.length === 0) {
          context.fail(setting, "noDefaultKey", data, setting.range);
          continue;
        }
        for (const key of keys) {
          const verdict = judgeCustomerKey(key.kmsKey, "alias/aws/ebs");
          const keyData = { ...data, key: verdict.key };
          // Settings whose count is known only after apply may not be created.
          const unsure = verdict.status === "pass" && (countUnknown(setting) || countUnknown(key));
          if (unsure) context.unknown(setting, "countUnknown", keyData, key.kmsKey.id.range);
          else context.report(verdict.status, setting, verdict.messageId, keyData, key.kmsKey.id.range);
        }
      }
    }
  },
});
