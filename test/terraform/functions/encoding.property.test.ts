import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { object, type Value } from "../../../src/hcl/value.js";
import { numberToString } from "../../../src/terraform/functions/number-text.js";
import { call } from "./support.js";

/** JSON-shaped values built the way the evaluator builds them (null-prototype objects). */
const value: fc.Arbitrary<Value> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.string(),
    fc.array(tie("value")),
    fc.dictionary(fc.string(), tie("value") as fc.Arbitrary<Value>).map((d) => object(Object.entries(d))),
  ),
})).value as fc.Arbitrary<Value>;

describe("encoding round trips", () => {
  it("jsondecode(jsonencode(v)) is v, and JavaScript reads the same JSON", () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = call("jsonencode", [v]) as string;
        expect(call("jsondecode", [text])).toEqual(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });

  it("number text never uses an exponent and reads back as the same number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = numberToString(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(Object.is(n, -0) ? 0 : n);
      }),
      { numRuns: 2000 },
    );
  });
});
