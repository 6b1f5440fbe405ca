import { describe, expect, it } from "vitest";
import { error } from "../../../src/hcl/diagnostic.js";
import type { EvaluatedArg, LazyFunction } from "../../../src/hcl/function.js";
import { makeSet, object, Sensitive, Unknown, type Value } from "../../../src/hcl/value.js";
import { createFunctions } from "../../../src/terraform/functions/index.js";
import { type Case, call, type ErrorCase, failure, fn, range, site } from "./support.js";

const o = (entries: Record<string, Value>) => object(Object.entries(entries));
const arn = Unknown.of("aws_s3_bucket.phi", ["arn"], "string");

describe("type conversion functions (Terraform documentation examples)", () => {
  const cases: Case[] = [
    ["tostring", ["hello"], "hello"],
    ["tostring", [1], "1"],
    ["tostring", [true], "true"],
    ["tostring", [null], null],
    ["tostring", [1e21], "1000000000000000000000"],
    ["tostring", [1.5e-7], "0.00000015"],
    ["tostring", [-0.5], "-0.5"],
    ["tostring", [123456789012], "123456789012"],
    ["tonumber", [1], 1],
    ["tonumber", ["1"], 1],
    ["tonumber", ["-1.5e3"], -1500],
    ["tonumber", [null], null],
    ["tobool", [true], true],
    ["tobool", ["true"], true],
    ["tobool", [null], null],
    ["tolist", [["a", "b", "c"]], ["a", "b", "c"]],
    ["tolist", [["a", "b", 3]], ["a", "b", "3"]],
    ["tolist", [makeSet(["b", "a"])], ["a", "b"]],
    ["tolist", [[o({ a: 1 }), o({ b: "x" })]], [o({ a: "1" }), o({ b: "x" })]],
    ["toset", [["a", "b", "c"]], makeSet(["a", "b", "c"])],
    ["toset", [["a", "b", 3]], makeSet(["3", "a", "b"])],
    ["toset", [["c", "b", "b"]], makeSet(["b", "c"])],
    ["tomap", [o({ a: 1, b: 2 })], o({ a: 1, b: 2 })],
    ["tomap", [o({ a: "foo", b: true })], o({ a: "foo", b: "true" })],
  ];
  it.each(cases)("%s(%j) = %j", (name, args, expected) => {
    expect(call(name, args)).toEqual(expected);
  });

  const errors: ErrorCase[] = [
    ["tostring", [[]], "cannot convert tuple to string", 0],
    ["tostring", [o({})], "cannot convert object to string", 0],
    ["tonumber", ["no"], 'cannot convert "no" to number; given string must be a decimal representation of a number', 0],
    ["tonumber", [true], "cannot convert bool to number", 0],
    ["tobool", ["no"], 'cannot convert "no" to bool; only the strings "true" or "false" are allowed', 0],
    ["tobool", [1], "cannot convert number to bool", 0],
    ["tolist", ["a"], "cannot convert string to list of any single type", 0],
    ["tolist", [[1, true]], "cannot convert tuple to list of any single type", 0],
    ["toset", [[o({}), []]], "cannot convert tuple to set of any single type", 0],
    ["tomap", [["a"]], "cannot convert tuple to map of any single type", 0],
    ["tonumber", [new Sensitive("s3cr3t")], "cannot convert this sensitive string to number", 0],
  ];
  it.each(errors)("%s(%j) fails: %s", (name, args, message, argIndex) => {
    const e = failure(name, args);
    expect(e.message).toBe(message);
    expect(e.argIndex).toBe(argIndex);
  });

  it("converts collections holding unknowns without losing their known elements", () => {
    expect(call("toset", [["a", arn]])).toEqual(makeSet(["a", arn]));
    expect(call("tolist", [[arn, 1]])).toEqual([arn, "1"]);
    const whole = call("tostring", [arn]);
    expect(whole).toEqual(new Unknown([{ address: "aws_s3_bucket.phi", path: ["arn"] }], "string"));
  });

  it("keeps a sensitive argument's mark on the result", () => {
    expect(call("tostring", [new Sensitive(1)])).toEqual(new Sensitive("1"));
    expect(call("toset", [new Sensitive(["a"])])).toEqual(new Sensitive(makeSet(["a"])));
  });
});

describe("sensitivity functions", () => {
  it("sensitive marks, nonsensitive unmarks only the value itself, issensitive reports the mark", () => {
    expect(call("sensitive", ["x"])).toEqual(new Sensitive("x"));
    expect(call("sensitive", [new Sensitive("x")])).toEqual(new Sensitive("x"));
    expect(call("nonsensitive", [new Sensitive("x")])).toBe("x");
    expect(call("nonsensitive", ["x"])).toBe("x");
    expect(call("nonsensitive", [[new Sensitive("x")]])).toEqual([new Sensitive("x")]);
    expect(call("nonsensitive", [new Sensitive(arn)])).toBe(arn);
    expect(call("issensitive", [new Sensitive("x")])).toBe(true);
    expect(call("issensitive", ["x"])).toBe(false);
    expect(call("issensitive", [new Sensitive(arn)])).toBe(true);
  });

  it("declares the parameters that receive marks", () => {
    for (const name of ["sensitive", "nonsensitive", "issensitive", "tostring", "tonumber", "lookup", "file"]) {
      expect(
        fn(name).params.some((p) => p.allowMarked),
        name,
      ).toBe(true);
    }
    expect(fn("upper").params.some((p) => p.allowMarked)).toBe(false);
  });
});

describe("try and can", () => {
  const functions = createFunctions({ baseDir: "/x", rootDir: "/x" });
  const lazy = (name: string) => functions.get(name) as LazyFunction;
  const ok = (value: Value) => (): EvaluatedArg => ({ value, diagnostics: [] });
  const bad = (summary: string, detail: string) => (): EvaluatedArg => ({
    value: new Unknown(),
    diagnostics: [
      error(summary, detail, {
        file: "main.tf",
        start: { line: 3, column: 7, byte: 40 },
        end: { line: 3, column: 19, byte: 52 },
      }),
    ],
  });
  const never = (): EvaluatedArg => {
    throw new Error("evaluated an argument after a successful one");
  };

  it("are lazy functions", () => {
    expect(lazy("try").kind).toBe("lazy");
    expect(lazy("can")).toMatchObject({ kind: "lazy", minArgs: 1, maxArgs: 1 });
    expect(lazy("try").minArgs).toBe(1);
  });

  it("try returns the first argument that evaluates without errors, evaluating no further", () => {
    expect(lazy("try").impl([ok("first"), never], site)).toBe("first");
    expect(lazy("try").impl([bad("Unsupported attribute", "No bar."), ok("fallback"), never], site)).toBe("fallback");
  });

  it("try is unknown when the first successful argument holds unknowns", () => {
    const result = lazy("try").impl([bad("x", "y"), ok([arn]), never], site);
    expect(result).toEqual(new Unknown([{ address: "aws_s3_bucket.phi", path: ["arn"] }]));
  });

  it("try fails with every error when no argument succeeds", () => {
    let message = "";
    try {
      lazy("try").impl(
        [bad("Unsupported attribute", "This object has no bar."), bad("Invalid index", "No key.")],
        site,
      );
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      "no expression succeeded:\n- Unsupported attribute (at main.tf:3,7-19)\n  This object has no bar.\n- Invalid index (at main.tf:3,7-19)\n  No key.\n\nAt least one expression must produce a successful result",
    );
  });

  it("can is true, false, or unknown when the answer depends on unknowns", () => {
    expect(lazy("can").impl([ok("x")], site)).toBe(true);
    expect(lazy("can").impl([bad("x", "y")], site)).toBe(false);
    const open = lazy("can").impl([ok(arn)], site);
    expect(open).toBeInstanceOf(Unknown);
    expect((open as Unknown).type).toBe("bool");
  });

  it("has a site with the call's range", () => {
    expect(site.range).toBe(range);
  });
});
