import type { Key } from "../../../model/aws/kms.js";
import { defineRule } from "../../rule.js";
import { show } from "../../support.js";

/** AWS accepts rotation periods of 90 to 2560 days. */
const AWS_MIN_PERIOD = 90;
const AWS_MAX_PERIOD = 2560;

/**
 * Why AWS cannot rotate this key automatically: only symmetric ENCRYPT_DECRYPT keys with AWS-generated key material
 * rotate (https://docs.aws.amazon.com/kms/latest/developerguide/rotating-keys.html). Replica keys share their
 * primary key's rotation, so they are judged through the primary. Undefined: the key can rotate; "unknown": a
 * deciding attribute is known only after apply.
 */
function exemption(key: Key): string | "unknown" | undefined {
  if (key.type === "aws_kms_replica_key" || key.type === "aws_kms_replica_external_key") return "a replica key";
  const facts = [
    { leaf: key.keySpec, want: "SYMMETRIC_DEFAULT", what: "key spec" },
    { leaf: key.keyUsage, want: "ENCRYPT_DECRYPT", what: "key usage" },
    { leaf: key.keyOrigin, want: "AWS_KMS", what: "key material origin" },
  ];
  let unknown = false;
  for (const { leaf, want, what } of facts) {
    if (leaf.origin === "unknown") unknown = true;
    else if (leaf.value !== want) return `${what} ${leaf.value}`;
  }
  return unknown ? "unknown" : undefined;
}

export default defineRule({
  id: "kms-key-rotation",
  meta: {
    title: "Customer-managed keys rotate their key material at least yearly",
    severity: "medium",
    service: "kms",
    scope: "all",
    messages: {
      rotated: "Key {{key}} rotates its key material every {{days}} days.",
      notEnabled: "Automatic rotation of key {{key}} is {{value}}; its key material is never replaced.",
      periodTooLong: "Key {{key}} rotates only every {{days}} days; at most {{max}} days is required.",
      periodInvalid: "rotation_period_in_days of key {{key}} is {{days}}; AWS accepts 90 to 2560 days.",
      exempt: "Key {{key}} cannot rotate automatically ({{reason}}); rotation is not judged.",
      unknown: "Whether key {{key}} rotates is known only after apply.",
    },
    remediation: {
      text: "Enable automatic rotation of the key (yearly, or more often with rotation_period_in_days).",
      hcl: `resource "aws_kms_key" "this" {
  enable_key_rotation     = true
  rotation_period_in_days = 365
}`,
    },
    docs: "https://docs.aws.amazon.com/kms/latest/developerguide/rotating-keys.html",
    defaultOptions: { maxRotationPeriodDays: 365 },
  },
  check(context) {
    const max = context.options.maxRotationPeriodDays;
    for (const key of context.model.keys) {
      const enabled = key.enableKeyRotation;
      const period = key.rotationPeriodDays;
      const data = { key: key.address, value: show(enabled), days: show(period), max };
      const exempt = exemption(key);
      if (exempt !== undefined && exempt !== "unknown") {
        context.pass(key, "exempt", { ...data, reason: exempt });
        continue;
      }
      if (enabled.origin === "unknown") {
        context.unknown(key, "unknown", data, enabled.range);
        continue;
      }
      if (enabled.value !== true) {
        // A key that may be asymmetric or imported: rotation might not apply.
        if (exempt === "unknown") context.unknown(key, "unknown", data, enabled.range);
        else
          context.fail(
            key,
            "notEnabled",
            { ...data, value: enabled.value === false ? "disabled" : "not set" },
            enabled.range,
          );
        continue;
      }
      if (period.origin === "unknown") context.unknown(key, "unknown", data, period.range);
      else if (period.value === undefined || period.value < AWS_MIN_PERIOD || period.value > AWS_MAX_PERIOD) {
        context.fail(key, "periodInvalid", data, period.range);
      } else if (period.value > max) context.fail(key, "periodTooLong", data, period.range);
      else context.pass(key, "rotated", data, period.origin === "explicit" ? period.range : enabled.range);
    }
  },
});
