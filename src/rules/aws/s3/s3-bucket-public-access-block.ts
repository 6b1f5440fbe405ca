import { defineRule } from "../../rule.js";
import { judgeFlags, publicAccessFlags } from "../../support.js";

export default defineRule({
  id: "s3-bucket-public-access-block",
  meta: {
    title: "Every bucket blocks public access with all four Block Public Access settings",
    severity: "critical",
    service: "s3",
    scope: "all",
    messages: {
      allBlocked: "Bucket {{bucket}} has all four Block Public Access settings on.",
      awsDefault:
        "Bucket {{bucket}} has no aws_s3_bucket_public_access_block: new buckets have all four Block Public Access settings on by default.",
      notBlocked: "Bucket {{bucket}} leaves {{flags}} off: a public ACL or bucket policy could expose its objects.",
      unknown: "Block Public Access setting {{flags}} of bucket {{bucket}} is known only after apply.",
    },
    remediation: {
      text: "Add an aws_s3_bucket_public_access_block for the bucket with all four settings true.",
      hcl: `resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    defaultOptions: {},
  },
  check(context) {
    for (const bucket of context.model.buckets) {
      const block = bucket.publicAccessBlock;
      const judged = judgeFlags(publicAccessFlags(block));
      const data = { bucket: bucket.address, flags: judged.names };
      if (judged.status === "fail") {
        context.fail(bucket, "notBlocked", data, judged.at);
      } else if (judged.status === "unknown") {
        context.unknown(bucket, "unknown", data, judged.at);
      } else if (block.provenance.kind === "absent") {
        context.pass(bucket, "awsDefault", { bucket: bucket.address }, block.provenance.range);
      } else {
        context.pass(bucket, "allBlocked", { bucket: bucket.address }, block.provenance.range);
      }
    }
  },
});
