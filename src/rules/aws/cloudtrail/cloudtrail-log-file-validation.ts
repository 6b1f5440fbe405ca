import { defineRule } from "../../rule.js";
import { judge, show } from "../../support.js";

export default defineRule({
  id: "cloudtrail-log-file-validation",
  meta: {
    title: "Trails write signed digest files so tampering with logs is detectable",
    severity: "high",
    service: "cloudtrail",
    scope: "all",
    messages: {
      enabled: "Trail {{trail}} validates its log files (digest files are delivered).",
      disabled: "Log file validation of trail {{trail}} is {{value}}: deleted or altered log files cannot be detected.",
      unknown: "Log file validation of trail {{trail}} is known only after apply.",
    },
    remediation: {
      text: "Set enable_log_file_validation = true on the trail.",
      hcl: `resource "aws_cloudtrail" "this" {
  # ...
  enable_log_file_validation = true
}`,
    },
    docs: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
    defaultOptions: {},
  },
  check(context) {
    for (const trail of context.model.trails) {
      const leaf = trail.enableLogFileValidation;
      const verdict = judge(leaf, (v) => v === true);
      const messageId = verdict === "pass" ? "enabled" : verdict === "fail" ? "disabled" : "unknown";
      context.report(verdict, trail, messageId, { trail: trail.address, value: show(leaf) }, leaf.range);
    }
  },
});
