import type { Rule } from "../../rule.js";
import backendS3Encryption from "./backend-s3-encryption.js";
import backendS3Locking from "./backend-s3-locking.js";

export const backendRules: readonly Rule[] = [backendS3Encryption, backendS3Locking];
