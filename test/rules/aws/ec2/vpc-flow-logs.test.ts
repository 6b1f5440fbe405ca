import rule from "../../../../src/rules/aws/ec2/vpc-flow-logs.js";
import { testRule } from "../../../support/rule-tester.js";

const vpc = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`;

const encryptedGroup = `resource "aws_kms_key" "logs" {}

resource "aws_cloudwatch_log_group" "flow" {
  name       = "/acme/vpc-flow-logs"
  kms_key_id = aws_kms_key.logs.arn
}
`;

testRule(rule, {
  valid: [
    {
      name: "all traffic to a log group encrypted with a customer-managed key",
      code: `${vpc}
${encryptedGroup}
resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = "arn:aws:iam::111122223333:role/flow-logs"
}
`,
    },
    {
      name: "all traffic to S3",
      code: `${vpc}
resource "aws_s3_bucket" "flow" {
  bucket = "acme-flow-logs"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow.arn
}
`,
    },
    {
      name: "rejected traffic only, accepted by option (Security Hub EC2.6)",
      code: `${vpc}
${encryptedGroup}
resource "aws_flow_log" "main" {
  vpc_id         = aws_vpc.main.id
  traffic_type   = "REJECT"
  log_group_name = aws_cloudwatch_log_group.flow.name
}
`,
      options: { trafficTypes: ["ALL", "REJECT"] },
    },
    {
      name: "one qualifying flow log of two is enough",
      code: `${vpc}
${encryptedGroup}
resource "aws_flow_log" "rejects" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "REJECT"
  log_destination = aws_cloudwatch_log_group.flow.arn
}

resource "aws_flow_log" "all" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
}
`,
    },
  ],
  invalid: [
    {
      name: "a VPC without a flow log",
      code: vpc,
      errors: [{ messageId: "noFlowLog", line: 1, column: 1, endLine: 3, endColumn: 2, address: "aws_vpc.main" }],
    },
    {
      name: "the default VPC with a flow log on a subnet only",
      code: `resource "aws_default_vpc" "default" {}

resource "aws_subnet" "a" {
  vpc_id     = aws_default_vpc.default.id
  cidr_block = "172.31.0.0/20"
}

resource "aws_flow_log" "subnet" {
  subnet_id       = aws_subnet.a.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:us-east-1:111122223333:log-group:/acme/flow"
}
`,
      errors: [
        { messageId: "noFlowLog", line: 1, column: 1, endLine: 1, endColumn: 40, address: "aws_default_vpc.default" },
      ],
    },
    {
      name: "rejected traffic only",
      code: `${vpc}
${encryptedGroup}
resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "REJECT"
  log_destination = aws_cloudwatch_log_group.flow.arn
}
`,
      errors: [{ messageId: "trafficType", line: 14, column: 3, endLine: 14, endColumn: 29 }],
    },
    {
      name: "a log group without a KMS key",
      code: `${vpc}
resource "aws_cloudwatch_log_group" "flow" {
  name = "/acme/vpc-flow-logs"
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
}
`,
      errors: [{ messageId: "logGroupNotEncrypted", line: 5, column: 1, endLine: 7, endColumn: 2 }],
    },
    {
      name: "a log group outside the configuration",
      code: `${vpc}
resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:us-east-1:111122223333:log-group:/acme/flow"
}
`,
      errors: [{ messageId: "logGroupOutside", status: "unknown", line: 8, column: 3, endLine: 8, endColumn: 79 }],
    },
    {
      name: "delivery through Kinesis Data Firehose is not judged",
      code: `${vpc}
resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "kinesis-data-firehose"
  log_destination      = "arn:aws:firehose:us-east-1:111122223333:deliverystream/flow"
}
`,
      errors: [{ messageId: "destinationNotJudged", status: "unknown", line: 8, column: 3, endLine: 8, endColumn: 49 }],
    },
    {
      name: "a flow log whose count is known only after apply may not exist",
      code: `${vpc}
${encryptedGroup}
data "aws_ssm_parameter" "flow_logs" {
  name = "/acme/vpc/flow-logs"
}

resource "aws_flow_log" "main" {
  count           = tonumber(data.aws_ssm_parameter.flow_logs.value)
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
}
`,
      errors: [
        {
          messageId: "flowLogCountUnknown",
          status: "unknown",
          line: 16,
          column: 1,
          endLine: 21,
          endColumn: 2,
          address: "aws_vpc.main",
        },
      ],
    },
    {
      name: "a flow log whose VPC is known only after apply leaves the VPC undecided",
      code: `${vpc}
data "aws_vpc" "shared" {
  tags = { Name = "shared" }
}

resource "aws_flow_log" "shared" {
  vpc_id          = data.aws_vpc.shared.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:us-east-1:111122223333:log-group:/acme/flow"
}
`,
      errors: [
        {
          messageId: "flowLogTargetUnknown",
          status: "unknown",
          line: 1,
          column: 1,
          endLine: 3,
          endColumn: 2,
          address: "aws_vpc.main",
        },
      ],
    },
  ],
});
