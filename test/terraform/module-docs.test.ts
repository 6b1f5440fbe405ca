import { describe, expect, it } from "vitest";
import { parse } from "../../src/hcl/parser.js";
import { renderControlsTable, renderModuleDocs, updateReadme } from "../../src/terraform/module-docs.js";

function docs(files: Record<string, string>): string {
  return renderModuleDocs(
    Object.entries(files).map(([path, text]) => {
      const source = new TextEncoder().encode(text);
      return { file: parse(source, path).file, source };
    }),
  );
}

describe("module docs", () => {
  it("renders requirements, inputs sorted by name, and outputs", () => {
    expect(
      docs({
        "variables.tf": `variable "zeta" {
  description = "Last | with a pipe."
  type = map(object({
    name = string
    days = optional(number, 30)
  }))
  default = {}
}
variable "alpha" {
  description = <<-EOT
    Spans
    lines.
  EOT
  type        = list(string)
}
`,
        "outputs.tf": `output "arn" {
  description = "The ARN."
  value       = "x"
}
output "secret" {
  description = "A secret."
  value       = "y"
  sensitive   = true
}
`,
        "versions.tf": `terraform {
  required_version = ">= 1.10"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}
`,
      }),
    ).toBe(`## Requirements

| Name | Version |
|------|---------|
| terraform | >= 1.10 |
| aws (hashicorp/aws) | >= 6.0 |

## Inputs

| Name | Description | Type | Default | Required |
|------|-------------|------|---------|:--------:|
| alpha | Spans lines. | \`list(string)\` | n/a | yes |
| zeta | Last \\| with a pipe. | \`map(object({ name = string, days = optional(number, 30) }))\` | \`{}\` | no |

## Outputs

| Name | Description |
|------|-------------|
| arn | The ARN. |
| secret | A secret. (sensitive) |`);
  });

  it("replaces only the text between the markers", () => {
    const readme = "# m\n\nintro\n<!-- BEGIN_PHIFORM_DOCS -->\nold\n<!-- END_PHIFORM_DOCS -->\n\nmore\n";
    expect(updateReadme(readme, "new")).toBe(
      "# m\n\nintro\n<!-- BEGIN_PHIFORM_DOCS -->\nnew\n<!-- END_PHIFORM_DOCS -->\n\nmore\n",
    );
    expect(updateReadme("# no markers\n", "new")).toBeUndefined();
  });
});

describe("proven controls table", () => {
  it("lists each rule once, sorted, with its controls", () => {
    const controls = { hipaa: ["164.312(b)"], hitrust: ["09.aa"], nist: ["AU-2", "AU-12"] };
    expect(
      renderControlsTable([
        { ruleId: "vpc-flow-logs", title: "VPCs | log", controls },
        { ruleId: "cloudtrail-multi-region", title: "One trail", controls },
      ]),
    ).toBe(
      [
        "| Rule | Checks | HIPAA | HITRUST | NIST SP 800-53 |",
        "|------|--------|-------|---------|----------------|",
        "| `cloudtrail-multi-region` | One trail | 164.312(b) | 09.aa | AU-2, AU-12 |",
        "| `vpc-flow-logs` | VPCs \\| log | 164.312(b) | 09.aa | AU-2, AU-12 |",
      ].join("\n"),
    );
    expect(renderControlsTable([])).toBe("No phiform rule judges this module's resources in the example.");
  });
});
