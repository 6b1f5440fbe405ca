import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-route-table-changes",
  title: "Route table changes raise an alarm (Security Hub CloudWatch.13)",
  severity: "medium",
  pattern: securityHubPatterns.routeTableChanges,
  metricName: "RouteTableChanges",
});
