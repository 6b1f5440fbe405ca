import rule from "../../../../src/rules/aws/rds/rds-not-publicly-accessible.js";
import { testRule } from "../../../support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "publicly_accessible = false",
      code: `resource "aws_db_instance" "records" {
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  publicly_accessible = false
}
`,
    },
    {
      name: "not set: private by default",
      code: `resource "aws_db_instance" "records" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
}
`,
    },
    {
      name: "each instance of a cluster is judged",
      code: `resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "aurora-postgresql"
  manage_master_user_password = true
  master_username             = "records"
}

resource "aws_rds_cluster_instance" "records" {
  count              = 2
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
`,
      passes: 2,
    },
  ],
  invalid: [
    {
      name: "a public instance, tagged or not",
      code: `resource "aws_db_instance" "reporting" {
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  publicly_accessible = true
}
`,
      errors: [
        { messageId: "public", line: 4, column: 3, endLine: 4, endColumn: 29, address: "aws_db_instance.reporting" },
      ],
    },
    {
      name: "a public cluster instance",
      code: `resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "aurora-mysql"
  manage_master_user_password = true
  master_username             = "records"
}

resource "aws_rds_cluster_instance" "records" {
  cluster_identifier  = aws_rds_cluster.records.id
  instance_class      = "db.r6g.large"
  engine              = "aurora-mysql"
  publicly_accessible = true
}
`,
      errors: [
        {
          messageId: "public",
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 29,
          address: "aws_rds_cluster_instance.records",
        },
      ],
    },
    {
      name: "public through a variable's default",
      code: `variable "public" {
  type    = bool
  default = true
}

resource "aws_db_instance" "records" {
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  publicly_accessible = var.public
}
`,
      errors: [{ messageId: "public", line: 9, column: 3, endLine: 9, endColumn: 35 }],
    },
    {
      name: "known only after apply",
      code: `data "aws_ssm_parameter" "public" {
  name = "/acme/rds/public"
}

resource "aws_db_instance" "records" {
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  publicly_accessible = data.aws_ssm_parameter.public.value
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 8, column: 3, endLine: 8, endColumn: 60 }],
    },
  ],
});
