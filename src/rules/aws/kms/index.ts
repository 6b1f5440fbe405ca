import type { Rule } from "../../rule.js";
import kmsKeyDeletionWindow from "./kms-key-deletion-window.js";
import kmsKeyPolicyNoPublicAccess from "./kms-key-policy-no-public-access.js";
import kmsKeyRotation from "./kms-key-rotation.js";
import kmsKeySeparationOfDuties from "./kms-key-separation-of-duties.js";

export const kmsRules: readonly Rule[] = [
  kmsKeyRotation,
  kmsKeyDeletionWindow,
  kmsKeyPolicyNoPublicAccess,
  kmsKeySeparationOfDuties,
];
