import type { Rule } from "../../rule.js";
import iamHumanRoleRequiresMfa from "./iam-human-role-requires-mfa.js";
import iamNoDataAccessOnAllResources from "./iam-no-data-access-on-all-resources.js";
import iamNoUserPolicies from "./iam-no-user-policies.js";
import iamNoWildcardActions from "./iam-no-wildcard-actions.js";
import iamPasswordPolicy from "./iam-password-policy.js";
import iamPhiAccessRequiresTls from "./iam-phi-access-requires-tls.js";
import iamPrivilegedRoleSessionDuration from "./iam-privileged-role-session-duration.js";

export const iamRules: readonly Rule[] = [
  iamNoWildcardActions,
  iamNoDataAccessOnAllResources,
  iamPhiAccessRequiresTls,
  iamHumanRoleRequiresMfa,
  iamPrivilegedRoleSessionDuration,
  iamNoUserPolicies,
  iamPasswordPolicy,
];
