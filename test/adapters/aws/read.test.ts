import { describe, expect, it } from "vitest";
import { adapt } from "../../../src/index.js";
import type { ResourceInstance } from "../../../src/terraform/graph.js";
import { adaptFixture, byAddress, diags, leaf } from "./support.js";

describe("bad input", () => {
  const { model, diagnostics } = adaptFixture("bad-values");

  it("reports each bad value at its attribute and keeps going", () => {
    expect(diags(diagnostics)).toEqual([
      'error main.tf:2:3-2:34 Invalid value for "enable_key_rotation"',
      "error main.tf:4:3-4:40 Malformed policy JSON",
      "error main.tf:9:3-9:31 Invalid tags",
      "warning main.tf:13:3-13:40 Cannot tell which role this configures",
    ]);
  });

  it("makes a wrongly typed value unknown, converts numeric strings as Terraform does", () => {
    const key = byAddress(model.keys, "aws_kms_key.bad");
    expect(leaf(key.enableKeyRotation)).toBe("undefined unknown main.tf:2:3-2:34");
    expect(leaf(key.deletionWindowDays)).toBe("30 explicit main.tf:3:3-3:33");
    expect(key.policy?.document).toBeUndefined();
    expect(key.policy?.problems.map((p) => p.summary)).toEqual(["Malformed policy JSON"]);
  });
});

describe("adapters never throw", () => {
  it("turns a malformed graph instance into a located diagnostic and adapts the rest", () => {
    const { graph } = adaptFixture("literal-name");
    const good = graph.instances[0] as ResourceInstance;
    const broken = { ...good, address: "aws_s3_bucket.broken", resource: "aws_s3_bucket.broken", body: {} };
    const byType = new Map(graph.byType);
    byType.set("aws_s3_bucket", [broken as unknown as ResourceInstance, ...(graph.byType.get("aws_s3_bucket") ?? [])]);
    const { model, diagnostics } = adapt({ ...graph, byType });
    expect(diags(diagnostics)[0]).toBe("error main.tf:1:1-3:2 Internal error while building the AWS model");
    expect(diagnostics[0]?.detail.startsWith("aws_s3_bucket.broken: ")).toBe(true);
    expect(model.buckets.map((b) => b.address)).toEqual(["aws_s3_bucket.records"]);
  });
});
