import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { memoryIo } from "../support/io.js";
import { projectRoot } from "../support/shared.js";

const dirs = (parent: string) =>
  readdirSync(join(projectRoot, parent), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `${parent}/${e.name}`);

describe("module READMEs", () => {
  it("modules: the inputs/outputs tables and the proven controls are what phiform docs generates", async () => {
    const io = memoryIo(projectRoot);
    const code = await run(["docs", "--check", "--example", "examples/complete", ...dirs("modules")], io);
    expect(io.stdout()).toBe("");
    expect(io.stderr()).toBe("");
    expect(code).toBe(0);
  });

  it.each(dirs("examples").map((d) => [d]))(
    "%s: the inputs/outputs tables are what phiform docs generates",
    async (dir) => {
      const io = memoryIo(projectRoot);
      expect(await run(["docs", "--check", dir], io)).toBe(0);
      expect(io.stdout()).toBe("");
      expect(io.stderr()).toBe("");
    },
  );

  it("every module is proven by at least one rule on the baseline example", async () => {
    const io = memoryIo(projectRoot);
    expect(await run(["docs", "--example", "examples/complete", ...dirs("modules")], io)).toBe(0);
    expect(io.stdout()).not.toContain("No phiform rule judges this module's resources");
  });
});
