import { defineRule } from "../../rule.js";
import { judge, show } from "../../support.js";

export default defineRule({
  id: "cloudtrail-global-service-events",
  meta: {
    title: "Trails record events of global services (IAM, STS, CloudFront)",
    severity: "medium",
    service: "cloudtrail",
    scope: "all",
    messages: {
      included: "Trail {{trail}} records events of global services such as IAM.",
      excluded:
        "Trail {{trail}} has include_global_service_events = {{value}}: IAM and STS activity (who got access to PHI) is not recorded.",
      unknown: "Whether trail {{trail}} records global service events is known only after apply.",
    },
    remediation: {
      text: "Remove include_global_service_events = false (the default is true) or set it to true.",
      hcl: `resource "aws_cloudtrail" "this" {
  # ...
  is_multi_region_trail         = true
  include_global_service_events = true
}`,
    },
    docs: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events",
    defaultOptions: {},
  },
  check(context) {
    for (const trail of context.model.trails) {
      const leaf = trail.includeGlobalServiceEvents;
      const verdict = judge(leaf, (v) => v === true);
      const messageId = verdict === "pass" ? "included" : verdict === "fail" ? "excluded" : "unknown";
      context.report(verdict, trail, messageId, { trail: trail.address, value: show(leaf) }, leaf.range);
    }
  },
});
