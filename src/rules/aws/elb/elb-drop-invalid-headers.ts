import { defineRule } from "../../rule.js";
import { judge, show } from "../../support.js";

export default defineRule({
  id: "elb-drop-invalid-headers",
  meta: {
    title: "Application load balancers drop HTTP headers that are not valid",
    severity: "medium",
    service: "elb",
    scope: "all",
    messages: {
      dropped: "Application load balancer {{lb}} drops invalid HTTP header fields.",
      forwarded:
        "Application load balancer {{lb}} forwards invalid HTTP header fields to its targets (drop_invalid_header_fields is {{drop}}): an opening for request smuggling and header injection.",
      unknown: "Whether application load balancer {{lb}} drops invalid header fields is known only after apply.",
      typeUnknown: "The type of load balancer {{lb}} is known only after apply.",
    },
    remediation: {
      text: "Set drop_invalid_header_fields = true on application load balancers.",
      hcl: `resource "aws_lb" "this" {
  # ...
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
}`,
    },
    docs: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes",
    defaultOptions: {},
  },
  check(context) {
    // Only application load balancers parse HTTP headers; network and gateway load balancers are not judged.
    for (const lb of context.model.loadBalancers) {
      const type = lb.loadBalancerType;
      const data = { lb: lb.address };
      if (type.origin === "unknown") {
        context.unknown(lb, "typeUnknown", data, type.range);
        continue;
      }
      if (type.value !== "application") continue;
      const leaf = lb.dropInvalidHeaderFields;
      const status = judge(leaf, (value) => value === true);
      const messageId = status === "pass" ? "dropped" : status === "fail" ? "forwarded" : "unknown";
      context.report(status, lb, messageId, { ...data, drop: show(leaf) }, leaf.range);
    }
  },
});
