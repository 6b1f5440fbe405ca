import rule from "../../../../src/rules/aws/rds/rds-multi-az.js";
import { testRule } from "../../../support/rule-tester.js";

const phi = `tags = { classification = "phi" }`;

const auroraCluster = `resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "aurora-postgresql"
  manage_master_user_password = true
  master_username             = "records"
  availability_zones          = ["us-east-1a", "us-east-1b", "us-east-1c"]
  ${phi}
}
`;

testRule(rule, {
  valid: [
    {
      name: "a Multi-AZ instance",
      code: `resource "aws_db_instance" "records" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = true
  ${phi}
}
`,
    },
    {
      name: "an Aurora cluster with a writer and a reader",
      code: `${auroraCluster}
resource "aws_rds_cluster_instance" "records" {
  count              = 2
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
`,
      passes: 1,
    },
    {
      name: "a Multi-AZ DB cluster (non-Aurora engine)",
      code: `resource "aws_rds_cluster" "records" {
  cluster_identifier          = "records"
  engine                      = "postgres"
  db_cluster_instance_class   = "db.r6gd.large"
  storage_type                = "io1"
  allocated_storage           = 100
  iops                        = 1000
  manage_master_user_password = true
  master_username             = "records"
  ${phi}
}
`,
    },
    {
      name: "a single-AZ instance outside PHI scope is not judged",
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
      name: "multi_az not set",
      code: `resource "aws_db_instance" "records" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  ${phi}
}
`,
      errors: [{ messageId: "singleAz", line: 1, column: 1, endLine: 5, endColumn: 2 }],
    },
    {
      name: "multi_az = false",
      code: `resource "aws_db_instance" "records" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = false
  ${phi}
}
`,
      errors: [{ messageId: "singleAz", line: 4, column: 3, endLine: 4, endColumn: 25 }],
    },
    {
      name: "an Aurora cluster with one instance, though its volume spans three AZs",
      code: `${auroraCluster}
resource "aws_rds_cluster_instance" "records" {
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
`,
      errors: [
        {
          messageId: "singleInstanceCluster",
          line: 1,
          column: 1,
          endLine: 8,
          endColumn: 2,
          address: "aws_rds_cluster.records",
        },
      ],
    },
    {
      name: "an Aurora cluster whose instances are all counted away",
      code: `${auroraCluster}
variable "readers" {
  type    = number
  default = 0
}

resource "aws_rds_cluster_instance" "records" {
  count              = var.readers
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
`,
      errors: [{ messageId: "singleInstanceCluster", line: 1, column: 1, endLine: 8, endColumn: 2 }],
    },
    {
      name: "an Aurora cluster whose instance count is known only after apply",
      code: `${auroraCluster}
data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_rds_cluster_instance" "records" {
  count              = length(data.aws_availability_zones.available.names)
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
`,
      errors: [{ messageId: "instanceCountUnknown", status: "unknown", line: 1, column: 1, endLine: 8, endColumn: 2 }],
    },
    {
      name: "multi_az known only after apply",
      code: `data "aws_ssm_parameter" "multi_az" {
  name = "/acme/rds/multi-az"
}

resource "aws_db_instance" "records" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = data.aws_ssm_parameter.multi_az.value
  ${phi}
}
`,
      errors: [{ messageId: "multiAzUnknown", status: "unknown", line: 8, column: 3, endLine: 8, endColumn: 57 }],
    },
  ],
});
