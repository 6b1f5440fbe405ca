import type { RuleId } from "./rule-ids.js";

/** One safeguard of seed 000 with its HIPAA ids, its HITRUST references and the rules that check it. */
export interface SeedSafeguard {
  readonly safeguard: string;
  readonly hipaa: readonly string[];
  readonly hitrust: readonly string[];
  readonly rules: readonly RuleId[];
}

/**
 * Seed 000 (the S3 + KMS mapping document) as corrected in shared/reference/controls.md: HIPAA ids with the seed's
 * weak ones replaced ("→ better"), HITRUST references replaced — nine of the seed's ten named the wrong control.
 * HITRUST ids in the order controls.md lists them, primary first.
 */
export const seedSafeguards: readonly SeedSafeguard[] = [
  {
    safeguard: "Encryption at rest",
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["06.d", "10.f"],
    rules: ["s3-bucket-encryption-cmk"],
  },
  {
    safeguard: "Key access control",
    hipaa: ["164.312(a)(1)", "164.308(a)(4)(ii)(B)"],
    hitrust: ["10.g", "01.c"],
    rules: ["kms-key-policy-no-public-access", "kms-key-separation-of-duties"],
  },
  // The seed sets deletion_window_in_days beside enable_key_rotation in this row.
  {
    safeguard: "Key rotation",
    hipaa: ["164.312(a)(2)(iv)"],
    hitrust: ["10.g"],
    rules: ["kms-key-rotation", "kms-key-deletion-window"],
  },
  {
    safeguard: "Public access prevention",
    hipaa: ["164.312(a)(1)"],
    hitrust: ["01.v", "01.c", "09.z"],
    rules: ["s3-bucket-public-access-block", "s3-account-public-access-block", "s3-bucket-policy-no-public-principal"],
  },
  {
    safeguard: "Least privilege",
    hipaa: ["164.308(a)(4)(ii)(B)"],
    hitrust: ["01.c"],
    rules: ["iam-no-wildcard-actions", "iam-no-data-access-on-all-resources"],
  },
  {
    safeguard: "Transmission security",
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["09.m", "09.s", "01.n"],
    rules: ["s3-bucket-tls-only"],
  },
  {
    safeguard: "Audit trails",
    hipaa: ["164.312(b)"],
    hitrust: ["09.aa", "09.ab", "09.ac", "09.ad"],
    rules: [
      "s3-bucket-access-logging",
      "cloudtrail-multi-region",
      "cloudtrail-s3-data-events",
      "cloudtrail-log-file-validation",
    ],
  },
  {
    safeguard: "Integrity",
    hipaa: ["164.312(c)(1)"],
    hitrust: ["06.c", "09.ac", "10.d"],
    rules: ["s3-bucket-object-lock", "cloudtrail-log-file-validation"],
  },
  {
    safeguard: "Backup",
    hipaa: ["164.308(a)(7)(ii)(A)"],
    hitrust: ["09.l", "12.c"],
    rules: ["s3-bucket-versioning"],
  },
];
