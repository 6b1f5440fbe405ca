import { describe, expect, it } from "vitest";
import { Sensitive } from "../../src/hcl/value.js";
import { attr, diags, graphOf, json, span } from "./fixture.js";

const declaration = `variable "name" {\n  type    = string\n  default = "from-default"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n`;

describe("variable values and their precedence", () => {
  const cases: {
    readonly name: string;
    readonly files?: Record<string, string>;
    readonly env?: Record<string, string>;
    readonly varFiles?: string[];
    readonly vars?: [string, string][];
    readonly expected: string;
    readonly range: string;
  }[] = [
    { name: "declaration default", expected: "from-default", range: "main.tf:3:13-3:27" },
    { name: "TF_VAR_ environment", env: { TF_VAR_name: "from-env" }, expected: "from-env", range: "main.tf:1:1-1:16" },
    {
      name: "terraform.tfvars over the environment",
      env: { TF_VAR_name: "from-env" },
      files: { "terraform.tfvars": `name = "from-tfvars"\n` },
      expected: "from-tfvars",
      range: "terraform.tfvars:1:8-1:21",
    },
    {
      name: "terraform.tfvars.json over terraform.tfvars",
      files: { "terraform.tfvars": `name = "from-tfvars"\n`, "terraform.tfvars.json": `{"name": "from-json"}` },
      expected: "from-json",
      range: "terraform.tfvars.json:1:10-1:21",
    },
    {
      name: "*.auto.tfvars in lexical order over terraform.tfvars.json",
      files: {
        "terraform.tfvars.json": `{"name": "from-json"}`,
        "b.auto.tfvars": `name = "from-b"\n`,
        "a.auto.tfvars.json": `{"name": "from-a"}`,
      },
      expected: "from-b",
      range: "b.auto.tfvars:1:8-1:16",
    },
    {
      name: "--var-file over auto files",
      files: { "x.auto.tfvars": `name = "from-auto"\n`, "prod.tfvars": `name = "from-var-file"\n` },
      varFiles: ["/cfg/prod.tfvars"],
      expected: "from-var-file",
      range: "prod.tfvars:1:8-1:23",
    },
    {
      name: "--var over everything",
      files: { "prod.tfvars": `name = "from-var-file"\n` },
      varFiles: ["/cfg/prod.tfvars"],
      env: { TF_VAR_name: "from-env" },
      vars: [
        ["name", "first"],
        ["name", "from-var"],
      ],
      expected: "from-var",
      range: "main.tf:1:1-1:16",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const g = graphOf(
        { "main.tf": declaration, ...c.files },
        { env: c.env ?? {}, varFiles: c.varFiles ?? [], vars: c.vars ?? [] },
      );
      expect(diags(g)).toEqual([]);
      expect(attr(g, "aws_s3_bucket.b", "bucket").value).toBe(c.expected);
      // Where the name's value came from is where a failing validation on it points.
      const named = graphOf(
        {
          "main.tf": declaration.replace(
            '  default = "from-default"\n',
            '  default = "from-default"\n  validation {\n    condition     = var.name == "never"\n    error_message = "Name must be never."\n  }\n',
          ),
          ...c.files,
        },
        { env: c.env ?? {}, varFiles: c.varFiles ?? [], vars: c.vars ?? [] },
      );
      expect(named.diagnostics.map((d) => `${span(d.range)} ${d.summary}`)).toEqual([
        `${c.range} Invalid value for variable`,
      ]);
    });
  }

  it("parses command-line and environment values by the variable's type", () => {
    const g = graphOf(
      {
        "main.tf": `variable "tags" {\n  type = map(string)\n}\nvariable "count_" {\n  type = number\n}\nvariable "raw" {}\nresource "null_resource" "r" {\n  triggers = { t = var.tags.a, c = var.count_ + 1, r = var.raw }\n}\n`,
      },
      { vars: { tags: '{ a = "x" }', count_: "41" }, env: { TF_VAR_raw: "[1, 2]" } },
    );
    expect(diags(g)).toEqual([]);
    expect(json(attr(g, "null_resource.r", "triggers").value)).toEqual({ t: "x", c: 42, r: "[1, 2]" });
  });

  it("warns about a tfvars value for an undeclared variable and rejects a --var for one", () => {
    const g = graphOf({ "main.tf": declaration, "terraform.tfvars": `nam = "typo"\n` }, { vars: { other: "x" } });
    expect(diags(g)).toEqual([
      "error /cfg:1:1-1:1 Value for undeclared variable",
      "warning terraform.tfvars:1:1-1:4 Value for undeclared variable",
    ]);
  });
});

describe("type constraints", () => {
  it("reports an invalid type constraint once, also when a value is given on the command line", () => {
    const files = { "main.tf": `variable "x" {\n  type = strin\n}\noutput "x" {\n  value = var.x\n}\n` };
    const given = diags(graphOf(files, { vars: { x: "a" } }));
    expect(given).toEqual(diags(graphOf(files, { env: { TF_VAR_x: "a" } })));
    expect(given.filter((d) => d.startsWith("error main.tf:2:"))).toHaveLength(1);
  });

  it("applies optional() attribute defaults", () => {
    const g = graphOf({
      "main.tf": [
        `variable "lock" {`,
        `  type = object({`,
        `    mode = optional(string, "GOVERNANCE")`,
        `    days = number`,
        `  })`,
        `  default = { days = 30 }`,
        `}`,
        `resource "null_resource" "r" {`,
        `  triggers = var.lock`,
        `}`,
      ].join("\n"),
    });
    expect(diags(g)).toEqual([]);
    expect(json(attr(g, "null_resource.r", "triggers").value)).toEqual({ days: 30, mode: "GOVERNANCE" });
  });

  it("reports a value of the wrong type at the value, and makes the variable unknown", () => {
    const g = graphOf({
      "main.tf": `variable "days" {\n  type = number\n}\nresource "null_resource" "r" {\n  triggers = { d = var.days }\n}\n`,
      "terraform.tfvars": `days = "thirty"\n`,
    });
    expect(diags(g)).toEqual(["error terraform.tfvars:1:8-1:16 Invalid value for input variable"]);
    expect(g.diagnostics[0]?.detail).toBe(
      "The given value is not suitable for var.days declared at /cfg/main.tf:1:1: a number is required.",
    );
    expect(json(attr(g, "null_resource.r", "triggers").value)).toEqual({ d: { unknown: ["var.days"] } });
  });

  it("reports a module argument of the wrong type at the argument", () => {
    const g = graphOf({
      "main.tf": `module "m" {\n  source = "./m"\n  flags  = "not a list"\n}\n`,
      "m/main.tf": `variable "flags" {\n  type = list(bool)\n}\n`,
    });
    expect(diags(g)).toEqual(["error main.tf:3:12-3:24 Invalid value for input variable"]);
  });
});

describe("required variables, validation and sensitivity", () => {
  it("reports a missing required root variable at its declaration; its value is unknown", () => {
    const g = graphOf({
      "main.tf": `variable "region" {\n  type = string\n}\nprovider "aws" {\n  region = var.region\n}\n`,
    });
    expect(diags(g)).toEqual(["error main.tf:1:1-1:18 No value for required variable"]);
    expect(json(g.providers[0]?.body.attributes.region?.value ?? null)).toEqual({ unknown: ["var.region"] });
  });

  it("reports a failing validation with its error_message, at the given value", () => {
    const g = graphOf({
      "main.tf": [
        `variable "retention_days" {`,
        `  type = number`,
        `  validation {`,
        `    condition     = var.retention_days >= 365`,
        `    error_message = "Retention must be at least 365 days (HIPAA)."`,
        `  }`,
        `}`,
        `module "m" {`,
        `  source = "./m"`,
        `  days   = 7`,
        `}`,
      ].join("\n"),
      "m/main.tf": `variable "days" {\n  validation {\n    condition     = var.days > 10\n    error_message = "Days must exceed \${10}."\n  }\n}\n`,
      "terraform.tfvars": `retention_days = 30\n`,
    });
    expect(diags(g)).toEqual([
      "error main.tf:10:12-10:13 Invalid value for variable",
      "error terraform.tfvars:1:18-1:20 Invalid value for variable",
    ]);
    expect(g.diagnostics.map((d) => d.detail.split("\n")[0])).toEqual([
      "Days must exceed 10.",
      "Retention must be at least 365 days (HIPAA).",
    ]);
  });

  it("evaluates what depends on a variable that failed validation as unknown, so only that rule is reported", () => {
    // Terraform skips everything downstream of a failed validation: the child module's own rule on the same value,
    // and the resource, are never evaluated with the rejected value.
    const g = graphOf({
      "main.tf": [
        `variable "account_id" {`,
        `  validation {`,
        `    condition     = can(regex("^[0-9]{12}$", var.account_id))`,
        `    error_message = "A 12-digit account id."`,
        `  }`,
        `}`,
        `module "m" {`,
        `  source = "./m"`,
        `  arn    = "arn:aws:iam::\${var.account_id}:root"`,
        `}`,
        `resource "aws_s3_bucket" "b" {`,
        `  bucket = "logs-\${var.account_id}"`,
        `}`,
      ].join("\n"),
      "m/main.tf": `variable "arn" {\n  validation {\n    condition     = can(regex("::[0-9]{12}:", var.arn))\n    error_message = "An IAM ARN."\n  }\n}\n`,
      "terraform.tfvars": `account_id = "1234"\n`,
    });
    expect(diags(g)).toEqual(["error terraform.tfvars:1:14-1:20 Invalid value for variable"]);
    expect(g.diagnostics[0]?.detail).toBe(
      "A 12-digit account id.\n\nThis was checked by the validation rule at /cfg/main.tf:2:3.",
    );
    expect(json(attr(g, "aws_s3_bucket.b", "bucket").value)).toEqual({ unknown: ["var.account_id"] });
  });

  it("passes a validation that holds and skips one whose value is unknown", () => {
    const g = graphOf({
      "main.tf": `variable "arn" {\n  validation {\n    condition     = startswith(var.arn, "arn:")\n    error_message = "An ARN."\n  }\n}\nmodule "m" {\n  source = "./m"\n  arn    = aws_kms_key.k.arn\n}\nresource "aws_kms_key" "k" {}\n`,
      "m/main.tf": `variable "arn" {\n  validation {\n    condition     = length(var.arn) > 4\n    error_message = "An ARN."\n  }\n}\n`,
      "terraform.tfvars": `arn = "arn:aws:kms:us-east-1:111122223333:key/x"\n`,
    });
    expect(diags(g)).toEqual([]);
  });

  it("marks sensitive variables, and the mark propagates into expressions", () => {
    const g = graphOf({
      "main.tf": `variable "secret" {\n  default   = "s3cr3t"\n  sensitive = true\n}\nresource "aws_ssm_parameter" "p" {\n  value = "prefix-\${var.secret}"\n}\n`,
    });
    const v = attr(g, "aws_ssm_parameter.p", "value").value;
    expect(v).toBeInstanceOf(Sensitive);
    expect((v as Sensitive).value).toBe("prefix-s3cr3t");
  });
});

describe("sensitive values are never exposed", () => {
  it("does not print a validation message derived from a sensitive value", () => {
    const g = graphOf({
      "main.tf": `variable "token" {\n  default   = "hunter2"\n  sensitive = true\n  validation {\n    condition     = length(var.token) > 10\n    error_message = "Bad token \${var.token}."\n  }\n}\n`,
    });
    expect(diags(g)).toEqual(["error main.tf:2:15-2:24 Invalid value for variable"]);
    expect(g.diagnostics[0]?.detail).not.toContain("hunter2");
    expect(g.diagnostics[0]?.detail.split("\n")[0]).toBe(
      "The error message of this validation rule refers to a sensitive value; it is not shown.",
    );
  });

  it("does not turn sensitive for_each keys into instance addresses", () => {
    const g = graphOf({
      "main.tf": `variable "users" {\n  default   = ["alice"]\n  sensitive = true\n}\nresource "aws_iam_user" "u" {\n  for_each = toset(var.users)\n  name     = each.key\n}\n`,
    });
    expect(diags(g)).toEqual(["error main.tf:6:14-6:30 Invalid for_each argument"]);
    expect(g.instances.map((i) => i.address)).toEqual(["aws_iam_user.u[*]"]);
  });
});
