/** Every rule phiform runs, service by service. Each service folder's index lists its rules. */
import { backendRules } from "./aws/backend/index.js";
import { cloudtrailRules } from "./aws/cloudtrail/index.js";
import { cloudwatchRules } from "./aws/cloudwatch/index.js";
import { dynamodbRules } from "./aws/dynamodb/index.js";
import { ec2Rules } from "./aws/ec2/index.js";
import { elbRules } from "./aws/elb/index.js";
import { iamRules } from "./aws/iam/index.js";
import { kmsRules } from "./aws/kms/index.js";
import { rdsRules } from "./aws/rds/index.js";
import { s3Rules } from "./aws/s3/index.js";
import { snsRules } from "./aws/sns/index.js";
import type { Rule } from "./rule.js";

export const allRules: readonly Rule[] = [
  ...backendRules,
  ...cloudtrailRules,
  ...cloudwatchRules,
  ...dynamodbRules,
  ...ec2Rules,
  ...elbRules,
  ...iamRules,
  ...kmsRules,
  ...rdsRules,
  ...s3Rules,
  ...snsRules,
];
