import type { Bucket } from "../../../model/aws/s3.js";
import { defineRule, type MessageData, type ResultStatus } from "../../rule.js";
import { inScope, isLogTargetOfOthers, show } from "../../support.js";

export interface ObjectLockOptions {
  /** The shortest default retention accepted, in days (years count as 365 days, as S3 counts them). */
  readonly minRetentionDays: number;
  /** The retention modes accepted. */
  readonly modes: readonly string[];
}

interface Verdict {
  readonly status: ResultStatus;
  readonly messageId: string;
  readonly data?: MessageData;
  readonly at: Bucket["range"];
}

function judgeLock(bucket: Bucket, options: ObjectLockOptions): Verdict {
  const lock = bucket.objectLock;
  if (lock.enabled.origin === "unknown")
    return { status: "unknown", messageId: "enabledUnknown", at: lock.enabled.range };
  if (lock.enabled.value !== true) return { status: "fail", messageId: "notEnabled", at: lock.enabled.range };
  if (lock.hasDefaultRetention.value !== true) {
    return { status: "fail", messageId: "noDefaultRetention", at: lock.hasDefaultRetention.range };
  }
  const { mode, days, years } = lock;
  const modes = options.modes.join(" or ");
  if (mode.origin === "unknown") return { status: "unknown", messageId: "modeUnknown", at: mode.range };
  if (mode.value === undefined || !options.modes.includes(mode.value)) {
    return { status: "fail", messageId: "modeNotAllowed", data: { mode: show(mode), modes }, at: mode.range };
  }
  const period = days.origin !== "default" ? days : years.origin !== "default" ? years : undefined;
  if (period === undefined) return { status: "fail", messageId: "noPeriod", at: lock.hasDefaultRetention.range };
  if (period.origin === "unknown") return { status: "unknown", messageId: "periodUnknown", at: period.range };
  const retentionDays = (period.value ?? 0) * (period === years ? 365 : 1);
  const data = { mode: mode.value, days: retentionDays, minimum: options.minRetentionDays };
  if (retentionDays < options.minRetentionDays) {
    return { status: "fail", messageId: "retentionTooShort", data, at: period.range };
  }
  return { status: "pass", messageId: "locked", data, at: lock.hasDefaultRetention.range };
}

export default defineRule<ObjectLockOptions>({
  id: "s3-bucket-object-lock",
  meta: {
    title: "PHI buckets have Object Lock with a default retention",
    severity: "high",
    service: "s3",
    scope: "phi",
    messages: {
      locked: "Bucket {{bucket}} has Object Lock with a default {{mode}} retention of {{days}} days.",
      notEnabled:
        "PHI bucket {{bucket}} does not have Object Lock: its objects can be overwritten or deleted before any retention period ends.",
      noDefaultRetention:
        "PHI bucket {{bucket}} has Object Lock but no default retention: objects written without their own retention are not protected.",
      modeNotAllowed: "The default retention mode of PHI bucket {{bucket}} is {{mode}}; expected {{modes}}.",
      noPeriod: "The default retention of PHI bucket {{bucket}} sets neither days nor years.",
      retentionTooShort:
        "The default retention of PHI bucket {{bucket}} is {{days}} days, shorter than the required {{minimum}}.",
      enabledUnknown: "Whether Object Lock is enabled on PHI bucket {{bucket}} is known only after apply.",
      modeUnknown: "The default retention mode of PHI bucket {{bucket}} is known only after apply.",
      periodUnknown: "The default retention period of PHI bucket {{bucket}} is known only after apply.",
    },
    remediation: {
      text: "Create the bucket with object_lock_enabled = true and add a default retention (GOVERNANCE or COMPLIANCE, days ≥ the minimum). Server-access-log target buckets are exempt: S3 cannot deliver access logs to a bucket with Object Lock.",
      hcl: `resource "aws_s3_bucket" "this" {
  bucket              = "acme-phi"
  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 2192
    }
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html",
    defaultOptions: { minRetentionDays: 1, modes: ["GOVERNANCE", "COMPLIANCE"] },
  },
  check(context) {
    for (const bucket of inScope("phi", context.model.buckets)) {
      // Access-log targets cannot have Object Lock (delivery fails): exempt (RULES.md decisions).
      if (isLogTargetOfOthers(bucket)) continue;
      const verdict = judgeLock(bucket, context.options);
      context.report(
        verdict.status,
        bucket,
        verdict.messageId,
        { bucket: bucket.address, ...verdict.data },
        verdict.at,
      );
    }
  },
});
