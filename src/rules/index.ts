/** Every rule phiform runs, service by service. Each service folder's index lists its rules. */
import { backendRules } from "./aws/backend/index.js";
import { iamRules } from "./aws/iam/index.js";
import { kmsRules } from "./aws/kms/index.js";
import { s3Rules } from "./aws/s3/index.js";
import type { Rule } from "./rule.js";

export const allRules: readonly Rule[] = [...backendRules, ...iamRules, ...kmsRules, ...s3Rules];
