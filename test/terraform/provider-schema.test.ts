import { describe, expect, it } from "vitest";
import { parse } from "../../src/hcl/parser.js";
import { checkProviderSchema, readProviderSchema } from "../../src/terraform/provider-schema.js";

const schema = readProviderSchema({
  provider_schemas: {
    "registry.terraform.io/hashicorp/aws": {
      resource_schemas: {
        aws_thing: {
          block: {
            attributes: {
              name: { type: "string", required: true },
              arn: { type: "string", computed: true },
              size: { type: "number", optional: true, computed: true },
              old: { type: "string", optional: true, deprecated: true },
              tags: { type: ["map", "string"], optional: true },
            },
            block_types: {
              rule: {
                nesting_mode: "list",
                max_items: 2,
                min_items: 1,
                block: { attributes: { id: { type: "string", required: true } } },
              },
              settings: { nesting_mode: "single", block: { attributes: { mode: { type: "string", optional: true } } } },
            },
          },
        },
      },
      data_source_schemas: { aws_lookup: { block: { attributes: { id: { type: "string", optional: true } } } } },
    },
  },
});

function check(source: string) {
  const { file } = parse(source, "main.tf");
  return checkProviderSchema(file, schema).map((d) => ({
    severity: d.severity,
    summary: d.summary,
    at: `${d.range.start.line}:${d.range.start.column}`,
  }));
}

describe("provider schema check", () => {
  it("accepts valid blocks, meta-arguments, dynamic blocks and other providers", () => {
    expect(
      check(`resource "aws_thing" "a" {
  count = 1
  name  = "x"
  size  = 2
  dynamic "rule" {
    for_each = ["a"]
    content {
      id = rule.value
    }
  }
  lifecycle {
    prevent_destroy = true
  }
}
data "aws_lookup" "b" {}
resource "random_id" "c" {
  whatever = 1
}
`),
    ).toEqual([]);
  });

  it("reports unknown types, arguments and blocks, computed and missing arguments, nesting limits", () => {
    expect(
      check(`resource "aws_thing" "a" {
  arn   = "x"
  color = "red"
  old   = "y"
  rule {
    id = "1"
  }
  rule {
    id = "2"
  }
  rule {
  }
  settings {}
  settings {}
  tags {}
}
resource "aws_nothing" "b" {}
data "aws_thing" "c" {}
`),
    ).toEqual([
      { severity: "error", summary: "Computed attribute assigned", at: "2:3" },
      { severity: "error", summary: "Unsupported argument", at: "3:3" },
      { severity: "warning", summary: "Deprecated argument", at: "4:3" },
      { severity: "error", summary: "Missing required argument", at: "1:26" },
      { severity: "error", summary: "Missing required argument", at: "11:8" },
      { severity: "error", summary: "Unsupported block type", at: "15:3" },
      { severity: "error", summary: "Too many blocks", at: "5:3" },
      { severity: "error", summary: "Too many blocks", at: "13:3" },
      { severity: "error", summary: "Unknown resource type", at: "17:10" },
      { severity: "error", summary: "Unknown data source type", at: "18:6" },
    ]);
  });

  it("requires a minimum number of blocks unless a dynamic block may produce them", () => {
    expect(check(`resource "aws_thing" "a" {\n  name = "x"\n}\n`)).toEqual([
      { severity: "error", summary: "Missing required block", at: "1:26" },
    ]);
  });
});
