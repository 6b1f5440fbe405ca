import rule from "../../../../src/rules/aws/rds/rds-iam-authentication.js";
import { testRule } from "../../../support/rule-tester.js";

const phi = `tags = { classification = "phi" }`;

testRule(rule, {
  valid: [
    {
      name: "an instance accepting IAM authentication",
      code: `resource "aws_db_instance" "records" {
  engine                              = "postgres"
  instance_class                      = "db.m6g.large"
  iam_database_authentication_enabled = true
  ${phi}
}
`,
    },
    {
      name: "an Aurora cluster accepting IAM authentication; its members are not judged",
      code: `resource "aws_rds_cluster" "records" {
  cluster_identifier                  = "records"
  engine                              = "aurora-mysql"
  manage_master_user_password         = true
  master_username                     = "records"
  iam_database_authentication_enabled = true
  ${phi}
}

resource "aws_rds_cluster_instance" "records" {
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
}
`,
      passes: 1,
    },
    {
      name: "engines without IAM authentication are not judged",
      code: `resource "aws_db_instance" "billing" {
  engine         = "sqlserver-se"
  instance_class = "db.m6i.xlarge"
  license_model  = "license-included"
  ${phi}
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "not set",
      code: `resource "aws_db_instance" "records" {
  engine         = "mysql"
  instance_class = "db.m6g.large"
  ${phi}
}
`,
      errors: [{ messageId: "disabled", line: 1, column: 1, endLine: 5, endColumn: 2 }],
    },
    {
      name: "turned off",
      code: `resource "aws_db_instance" "records" {
  engine                              = "mariadb"
  instance_class                      = "db.m6g.large"
  iam_database_authentication_enabled = false
  ${phi}
}
`,
      errors: [{ messageId: "disabled", line: 4, column: 3, endLine: 4, endColumn: 46 }],
    },
    {
      name: "a cluster without it",
      code: `resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "aurora-postgresql"
  manage_master_user_password = true
  master_username             = "records"
  ${phi}
}
`,
      errors: [
        { messageId: "disabled", line: 1, column: 1, endLine: 7, endColumn: 2, address: "aws_rds_cluster.records" },
      ],
    },
    {
      name: "an engine known only after apply is judged",
      code: `data "aws_ssm_parameter" "engine" {
  name = "/acme/rds/engine"
}

resource "aws_db_instance" "records" {
  engine         = data.aws_ssm_parameter.engine.value
  instance_class = "db.m6g.large"
  ${phi}
}
`,
      errors: [{ messageId: "disabled", line: 5, column: 1, endLine: 9, endColumn: 2 }],
    },
  ],
});
