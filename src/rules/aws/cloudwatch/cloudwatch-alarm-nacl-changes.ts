import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-nacl-changes",
  title: "Network ACL changes raise an alarm (Security Hub CloudWatch.11)",
  severity: "medium",
  pattern: securityHubPatterns.naclChanges,
  metricName: "NACLChanges",
});
