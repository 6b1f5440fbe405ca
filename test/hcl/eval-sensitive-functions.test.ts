import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/hcl/eval.js";
import { parseExpression } from "../../src/hcl/parser.js";
import { isSensitive, object, Sensitive, type Value } from "../../src/hcl/value.js";
import { createFunctions } from "../../src/terraform/functions/index.js";

const functions = createFunctions({ baseDir: "/nowhere", rootDir: "/nowhere" });
const variables = object([
  [
    "var",
    object([
      ["secret", new Sensitive("hunter2")],
      ["number", new Sensitive("12")],
    ]),
  ],
]);

function run(source: string): { value: Value; details: string[] } {
  const { expr } = parseExpression(source, "test.tf");
  const { value, diagnostics } = evaluate(expr, { variables, functions });
  return { value, details: diagnostics.map((d) => `${d.summary}: ${d.detail}`) };
}

describe("sensitive values through functions", () => {
  it("lets nonsensitive() remove the mark and issensitive() see it", () => {
    expect(run("nonsensitive(var.secret)")).toEqual({ value: "hunter2", details: [] });
    expect(run("issensitive(var.secret)")).toEqual({ value: true, details: [] });
    expect(run('issensitive("plain")')).toEqual({ value: false, details: [] });
  });

  it("keeps the mark on ordinary results", () => {
    const { value } = run("upper(var.secret)");
    expect(isSensitive(value)).toBe(true);
    expect(run("tonumber(var.number)").value).toEqual(new Sensitive(12));
  });

  it("never quotes a sensitive argument in a diagnostic", () => {
    const { details } = run("tonumber(var.secret)");
    expect(details).toEqual([
      'Invalid function argument: Invalid value for "v" parameter: the argument is sensitive, so its details are not shown.',
    ]);
    expect(details.join()).not.toContain("hunter2");
  });
});
