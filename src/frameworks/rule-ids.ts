/**
 * The agreed, stable phiform rule ids (RULES.md). Rules land later as src/rules/aws/<service>/<id>.ts;
 * the catalog maps to these ids now so the report can show controls whose rules are still to come.
 */
export const ruleIds = [
  // s3
  "s3-bucket-encryption-cmk",
  "s3-access-log-bucket-sse-s3",
  "s3-bucket-public-access-block",
  "s3-account-public-access-block",
  "s3-bucket-tls-only",
  "s3-bucket-access-logging",
  "s3-bucket-versioning",
  "s3-bucket-object-lock",
  "s3-bucket-noncurrent-version-lifecycle",
  "s3-bucket-acls-disabled",
  "s3-bucket-policy-no-public-principal",
  // kms
  "kms-key-rotation",
  "kms-key-deletion-window",
  "kms-key-policy-no-public-access",
  "kms-key-separation-of-duties",
  // iam
  "iam-no-wildcard-actions",
  "iam-no-data-access-on-all-resources",
  "iam-phi-access-requires-tls",
  "iam-human-role-requires-mfa",
  "iam-privileged-role-session-duration",
  "iam-no-user-policies",
  // cloudtrail
  "cloudtrail-multi-region",
  "cloudtrail-global-service-events",
  "cloudtrail-log-file-validation",
  "cloudtrail-kms-encryption",
  "cloudtrail-cloudwatch-logs",
  "cloudtrail-s3-data-events",
  "cloudtrail-bucket-protected",
  // cloudwatch
  "cloudwatch-log-group-kms",
  "cloudwatch-log-group-retention",
  "cloudwatch-alarm-root-usage",
  "cloudwatch-alarm-unauthorized-api-calls",
  "cloudwatch-alarm-console-login-no-mfa",
  "cloudwatch-alarm-iam-policy-changes",
  "cloudwatch-alarm-cloudtrail-changes",
  "cloudwatch-alarm-console-auth-failures",
  "cloudwatch-alarm-kms-key-deletion",
  "cloudwatch-alarm-s3-bucket-policy-changes",
  "cloudwatch-alarm-config-changes",
  "cloudwatch-alarm-security-group-changes",
  "cloudwatch-alarm-nacl-changes",
  "cloudwatch-alarm-network-gateway-changes",
  "cloudwatch-alarm-route-table-changes",
  "cloudwatch-alarm-vpc-changes",
  // backend (Terraform state)
  "backend-s3-encryption",
  "backend-s3-locking",
  // others
  "ebs-default-encryption-cmk",
  "rds-storage-encrypted-cmk",
  "rds-not-publicly-accessible",
  "rds-multi-az",
  "rds-backup-retention",
  "rds-deletion-protection",
  "rds-iam-authentication",
  "rds-no-plaintext-password",
  "elb-listener-tls",
  "elb-http-redirects-to-https",
  "elb-drop-invalid-headers",
  "vpc-flow-logs",
  "dynamodb-table-cmk",
  "dynamodb-table-pitr",
  "sns-topic-kms",
] as const;

export type RuleId = (typeof ruleIds)[number];

/** The CloudWatch metric-filter alarms, one per high-risk event class (Security Hub CloudWatch.1–14). */
export const alarmRuleIds = ruleIds.filter((id) => id.startsWith("cloudwatch-alarm-"));
