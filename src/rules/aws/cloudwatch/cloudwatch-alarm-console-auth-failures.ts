import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-console-auth-failures",
  title: "Failed console sign-ins raise an alarm (Security Hub CloudWatch.6)",
  severity: "medium",
  pattern: securityHubPatterns.consoleAuthFailures,
  metricName: "ConsoleSignInFailures",
});
