import type { Rule } from "../../rule.js";
import s3AccessLogBucketSseS3 from "./s3-access-log-bucket-sse-s3.js";
import s3AccountPublicAccessBlock from "./s3-account-public-access-block.js";
import s3BucketAccessLogging from "./s3-bucket-access-logging.js";
import s3BucketAclsDisabled from "./s3-bucket-acls-disabled.js";
import s3BucketEncryptionCmk from "./s3-bucket-encryption-cmk.js";
import s3BucketMinTlsVersion from "./s3-bucket-min-tls-version.js";
import s3BucketNoncurrentVersionLifecycle from "./s3-bucket-noncurrent-version-lifecycle.js";
import s3BucketObjectLock from "./s3-bucket-object-lock.js";
import s3BucketPolicyNoPublicPrincipal from "./s3-bucket-policy-no-public-principal.js";
import s3BucketPublicAccessBlock from "./s3-bucket-public-access-block.js";
import s3BucketTlsOnly from "./s3-bucket-tls-only.js";
import s3BucketVersioning from "./s3-bucket-versioning.js";

/** In RULES.md order. */
export const s3Rules: readonly Rule[] = [
  s3BucketEncryptionCmk,
  s3AccessLogBucketSseS3,
  s3BucketPublicAccessBlock,
  s3AccountPublicAccessBlock,
  s3BucketTlsOnly,
  s3BucketMinTlsVersion,
  s3BucketAccessLogging,
  s3BucketVersioning,
  s3BucketObjectLock,
  s3BucketNoncurrentVersionLifecycle,
  s3BucketAclsDisabled,
  s3BucketPolicyNoPublicPrincipal,
];
