import { describe, expect, it } from "vitest";
import rule, { policyTls } from "../../../../src/rules/aws/elb/elb-listener-tls.js";
import { runCase, testRule } from "../../../support/rule-tester.js";

const alb = `resource "aws_lb" "portal" {
  name               = "portal"
  load_balancer_type = "application"
  internal           = true
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}
`;

const nlb = `resource "aws_lb" "api" {
  name               = "api"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}
`;

function https(policy: string | undefined, protocol = "HTTPS", lb = "portal"): string {
  return `resource "aws_lb_listener" "secure" {
  load_balancer_arn = aws_lb.${lb}.arn
  port              = 443
  protocol          = "${protocol}"${policy === undefined ? "" : `\n  ssl_policy        = "${policy}"`}
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/portal/0a1b2c3d"
  }
}
`;
}

testRule(rule, {
  valid: [
    {
      name: "the recommended TLS 1.3 policy",
      code: `${alb}\n${https("ELBSecurityPolicy-TLS13-1-2-2021-06")}`,
    },
    {
      name: "a TLS 1.2-only forward-secrecy policy",
      code: `${alb}\n${https("ELBSecurityPolicy-FS-1-2-Res-2020-10")}`,
    },
    {
      name: "a TLS listener on a network load balancer with a TLS 1.3-only policy",
      code: `${nlb}\n${https("ELBSecurityPolicy-TLS13-1-3-2021-06", "TLS", "api")}`,
    },
    {
      name: "HTTP and TCP listeners are not judged by this rule",
      code: `${nlb}
resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.api.arn
  port              = 5432

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/db/0a1b2c3d"
  }
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "ELBSecurityPolicy-2016-08 accepts TLS 1.0",
      code: `${alb}\n${https("ELBSecurityPolicy-2016-08")}`,
      errors: [{ messageId: "legacyTls", line: 12, column: 3, endLine: 12, endColumn: 50 }],
    },
    {
      name: "no ssl_policy: AWS's default ELBSecurityPolicy-2016-08",
      code: `${alb}\n${https(undefined)}`,
      errors: [
        { messageId: "legacyTls", line: 8, column: 1, endLine: 18, endColumn: 2, address: "aws_lb_listener.secure" },
      ],
    },
    {
      name: "a TLS 1.3 policy that still accepts TLS 1.1",
      code: `${alb}\n${https("ELBSecurityPolicy-TLS13-1-1-2021-06")}`,
      errors: [{ messageId: "legacyTls", line: 12, column: 3, endLine: 12, endColumn: 60 }],
    },
    {
      name: "ELBSecurityPolicy-TLS-1-1-2017-01",
      code: `${alb}\n${https("ELBSecurityPolicy-TLS-1-1-2017-01")}`,
      errors: [{ messageId: "legacyTls", line: 12, column: 3, endLine: 12, endColumn: 58 }],
    },
    {
      name: "a name that is no predefined policy",
      code: `${alb}\n${https("CorporatePolicy-2024")}`,
      errors: [{ messageId: "unrecognisedPolicy", line: 12, column: 3, endLine: 12, endColumn: 45 }],
    },
    {
      name: "the policy is known only after apply",
      code: `${alb}
data "aws_ssm_parameter" "policy" {
  name = "/acme/alb/policy"
}

resource "aws_lb_listener" "secure" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = data.aws_ssm_parameter.policy.value
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}
`,
      errors: [{ messageId: "policyUnknown", status: "unknown", line: 16, column: 3, endLine: 16, endColumn: 58 }],
    },
    {
      name: "a listener without protocol on a load balancer outside the configuration",
      code: `resource "aws_lb_listener" "secure" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/portal/0a1b2c3d"
  port              = 443

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/portal/0a1b2c3d"
  }
}
`,
      errors: [{ messageId: "protocolUnknown", status: "unknown", line: 1, column: 1, endLine: 9, endColumn: 2 }],
    },
  ],
});

describe("ELB security policy names", () => {
  it("reads the minimum TLS version and TLS 1.3 support from predefined names", () => {
    const names = [
      "ELBSecurityPolicy-TLS13-1-2-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
      "ELBSecurityPolicy-TLS13-1-0-2021-06",
      "ELBSecurityPolicy-FS-1-2-2019-08",
      "ELBSecurityPolicy-FS-1-1-2019-08",
      "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
      "ELBSecurityPolicy-TLS-1-0-2015-04",
      "ELBSecurityPolicy-FS-2018-06",
      "ELBSecurityPolicy-2015-05",
      "ELBSecurityPolicy-TLS13-9-9",
    ];
    expect(names.map((n) => `${n} ${JSON.stringify(policyTls(n) ?? null)}`)).toEqual([
      'ELBSecurityPolicy-TLS13-1-2-2021-06 {"minimum":"1.2","tls13":true}',
      'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 {"minimum":"1.2","tls13":true}',
      'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04 {"minimum":"1.3","tls13":true}',
      'ELBSecurityPolicy-TLS13-1-0-2021-06 {"minimum":"1.0","tls13":true}',
      'ELBSecurityPolicy-FS-1-2-2019-08 {"minimum":"1.2","tls13":false}',
      'ELBSecurityPolicy-FS-1-1-2019-08 {"minimum":"1.1","tls13":false}',
      'ELBSecurityPolicy-TLS-1-2-Ext-2018-06 {"minimum":"1.2","tls13":false}',
      'ELBSecurityPolicy-TLS-1-0-2015-04 {"minimum":"1.0","tls13":false}',
      'ELBSecurityPolicy-FS-2018-06 {"minimum":"1.0","tls13":false}',
      'ELBSecurityPolicy-2015-05 {"minimum":"1.0","tls13":false}',
      "ELBSecurityPolicy-TLS13-9-9 null",
    ]);
  });
});

describe("elb-listener-tls passes", () => {
  it("say whether the policy offers TLS 1.3 or only TLS 1.2", () => {
    const ids = ["ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS-1-2-2017-01"].map((policy, i) => {
      const { results } = runCase(rule, { name: policy, code: `${alb}\n${https(policy)}` }, 90 + i);
      return results.map((r) => `${r.status} ${r.messageId}`);
    });
    expect(ids).toEqual([["pass tls13"], ["pass tls12Only"]]);
  });
});
