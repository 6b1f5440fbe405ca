import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-root-usage",
  title: "Use of the root account raises an alarm (Security Hub CloudWatch.1)",
  severity: "high",
  pattern: securityHubPatterns.rootUsage,
  metricName: "RootAccountUsage",
});
