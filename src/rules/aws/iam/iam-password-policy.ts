import type { PasswordPolicy } from "../../../model/aws/account.js";
import type { Tracked } from "../../../model/aws/resource.js";
import { defineRule } from "../../rule.js";
import { show } from "../../support.js";

interface Requirement {
  readonly setting: string;
  readonly leaf: Tracked<number> | Tracked<boolean>;
  readonly ok: (value: number | boolean | undefined) => boolean;
  readonly want: string;
}

export default defineRule({
  id: "iam-password-policy",
  meta: {
    title: "The account's IAM password policy requires long, complex, rotated, non-reused passwords",
    severity: "medium",
    service: "iam",
    scope: "account",
    messages: {
      compliant: "The account password policy {{policy}} meets every requirement.",
      missing:
        "The account has no aws_iam_account_password_policy: IAM user passwords need only 8 characters of any kind, never expire and may be reused.",
      weak: "Password policy {{policy}} is too weak: {{problems}}.",
      unknown: "Password policy {{policy}}: {{settings}} known only after apply.",
    },
    remediation: {
      text: "Add an account password policy with at least 14 characters, all four character classes, reuse prevention of 24 passwords and a maximum age of 90 days.",
      hcl: `resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  max_password_age               = 90
  allow_users_to_change_password = true
}`,
    },
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
    defaultOptions: { minLength: 14, minReusePrevention: 24, maxAgeDays: 90 },
  },
  check(context) {
    const { minLength, minReusePrevention, maxAgeDays } = context.options;
    const policies = context.model.passwordPolicies;
    if (policies.length === 0) {
      // No AWS provider or resource at all: there is no account to judge.
      if (context.model.account) context.fail(context.model.account, "missing");
      return;
    }
    const requirements = (p: PasswordPolicy): Requirement[] => {
      const atLeast = (min: number) => (v: number | boolean | undefined) => typeof v === "number" && v >= min;
      const isTrue = (v: number | boolean | undefined) => v === true;
      return [
        {
          setting: "minimum_password_length",
          leaf: p.minimumPasswordLength,
          ok: atLeast(minLength),
          want: `at least ${minLength}`,
        },
        { setting: "require_lowercase_characters", leaf: p.requireLowercaseCharacters, ok: isTrue, want: "true" },
        { setting: "require_uppercase_characters", leaf: p.requireUppercaseCharacters, ok: isTrue, want: "true" },
        { setting: "require_numbers", leaf: p.requireNumbers, ok: isTrue, want: "true" },
        { setting: "require_symbols", leaf: p.requireSymbols, ok: isTrue, want: "true" },
        {
          setting: "password_reuse_prevention",
          leaf: p.passwordReusePrevention,
          ok: atLeast(minReusePrevention),
          want: `at least ${minReusePrevention}`,
        },
        {
          setting: "max_password_age",
          leaf: p.maxPasswordAge,
          // 0 or not set: passwords never expire.
          ok: (v) => typeof v === "number" && v > 0 && v <= maxAgeDays,
          want: `1 to ${maxAgeDays} days`,
        },
      ];
    };
    // One result per policy: every shortfall in the message, located at the first one written (else the block).
    for (const policy of policies) {
      const weak: Requirement[] = [];
      const unknown: Requirement[] = [];
      for (const requirement of requirements(policy)) {
        if (requirement.leaf.origin === "unknown") unknown.push(requirement);
        else if (!requirement.ok(requirement.leaf.value)) weak.push(requirement);
      }
      const describe = (list: Requirement[]) =>
        list.map((r) => `${r.setting} is ${show(r.leaf as Tracked<unknown>)} (${r.want} required)`).join("; ");
      const at = (list: Requirement[]) =>
        (list.find((r) => r.leaf.origin === "explicit" || r.leaf.origin === "unknown") ?? list[0])?.leaf.range;
      if (weak.length > 0) context.fail(policy, "weak", { policy: policy.address, problems: describe(weak) }, at(weak));
      else if (unknown.length > 0) {
        const settings = unknown.map((r) => r.setting).join(", ");
        context.unknown(policy, "unknown", { policy: policy.address, settings }, at(unknown));
      } else context.pass(policy, "compliant", { policy: policy.address });
    }
  },
});
