import { describe, expect, it } from "vitest";
import { adapt } from "../../../src/adapters/aws/adapt.js";
import { buildGraph } from "../../../src/terraform/evaluator.js";
import { memoryFileSystem } from "../../../src/terraform/loader.js";

const dir = "/account-fixture";

/** The account subject of a configuration given as files relative to its root module. */
function accountOf(files: Record<string, string>): string | undefined {
  const fs = memoryFileSystem(
    Object.fromEntries(Object.entries(files).map(([path, text]) => [`${dir}/${path}`, text])),
  );
  const graph = buildGraph(dir, { fs, rootDir: dir });
  expect(graph.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const account = adapt(graph).model.account;
  if (!account) return undefined;
  const r = account.range;
  return `${account.address} ${r.file.slice(dir.length + 1)}:${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

const bucket = `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`;

describe("the account subject", () => {
  it("is located at the root module's default aws provider, not an aliased one", () => {
    expect(
      accountOf({
        "main.tf": bucket,
        "providers.tf": `provider "aws" {
  alias  = "replica"
  region = "eu-west-1"
}
provider "aws" {
  region = "us-east-1"
}
`,
      }),
    ).toBe("account providers.tf:5:1-7:2");
  });

  it("falls back to the first AWS resource of the root module", () => {
    expect(accountOf({ "main.tf": `variable "x" {\n  default = 1\n}\n${bucket}` })).toBe("account main.tf:4:1-6:2");
  });

  it("falls back to the root module call that leads to the first AWS resource", () => {
    expect(
      accountOf({
        "main.tf": `module "data" {\n  source = "./modules/data"\n}\n`,
        "modules/data/main.tf": bucket,
      }),
    ).toBe("account main.tf:1:1-3:2");
  });

  it("does not exist for a configuration without AWS", () => {
    expect(accountOf({ "main.tf": `variable "x" {\n  default = 1\n}\n` })).toBeUndefined();
  });
});
