import rule from "../../../../src/rules/aws/rds/rds-deletion-protection.js";
import { testRule } from "../../../support/rule-tester.js";

const phi = `tags = { classification = "phi" }`;

testRule(rule, {
  valid: [
    {
      name: "an instance with deletion protection",
      code: `resource "aws_db_instance" "records" {
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  deletion_protection = true
  ${phi}
}
`,
    },
    {
      name: "a protected cluster; its members are not judged",
      code: `resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "aurora-postgresql"
  manage_master_user_password = true
  master_username             = "records"
  deletion_protection         = true
  ${phi}
}

resource "aws_rds_cluster_instance" "records" {
  count              = 2
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
  ${phi}
}
`,
      passes: 1,
    },
    {
      name: "an unprotected database outside PHI scope is not judged",
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
      name: "not set",
      code: `resource "aws_db_instance" "records" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  ${phi}
}
`,
      errors: [{ messageId: "unprotected", line: 1, column: 1, endLine: 5, endColumn: 2 }],
    },
    {
      name: "deletion_protection = false",
      code: `resource "aws_db_instance" "records" {
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  deletion_protection = false
  ${phi}
}
`,
      errors: [{ messageId: "unprotected", line: 4, column: 3, endLine: 4, endColumn: 30 }],
    },
    {
      name: "an unprotected cluster",
      code: `resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "aurora-postgresql"
  manage_master_user_password = true
  master_username             = "records"
  ${phi}
}
`,
      errors: [
        { messageId: "unprotected", line: 1, column: 1, endLine: 7, endColumn: 2, address: "aws_rds_cluster.records" },
      ],
    },
    {
      name: "known only after apply",
      code: `data "aws_ssm_parameter" "protect" {
  name = "/acme/rds/protect"
}

resource "aws_db_instance" "records" {
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  deletion_protection = data.aws_ssm_parameter.protect.value
  ${phi}
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 8, column: 3, endLine: 8, endColumn: 61 }],
    },
  ],
});
