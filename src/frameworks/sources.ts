/**
 * Where a mapping comes from. Each published source names the peer check whose mapping we reuse, so a reader can
 * look it up; our own mappings say why.
 */

/** AWS Config "Operational Best Practices for HIPAA Security", machine-readable in aws-guard-rules-registry. */
export function awsConfigHipaa(...configRules: string[]): string {
  const file = "aws-guard-rules-registry mappings/rule_set_hipaa_security.json";
  return `AWS Config HIPAA conformance pack (${file}: ${configRules.join(", ")})`;
}

/** Conformance-pack rules that cdk-nag lists with their HIPAA ids but does not implement (RULES.md, Excluded Rules). */
export function awsConfigHipaaViaCdkNag(configRule: string): string {
  return `AWS Config HIPAA conformance pack (cdk-nag RULES.md, HIPAA Security excluded-rules table: ${configRule})`;
}

export function cdkNagHipaa(nagRule: string): string {
  return `cdk-nag HIPAA pack (RULES.md: HIPAA.Security-${nagRule})`;
}

export function prowlerHipaa(...checks: string[]): string {
  return `Prowler hipaa_aws.json (prowler/compliance/aws/hipaa_aws.json: ${checks.join(", ")})`;
}

/** AWS Config "Operational Best Practices for NIST 800-53 rev 5"; items (SC-13a) cited at control level (SC-13). */
export function awsConfigNist(...configRules: string[]): string {
  const file = "aws-guard-rules-registry mappings/rule_set_nist800_53rev5.json";
  return `AWS Config NIST 800-53 rev 5 conformance pack (${file}: ${configRules.join(", ")})`;
}

/** The seed-000 safeguard table as corrected in shared/reference/controls.md. */
export function seed000(safeguard: string): string {
  return `controls.md corrected seed-000 mapping (${safeguard})`;
}

export function rationale(why: string): string {
  return `phiform rationale: ${why}`;
}
