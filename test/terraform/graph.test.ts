import { describe, expect, it } from "vitest";
import { Unknown } from "../../src/hcl/value.js";
import { buildGraph } from "../../src/terraform/evaluator.js";
import { renderGraphJson } from "../../src/terraform/graph.js";
import { projectRoot } from "../support/shared.js";

const dir = "test/fixtures/terraform/phi-storage";

describe("the resource graph of a fixture directory (real files)", () => {
  const graph = buildGraph(dir, { env: {}, rootDir: projectRoot });
  const at = (r: { file: string; start: { line: number; column: number }; end: { line: number; column: number } }) =>
    `${r.file.slice(dir.length + 1)}:${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;

  it("has every instance, in module walk order, and none for count = 0", () => {
    expect(graph.diagnostics).toEqual([]);
    expect(graph.instances.map((i) => i.address)).toEqual([
      "module.a_logging.aws_cloudtrail.this",
      'module.z_storage.aws_s3_bucket.this["images"]',
      'module.z_storage.aws_s3_bucket.this["records"]',
      'module.z_storage.aws_s3_bucket_server_side_encryption_configuration.this["images"]',
      'module.z_storage.aws_s3_bucket_server_side_encryption_configuration.this["records"]',
    ]);
    expect(graph.byType.get("aws_s3_bucket_versioning")).toBeUndefined();
    expect(graph.byType.get("aws_s3_bucket")?.map((i) => i.key)).toEqual(["images", "records"]);
  });

  it("applies tfvars with optional() defaults", () => {
    const tags = (k: string) =>
      graph.byAddress.get(`module.z_storage.aws_s3_bucket.this["${k}"]`)?.body.attributes.tags;
    expect(tags("images")?.value).toEqual({ tier: "archive" });
    expect(tags("records")?.value).toEqual({ tier: "phi" });
    expect(at(tags("records")?.range ?? (undefined as never))).toBe("modules/storage/main.tf:12:3-12:40");
  });

  it("links each SSE instance to its own bucket instance, with the module-call chain", () => {
    const sse = graph.byAddress.get(
      'module.z_storage.aws_s3_bucket_server_side_encryption_configuration.this["records"]',
    );
    expect(sse?.references).toEqual(['module.z_storage.aws_s3_bucket.this["records"]']);
    expect(sse?.moduleCalls.map((c) => [c.address, at(c.range)])).toEqual([["module.z_storage", "main.tf:7:1-11:2"]]);
    const bucket = sse?.body.attributes.bucket?.value as Unknown;
    expect(bucket.refs.map((r) => [r.address, r.path])).toEqual([
      ['module.z_storage.aws_s3_bucket.this["records"]', ["id"]],
    ]);
  });

  it("feeds one module's outputs to a sibling module named before it, through a dynamic block", () => {
    const trail = graph.byAddress.get("module.a_logging.aws_cloudtrail.this");
    expect(trail?.references).toEqual([
      'module.z_storage.aws_s3_bucket.this["images"]',
      'module.z_storage.aws_s3_bucket.this["records"]',
    ]);
    const selectors = trail?.body.blocks.event_selector ?? [];
    expect(selectors.map((s) => at(s.range))).toEqual([
      "modules/logging/main.tf:11:5-17:6",
      "modules/logging/main.tf:11:5-17:6",
    ]);
    const values = selectors.map((s) => s.blocks.data_resource?.[0]?.attributes.values?.value);
    expect(values.map((v) => (v as Unknown[])[0]?.refs.map((r) => `${r.address}.${r.path.join(".")}`))).toEqual([
      ['module.z_storage.aws_s3_bucket.this["images"].arn'],
      ['module.z_storage.aws_s3_bucket.this["records"].arn'],
    ]);
    expect(((values[0] as Unknown[])[0] as Unknown).parts?.[1]).toBe("/");
  });

  it("renders deterministic JSON", () => {
    const text = renderGraphJson(graph);
    expect(renderGraphJson(buildGraph(dir, { env: {}, rootDir: projectRoot }))).toBe(text);
    const parsed = JSON.parse(text);
    expect(parsed.instances[0].address).toBe("module.a_logging.aws_cloudtrail.this");
    expect(parsed.instances[3].attributes.bucket).toEqual({
      value: { unknown: ['module.z_storage.aws_s3_bucket.this["images"].id'] },
      origin: "unknown",
      range: `${dir}/modules/storage/main.tf:17:3-17:45`,
    });
    expect(parsed.modules).toEqual([
      {
        address: "module.a_logging",
        source: "./modules/logging",
        dir: `${dir}/modules/logging`,
        expansion: "single",
        range: `${dir}/main.tf:2:1-5:2`,
      },
      {
        address: "module.z_storage",
        source: "./modules/storage",
        dir: `${dir}/modules/storage`,
        expansion: "single",
        range: `${dir}/main.tf:7:1-11:2`,
      },
    ]);
  });
});

describe("file functions in a fixture directory", () => {
  const templates = "test/fixtures/terraform/templates";
  const graph = buildGraph(templates, { env: {}, rootDir: `${projectRoot}/${templates}` });

  it("renders templatefile with the evaluator, keeping unknowns symbolic", () => {
    const policy = graph.byAddress.get("aws_s3_bucket_policy.phi")?.body.attributes.policy?.value;
    expect(policy).toBeInstanceOf(Unknown);
    const parts = (policy as Unknown).parts ?? [];
    expect(
      parts.map((p) => (typeof p === "string" ? p : p.refs.map((r) => `${r.address}.${r.path.join(".")}`))),
    ).toEqual([
      '{"Statement":[{"Effect":"Deny","Resource":["',
      ["aws_s3_bucket.phi.arn"],
      '","',
      ["aws_s3_bucket.phi.arn"],
      '/*"],"Sid":"phi-records"}]}\n',
    ]);
  });

  it("reads a file inside the configuration and refuses /etc/passwd with a located diagnostic", () => {
    expect(graph.byAddress.get("aws_ssm_parameter.readme")?.body.attributes.value?.value).toBe("PHI storage\n");
    expect(graph.diagnostics.map((d) => [d.summary, d.range.file, d.range.start.line, d.range.start.column])).toEqual([
      ["Invalid function argument", `${templates}/main.tf`, 20, 16],
    ]);
    expect(graph.byAddress.get("aws_ssm_parameter.secret")?.body.attributes.value?.origin).toBe("unknown");
  });
});
