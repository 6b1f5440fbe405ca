import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Expression } from "../../src/hcl/ast.js";
import { parse } from "../../src/hcl/parser.js";
import { projectRoot } from "../support/shared.js";

const dirs = ["modules", "examples"].flatMap((parent) =>
  readdirSync(join(projectRoot, parent), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `${parent}/${e.name}`),
);

function text(expr: Expression | undefined): string | undefined {
  if (expr?.kind === "Template" && expr.parts.length === 1 && expr.parts[0]?.kind === "LiteralValue") {
    return String(expr.parts[0].value);
  }
  return undefined;
}

describe("versions.tf", () => {
  it.each(dirs.map((d) => [d]))("%s requires Terraform >= 1.10 and the AWS provider >= 6.0", (dir) => {
    const path = join(projectRoot, dir, "versions.tf");
    const { file, diagnostics } = parse(readFileSync(path), path);
    expect(diagnostics).toEqual([]);
    const terraform = file.body.blocks.filter((b) => b.type === "terraform");
    expect(terraform).toHaveLength(1);
    const block = terraform[0];
    expect(text(block?.body.attributes.find((a) => a.name === "required_version")?.expr)).toBe(">= 1.10");
    const providers = block?.body.blocks.find((b) => b.type === "required_providers");
    const aws = providers?.body.attributes.find((a) => a.name === "aws")?.expr;
    expect(aws?.kind).toBe("ObjectCons");
    const field = (name: string) =>
      aws?.kind === "ObjectCons"
        ? text(
            aws.items.find(
              (i) =>
                i.key.kind === "ObjectConsKey" &&
                i.key.wrapped.kind === "ScopeTraversal" &&
                i.key.wrapped.root === name,
            )?.value,
          )
        : undefined;
    expect(field("source")).toBe("hashicorp/aws");
    expect(field("version")).toBe(">= 6.0");
  });
});
