import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-iam-policy-changes",
  title: "IAM policy changes raise an alarm (Security Hub CloudWatch.4)",
  severity: "medium",
  pattern: securityHubPatterns.iamPolicyChanges,
  metricName: "IAMPolicyChanges",
});
