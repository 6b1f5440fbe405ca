import rule from "../../../../src/rules/aws/dynamodb/dynamodb-table-cmk.js";
import { testRule } from "../../../support/rule-tester.js";

const head = `resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "SessionId"
  tags         = { classification = "phi" }

  attribute {
    name = "SessionId"
    type = "S"
  }
`;

testRule(rule, {
  valid: [
    {
      name: "a customer-managed key of the configuration",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation = true
}

${head}
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.phi.arn
  }
}
`,
    },
    {
      name: "a customer-managed key outside the configuration",
      code: `${head}
  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}
`,
    },
    {
      name: "the state lock table is in scope through the backend",
      code: `terraform {
  backend "s3" {
    bucket         = "acme-tfstate"
    key            = "baseline.tfstate"
    region         = "us-east-1"
    encrypt        = true
    kms_key_id     = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    dynamodb_table = "acme-tf-locks"
  }
}

resource "aws_kms_key" "state" {}

resource "aws_dynamodb_table" "locks" {
  name         = "acme-tf-locks"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"

  attribute {
    name = "LockID"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.state.arn
  }
}
`,
    },
    {
      name: "a table outside PHI scope is not judged",
      code: `resource "aws_dynamodb_table" "cache" {
  name         = "cache"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "Key"

  attribute {
    name = "Key"
    type = "S"
  }
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "no server_side_encryption: an AWS owned key",
      code: `${head}}
`,
      errors: [
        {
          messageId: "awsOwnedKey",
          line: 1,
          column: 1,
          endLine: 11,
          endColumn: 2,
          address: "aws_dynamodb_table.sessions",
        },
      ],
    },
    {
      name: "server-side encryption turned off",
      code: `${head}
  server_side_encryption {
    enabled = false
  }
}
`,
      errors: [{ messageId: "awsOwnedKey", line: 13, column: 5, endLine: 13, endColumn: 20 }],
    },
    {
      name: "enabled without a key: the AWS-managed aws/dynamodb key",
      code: `${head}
  server_side_encryption {
    enabled = true
  }
}
`,
      errors: [{ messageId: "awsManagedKey", line: 12, column: 3, endLine: 14, endColumn: 4 }],
    },
    {
      name: "the AWS-managed key by alias ARN",
      code: `${head}
  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:alias/aws/dynamodb"
  }
}
`,
      errors: [{ messageId: "awsManagedKey", line: 14, column: 5, endLine: 14, endColumn: 74 }],
    },
    {
      name: "the key known only after apply",
      code: `data "aws_ssm_parameter" "key" {
  name = "/acme/dynamodb/key"
}

${head}
  server_side_encryption {
    enabled     = true
    kms_key_arn = data.aws_ssm_parameter.key.value
  }
}
`,
      errors: [{ messageId: "keyUnknown", status: "unknown", line: 18, column: 5, endLine: 18, endColumn: 51 }],
    },
  ],
});
