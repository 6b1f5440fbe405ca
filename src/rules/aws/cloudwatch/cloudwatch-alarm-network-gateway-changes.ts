import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-network-gateway-changes",
  title: "Network gateway changes raise an alarm (Security Hub CloudWatch.12)",
  severity: "medium",
  pattern: securityHubPatterns.networkGatewayChanges,
  metricName: "NetworkGatewayChanges",
});
