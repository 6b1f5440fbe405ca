import rule from "../../../../src/rules/aws/rds/rds-storage-encrypted-cmk.js";
import { testRule } from "../../../support/rule-tester.js";

const key = `resource "aws_kms_key" "phi" {
  enable_key_rotation = true
}
`;

testRule(rule, {
  valid: [
    {
      name: "an instance encrypted with a customer-managed key",
      code: `${key}
resource "aws_db_instance" "records" {
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.phi.arn
  tags              = { classification = "phi" }
}
`,
    },
    {
      name: "an Aurora cluster with a customer-managed key; its members are not judged",
      code: `${key}
resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "aurora-postgresql"
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.phi.arn
  manage_master_user_password = true
  master_username             = "records"
  tags                        = { classification = "phi" }
}

resource "aws_rds_cluster_instance" "records" {
  count              = 2
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.records.engine
  tags               = { classification = "phi" }
}
`,
      passes: 1,
    },
    {
      name: "a key outside the configuration, by ARN",
      code: `resource "aws_db_instance" "records" {
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  tags              = { classification = "ephi" }
}
`,
    },
    {
      name: "a database outside PHI scope is not judged",
      code: `resource "aws_db_instance" "scratch" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "storage_encrypted not set",
      code: `resource "aws_db_instance" "records" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  tags           = { classification = "phi" }
}
`,
      errors: [
        { messageId: "notEncrypted", line: 1, column: 1, endLine: 5, endColumn: 2, address: "aws_db_instance.records" },
      ],
    },
    {
      name: "storage_encrypted = false",
      code: `resource "aws_db_instance" "records" {
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = false
  tags              = { classification = "phi" }
}
`,
      errors: [{ messageId: "notEncrypted", line: 4, column: 3, endLine: 4, endColumn: 28 }],
    },
    {
      name: "encrypted without kms_key_id: the AWS-managed aws/rds key",
      code: `resource "aws_db_instance" "records" {
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  tags              = { classification = "phi" }
}
`,
      errors: [{ messageId: "awsManagedKey", line: 1, column: 1, endLine: 6, endColumn: 2 }],
    },
    {
      name: "the AWS-managed key by alias",
      code: `resource "aws_db_instance" "records" {
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = "alias/aws/rds"
  tags              = { classification = "phi" }
}
`,
      errors: [{ messageId: "awsManagedKey", line: 5, column: 3, endLine: 5, endColumn: 38 }],
    },
    {
      name: "an unencrypted cluster pulled into scope by its PHI instance",
      code: `resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "aurora-mysql"
  manage_master_user_password = true
  master_username             = "records"
}

resource "aws_rds_cluster_instance" "records" {
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
  tags               = { classification = "phi" }
}
`,
      errors: [
        { messageId: "notEncrypted", line: 1, column: 1, endLine: 6, endColumn: 2, address: "aws_rds_cluster.records" },
      ],
    },
    {
      name: "the key is known only after apply",
      code: `data "aws_ssm_parameter" "key" {
  name = "/acme/rds/key"
}

resource "aws_db_instance" "records" {
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = data.aws_ssm_parameter.key.value
  tags              = { classification = "phi" }
}
`,
      errors: [{ messageId: "keyUnknown", status: "unknown", line: 9, column: 3, endLine: 9, endColumn: 55 }],
    },
    {
      name: "a read replica takes its encryption from its source",
      code: `resource "aws_db_instance" "replica" {
  replicate_source_db = "records-primary"
  instance_class      = "db.m6g.large"
  tags                = { classification = "phi" }
}
`,
      errors: [
        { messageId: "replicaInheritsSource", status: "unknown", line: 2, column: 3, endLine: 2, endColumn: 42 },
      ],
    },
  ],
});
