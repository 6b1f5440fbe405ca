import { describe, expect, it } from "vitest";
import type { Expression } from "../../src/hcl/ast.js";
import { loadConfiguration, memoryFileSystem } from "../../src/terraform/loader.js";
import { addresses, attr, diags, graphOf, instance, json, span } from "./fixture.js";

function load(files: Record<string, string | Uint8Array>, options: { rootDir?: string; maxFileBytes?: number } = {}) {
  const abs = Object.fromEntries(Object.entries(files).map(([name, text]) => [`/cfg/${name}`, text]));
  return loadConfiguration("/cfg", { fs: memoryFileSystem(abs), ...options });
}

describe("files", () => {
  it("reads *.tf and *.tf.json in lexical order and ignores other, hidden and backup files", () => {
    const { configuration, diagnostics } = load({
      "b.tf": `resource "aws_s3_bucket" "b" {}`,
      "a.tf.json": `{"resource": {"aws_s3_bucket": {"a": {}}}}`,
      ".hidden.tf": "this is not parsed {",
      "notes.txt": "nor this {",
      "c.tf~": "nor this {",
      "terraform.tfvars": 'x = "not configuration"',
    });
    expect(diagnostics).toEqual([]);
    expect(configuration.root.files.map((f) => f.path)).toEqual(["/cfg/a.tf.json", "/cfg/b.tf"]);
    expect([...configuration.root.resources.keys()]).toEqual(["aws_s3_bucket.a", "aws_s3_bucket.b"]);
  });

  it("reports and skips a file over the size limit, a binary file and invalid UTF-8, at the offending byte", () => {
    const { configuration, diagnostics } = load(
      {
        "big.tf": `# ${"x".repeat(40)}\n`,
        "binary.tf": new Uint8Array([0x61, 0x0a, 0x62, 0x63, 0x00, 0x64]),
        "latin1.tf": new Uint8Array([...new TextEncoder().encode('locals {\n  a = "caf'), 0xe9, 0x22, 0x0a, 0x7d]),
        "ok.tf": `resource "aws_s3_bucket" "ok" {}`,
      },
      { maxFileBytes: 32 },
    );
    expect(diagnostics.map((d) => `${d.severity} ${span(d.range)} ${d.summary}`)).toEqual([
      "error big.tf:1:1-1:1 File too large",
      "error binary.tf:2:3-2:4 Binary file",
      "error latin1.tf:2:11-2:12 Invalid UTF-8",
    ]);
    expect(diagnostics[0]?.detail).toBe("/cfg/big.tf is 43 bytes, over the limit of 32; it is skipped.");
    expect([...configuration.root.resources.keys()]).toEqual(["aws_s3_bucket.ok"]);
  });

  it("skips files over 8 MiB by default", () => {
    const { diagnostics } = load({ "huge.tf": `#${" ".repeat(8 * 1024 * 1024)}` });
    expect(diagnostics.map((d) => d.summary)).toEqual(["File too large"]);
  });

  it("reports a syntax error and keeps the rest of the module", () => {
    const g = graphOf({
      "bad.tf": `resource "aws_s3_bucket" "x" {\n  bucket = \n}\n`,
      "good.tf": `resource "aws_s3_bucket" "y" {\n  bucket = "y"\n}\n`,
    });
    expect(g.diagnostics.length).toBeGreaterThan(0);
    expect(g.diagnostics.every((d) => d.range.file === "/cfg/bad.tf")).toBe(true);
    expect(attr(g, "aws_s3_bucket.y", "bucket").value).toBe("y");
  });

  it("reports unsupported top-level blocks and arguments and duplicate declarations", () => {
    const { diagnostics } = load({
      "main.tf": `foo = 1\nresourc "x" "y" {}\nvariable "v" {}\nvariable "v" {}\nresource "aws_s3_bucket" {}\n`,
    });
    expect(diagnostics.map((d) => `${span(d.range)} ${d.summary}`)).toEqual([
      "main.tf:1:1-1:4 Unsupported argument",
      "main.tf:2:1-2:8 Unsupported block type",
      "main.tf:4:1-4:13 Duplicate variable declaration",
      "main.tf:5:26-5:27 Missing name for resource",
    ]);
    expect(diagnostics[2]?.detail).toBe(
      'A variable named "v" was already declared at /cfg/main.tf:3:1. Names must be unique within a module.',
    );
  });
});

describe("JSON syntax", () => {
  const text = [
    "{",
    '  "//": "a comment",',
    '  "variable": {"name": {"type": "string", "default": "phi"}},',
    '  "resource": {',
    '    "aws_s3_bucket": {',
    '      "b": {',
    '        "//": "also a comment",',
    `        "bucket": "\${var.name}-data",`,
    '        "tags": {"Owner": "team"},',
    '        "depends_on": ["aws_kms_key.k"],',
    '        "provider": "aws.east",',
    '        "lifecycle": {"prevent_destroy": true}',
    "      }",
    "    },",
    '    "aws_kms_key": {"k": [{"description": "key"}]}',
    "  },",
    '  "provider": {"aws": [{"region": "us-west-2"}, {"alias": "east", "region": "us-east-1"}]}',
    "}",
  ].join("\n");

  it("translates blocks, labels and attributes with exact ranges", () => {
    const { configuration, diagnostics } = load({ "main.tf.json": text });
    expect(diagnostics).toEqual([]);
    const b = configuration.root.resources.get("aws_s3_bucket.b");
    expect(b?.type).toBe("aws_s3_bucket");
    expect(span(b?.declRange)).toBe("main.tf.json:5:5-6:10");
    expect(span(b?.range)).toBe("main.tf.json:5:5-13:8");
    expect(b?.body.attributes.map((a) => [a.name, span(a.nameRange), span(a.expr.range)])).toEqual([
      ["bucket", "main.tf.json:8:9-8:17", "main.tf.json:8:19-8:37"],
      ["tags", "main.tf.json:9:9-9:15", "main.tf.json:9:17-9:34"],
    ]);
    expect(b?.dependsOn.map((t) => [t.root, span(t.range)])).toEqual([["aws_kms_key", "main.tf.json:10:25-10:38"]]);
    expect(b?.provider).toEqual({ name: "aws", alias: "east", range: b?.provider?.range });
    expect(b?.lifecycle?.body.attributes.map((a) => a.name)).toEqual(["prevent_destroy"]);
    expect(configuration.root.variables.get("name")?.type?.kind).toBe("ScopeTraversal");
    expect([...configuration.root.providers.keys()]).toEqual(["aws", "aws.east"]);
  });

  it("parses strings as templates whose interpolations have file ranges", () => {
    const { configuration } = load({ "main.tf.json": text });
    const bucket = configuration.root.resources.get("aws_s3_bucket.b")?.body.attributes[0]?.expr as Expression;
    expect(bucket.kind).toBe("Template");
    const parts = bucket.kind === "Template" ? bucket.parts : [];
    expect(parts.map((p) => [p.kind, span(p.range)])).toEqual([
      ["ScopeTraversal", "main.tf.json:8:22-8:30"],
      ["LiteralValue", "main.tf.json:8:31-8:36"],
    ]);
  });

  it("evaluates a JSON configuration like the native one", () => {
    const g = graphOf({ "main.tf.json": text });
    expect(diags(g)).toEqual([]);
    expect(attr(g, "aws_s3_bucket.b", "bucket").value).toBe("phi-data");
    expect(json(attr(g, "aws_s3_bucket.b", "tags").value)).toEqual({ Owner: "team" });
    expect(instance(g, "aws_s3_bucket.b").provider).toBe('provider["registry.terraform.io/hashicorp/aws"].east');
    expect(instance(g, "aws_s3_bucket.b").dependsOn).toEqual(["aws_kms_key.k"]);
    expect(addresses(g)).toEqual(["aws_s3_bucket.b", "aws_kms_key.k"]);
  });

  it("reports invalid JSON at the offending character", () => {
    const { diagnostics } = load({ "main.tf.json": '{\n  "resource": {,}\n}' });
    expect(diagnostics.map((d) => `${span(d.range)} ${d.summary}: ${d.detail}`)).toEqual([
      "main.tf.json:2:16-2:16 Invalid JSON: Expected a quoted property name",
    ]);
  });
});

describe("override files", () => {
  it("merges override.tf and *_override.tf into the primary declarations as Terraform does", () => {
    const g = graphOf({
      "main.tf": [
        `locals {`,
        `  name = "base"`,
        `}`,
        `resource "aws_s3_bucket" "b" {`,
        `  bucket        = local.name`,
        `  force_destroy = true`,
        `  versioning {`,
        `    enabled = false`,
        `  }`,
        `  logging {`,
        `    target_bucket = "logs"`,
        `  }`,
        `}`,
      ].join("\n"),
      "override.tf": `locals {\n  name = "overridden"\n}\n`,
      "z_override.tf": `resource "aws_s3_bucket" "b" {\n  force_destroy = false\n  versioning {\n    enabled = true\n  }\n}\n`,
    });
    expect(diags(g)).toEqual([]);
    const b = instance(g, "aws_s3_bucket.b");
    expect(b.body.attributes.bucket?.value).toBe("overridden");
    expect(b.body.attributes.force_destroy?.value).toBe(false);
    expect(span(b.body.attributes.force_destroy?.range)).toBe("z_override.tf:2:3-2:24");
    expect(b.body.blocks.versioning?.map((v) => v.attributes.enabled?.value)).toEqual([true]);
    expect(b.body.blocks.logging?.length).toBe(1);
  });

  it("reports an override with no base declaration", () => {
    const { diagnostics } = load({
      "main.tf": "",
      "x_override.tf": `resource "aws_s3_bucket" "nope" {}\n`,
    });
    expect(diagnostics.map((d) => `${span(d.range)} ${d.summary}`)).toEqual([
      "x_override.tf:1:1-1:32 Missing base resource to override",
    ]);
  });
});

describe("module tree", () => {
  it("loads local modules recursively, sharing a module used twice", () => {
    const { configuration, diagnostics } = load({
      "main.tf": `module "a" {\n  source = "./modules/a"\n}\nmodule "b" {\n  source = "./modules/a"\n}\n`,
      "modules/a/main.tf": `module "inner" {\n  source = "../inner"\n}\n`,
      "modules/inner/main.tf": `resource "aws_s3_bucket" "i" {}\n`,
    });
    expect(diagnostics).toEqual([]);
    const a = configuration.root.moduleCalls.get("a")?.module;
    expect(a?.dir).toBe("/cfg/modules/a");
    expect(a?.moduleCalls.get("inner")?.module?.dir).toBe("/cfg/modules/inner");
    expect(configuration.modules.map((m) => m.dir)).toEqual(["/cfg", "/cfg/modules/a", "/cfg/modules/inner"]);
  });

  it("reports a module cycle at the source that closes it", () => {
    const { diagnostics } = load({
      "main.tf": `module "a" {\n  source = "./a"\n}\n`,
      "a/main.tf": `module "b" {\n  source = "../b"\n}\n`,
      "b/main.tf": `module "a" {\n  source = "../a"\n}\n`,
    });
    expect(diagnostics.map((d) => `${d.severity} ${span(d.range)} ${d.summary}`)).toEqual([
      "error b/main.tf:2:12-2:18 Module cycle",
    ]);
    expect(diagnostics[0]?.detail).toBe(
      'Module "a" (source "../a") calls a module that is already being loaded higher up the call chain: /cfg/a → /cfg/b → /cfg/a.',
    );
  });

  it("refuses a module source outside the configuration's root directory", () => {
    const { configuration, diagnostics } = load(
      {
        "main.tf": `module "escape" {\n  source = "../../etc"\n}\n`,
      },
      { rootDir: "/cfg" },
    );
    expect(diagnostics.map((d) => `${d.severity} ${span(d.range)} ${d.summary}`)).toEqual([
      "error main.tf:2:12-2:23 Module source outside the configuration",
    ]);
    expect(configuration.root.moduleCalls.get("escape")?.module).toBeNull();
  });

  it("resolves registry modules through .terraform/modules/modules.json", () => {
    const g = graphOf({
      "main.tf": `module "s3" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "5.0.0"\n  name    = "phi"\n}\n`,
      ".terraform/modules/modules.json": JSON.stringify({
        Modules: [
          { Key: "", Source: "", Dir: "." },
          {
            Key: "s3",
            Source: "registry.terraform.io/terraform-aws-modules/s3-bucket/aws",
            Dir: ".terraform/modules/s3",
          },
        ],
      }),
      ".terraform/modules/s3/main.tf": `variable "name" {}\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\n`,
    });
    expect(diags(g)).toEqual([]);
    expect(attr(g, "module.s3.aws_s3_bucket.this", "bucket").value).toBe("phi");
    expect(g.modules.map((m) => [m.address, m.source, m.dir])).toEqual([
      ["module.s3", "terraform-aws-modules/s3-bucket/aws", "/cfg/.terraform/modules/s3"],
    ]);
  });

  it("reports a local source that names no directory", () => {
    const { diagnostics } = load({ "main.tf": `module "m" {\n  source = "./missing"\n}\n` });
    expect(diagnostics.map((d) => `${span(d.range)} ${d.summary}`)).toEqual([
      "main.tf:2:12-2:23 Module directory not found",
    ]);
  });
});
