import rule from "../../../../src/rules/aws/iam/iam-human-role-requires-mfa.js";
import { testRule } from "../../../support/rule-tester.js";

const role = (policy: string) => `resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = ${policy}
}
`;

testRule(rule, {
  valid: [
    {
      name: "the account may assume it with MFA (aws_iam_policy_document)",
      code: `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}
${role("data.aws_iam_policy_document.trust.json")}`,
    },
    {
      name: "recent MFA within the configured age (jsonencode)",
      code: role(`jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:user/alice" }
      Condition = {
        Bool            = { "aws:MultiFactorAuthPresent" = "true" }
        NumericLessThan = { "aws:MultiFactorAuthAge" = "900" }
      }
    }]
  })`),
      options: { maxMfaAgeSeconds: 3600 },
    },
    {
      name: "a service role is not assumed by people",
      code: role(`jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })`),
      passes: 0,
    },
    {
      name: "SAML federation: the identity provider enforces MFA",
      code: role(`jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithSAML"
      Principal = { Federated = "arn:aws:iam::111122223333:saml-provider/okta" }
      Condition = { StringEquals = { "SAML:aud" = "https://signin.aws.amazon.com/saml" } }
    }]
  })`),
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "the account may assume it without MFA (aws_iam_policy_document)",
      code: `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}
${role("data.aws_iam_policy_document.trust.json")}`,
      errors: [{ messageId: "noMfa", line: 2, column: 3, endLine: 8, endColumn: 4, address: "aws_iam_role.ops" }],
    },
    {
      name: "BoolIfExists lets long-term access keys through (jsonencode)",
      code: role(`jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:role/admins" }
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })`),
      errors: [{ messageId: "noMfa", line: 4, column: 18, endLine: 9, endColumn: 6 }],
    },
    {
      name: "MFA without an age bound when one is configured (heredoc)",
      code: role(`<<EOT
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "sts:AssumeRole",
    "Principal": {"AWS": "111122223333"},
    "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
  }]
}
EOT`),
      options: { maxMfaAgeSeconds: 3600 },
      errors: [{ messageId: "mfaAgeMissing", line: 3, column: 3, endLine: 13, endColumn: 4 }],
    },
    {
      name: "MFA up to 12 hours old when at most an hour is configured",
      code: role(`jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = {
        Bool                  = { "aws:MultiFactorAuthPresent" = "true" }
        NumericLessThanEquals = { "aws:MultiFactorAuthAge" = "43200" }
      }
    }]
  })`),
      options: { maxMfaAgeSeconds: 3600 },
      errors: [{ messageId: "mfaTooOld", line: 4, column: 18, endLine: 12, endColumn: 6 }],
    },
    {
      name: "a trusted principal read from a parameter might be a person",
      code: `data "aws_ssm_parameter" "who" {
  name = "/iam/ops-trust"
}
${role(`jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = data.aws_ssm_parameter.who.value } }]
  })`)}`,
      errors: [{ messageId: "unknown", status: "unknown", line: 7, column: 18, endLine: 7, endColumn: 121 }],
    },
    {
      name: "a trust policy that is not valid JSON cannot be judged",
      code: role(`"{\\"Statement\\": ["`),
      errors: [{ messageId: "unreadable", status: "unknown", line: 3, column: 3, endLine: 3, endColumn: 43 }],
    },
    {
      name: "an inline trust only for one of two statements",
      code: role(`jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::111122223333:role/admins" }
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
      },
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::111122223333:user/ci" }
      },
    ]
  })`),
      errors: [{ messageId: "noMfa", line: 11, column: 7, endLine: 15, endColumn: 8 }],
    },
  ],
});
