import type { Rule } from "../../rule.js";
import cloudtrailBucketProtected from "./cloudtrail-bucket-protected.js";
import cloudtrailCloudwatchLogs from "./cloudtrail-cloudwatch-logs.js";
import cloudtrailGlobalServiceEvents from "./cloudtrail-global-service-events.js";
import cloudtrailKmsEncryption from "./cloudtrail-kms-encryption.js";
import cloudtrailLogFileValidation from "./cloudtrail-log-file-validation.js";
import cloudtrailMultiRegion from "./cloudtrail-multi-region.js";
import cloudtrailS3DataEvents from "./cloudtrail-s3-data-events.js";

export const cloudtrailRules: readonly Rule[] = [
  cloudtrailMultiRegion,
  cloudtrailGlobalServiceEvents,
  cloudtrailLogFileValidation,
  cloudtrailKmsEncryption,
  cloudtrailCloudwatchLogs,
  cloudtrailS3DataEvents,
  cloudtrailBucketProtected,
];
