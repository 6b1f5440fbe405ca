import type { Rule } from "../../rule.js";
import s3BucketVersioning from "./s3-bucket-versioning.js";

export const s3Rules: readonly Rule[] = [s3BucketVersioning];
