import rule from "../../../../src/rules/aws/rds/rds-backup-retention.js";
import { testRule } from "../../../support/rule-tester.js";

const phi = `tags = { classification = "phi" }`;

testRule(rule, {
  valid: [
    {
      name: "seven days",
      code: `resource "aws_db_instance" "records" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 7
  ${phi}
}
`,
    },
    {
      name: "an Aurora cluster keeping 35 days; its members are not judged",
      code: `resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "aurora-postgresql"
  manage_master_user_password = true
  master_username             = "records"
  backup_retention_period     = 35
  ${phi}
}

resource "aws_rds_cluster_instance" "records" {
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
  ${phi}
}
`,
      passes: 1,
    },
    {
      name: "three days with a lowered minimum",
      code: `resource "aws_db_instance" "records" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 3
  ${phi}
}
`,
      options: { minDays: 3 },
    },
    {
      name: "a read replica is not judged (its source keeps the backups)",
      code: `resource "aws_db_instance" "replica" {
  replicate_source_db = "records-primary"
  instance_class      = "db.m6g.large"
  ${phi}
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "not set: one day",
      code: `resource "aws_db_instance" "records" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  ${phi}
}
`,
      errors: [{ messageId: "tooShort", line: 1, column: 1, endLine: 5, endColumn: 2 }],
    },
    {
      name: "backups turned off",
      code: `resource "aws_db_instance" "records" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 0
  ${phi}
}
`,
      errors: [{ messageId: "tooShort", line: 4, column: 3, endLine: 4, endColumn: 30 }],
    },
    {
      name: "seven days below a raised minimum",
      code: `resource "aws_db_instance" "records" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 7
  ${phi}
}
`,
      options: { minDays: 14 },
      errors: [{ messageId: "tooShort", line: 4, column: 3, endLine: 4, endColumn: 30 }],
    },
    {
      name: "a cluster keeping one day",
      code: `resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "aurora-mysql"
  manage_master_user_password = true
  master_username             = "records"
  backup_retention_period     = 1
  ${phi}
}
`,
      errors: [
        { messageId: "tooShort", line: 6, column: 3, endLine: 6, endColumn: 34, address: "aws_rds_cluster.records" },
      ],
    },
    {
      name: "known only after apply",
      code: `data "aws_ssm_parameter" "days" {
  name = "/acme/rds/backup-days"
}

resource "aws_db_instance" "records" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = data.aws_ssm_parameter.days.value
  ${phi}
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 8, column: 3, endLine: 8, endColumn: 62 }],
    },
  ],
});
