import { alarmRuleIds } from "./rule-ids.js";
import { rationale, seed000 } from "./sources.js";
import { type Control, type Crosswalk, expandCrosswalk, type Mapping } from "./types.js";

/**
 * HITRUST CSF control references with their v9.2 titles (shared/reference/controls.md, from the AWS-published
 * HITRUST CSF mapping workbook). Only control references: requirement-statement ids belong to the licensed CSF.
 */
function hitrust(id: string, title: string): Control {
  return { id, title, framework: "hitrust" };
}

export const hitrustControls: readonly Control[] = [
  hitrust("01.c", "Privilege Management"),
  hitrust("01.m", "Segregation in Networks"),
  hitrust("01.n", "Network Connection Control"),
  hitrust("01.q", "User Identification and Authentication"),
  hitrust("01.v", "Information Access Restriction"),
  hitrust("06.c", "Protection of Organizational Records"),
  hitrust("06.d", "Data Protection and Privacy of Covered Information"),
  hitrust("06.f", "Regulation of Cryptographic Controls"),
  hitrust("09.l", "Back-up"),
  hitrust("09.m", "Network Controls"),
  hitrust("09.s", "Information Exchange Policies and Procedures"),
  hitrust("09.z", "Publicly Available Information"),
  hitrust("09.aa", "Audit Logging"),
  hitrust("09.ab", "Monitoring System Use"),
  hitrust("09.ac", "Protection of Log Information"),
  hitrust("09.ad", "Administrator and Operator Logs"),
  hitrust("10.d", "Message Integrity"),
  hitrust("10.f", "Policy on the Use of Cryptographic Controls"),
  hitrust("10.g", "Key Management"),
  hitrust("12.c", "Developing and Implementing Continuity Plans Including Information Security"),
];

const cryptoAtRest = ["06.d", "10.f"];
const publicAccess = ["01.v", "01.c", "09.z"];
const transmission = ["09.m", "09.s", "01.n"];

// No open-source peer maps AWS checks to HITRUST control references, so every row is the corrected seed or ours.
const crosswalk: readonly Crosswalk[] = [
  // The nine seed-000 safeguards with the HITRUST references corrected in controls.md (the seed's 09.ac, 09.aa,
  // "09.ac.2", 07.c, 09.a, 10.g, 12.i, 08.d and 05.c named the wrong control or none).
  { controls: cryptoAtRest, rules: ["s3-bucket-encryption-cmk"], source: seed000("Encryption at rest") },
  {
    controls: ["10.g", "01.c"],
    rules: ["kms-key-policy-no-public-access", "kms-key-separation-of-duties"],
    source: seed000("Key access control"),
  },
  { controls: ["10.g"], rules: ["kms-key-rotation", "kms-key-deletion-window"], source: seed000("Key rotation") },
  {
    controls: publicAccess,
    rules: ["s3-bucket-public-access-block", "s3-account-public-access-block", "s3-bucket-policy-no-public-principal"],
    source: seed000("Public access prevention"),
  },
  {
    controls: ["01.c"],
    rules: ["iam-no-wildcard-actions", "iam-no-data-access-on-all-resources"],
    source: seed000("Least privilege"),
  },
  { controls: transmission, rules: ["s3-bucket-tls-only"], source: seed000("Transmission security") },
  { controls: ["09.aa", "09.ab"], rules: ["s3-bucket-access-logging"], source: seed000("Audit trails") },
  // CloudTrail records administrator API calls (09.ad) and, with data events, each use of PHI (09.ab).
  {
    controls: ["09.aa", "09.ad"],
    rules: ["cloudtrail-multi-region", "cloudtrail-global-service-events"],
    source: seed000("Audit trails"),
  },
  { controls: ["09.aa", "09.ab"], rules: ["cloudtrail-s3-data-events"], source: seed000("Audit trails") },
  { controls: ["06.c"], rules: ["s3-bucket-object-lock"], source: seed000("Integrity") },
  // The digest files are signed: integrity of the log messages themselves.
  { controls: ["09.ac", "10.d"], rules: ["cloudtrail-log-file-validation"], source: seed000("Integrity") },
  { controls: ["09.l", "12.c"], rules: ["s3-bucket-versioning"], source: seed000("Backup") },
  { controls: ["12.c"], rules: ["rds-multi-az"], source: seed000("Backup: 12.c for Multi-AZ") },

  // The same safeguards on other resources.
  {
    controls: cryptoAtRest,
    rules: [
      "backend-s3-encryption",
      "ebs-default-encryption-cmk",
      "rds-storage-encrypted-cmk",
      "dynamodb-table-cmk",
      "sns-topic-kms",
    ],
    source: rationale("encryption at rest with a customer-managed key, as the seed's Encryption at rest row"),
  },
  {
    controls: transmission,
    rules: ["elb-listener-tls", "elb-http-redirects-to-https", "iam-phi-access-requires-tls"],
    source: rationale("TLS-only access, as the seed's Transmission security row"),
  },
  {
    controls: ["09.l"],
    rules: ["rds-backup-retention", "dynamodb-table-pitr", "s3-bucket-noncurrent-version-lifecycle"],
    source: rationale("retrievable copies kept for a set period, as the seed's Backup row"),
  },
  {
    controls: ["01.v", "01.m", "01.n"],
    rules: ["rds-not-publicly-accessible"],
    source: rationale("the database is reachable only from its private network segment"),
  },

  // Log protection, monitoring and network controls.
  {
    controls: ["09.ac"],
    rules: [
      "s3-access-log-bucket-sse-s3",
      "cloudtrail-kms-encryption",
      "cloudwatch-log-group-kms",
      "cloudtrail-bucket-protected",
    ],
    source: rationale("logs are encrypted and their bucket neither public nor unversioned"),
  },
  {
    controls: ["10.f"],
    rules: ["cloudtrail-kms-encryption", "cloudwatch-log-group-kms"],
    source: rationale("log encryption uses the customer-managed key"),
  },
  {
    controls: ["09.aa"],
    rules: ["cloudwatch-log-group-retention", "vpc-flow-logs"],
    source: rationale("audit logs produced and kept for an agreed period (09.aa)"),
  },
  {
    controls: ["09.ab"],
    rules: ["cloudtrail-cloudwatch-logs", ...alarmRuleIds],
    source: rationale("trail events reach CloudWatch, where each alarm monitors one high-risk event class"),
  },
  {
    controls: ["09.ac"],
    rules: ["cloudwatch-alarm-cloudtrail-changes"],
    source: rationale("detects a trail being stopped, deleted or reconfigured"),
  },
  {
    controls: ["10.g"],
    rules: ["cloudwatch-alarm-kms-key-deletion"],
    source: rationale("detects a key being disabled or scheduled for deletion"),
  },
  {
    controls: ["09.m"],
    rules: [
      "cloudwatch-alarm-security-group-changes",
      "cloudwatch-alarm-nacl-changes",
      "cloudwatch-alarm-network-gateway-changes",
      "cloudwatch-alarm-route-table-changes",
      "cloudwatch-alarm-vpc-changes",
      "vpc-flow-logs",
      "elb-drop-invalid-headers",
    ],
    source: rationale("network changes and traffic are monitored; malformed requests are dropped at the edge"),
  },

  // Access and authentication.
  {
    controls: ["01.v"],
    rules: ["s3-bucket-acls-disabled", "iam-no-data-access-on-all-resources"],
    source: rationale("access to PHI is granted only through policies scoped to the resource"),
  },
  {
    controls: ["01.c"],
    rules: ["iam-no-user-policies", "iam-privileged-role-session-duration"],
    source: rationale("privileges are allocated to roles and privileged sessions are bounded"),
  },
  {
    controls: ["01.q"],
    rules: ["iam-human-role-requires-mfa", "rds-iam-authentication", "rds-no-plaintext-password"],
    source: rationale("people authenticate individually, with MFA, and no static password is kept in code"),
  },
  {
    controls: ["12.c"],
    rules: ["rds-deletion-protection"],
    source: rationale("the database survives an accidental or malicious delete"),
  },
  {
    controls: ["06.c"],
    rules: ["backend-s3-locking"],
    source: rationale("the state that records the PHI infrastructure is protected from concurrent corruption"),
  },
];

export const hitrustMappings: readonly Mapping[] = expandCrosswalk(crosswalk);
