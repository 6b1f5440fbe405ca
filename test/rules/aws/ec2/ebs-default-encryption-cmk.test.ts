import rule from "../../../../src/rules/aws/ec2/ebs-default-encryption-cmk.js";
import { testRule } from "../../../support/rule-tester.js";

const provider = `provider "aws" {
  region = "us-east-1"
}
`;

const defaultProvider = 'provider["registry.terraform.io/hashicorp/aws"]';

testRule(rule, {
  valid: [
    {
      name: "encryption by default with a customer-managed default key",
      code: `${provider}
resource "aws_kms_key" "ebs" {
  enable_key_rotation = true
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.ebs.arn
}
`,
    },
    {
      name: "a customer-managed key outside the configuration, named by alias ARN",
      code: `${provider}
resource "aws_ebs_encryption_by_default" "this" {}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = "arn:aws:kms:us-east-1:111122223333:alias/ebs-default"
}
`,
    },
    {
      name: "every Region configured, the second through an aliased provider",
      code: `${provider}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_kms_key" "east" {}

resource "aws_kms_key" "west" {
  provider = aws.west
}

resource "aws_ebs_encryption_by_default" "east" {}

resource "aws_ebs_default_kms_key" "east" {
  key_arn = aws_kms_key.east.arn
}

resource "aws_ebs_encryption_by_default" "west" {
  provider = aws.west
}

resource "aws_ebs_default_kms_key" "west" {
  provider = aws.west
  key_arn  = aws_kms_key.west.arn
}
`,
      passes: 2,
    },
  ],
  invalid: [
    {
      name: "no EBS settings at all: located at the provider block",
      code: `${provider}
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 3, endColumn: 2, address: defaultProvider }],
    },
    {
      name: "no provider block: located at the first resource",
      code: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 3, endColumn: 2, address: defaultProvider }],
    },
    {
      name: "encryption by default without a default key uses aws/ebs",
      code: `${provider}
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
`,
      errors: [
        {
          messageId: "noDefaultKey",
          line: 5,
          column: 1,
          endLine: 7,
          endColumn: 2,
          address: "aws_ebs_encryption_by_default.this",
        },
      ],
    },
    {
      name: "encryption by default turned off",
      code: `${provider}
resource "aws_kms_key" "ebs" {}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.ebs.arn
}
`,
      errors: [{ messageId: "disabled", line: 8, column: 3, endLine: 8, endColumn: 18 }],
    },
    {
      name: "the AWS-managed aws/ebs key named through a data source",
      code: `${provider}
data "aws_kms_alias" "ebs" {
  name = "alias/aws/ebs"
}

resource "aws_ebs_encryption_by_default" "this" {}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = data.aws_kms_alias.ebs.target_key_arn
}
`,
      errors: [{ messageId: "awsManagedKey", line: 12, column: 3, endLine: 12, endColumn: 50 }],
    },
    {
      name: "only the default key: encryption by default is still off",
      code: `${provider}
resource "aws_kms_key" "ebs" {}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.ebs.arn
}
`,
      errors: [{ messageId: "missing", line: 7, column: 1, endLine: 9, endColumn: 2, address: defaultProvider }],
    },
    {
      name: "a second Region without the settings",
      code: `${provider}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_kms_key" "east" {}

resource "aws_ebs_encryption_by_default" "east" {}

resource "aws_ebs_default_kms_key" "east" {
  key_arn = aws_kms_key.east.arn
}

resource "aws_s3_bucket" "replica" {
  provider = aws.west
  bucket   = "acme-replica"
}
`,
      errors: [
        {
          messageId: "missing",
          line: 5,
          column: 1,
          endLine: 8,
          endColumn: 2,
          address: 'provider["registry.terraform.io/hashicorp/aws"].west',
        },
      ],
    },
    {
      name: "settings whose count is known only after apply may not be created",
      code: `${provider}
data "aws_ssm_parameter" "ebs" {
  name = "/acme/ebs-encryption"
}

resource "aws_kms_key" "ebs" {}

resource "aws_ebs_encryption_by_default" "this" {
  count = tonumber(data.aws_ssm_parameter.ebs.value)
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.ebs.arn
}
`,
      errors: [
        {
          messageId: "countUnknown",
          status: "unknown",
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 32,
          address: "aws_ebs_encryption_by_default.this[*]",
        },
      ],
    },
    {
      name: "whether encryption by default is on is known only after apply",
      code: `${provider}
data "aws_ssm_parameter" "ebs" {
  name = "/acme/ebs-encryption"
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = data.aws_ssm_parameter.ebs.value
}
`,
      errors: [{ messageId: "enabledUnknown", status: "unknown", line: 10, column: 3, endLine: 10, endColumn: 45 }],
    },
  ],
});
