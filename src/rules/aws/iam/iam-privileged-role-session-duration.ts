import type { PolicyValue, Role } from "../../../model/aws/iam.js";
import { type Tri, wildcardActionGrants } from "../../../model/aws/policy-analysis.js";
import { defineRule } from "../../rule.js";
import { assumableByHumans, show } from "../../support.js";

/** Services whose every action (`iam:*`, `kms:*` …) amounts to control over the account or its data. */
const PRIVILEGED_SERVICES = new Set(["iam", "kms", "sts", "organizations"]);

/** AWS-managed policies that grant administrator-like power. */
const PRIVILEGED_MANAGED_POLICIES = new Set(["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"]);

const rank: Record<Tri, number> = { no: 0, unknown: 1, yes: 2 };

/** Whether a policy grants `*`, everything but a NotAction list, or every action of a privileged service. */
function adminLike(policy: PolicyValue): Tri {
  if (!policy.document) return policy.origin === "default" ? "no" : "unknown";
  let result: Tri = "no";
  for (const grant of wildcardActionGrants(policy.document)) {
    if (grant.scope === "service" && !PRIVILEGED_SERVICES.has(grant.service ?? "")) continue;
    if (rank[grant.result] > rank[result]) result = grant.result;
  }
  return result;
}

/** Why the role is privileged ("yes"/"unknown" with the reason), or "no". */
function privilege(role: Role): { result: Tri; reason: string } {
  const reasons: { result: Tri; reason: string }[] = [];
  const human = assumableByHumans(role).result;
  if (human !== "no") reasons.push({ result: human, reason: "people can assume it" });
  for (const inline of role.inlinePolicies) {
    const t = adminLike(inline.policy);
    if (t !== "no")
      reasons.push({ result: t, reason: `inline policy ${inline.address} grants administrator-like actions` });
  }
  for (const attachment of role.attachedPolicies) {
    const link = attachment.policy;
    let t: Tri = "no";
    let name = attachment.policyArn.value ?? attachment.address;
    if (link.kind === "resolved") {
      t = adminLike(link.target.policy);
      name = link.target.address;
    } else if (link.kind === "literal") {
      const managed = /:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(link.text);
      t = managed && PRIVILEGED_MANAGED_POLICIES.has(managed[1] as string) ? "yes" : "no";
    } else if (link.kind === "unknown") t = "unknown";
    if (t !== "no") reasons.push({ result: t, reason: `attached policy ${name} grants administrator-like actions` });
  }
  const decided = reasons.find((r) => r.result === "yes") ?? reasons[0];
  return decided ?? { result: "no", reason: "" };
}

export default defineRule({
  id: "iam-privileged-role-session-duration",
  meta: {
    title: "Sessions of privileged roles last at most an hour",
    severity: "medium",
    service: "iam",
    scope: "all",
    messages: {
      withinLimit: "Sessions of privileged role {{role}} last at most {{seconds}} seconds ({{reason}}).",
      tooLong:
        "Sessions of privileged role {{role}} last up to {{seconds}} seconds ({{reason}}); at most {{max}} is required so stolen session credentials expire soon.",
      unknown: "Whether privileged role {{role}} keeps sessions short is known only after apply ({{reason}}).",
    },
    remediation: {
      text: "Limit max_session_duration of roles that people assume or that hold administrator-like permissions to one hour.",
      hcl: `resource "aws_iam_role" "admin" {
  max_session_duration = 3600
}`,
    },
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html#id_roles_update-session-duration",
    defaultOptions: { maxSeconds: 3600 },
  },
  check(context) {
    const max = context.options.maxSeconds;
    for (const role of context.model.iam.roles) {
      const privileged = privilege(role);
      if (privileged.result === "no") continue;
      const duration = role.maxSessionDuration;
      const data = { role: role.address, seconds: show(duration), max, reason: privileged.reason };
      if (duration.origin === "unknown") context.unknown(role, "unknown", data, duration.range);
      // Not written: AWS's one hour.
      else if ((duration.value ?? 3600) <= max) context.pass(role, "withinLimit", data, duration.range);
      else if (privileged.result === "yes") context.fail(role, "tooLong", data, duration.range);
      else context.unknown(role, "unknown", data, duration.range);
    }
  },
});
