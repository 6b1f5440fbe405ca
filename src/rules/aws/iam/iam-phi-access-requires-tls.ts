import type { PolicyDocument, PolicyStatement } from "../../../model/aws/policy.js";
import { allows } from "../../../model/aws/policy-analysis.js";
import { defineRule, type ResultStatus } from "../../rule.js";
import { type PhiTarget, phiTargets, policySubject, statementName, touchesTarget } from "../../support.js";

/** The statements that may concern the target: Allows that may name it, and every Deny. */
function relevantTo(document: PolicyDocument, target: PhiTarget): PolicyDocument | undefined {
  const statements = document.statements.filter((s) => s.effect === "Deny" || touchesTarget(s, target) !== "no");
  return statements.some((s) => s.effect !== "Deny") ? { ...document, statements } : undefined;
}

export default defineRule({
  id: "iam-phi-access-requires-tls",
  meta: {
    title: "Identity policies grant PHI data access only over TLS",
    severity: "high",
    service: "iam",
    scope: "phi",
    messages: {
      tlsRequired: "Policy {{policy}} grants PHI data access only with aws:SecureTransport = true.",
      withoutTls:
        "Statement {{statement}} of policy {{policy}} grants {{action}} on PHI {{resource}} without requiring aws:SecureTransport = true.",
      unknown:
        "Whether statement {{statement}} of policy {{policy}} grants {{action}} on PHI {{resource}} without TLS is known only after apply.",
      unreadable: "Policy {{policy}} cannot be read; whether it grants PHI access without TLS cannot be told.",
    },
    remediation: {
      text: "Add a condition Bool aws:SecureTransport = true to every statement granting access to PHI data.",
      hcl: `statement {
  actions   = ["s3:GetObject"]
  resources = ["\${aws_s3_bucket.phi.arn}/*"]

  condition {
    test     = "Bool"
    variable = "aws:SecureTransport"
    values   = ["true"]
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport",
    defaultOptions: {},
  },
  check(context) {
    const targets = phiTargets(context.model);
    if (targets.length === 0) return;
    for (const policy of context.model.iam.identityPolicies) {
      const subject = policySubject(context.model, policy);
      const document = policy.policy.document;
      if (!document) {
        if (policy.policy.origin !== "default") {
          context.unknown(subject, "unreadable", { policy: policy.address }, policy.policy.range);
        }
        continue;
      }
      let grantsPhi = false;
      const found = new Map<PolicyStatement | undefined, { status: ResultStatus; action: string; resource: string }>();
      const note = (stmt: PolicyStatement | undefined, status: ResultStatus, action: string, target: PhiTarget) => {
        const previous = found.get(stmt);
        if (previous && (previous.status === "fail" || status === "unknown")) return;
        found.set(stmt, { status, action, resource: target.subject.description });
      };
      for (const target of targets) {
        const relevant = relevantTo(document, target);
        if (!relevant) continue;
        for (const action of target.dataActions) {
          const request = { action, resource: target.subject };
          if (allows(relevant, request).result === "no") continue;
          grantsPhi = true;
          const insecure = allows(relevant, request, { withoutCondition: "aws:SecureTransport" });
          if (insecure.result === "no") continue;
          const status = insecure.result === "yes" ? "fail" : "unknown";
          const statements = insecure.statements.length > 0 ? insecure.statements : [undefined];
          for (const stmt of statements) note(stmt, status, action, target);
        }
      }
      for (const [stmt, f] of found) {
        const data = {
          policy: policy.address,
          statement: stmt ? statementName(stmt) : "(unknown)",
          action: f.action,
          resource: f.resource,
        };
        context.report(
          f.status,
          subject,
          f.status === "fail" ? "withoutTls" : "unknown",
          data,
          stmt?.range ?? policy.policy.range,
        );
      }
      if (grantsPhi && found.size === 0)
        context.pass(subject, "tlsRequired", { policy: policy.address }, policy.policy.range);
    }
  },
});
