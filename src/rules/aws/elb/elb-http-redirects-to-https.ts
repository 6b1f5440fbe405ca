import { defineRule } from "../../rule.js";
import { show } from "../../support.js";

export default defineRule({
  id: "elb-http-redirects-to-https",
  meta: {
    title: "HTTP listeners only redirect to HTTPS",
    severity: "high",
    service: "elb",
    scope: "all",
    messages: {
      redirects: "HTTP listener {{listener}} redirects every request to HTTPS.",
      notRedirect:
        "HTTP listener {{listener}} answers with a {{type}} action instead of a redirect to HTTPS: requests and responses, PHI included, cross the network in plain text.",
      redirectNotHttps:
        "HTTP listener {{listener}} redirects to protocol {{redirectProtocol}}, not HTTPS: clients stay on plain HTTP.",
      redirectUnknown: "The protocol HTTP listener {{listener}} redirects to is known only after apply.",
      actionUnknown: "The default action of HTTP listener {{listener}} is known only after apply.",
      protocolUnknown:
        "The protocol of listener {{listener}} is known only after apply (or its load balancer is outside this configuration), so whether it serves plain HTTP cannot be told.",
    },
    remediation: {
      text: "Make the HTTP listener's default action a redirect to HTTPS (port 443, HTTP_301), and serve the application only on the HTTPS listener.",
      hcl: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions",
    defaultOptions: {},
  },
  check(context) {
    for (const listener of context.model.listeners) {
      const protocol = listener.protocol;
      const data = { listener: listener.address };
      if (protocol.origin === "unknown" || protocol.value === undefined) {
        context.unknown(listener, "protocolUnknown", data, protocol.range);
        continue;
      }
      if (protocol.value !== "HTTP") continue;
      const actions = listener.defaultActions;
      const redirect = actions.find((a) => a.type.origin !== "unknown" && a.type.value === "redirect");
      if (redirect) {
        const target = redirect.redirectProtocol;
        // The default "#{protocol}" keeps the request's protocol: HTTP.
        const to = target.value === "#{protocol}" ? "HTTP (#{protocol})" : show(target);
        if (target.origin === "unknown") context.unknown(listener, "redirectUnknown", data, target.range);
        else if (target.value === "HTTPS") context.pass(listener, "redirects", data, target.range);
        else context.fail(listener, "redirectNotHttps", { ...data, redirectProtocol: to }, target.range);
        continue;
      }
      const unknown = actions.find((a) => a.type.origin === "unknown");
      if (unknown) {
        context.unknown(listener, "actionUnknown", data, unknown.type.range);
        continue;
      }
      // The action that answers: the first that is not an authentication step.
      const answering = actions.find((a) => !a.type.value?.startsWith("authenticate-")) ?? actions[0];
      const at = answering?.type.range ?? listener.range;
      context.fail(listener, "notRedirect", { ...data, type: answering ? show(answering.type) : "(none)" }, at);
    }
  },
});
