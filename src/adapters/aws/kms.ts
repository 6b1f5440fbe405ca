/** KMS keys, key policies (`aws_kms_key_policy`) and aliases. */
import { warning } from "../../hcl/diagnostic.js";
import type { PolicyValue } from "../../model/aws/iam.js";
import type { Alias, Key } from "../../model/aws/kms.js";
import type { AdaptContext, Mutable } from "./context.js";
import { rawValue } from "./read.js";

const keyTypes = ["aws_kms_key", "aws_kms_external_key", "aws_kms_replica_key", "aws_kms_replica_external_key"];

export function adaptKeys(ctx: AdaptContext): void {
  const r = ctx.read;
  for (const type of keyTypes) {
    for (const instance of ctx.instances(type)) {
      ctx.guard(instance, () => {
        const body = instance.body;
        const external = type.endsWith("external_key");
        const keyOrigin = external
          ? r.defaulted(instance.range, "EXTERNAL")
          : body.attributes.xks_key_id !== undefined
            ? { ...r.string(body, "xks_key_id"), value: "EXTERNAL_KEY_STORE" }
            : body.attributes.custom_key_store_id !== undefined
              ? { ...r.string(body, "custom_key_store_id"), value: "AWS_CLOUDHSM" }
              : r.defaulted(instance.range, "AWS_KMS");
        const key: Mutable<Key> = {
          ...ctx.base(instance),
          description: r.string(body, "description"),
          enableKeyRotation: r.bool(body, "enable_key_rotation", false),
          rotationPeriodDays: r.number(body, "rotation_period_in_days", 365),
          deletionWindowDays: r.number(body, "deletion_window_in_days", 30),
          keySpec: r.string(body, "customer_master_key_spec", "SYMMETRIC_DEFAULT"),
          keyUsage: r.string(body, "key_usage", "ENCRYPT_DECRYPT"),
          keyOrigin,
          isEnabled: r.bool(body, "is_enabled", true),
          multiRegion: r.bool(body, "multi_region", false),
          policy: ctx.policy(instance, "policy"),
          bypassPolicyLockoutSafetyCheck: r.bool(body, "bypass_policy_lockout_safety_check", false),
          aliases: [],
          customerManaged: true,
          tags: r.defaulted(instance.range),
        };
        key.tags = ctx.tags(instance, key);
        ctx.keys.add(instance, key);
        ctx.register(key);
      });
    }
  }

  for (const instance of ctx.instances("aws_kms_key_policy")) {
    ctx.guard(instance, () => {
      const link = ctx.keys.resolve(rawValue(instance.body, "key_id"), { from: instance });
      if (link.kind !== "resolved") {
        ctx.diagnostics.push(
          unjoined(instance.body.attributes.key_id?.range ?? instance.range, instance.address, "key"),
        );
        return;
      }
      const key = link.target as Mutable<Key> & { sources: Key["sources"][number][] };
      const policy: PolicyValue | undefined = ctx.policy(instance, "policy");
      if (key.policy && policy) {
        ctx.diagnostics.push(
          warning(
            "Key policy set twice",
            `${instance.address} replaces the policy written on ${key.address}; the separate resource wins.`,
            instance.range,
          ),
        );
      }
      if (policy) key.policy = policy;
      ctx.join(key, instance);
    });
  }

  for (const instance of ctx.instances("aws_kms_alias")) {
    ctx.guard(instance, () => {
      const body = instance.body;
      const target = ctx.keys.resolve(rawValue(body, "target_key_id"), { from: instance });
      const alias: Mutable<Alias> = {
        ...ctx.base(instance),
        name: r.string(body, "name"),
        targetKeyId: r.string(body, "target_key_id"),
        target,
      };
      ctx.aliases.add(instance, alias);
      ctx.aliases.addName(alias.name.value, alias);
      if (target.kind === "resolved") (target.target.aliases as Alias[]).push(alias);
      ctx.register(alias);
    });
  }
}

export function unjoined(range: Key["range"], address: string, what: string) {
  return warning(
    `Cannot tell which ${what} this configures`,
    `${address} names a ${what} that is not defined in this configuration, or only known after apply; its settings are not joined to any ${what}.`,
    range,
  );
}
