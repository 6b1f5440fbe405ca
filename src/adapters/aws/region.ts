/** Regions: the AWS provider configurations that managed resources use, with the regional EBS settings joined. */
import type { EbsDefaultKmsKey, EbsEncryptionByDefault } from "../../model/aws/ec2.js";
import type { Region } from "../../model/aws/region.js";
import type { AdaptContext } from "./context.js";

export function adaptRegions(
  ctx: AdaptContext,
  ebs: { encryption: readonly EbsEncryptionByDefault[]; defaultKeys: readonly EbsDefaultKmsKey[] },
): Region[] {
  const configs = new Map(ctx.graph.providers.map((p) => [p.address, p]));
  const regions = new Map<string, Region>();
  for (const instance of ctx.graph.instances) {
    if (instance.mode !== "managed" || !instance.type.startsWith("aws_") || regions.has(instance.provider)) continue;
    const config = configs.get(instance.provider);
    const range = config?.range ?? instance.moduleCalls[0]?.range ?? instance.range;
    regions.set(instance.provider, {
      address: instance.provider,
      range,
      region: config ? ctx.read.string(config.body, "region") : ctx.read.defaulted(range),
      ebsEncryptionByDefault: ebs.encryption.filter((e) => e.provider === instance.provider),
      ebsDefaultKmsKeys: ebs.defaultKeys.filter((k) => k.provider === instance.provider),
    });
  }
  return [...regions.values()];
}
