import rule from "../../../../src/rules/aws/iam/iam-no-user-policies.js";
import { testRule } from "../../../support/rule-tester.js";

const policy = `resource "aws_iam_policy" "read" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme/*" }] })
}
`;

testRule(rule, {
  valid: [
    {
      name: "permissions through a group",
      code: `${policy}resource "aws_iam_user" "alice" {
  name = "alice"
}
resource "aws_iam_group" "analysts" {
  name = "analysts"
}
resource "aws_iam_group_policy_attachment" "analysts" {
  group      = aws_iam_group.analysts.name
  policy_arn = aws_iam_policy.read.arn
}
resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.analysts.name]
}
`,
    },
    {
      name: "policies on roles, none on the user",
      code: `${policy}resource "aws_iam_user" "alice" {
  name = "alice"
}
resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}
resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.read.arn
}
`,
    },
  ],
  invalid: [
    {
      name: "a managed policy attached to a user",
      code: `${policy}resource "aws_iam_user" "etl" {
  name = "etl"
}
resource "aws_iam_user_policy_attachment" "etl" {
  user       = aws_iam_user.etl.name
  policy_arn = aws_iam_policy.read.arn
}
`,
      errors: [
        { messageId: "attachedPolicy", line: 7, column: 1, endLine: 10, endColumn: 2, address: "aws_iam_user.etl" },
      ],
    },
    {
      name: "an inline user policy (heredoc)",
      code: `resource "aws_iam_user" "etl" {
  name = "etl"
}
resource "aws_iam_user_policy" "etl" {
  user   = aws_iam_user.etl.name
  policy = <<EOT
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
EOT
}
`,
      errors: [
        { messageId: "inlinePolicy", line: 4, column: 1, endLine: 9, endColumn: 2, address: "aws_iam_user.etl" },
      ],
    },
    {
      name: "aws_iam_policy_attachment naming a user among roles",
      code: `${policy}resource "aws_iam_user" "etl" {
  name = "etl"
}
resource "aws_iam_policy_attachment" "read" {
  name       = "read"
  users      = [aws_iam_user.etl.name]
  policy_arn = aws_iam_policy.read.arn
}
`,
      errors: [
        { messageId: "attachedPolicy", line: 7, column: 1, endLine: 11, endColumn: 2, address: "aws_iam_user.etl" },
      ],
    },
    {
      name: "an AWS-managed policy attached to a user defined elsewhere",
      code: `resource "aws_iam_user_policy_attachment" "legacy" {
  user       = "legacy-etl"
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}
`,
      errors: [
        {
          messageId: "attachedPolicy",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 28,
          address: "aws_iam_user_policy_attachment.legacy",
        },
      ],
    },
    {
      name: "an inline policy (jsonencode) of a user defined elsewhere",
      code: `resource "aws_iam_user_policy" "legacy" {
  user   = "legacy-etl"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
`,
      errors: [
        {
          messageId: "inlinePolicy",
          line: 1,
          column: 1,
          endLine: 4,
          endColumn: 2,
          address: "aws_iam_user_policy.legacy",
        },
      ],
    },
  ],
});
