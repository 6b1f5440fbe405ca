import { defineRule } from "../../rule.js";
import { show } from "../../support.js";

/** The lowest TLS version a predefined ELB security policy accepts, and whether it offers TLS 1.3. */
interface PolicyTls {
  readonly minimum: "1.0" | "1.1" | "1.2" | "1.3";
  readonly tls13: boolean;
}

/**
 * Predefined policies by name (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html):
 * `ELBSecurityPolicy-TLS13-1-N-*` (TLS 1.3 with minimum 1.N: 2021-06, Res, Ext*, FIPS, PQ variants),
 * `-FS-1-N-*` and `-TLS-1-N-*` (minimum 1.N, no TLS 1.3), and the dated `-2016-08`, `-2015-05`, `-FS-2018-06` (TLS 1.0).
 */
export function policyTls(name: string): PolicyTls | undefined {
  const tls13 = /^ELBSecurityPolicy-TLS13-1-([0-3])-/.exec(name);
  if (tls13) return { minimum: `1.${tls13[1]}` as PolicyTls["minimum"], tls13: true };
  const versioned = /^ELBSecurityPolicy-(?:FS-|TLS-)1-([0-2])-/.exec(name);
  if (versioned) return { minimum: `1.${versioned[1]}` as PolicyTls["minimum"], tls13: false };
  if (/^ELBSecurityPolicy-(?:FS-)?\d{4}-\d{2}$/.test(name)) return { minimum: "1.0", tls13: false };
  return undefined;
}

export default defineRule({
  id: "elb-listener-tls",
  meta: {
    title: "HTTPS and TLS listeners accept only TLS 1.2 or newer",
    severity: "high",
    service: "elb",
    scope: "all",
    messages: {
      tls13: "Listener {{listener}} uses {{policy}}: TLS {{minimum}} or newer, with TLS 1.3.",
      tls12Only:
        "Listener {{listener}} uses {{policy}}: TLS 1.2 only. ELBSecurityPolicy-TLS13-1-2-2021-06 adds TLS 1.3 and is recommended.",
      legacyTls:
        "Listener {{listener}} uses {{policy}}{{defaulted}}, which still accepts TLS {{minimum}}: PHI in transit is protected by protocol versions with known weaknesses (164.312(e)(1)).",
      unrecognisedPolicy:
        "Listener {{listener}} uses {{policy}}, which is not a predefined ELB security policy known to accept only TLS 1.2 or newer.",
      policyUnknown: "The security policy of {{protocol}} listener {{listener}} is known only after apply.",
      protocolUnknown:
        "The protocol of listener {{listener}} is known only after apply (or its load balancer is outside this configuration), so whether it needs TLS cannot be told.",
    },
    remediation: {
      text: "Use ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.3 and 1.2) or another TLS13-1-2/TLS13-1-3, FS-1-2 or TLS-1-2 policy on every HTTPS and TLS listener.",
      hcl: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.this.arn
  # ...
}`,
    },
    docs: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
    defaultOptions: {},
  },
  check(context) {
    // HTTP listeners: elb-http-redirects-to-https. TCP/UDP listeners pass traffic through unterminated.
    for (const listener of context.model.listeners) {
      const protocol = listener.protocol;
      const data = { listener: listener.address, protocol: show(protocol) };
      if (protocol.origin === "unknown" || protocol.value === undefined) {
        context.unknown(listener, "protocolUnknown", data, protocol.range);
        continue;
      }
      if (protocol.value !== "HTTPS" && protocol.value !== "TLS") continue;
      const policy = listener.sslPolicy;
      if (policy.origin === "unknown" || policy.value === undefined) {
        context.unknown(listener, "policyUnknown", data, policy.range);
        continue;
      }
      const policyData = {
        ...data,
        policy: policy.value,
        defaulted: policy.origin === "default" ? " (AWS's default when no ssl_policy is given)" : "",
      };
      const tls = policyTls(policy.value);
      if (!tls) {
        context.fail(listener, "unrecognisedPolicy", policyData, policy.range);
        continue;
      }
      const tlsData = { ...policyData, minimum: tls.minimum };
      if (tls.minimum === "1.0" || tls.minimum === "1.1") context.fail(listener, "legacyTls", tlsData, policy.range);
      else context.pass(listener, tls.tls13 ? "tls13" : "tls12Only", tlsData, policy.range);
    }
  },
});
