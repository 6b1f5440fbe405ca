/** Every rule phiform runs, service by service. Each service folder's index lists its rules. */
import { s3Rules } from "./aws/s3/index.js";
import type { Rule } from "./rule.js";

export const allRules: readonly Rule[] = [...s3Rules];
