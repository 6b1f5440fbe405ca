import { defineRule } from "../../rule.js";
import { show } from "../../support.js";

export default defineRule({
  id: "s3-bucket-acls-disabled",
  meta: {
    title: "Bucket ACLs are disabled: the bucket owner owns every object (BucketOwnerEnforced)",
    severity: "medium",
    service: "s3",
    scope: "all",
    messages: {
      enforced: "Bucket {{bucket}} disables ACLs (object ownership BucketOwnerEnforced).",
      awsDefault:
        "Bucket {{bucket}} has no aws_s3_bucket_ownership_controls: new buckets default to BucketOwnerEnforced (ACLs disabled).",
      aclsEnabled:
        "Bucket {{bucket}} has object ownership {{ownership}}: ACLs stay in force, so objects can be shared or owned outside the bucket policy.",
      unknown: "Object ownership of bucket {{bucket}} is known only after apply.",
    },
    remediation: {
      text: "Set object ownership to BucketOwnerEnforced so that access is governed by policies alone.",
      hcl: `resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
    defaultOptions: {},
  },
  check(context) {
    for (const bucket of context.model.buckets) {
      const ownership = bucket.ownership.objectOwnership;
      const data = { bucket: bucket.address, ownership: show(ownership) };
      if (ownership.origin === "unknown") context.unknown(bucket, "unknown", data, ownership.range);
      else if (ownership.value !== "BucketOwnerEnforced") context.fail(bucket, "aclsEnabled", data, ownership.range);
      else if (bucket.ownership.provenance.kind === "absent") context.pass(bucket, "awsDefault", data, ownership.range);
      else context.pass(bucket, "enforced", data, ownership.range);
    }
  },
});
