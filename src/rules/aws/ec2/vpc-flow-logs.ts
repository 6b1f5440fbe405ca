import type { Range } from "../../../hcl/range.js";
import type { FlowLog } from "../../../model/aws/ec2.js";
import { defineRule, type MessageData, type ResultStatus } from "../../rule.js";
import { countUnknown, judgeCustomerKey, show } from "../../support.js";

interface Verdict {
  readonly status: ResultStatus;
  readonly messageId: string;
  readonly data: MessageData;
  readonly at: Range;
}

/** The traffic captured, then the destination: a KMS-encrypted log group of this configuration, or S3. */
function judgeFlowLog(flowLog: FlowLog, trafficTypes: readonly string[]): Verdict {
  const base = { flowLog: flowLog.address, traffic: show(flowLog.trafficType), expected: trafficTypes.join(" or ") };
  const traffic = flowLog.trafficType;
  if (traffic.origin === "unknown") {
    return { status: "unknown", messageId: "trafficUnknown", data: base, at: traffic.range };
  }
  if (traffic.value === undefined || !trafficTypes.includes(traffic.value)) {
    return { status: "fail", messageId: "trafficType", data: base, at: traffic.range };
  }
  const type = flowLog.logDestinationType;
  const data = { ...base, destination: show(type) };
  if (type.origin === "unknown") return { status: "unknown", messageId: "destinationUnknown", data, at: type.range };
  // S3 encrypts every object at rest; the bucket's own rules judge its key.
  if (type.value === "s3") return { status: "pass", messageId: "logged", data, at: flowLog.range };
  if (type.value !== "cloud-watch-logs") {
    return { status: "unknown", messageId: "destinationNotJudged", data, at: type.range };
  }
  const group = flowLog.logGroup;
  switch (group.kind) {
    case "resolved": {
      const verdict = judgeCustomerKey(group.target.kmsKey, undefined);
      const groupData = { ...data, logGroup: group.target.address, key: verdict.key };
      const at = group.target.kmsKey.id.range;
      if (verdict.status === "pass") return { status: "pass", messageId: "logged", data: groupData, at: flowLog.range };
      if (verdict.status === "unknown") return { status: "unknown", messageId: "keyUnknown", data: groupData, at };
      return { status: "fail", messageId: "logGroupNotEncrypted", data: groupData, at };
    }
    case "none":
      return { status: "fail", messageId: "noDestination", data, at: flowLog.range };
    default:
      // A log group outside this configuration, or one known only after apply: its encryption cannot be read.
      return { status: "unknown", messageId: "logGroupOutside", data, at: flowLog.logDestination.range };
  }
}

export default defineRule({
  id: "vpc-flow-logs",
  meta: {
    title: "Every VPC records its traffic in flow logs delivered to an encrypted destination",
    severity: "high",
    service: "ec2",
    scope: "all",
    messages: {
      logged: "VPC {{vpc}} records {{traffic}} traffic in flow log {{flowLog}} ({{destination}}).",
      noFlowLog:
        "VPC {{vpc}} has no flow log: connections to and from PHI systems in it leave no record to examine (164.312(b)).",
      flowLogTargetUnknown:
        "VPC {{vpc}} has no flow log of its own, and a flow log of this configuration names a VPC known only after apply.",
      flowLogCountUnknown:
        "Flow log {{flowLog}} of VPC {{vpc}} has a count or for_each known only after apply: it may not be created.",
      trafficType: "Flow log {{flowLog}} of VPC {{vpc}} captures {{traffic}} traffic, not {{expected}}.",
      trafficUnknown: "The traffic type of flow log {{flowLog}} of VPC {{vpc}} is known only after apply.",
      destinationUnknown: "The destination type of flow log {{flowLog}} of VPC {{vpc}} is known only after apply.",
      destinationNotJudged:
        "Flow log {{flowLog}} of VPC {{vpc}} delivers to {{destination}}, whose encryption phiform does not judge.",
      noDestination: "Flow log {{flowLog}} of VPC {{vpc}} names no log group to deliver to.",
      logGroupOutside:
        "Flow log {{flowLog}} of VPC {{vpc}} delivers to a log group outside this configuration or known only after apply; its encryption cannot be checked.",
      logGroupNotEncrypted:
        "Flow log {{flowLog}} of VPC {{vpc}} delivers to log group {{logGroup}}, which has no KMS key: the network audit trail is not encrypted with a key you control.",
      keyUnknown:
        "The KMS key of log group {{logGroup}}, the destination of flow log {{flowLog}} of VPC {{vpc}}, is known only after apply.",
    },
    remediation: {
      text: "Add a flow log for the VPC capturing ALL traffic, delivered to a CloudWatch Logs group encrypted with a customer-managed key (or to S3).",
      hcl: `resource "aws_flow_log" "this" {
  vpc_id               = aws_vpc.this.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn         = aws_iam_role.flow_logs.arn
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/aws/vpc/flow-logs"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
}`,
    },
    docs: "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html",
    // ALL: HIPAA audit controls need accepted connections too; add "REJECT" to accept what Security Hub EC2.6 does.
    defaultOptions: { trafficTypes: ["ALL"] as readonly string[] },
  },
  check(context) {
    const { trafficTypes } = context.options;
    const untraced = context.model.flowLogs.some((f) => f.vpc.kind === "unknown");
    for (const vpc of context.model.vpcs) {
      const data = { vpc: vpc.address };
      if (vpc.flowLogs.length === 0) {
        if (untraced) context.unknown(vpc, "flowLogTargetUnknown", data);
        else context.fail(vpc, "noFlowLog", data);
        continue;
      }
      // One qualifying flow log is enough; otherwise the first unknown, else the first failure.
      const verdicts = vpc.flowLogs.map((f): Verdict => {
        const verdict = judgeFlowLog(f, trafficTypes);
        // A flow log whose count is known only after apply may not exist.
        if (verdict.status !== "pass" || !countUnknown(f)) return verdict;
        return { ...verdict, status: "unknown", messageId: "flowLogCountUnknown" };
      });
      const chosen =
        verdicts.find((v) => v.status === "pass") ??
        verdicts.find((v) => v.status === "unknown") ??
        (verdicts[0] as Verdict);
      context.report(chosen.status, vpc, chosen.messageId, { ...data, ...chosen.data }, chosen.at);
    }
  },
});
