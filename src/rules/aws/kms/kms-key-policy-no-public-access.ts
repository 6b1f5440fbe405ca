import { policyStringText } from "../../../model/aws/policy.js";
import { publicGrants } from "../../../model/aws/policy-analysis.js";
import { defineRule } from "../../rule.js";

export default defineRule({
  id: "kms-key-policy-no-public-access",
  meta: {
    title: "Key policies grant no KMS action to everyone",
    severity: "critical",
    service: "kms",
    scope: "all",
    messages: {
      notPublic:
        "The policy of key {{key}} grants no KMS action to a wildcard principal without a restricting condition.",
      defaultPolicy: "Key {{key}} has the default key policy: only its account is trusted.",
      publicGrant:
        "Statement {{statement}} of the policy of key {{key}} lets any principal of any account use the key ({{actions}}) without a condition restricting who.",
      unknown:
        "Whether the policy of key {{key}} grants KMS actions to everyone is known only after apply ({{statement}}).",
      unreadable: "The policy of key {{key}} cannot be read; whether it is public cannot be told.",
    },
    remediation: {
      text: "Name the principals that may use the key, or restrict a wildcard principal with kms:CallerAccount, kms:ViaService, aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID.",
      hcl: `statement {
  sid       = "KeyUsage"
  effect    = "Allow"
  actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
  resources = ["*"]

  principals {
    type        = "AWS"
    identifiers = [aws_iam_role.app.arn]
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html",
    defaultOptions: {},
  },
  check(context) {
    for (const key of context.model.keys) {
      const policy = key.policy;
      if (policy === undefined) {
        context.pass(key, "defaultPolicy", { key: key.address });
        continue;
      }
      if (policy.document === undefined) {
        context.unknown(key, "unreadable", { key: key.address }, policy.range);
        continue;
      }
      let reported = false;
      for (const grant of publicGrants(policy.document, { service: "kms" })) {
        if (grant.result === "no") continue;
        const stmt = grant.statement;
        const data = {
          key: key.address,
          statement: stmt.sid !== undefined ? policyStringText(stmt.sid) : `#${stmt.index + 1}`,
          actions: (stmt.action ?? []).map(policyStringText).join(", ") || "every action but its NotAction",
        };
        context.report(
          grant.result === "yes" ? "fail" : "unknown",
          key,
          grant.result === "yes" ? "publicGrant" : "unknown",
          data,
          stmt.range,
        );
        reported = true;
      }
      if (!reported) context.pass(key, "notPublic", { key: key.address }, policy.range);
    }
  },
});
