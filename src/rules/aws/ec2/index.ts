import type { Rule } from "../../rule.js";
import ebsDefaultEncryptionCmk from "./ebs-default-encryption-cmk.js";
import vpcFlowLogs from "./vpc-flow-logs.js";

export const ec2Rules: readonly Rule[] = [ebsDefaultEncryptionCmk, vpcFlowLogs];
