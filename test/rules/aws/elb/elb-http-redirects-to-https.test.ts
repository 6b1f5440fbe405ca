import rule from "../../../../src/rules/aws/elb/elb-http-redirects-to-https.js";
import { testRule } from "../../../support/rule-tester.js";

const alb = `resource "aws_lb" "portal" {
  name               = "portal"
  load_balancer_type = "application"
  internal           = true
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}
`;

const targetGroup = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/portal/0a1b2c3d";

testRule(rule, {
  valid: [
    {
      name: "a redirect to HTTPS",
      code: `${alb}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
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
}
`,
    },
    {
      name: "the default protocol of an application load balancer's listener is HTTP",
      code: `${alb}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80

  default_action {
    type = "redirect"

    redirect {
      protocol    = "HTTPS"
      status_code = "HTTP_302"
    }
  }
}
`,
    },
    {
      name: "HTTPS listeners are not judged by this rule",
      code: `${alb}
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d"

  default_action {
    type             = "forward"
    target_group_arn = "${targetGroup}"
  }
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "plain HTTP forwarded to the application",
      code: `${alb}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = "${targetGroup}"
  }
}
`,
      errors: [
        { messageId: "notRedirect", line: 14, column: 5, endLine: 14, endColumn: 33, address: "aws_lb_listener.http" },
      ],
    },
    {
      name: "a redirect that keeps the protocol (#{protocol} by default)",
      code: `${alb}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      host        = "portal.example.com"
      status_code = "HTTP_301"
    }
  }
}
`,
      errors: [{ messageId: "redirectNotHttps", line: 16, column: 5, endLine: 19, endColumn: 6 }],
    },
    {
      name: "a redirect to HTTP",
      code: `${alb}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      protocol    = "HTTP"
      port        = "8080"
      status_code = "HTTP_301"
    }
  }
}
`,
      errors: [{ messageId: "redirectNotHttps", line: 17, column: 7, endLine: 17, endColumn: 27 }],
    },
    {
      name: "authentication, then forward, over HTTP",
      code: `${alb}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "authenticate-oidc"

    authenticate_oidc {
      authorization_endpoint = "https://idp.example.com/authorize"
      client_id              = "portal"
      client_secret          = "not-a-real-secret"
      issuer                 = "https://idp.example.com"
      token_endpoint         = "https://idp.example.com/token"
      user_info_endpoint     = "https://idp.example.com/userinfo"
    }
  }

  default_action {
    type             = "forward"
    target_group_arn = "${targetGroup}"
  }
}
`,
      errors: [{ messageId: "notRedirect", line: 27, column: 5, endLine: 27, endColumn: 33 }],
    },
    {
      name: "a fixed response over HTTP",
      code: `${alb}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Use HTTPS"
      status_code  = "403"
    }
  }
}
`,
      errors: [{ messageId: "notRedirect", line: 14, column: 5, endLine: 14, endColumn: 28 }],
    },
  ],
});
