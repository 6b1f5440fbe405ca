/** The typed AWS model, one module per domain noun (policy documents and their analysis are exported beside it). */
export type * from "./account.js";
export type * from "./backend.js";
export type * from "./cloudtrail.js";
export type * from "./cloudwatch.js";
export type * from "./dynamodb.js";
export type * from "./ec2.js";
export type * from "./elb.js";
export type * from "./iam.js";
export type * from "./kms.js";
export type * from "./model.js";
export type * from "./rds.js";
export type * from "./resource.js";
export type * from "./s3.js";
export type * from "./sns.js";
