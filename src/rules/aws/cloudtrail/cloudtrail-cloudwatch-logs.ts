import { defineRule } from "../../rule.js";

export default defineRule({
  id: "cloudtrail-cloudwatch-logs",
  meta: {
    title: "Trails deliver events to CloudWatch Logs, where metric filters and alarms watch them",
    severity: "medium",
    service: "cloudtrail",
    scope: "all",
    messages: {
      delivered: "Trail {{trail}} delivers its events to CloudWatch Logs with a delivery role.",
      noLogGroup:
        "Trail {{trail}} has no cloud_watch_logs_group_arn: its events reach no metric filter, so no alarm can fire on them.",
      noRole:
        "Trail {{trail}} names a log group but no cloud_watch_logs_role_arn: CloudTrail cannot deliver to CloudWatch Logs without a role.",
    },
    remediation: {
      text: "Set cloud_watch_logs_group_arn (the log group's ARN followed by :*) and cloud_watch_logs_role_arn (a role CloudTrail assumes, allowed logs:CreateLogStream and logs:PutLogEvents on that group).",
      hcl: `resource "aws_cloudtrail" "this" {
  # ...
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_cloudwatch.arn
}`,
    },
    docs: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
    defaultOptions: {},
  },
  check(context) {
    // The requirement is that both are given; a value known only after apply (a resource's ARN) is given.
    const written = (leaf: { origin: string; value: string | undefined }) =>
      leaf.origin === "unknown" || (leaf.value !== undefined && leaf.value !== "");
    for (const trail of context.model.trails) {
      const data = { trail: trail.address };
      const group = trail.cloudWatchLogsGroupArn;
      const role = trail.cloudWatchLogsRoleArn;
      if (!written(group)) context.fail(trail, "noLogGroup", data, group.range);
      else if (!written(role)) context.fail(trail, "noRole", data, role.range);
      else context.pass(trail, "delivered", data, group.range);
    }
  },
});
