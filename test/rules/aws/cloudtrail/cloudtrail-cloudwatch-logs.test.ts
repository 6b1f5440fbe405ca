import rule from "../../../../src/rules/aws/cloudtrail/cloudtrail-cloudwatch-logs.js";
import { testRule } from "../../../support/rule-tester.js";
import { trail, trailBucket } from "./trail-cases.js";

const delivery = `resource "aws_cloudwatch_log_group" "trail" {
  name = "/aws/cloudtrail/main"
}
resource "aws_iam_role" "delivery" {
  name               = "trail-to-logs"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "cloudtrail.amazonaws.com" } }] })
}
`;

testRule(rule, {
  valid: [
    {
      name: "log group and role of the configuration",
      code:
        trailBucket +
        delivery +
        trail(
          "main",
          'cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"',
          "cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn",
        ),
    },
    {
      name: "literal ARNs of a group and role managed elsewhere",
      code:
        trailBucket +
        trail(
          "main",
          'cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/org/trail:*"',
          'cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail-to-logs"',
        ),
    },
  ],
  invalid: [
    {
      name: "no delivery to CloudWatch Logs",
      code: trailBucket + trail("main"),
      errors: [
        { messageId: "noLogGroup", line: 4, column: 1, endLine: 7, endColumn: 2, address: "aws_cloudtrail.main" },
      ],
    },
    {
      name: "a log group without a role",
      code:
        trailBucket +
        delivery +
        trail("main", 'cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"'),
      errors: [{ messageId: "noRole", line: 11, column: 1, endLine: 15, endColumn: 2 }],
    },
    {
      name: "an empty log group ARN",
      code:
        trailBucket +
        delivery +
        trail("main", 'cloud_watch_logs_group_arn = ""', "cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn"),
      errors: [{ messageId: "noLogGroup", line: 14, column: 3, endLine: 14, endColumn: 34 }],
    },
  ],
});
