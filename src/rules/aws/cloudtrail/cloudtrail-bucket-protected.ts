import type { Range } from "../../../hcl/range.js";
import { publicGrants } from "../../../model/aws/policy-analysis.js";
import type { Bucket } from "../../../model/aws/s3.js";
import type { ResultStatus } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { judge } from "../../support.js";

interface Finding {
  readonly status: Exclude<ResultStatus, "pass">;
  readonly messageId: string;
  readonly at: Range;
  readonly detail: string;
}

/** What keeps a trail bucket from being private and versioned: each problem once, in the order a reader fixes them. */
function problems(bucket: Bucket): Finding[] {
  const found: Finding[] = [];
  const pab = bucket.publicAccessBlock;
  const flags = [
    ["block_public_acls", pab.blockPublicAcls],
    ["block_public_policy", pab.blockPublicPolicy],
    ["ignore_public_acls", pab.ignorePublicAcls],
    ["restrict_public_buckets", pab.restrictPublicBuckets],
  ] as const;
  const off = flags.find(([, leaf]) => judge(leaf, (v) => v === true) === "fail");
  const unsure = flags.find(([, leaf]) => leaf.origin === "unknown");
  if (off) found.push({ status: "fail", messageId: "publicAccessNotBlocked", at: off[1].range, detail: off[0] });
  else if (unsure) found.push({ status: "unknown", messageId: "unknown", at: unsure[1].range, detail: unsure[0] });

  const policy = bucket.policy;
  if (policy) {
    if (policy.origin === "unknown" || policy.document === undefined) {
      found.push({ status: "unknown", messageId: "unknown", at: policy.range, detail: "policy" });
    } else {
      const grants = publicGrants(policy.document);
      const open = grants.find((g) => g.result === "yes");
      const maybe = grants.find((g) => g.result === "unknown");
      if (open) found.push({ status: "fail", messageId: "publicPolicy", at: open.statement.range, detail: "policy" });
      else if (maybe)
        found.push({ status: "unknown", messageId: "unknown", at: maybe.statement.range, detail: "policy" });
    }
  }

  const versioning = bucket.versioning.status;
  const versioned = judge(versioning, (v) => v === "Enabled");
  if (versioned === "fail") {
    found.push({
      status: "fail",
      messageId: "notVersioned",
      at: versioning.range,
      detail: versioning.value ?? "Disabled",
    });
  } else if (versioned === "unknown") {
    found.push({ status: "unknown", messageId: "unknown", at: versioning.range, detail: "versioning" });
  }
  return found;
}

export default defineRule({
  id: "cloudtrail-bucket-protected",
  meta: {
    title: "The bucket a trail delivers to is not public and keeps prior versions of log files",
    severity: "high",
    service: "cloudtrail",
    scope: "all",
    messages: {
      protected: "Trail bucket {{bucket}} blocks all public access, has no public policy and is versioned.",
      publicAccessNotBlocked:
        "Trail bucket {{bucket}} has {{detail}} off: a public policy or ACL could expose the audit logs.",
      publicPolicy: "The policy of trail bucket {{bucket}} grants access to everyone: the audit logs are public.",
      notVersioned:
        "Trail bucket {{bucket}} is not versioned (status {{detail}}): a log file overwritten or deleted is gone for good.",
      unknown: "Whether trail bucket {{bucket}} is private and versioned ({{detail}}) is known only after apply.",
      outsideConfiguration:
        "Trail {{trail}} delivers to bucket {{detail}}, which this configuration does not define: its protection cannot be checked here.",
    },
    remediation: {
      text: "Give the trail bucket a public access block with all four flags true, no Allow to Principal * without a restricting condition, and versioning Enabled.",
      hcl: `resource "aws_s3_bucket_public_access_block" "trail" {
  bucket                  = aws_s3_bucket.trail.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html",
    defaultOptions: {},
  },
  check(context) {
    const judged = new Set<Bucket>();
    for (const trail of context.model.trails) {
      const link = trail.bucket;
      if (link.kind !== "resolved") {
        // A bucket defined elsewhere (or known only after apply) is not in the model: say so rather than pass.
        const detail = link.kind === "literal" ? link.text : "(known after apply)";
        if (link.kind !== "none") {
          context.unknown(trail, "outsideConfiguration", { trail: trail.address, detail }, trail.s3BucketName.range);
        }
        continue;
      }
      const bucket = link.target;
      if (judged.has(bucket)) continue;
      judged.add(bucket);
      const found = problems(bucket);
      const data = { bucket: bucket.address, trail: trail.address };
      if (found.length === 0) context.pass(bucket, "protected", data, bucket.range);
      for (const f of found) context.report(f.status, bucket, f.messageId, { ...data, detail: f.detail }, f.at);
    }
  },
});
