import { policyStringText } from "../../../model/aws/policy.js";
import { publicGrants } from "../../../model/aws/policy-analysis.js";
import { defineRule } from "../../rule.js";
import { policyLocation } from "../../support.js";

export default defineRule({
  id: "s3-bucket-policy-no-public-principal",
  meta: {
    title: 'No bucket policy allows everyone (Principal "*") without a condition that restricts who',
    severity: "critical",
    service: "s3",
    scope: "all",
    messages: {
      noPolicy: "Bucket {{bucket}} has no bucket policy: it grants nothing to anyone.",
      notPublic: "The policy of bucket {{bucket}} grants nothing to everyone without a restricting condition.",
      publicStatement:
        'Statement {{statement}} of the policy of bucket {{bucket}} allows everyone (Principal "*") without a condition restricting who (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID …).',
      unknown:
        "Whether statement {{statement}} of the policy of bucket {{bucket}} allows everyone is known only after apply.",
      policyUnknown: "The policy of bucket {{bucket}} is known only after apply.",
    },
    remediation: {
      text: 'Name the principals that need access, or restrict a service principal with aws:SourceArn / aws:SourceAccount; never Allow Principal "*" unconditionally.',
      hcl: `statement {
  sid       = "S3ServerAccessLogs"
  effect    = "Allow"
  actions   = ["s3:PutObject"]
  resources = ["\${aws_s3_bucket.logs.arn}/*"]

  principals {
    type        = "Service"
    identifiers = ["logging.s3.amazonaws.com"]
  }

  condition {
    test     = "StringEquals"
    variable = "aws:SourceAccount"
    values   = [data.aws_caller_identity.current.account_id]
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status",
    defaultOptions: {},
  },
  check(context) {
    for (const bucket of context.model.buckets) {
      const data = { bucket: bucket.address };
      const policy = bucket.policy;
      if (!policy) {
        context.pass(bucket, "noPolicy", data);
        continue;
      }
      if (policy.origin === "unknown" || !policy.document) {
        context.unknown(bucket, "policyUnknown", data, policy.range);
        continue;
      }
      const grants = publicGrants(policy.document).filter((g) => g.result !== "no");
      for (const grant of grants) {
        const { statement } = grant;
        const name = statement.sid === undefined ? `#${statement.index + 1}` : policyStringText(statement.sid);
        const messageId = grant.result === "yes" ? "publicStatement" : "unknown";
        context.report(
          grant.result === "yes" ? "fail" : "unknown",
          bucket,
          messageId,
          { ...data, statement: name },
          statement.range,
        );
      }
      if (grants.length === 0) context.pass(bucket, "notPublic", data, policyLocation(policy));
    }
  },
});
