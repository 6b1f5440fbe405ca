/** Every rule phiform runs, service by service. Each service folder's index lists its rules. */
import { cloudtrailRules } from "./aws/cloudtrail/index.js";
import { cloudwatchRules } from "./aws/cloudwatch/index.js";
import { s3Rules } from "./aws/s3/index.js";
import type { Rule } from "./rule.js";

export const allRules: readonly Rule[] = [...cloudtrailRules, ...cloudwatchRules, ...s3Rules];
