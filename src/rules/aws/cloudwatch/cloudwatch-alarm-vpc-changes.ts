import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-vpc-changes",
  title: "VPC changes raise an alarm (Security Hub CloudWatch.14)",
  severity: "medium",
  pattern: securityHubPatterns.vpcChanges,
  metricName: "VPCChanges",
});
