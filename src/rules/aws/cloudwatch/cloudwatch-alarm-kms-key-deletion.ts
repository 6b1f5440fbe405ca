import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-kms-key-deletion",
  title: "Disabling or scheduling deletion of a KMS key raises an alarm (Security Hub CloudWatch.7)",
  severity: "high",
  pattern: securityHubPatterns.kmsKeyDeletion,
  metricName: "DisableOrDeleteCMK",
});
