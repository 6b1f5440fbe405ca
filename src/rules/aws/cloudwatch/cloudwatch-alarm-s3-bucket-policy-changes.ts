import { securityHubAlarmRule } from "./security-hub-alarm.js";
import { securityHubPatterns } from "./security-hub-patterns.js";

export default securityHubAlarmRule({
  id: "cloudwatch-alarm-s3-bucket-policy-changes",
  title: "S3 bucket policy changes raise an alarm (Security Hub CloudWatch.8)",
  severity: "medium",
  pattern: securityHubPatterns.s3BucketPolicyChanges,
  metricName: "S3BucketPolicyChanges",
});
