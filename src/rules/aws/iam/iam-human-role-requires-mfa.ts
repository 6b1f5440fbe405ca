import { type PolicyStatement, policyStringText } from "../../../model/aws/policy.js";
import type { TrustedPrincipal } from "../../../model/aws/policy-analysis.js";
import { defineRule, type ResultStatus } from "../../rule.js";
import { assumableByHumans } from "../../support.js";

interface Options {
  /** When set, the trust must also bound `aws:MultiFactorAuthAge` to at most this many seconds. */
  readonly maxMfaAgeSeconds: number | undefined;
}

const unknown = { status: "unknown", messageId: "unknown" } as const;

/** The statement to point at: the first naming the principal without a plain `Bool` MFA condition. */
function offending(p: TrustedPrincipal): PolicyStatement | undefined {
  const requiresMfa = (s: PolicyStatement) =>
    s.conditions.some((c) => c.keyLower === "aws:multifactorauthpresent" && c.base === "Bool" && !c.ifExists);
  return p.statements.find((s) => !requiresMfa(s)) ?? p.statements[0];
}

function verdict(p: TrustedPrincipal, maxAge: number | undefined): { status: ResultStatus; messageId: string } {
  if (p.mfaRequired === "no") return p.human === "yes" ? { status: "fail", messageId: "noMfa" } : unknown;
  if (p.mfaRequired === "unknown") return unknown;
  if (maxAge === undefined) return { status: "pass", messageId: "mfaRequired" };
  const age = p.mfaMaxAge;
  if (age === undefined) return { status: "fail", messageId: "mfaAgeMissing" };
  if (typeof age === "object") return unknown;
  const seconds = Number(age);
  return Number.isFinite(seconds) && seconds <= maxAge
    ? { status: "pass", messageId: "mfaRequired" }
    : { status: "fail", messageId: "mfaTooOld" };
}

export default defineRule<Options>({
  id: "iam-human-role-requires-mfa",
  meta: {
    title: "Roles that people assume require multi-factor authentication",
    severity: "high",
    service: "iam",
    scope: "all",
    messages: {
      mfaRequired: "Every person who can assume role {{role}} must have signed in with MFA.",
      noMfa:
        "Role {{role}} can be assumed by {{principal}} without MFA: its trust needs Bool aws:MultiFactorAuthPresent = true (BoolIfExists lets long-term keys through).",
      mfaAgeMissing:
        "Role {{role}} requires MFA of {{principal}} but does not bound aws:MultiFactorAuthAge (at most {{maxAge}} seconds required).",
      mfaTooOld:
        "Role {{role}} accepts an MFA sign-in of {{principal}} up to {{age}} seconds old; at most {{maxAge}} is required.",
      unknown: "Whether role {{role}} can be assumed by {{principal}} without MFA is known only after apply.",
      unreadable:
        "The trust policy of role {{role}} cannot be read; whether people can assume it without MFA cannot be told.",
    },
    remediation: {
      text: "Require MFA in every trust statement that admits accounts, users or roles (federated sign-in enforces MFA at the identity provider).",
      hcl: `statement {
  actions = ["sts:AssumeRole"]

  principals {
    type        = "AWS"
    identifiers = ["arn:aws:iam::111122223333:root"]
  }

  condition {
    test     = "Bool"
    variable = "aws:MultiFactorAuthPresent"
    values   = ["true"]
  }

  condition {
    test     = "NumericLessThan"
    variable = "aws:MultiFactorAuthAge"
    values   = ["3600"]
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html",
    defaultOptions: { maxMfaAgeSeconds: undefined },
  },
  check(context) {
    const maxAge = context.options.maxMfaAgeSeconds;
    for (const role of context.model.iam.roles) {
      const trust = role.assumeRolePolicy;
      if (!trust.document && trust.origin !== "default") {
        context.unknown(role, "unreadable", { role: role.address }, trust.range);
        continue;
      }
      const { principals } = assumableByHumans(role);
      if (principals.length === 0) continue;
      // One result per offending statement (fail before unknown); a pass for the role when there is none.
      const found = new Map<
        PolicyStatement | undefined,
        { status: ResultStatus; messageId: string; principal: string; age: string }
      >();
      for (const p of principals) {
        const v = verdict(p, maxAge);
        if (v.status === "pass") continue;
        const stmt = offending(p);
        const previous = found.get(stmt);
        if (previous && (previous.status === "fail" || v.status === "unknown")) continue;
        const age =
          p.mfaMaxAge === undefined
            ? ""
            : typeof p.mfaMaxAge === "object"
              ? policyStringText(p.mfaMaxAge)
              : String(p.mfaMaxAge);
        found.set(stmt, { ...v, principal: policyStringText(p.principal.value), age });
      }
      for (const [stmt, v] of found) {
        const data = { role: role.address, principal: v.principal, age: v.age, maxAge: maxAge ?? "" };
        context.report(v.status, role, v.messageId, data, stmt?.range ?? trust.range);
      }
      if (found.size === 0) context.pass(role, "mfaRequired", { role: role.address }, trust.range);
    }
  },
});
