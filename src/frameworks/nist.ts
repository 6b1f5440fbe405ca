import { alarmRuleIds } from "./rule-ids.js";
import { awsConfigNist, rationale } from "./sources.js";
import { type Control, type Crosswalk, expandCrosswalk, type Mapping } from "./types.js";

/** NIST SP 800-53 Rev. 5 controls the rules map to, with official titles; an enhancement names its base control. */
function nist(id: string, title: string, parent?: string): Control {
  return { id, title, framework: "nist", ...(parent && { parent }) };
}

export const nistControls: readonly Control[] = [
  nist("AC-2", "Account Management"),
  nist("AC-3", "Access Enforcement"),
  nist("AC-4", "Information Flow Enforcement"),
  nist("AC-5", "Separation of Duties"),
  nist("AC-6", "Least Privilege"),
  nist("AC-12", "Session Termination"),
  nist("AU-2", "Event Logging"),
  nist("AU-6", "Audit Record Review, Analysis, and Reporting"),
  nist("AU-9", "Protection of Audit Information"),
  nist("AU-9(3)", "Cryptographic Protection", "AU-9"),
  nist("AU-10", "Non-repudiation"),
  nist("AU-11", "Audit Record Retention"),
  nist("AU-12", "Audit Record Generation"),
  nist("CM-6", "Configuration Settings"),
  nist("CP-2", "Contingency Plan"),
  nist("CP-9", "System Backup"),
  nist("CP-10", "System Recovery and Reconstitution"),
  nist("IA-2", "Identification and Authentication (Organizational Users)"),
  nist("IA-2(1)", "Multi-factor Authentication to Privileged Accounts", "IA-2"),
  nist("IA-2(2)", "Multi-factor Authentication to Non-privileged Accounts", "IA-2"),
  nist("IA-5", "Authenticator Management"),
  nist("IA-5(7)", "No Embedded Unencrypted Static Authenticators", "IA-5"),
  nist("SC-7", "Boundary Protection"),
  nist("SC-8", "Transmission Confidentiality and Integrity"),
  nist("SC-8(1)", "Cryptographic Protection", "SC-8"),
  nist("SC-12", "Cryptographic Key Establishment and Management"),
  nist("SC-13", "Cryptographic Protection"),
  nist("SC-28", "Protection of Information at Rest"),
  nist("SC-28(1)", "Cryptographic Protection", "SC-28"),
  nist("SC-36", "Distributed Processing and Storage"),
  nist("SI-4", "System Monitoring"),
  nist("SI-7", "Software, Firmware, and Information Integrity"),
  nist("SI-10", "Information Input Validation"),
  nist("SI-12", "Information Management and Retention"),
];

/** What the NIST pack gives every "encrypted with KMS" check, at control level (SC-13a → SC-13). */
const kmsAtRest = ["SC-13", "SC-28(1)"];
const publicAccess = ["AC-3", "AC-6", "SC-7"];
const tls = ["AC-4", "SC-8", "SC-8(1)", "SC-13"];
const logging = ["AU-2", "AU-12"];
const backup = ["CP-9", "CP-10"];

// Peer rows cite a subset: the pack also lists item-level and unrelated enhancements (e.g. AU-9(3) for every
// KMS check) that we do not claim.
const crosswalk: readonly Crosswalk[] = [
  {
    controls: kmsAtRest,
    rules: ["s3-bucket-encryption-cmk"],
    source: awsConfigNist("s3-default-encryption-kms"),
  },
  {
    controls: ["AU-9(3)", "SC-28(1)"],
    rules: ["s3-access-log-bucket-sse-s3"],
    source: awsConfigNist("s3-bucket-server-side-encryption-enabled"),
  },
  {
    controls: publicAccess,
    rules: ["s3-bucket-public-access-block"],
    source: awsConfigNist("s3-bucket-level-public-access-prohibited"),
  },
  {
    controls: publicAccess,
    rules: ["s3-bucket-policy-no-public-principal"],
    source: awsConfigNist("s3-bucket-public-read-prohibited", "s3-bucket-public-write-prohibited"),
  },
  { controls: tls, rules: ["s3-bucket-tls-only"], source: awsConfigNist("s3-bucket-ssl-requests-only") },
  { controls: logging, rules: ["s3-bucket-access-logging"], source: awsConfigNist("s3-bucket-logging-enabled") },
  { controls: backup, rules: ["s3-bucket-versioning"], source: awsConfigNist("s3-bucket-versioning-enabled") },
  {
    controls: ["SC-12", "CM-6"],
    rules: ["kms-key-rotation"],
    source: awsConfigNist("cmk-backing-key-rotation-enabled"),
  },
  {
    controls: ["AC-2", "AC-3", "AC-6"],
    rules: ["iam-no-wildcard-actions"],
    source: awsConfigNist("iam-policy-no-statements-with-admin-access"),
  },
  {
    controls: ["AC-2", "AC-3", "AC-6"],
    rules: ["iam-no-user-policies"],
    source: awsConfigNist("iam-user-no-policies-check"),
  },
  {
    controls: [...logging, "AU-10", "CM-6"],
    rules: ["cloudtrail-multi-region"],
    source: awsConfigNist("multi-region-cloudtrail-enabled"),
  },
  {
    controls: ["AU-9", "SI-7", "CM-6"],
    rules: ["cloudtrail-log-file-validation"],
    source: awsConfigNist("cloud-trail-log-file-validation-enabled"),
  },
  {
    controls: ["AU-9(3)", ...kmsAtRest],
    rules: ["cloudtrail-kms-encryption"],
    source: awsConfigNist("cloud-trail-encryption-enabled"),
  },
  {
    controls: logging,
    rules: ["cloudtrail-cloudwatch-logs"],
    source: awsConfigNist("cloud-trail-cloud-watch-logs-enabled"),
  },
  {
    controls: logging,
    rules: ["cloudtrail-s3-data-events"],
    source: awsConfigNist("cloudtrail-s3-dataevents-enabled"),
  },
  {
    controls: ["AU-9(3)", ...kmsAtRest],
    rules: ["cloudwatch-log-group-kms"],
    source: awsConfigNist("cloudwatch-log-group-encrypted"),
  },
  {
    controls: ["AU-11", "SI-12"],
    rules: ["cloudwatch-log-group-retention"],
    source: awsConfigNist("cw-loggroup-retention-period-check"),
  },
  { controls: kmsAtRest, rules: ["ebs-default-encryption-cmk"], source: awsConfigNist("encrypted-volumes") },
  { controls: kmsAtRest, rules: ["rds-storage-encrypted-cmk"], source: awsConfigNist("rds-storage-encrypted") },
  {
    controls: publicAccess,
    rules: ["rds-not-publicly-accessible"],
    source: awsConfigNist("rds-instance-public-access-check"),
  },
  { controls: ["CP-2", "CP-10", "SC-36"], rules: ["rds-multi-az"], source: awsConfigNist("rds-multi-az-support") },
  { controls: backup, rules: ["rds-backup-retention"], source: awsConfigNist("db-instance-backup-enabled") },
  {
    controls: ["CP-2"],
    rules: ["rds-deletion-protection"],
    source: awsConfigNist("rds-instance-deletion-protection-enabled"),
  },
  { controls: tls, rules: ["elb-listener-tls"], source: awsConfigNist("elb-tls-https-listeners-only") },
  {
    controls: tls,
    rules: ["elb-http-redirects-to-https"],
    source: awsConfigNist("alb-http-to-https-redirection-check"),
  },
  { controls: kmsAtRest, rules: ["dynamodb-table-cmk"], source: awsConfigNist("dynamodb-table-encrypted-kms") },
  { controls: backup, rules: ["dynamodb-table-pitr"], source: awsConfigNist("dynamodb-pitr-enabled") },
  { controls: kmsAtRest, rules: ["sns-topic-kms"], source: awsConfigNist("sns-encrypted-kms") },

  // Ours, where the pack has no equivalent check or the control follows from the check's purpose.
  {
    controls: ["SC-28", "SC-12"],
    rules: [
      "s3-bucket-encryption-cmk",
      "rds-storage-encrypted-cmk",
      "dynamodb-table-cmk",
      "ebs-default-encryption-cmk",
    ],
    source: rationale("PHI at rest is encrypted under a customer-managed key whose lifecycle we control"),
  },
  {
    controls: ["SC-28", "SC-28(1)"],
    rules: ["backend-s3-encryption"],
    source: rationale("Terraform state is PHI-scoped (RULES.md) and encrypted with the CMK"),
  },
  {
    controls: publicAccess,
    rules: ["s3-account-public-access-block"],
    source: rationale("the account-level block enforces the bucket-level controls for every bucket"),
  },
  {
    controls: ["SI-7", "SI-12"],
    rules: ["s3-bucket-object-lock"],
    source: rationale("objects cannot be altered or deleted before their retention ends"),
  },
  {
    controls: ["CP-9", "SI-12"],
    rules: ["s3-bucket-noncurrent-version-lifecycle"],
    source: rationale("backup copies are kept and disposed of on a set schedule"),
  },
  {
    controls: ["AC-3"],
    rules: ["s3-bucket-acls-disabled", "iam-no-data-access-on-all-resources", "kms-key-policy-no-public-access"],
    source: rationale("access is enforced by policies scoped to the resource, never by ACLs or a wildcard"),
  },
  {
    controls: ["AC-6"],
    rules: ["iam-no-data-access-on-all-resources"],
    source: rationale("data-plane actions are granted only on the resources that need them"),
  },
  {
    controls: ["SC-12"],
    rules: ["kms-key-deletion-window", "kms-key-policy-no-public-access", "kms-key-separation-of-duties"],
    source: rationale(
      "a key deletion can be cancelled and only named principals use the key (cf. kms-cmk-not-scheduled-for-deletion, SC-12)",
    ),
  },
  {
    controls: ["AC-5", "AC-6"],
    rules: ["kms-key-separation-of-duties"],
    source: rationale("key administrators cannot use the key to decrypt"),
  },
  {
    controls: ["SC-8", "SC-8(1)"],
    rules: ["iam-phi-access-requires-tls"],
    source: rationale("the grant itself refuses PHI access without TLS"),
  },
  {
    controls: ["IA-2(1)", "IA-2(2)"],
    rules: ["iam-human-role-requires-mfa"],
    source: rationale("every human role, privileged or not, requires MFA to assume"),
  },
  {
    controls: ["AC-12"],
    rules: ["iam-privileged-role-session-duration"],
    source: rationale("a privileged session ends after at most one hour"),
  },
  {
    controls: logging,
    rules: ["cloudtrail-global-service-events", "vpc-flow-logs"],
    source: rationale("IAM/STS events and network flows are recorded"),
  },
  {
    controls: ["AU-6", "SI-4"],
    rules: ["cloudtrail-cloudwatch-logs", ...alarmRuleIds],
    source: rationale("trail events reach CloudWatch, where each alarm reviews one high-risk event class"),
  },
  { controls: ["SI-4"], rules: ["vpc-flow-logs"], source: rationale("network traffic is monitored") },
  {
    controls: ["AU-9"],
    rules: ["cloudtrail-bucket-protected", "cloudwatch-alarm-cloudtrail-changes"],
    source: rationale("the trail's records and configuration are protected and watched"),
  },
  {
    controls: ["SC-12"],
    rules: ["cloudwatch-alarm-kms-key-deletion"],
    source: rationale("detects a key being disabled or scheduled for deletion"),
  },
  {
    controls: ["SC-7"],
    rules: [
      "cloudwatch-alarm-security-group-changes",
      "cloudwatch-alarm-nacl-changes",
      "cloudwatch-alarm-network-gateway-changes",
      "cloudwatch-alarm-route-table-changes",
      "cloudwatch-alarm-vpc-changes",
    ],
    source: rationale("changes to the network boundary are detected"),
  },
  {
    controls: ["AC-2"],
    rules: ["cloudwatch-alarm-iam-policy-changes"],
    source: rationale("detects changes to access grants"),
  },
  {
    controls: ["SI-7"],
    rules: ["backend-s3-locking"],
    source: rationale("a lock stops concurrent applies from corrupting the state"),
  },
  {
    controls: ["IA-2", "IA-5"],
    rules: ["rds-iam-authentication"],
    source: rationale("database users authenticate as individual IAM identities with short-lived tokens"),
  },
  {
    controls: ["IA-5(7)"],
    rules: ["rds-no-plaintext-password"],
    source: rationale("no static password is embedded in code or state"),
  },
  {
    controls: ["SI-10"],
    rules: ["elb-drop-invalid-headers"],
    source: rationale("requests with malformed headers are rejected before reaching the application"),
  },
];

export const nistMappings: readonly Mapping[] = expandCrosswalk(crosswalk);
