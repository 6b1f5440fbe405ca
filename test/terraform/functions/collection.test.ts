import { describe, expect, it } from "vitest";
import { makeSet, markOpen, object, Unknown, type Value } from "../../../src/hcl/value.js";
import { type Case, call, type ErrorCase, failure } from "./support.js";

const o = (entries: Record<string, Value>) => object(Object.entries(entries));
const arn = Unknown.of("aws_s3_bucket.phi", ["arn"], "string");
const ids = Unknown.of("aws_subnet.private", ["ids"], "list");

describe("collection functions (Terraform documentation examples)", () => {
  const cases: Case[] = [
    ["alltrue", [["true", true]], true],
    ["alltrue", [[true, false]], false],
    ["alltrue", [[]], true],
    ["anytrue", [["true"]], true],
    ["anytrue", [[true, false]], true],
    ["anytrue", [[]], false],
    ["chunklist", [["a", "b", "c", "d", "e"], 2], [["a", "b"], ["c", "d"], ["e"]]],
    ["chunklist", [["a", "b", "c", "d", "e"], 1], [["a"], ["b"], ["c"], ["d"], ["e"]]],
    ["chunklist", [["a", "b"], 0], [["a", "b"]]],
    ["coalesce", ["a", "b"], "a"],
    ["coalesce", ["", "b"], "b"],
    ["coalesce", [1, 2], 1],
    ["coalesce", [null, 1, ""], "1"],
    [
      "coalescelist",
      [
        ["a", "b"],
        ["c", "d"],
      ],
      ["a", "b"],
    ],
    ["coalescelist", [[], ["c", "d"]], ["c", "d"]],
    ["compact", [["a", "", "b", null, "c"]], ["a", "b", "c"]],
    ["compact", [["a", 1]], ["a", "1"]],
    [
      "concat",
      [
        ["a", ""],
        ["b", "c"],
      ],
      ["a", "", "b", "c"],
    ],
    ["contains", [["a", "b", "c"], "a"], true],
    ["contains", [["a", "b", "c"], "d"], false],
    ["contains", [["1"], 1], false],
    ["contains", [makeSet(["x"]), "x"], true],
    ["distinct", [["a", "b", "a", "c", "d", "b"]], ["a", "b", "c", "d"]],
    ["distinct", [[1, "1"]], ["1"]],
    ["element", [["a", "b", "c"], 1], "b"],
    ["element", [["a", "b", "c"], 3], "a"],
    ["element", [["a", "b", "c"], 2], "c"],
    ["flatten", [[["a", "b"], [], ["c"]]], ["a", "b", "c"]],
    ["flatten", [[[["a", "b"], []], ["c"]]], ["a", "b", "c"]],
    ["flatten", [[makeSet(["b", "a"]), "c"]], ["a", "b", "c"]],
    ["index", [["a", "b", "c"], "b"], 1],
    ["keys", [o({ a: 1, c: 2, d: 3 })], ["a", "c", "d"]],
    ["keys", [o({ b: 1, B: 2, a: 3 })], ["B", "a", "b"]],
    ["length", [[]], 0],
    ["length", [["a", "b"]], 2],
    ["length", [o({ a: "b" })], 1],
    ["length", ["hello"], 5],
    ["length", ["👾🕹️"], 2],
    ["length", ["🕹️"], 1],
    ["length", ["e\u0301\r\n"], 2],
    ["lookup", [o({ a: "ay", b: "bee" }), "a", "what?"], "ay"],
    ["lookup", [o({ a: "ay", b: "bee" }), "c", "what?"], "what?"],
    ["matchkeys", [["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"]], ["i-abc", "i-def"]],
    ["matchkeys", [["a"], ["x"], []], []],
    ["merge", [o({ a: "b", c: "d" }), o({ e: "f", c: "z" })], o({ a: "b", c: "z", e: "f" })],
    ["merge", [o({ a: "b" }), o({ a: [1, 2], c: "z" }), o({ d: 3 })], o({ a: [1, 2], c: "z", d: 3 })],
    ["merge", [null, o({ a: 1 })], o({ a: 1 })],
    ["merge", [], o({})],
    ["one", [[]], null],
    ["one", [["hello"]], "hello"],
    ["one", [makeSet([])], null],
    ["one", [makeSet(["hello"])], "hello"],
    ["range", [3], [0, 1, 2]],
    ["range", [1, 4], [1, 2, 3]],
    ["range", [1, 8, 2], [1, 3, 5, 7]],
    ["range", [1, 4, 0.5], [1, 1.5, 2, 2.5, 3, 3.5]],
    ["range", [4, 1], [4, 3, 2]],
    ["range", [10, 5, -2], [10, 8, 6]],
    ["range", [0, 0.3, 0.1], [0, 0.1, 0.2]],
    ["range", [-3], [0, -1, -2]],
    ["reverse", [[1, 2, 3]], [3, 2, 1]],
    [
      "setintersection",
      [
        ["a", "b"],
        ["b", "c"],
        ["b", "d"],
      ],
      makeSet(["b"]),
    ],
    [
      "setsubtract",
      [
        ["a", "b", "c"],
        ["a", "c"],
      ],
      makeSet(["b"]),
    ],
    ["setunion", [["a", "b"], ["b", "c"], ["d"]], makeSet(["a", "b", "c", "d"])],
    ["setunion", [["1"], [1]], makeSet(["1"])],
    [
      "setproduct",
      [
        ["development", "staging", "production"],
        ["app1", "app2"],
      ],
      [
        ["development", "app1"],
        ["development", "app2"],
        ["staging", "app1"],
        ["staging", "app2"],
        ["production", "app1"],
        ["production", "app2"],
      ],
    ],
    [
      "setproduct",
      [makeSet(["b", "a"]), ["x"]],
      makeSet([
        ["a", "x"],
        ["b", "x"],
      ]),
    ],
    ["setproduct", [[], ["x"]], []],
    ["slice", [["a", "b", "c", "d"], 1, 3], ["b", "c"]],
    ["slice", [["a"], 1, 1], []],
    ["sort", [["e", "d", "a", "x"]], ["a", "d", "e", "x"]],
    ["sort", [[10, 9]], ["10", "9"]],
    ["sum", [[10, 13, 6, 4.5]], 33.5],
    ["sum", [[0.1, 0.2]], 0.3],
    ["sum", [["1", 2]], 3],
    ["transpose", [o({ a: ["1", "2"], b: ["2", "3"] })], o({ "1": ["a"], "2": ["a", "b"], "3": ["b"] })],
    ["values", [o({ a: 3, c: 2, d: 1 })], [3, 2, 1]],
    [
      "zipmap",
      [
        ["a", "b"],
        [1, 2],
      ],
      o({ a: 1, b: 2 }),
    ],
    ["zipmap", [[], []], o({})],
  ];
  it.each(cases)("%s(%j) = %j", (name, args, expected) => {
    expect(call(name, args)).toEqual(expected);
  });

  const errors: ErrorCase[] = [
    ["alltrue", [["maybe"]], "a bool is required", 0],
    ["chunklist", [["a"], -1], "the size argument must be positive", undefined],
    ["coalesce", [null, ""], "no non-null, non-empty-string arguments", undefined],
    ["coalesce", [[1], "a"], "all arguments must have the same type", undefined],
    ["coalescelist", [[], "x"], "coalescelist arguments must be lists or tuples", undefined],
    ["concat", [["a"], "b"], "all arguments must be lists or tuples; got string", 1],
    ["concat", [], "at least one argument is required", undefined],
    ["contains", ["abc", "a"], "argument must be list, tuple, or set", undefined],
    ["distinct", [[1, true]], "all list elements must have the same type", 0],
    ["element", [["a"], -1], "cannot use element function with a negative index", undefined],
    ["element", [[], 0], "cannot use element function with an empty list", undefined],
    ["element", [makeSet(["a"]), 0], "cannot read elements from set of string", undefined],
    [
      "element",
      [["a"], 1.5],
      "invalid index: value must be a whole number, between -9223372036854775808 and 9223372036854775807",
      undefined,
    ],
    ["flatten", ["x"], "can only flatten lists, sets and tuples", undefined],
    ["index", [["a"], "z"], "item not found", undefined],
    ["index", [[], "z"], "cannot search an empty list", undefined],
    ["keys", ["x"], "must have map or object type", 0],
    ["length", [1], "argument must be a string, a collection type, or a structural type", undefined],
    ["lookup", [o({ a: 1 }), "z"], 'lookup failed to find key "z"', undefined],
    ["lookup", [["a"], "z"], "lookup() requires a map as the first argument", 0],
    ["lookup", [o({}), "a", 1, 2], "lookup() takes two or three arguments, got 4", undefined],
    ["matchkeys", [["a", "b"], ["x"], ["x"]], "length of keys and values should be equal", undefined],
    ["merge", [o({}), "x"], 'arguments must be maps or objects, got "string"', undefined],
    ["one", [["a", "b"]], "must be a list, set, or tuple value with either zero or one elements", 0],
    ["range", [1, 4, 0], "step must not be zero", 2],
    ["range", [1, 4, -1], "end must be less than start when step is negative", 1],
    ["range", [4, 1, 1], "end must be greater than start when step is positive", 1],
    [
      "range",
      [2000],
      "more than 1024 values were generated; either decrease the difference between start and end or use a smaller step",
      undefined,
    ],
    ["reverse", ["abc"], "can only reverse list or tuple values, not string", 0],
    ["setproduct", [["a"]], "at least two arguments are required", undefined],
    ["setproduct", [["a"], "b"], "a set or a list is required", 1],
    ["setunion", [["a"], [o({ a: 1 })]], "given sets must all have compatible element types", undefined],
    ["slice", [[1, 2, 3], 2, 1], "start index must not be greater than end index", 1],
    ["slice", [[1], 0, 5], "end index must not be greater than the length of the list", 2],
    ["slice", [[1], -1, 1], "start index must not be less than zero", 1],
    [
      "slice",
      [makeSet([1]), 0, 1],
      "cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important",
      0,
    ],
    ["sort", [["a", null]], "given list element 1 is null; a null string cannot be sorted", 0],
    ["sum", [[]], "cannot sum an empty list", 0],
    ["sum", [["a"]], "argument must be list, set, or tuple of number values", 0],
    ["sum", ["abc"], "cannot sum noniterable", 0],
    ["sum", [o({ a: 1 })], "argument must be list, set, or tuple. Received object", 0],
    ["transpose", [o({ a: "x" })], 'element "a": list of string required', 0],
    ["values", ["x"], "values() requires a map as the first argument", undefined],
    ["zipmap", [["a"], [1, 2]], "number of keys (1) does not match number of values (2)", undefined],
    ["zipmap", [["a"], "x"], "values argument must be a list or tuple value", undefined],
  ];
  it.each(errors)("%s(%j) fails: %s", (name, args, message, argIndex) => {
    const e = failure(name, args);
    expect(e.message).toBe(message);
    expect(e.argIndex).toBe(argIndex);
  });
});

describe("collection functions over unknowns", () => {
  it("keep the known parts of partly-known collections", () => {
    expect(call("concat", [[arn], ["x"]])).toEqual([arn, "x"]);
    expect(call("merge", [o({ a: arn }), o({ b: 1 })])).toEqual(o({ a: arn, b: 1 }));
    expect(call("length", [[arn, arn]])).toBe(2);
    expect(call("keys", [o({ a: arn })])).toEqual(["a"]);
    expect(call("lookup", [o({ a: arn }), "a"])).toBe(arn);
    expect(call("element", [[arn, "b"], 0])).toBe(arn);
    expect(call("flatten", [[[arn], "x"]])).toEqual([arn, "x"]);
    expect(call("contains", [["x", arn], "x"])).toBe(true);
    expect(call("coalesce", ["a", arn])).toBe("a");
    expect(call("setunion", [["a"], [arn]])).toEqual(makeSet(["a", arn]));
    expect(call("zipmap", [["k"], [arn]])).toEqual(o({ k: arn }));
  });

  it("give an unknown naming what they depend on when the answer is open", () => {
    const refs = [{ address: "aws_s3_bucket.phi", path: ["arn"] }];
    const unknowns: [string, Value[], string][] = [
      ["contains", [[arn], "x"], "bool"],
      ["distinct", [[arn, "a"]], "list"],
      ["compact", [[arn]], "list"],
      ["sort", [[arn]], "list"],
      ["index", [[arn], "x"], "number"],
      ["alltrue", [[arn]], "bool"],
      ["sum", [[1, arn]], "number"],
      ["setintersection", [[arn], ["a"]], "set"],
      ["transpose", [o({ a: [arn] })], "map"],
    ];
    for (const [name, args, type] of unknowns) {
      const result = call(name, args);
      expect(result, name).toBeInstanceOf(Unknown);
      expect((result as Unknown).type, name).toBe(type);
      expect((result as Unknown).refs, name).toEqual(refs);
    }
    const subnetRefs = [{ address: "aws_subnet.private", path: ["ids"] }];
    for (const [name, args] of [
      ["length", [ids]],
      ["concat", [["a"], ids]],
      ["flatten", [[ids]]],
      ["merge", [o({}), Unknown.of("var.tags", [], "map")]],
    ] as [string, Value[]][]) {
      const result = call(name, args);
      expect(result, name).toBeInstanceOf(Unknown);
      expect((result as Unknown).refs.length, name).toBe(1);
    }
    expect((call("length", [ids]) as Unknown).refs).toEqual(subnetRefs);
  });

  it("count a set with unknown elements only when they cannot merge", () => {
    expect(call("length", [makeSet([arn])])).toBe(1);
    expect(call("length", [makeSet([arn, "a"])])).toBeInstanceOf(Unknown);
  });

  it("read a missing key of an open object as an unknown attribute", () => {
    const bucket = markOpen(o({ bucket: "phi" }), "aws_s3_bucket.phi");
    expect(call("lookup", [bucket, "bucket", "x"])).toBe("phi");
    expect(call("lookup", [bucket, "arn", "x"])).toEqual(Unknown.of("aws_s3_bucket.phi", ["arn"]));
  });
});
