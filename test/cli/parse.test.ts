import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { memoryIo } from "../support/io.js";
import { projectRoot } from "../support/shared.js";

const fixtures = join(projectRoot, "test/fixtures/parse");

describe("phiform parse", () => {
  it("parses every .tf below a directory, in path order, and prints a summary", async () => {
    const io = memoryIo(fixtures);
    expect(await run(["parse", "ok"], io)).toBe(0);
    expect(io.stdout()).toBe("2 files, 158 bytes, 0 diagnostics\n");
  });

  it("prints located diagnostics and exits 2 when a file has errors", async () => {
    const io = memoryIo(fixtures);
    expect(await run(["parse", "bad/broken.tf", "ok"], io)).toBe(2);
    const lines = io.stdout().trimEnd().split("\n");
    expect(lines[0]).toMatch(/^bad\/broken\.tf:1:14: error: /);
    expect(lines.at(-1)).toMatch(/^3 files, 193 bytes, \d+ diagnostics?$/);
  });

  it("prints JSON Lines with the hcl2json rendering", async () => {
    const io = memoryIo(fixtures);
    expect(await run(["parse", "--format", "json", "ok"], io)).toBe(0);
    const records = io
      .stdout()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.map((r) => r.file)).toEqual(["ok/main.tf", "ok/nested/variables.tf"]);
    expect(records[0].json).toEqual({
      resource: { aws_s3_bucket: { phi: [{ bucket: "phi-${var.env}", tags: { classification: "phi" } }] } },
    });
    expect(records[1].json).toEqual({ variable: { env: [{ type: "${string}", default: "prod" }] } });
    expect(records[0].diagnostics).toEqual([]);
  });

  it("rejects unknown formats and missing paths as usage errors", async () => {
    const io = memoryIo(fixtures);
    expect(await run(["parse", "--format", "xml", "ok"], io)).toBe(2);
    expect(io.stderr()).toBe("phiform parse: unknown --format 'xml' (text or json)\n");
    const io2 = memoryIo(fixtures);
    expect(await run(["parse", "missing"], io2)).toBe(2);
    expect(io2.stderr()).toBe("phiform parse: no such file or directory: missing\n");
  });

  it("lists commands and rejects unknown ones", async () => {
    const io = memoryIo(fixtures);
    expect(await run(["frobnicate"], io)).toBe(2);
    expect(io.stderr()).toContain("unknown command 'frobnicate'");
    expect(io.stderr()).toContain("  parse");
  });
});
