import { defineRule } from "../../rule.js";
import { judgeFlags, publicAccessFlags } from "../../support.js";

export default defineRule({
  id: "s3-account-public-access-block",
  meta: {
    title: "The account blocks public access to S3 with all four account-level settings",
    severity: "high",
    service: "s3",
    scope: "account",
    messages: {
      allBlocked: "The account-level S3 Block Public Access {{block}} has all four settings on.",
      notBlocked:
        "The account-level S3 Block Public Access {{block}} leaves {{flags}} off: a bucket created without its own block could be made public.",
      missing:
        "No aws_s3_account_public_access_block in this configuration: nothing stops a bucket of the account from being made public.",
      unknown: "Account-level S3 Block Public Access setting {{flags}} of {{block}} is known only after apply.",
    },
    remediation: {
      text: "Add an aws_s3_account_public_access_block with all four settings true (once per account).",
      hcl: `resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html",
    defaultOptions: {},
  },
  check(context) {
    const blocks = context.model.accountPublicAccessBlocks;
    // No block at all: the account is the subject, located where the configuration names its provider.
    const account = context.model.account;
    if (blocks.length === 0) {
      if (account) context.fail(account, "missing");
      return;
    }
    for (const block of blocks) {
      const judged = judgeFlags(publicAccessFlags(block));
      const data = { block: block.address, flags: judged.names };
      if (judged.status === "fail") {
        context.fail(block, "notBlocked", data, judged.at);
      } else if (judged.status === "unknown") {
        context.unknown(block, "unknown", data, judged.at);
      } else {
        context.pass(block, "allBlocked", { block: block.address }, block.range);
      }
    }
  },
});
