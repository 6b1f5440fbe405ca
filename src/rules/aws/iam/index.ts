import type { Rule } from "../../rule.js";
import iamHumanRoleRequiresMfa from "./iam-human-role-requires-mfa.js";
import iamNoUserPolicies from "./iam-no-user-policies.js";
import iamPasswordPolicy from "./iam-password-policy.js";
import iamPrivilegedRoleSessionDuration from "./iam-privileged-role-session-duration.js";

export const iamRules: readonly Rule[] = [
  iamHumanRoleRequiresMfa,
  iamPrivilegedRoleSessionDuration,
  iamNoUserPolicies,
  iamPasswordPolicy,
];
