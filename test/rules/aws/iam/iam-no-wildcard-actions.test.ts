import rule from "../../../../src/rules/aws/iam/iam-no-wildcard-actions.js";
import { testRule } from "../../../support/rule-tester.js";

const phi = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
resource "aws_kms_key" "phi" {
  tags = { classification = "phi" }
}
`;

testRule(rule, {
  valid: [
    {
      name: "s3:* on a bucket that holds no PHI",
      code: `${phi}resource "aws_s3_bucket" "scratch" {
  bucket = "acme-scratch"
}
resource "aws_iam_policy" "scratch" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = ["\${aws_s3_bucket.scratch.arn}/*"] }] })
}
`,
    },
    {
      name: "named actions on the PHI bucket",
      code: `${phi}resource "aws_iam_policy" "read" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = [aws_s3_bucket.phi.arn, "\${aws_s3_bucket.phi.arn}/*"] }]
  })
}
`,
    },
    {
      name: "logs:* on a log group is not on PHI",
      code: `${phi}resource "aws_cloudwatch_log_group" "app" {
  name = "/acme/app"
}
resource "aws_iam_policy" "logs" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "logs:*", Resource = "\${aws_cloudwatch_log_group.app.arn}:*" }] })
}
`,
    },
  ],
  invalid: [
    {
      name: "s3:* on the PHI bucket and its objects (aws_iam_policy_document)",
      code: `${phi}data "aws_iam_policy_document" "analytics" {
  statement {
    sid       = "Analytics"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.phi.arn, "\${aws_s3_bucket.phi.arn}/*"]
  }
}
resource "aws_iam_policy" "analytics" {
  policy = data.aws_iam_policy_document.analytics.json
}
`,
      errors: [
        {
          messageId: "wildcardOnPhi",
          line: 9,
          column: 3,
          endLine: 13,
          endColumn: 4,
          address: "aws_iam_policy.analytics",
        },
      ],
    },
    {
      name: "* on * in an inline aws_iam_role_policy (heredoc)",
      code: `resource "aws_iam_role_policy" "admin" {
  role   = "admin"
  policy = <<EOT
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
EOT
}
`,
      errors: [
        {
          messageId: "wildcardOnPhi",
          line: 3,
          column: 3,
          endLine: 5,
          endColumn: 4,
          address: "aws_iam_role_policy.admin",
        },
      ],
    },
    {
      name: "kms:* on the PHI key in a role's inline_policy block",
      code: `${phi}resource "aws_iam_role" "app" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }] })
  inline_policy {
    name   = "key"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "kms:*", Resource = aws_kms_key.phi.arn }] })
  }
}
`,
      errors: [
        { messageId: "wildcardOnPhi", line: 12, column: 40, endLine: 12, endColumn: 110, address: "aws_iam_role.app" },
      ],
    },
    {
      name: "s3:* on a literal ARN pattern naming the PHI bucket",
      code: `${phi}resource "aws_iam_policy" "pattern" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::acme-*/*" }] })
}
`,
      errors: [{ messageId: "wildcardOnPhi", line: 9, column: 38, endLine: 9, endColumn: 111 }],
    },
    {
      name: "Allow with NotAction on the PHI objects",
      code: `${phi}resource "aws_iam_policy" "not_delete" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", NotAction = "s3:DeleteObject", Resource = "\${aws_s3_bucket.phi.arn}/*" }] })
}
`,
      errors: [{ messageId: "wildcardOnPhi", line: 9, column: 38, endLine: 9, endColumn: 130 }],
    },
    {
      name: "s3:* on a bucket looked up by a data source might be PHI",
      code: `${phi}data "aws_s3_bucket" "other" {
  bucket = "acme-other"
}
resource "aws_iam_policy" "other" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = data.aws_s3_bucket.other.arn }] })
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 12, column: 38, endLine: 12, endColumn: 116 }],
    },
  ],
});
