/** Terraform shared by the CloudTrail rule tests. */

/** Lines 1–3. */
export const trailBucket = `resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail"
}
`;

/** A trail (starting on the line after whatever precedes it) with extra attribute lines. */
export function trail(name: string, ...lines: string[]): string {
  return `resource "aws_cloudtrail" "${name}" {
  name           = "${name}"
  s3_bucket_name = aws_s3_bucket.trail.id
${lines.map((l) => `  ${l}\n`).join("")}}
`;
}

/** A value known only after apply (lines 1–3 when first). */
export const ssmParameter = `data "aws_ssm_parameter" "setting" {
  name = "/acme/trail/setting"
}
`;
