import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-security-group-changes",
  title: "Security group changes raise an alarm (Security Hub CloudWatch.10)",
  severity: "medium",
  pattern: securityHubPatterns.securityGroupChanges,
  metricName: "SecurityGroupChanges",
});
