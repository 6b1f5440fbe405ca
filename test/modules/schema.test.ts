import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/hcl/diagnostic.js";
import { parse } from "../../src/hcl/parser.js";
import { checkProviderSchema, readProviderSchema } from "../../src/terraform/provider-schema.js";
import { projectRoot, sharedDir, sharedMissing, sharedPath } from "../support/shared.js";

function terraformFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".tf"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const files = [...terraformFiles(join(projectRoot, "modules")), ...terraformFiles(join(projectRoot, "examples"))];

describe.skipIf(!sharedDir)(
  `modules and examples against the AWS provider 6.47.0 schema${sharedDir ? "" : ` (${sharedMissing})`}`,
  () => {
    const schema = sharedDir
      ? readProviderSchema(
          JSON.parse(readFileSync(sharedPath("reference/aws-provider-schema/aws-6.47.0.json"), "utf8")),
        )
      : undefined;

    it("checks every module and example file", () => {
      expect(files.length).toBeGreaterThanOrEqual(36);
    });

    it.each(files.map((f) => [relative(projectRoot, f)]))("%s has no schema violation", (file) => {
      const { file: ast, diagnostics } = parse(readFileSync(join(projectRoot, file)), file);
      expect(diagnostics).toEqual([]);
      expect(checkProviderSchema(ast, schema as NonNullable<typeof schema>).map(formatDiagnostic)).toEqual([]);
    });

    it("uses only AWS provider resource types", () => {
      const others = files.flatMap((f) =>
        parse(readFileSync(f), f)
          .file.body.blocks.filter(
            (b) => (b.type === "resource" || b.type === "data") && !b.labels[0]?.value.startsWith("aws_"),
          )
          .map((b) => `${relative(projectRoot, f)}: ${b.type} ${b.labels[0]?.value}`),
      );
      expect(others).toEqual([]);
    });
  },
);
