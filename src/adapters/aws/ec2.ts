/** EBS encryption by default, the default EBS key, VPCs and their flow logs. */
import type { LogGroup } from "../../model/aws/cloudwatch.js";
import type { EbsDefaultKmsKey, EbsEncryptionByDefault, FlowLog, Vpc } from "../../model/aws/ec2.js";
import type { Bucket } from "../../model/aws/s3.js";
import { logGroupNameOf } from "./cloudwatch.js";
import type { AdaptContext, Mutable } from "./context.js";
import { bucketNameOf, JoinIndex } from "./join.js";
import { rawValue } from "./read.js";

export function adaptEbs(ctx: AdaptContext): {
  encryption: EbsEncryptionByDefault[];
  defaultKeys: EbsDefaultKmsKey[];
} {
  const encryption: EbsEncryptionByDefault[] = [];
  const defaultKeys: EbsDefaultKmsKey[] = [];
  for (const instance of ctx.instances("aws_ebs_encryption_by_default")) {
    ctx.guard(instance, () => {
      encryption.push(ctx.register({ ...ctx.base(instance), enabled: ctx.read.bool(instance.body, "enabled", true) }));
    });
  }
  for (const instance of ctx.instances("aws_ebs_default_kms_key")) {
    ctx.guard(instance, () => {
      defaultKeys.push(ctx.register({ ...ctx.base(instance), kmsKey: ctx.keyReference(instance, "key_arn") }));
    });
  }
  return { encryption, defaultKeys };
}

export function adaptNetwork(
  ctx: AdaptContext,
  logGroups: JoinIndex<LogGroup>,
  buckets: JoinIndex<Bucket>,
): { vpcs: Vpc[]; flowLogs: FlowLog[] } {
  const r = ctx.read;
  const vpcs = new JoinIndex<Vpc>();
  for (const type of ["aws_vpc", "aws_default_vpc"]) {
    for (const instance of ctx.instances(type)) {
      ctx.guard(instance, () => {
        const vpc: Mutable<Vpc> = {
          ...ctx.base(instance),
          cidrBlock: r.string(instance.body, "cidr_block"),
          isDefault: type === "aws_default_vpc",
          flowLogs: [],
          tags: r.defaulted(instance.range),
        };
        vpc.tags = ctx.tags(instance, vpc);
        vpcs.add(instance, vpc);
        ctx.register(vpc);
      });
    }
  }
  const flowLogs: FlowLog[] = [];
  for (const instance of ctx.instances("aws_flow_log")) {
    ctx.guard(instance, () => {
      const body = instance.body;
      const destinationType = r.string(body, "log_destination_type", "cloud-watch-logs");
      const destination = rawValue(body, "log_destination");
      const toS3 = destinationType.value === "s3";
      const groupValue = destination ?? rawValue(body, "log_group_name");
      const flowLog: Mutable<FlowLog> = {
        ...ctx.base(instance),
        vpcId: r.string(body, "vpc_id"),
        vpc: vpcs.resolve(rawValue(body, "vpc_id"), { from: instance }),
        subnetId: r.string(body, "subnet_id"),
        eniId: r.string(body, "eni_id"),
        transitGatewayId: r.string(body, "transit_gateway_id"),
        trafficType: r.string(body, "traffic_type"),
        logDestinationType: destinationType,
        logDestination: r.string(body, "log_destination"),
        logGroup: toS3 ? { kind: "none" } : logGroups.resolve(groupValue, { from: instance, nameOf: logGroupNameOf }),
        bucket: toS3 ? buckets.resolve(destination, { from: instance, nameOf: bucketNameOf }) : { kind: "none" },
        tags: r.defaulted(instance.range),
      };
      flowLog.tags = ctx.tags(instance, flowLog);
      if (flowLog.vpc.kind === "resolved") (flowLog.vpc.target.flowLogs as FlowLog[]).push(flowLog);
      flowLogs.push(flowLog);
      ctx.register(flowLog);
    });
  }
  return { vpcs: vpcs.items, flowLogs };
}
