import rule from "../../../../src/rules/aws/elb/elb-drop-invalid-headers.js";
import { testRule } from "../../../support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "an application load balancer dropping invalid headers",
      code: `resource "aws_lb" "portal" {
  name                       = "portal"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
  drop_invalid_header_fields = true
}
`,
    },
    {
      name: "application is the default type (aws_alb)",
      code: `resource "aws_alb" "portal" {
  name                       = "portal"
  subnets                    = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
  drop_invalid_header_fields = true
}
`,
    },
    {
      name: "network load balancers are not judged",
      code: `resource "aws_lb" "api" {
  name               = "api"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "not set",
      code: `resource "aws_lb" "portal" {
  name    = "portal"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}
`,
      errors: [{ messageId: "forwarded", line: 1, column: 1, endLine: 4, endColumn: 2, address: "aws_lb.portal" }],
    },
    {
      name: "drop_invalid_header_fields = false",
      code: `resource "aws_lb" "portal" {
  name                       = "portal"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
  drop_invalid_header_fields = false
}
`,
      errors: [{ messageId: "forwarded", line: 5, column: 3, endLine: 5, endColumn: 37 }],
    },
    {
      name: "known only after apply",
      code: `data "aws_ssm_parameter" "drop" {
  name = "/acme/alb/drop-invalid-headers"
}

resource "aws_lb" "portal" {
  name                       = "portal"
  subnets                    = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
  drop_invalid_header_fields = data.aws_ssm_parameter.drop.value
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 8, column: 3, endLine: 8, endColumn: 65 }],
    },
    {
      name: "the type known only after apply",
      code: `data "aws_ssm_parameter" "type" {
  name = "/acme/lb/type"
}

resource "aws_lb" "portal" {
  name                       = "portal"
  load_balancer_type         = data.aws_ssm_parameter.type.value
  subnets                    = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
  drop_invalid_header_fields = true
}
`,
      errors: [{ messageId: "typeUnknown", status: "unknown", line: 7, column: 3, endLine: 7, endColumn: 65 }],
    },
  ],
});
