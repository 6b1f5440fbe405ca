import {
  type PolicyDocument,
  type PolicyStatement,
  type PrincipalEntry,
  policyStringText,
} from "../../../model/aws/policy.js";
import {
  allows,
  KMS_ADMIN_ACTIONS,
  KMS_DATA_ACTIONS,
  type PrincipalQuery,
  type Tri,
} from "../../../model/aws/policy-analysis.js";
import { defineRule } from "../../rule.js";
import { statementName } from "../../support.js";

/**
 * Administration that changes the key, its policy or its life (reading its settings is not administration: key users
 * and services need DescribeKey and the like).
 */
const ADMIN_ACTIONS = KMS_ADMIN_ACTIONS.filter((a) => !/^kms:(Describe|List|Get)/.test(a));

/** CreateGrant lets its holder grant itself Decrypt, unless limited to grants for AWS services' resources. */
const CREATE_GRANT = "kms:CreateGrant";
const GRANT_FOR_ANYONE = { key: "kms:GrantIsForAWSResource", values: [false, null] };

const rank: Record<Tri, number> = { no: 0, unknown: 1, yes: 2 };

interface Access {
  readonly result: Tri;
  readonly actions: readonly string[];
  /** The statements granting it ("yes") or possibly granting it ("unknown"). */
  readonly statements: readonly PolicyStatement[];
}

function access(document: PolicyDocument, who: PrincipalQuery | undefined, actions: readonly string[]): Access {
  let result: Tri = "no";
  const granted: string[] = [];
  const statements = new Set<PolicyStatement>();
  for (const action of actions) {
    const decision =
      action === CREATE_GRANT
        ? allows(document, { action, ...(who ? { principal: who } : {}) }, { withoutCondition: GRANT_FOR_ANYONE })
        : allows(document, { action, ...(who ? { principal: who } : {}) });
    if (decision.result === "no") continue;
    granted.push(action);
    if (rank[decision.result] > rank[result]) result = decision.result;
    for (const s of decision.statements) statements.add(s);
  }
  return { result, actions: granted, statements: [...statements] };
}

const isWildcard = (e: PrincipalEntry) => e.type === "*" || (e.type === "AWS" && e.value === "*");

/** Equal principals share a key: an account id and its root ARN are one principal. */
function principalKey(e: PrincipalEntry): string {
  const text = policyStringText(e.value);
  return e.type === "AWS" && /^\d{12}$/.test(text) ? `AWS:arn:aws:iam::${text}:root` : `${e.type}:${text}`;
}

const mayAllow = (s: PolicyStatement) => s.effect !== "Deny";

export default defineRule({
  id: "kms-key-separation-of-duties",
  meta: {
    title: "Key administrators cannot use the key, and its users cannot administer it",
    severity: "high",
    service: "kms",
    scope: "all",
    messages: {
      separated: "The administrators of key {{key}} cannot use it for cryptographic operations.",
      adminCanUse:
        "{{principal}} administers key {{key}} and can also use it ({{actions}}) through statement {{statement}}: administrators must stay outside the data access path.",
      defaultKeyPolicy:
        "Key {{key}} has no key policy: AWS's default policy gives the account root kms:*, so IAM policies can hand any principal both administration and use of the key.",
      unknown: "Whether an administrator of key {{key}} can also use it is known only after apply ({{statement}}).",
      unreadable: "The policy of key {{key}} cannot be read; separation of duties cannot be told.",
    },
    remediation: {
      text: "Grant key administrators management actions only (no Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, or unrestricted CreateGrant) and name the key users in a separate statement.",
      hcl: `statement {
  sid       = "KeyAdministration"
  actions   = ["kms:CreateAlias", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]
  resources = ["*"]
  principals {
    type        = "AWS"
    identifiers = [aws_iam_role.key_admin.arn]
  }
}

statement {
  sid       = "KeyUsage"
  actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
  resources = ["*"]
  principals {
    type        = "AWS"
    identifiers = [aws_iam_role.app.arn]
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html",
    defaultOptions: {},
  },
  check(context) {
    for (const key of context.model.keys) {
      if (key.policy === undefined) {
        context.fail(key, "defaultKeyPolicy", { key: key.address });
        continue;
      }
      const document = key.policy.document;
      if (!document) {
        context.unknown(key, "unreadable", { key: key.address }, key.policy.range);
        continue;
      }
      const denies = document.statements.filter((s) => s.effect === "Deny");
      // Principals named by Allow statements; wildcard grants are kms-key-policy-no-public-access's concern.
      const named = new Map<string, { entry: PrincipalEntry; statements: PolicyStatement[] }>();
      const unnamed: PolicyStatement[] = [];
      for (const stmt of document.statements.filter(mayAllow)) {
        if (stmt.opaque || !stmt.principal) {
          if (stmt.opaque) unnamed.push(stmt);
          continue;
        }
        for (const entry of stmt.principal) {
          if (isWildcard(entry)) continue;
          if (entry.type === "unknown") {
            if (!unnamed.includes(stmt)) unnamed.push(stmt);
            continue;
          }
          const k = principalKey(entry);
          const group = named.get(k) ?? { entry, statements: [] };
          if (!group.statements.includes(stmt)) group.statements.push(stmt);
          named.set(k, group);
        }
      }
      // Failing principals by the statement that puts them in the data path: one result per statement.
      const failing = new Map<PolicyStatement | undefined, { principals: string[]; actions: Set<string> }>();
      const unknownAt: PolicyStatement[] = [];
      let anyAdmin: Tri = "no";
      let anyUser: Tri = "no";
      for (const { entry, statements } of named.values()) {
        const own: PolicyDocument = { ...document, statements: [...statements, ...denies] };
        const who =
          entry.type === "*" || entry.type === "unknown" ? undefined : { type: entry.type, value: entry.value };
        const admin = access(own, who, ADMIN_ACTIONS);
        const data = access(own, who, [...KMS_DATA_ACTIONS, CREATE_GRANT]);
        if (rank[admin.result] > rank[anyAdmin]) anyAdmin = admin.result;
        if (rank[data.result] > rank[anyUser]) anyUser = data.result;
        if (admin.result === "yes" && data.result === "yes") {
          const stmt = data.statements[0] ?? statements[0];
          const found = failing.get(stmt) ?? { principals: [], actions: new Set<string>() };
          found.principals.push(policyStringText(entry.value));
          for (const a of data.actions) found.actions.add(a);
          failing.set(stmt, found);
        } else if (admin.result !== "no" && data.result !== "no") {
          unknownAt.push(...(data.result === "unknown" ? data.statements : admin.statements));
        }
      }
      // Statements whose principals are known only after apply: they may name an administrator (or a user).
      for (const stmt of unnamed) {
        const one: PolicyDocument = { ...document, statements: [stmt, ...denies] };
        const admin = access(one, undefined, ADMIN_ACTIONS).result;
        const data = access(one, undefined, [...KMS_DATA_ACTIONS, CREATE_GRANT]).result;
        const mixes =
          (admin !== "no" && data !== "no") ||
          (admin !== "no" && anyUser !== "no") ||
          (data !== "no" && anyAdmin !== "no");
        if (mixes) unknownAt.push(stmt);
      }
      for (const [stmt, { principals, actions }] of failing) {
        const list = [...actions];
        const data = {
          key: key.address,
          principal: principals.join(", "),
          actions: list.slice(0, 4).join(", ") + (list.length > 4 ? ", …" : ""),
          statement: stmt ? statementName(stmt) : "(unknown)",
        };
        context.fail(key, "adminCanUse", data, stmt?.range ?? key.policy.range);
      }
      if (failing.size > 0) continue;
      const first = unknownAt[0];
      if (first) {
        context.unknown(key, "unknown", { key: key.address, statement: statementName(first) }, first.range);
      } else context.pass(key, "separated", { key: key.address }, key.policy.range);
    }
  },
});
