import type { Rule } from "../../rule.js";
import cloudwatchAlarmCloudtrailChanges from "./cloudwatch-alarm-cloudtrail-changes.js";
import cloudwatchAlarmConfigChanges from "./cloudwatch-alarm-config-changes.js";
import cloudwatchAlarmConsoleAuthFailures from "./cloudwatch-alarm-console-auth-failures.js";
import cloudwatchAlarmConsoleLoginNoMfa from "./cloudwatch-alarm-console-login-no-mfa.js";
import cloudwatchAlarmIamPolicyChanges from "./cloudwatch-alarm-iam-policy-changes.js";
import cloudwatchAlarmKmsKeyDeletion from "./cloudwatch-alarm-kms-key-deletion.js";
import cloudwatchAlarmNaclChanges from "./cloudwatch-alarm-nacl-changes.js";
import cloudwatchAlarmNetworkGatewayChanges from "./cloudwatch-alarm-network-gateway-changes.js";
import cloudwatchAlarmRootUsage from "./cloudwatch-alarm-root-usage.js";
import cloudwatchAlarmRouteTableChanges from "./cloudwatch-alarm-route-table-changes.js";
import cloudwatchAlarmS3BucketPolicyChanges from "./cloudwatch-alarm-s3-bucket-policy-changes.js";
import cloudwatchAlarmSecurityGroupChanges from "./cloudwatch-alarm-security-group-changes.js";
import cloudwatchAlarmUnauthorizedApiCalls from "./cloudwatch-alarm-unauthorized-api-calls.js";
import cloudwatchAlarmVpcChanges from "./cloudwatch-alarm-vpc-changes.js";
import cloudwatchLogGroupKms from "./cloudwatch-log-group-kms.js";
import cloudwatchLogGroupRetention from "./cloudwatch-log-group-retention.js";

export const cloudwatchRules: readonly Rule[] = [
  cloudwatchLogGroupKms,
  cloudwatchLogGroupRetention,
  cloudwatchAlarmRootUsage,
  cloudwatchAlarmUnauthorizedApiCalls,
  cloudwatchAlarmConsoleLoginNoMfa,
  cloudwatchAlarmIamPolicyChanges,
  cloudwatchAlarmCloudtrailChanges,
  cloudwatchAlarmConsoleAuthFailures,
  cloudwatchAlarmKmsKeyDeletion,
  cloudwatchAlarmS3BucketPolicyChanges,
  cloudwatchAlarmConfigChanges,
  cloudwatchAlarmSecurityGroupChanges,
  cloudwatchAlarmNaclChanges,
  cloudwatchAlarmNetworkGatewayChanges,
  cloudwatchAlarmRouteTableChanges,
  cloudwatchAlarmVpcChanges,
];
