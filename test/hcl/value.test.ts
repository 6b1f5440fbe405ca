import { describe, expect, it } from "vitest";
import { canonicalText, equalValues, makeSet, object, Sensitive, Unknown, unmark } from "../../src/hcl/value.js";

describe("values", () => {
  it("orders sets canonically and removes duplicates", () => {
    expect(makeSet(["b", 2, "a", true, 1, "b", object([["k", 1]])]).items).toEqual([
      "a",
      "b",
      1,
      2,
      true,
      object([["k", 1]]),
    ]);
  });

  it("compares structurally without conversion", () => {
    expect(equalValues(object([["a", [1, "x"]]]), object([["a", [1, "x"]]]))).toBe(true);
    expect(equalValues("1", 1)).toBe(false);
    const u = new Unknown();
    expect(equalValues(u, u)).toBe(false);
  });

  it("treats __proto__ as an ordinary key", () => {
    const o = object([["__proto__", "x"]]);
    expect(Object.keys(o)).toEqual(["__proto__"]);
    expect(canonicalText(o)).toBe('{"__proto__":"x"}');
  });

  it("strips sensitive marks deeply and reports them", () => {
    expect(unmark([1, new Sensitive("secret")])).toEqual({ value: [1, "secret"], sensitive: true });
    expect(unmark([1, 2])).toEqual({ value: [1, 2], sensitive: false });
  });
});
