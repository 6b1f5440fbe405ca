import { type PolicyStatement, policyStringText } from "../../../model/aws/policy.js";
import { type Tri, wildcardActionGrants } from "../../../model/aws/policy-analysis.js";
import { defineRule } from "../../rule.js";
import { phiTargets, policySubject, statementName, touchesTarget } from "../../support.js";

const rank: Record<Tri, number> = { no: 0, unknown: 1, yes: 2 };
const min = (a: Tri, b: Tri): Tri => (rank[a] <= rank[b] ? a : b);

export default defineRule({
  id: "iam-no-wildcard-actions",
  meta: {
    title: "Identity policies grant no wildcard actions on PHI resources",
    severity: "high",
    service: "iam",
    scope: "phi",
    messages: {
      noWildcard: "Policy {{policy}} grants no wildcard action on PHI resources.",
      wildcardOnPhi:
        "Statement {{statement}} of policy {{policy}} grants {{action}} on {{resource}}; list the actions the principal needs.",
      unknown:
        "Whether statement {{statement}} of policy {{policy}} grants {{action}} on PHI resources is known only after apply.",
      unreadable: "Policy {{policy}} cannot be read; whether it grants wildcard actions on PHI cannot be told.",
    },
    remediation: {
      text: 'Replace "*" and "<service>:*" with the actions the job needs (e.g. s3:GetObject, s3:ListBucket, kms:Decrypt).',
      hcl: `statement {
  actions   = ["s3:GetObject", "s3:ListBucket"]
  resources = [aws_s3_bucket.phi.arn, "\${aws_s3_bucket.phi.arn}/*"]
}`,
    },
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    defaultOptions: {},
  },
  check(context) {
    const targets = phiTargets(context.model);
    for (const policy of context.model.iam.identityPolicies) {
      const subject = policySubject(context.model, policy);
      const document = policy.policy.document;
      if (!document) {
        if (policy.policy.origin !== "default") {
          context.unknown(subject, "unreadable", { policy: policy.address }, policy.policy.range);
        }
        continue;
      }
      // One result per statement: the worst of its wildcard grants.
      const found = new Map<PolicyStatement, { result: Tri; action: string; resource: string }>();
      for (const grant of wildcardActionGrants(document)) {
        const stmt = grant.statement;
        // `*` (or NotResource: everything but a list) covers PHI wherever it is, in this configuration or not.
        let reach: Tri = stmt.notResource ? "yes" : (stmt.resource ?? []).includes("*") ? "yes" : "no";
        let resource = stmt.notResource ? "every resource but its NotResource" : "every resource (*)";
        if (reach !== "yes") {
          for (const target of targets) {
            if (grant.scope === "service" && grant.service !== target.service) continue;
            const t = touchesTarget(stmt, target);
            if (rank[t] > rank[reach]) {
              reach = t;
              resource = `PHI ${target.subject.description}`;
            }
            if (reach === "yes") break;
          }
        }
        const result = min(grant.result, reach);
        if (result === "no") continue;
        const action = grant.action !== undefined ? policyStringText(grant.action) : "every action but its NotAction";
        const previous = found.get(stmt);
        if (!previous || rank[result] > rank[previous.result]) found.set(stmt, { result, action, resource });
      }
      for (const [stmt, f] of found) {
        const data = { policy: policy.address, statement: statementName(stmt), action: f.action, resource: f.resource };
        context.report(
          f.result === "yes" ? "fail" : "unknown",
          subject,
          f.result === "yes" ? "wildcardOnPhi" : "unknown",
          data,
          stmt.range,
        );
      }
      if (found.size === 0) context.pass(subject, "noWildcard", { policy: policy.address }, policy.policy.range);
    }
  },
});
