import { alarmRuleIds } from "./rule-ids.js";
import { awsConfigHipaa, awsConfigHipaaViaCdkNag, cdkNagHipaa, prowlerHipaa, rationale, seed000 } from "./sources.js";
import { type Control, type Crosswalk, expandCrosswalk, type Mapping } from "./types.js";

/**
 * HIPAA Security Rule, 45 CFR Part 164 Subpart C, ids in HHS form (shared/reference/controls.md; titles and
 * required/addressable as in the regulation). Standards carry no requirement; their implementation specifications do.
 */
function hipaa(id: string, title: string, requirement?: "required" | "addressable", parent?: string): Control {
  return { id, title, framework: "hipaa", ...(requirement && { requirement }), ...(parent && { parent }) };
}

export const hipaaControls: readonly Control[] = [
  hipaa("164.306(a)", "General requirements"),
  hipaa("164.308(a)(1)(ii)(A)", "Risk analysis", "required"),
  hipaa("164.308(a)(1)(ii)(B)", "Risk management", "required"),
  hipaa("164.308(a)(1)(ii)(D)", "Information system activity review", "required"),
  hipaa("164.308(a)(3)(i)", "Workforce security"),
  hipaa("164.308(a)(3)(ii)(A)", "Authorization and/or supervision", "addressable", "164.308(a)(3)(i)"),
  hipaa("164.308(a)(3)(ii)(B)", "Workforce clearance procedure", "addressable", "164.308(a)(3)(i)"),
  hipaa("164.308(a)(4)(i)", "Information access management"),
  hipaa("164.308(a)(4)(ii)(A)", "Isolating health care clearinghouse functions", "required", "164.308(a)(4)(i)"),
  hipaa("164.308(a)(4)(ii)(B)", "Access authorization", "addressable", "164.308(a)(4)(i)"),
  hipaa("164.308(a)(4)(ii)(C)", "Access establishment and modification", "addressable", "164.308(a)(4)(i)"),
  hipaa("164.308(a)(5)(ii)(C)", "Log-in monitoring", "addressable"),
  hipaa("164.308(a)(5)(ii)(D)", "Password management", "addressable"),
  hipaa("164.308(a)(6)(i)", "Security incident procedures"),
  hipaa("164.308(a)(6)(ii)", "Response and reporting", "required", "164.308(a)(6)(i)"),
  hipaa("164.308(a)(7)(i)", "Contingency plan"),
  hipaa("164.308(a)(7)(ii)(A)", "Data backup plan", "required", "164.308(a)(7)(i)"),
  hipaa("164.308(a)(7)(ii)(B)", "Disaster recovery plan", "required", "164.308(a)(7)(i)"),
  hipaa("164.308(a)(7)(ii)(C)", "Emergency mode operation plan", "required", "164.308(a)(7)(i)"),
  hipaa("164.310(d)(2)(iv)", "Data backup and storage", "addressable"),
  hipaa("164.312(a)(1)", "Access control"),
  hipaa("164.312(a)(2)(i)", "Unique user identification", "required", "164.312(a)(1)"),
  hipaa("164.312(a)(2)(ii)", "Emergency access procedure", "required", "164.312(a)(1)"),
  hipaa("164.312(a)(2)(iii)", "Automatic logoff", "addressable", "164.312(a)(1)"),
  hipaa("164.312(a)(2)(iv)", "Encryption and decryption", "addressable", "164.312(a)(1)"),
  hipaa("164.312(b)", "Audit controls"),
  hipaa("164.312(c)(1)", "Integrity"),
  hipaa(
    "164.312(c)(2)",
    "Mechanism to authenticate electronic protected health information",
    "addressable",
    "164.312(c)(1)",
  ),
  hipaa("164.312(d)", "Person or entity authentication"),
  hipaa("164.312(e)(1)", "Transmission security"),
  hipaa("164.312(e)(2)(i)", "Integrity controls", "addressable", "164.312(e)(1)"),
  hipaa("164.312(e)(2)(ii)", "Encryption", "addressable", "164.312(e)(1)"),
  hipaa("164.316(b)(2)(i)", "Time limit", "required"),
];

/** The AWS conformance pack maps every "no public access" check to these five. */
const publicAccess = [
  "164.308(a)(3)(i)",
  "164.308(a)(4)(ii)(A)",
  "164.308(a)(4)(ii)(C)",
  "164.312(a)(1)",
  "164.312(e)(1)",
];
/** …and every IAM least-privilege check to these eight. */
const leastPrivilege = [
  "164.308(a)(3)(i)",
  "164.308(a)(3)(ii)(A)",
  "164.308(a)(3)(ii)(B)",
  "164.308(a)(4)(i)",
  "164.308(a)(4)(ii)(A)",
  "164.308(a)(4)(ii)(B)",
  "164.308(a)(4)(ii)(C)",
  "164.312(a)(1)",
];
const encryptionAtRest = ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"];
const encryptionInTransit = ["164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"];
const backup = ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"];
const availability = ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"];
const activityLogging = ["164.308(a)(3)(ii)(A)", "164.312(b)"];

const crosswalk: readonly Crosswalk[] = [
  // The nine seed-000 safeguards, HIPAA ids as corrected in controls.md.
  { controls: ["164.312(a)(2)(iv)"], rules: ["s3-bucket-encryption-cmk"], source: seed000("Encryption at rest") },
  {
    controls: ["164.312(a)(1)", "164.308(a)(4)(ii)(B)"],
    rules: ["kms-key-policy-no-public-access", "kms-key-separation-of-duties"],
    source: seed000("Key access control: 164.306(a) → 164.312(a)(1), 164.308(a)(4)(ii)(B)"),
  },
  // The seed's key-rotation row configures enable_key_rotation and deletion_window_in_days together.
  {
    controls: ["164.312(a)(2)(iv)"],
    rules: ["kms-key-rotation", "kms-key-deletion-window"],
    source: seed000("Key rotation, as Prowler maps it"),
  },
  {
    controls: ["164.312(a)(1)"],
    rules: ["s3-bucket-public-access-block", "s3-account-public-access-block", "s3-bucket-policy-no-public-principal"],
    source: seed000("Public access prevention"),
  },
  {
    controls: ["164.308(a)(4)(ii)(B)"],
    rules: ["iam-no-wildcard-actions", "iam-no-data-access-on-all-resources"],
    source: seed000("Least privilege"),
  },
  {
    controls: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    rules: ["s3-bucket-tls-only"],
    source: seed000("Transmission security"),
  },
  {
    controls: ["164.312(b)"],
    rules: ["s3-bucket-access-logging", "cloudtrail-multi-region", "cloudtrail-s3-data-events"],
    source: seed000("Audit trails"),
  },
  {
    controls: ["164.312(c)(1)"],
    rules: ["s3-bucket-object-lock", "cloudtrail-log-file-validation"],
    source: seed000("Integrity"),
  },
  { controls: ["164.308(a)(7)(ii)(A)"], rules: ["s3-bucket-versioning"], source: seed000("Backup") },

  // AWS Config HIPAA conformance pack: the peer check each rule implements (or is stricter than).
  {
    controls: encryptionAtRest,
    rules: ["s3-bucket-encryption-cmk"],
    source: awsConfigHipaa("s3-default-encryption-kms"),
  },
  // SSE of any kind; applies to the SSE-S3 access-log targets too.
  {
    controls: ["164.312(a)(2)(iv)", "164.312(c)(2)", "164.312(e)(2)(ii)"],
    rules: ["s3-bucket-encryption-cmk", "s3-access-log-bucket-sse-s3"],
    source: awsConfigHipaa("s3-bucket-server-side-encryption-enabled"),
  },
  {
    controls: publicAccess,
    rules: ["s3-bucket-public-access-block"],
    source: awsConfigHipaa("s3-bucket-level-public-access-prohibited"),
  },
  {
    controls: publicAccess,
    rules: ["s3-account-public-access-block"],
    source: awsConfigHipaaViaCdkNag("s3-account-level-public-access-blocks-periodic"),
  },
  {
    controls: publicAccess,
    rules: ["s3-bucket-policy-no-public-principal"],
    source: awsConfigHipaa("s3-bucket-public-read-prohibited", "s3-bucket-public-write-prohibited"),
  },
  {
    controls: ["164.312(a)(2)(iv)", "164.312(c)(2)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"],
    rules: ["s3-bucket-tls-only"],
    source: awsConfigHipaa("s3-bucket-ssl-requests-only"),
  },
  {
    controls: activityLogging,
    rules: ["s3-bucket-access-logging"],
    source: awsConfigHipaa("s3-bucket-logging-enabled"),
  },
  {
    controls: [...backup, "164.312(c)(1)", "164.312(c)(2)"],
    rules: ["s3-bucket-versioning"],
    source: awsConfigHipaa("s3-bucket-versioning-enabled"),
  },
  {
    controls: leastPrivilege,
    rules: ["iam-no-wildcard-actions"],
    source: awsConfigHipaa("iam-policy-no-statements-with-admin-access", "iam-policy-no-statements-with-full-access"),
  },
  { controls: leastPrivilege, rules: ["iam-no-user-policies"], source: awsConfigHipaa("iam-user-no-policies-check") },
  {
    controls: ["164.308(a)(4)(ii)(B)", "164.312(d)"],
    rules: ["iam-human-role-requires-mfa"],
    source: awsConfigHipaaViaCdkNag("iam-user-mfa-enabled"),
  },
  {
    controls: activityLogging,
    rules: ["cloudtrail-multi-region"],
    source: awsConfigHipaaViaCdkNag("multi-region-cloudtrail-enabled"),
  },
  {
    controls: ["164.312(c)(1)", "164.312(c)(2)"],
    rules: ["cloudtrail-log-file-validation"],
    source: awsConfigHipaa("cloud-trail-log-file-validation-enabled"),
  },
  {
    controls: encryptionAtRest,
    rules: ["cloudtrail-kms-encryption"],
    source: awsConfigHipaa("cloud-trail-encryption-enabled"),
  },
  {
    controls: activityLogging,
    rules: ["cloudtrail-cloudwatch-logs"],
    source: awsConfigHipaa("cloud-trail-cloud-watch-logs-enabled"),
  },
  {
    controls: activityLogging,
    rules: ["cloudtrail-s3-data-events"],
    source: awsConfigHipaa("cloudtrail-s3-dataevents-enabled"),
  },
  {
    controls: encryptionAtRest,
    rules: ["cloudwatch-log-group-kms"],
    source: awsConfigHipaa("cloudwatch-log-group-encrypted"),
  },
  {
    controls: ["164.312(b)"],
    rules: ["cloudwatch-log-group-retention"],
    source: awsConfigHipaa("cw-loggroup-retention-period-check"),
  },
  // Each alarm rule requires an alarm action, which is what this conformance-pack check verifies.
  { controls: ["164.312(b)"], rules: alarmRuleIds, source: awsConfigHipaa("cloudwatch-alarm-action-check") },
  {
    controls: encryptionAtRest,
    rules: ["ebs-default-encryption-cmk"],
    source: awsConfigHipaaViaCdkNag("ec2-ebs-encryption-by-default"),
  },
  { controls: encryptionAtRest, rules: ["rds-storage-encrypted-cmk"], source: awsConfigHipaa("rds-storage-encrypted") },
  {
    controls: publicAccess,
    rules: ["rds-not-publicly-accessible"],
    source: awsConfigHipaa("rds-instance-public-access-check"),
  },
  { controls: availability, rules: ["rds-multi-az"], source: awsConfigHipaa("rds-multi-az-support") },
  { controls: backup, rules: ["rds-backup-retention"], source: awsConfigHipaa("db-instance-backup-enabled") },
  {
    controls: availability,
    rules: ["rds-deletion-protection"],
    source: awsConfigHipaa("rds-instance-deletion-protection-enabled"),
  },
  {
    controls: encryptionInTransit,
    rules: ["elb-listener-tls"],
    source: awsConfigHipaa("elb-tls-https-listeners-only"),
  },
  {
    controls: encryptionInTransit,
    rules: ["elb-http-redirects-to-https"],
    source: awsConfigHipaa("alb-http-to-https-redirection-check"),
  },
  {
    controls: encryptionInTransit,
    rules: ["elb-drop-invalid-headers"],
    source: awsConfigHipaa("alb-http-drop-invalid-header-enabled"),
  },
  { controls: activityLogging, rules: ["vpc-flow-logs"], source: cdkNagHipaa("VPCFlowLogsEnabled") },
  { controls: encryptionAtRest, rules: ["dynamodb-table-cmk"], source: awsConfigHipaa("dynamodb-table-encrypted-kms") },
  { controls: backup, rules: ["dynamodb-table-pitr"], source: awsConfigHipaa("dynamodb-pitr-enabled") },
  { controls: encryptionAtRest, rules: ["sns-topic-kms"], source: awsConfigHipaa("sns-encrypted-kms") },

  // Prowler, where it adds a control the conformance pack does not. Not adopted: its encryption checks under
  // 164.308(a)(4)(ii)(A) (clearinghouse isolation) and its blanket 164.308(a)(1)(ii)(B) list.
  {
    controls: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"],
    rules: [
      "cloudtrail-multi-region",
      "cloudtrail-cloudwatch-logs",
      "cloudtrail-s3-data-events",
      "s3-bucket-access-logging",
    ],
    source: prowlerHipaa(
      "cloudtrail_multi_region_enabled",
      "cloudtrail_cloudwatch_logging_enabled",
      "cloudtrail_s3_dataevents_read_enabled",
      "s3_bucket_server_access_logging_enabled",
    ),
  },
  // Data events record which identity read or wrote each PHI object: the tracking half of unique user identification.
  {
    controls: ["164.312(a)(2)(i)"],
    rules: ["cloudtrail-s3-data-events"],
    source: prowlerHipaa("cloudtrail_s3_dataevents_read_enabled", "cloudtrail_s3_dataevents_write_enabled"),
  },
  {
    controls: ["164.308(a)(1)(ii)(D)", "164.312(b)"],
    rules: ["cloudtrail-log-file-validation"],
    source: prowlerHipaa("cloudtrail_log_file_validation_enabled"),
  },
  {
    controls: ["164.312(a)(2)(ii)"],
    rules: ["s3-bucket-versioning", "dynamodb-table-pitr", "rds-backup-retention"],
    source: prowlerHipaa("s3_bucket_object_versioning", "dynamodb_tables_pitr_enabled", "rds_instance_backup_enabled"),
  },
  {
    controls: ["164.308(a)(5)(ii)(C)", "164.308(a)(6)(i)", "164.308(a)(6)(ii)"],
    rules: ["cloudwatch-alarm-console-auth-failures"],
    source: prowlerHipaa("cloudwatch_log_metric_filter_authentication_failures"),
  },
  {
    controls: ["164.308(a)(6)(i)", "164.308(a)(6)(ii)"],
    rules: ["cloudwatch-alarm-root-usage"],
    source: prowlerHipaa("cloudwatch_log_metric_filter_root_usage"),
  },
  {
    controls: ["164.308(a)(6)(i)"],
    rules: [
      "cloudwatch-alarm-nacl-changes",
      "cloudwatch-alarm-network-gateway-changes",
      "cloudwatch-alarm-route-table-changes",
      "cloudwatch-alarm-vpc-changes",
    ],
    source: prowlerHipaa(
      "cloudwatch_changes_to_network_acls_alarm_configured",
      "cloudwatch_changes_to_network_gateways_alarm_configured",
      "cloudwatch_changes_to_network_route_tables_alarm_configured",
      "cloudwatch_changes_to_vpcs_alarm_configured",
    ),
  },

  // Ours, where no peer maps the check.
  {
    controls: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(i)", "164.308(a)(6)(ii)"],
    rules: alarmRuleIds,
    source: rationale(
      "each alarm is an automated review of CloudTrail activity that raises a security incident to a responder",
    ),
  },
  {
    controls: ["164.308(a)(5)(ii)(C)"],
    rules: ["cloudwatch-alarm-console-login-no-mfa", "cloudtrail-global-service-events"],
    source: rationale("console sign-in events are global service events; the alarm reports sign-ins without MFA"),
  },
  {
    controls: ["164.312(b)"],
    rules: ["cloudtrail-global-service-events", "cloudtrail-bucket-protected"],
    source: rationale(
      "IAM and STS activity is recorded only with global events; a public or unversioned trail bucket loses records",
    ),
  },
  {
    controls: ["164.312(c)(1)"],
    rules: ["cloudtrail-bucket-protected", "kms-key-deletion-window"],
    source: rationale("protects audit records and the key that decrypts ePHI from improper destruction"),
  },
  {
    controls: ["164.308(a)(7)(ii)(A)"],
    rules: ["s3-bucket-noncurrent-version-lifecycle"],
    source: rationale(
      "noncurrent versions are the backup copies; the lifecycle rule sets how long and where they are kept",
    ),
  },
  {
    controls: ["164.312(a)(1)", "164.308(a)(4)(ii)(B)"],
    rules: ["s3-bucket-acls-disabled"],
    source: rationale("with ACLs disabled the bucket policy and IAM are the only access grants"),
  },
  {
    controls: ["164.312(a)(1)"],
    rules: ["iam-no-data-access-on-all-resources"],
    source: rationale("data-plane access is granted per PHI resource, never account-wide"),
  },
  {
    controls: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    rules: ["iam-phi-access-requires-tls"],
    source: rationale("the grant itself refuses PHI access without TLS"),
  },
  {
    controls: ["164.312(a)(2)(iii)"],
    rules: ["iam-privileged-role-session-duration"],
    source: rationale("bounds a privileged session's lifetime; inactivity timeouts are outside Terraform"),
  },
  {
    controls: ["164.316(b)(2)(i)"],
    rules: ["cloudwatch-log-group-retention"],
    source: rationale(
      "activity records kept as documentation of security activities; the default retention is 6 years",
    ),
  },
  {
    controls: ["164.312(a)(2)(iv)"],
    rules: ["backend-s3-encryption"],
    source: rationale("Terraform state is PHI-scoped (RULES.md); it is encrypted with the CMK like a PHI bucket"),
  },
  {
    controls: ["164.312(c)(1)"],
    rules: ["backend-s3-locking"],
    source: rationale("a lock stops concurrent applies from corrupting the state that records the PHI infrastructure"),
  },
  {
    controls: ["164.312(d)", "164.312(a)(2)(i)"],
    rules: ["rds-iam-authentication"],
    source: rationale("database users authenticate as individual IAM identities, not a shared password"),
  },
  {
    controls: ["164.308(a)(5)(ii)(D)"],
    rules: ["rds-no-plaintext-password"],
    source: rationale("safeguarding passwords: none written in code or state"),
  },
];

export const hipaaMappings: readonly Mapping[] = expandCrosswalk(crosswalk);
