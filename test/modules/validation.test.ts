/**
 * Every `validation` block of the modules and examples, proven through phiform's own evaluator: for each block, a bad
 * value (given as `--var` text, HCL syntax for complex types) makes buildGraph report exactly one error — the block's
 * own error_message, located at the variable's declaration and naming the block's file:line:col. A coverage test reads
 * every module's .tf files with phiform's parser so that a validation block without a row here fails the suite.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/hcl/ast.js";
import { evaluate } from "../../src/hcl/eval.js";
import { parse } from "../../src/hcl/parser.js";
import { object } from "../../src/hcl/value.js";
import { buildGraph } from "../../src/terraform/evaluator.js";
import { projectRoot } from "../support/shared.js";

interface ValidationCase {
  readonly variable: string;
  /** Values the rule must reject, as `--var` text; the first is the typical mistake. */
  readonly bad: readonly string[];
  /** The block's error_message, in full. */
  readonly message: string;
  /** Other variables this rule needs (e.g. the value it is compared with), added to the module's good values. */
  readonly with?: Readonly<Record<string, string>>;
  /** Edge values the rule must accept (so it is not stricter than its message says). */
  readonly accepts?: readonly string[];
}

interface ModuleValidations {
  readonly dir: string;
  /** Values for the required variables with which the module evaluates without errors. */
  readonly good: Readonly<Record<string, string>>;
  readonly cases: readonly ValidationCase[];
}

const account = "111122223333";
const keyArn = `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const adminArn = `arn:aws:iam::${account}:role/key-admin`;

/** HCL object literal text: `{ a = x, b = y }`, attribute values already in HCL syntax. */
function hclObject(attributes: Readonly<Record<string, string>>): string {
  return `{ ${Object.entries(attributes)
    .map(([name, value]) => `${name} = ${value}`)
    .join(", ")} }`;
}

/** A valid `rds` object for hipaa_baseline with some attributes replaced. */
function rds(override: Readonly<Record<string, string>>): string {
  return hclObject({
    identifier: '"acme-records"',
    parameter_group_family: '"postgres16"',
    subnet_ids: '["subnet-0a", "subnet-0b"]',
    vpc_security_group_ids: '["sg-0a"]',
    ...override,
  });
}

/** A valid `alb` object for hipaa_baseline with some attributes replaced. */
function alb(override: Readonly<Record<string, string>>): string {
  return hclObject({
    name: '"acme-portal"',
    subnet_ids: '["subnet-0a", "subnet-0b"]',
    security_group_ids: '["sg-0a"]',
    certificate_arn: `"arn:aws:acm:us-east-1:${account}:certificate/6f1d3c2e"`,
    ...override,
  });
}

const table: readonly ModuleValidations[] = [
  {
    dir: "modules/kms",
    good: { alias: "phi-data", key_administrator_arns: `["${adminArn}"]` },
    cases: [
      {
        variable: "alias",
        bad: ["alias/phi-data", "aws/phi-data", "phi data", ""],
        accepts: ["phi/records_2024-v1"],
        message:
          "alias must be 1-250 characters of letters, digits, '/', '_' or '-', without the alias/ prefix and not starting with aws/ (reserved for AWS managed keys).",
      },
      {
        variable: "key_administrator_arns",
        bad: ["[]"],
        message:
          "key_administrator_arns must name at least one principal; without one the key cannot be managed (HIPAA 164.308(a)(4)(ii)(B)).",
      },
      {
        variable: "key_administrator_arns",
        bad: ['["*"]', `["${adminArn}", "arn:aws:iam::1111:root"]`, '["arn:aws:s3:::bucket"]'],
        accepts: [`["arn:aws-us-gov:iam::${account}:root"]`],
        message:
          'key_administrator_arns must be IAM ARNs (arn:<partition>:iam::<account>:...), never "*": a wildcard administrator makes the key public.',
      },
      {
        variable: "key_user_arns",
        bad: ['["*"]', '["app-role"]'],
        message:
          'key_user_arns must be IAM ARNs (arn:<partition>:iam::<account>:...), never "*": a wildcard user makes the key public.',
      },
      {
        variable: "key_user_arns",
        bad: [`["arn:aws:iam::${account}:role/app", "${adminArn}"]`],
        accepts: [`["arn:aws:iam::${account}:role/app"]`],
        message:
          "key_user_arns and key_administrator_arns must be different principals: administrators manage the key, users use it (separation of duties, HIPAA 164.308(a)(4)(ii)(B)). Remove the overlap.",
      },
      {
        variable: "key_service_user_arns",
        bad: ['["*"]'],
        message: 'key_service_user_arns must be IAM ARNs (arn:<partition>:iam::<account>:...), never "*".',
      },
      {
        variable: "deletion_window_in_days",
        bad: ["6", "31", "7.5"],
        accepts: ["7", "30"],
        message:
          "deletion_window_in_days must be a whole number from 7 to 30; keep 30 so an accidental deletion of the key protecting PHI can be cancelled.",
      },
      {
        variable: "rotation_period_in_days",
        bad: ["89", "366", "180.5"],
        accepts: ["90", "365"],
        message:
          "rotation_period_in_days must be a whole number from 90 to 365: KMS accepts no less than 90, and HITRUST 10.g key management expects at least yearly rotation.",
      },
      {
        variable: "cloudtrail_trail_arns",
        bad: [
          `["arn:aws:cloudtrail:us-east-1:${account}:phi-trail"]`,
          `["arn:aws:cloudtrail:us-east-1:${account}:trail/*"]`,
          '["phi-trail"]',
        ],
        accepts: [`["arn:aws:cloudtrail:us-east-1:${account}:trail/phi-trail"]`],
        message:
          "cloudtrail_trail_arns must be full trail ARNs (arn:<partition>:cloudtrail:<region>:<account>:trail/<name>); AWS recommends aws:SourceArn with the exact trail.",
      },
      {
        variable: "cloudtrail_log_reader_arns",
        bad: ['["*"]'],
        message:
          'cloudtrail_log_reader_arns must be IAM ARNs, never "*": the AWS console default that lets every principal decrypt trail logs is too broad for PHI audit logs.',
      },
      {
        variable: "cloudtrail_log_reader_arns",
        bad: [`["${adminArn}"]`],
        message:
          "cloudtrail_log_reader_arns must not include key administrators: administrators manage the key and must not decrypt with it (separation of duties).",
      },
      {
        variable: "cloudwatch_logs_log_group_arns",
        bad: [
          `["arn:aws:logs:us-east-1:${account}:log-group:*"]`,
          `["arn:aws:logs:us-east-1:${account}:log-group:/aws/cloudtrail/phi-trail:*"]`,
        ],
        accepts: [`["arn:aws:logs:us-east-1:${account}:log-group:/aws/cloudtrail/phi-trail"]`],
        message:
          "cloudwatch_logs_log_group_arns must be log group ARNs (arn:<partition>:logs:<region>:<account>:log-group:<name>) without wildcards, so the grant is bound to those groups.",
      },
      {
        variable: "cloudwatch_alarm_topic_arns",
        bad: [`["arn:aws:sns:us-east-1:${account}:*"]`, '["alias/aws/sns"]'],
        accepts: [`["arn:aws:sns:us-east-1:${account}:security-alarms"]`],
        message:
          "cloudwatch_alarm_topic_arns must be SNS topic ARNs (arn:<partition>:sns:<region>:<account>:<name>) without wildcards.",
      },
      {
        variable: "service_principals",
        bad: [
          '{ Ebs = { service = "ec2.amazonaws.com", actions = ["kms:*"] } }',
          '{ "ebs-grant" = { service = "ec2.amazonaws.com", actions = ["kms:Decrypt"] } }',
          '{ Ebs = { service = "ec2.example.com", actions = ["kms:Decrypt"] } }',
        ],
        accepts: ['{ Ebs = { service = "ec2.amazonaws.com", actions = ["kms:Decrypt"] } }'],
        message:
          "service_principals keys must be alphanumeric statement ids, service must be an AWS service principal (*.amazonaws.com), and actions must be listed explicitly (no kms:*).",
      },
    ],
  },
  {
    dir: "modules/cloudtrail",
    good: { name: "phi-trail", kms_key_arn: keyArn, bucket_name: `acme-cloudtrail-${account}` },
    cases: [
      {
        variable: "name",
        bad: ["pt", "-phi-trail", "phi trail"],
        accepts: ["p.t", "a".repeat(128)],
        message:
          "name must be 3-128 characters of letters, digits, '.', '_' or '-', starting with a letter or digit (CloudTrail naming rules).",
      },
      {
        variable: "kms_key_arn",
        bad: ["alias/aws/cloudtrail", `arn:aws:kms:us-east-1:${account}:alias/phi-data`],
        message:
          "kms_key_arn must be a customer-managed key ARN (arn:<partition>:kms:<region>:<account>:key/<id>): audit logs of PHI access are encrypted with a key you control (HIPAA 164.312(b), HITRUST 09.ac).",
      },
      {
        variable: "bucket_object_lock_mode",
        bad: ["governance", "NONE"],
        accepts: ["COMPLIANCE"],
        message:
          "bucket_object_lock_mode must be GOVERNANCE or COMPLIANCE: audit logs must be protected from alteration (HIPAA 164.312(c)(1), HITRUST 09.ac).",
      },
      {
        variable: "bucket_retention_days",
        bad: ["364", "365.5"],
        accepts: ["365"],
        message:
          "bucket_retention_days must be a whole number of at least 365: audit logs are evidence for HIPAA 164.312(b); keep 2192 (6 years) unless policy says otherwise.",
      },
      {
        variable: "s3_key_prefix",
        bad: ["/trail", "trail/", "/"],
        accepts: ["t", "org/trail"],
        message: "s3_key_prefix must not start or end with '/'.",
      },
      {
        variable: "organization_id",
        bad: ["123456789012", "o-abc"],
        accepts: ["o-a1b2c3d4e5"],
        message: "organization_id must look like o-xxxxxxxxxx.",
      },
      {
        variable: "cloudwatch_logs",
        bad: ["{ retention_in_days = 90 }", "{ retention_in_days = 366 }"],
        accepts: ["{ retention_in_days = 365 }", "{ retention_in_days = 3653 }"],
        message:
          "cloudwatch_logs.retention_in_days must be a CloudWatch Logs retention value of at least 365 (365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653); HIPAA keeps documentation 6 years, so 2192 is the default.",
      },
      {
        variable: "data_event_bucket_arns",
        bad: ['["arn:aws:s3:::*"]', '["arn:aws:s3:::acme-phi-records/"]', '["arn:aws:s3:::acme-phi-records/*"]'],
        accepts: ['["arn:aws:s3:::acme-phi-records"]'],
        message:
          "data_event_bucket_arns must be bucket ARNs (arn:<partition>:s3:::<bucket>) without wildcards or object paths.",
      },
    ],
  },
  {
    dir: "modules/iam",
    good: { name_prefix: "phi", bucket_arns: '["arn:aws:s3:::acme-phi-records"]', kms_key_arn: keyArn },
    cases: [
      {
        variable: "name_prefix",
        bad: ["", "phi access", "a".repeat(101)],
        message: "name_prefix must be 1-100 characters of letters, digits and +=,.@_- (IAM name rules).",
      },
      {
        variable: "bucket_arns",
        bad: ["[]", '["arn:aws:s3:::*"]', '["arn:aws:s3:::acme-phi-records/*"]'],
        message:
          "bucket_arns must list at least one bucket ARN (arn:<partition>:s3:::<bucket>) without wildcards: least privilege scopes PHI access to named buckets (HIPAA 164.308(a)(4)(ii)(B)).",
      },
      {
        variable: "kms_key_arn",
        bad: ["*", `arn:aws:kms:us-east-1:${account}:key/*`],
        message:
          'kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>), never "*": data-plane KMS actions stay on the one PHI key.',
      },
      {
        variable: "operator_role",
        bad: [`{ name = "phi-operator", trusted_principal_arns = ["${adminArn}"], access = "admin" }`],
        accepts: [`{ name = "phi-operator", trusted_principal_arns = ["${adminArn}"], access = "read-write" }`],
        message: 'operator_role.access must be "read-only" or "read-write".',
      },
      {
        variable: "operator_role",
        bad: [
          `{ name = "phi-operator", trusted_principal_arns = ["${adminArn}"], max_session_duration = 43200 }`,
          `{ name = "phi-operator", trusted_principal_arns = ["${adminArn}"], max_session_duration = 899 }`,
        ],
        accepts: [`{ name = "phi-operator", trusted_principal_arns = ["${adminArn}"], max_session_duration = 900 }`],
        message:
          "operator_role.max_session_duration must be 900-3600 seconds: privileged PHI sessions last at most one hour (HIPAA 164.312(a)(2)(iii) automatic logoff).",
      },
      {
        variable: "operator_role",
        bad: [
          `{ name = "phi-operator", trusted_principal_arns = ["${adminArn}"], mfa_max_age_seconds = 86400 }`,
          `{ name = "phi-operator", trusted_principal_arns = ["${adminArn}"], mfa_max_age_seconds = 59 }`,
        ],
        accepts: [`{ name = "phi-operator", trusted_principal_arns = ["${adminArn}"], mfa_max_age_seconds = 60 }`],
        message:
          "operator_role.mfa_max_age_seconds must be 60-3600: the MFA sign-in must be recent (HIPAA 164.312(d) person or entity authentication).",
      },
      {
        variable: "operator_role",
        bad: [
          '{ name = "phi-operator", trusted_principal_arns = ["*"] }',
          '{ name = "phi-operator", trusted_principal_arns = [] }',
        ],
        accepts: [
          `{ name = "phi-operator", trusted_principal_arns = ["arn:aws:sts::${account}:assumed-role/PHIOperators/alice"] }`,
        ],
        message:
          'operator_role.trusted_principal_arns must list IAM ARNs, never "*": only named people or groups of roles may assume the PHI operator role.',
      },
      {
        variable: "workload_roles",
        bad: [
          '{ phi-app = { service_principals = ["ecs-tasks.amazonaws.com"], access = "admin" } }',
          "{ phi-app = { service_principals = [] } }",
          `{ phi-app = { service_principals = ["${adminArn}"] } }`,
        ],
        accepts: ['{ phi-app = { service_principals = ["ecs-tasks.amazonaws.com"], access = "read-write" } }'],
        message:
          'Each workload role needs access "read-only" or "read-write" and AWS service principals (*.amazonaws.com); people use the MFA-gated operator role instead.',
      },
    ],
  },
  {
    dir: "modules/monitoring",
    good: { name_prefix: "acme", cloudtrail_log_group_name: "/aws/cloudtrail/phi-trail", kms_key_arn: keyArn },
    cases: [
      {
        variable: "name_prefix",
        bad: ["", "acme health", "a".repeat(65)],
        message: "name_prefix must be 1-64 letters, digits, '_' or '-'.",
      },
      {
        variable: "cloudtrail_log_group_name",
        bad: [""],
        message:
          "cloudtrail_log_group_name must name the log group the trail delivers to; the metric filters only see events in that group (HIPAA 164.308(a)(1)(ii)(D)).",
      },
      {
        variable: "kms_key_arn",
        bad: ["alias/aws/sns", `arn:aws:kms:us-east-1:${account}:alias/aws/sns`],
        message:
          "kms_key_arn must be a customer-managed key ARN (arn:<partition>:kms:<region>:<account>:key/<id>); alias/aws/sns cannot grant CloudWatch and alarm notifications would silently fail.",
      },
      {
        variable: "subscriptions",
        bad: ['{ pager = { protocol = "http", endpoint = "http://pager.example/hook" } }'],
        accepts: ['{ pager = { protocol = "https", endpoint = "https://pager.example/hook" } }'],
        message:
          "Each subscription protocol must be one of email, email-json, https, sqs, lambda, sms, firehose (no plain http: alarm contents leave AWS only over TLS).",
      },
    ],
  },
  {
    dir: "modules/s3_compliant",
    good: { bucket_name: "acme-phi-records", kms_key_arn: keyArn },
    cases: [
      {
        variable: "bucket_name",
        bad: ["Acme_PHI", "ab", "acme..phi", "192.168.10.12", "-acme-phi"],
        accepts: ["a.b", "acme.phi.records"],
        message:
          "bucket_name must be a valid S3 bucket name: 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit.",
      },
      {
        variable: "kms_key_arn",
        bad: ["alias/aws/s3", `arn:aws:kms:us-east-1:${account}:alias/phi-data`],
        message:
          "kms_key_arn must be the ARN of a customer-managed key (arn:<partition>:kms:<region>:<account>:key/<id>), not an alias or alias/aws/s3: HIPAA 164.312(a)(2)(iv) encryption at rest with a key you control.",
      },
      {
        variable: "object_lock_mode",
        bad: ["governance", "NONE"],
        accepts: ["COMPLIANCE"],
        message:
          "object_lock_mode must be GOVERNANCE or COMPLIANCE; Object Lock protects PHI against alteration and destruction (HIPAA 164.312(c)(1)).",
      },
      {
        variable: "retention_days",
        // A retention below 1 also breaks noncurrent_version_transition_days (>= 1 and < retention_days), so the
        // value this rule alone rejects is a fraction; the transition is lowered to 1 to stay below it.
        bad: ["1.5", "2191.5"],
        with: { noncurrent_version_transition_days: "1" },
        accepts: ["2"],
        message:
          "retention_days must be a whole number of at least 1; HIPAA 164.312(c)(1) requires protecting PHI from improper alteration or destruction, which needs a retention period.",
      },
      {
        variable: "noncurrent_version_transition_days",
        bad: ["2192", "0", "3000"],
        accepts: ["1", "2191"],
        message:
          "noncurrent_version_transition_days must be at least 1 and less than retention_days, so versions are archived before they expire.",
      },
      {
        variable: "noncurrent_version_storage_class",
        bad: ["glacier", "STANDARD"],
        accepts: ["DEEP_ARCHIVE"],
        message:
          "noncurrent_version_storage_class must be one of GLACIER, DEEP_ARCHIVE, GLACIER_IR, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING.",
      },
      {
        variable: "access_logs",
        bad: ['{ target_bucket = "acme-phi-records" }'],
        accepts: ['{ target_bucket = "acme-central-access-logs" }'],
        message:
          "access_logs.target_bucket must be a different bucket: S3 must not deliver a bucket's access logs into itself.",
      },
      {
        variable: "access_logs",
        bad: [
          "{ retention_days = 364 }",
          "{ transition_to_glacier_days = 0 }",
          "{ retention_days = 400, transition_to_glacier_days = 400 }",
        ],
        accepts: ["{ retention_days = 365, transition_to_glacier_days = 364 }"],
        message:
          "access_logs.retention_days must be at least 365 (audit logs, HIPAA 164.312(b)), and transition_to_glacier_days must be at least 1 and less than retention_days.",
      },
      {
        variable: "access_logs",
        bad: ['{ target_prefix = "access-logs" }', '{ target_prefix = "/access-logs/" }'],
        accepts: ['{ target_prefix = "" }', '{ target_prefix = "s3/phi/" }'],
        message: "access_logs.target_prefix must be empty or end with '/', e.g. \"access-logs/\".",
      },
      {
        variable: "replication",
        bad: [
          '{ destination_bucket_arn = "acme-phi-records-replica" }',
          '{ destination_bucket_arn = "arn:aws:s3:::*" }',
        ],
        with: { replication_kms_key_arn: `arn:aws:kms:us-west-2:${account}:key/replica` },
        message: "replication.destination_bucket_arn must be a bucket ARN (arn:<partition>:s3:::<bucket>).",
      },
      {
        variable: "replication_kms_key_arn",
        bad: ["alias/aws/s3", `arn:aws:kms:us-west-2:${account}:alias/replica`],
        with: { replication: '{ destination_bucket_arn = "arn:aws:s3:::acme-phi-records-replica" }' },
        accepts: [`arn:aws:kms:us-west-2:${account}:key/replica`],
        message:
          "replication_kms_key_arn must be the ARN of a customer-managed key in the destination Region when replication is set: replicas of PHI stay encrypted with a key you control.",
      },
      {
        variable: "classification",
        bad: ["", "   "],
        message: "classification must not be empty: it is the tag phiform uses to find PHI resources.",
      },
    ],
  },
  {
    dir: "modules/state_backend",
    good: { bucket_name: "acme-terraform-state", kms_key_arn: keyArn },
    cases: [
      {
        variable: "kms_key_arn",
        bad: ["alias/aws/s3"],
        message:
          "kms_key_arn must be a customer-managed key ARN (arn:<partition>:kms:<region>:<account>:key/<id>): state holds secrets and resource metadata, encrypt it with a key you control (HIPAA 164.312(a)(2)(iv)).",
      },
      {
        variable: "state_key",
        bad: ["", "/prod/terraform.tfstate", "prod/"],
        accepts: ["prod/terraform.tfstate"],
        message:
          "state_key must be a non-empty object key without a leading or trailing '/', e.g. \"prod/terraform.tfstate\".",
      },
      {
        variable: "object_lock_mode",
        bad: ["governance"],
        accepts: ["COMPLIANCE"],
        message:
          "object_lock_mode must be GOVERNANCE or COMPLIANCE: state versions are protected from alteration and deletion (HIPAA 164.312(c)(1)).",
      },
      {
        variable: "retention_days",
        // Up to 30 days, the PHI bucket module's Glacier transition of noncurrent versions (day 30) could never
        // happen before they expire: this rule says so instead of a nested module's rule on a variable users cannot set.
        bad: ["0", "30", "31.5"],
        accepts: ["31"],
        message:
          "retention_days must be a whole number above 30 (noncurrent state versions move to Glacier after 30 days, before they expire): earlier state versions are the recovery path after a bad apply (HIPAA 164.308(a)(7)(ii)(A)).",
      },
    ],
  },
  {
    dir: "modules/hipaa_baseline",
    good: {
      name_prefix: "acme-health",
      key_administrator_arns: `["arn:aws:iam::${account}:root"]`,
      phi_buckets: '{ "acme-health-phi-records" = {} }',
      alarm_subscriptions: '{ security = { protocol = "email", endpoint = "security@acme-health.example" } }',
    },
    cases: [
      {
        variable: "name_prefix",
        bad: ["Acme-Health", "ah", "acme-health-", "a".repeat(33)],
        accepts: ["ahc", "a".repeat(32)],
        message:
          "name_prefix must be 3-32 lowercase letters, digits or hyphens, starting and ending with a letter or digit (it is part of bucket and role names).",
      },
      {
        variable: "kms_deletion_window_in_days",
        bad: ["6", "31", "7.5"],
        accepts: ["7"],
        message:
          "kms_deletion_window_in_days must be a whole number from 7 to 30; keep 30 so an accidental deletion of a key protecting PHI can be cancelled.",
      },
      {
        variable: "kms_rotation_period_in_days",
        bad: ["89", "366", "90.5"],
        accepts: ["90"],
        message:
          "kms_rotation_period_in_days must be a whole number from 90 to 365: keys protecting PHI rotate at least yearly (HITRUST 10.g).",
      },
      {
        variable: "phi_buckets",
        bad: ["{}"],
        message: "phi_buckets must define at least one bucket: the baseline exists to hold PHI.",
      },
      {
        variable: "phi_buckets",
        bad: [
          '{ "acme-health-phi-records" = { object_lock_mode = "NONE" } }',
          '{ "acme-health-phi-records" = { retention_days = 0, noncurrent_version_transition_days = 0.5 } }',
          '{ "acme-health-phi-records" = { retention_days = 365.5 } }',
        ],
        accepts: ['{ "acme-health-phi-records" = { object_lock_mode = "COMPLIANCE", retention_days = 3653 } }'],
        message:
          "Each PHI bucket needs object_lock_mode GOVERNANCE or COMPLIANCE and retention_days a whole number of at least 1; HIPAA 164.312(c)(1) requires protecting PHI from improper alteration or destruction.",
      },
      {
        variable: "replication",
        bad: ['{ region = "us-west" }', '{ region = "arn:aws:s3:::replica" }'],
        accepts: ['{ region = "us-west-2" }', '{ region = "us-gov-west-1" }'],
        message: "replication.region must be an AWS Region name such as us-west-2.",
      },
      {
        variable: "state_backend",
        bad: ["{ user_arns = [] }"],
        accepts: [`{ user_arns = ["arn:aws:iam::${account}:role/terraform"] }`],
        message:
          "state_backend.user_arns must name the principals that run Terraform; without key users nobody can read the encrypted state.",
      },
      {
        variable: "password_policy",
        bad: ["{ minimum_password_length = 8 }", "{ minimum_password_length = 129 }"],
        accepts: ["{ minimum_password_length = 128 }"],
        message:
          "password_policy.minimum_password_length must be 14-128 (CIS 1.8; HIPAA 164.308(a)(5)(ii)(D) password management).",
      },
      {
        variable: "password_policy",
        bad: ["{ password_reuse_prevention = 5 }"],
        message: "password_policy.password_reuse_prevention must be 24, the most IAM allows (CIS 1.9).",
      },
      {
        variable: "password_policy",
        bad: ["{ max_password_age = 0 }", "{ max_password_age = 365 }"],
        accepts: ["{ max_password_age = 1 }"],
        message:
          "password_policy.max_password_age must be 1-90 days (HIPAA 164.308(a)(5)(ii)(D) password management: change passwords at least every 90 days).",
      },
      {
        variable: "access_analyzer_type",
        bad: ["account"],
        accepts: ["ORGANIZATION"],
        message: "access_analyzer_type must be ACCOUNT or ORGANIZATION.",
      },
      {
        variable: "network",
        bad: ["{ vpc_ids = [] }", '{ vpc_ids = ["vpc-0a1b2c3d"], traffic_type = "all" }'],
        accepts: ['{ vpc_ids = ["vpc-0a1b2c3d"], traffic_type = "REJECT" }'],
        message:
          "network.vpc_ids must list at least one VPC and network.traffic_type must be ALL, ACCEPT or REJECT (ALL recommended for HIPAA 164.312(b) audit controls).",
      },
      {
        variable: "network",
        bad: ['{ vpc_ids = ["vpc-0a1b2c3d"], log_retention_in_days = 90 }'],
        accepts: ['{ vpc_ids = ["vpc-0a1b2c3d"], log_retention_in_days = 3653 }'],
        message: "network.log_retention_in_days must be a CloudWatch Logs retention value of at least 365 days.",
      },
      {
        variable: "rds",
        bad: [rds({ engine: '"oracle-ee"' })],
        accepts: [rds({ engine: '"mysql"', parameter_group_family: '"mysql8.0"' })],
        message: "rds.engine must be postgres or mysql (the TLS-enforcing parameter group knows these two).",
      },
      {
        variable: "rds",
        bad: [rds({ backup_retention_period: "1" }), rds({ backup_retention_period: "36" })],
        accepts: [rds({ backup_retention_period: "7" })],
        message:
          "rds.backup_retention_period must be 7-35 days: HIPAA 164.308(a)(7)(ii)(A) requires a data backup plan; keep at least a week of point-in-time recovery.",
      },
      {
        variable: "rds",
        bad: [rds({ subnet_ids: '["subnet-0a"]' })],
        message: "rds.subnet_ids must list at least two private subnets in different Availability Zones (Multi-AZ).",
      },
      {
        variable: "rds",
        bad: [rds({ log_retention_in_days: "30" })],
        accepts: [rds({ log_retention_in_days: "365" })],
        message: "rds.log_retention_in_days must be a CloudWatch Logs retention value of at least 365 days.",
      },
      {
        variable: "alb",
        bad: [
          alb({ ssl_policy: '"ELBSecurityPolicy-2016-08"' }),
          alb({ ssl_policy: '"ELBSecurityPolicy-TLS-1-1-2017-01"' }),
          alb({ ssl_policy: '"ELBSecurityPolicy-TLS13-1-1-2021-06"' }),
        ],
        accepts: [
          alb({ ssl_policy: '"ELBSecurityPolicy-TLS13-1-2-Res-2021-06"' }),
          alb({ ssl_policy: '"ELBSecurityPolicy-FS-1-2-Res-2020-10"' }),
        ],
        message:
          "alb.ssl_policy must allow only TLS 1.2 or newer (an ELBSecurityPolicy-TLS13-1-2-* or TLS13-1-3-* policy, recommended, or a TLS-1-2/FS-1-2 policy; TLS13-1-0/1-1 still accept TLS 1.0/1.1): HIPAA 164.312(e)(1) transmission security.",
      },
      {
        variable: "alb",
        bad: [alb({ certificate_arn: `"arn:aws:iam::${account}:server-certificate/portal"` })],
        message: "alb.certificate_arn must be an ACM certificate ARN.",
      },
      {
        variable: "classification",
        bad: ["PHI", "confidential"],
        accepts: ["ephi"],
        message: "classification must be phi or ephi, the values phiform recognises as PHI scope.",
      },
      {
        variable: "alarm_subscriptions",
        bad: ["{}"],
        message:
          "alarm_subscriptions needs at least one subscriber: an alarm nobody receives is not incident response (HIPAA 164.308(a)(6)(ii)).",
      },
    ],
  },
  {
    dir: "examples/complete",
    good: {},
    cases: [
      {
        variable: "account_id",
        bad: ["11112222333", "1111-2222-3333"],
        message: "account_id must be a 12-digit AWS account id.",
      },
      {
        variable: "availability_zones",
        bad: ['["us-east-1a"]', '["us-east-1a", "us-east-1b", "us-east-1c"]'],
        message: "availability_zones must list exactly two zones.",
      },
    ],
  },
  {
    dir: "examples/noncompliant",
    good: {},
    cases: [
      {
        variable: "account_id",
        bad: ["11112222333"],
        message: "account_id must be a 12-digit AWS account id.",
      },
    ],
  },
];

/** A `validation` block of a `variable` block, read with phiform's parser. */
interface DeclaredValidation {
  readonly dir: string;
  readonly variable: string;
  readonly message: string;
  /** The file declaring the variable (variables.tf by convention). */
  readonly file: string;
  /** file:line:col of the validation block, as the evaluator names it. */
  readonly location: string;
  /** Where the variable block starts: where the error is reported for a root module value. */
  readonly declaration: { readonly line: number; readonly column: number };
}

/** Every validation block declared in the .tf files of a module or example directory. */
function declaredValidations(dir: string): DeclaredValidation[] {
  const files = readdirSync(join(projectRoot, dir))
    .filter((name) => name.endsWith(".tf"))
    .sort()
    .map((name) => join(projectRoot, dir, name));
  return files.flatMap((file) => {
    const parsed = parse(readFileSync(file), file);
    if (parsed.diagnostics.length > 0) throw new Error(`${file} does not parse: ${parsed.diagnostics[0]?.summary}`);
    return parsed.file.body.blocks
      .filter((b) => b.type === "variable")
      .flatMap((v: Block) =>
        v.body.blocks
          .filter((b) => b.type === "validation")
          .map((b) => ({
            dir,
            variable: v.labels[0]?.value ?? "",
            message: errorMessage(b),
            file,
            location: `${file}:${b.range.start.line}:${b.range.start.column}`,
            declaration: { line: v.range.start.line, column: v.range.start.column },
          })),
      );
  });
}

function errorMessage(validation: Block): string {
  const attribute = validation.body.attributes.find((a) => a.name === "error_message");
  if (!attribute) return "";
  const { value } = evaluate(attribute.expr, { variables: object() });
  return typeof value === "string" ? value : "";
}

/** Error diagnostics of evaluating `dir` with these `--var` values, in a comparable shape. */
function evaluationErrors(dir: string, vars: Readonly<Record<string, string>>) {
  const graph = buildGraph(join(projectRoot, dir), { vars, rootDir: projectRoot });
  return graph.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => ({
      summary: d.summary,
      detail: d.detail,
      file: d.range.file,
      line: d.range.start.line,
      column: d.range.start.column,
    }));
}

const declared = table.flatMap((m) => declaredValidations(m.dir));

function declaration(dir: string, variable: string, message: string): DeclaredValidation {
  const found = declared.find((d) => d.dir === dir && d.variable === variable && d.message === message);
  if (!found) throw new Error(`${dir}: no validation block on var.${variable} with this error_message: ${message}`);
  return found;
}

describe("every validation block has a row in this table", () => {
  const key = (v: { dir: string; variable: string; message: string }) => `${v.dir} var.${v.variable}: ${v.message}`;

  it("covers every module and example directory", () => {
    expect(table.map((m) => m.dir).sort()).toEqual(
      [
        ...readdirSync(join(projectRoot, "modules")).map((d) => `modules/${d}`),
        ...readdirSync(join(projectRoot, "examples")).map((d) => `examples/${d}`),
      ].sort(),
    );
  });

  it("lists exactly the (directory, variable, error_message) of the validation blocks in the .tf files", () => {
    const tested = table.flatMap((m) => m.cases.map((c) => key({ dir: m.dir, ...c })));
    expect(new Set(tested).size).toBe(tested.length);
    expect(declared.length).toBe(new Set(declared.map(key)).size);
    expect(tested.sort()).toEqual(declared.map(key).sort());
  });
});

describe.each(table)("$dir", ({ dir, good, cases }) => {
  it("evaluates with its good values (and every other default) without an error", () => {
    expect(evaluationErrors(dir, good)).toEqual([]);
  });

  describe.each(cases)("var.$variable: $message", (c) => {
    it.each(c.bad)("rejects %s with exactly this rule's error", (bad) => {
      const block = declaration(dir, c.variable, c.message);
      expect(evaluationErrors(dir, { ...good, ...c.with, [c.variable]: bad })).toEqual([
        {
          summary: "Invalid value for variable",
          detail: `${c.message}\n\nThis was checked by the validation rule at ${block.location}.`,
          file: block.file,
          ...block.declaration,
        },
      ]);
    });

    if (c.accepts) {
      it.each(c.accepts)("accepts %s", (value) => {
        expect(evaluationErrors(dir, { ...good, ...c.with, [c.variable]: value })).toEqual([]);
      });
    }
  });
});
