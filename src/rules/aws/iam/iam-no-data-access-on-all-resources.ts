import { type PolicyStatement, type PolicyString, stringParts } from "../../../model/aws/policy.js";
import { coveredActions, DATA_PLANE_ACTIONS, parseAddress, type Tri } from "../../../model/aws/policy-analysis.js";
import { defineRule } from "../../rule.js";
import { policySubject, statementName } from "../../support.js";

const rank: Record<Tri, number> = { no: 0, unknown: 1, yes: 2 };
const max = (a: Tri, b: Tri): Tri => (rank[a] >= rank[b] ? a : b);
const min = (a: Tri, b: Tri): Tri => (rank[a] <= rank[b] ? a : b);

/** Attributes that hold an ARN or id of one resource, never `*`. */
const IDENTIFIERS = new Set(["arn", "id", "key_id", "bucket", "name", "account_id"]);

/**
 * Does the entry stand for every resource (of a type)? `*`, or an ARN whose resource part is only wildcards after an
 * optional resource type: every bucket `arn:aws:s3:::*` (or all their objects), every key `arn:aws:kms:*:*:key/*`. An entry known only after
 * apply that is not a resource's identifier might be `*`.
 */
function everyResource(entry: PolicyString): Tri {
  if (entry === "*") return "yes";
  if (typeof entry === "string") {
    const m = /^arn:[^:]*:[^:]+:[^:]*:[^:]*:(?:[A-Za-z][\w.-]*[/:])?([*?/]+)$/.exec(entry);
    return m?.[1]?.includes("*") ? "yes" : "no";
  }
  if (stringParts(entry).some((p) => typeof p === "string")) return "no";
  const identifies = entry.refs.every((r) => {
    const last = r.path[r.path.length - 1];
    return parseAddress(r.address) !== undefined && typeof last === "string" && IDENTIFIERS.has(last);
  });
  return entry.refs.length > 0 && identifies ? "no" : "unknown";
}

function verdict(stmt: PolicyStatement): { result: Tri; actions: string[] } {
  const effect: Tri = stmt.effect === "Allow" ? "yes" : stmt.effect === "Deny" ? "no" : "unknown";
  if (effect === "no") return { result: "no", actions: [] };
  // NotResource grants on everything it does not list.
  const resource = stmt.notResource
    ? "yes"
    : (stmt.resource ?? []).reduce<Tri>((acc, entry) => max(acc, everyResource(entry)), "no");
  if (resource === "no") return { result: "no", actions: [] };
  const covered = coveredActions(stmt, DATA_PLANE_ACTIONS);
  const action = covered.reduce<Tri>((acc, c) => max(acc, c.result), "no");
  const actions = covered.filter((c) => c.result === action).map((c) => c.action);
  return { result: min(effect, min(resource, action)), actions };
}

export default defineRule({
  id: "iam-no-data-access-on-all-resources",
  meta: {
    title: "Identity policies grant no data access on every resource",
    severity: "high",
    service: "iam",
    scope: "all",
    messages: {
      scoped: "Policy {{policy}} grants data access only on named resources.",
      dataOnAll:
        "Statement {{statement}} of policy {{policy}} grants data access ({{actions}}) on every resource; name the buckets, keys and tables instead.",
      unknown:
        "Whether statement {{statement}} of policy {{policy}} grants data access on every resource is known only after apply.",
      unreadable: "Policy {{policy}} cannot be read; whether it grants data access on every resource cannot be told.",
    },
    remediation: {
      text: 'List the ARNs of the buckets, objects, keys or tables the principal needs instead of Resource "*".',
      hcl: `statement {
  actions   = ["s3:GetObject"]
  resources = ["\${aws_s3_bucket.phi.arn}/*"]
}`,
    },
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    defaultOptions: {},
  },
  check(context) {
    for (const policy of context.model.iam.identityPolicies) {
      const subject = policySubject(context.model, policy);
      const document = policy.policy.document;
      if (!document) {
        if (policy.policy.origin !== "default") {
          context.unknown(subject, "unreadable", { policy: policy.address }, policy.policy.range);
        }
        continue;
      }
      let reported = false;
      for (const stmt of document.statements) {
        const { result, actions } = verdict(stmt);
        if (result === "no") continue;
        const data = {
          policy: policy.address,
          statement: statementName(stmt),
          actions: actions.slice(0, 5).join(", ") + (actions.length > 5 ? ", …" : ""),
        };
        context.report(
          result === "yes" ? "fail" : "unknown",
          subject,
          result === "yes" ? "dataOnAll" : "unknown",
          data,
          stmt.range,
        );
        reported = true;
      }
      if (!reported) context.pass(subject, "scoped", { policy: policy.address }, policy.policy.range);
    }
  },
});
