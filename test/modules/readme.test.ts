import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { memoryIo } from "../support/io.js";
import { projectRoot } from "../support/shared.js";

const dirs = ["modules", "examples"].flatMap((parent) =>
  readdirSync(join(projectRoot, parent), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `${parent}/${e.name}`),
);

describe("module READMEs", () => {
  it.each(dirs.map((d) => [d]))("%s: the inputs/outputs tables are what phiform docs generates", async (dir) => {
    const io = memoryIo(projectRoot);
    expect(await run(["docs", "--check", dir], io)).toBe(0);
    expect(io.stdout()).toBe("");
    expect(io.stderr()).toBe("");
  });
});
