import type { Rule } from "../../rule.js";
import s3AccessLogBucketSseS3 from "./s3-access-log-bucket-sse-s3.js";
import s3BucketEncryptionCmk from "./s3-bucket-encryption-cmk.js";
import s3BucketVersioning from "./s3-bucket-versioning.js";

export const s3Rules: readonly Rule[] = [s3BucketEncryptionCmk, s3AccessLogBucketSseS3, s3BucketVersioning];
