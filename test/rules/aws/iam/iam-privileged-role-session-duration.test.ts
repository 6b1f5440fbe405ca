import rule from "../../../../src/rules/aws/iam/iam-privileged-role-session-duration.js";
import { testRule } from "../../../support/rule-tester.js";

const humanTrust = `jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })`;

const serviceTrust = `jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })`;

testRule(rule, {
  valid: [
    {
      name: "a role people assume, with AWS's default one-hour sessions",
      code: `resource "aws_iam_role" "ops" {
  assume_role_policy = ${humanTrust}
}
`,
    },
    {
      name: "an administrator role with one-hour sessions",
      code: `resource "aws_iam_role" "admin" {
  assume_role_policy   = ${serviceTrust}
  max_session_duration = 3600
  inline_policy {
    name   = "admin"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
  }
}
`,
    },
    {
      name: "a service role without administrator-like permissions is not privileged",
      code: `resource "aws_iam_role" "app" {
  assume_role_policy   = ${serviceTrust}
  max_session_duration = 43200
  inline_policy {
    name   = "read"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::acme-app/*" }] })
  }
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "12-hour sessions for a role people assume",
      code: `resource "aws_iam_role" "dba" {
  assume_role_policy   = ${humanTrust}
  max_session_duration = 43200
}
`,
      errors: [{ messageId: "tooLong", line: 10, column: 3, endLine: 10, endColumn: 31, address: "aws_iam_role.dba" }],
    },
    {
      name: "AdministratorAccess attached to a service role with two-hour sessions",
      code: `resource "aws_iam_role" "deployer" {
  assume_role_policy   = ${serviceTrust}
  max_session_duration = 7200
}
resource "aws_iam_role_policy_attachment" "deployer" {
  role       = aws_iam_role.deployer.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
`,
      errors: [{ messageId: "tooLong", line: 5, column: 3, endLine: 5, endColumn: 30 }],
    },
    {
      name: "iam:* in an inline aws_iam_role_policy (heredoc)",
      code: `resource "aws_iam_role" "iam_admin" {
  assume_role_policy   = ${serviceTrust}
  max_session_duration = 14400
}
resource "aws_iam_role_policy" "iam_admin" {
  role   = aws_iam_role.iam_admin.id
  policy = <<EOT
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}
EOT
}
`,
      errors: [{ messageId: "tooLong", line: 5, column: 3, endLine: 5, endColumn: 31 }],
    },
    {
      name: "kms:* in a managed policy from an aws_iam_policy_document",
      code: `data "aws_iam_policy_document" "keys" {
  statement {
    actions   = ["kms:*"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "keys" {
  policy = data.aws_iam_policy_document.keys.json
}
resource "aws_iam_role" "keys" {
  assume_role_policy   = ${serviceTrust}
  max_session_duration = 21600
}
resource "aws_iam_policy_attachment" "keys" {
  name       = "keys"
  roles      = [aws_iam_role.keys.name]
  policy_arn = aws_iam_policy.keys.arn
}
`,
      errors: [{ messageId: "tooLong", line: 14, column: 3, endLine: 14, endColumn: 31 }],
    },
    {
      name: "one hour exceeds a stricter configured maximum",
      code: `resource "aws_iam_role" "ops" {
  assume_role_policy   = ${humanTrust}
  max_session_duration = 3600
}
`,
      options: { maxSeconds: 1800 },
      errors: [{ messageId: "tooLong", line: 10, column: 3, endLine: 10, endColumn: 30 }],
    },
    {
      name: "session duration known only after apply",
      code: `data "aws_ssm_parameter" "duration" {
  name = "/iam/duration"
}
resource "aws_iam_role" "ops" {
  assume_role_policy   = ${humanTrust}
  max_session_duration = data.aws_ssm_parameter.duration.value
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 13, column: 3, endLine: 13, endColumn: 63 }],
    },
  ],
});
