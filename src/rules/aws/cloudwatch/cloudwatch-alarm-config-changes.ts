import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-config-changes",
  title: "AWS Config changes raise an alarm (Security Hub CloudWatch.9)",
  severity: "medium",
  pattern: securityHubPatterns.configChanges,
  metricName: "AWSConfigChanges",
});
