import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EagerFunction, FunctionError, type FunctionParam } from "../../../src/hcl/function.js";
import { containsUnknown, makeSet, object, Sensitive, Unknown, type Value } from "../../../src/hcl/value.js";
import { createFunctions } from "../../../src/terraform/functions/index.js";
import { site } from "./support.js";

const functions = createFunctions({ baseDir: "/nonexistent/phiform/config", rootDir: "/nonexistent/phiform/config" });

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -300, max: 300 }),
  fc.double({ noNaN: true }),
  fc.constantFrom(
    "",
    "a",
    "10.0.0.0/16",
    "fd00::/56",
    "%s-%d",
    "2018-01-02T23:12:01Z",
    "[a-z]+",
    '{"a":1}',
    "x\ny",
    "1h",
    "💃🏿é",
  ),
  fc.string({ maxLength: 8 }),
  fc.constantFrom<Value>(
    Unknown.of("aws_s3_bucket.b", ["arn"], "string"),
    new Unknown(),
    Unknown.of("var.l", [], "list"),
  ),
);
const value: fc.Arbitrary<Value> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(tie("value") as fc.Arbitrary<Value>, { maxLength: 4 }).map((items) => makeSet(items)),
    fc
      .dictionary(fc.constantFrom("a", "b", "name", "1x"), tie("value") as fc.Arbitrary<Value>, { maxKeys: 3 })
      .map((d) => object(Object.entries(d))),
  ),
})).value as fc.Arbitrary<Value>;

/** An argument the evaluator could pass for this parameter (it filters nulls, unknowns and marks as declared). */
function admissible(v: Value, param: FunctionParam): boolean {
  if (v === null && !param.allowNull) return false;
  if (!param.allowUnknown && containsUnknown(v)) return false;
  return true;
}

const eager = [...functions].filter(([, f]) => f.kind !== "lazy") as [string, EagerFunction][];

describe("every function either returns a value or throws FunctionError", () => {
  it.each(eager.map(([name]) => name))("%s", (name) => {
    const fn = functions.get(name) as EagerFunction;
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), fc.boolean(), (raw, marked) => {
        const min = fn.params.length;
        const args = raw.slice(0, fn.variadic ? raw.length : min);
        while (args.length < min) args.push("a");
        const params = args.map((_, i) => (fn.params[i] ?? fn.variadic) as FunctionParam);
        if (!args.every((v, i) => admissible(v, params[i] as FunctionParam))) return;
        const passed = args.map((v, i) => (marked && params[i]?.allowMarked ? new Sensitive(v) : v));
        try {
          fn.impl(passed, site);
        } catch (e) {
          expect(e, `${name}(${passed.map((a) => JSON.stringify(a)).join(", ")})`).toBeInstanceOf(FunctionError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
