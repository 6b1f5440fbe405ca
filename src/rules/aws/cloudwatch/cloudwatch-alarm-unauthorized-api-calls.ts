import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-unauthorized-api-calls",
  title: "Unauthorized API calls raise an alarm (Security Hub CloudWatch.2)",
  severity: "medium",
  pattern: securityHubPatterns.unauthorizedApiCalls,
  metricName: "UnauthorizedAPICalls",
});
