import { describe, expect, it } from "vitest";
import { Sensitive } from "../../../src/hcl/value.js";
import { type Case, call, type ErrorCase, failure } from "./support.js";

describe("numeric functions (Terraform documentation examples)", () => {
  const cases: Case[] = [
    ["abs", [23], 23],
    ["abs", [0], 0],
    ["abs", [-12.4], 12.4],
    ["ceil", [5], 5],
    ["ceil", [5.1], 6],
    ["ceil", [-0.5], 0],
    ["floor", [5], 5],
    ["floor", [4.9], 4],
    ["floor", ["4.9"], 4],
    ["log", [50, 10], 1.6989700043360185],
    ["log", [16, 2], 4],
    ["max", [12, 54, 3], 54],
    ["max", ["12", 5], 12],
    ["min", [12, 54, 3], 3],
    ["parseint", ["100", 10], 100],
    ["parseint", ["FF", 16], 255],
    ["parseint", ["-10", 16], -16],
    ["parseint", ["1011111011101111", 2], 48879],
    ["parseint", ["aA", 62], 656],
    ["parseint", ["+7", 8], 7],
    ["pow", [3, 2], 9],
    ["pow", [4, 0], 1],
    ["signum", [-13], -1],
    ["signum", [0], 0],
    ["signum", [344], 1],
  ];
  it.each(cases)("%s(%j) = %j", (name, args, expected) => {
    expect(call(name, args)).toEqual(expected);
  });

  const errors: ErrorCase[] = [
    ["parseint", ["12", 2], 'cannot parse "12" as a base 2 integer', 0],
    ["parseint", ["", 10], 'cannot parse "" as a base 10 integer', 0],
    ["parseint", ["1", 63], "base must be a whole number between 2 and 62 inclusive", 1],
    ["parseint", [12, 10], "first argument must be a string, not number", 0],
    ["parseint", [new Sensitive("zz"), 10], "cannot parse (sensitive value) as a base 10 integer", 0],
    ["max", [], "must pass at least one number", undefined],
    ["abs", ["x"], "a number is required", 0],
    ["abs", [[1]], "number required", 0],
    ["log", [-1, 10], "the result is not a number", undefined],
  ];
  it.each(errors)("%s(%j) fails: %s", (name, args, message, argIndex) => {
    const e = failure(name, args);
    expect(e.message).toBe(message);
    expect(e.argIndex).toBe(argIndex);
  });

  it("parseint keeps the sensitivity of its input", () => {
    expect(call("parseint", [new Sensitive("ff"), 16])).toEqual(new Sensitive(255));
  });
});
