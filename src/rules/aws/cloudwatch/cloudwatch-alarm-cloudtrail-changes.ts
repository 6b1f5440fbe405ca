import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-cloudtrail-changes",
  title: "CloudTrail configuration changes raise an alarm (Security Hub CloudWatch.5)",
  severity: "high",
  pattern: securityHubPatterns.cloudtrailChanges,
  metricName: "CloudTrailConfigChanges",
});
