import { describe, expect, it } from "vitest";
import { Sensitive, Unknown } from "../../src/hcl/value.js";
import { renderGraphJson } from "../../src/terraform/graph.js";
import { addresses, attr, diags, graphOf, instance, json, span } from "./fixture.js";

describe("evaluation by dependency", () => {
  it("evaluates locals in dependency order whatever their file and block order", () => {
    const g = graphOf({
      "a.tf": `locals {\n  c = "\${local.b}-c"\n}\n`,
      "b.tf": `locals {\n  b = "\${local.a}-b"\n  a = var.name\n}\nvariable "name" {\n  default = "x"\n}\n`,
      "main.tf": `resource "aws_s3_bucket" "b" {\n  bucket = local.c\n}\n`,
    });
    expect(diags(g)).toEqual([]);
    const bucket = attr(g, "aws_s3_bucket.b", "bucket");
    expect(bucket.value).toBe("x-b-c");
    expect(bucket.origin).toBe("explicit");
    expect(span(bucket.range)).toBe("main.tf:2:3-2:19");
  });

  it("reports a reference cycle once, at the reference that closes it, and makes its values unknown", () => {
    const g = graphOf({
      "main.tf": `locals {\n  a = local.b\n  b = "\${local.a}!"\n}\nresource "null_resource" "r" {\n  triggers = { v = local.a }\n}\n`,
    });
    expect(diags(g)).toEqual(["error main.tf:3:10-3:17 Reference cycle"]);
    expect(g.diagnostics[0]?.detail).toBe(
      "Cycle: local.a → local.b → local.a. Values in a cycle cannot be computed; they are unknown.",
    );
    expect(json(attr(g, "null_resource.r", "triggers").value)).toEqual({ v: { unknown: ["local.a"] } });
    expect(attr(g, "null_resource.r", "triggers").origin).toBe("unknown");
  });

  it("reports a cycle between resources and still returns both", () => {
    const g = graphOf({
      "main.tf": `resource "aws_sns_topic" "a" {\n  name = aws_sns_topic.b.name\n}\nresource "aws_sns_topic" "b" {\n  name = aws_sns_topic.a.name\n}\n`,
    });
    expect(diags(g)).toEqual(["error main.tf:5:10-5:30 Reference cycle"]);
    expect(g.diagnostics[0]?.detail).toBe(
      "Cycle: aws_sns_topic.a → aws_sns_topic.b → aws_sns_topic.a. Values in a cycle cannot be computed; they are unknown.",
    );
    expect(addresses(g)).toEqual(["aws_sns_topic.a", "aws_sns_topic.b"]);
  });
});

describe("count and for_each", () => {
  const sse = (enabled: boolean) =>
    graphOf({
      "main.tf": [
        `variable "enabled" {\n  type    = bool\n  default = ${enabled}\n}`,
        `resource "aws_s3_bucket" "b" {\n  bucket = "phi"\n}`,
        `resource "aws_s3_bucket_server_side_encryption_configuration" "b" {`,
        `  count  = var.enabled ? 1 : 0`,
        `  bucket = aws_s3_bucket.b.id`,
        `}`,
      ].join("\n"),
    });

  it("evaluates `count = var.enabled ? 1 : 0` to zero instances when disabled", () => {
    const g = sse(false);
    expect(diags(g)).toEqual([]);
    expect(addresses(g)).toEqual(["aws_s3_bucket.b"]);
    expect(g.byType.get("aws_s3_bucket_server_side_encryption_configuration")).toBeUndefined();
  });

  it("evaluates it to one instance [0] when enabled, linked to the bucket by reference", () => {
    const g = sse(true);
    expect(addresses(g)).toEqual(["aws_s3_bucket.b", "aws_s3_bucket_server_side_encryption_configuration.b[0]"]);
    const i = instance(g, "aws_s3_bucket_server_side_encryption_configuration.b[0]");
    expect(i.key).toBe(0);
    expect(i.expansion).toBe("count");
    expect(i.references).toEqual(["aws_s3_bucket.b"]);
    expect(json(i.body.attributes.bucket?.value ?? null)).toEqual({ unknown: ["aws_s3_bucket.b.id"] });
    expect(i.body.attributes.bucket?.origin).toBe("unknown");
  });

  it("links each for_each bucket to its own SSE resource through each.key", () => {
    const g = graphOf({
      "main.tf": [
        `variable "buckets" {`,
        `  default = { a = "phi-a", b = "phi-b" }`,
        `}`,
        `resource "aws_s3_bucket" "this" {`,
        `  for_each = var.buckets`,
        `  bucket   = each.value`,
        `}`,
        `resource "aws_s3_bucket_server_side_encryption_configuration" "this" {`,
        `  for_each = var.buckets`,
        `  bucket   = aws_s3_bucket.this[each.key].id`,
        `  rule {`,
        `    apply_server_side_encryption_by_default {`,
        `      sse_algorithm = "aws:kms"`,
        `    }`,
        `  }`,
        `}`,
      ].join("\n"),
    });
    expect(diags(g)).toEqual([]);
    expect(addresses(g)).toEqual([
      'aws_s3_bucket.this["a"]',
      'aws_s3_bucket.this["b"]',
      'aws_s3_bucket_server_side_encryption_configuration.this["a"]',
      'aws_s3_bucket_server_side_encryption_configuration.this["b"]',
    ]);
    expect(attr(g, 'aws_s3_bucket.this["b"]', "bucket").value).toBe("phi-b");
    for (const k of ["a", "b"]) {
      const i = instance(g, `aws_s3_bucket_server_side_encryption_configuration.this["${k}"]`);
      expect(i.key).toBe(k);
      expect(i.references).toEqual([`aws_s3_bucket.this["${k}"]`]);
      const bucket = i.body.attributes.bucket?.value;
      expect(bucket).toBeInstanceOf(Unknown);
      expect((bucket as Unknown).refs.map((r) => [r.address, r.path])).toEqual([
        [`aws_s3_bucket.this["${k}"]`, ["id"]],
      ]);
      expect(span((bucket as Unknown).refs[0]?.range)).toBe("main.tf:10:42-10:45");
      const rule = i.body.blocks.rule?.[0];
      expect(span(rule?.range)).toBe("main.tf:11:3-15:4");
      const byDefault = rule?.blocks.apply_server_side_encryption_by_default?.[0];
      expect(byDefault?.attributes.sse_algorithm).toMatchObject({ value: "aws:kms", origin: "explicit" });
      expect(byDefault?.attributes.sse_algorithm?.expr?.kind).toBe("Template");
      expect(span(byDefault?.attributes.sse_algorithm?.range)).toBe("main.tf:13:7-13:32");
    }
  });

  it("keeps a literal bucket name as a known value with no reference edge", () => {
    const g = graphOf({
      "main.tf": `resource "aws_s3_bucket" "logs" {\n  bucket = "phi-logs"\n}\nresource "aws_s3_bucket_versioning" "logs" {\n  bucket = "phi-logs"\n}\n`,
    });
    const v = instance(g, "aws_s3_bucket_versioning.logs");
    expect(v.body.attributes.bucket?.value).toBe("phi-logs");
    expect(v.body.attributes.bucket?.origin).toBe("explicit");
    expect(v.references).toEqual([]);
  });

  it("represents an unknown for_each as one [*] instance whose each.* are unknown", () => {
    const g = graphOf({
      "main.tf": `data "aws_s3_objects" "o" {\n  bucket = "b"\n}\nresource "aws_s3_object_copy" "c" {\n  for_each = data.aws_s3_objects.o.keys\n  key      = each.key\n  bucket   = "b"\n}\n`,
    });
    expect(diags(g)).toEqual([]);
    const i = instance(g, "aws_s3_object_copy.c[*]");
    expect(i.expansion).toBe("unknown");
    expect(i.key).toBeNull();
    expect(json(i.body.attributes.key?.value ?? null)).toEqual({ unknown: ["data.aws_s3_objects.o.keys"] });
    expect(i.body.attributes.key?.origin).toBe("unknown");
    expect(i.body.attributes.bucket?.origin).toBe("explicit");
    expect(i.references).toEqual(["data.aws_s3_objects.o"]);
  });

  it("reports an invalid for_each (a tuple) at its expression", () => {
    const g = graphOf({
      "main.tf": `resource "aws_s3_bucket" "b" {\n  for_each = ["a", "b"]\n}\n`,
    });
    expect(diags(g)).toEqual(["error main.tf:2:14-2:24 Invalid for_each argument"]);
    expect(addresses(g)).toEqual(["aws_s3_bucket.b[*]"]);
  });

  it("gives count.index to each counted instance", () => {
    const g = graphOf({
      "main.tf": `resource "aws_s3_bucket" "b" {\n  count  = 2\n  bucket = "phi-\${count.index}"\n}\n`,
    });
    expect(addresses(g)).toEqual(["aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]"]);
    expect(attr(g, "aws_s3_bucket.b[1]", "bucket").value).toBe("phi-1");
  });
});

describe("expressions", () => {
  it("expands dynamic blocks with an iterator, nested, with the content's ranges", () => {
    const g = graphOf({
      "main.tf": [
        `resource "aws_security_group" "sg" {`,
        `  dynamic "ingress" {`,
        `    for_each = [80, 443]`,
        `    iterator = port`,
        `    content {`,
        `      from_port = port.value`,
        `      to_port   = port.key`,
        `    }`,
        `  }`,
        `}`,
      ].join("\n"),
    });
    expect(diags(g)).toEqual([]);
    const blocks = instance(g, "aws_security_group.sg").body.blocks.ingress ?? [];
    expect(blocks.map((b) => [b.attributes.from_port?.value, b.attributes.to_port?.value, b.dynamic])).toEqual([
      [80, 0, true],
      [443, 1, true],
    ]);
    expect(span(blocks[0]?.range)).toBe("main.tf:5:5-8:6");
    expect(span(blocks[1]?.attributes.from_port?.range)).toBe("main.tf:6:7-6:29");
  });

  it("evaluates splats, for-expressions and conditionals over resources", () => {
    const g = graphOf({
      "main.tf": [
        `resource "aws_s3_bucket" "b" {`,
        `  count  = 2`,
        `  bucket = "b\${count.index}"`,
        `}`,
        `locals {`,
        `  names = aws_s3_bucket.b[*].bucket`,
        `  upper = [for n in local.names : "\${n}!" if n != "b0"]`,
        `  arns  = aws_s3_bucket.b[*].arn`,
        `}`,
        `resource "aws_sns_topic" "t" {`,
        `  name   = length(local.names) == 2 ? local.upper[0] : "none"`,
        `  policy = local.arns[1]`,
        `}`,
      ].join("\n"),
    });
    expect(diags(g)).toEqual([]);
    const names = attr(g, "aws_sns_topic.t", "name");
    expect(names.value).toBe("b1!");
    expect(json(attr(g, "aws_sns_topic.t", "policy").value)).toEqual({ unknown: ["aws_s3_bucket.b[1].arn"] });
    expect(instance(g, "aws_sns_topic.t").references).toEqual(["aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]"]);
  });

  it("gives path.module, path.root and terraform.workspace", () => {
    const g = graphOf(
      {
        "main.tf": `module "child" {\n  source = "./modules/child"\n}\n`,
        "modules/child/main.tf": `resource "null_resource" "r" {\n  triggers = { m = path.module, r = path.root, w = terraform.workspace }\n}\n`,
      },
      { workspace: "prod" },
    );
    expect(diags(g)).toEqual([]);
    expect(json(attr(g, "module.child.null_resource.r", "triggers").value)).toEqual({
      m: "modules/child",
      r: ".",
      w: "prod",
    });
  });

  it("reports an unknown function at the call and makes its value unknown", () => {
    const g = graphOf({
      "main.tf": `resource "aws_s3_bucket" "b" {\n  bucket = no_such_function("x")\n  acl    = "private"\n}\n`,
    });
    expect(diags(g)).toEqual(["error main.tf:2:12-2:28 Call to unknown function"]);
    expect(attr(g, "aws_s3_bucket.b", "bucket").origin).toBe("unknown");
    expect(attr(g, "aws_s3_bucket.b", "acl").value).toBe("private");
  });

  it("reports references to undeclared names", () => {
    const g = graphOf({
      "main.tf": `resource "aws_s3_bucket" "b" {\n  bucket = var.missing\n  acl    = local.missing\n  policy = aws_iam_policy.missing.arn\n}\n`,
    });
    expect(diags(g)).toEqual([
      "error main.tf:2:12-2:23 Reference to undeclared input variable",
      "error main.tf:3:12-3:25 Reference to undeclared local value",
      "error main.tf:4:12-4:38 Reference to undeclared resource",
    ]);
  });
});

describe("resource references", () => {
  it("evaluates a reference to configured attributes, and to others as unknowns naming the instance", () => {
    const g = graphOf({
      "main.tf": [
        `resource "aws_kms_key" "k" {`,
        `  description = "phi"`,
        `}`,
        `data "aws_caller_identity" "current" {}`,
        `resource "aws_kms_alias" "a" {`,
        `  name          = "alias/\${aws_kms_key.k.description}"`,
        `  target_key_id = aws_kms_key.k.key_id`,
        `  account       = data.aws_caller_identity.current.account_id`,
        `}`,
      ].join("\n"),
    });
    expect(attr(g, "aws_kms_alias.a", "name").value).toBe("alias/phi");
    expect(json(attr(g, "aws_kms_alias.a", "target_key_id").value)).toEqual({ unknown: ["aws_kms_key.k.key_id"] });
    expect(json(attr(g, "aws_kms_alias.a", "account").value)).toEqual({
      unknown: ["data.aws_caller_identity.current.account_id"],
    });
    expect(instance(g, "aws_kms_alias.a").references).toEqual(["aws_kms_key.k", "data.aws_caller_identity.current"]);
  });

  it("reads nested blocks of a referenced resource as lists of objects", () => {
    const g = graphOf({
      "main.tf": `resource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = true\n  }\n}\nresource "null_resource" "r" {\n  triggers = { v = aws_s3_bucket.b.versioning[0].enabled, m = aws_s3_bucket.b.versioning[0].mfa_delete }\n}\n`,
    });
    expect(json(attr(g, "null_resource.r", "triggers").value)).toEqual({
      v: true,
      m: { unknown: ["aws_s3_bucket.b.versioning[0].mfa_delete"] },
    });
  });
});

describe("modules", () => {
  const producerConsumer = {
    "main.tf": [
      `module "a_consumer" {`,
      `  source    = "./modules/consumer"`,
      `  bucket_id = module.z_producer.bucket_id`,
      `}`,
      `module "z_producer" {`,
      `  source = "./modules/producer"`,
      `  name   = "phi-data"`,
      `}`,
    ].join("\n"),
    "modules/producer/main.tf": `variable "name" {\n  type = string\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\noutput "bucket_id" {\n  value = aws_s3_bucket.b.id\n}\noutput "bucket_name" {\n  value = aws_s3_bucket.b.bucket\n}\n`,
    "modules/consumer/main.tf": `variable "bucket_id" {\n  type = string\n}\nresource "aws_s3_bucket_versioning" "v" {\n  bucket = var.bucket_id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`,
  };

  it("consumes a sibling module's output whatever the modules' alphabetical order", () => {
    const g = graphOf(producerConsumer);
    expect(diags(g)).toEqual([]);
    expect(addresses(g)).toEqual(["module.a_consumer.aws_s3_bucket_versioning.v", "module.z_producer.aws_s3_bucket.b"]);
    const v = instance(g, "module.a_consumer.aws_s3_bucket_versioning.v");
    expect(json(v.body.attributes.bucket?.value ?? null)).toEqual({
      unknown: ["module.z_producer.aws_s3_bucket.b.id"],
    });
    expect(v.references).toEqual(["module.z_producer.aws_s3_bucket.b"]);
    expect(v.moduleCalls.map((c) => [c.address, span(c.range)])).toEqual([["module.a_consumer", "main.tf:1:1-4:2"]]);
    expect(v.module).toBe("module.a_consumer");
    expect(span(v.range)).toBe("modules/consumer/main.tf:4:1-9:2");
    expect(attr(g, "module.z_producer.aws_s3_bucket.b", "bucket").value).toBe("phi-data");
  });

  it("expands module calls with for_each and count, prefixing addresses and chaining calls", () => {
    const g = graphOf({
      "main.tf": `module "m" {\n  for_each = toset(["x", "y"])\n  source   = "./m"\n  name     = each.key\n}\nmodule "n" {\n  count  = 1\n  source = "./m"\n  name   = "n\${count.index}"\n}\noutput "names" {\n  value = [module.m["y"].name, module.n[0].name]\n}\n`,
      "m/main.tf": `variable "name" {}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\noutput "name" {\n  value = aws_s3_bucket.b.bucket\n}\n`,
    });
    expect(diags(g)).toEqual([]);
    expect(addresses(g)).toEqual([
      'module.m["x"].aws_s3_bucket.b',
      'module.m["y"].aws_s3_bucket.b',
      "module.n[0].aws_s3_bucket.b",
    ]);
    expect(attr(g, 'module.m["y"].aws_s3_bucket.b', "bucket").value).toBe("y");
    expect(g.outputs.names?.value).toEqual(["y", "n0"]);
    expect(instance(g, 'module.m["x"].aws_s3_bucket.b').moduleCalls.map((c) => c.address)).toEqual(['module.m["x"]']);
  });

  it("reports an unresolved registry module as a warning on its source and makes its outputs unknown", () => {
    const g = graphOf({
      "main.tf": `module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "6.0.0"\n}\nresource "aws_flow_log" "f" {\n  vpc_id = module.vpc.vpc_id\n}\n`,
    });
    expect(diags(g)).toEqual(["warning main.tf:2:13-2:44 Unresolved module"]);
    expect(json(attr(g, "aws_flow_log.f", "vpc_id").value)).toEqual({ unknown: ["module.vpc.vpc_id"] });
    expect(g.modules.map((m) => [m.address, m.dir])).toEqual([["module.vpc", null]]);
  });

  it("reports a missing required module argument and an unexpected one", () => {
    const g = graphOf({
      "main.tf": `module "c" {\n  source = "./c"\n  extra  = 1\n}\n`,
      "c/main.tf": `variable "needed" {\n  type = string\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.needed\n}\n`,
    });
    expect(diags(g)).toEqual([
      "error main.tf:1:1-1:11 Missing required argument",
      "error main.tf:3:3-3:8 Unsupported argument",
    ]);
    expect(json(attr(g, "module.c.aws_s3_bucket.b", "bucket").value)).toEqual({ unknown: ["module.c.var.needed"] });
  });
});

describe("providers and depends_on", () => {
  it("resolves provider aliases, including those passed to a child module", () => {
    const g = graphOf({
      "main.tf": [
        `terraform {`,
        `  required_providers {`,
        `    aws = {`,
        `      source = "hashicorp/aws"`,
        `    }`,
        `  }`,
        `}`,
        `provider "aws" {`,
        `  region = "us-west-2"`,
        `}`,
        `provider "aws" {`,
        `  alias  = "east"`,
        `  region = "us-east-1"`,
        `}`,
        `resource "aws_s3_bucket" "w" {}`,
        `resource "aws_s3_bucket" "e" {`,
        `  provider = aws.east`,
        `}`,
        `module "c" {`,
        `  source    = "./c"`,
        `  providers = { aws = aws.east }`,
        `}`,
        `module "d" {`,
        `  source = "./c"`,
        `}`,
      ].join("\n"),
      "c/main.tf": `resource "aws_s3_bucket" "b" {}\n`,
    });
    expect(diags(g)).toEqual([]);
    const aws = 'provider["registry.terraform.io/hashicorp/aws"]';
    expect(instance(g, "aws_s3_bucket.w").provider).toBe(aws);
    expect(instance(g, "aws_s3_bucket.e").provider).toBe(`${aws}.east`);
    expect(instance(g, "module.c.aws_s3_bucket.b").provider).toBe(`${aws}.east`);
    expect(instance(g, "module.d.aws_s3_bucket.b").provider).toBe(aws);
    expect(g.providers.map((p) => [p.address, p.body.attributes.region?.value])).toEqual([
      [aws, "us-west-2"],
      [`${aws}.east`, "us-east-1"],
    ]);
  });

  it("records depends_on as absolute addresses", () => {
    const g = graphOf({
      "main.tf": `module "c" {\n  source = "./c"\n}\n`,
      "c/main.tf": `resource "aws_s3_bucket" "a" {}\nresource "aws_s3_bucket_policy" "p" {\n  bucket     = "x"\n  depends_on = [aws_s3_bucket.a]\n}\n`,
    });
    expect(instance(g, "module.c.aws_s3_bucket_policy.p").dependsOn).toEqual(["module.c.aws_s3_bucket.a"]);
  });
});

describe("backend, outputs and rendering", () => {
  it("evaluates the root backend block", () => {
    const g = graphOf({
      "main.tf": `terraform {\n  backend "s3" {\n    bucket       = "state"\n    encrypt      = true\n    use_lockfile = true\n  }\n}\n`,
    });
    expect(g.backend?.type).toBe("s3");
    expect(span(g.backend?.range)).toBe("main.tf:2:3-6:4");
    expect(g.backend?.body.attributes.encrypt).toMatchObject({ value: true, origin: "explicit" });
    expect(span(g.backend?.body.attributes.use_lockfile?.range)).toBe("main.tf:5:5-5:24");
  });

  it("marks sensitive variables and never prints them", () => {
    const g = graphOf({
      "main.tf": `variable "password" {\n  default   = "hunter2"\n  sensitive = true\n}\nresource "aws_db_instance" "db" {\n  password = var.password\n}\noutput "p" {\n  value     = var.password\n  sensitive = true\n}\n`,
    });
    const password = attr(g, "aws_db_instance.db", "password").value;
    expect(password).toBeInstanceOf(Sensitive);
    expect((password as Sensitive).value).toBe("hunter2");
    const text = renderGraphJson(g);
    expect(text).not.toContain("hunter2");
    expect(text).toContain('"value": "(sensitive)"');
  });

  it("renders the same bytes for the same input", () => {
    const files = {
      "main.tf": `resource "aws_s3_bucket" "b" {\n  for_each = { z = 1, a = 2 }\n  bucket   = "\${each.key}-\${each.value}"\n}\n`,
    };
    const first = renderGraphJson(graphOf(files));
    expect(renderGraphJson(graphOf(files))).toBe(first);
    expect(JSON.parse(first).instances.map((i: { address: string }) => i.address)).toEqual([
      'aws_s3_bucket.b["a"]',
      'aws_s3_bucket.b["z"]',
    ]);
  });
});

describe("null arguments", () => {
  it("keeps a null argument in the body and reads it through a reference as unknown (the provider may compute it)", () => {
    const g = graphOf({
      "main.tf": `resource "aws_vpc" "v" {\n  ipv6_cidr_block = null\n}\nresource "aws_subnet" "s" {\n  ipv6_cidr_block = aws_vpc.v.ipv6_cidr_block\n}\n`,
    });
    expect(attr(g, "aws_vpc.v", "ipv6_cidr_block")).toMatchObject({ value: null, origin: "explicit" });
    expect(json(attr(g, "aws_subnet.s", "ipv6_cidr_block").value)).toEqual({ unknown: ["aws_vpc.v.ipv6_cidr_block"] });
  });
});

describe("limits", () => {
  it("reports a count beyond the instance limit and treats it as unknown instead of expanding it", () => {
    const g = graphOf({
      "main.tf": `resource "aws_s3_bucket" "b" {\n  count  = 100000000\n  bucket = "b\${count.index}"\n}\n`,
    });
    expect(diags(g)).toEqual(["error main.tf:2:12-2:21 Too many instances"]);
    expect(addresses(g)).toEqual(["aws_s3_bucket.b[*]"]);
    expect(json(attr(g, "aws_s3_bucket.b[*]", "bucket").value)).toEqual({ unknown: [] });
  });
});

describe("file functions over the loader's file system", () => {
  it("read files of an in-memory configuration and refuse paths outside it", () => {
    const graph = graphOf({
      "main.tf": `resource "aws_s3_bucket_policy" "p" {
  bucket = "b"
  policy = file("\${path.module}/policy.json")
}
resource "aws_s3_bucket_policy" "q" {
  bucket = "c"
  policy = file("/etc/passwd")
}
`,
      "policy.json": '{"Version":"2012-10-17"}',
    });
    expect(attr(graph, "aws_s3_bucket_policy.p", "policy").value).toBe('{"Version":"2012-10-17"}');
    expect(diags(graph)).toEqual(["error main.tf:7:17-7:30 Invalid function argument"]);
  });
});
