import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { controls } from "../../src/frameworks/catalog.js";
import { memoryIo } from "../support/io.js";
import { projectRoot } from "../support/shared.js";

const fixture = "test/fixtures/check/unversioned";

interface JsonResult {
  rule: string;
  status: string;
  resource: string;
  file: string;
  line: number;
  column: number;
  controls: { hipaa: string[]; hitrust: string[]; nist: string[] };
}

async function checkJson(args: string[]) {
  const io = memoryIo(projectRoot);
  const code = await run(["check", "--format", "json", ...args, fixture], io);
  const report = JSON.parse(io.stdout()) as { results: JsonResult[]; diagnostics: unknown[] };
  return { code, report };
}

describe("phiform check", () => {
  it("reports every result with its controls and exits 1 on a failure", async () => {
    const { code, report } = await checkJson([]);
    expect(code).toBe(1);
    const versioning = report.results.filter((r) => r.rule === "s3-bucket-versioning");
    expect(versioning).toHaveLength(1);
    expect(versioning[0]).toMatchObject({
      status: "fail",
      resource: "aws_s3_bucket.records",
      file: join(fixture, "main.tf"),
      line: 14,
      column: 5,
    });
    expect(versioning[0]?.controls.hipaa).toContain("164.308(a)(7)(ii)(A)");
    expect(versioning[0]?.controls.hitrust).toContain("09.l");
    expect(report.diagnostics).toEqual([]);
  });

  it("takes variables as terraform does: a bucket that is not PHI is not judged", async () => {
    const { report } = await checkJson(["--var", "tag_value=public"]);
    expect(report.results.filter((r) => r.rule === "s3-bucket-versioning")).toEqual([]);
  });

  it("honours --phi-tag", async () => {
    const { report } = await checkJson(["--phi-tag", "classification=restricted"]);
    expect(report.results.filter((r) => r.rule === "s3-bucket-versioning")).toEqual([]);
  });

  it("groups text output by control with counts", async () => {
    const io = memoryIo(projectRoot);
    expect(await run(["check", fixture], io)).toBe(1);
    const lines = io.stdout().split("\n");
    expect(lines[0]).toBe(`phiform check ${fixture}`);
    const control = lines.findIndex((l) => l.startsWith("164.308(a)(7)(ii)(A)  Data backup plan (required)"));
    expect(control).toBeGreaterThan(0);
    expect(lines.slice(control + 1)).toContain(
      `  FAIL s3-bucket-versioning (high) aws_s3_bucket.records at ${fixture}/main.tf:14:5`,
    );
  });

  it("rejects bad options and missing directories with exit 2", async () => {
    for (const args of [["--fail-on", "severe", fixture], ["--framework", "iso", fixture], ["missing-dir"], []]) {
      const io = memoryIo(projectRoot);
      expect(await run(["check", ...args], io)).toBe(2);
      expect(io.stderr()).toMatch(/^phiform check: /);
    }
  });
});

describe("phiform controls", () => {
  it("lists a framework's controls with their rules", async () => {
    const io = memoryIo(projectRoot);
    expect(await run(["controls", "--framework", "hitrust"], io)).toBe(0);
    expect(io.stdout()).toMatch(/^HITRUST CSF: 20 controls, /);
    expect(io.stdout()).toContain("09.l Back-up\n  rules: ");
    // Every control line names a HITRUST control of the catalog (controls.md), none other.
    const ids = io
      .stdout()
      .split("\n")
      .filter((line) => /^\d\d\.[a-z]+ /.test(line))
      .map((line) => line.slice(0, line.indexOf(" ")));
    expect(ids).toEqual(controls("hitrust").map((c) => c.id));
    expect(ids).toHaveLength(20);
  });
});

describe("phiform graph", () => {
  it("prints instances and exits 0 for a valid configuration", async () => {
    const io = memoryIo(projectRoot);
    expect(await run(["graph", fixture], io)).toBe(0);
    expect(io.stdout()).toBe(
      [
        `aws_s3_bucket.records  ${fixture}/main.tf:6:1`,
        `aws_s3_bucket_versioning.records  ${fixture}/main.tf:11:1`,
        "2 instances, 0 diagnostics",
        "",
      ].join("\n"),
    );
  });

  it("prints the graph as JSON", async () => {
    const io = memoryIo(projectRoot);
    expect(await run(["graph", "--format", "json", fixture], io)).toBe(0);
    const graph = JSON.parse(io.stdout());
    expect(graph.instances.map((i: { address: string }) => i.address)).toEqual([
      "aws_s3_bucket.records",
      "aws_s3_bucket_versioning.records",
    ]);
  });
});
