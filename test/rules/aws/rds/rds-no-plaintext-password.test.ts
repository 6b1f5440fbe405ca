import { expect, it } from "vitest";
import rule from "../../../../src/rules/aws/rds/rds-no-plaintext-password.js";
import { runCase, testRule } from "../../../support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "a password managed in Secrets Manager",
      code: `resource "aws_db_instance" "records" {
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  username                    = "records"
  manage_master_user_password = true
}
`,
    },
    {
      name: "a write-only password",
      code: `data "aws_secretsmanager_secret_version" "db" {
  secret_id = "acme/records/master"
}

resource "aws_db_instance" "records" {
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  username            = "records"
  password_wo         = data.aws_secretsmanager_secret_version.db.secret_string
  password_wo_version = 1
}
`,
    },
    {
      name: "a generated password on a cluster is not in the code",
      code: `resource "random_password" "db" {
  length = 32
}

resource "aws_rds_cluster" "records" {
  cluster_identifier = "records"
  engine             = "aurora-postgresql"
  master_username    = "records"
  master_password    = random_password.db.result
}
`,
    },
    {
      name: "a read replica sets no password",
      code: `resource "aws_db_instance" "replica" {
  replicate_source_db = "records-primary"
  instance_class      = "db.m6g.large"
}
`,
    },
  ],
  invalid: [
    {
      name: "a literal password, on a database outside PHI scope too",
      code: `resource "aws_db_instance" "scratch" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  username       = "scratch"
  password       = "Scratch-2024!"
}
`,
      errors: [
        {
          messageId: "plaintextPassword",
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 35,
          address: "aws_db_instance.scratch",
        },
      ],
    },
    {
      name: "a sensitive variable's default is still in the code",
      code: `variable "db_password" {
  type      = string
  sensitive = true
  default   = "Records-2024!"
}

resource "aws_db_instance" "records" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  username       = "records"
  password       = var.db_password
}
`,
      errors: [{ messageId: "plaintextPassword", line: 11, column: 3, endLine: 11, endColumn: 35 }],
    },
    {
      name: "a tfvars value lands in the state",
      code: `variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_rds_cluster" "records" {
  cluster_identifier = "records"
  engine             = "aurora-mysql"
  master_username    = "records"
  master_password    = var.db_password
}
`,
      vars: { db_password: "Records-2024!" },
      errors: [
        {
          messageId: "plaintextPassword",
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 39,
          address: "aws_rds_cluster.records",
        },
      ],
    },
  ],
});

it("never prints the password", () => {
  const code = `resource "aws_db_instance" "records" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  username       = "records"
  password       = "Records-2024!"
}
`;
  const { results } = runCase(rule, { name: "password in messages", code }, 99);
  expect(results.map((r) => r.messageId)).toEqual(["plaintextPassword"]);
  expect(results[0]?.message).not.toContain("Records-2024!");
});
