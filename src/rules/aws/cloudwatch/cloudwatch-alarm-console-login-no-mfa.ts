import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-console-login-no-mfa",
  title: "Console sign-in without MFA raises an alarm (Security Hub CloudWatch.3)",
  severity: "high",
  pattern: securityHubPatterns.consoleLoginNoMfa,
  metricName: "ConsoleSignInWithoutMfa",
});
