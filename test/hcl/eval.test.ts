// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are HCL, where ${ starts an interpolation
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Body, Expression } from "../../src/hcl/ast.js";
import type { Diagnostic } from "../../src/hcl/diagnostic.js";
import { evaluate, evaluateTemplate, referencedVariables } from "../../src/hcl/eval.js";
import { FunctionError, type HclFunction } from "../../src/hcl/function.js";
import { parse, parseExpression, parseTemplate } from "../../src/hcl/parser.js";
import { makeSet, markOpen, object, Sensitive, Unknown, type Value } from "../../src/hcl/value.js";
import { sharedDir, sharedMissing, sharedPath } from "../support/shared.js";

const bucketArn = Unknown.of("aws_s3_bucket.b", ["arn"], "string");
const bucket = Unknown.of("aws_s3_bucket.b", []);

const functions: ReadonlyMap<string, HclFunction> = new Map<string, HclFunction>([
  [
    "upper",
    {
      params: [{ name: "str" }],
      returns: "string",
      impl: ([s]) => {
        if (typeof s !== "string") throw new FunctionError("string required", 0);
        return s.toUpperCase();
      },
    },
  ],
  [
    "join",
    {
      params: [{ name: "separator" }],
      variadic: { name: "lists" },
      returns: "string",
      impl: ([sep, ...lists]) => lists.flatMap((l) => (Array.isArray(l) ? l : [l])).join(sep as string),
    },
  ],
  [
    "coalesce",
    {
      params: [],
      variadic: { name: "vals", allowNull: true },
      impl: (args) => {
        const found = args.find((a) => a !== null && a !== "");
        if (found === undefined) throw new FunctionError("no non-null, non-empty-string arguments");
        return found;
      },
    },
  ],
  [
    "known",
    { params: [{ name: "value", allowUnknown: true }], returns: "bool", impl: ([v]) => !(v instanceof Unknown) },
  ],
  [
    "boom",
    {
      params: [],
      impl: () => {
        throw new TypeError("implementation bug");
      },
    },
  ],
  [
    "try",
    {
      kind: "lazy",
      minArgs: 1,
      maxArgs: Number.POSITIVE_INFINITY,
      impl: (args) => {
        for (const arg of args) {
          const r = arg();
          if (!r.diagnostics.some((d) => d.severity === "error")) return r.value;
        }
        throw new FunctionError("no expression succeeded");
      },
    },
  ],
]);

function run(src: string, vars: Record<string, Value> = {}, fns: ReadonlyMap<string, HclFunction> = functions) {
  const { expr, diagnostics } = parseExpression(src, "t.hcl");
  expect(diagnostics).toEqual([]);
  return evaluate(expr, { variables: object(Object.entries(vars)), functions: fns });
}

function value(src: string, vars: Record<string, Value> = {}): Value {
  const r = run(src, vars);
  expect(r.diagnostics).toEqual([]);
  return r.value;
}

/** Diagnostics as `severity summary: detail @line:col-line:col`. */
function problems(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `${d.severity} ${d.summary}: ${d.detail} @${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`,
  );
}

function failure(src: string, vars: Record<string, Value> = {}): { value: Value; problems: string[] } {
  const r = run(src, vars);
  return { value: r.value, problems: problems(r.diagnostics) };
}

const noRefs = new Unknown([], "any");

describe("literals and collections", () => {
  it("evaluates literals, tuples and objects", () => {
    expect(value(`[1, "a", true, null]`)).toEqual([1, "a", true, null]);
    expect(value(`{ a = 1, "b" = 2, (k) = 3, null = 4 }`, { k: "c" })).toEqual(
      object([
        ["a", 1],
        ["b", 2],
        ["c", 3],
        ["null", 4],
      ]),
    );
  });

  it("converts keys to strings and rejects unsuitable ones", () => {
    expect(value(`{ (n) = "x", (b) = "y" }`, { n: 1.5, b: true })).toEqual(
      object([
        ["1.5", "x"],
        ["true", "y"],
      ]),
    );
    expect(failure(`{ (k) = 1 }`, { k: null })).toEqual({
      value: new Unknown([], "map"),
      problems: ["error Null value as key: Can't use a null value as a key. @1:9-1:10"],
    });
    expect(failure(`{ (k) = 1 }`, { k: [] })).toEqual({
      value: new Unknown([], "map"),
      problems: ["error Incorrect key type: Can't use this value as a key: string required. @1:3-1:6"],
    });
    expect(failure(`{ a.b = 1 }`).problems).toEqual([
      "error Ambiguous attribute key: If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal. @1:3-1:6",
    ]);
  });

  it("keeps the last of duplicate keys, with a warning at the repeated key", () => {
    expect(failure(`{ a = 1, a = 2 }`)).toEqual({
      value: object([["a", 2]]),
      problems: [
        'warning Duplicate object attribute: An attribute named "a" was already defined at t.hcl:1:3; this later definition replaces it. @1:10-1:11',
      ],
    });
  });

  it("makes an object with an unknown key unknown, depending on the key", () => {
    expect(value(`{ (k) = 1 }`, { k: bucketArn })).toEqual(new Unknown(bucketArn.refs, "map"));
  });
});

describe("operators", () => {
  it("computes arithmetic on decimals as cty does", () => {
    expect(value("0.1 + 0.2")).toBe(0.3);
    expect(value("11 % 5.1")).toBe(0.8);
    expect(value("11 % 5")).toBe(1);
    expect(value("-7 % 3")).toBe(-1);
    expect(value("1 / 10")).toBe(0.1);
    expect(value("0.3 - 0.1")).toBe(0.2);
    expect(value("1.1 * 3")).toBe(3.3);
    expect(value("2 - 3.5")).toBe(-1.5);
    expect(value("9007199254740993 * 1")).toBe(9007199254740992);
    expect(value("3.14159265358979323846264338327950288419716939937510582097494459 + 1")).toBe(4.141592653589793);
    expect(value("(1 + 2) * 3 - 4 / 2")).toBe(7);
  });

  it("divides by zero as cty does: infinity, or an error for zero by zero", () => {
    expect(value("1 / 0")).toBe(Number.POSITIVE_INFINITY);
    expect(value("-1 / 0")).toBe(Number.NEGATIVE_INFINITY);
    expect(value("5 % 0")).toBe(5);
    expect(failure("0 / 0")).toEqual({
      value: new Unknown([], "number"),
      problems: [
        "error Operation failed: Error during operation: can't divide zero by zero or infinity by infinity. @1:1-1:6",
      ],
    });
  });

  it("converts operands as cty does, and reports unsuitable ones on the operand", () => {
    expect(value(`"1" + 1`)).toBe(2);
    expect(value(`"true" && true`)).toBe(true);
    expect(value(`-"2"`)).toBe(-2);
    expect(value(`!"false"`)).toBe(true);
    expect(value(`"10" > 9`)).toBe(true);
    expect(failure(`true + 1`)).toEqual({
      value: new Unknown([], "number"),
      problems: ["error Invalid operand: Unsuitable value for left operand: number required. @1:1-1:5"],
    });
    expect(failure(`1 + "x"`).problems).toEqual([
      "error Invalid operand: Unsuitable value for right operand: a number is required. @1:5-1:8",
    ]);
    expect(failure(`1 && true`).problems).toEqual([
      "error Invalid operand: Unsuitable value for left operand: bool required. @1:1-1:2",
    ]);
    expect(failure(`!"yes"`).problems).toEqual([
      "error Invalid operand: Unsuitable value for unary operand: a bool is required. @1:2-1:7",
    ]);
    expect(failure(`-[1]`).problems).toEqual([
      "error Invalid operand: Unsuitable value for unary operand: number required. @1:2-1:5",
    ]);
    expect(failure(`n + 1`, { n: null }).problems).toEqual([
      "error Operation failed: Error during operation: argument must not be null. @1:1-1:6",
    ]);
  });

  it("compares for equality without conversion", () => {
    expect(value(`"1" == 1`)).toBe(false);
    expect(value(`"true" != true`)).toBe(true);
    expect(value(`[1, "a"] == [1, "a"]`)).toBe(true);
    expect(value(`{ a = [1] } == { a = [1] }`)).toBe(true);
    expect(value(`{ a = 1 } == { b = 1 }`)).toBe(false);
    expect(value(`n == null`, { n: null })).toBe(true);
    expect(value(`1 == null`)).toBe(false);
    expect(value(`s == s`, { s: makeSet(["a", "b"]) })).toBe(true);
  });

  it("compares numbers", () => {
    expect([value("1 < 2"), value("2 <= 1"), value("1 >= 1"), value("1 > 1")]).toEqual([true, false, true, false]);
  });

  it("gives unknown results that depend on the unknown operands", () => {
    expect(value("u + 1", { u: bucketArn })).toEqual(new Unknown(bucketArn.refs, "number"));
    expect(value(`u == "x"`, { u: bucketArn })).toEqual(new Unknown(bucketArn.refs, "bool"));
    expect(value(`u < 1`, { u: bucketArn })).toEqual(new Unknown(bucketArn.refs, "bool"));
    expect(value(`-u`, { u: Unknown.of("x.y", ["n"], "number") })).toEqual(Unknown.of("x.y", ["n"], "number"));
    // A known difference decides equality even next to an unknown.
    expect(value(`[u, 1] == [2, 2]`, { u: bucketArn })).toBe(false);
    expect(value(`u == 1`, { u: bucketArn })).toBe(false);
    expect(value(`[u] == ["x"]`, { u: bucketArn })).toEqual(new Unknown(bucketArn.refs, "bool"));
  });

  it("short-circuits && and || on a controlling known operand", () => {
    expect(value(`false && u`, { u: Unknown.of("x.y", ["b"], "bool") })).toBe(false);
    expect(value(`u || true`, { u: Unknown.of("x.y", ["b"], "bool") })).toBe(true);
    expect(value(`true && u`, { u: Unknown.of("x.y", ["b"], "bool") })).toEqual(Unknown.of("x.y", ["b"], "bool"));
    // The right side's error is dropped when the left side decides, as in HCL.
    expect(failure(`false && nope`)).toEqual({ value: false, problems: [] });
    expect(failure(`true && nope`).problems).toEqual([
      'error Unknown variable: There is no variable named "nope". @1:9-1:13',
    ]);
  });

  it("marks results computed from sensitive values", () => {
    expect(value(`s == "x"`, { s: new Sensitive("x") })).toEqual(new Sensitive(true));
    expect(value(`s + 1`, { s: new Sensitive(1) })).toEqual(new Sensitive(2));
    expect(value(`!s`, { s: new Sensitive(true) })).toEqual(new Sensitive(false));
  });
});

describe("templates", () => {
  it("converts interpolated values to strings as cty does", () => {
    expect(value(`"n=\${n} b=\${b} f=\${f}"`, { n: 1e21, b: true, f: -0.0000001 })).toBe(
      "n=1000000000000000000000 b=true f=-0.0000001",
    );
    expect(value(`"\${0.1 + 0.2}!"`)).toBe("0.3!");
  });

  it("returns a single interpolation's value unconverted", () => {
    expect(value(`"\${[1, true]}"`)).toEqual([1, true]);
    expect(value(`"\${n}"`, { n: null })).toBe(null);
  });

  it("reports null and unconvertible interpolations on the interpolated expression", () => {
    expect(failure(`"a\${n}b"`, { n: null })).toEqual({
      value: new Unknown([], "string"),
      problems: [
        "error Invalid template interpolation value: The expression result is null. Cannot include a null value in a string template. @1:5-1:6",
      ],
    });
    expect(failure(`"a\${l}"`, { l: [1] }).problems).toEqual([
      "error Invalid template interpolation value: Cannot include the given value in a string template: string required. @1:5-1:6",
    ]);
  });

  it("records the known text and unknown pieces of an unknown string", () => {
    const r = value(`"\${u}/*"`, { u: bucketArn });
    expect(r).toEqual(new Unknown(bucketArn.refs, "string", [bucketArn, "/*"]));
    const nested = value(`"arn:\${x}:\${y}"`, { x: value(`"\${u}/a"`, { u: bucketArn }), y: 2 });
    expect(nested).toEqual(new Unknown(bucketArn.refs, "string", ["arn:", bucketArn, "/a:2"]));
  });

  it("evaluates if and for directives, with strip markers", () => {
    expect(value(`"%{ if true ~} hello %{~ endif }"`)).toBe("hello");
    expect(value(`"%{ if x }yes%{ else }no%{ endif }"`, { x: false })).toBe("no");
    expect(value(`"%{ if x }yes%{ endif }"`, { x: "false" })).toBe("");
    expect(
      value(`"%{ for k, v in m }\${k}=\${v};%{ endfor }"`, {
        m: object([
          ["b", 2],
          ["a", 1],
        ]),
      }),
    ).toBe("a=1;b=2;");
    expect(value(`"%{ for v in [true] }\${v}%{ endfor }"`)).toBe("true");
    expect(value(`"%{ for v in l ~}\\n  \${v}\\n%{~ endfor }"`, { l: ["x", "y"] })).toBe("xy");
  });

  it("reports a wrong directive condition on the condition", () => {
    expect(failure(`"%{ if 1 }a%{ endif }"`)).toEqual({
      value: new Unknown([], "string"),
      problems: ["error Incorrect condition type: The condition expression must be of type bool. @1:8-1:9"],
    });
  });

  it("makes a directive over unknowns unknown", () => {
    const u = Unknown.of("x.y", ["c"], "bool");
    expect(value(`"%{ if u }a%{ endif }!"`, { u })).toEqual(
      new Unknown(u.refs, "string", [new Unknown(u.refs, "string"), "!"]),
    );
    expect(value(`"%{ for v in l }\${v}%{ endfor }"`, { l: bucket })).toEqual(
      new Unknown(bucket.refs, "string", [new Unknown(bucket.refs, "string")]),
    );
  });

  it("marks a template with a sensitive part", () => {
    expect(value(`"key=\${s}"`, { s: new Sensitive("secret") })).toEqual(new Sensitive("key=secret"));
  });

  it("evaluates standalone templates as templatefile does", () => {
    const { expr, diagnostics } = parseTemplate("Hello, ${name}!\n%{ for x in xs }- ${x}\n%{ endfor }", "t.tpl");
    expect(diagnostics).toEqual([]);
    expect(
      evaluateTemplate(
        expr,
        object([
          ["name", "World"],
          ["xs", ["a", "b"]],
        ]),
      ),
    ).toEqual({
      value: "Hello, World!\n- a\n- b\n",
      diagnostics: [],
    });
  });
});

describe("variables and traversals", () => {
  it("reports unknown variables on the name, suggesting a close one", () => {
    expect(failure(`locl.a`, { local: object() })).toEqual({
      value: noRefs,
      problems: ['error Unknown variable: There is no variable named "locl". Did you mean "local"? @1:1-1:5'],
    });
  });

  it("reads attributes, indexes and legacy indexes", () => {
    const vars = {
      v: object([
        ["list", ["a", "b"]],
        ["map", object([["k", 1]])],
      ]),
    };
    expect(value(`v.list[1]`, vars)).toBe("b");
    expect(value(`v.list.0`, vars)).toBe("a");
    expect(value(`v.list["1"]`, vars)).toBe("b");
    expect(value(`v.map["k"]`, vars)).toBe(1);
    expect(value(`v["map"].k`, vars)).toBe(1);
    expect(value(`v.list[i]`, { ...vars, i: 1 })).toBe("b");
  });

  it("reports a bad step on the step", () => {
    const vars = { l: ["a"], m: object([["a", 1]]), n: null, s: makeSet(["x"]), e: [] };
    expect(failure(`m.b`, vars)).toEqual({
      value: noRefs,
      problems: ['error Unsupported attribute: This object does not have an attribute named "b". @1:2-1:4'],
    });
    expect(failure(`l[1]`, vars).problems).toEqual([
      "error Invalid index: The given key does not identify an element in this collection value: the given index is greater than or equal to the length of the collection. @1:2-1:5",
    ]);
    expect(failure(`e[0]`, vars).problems).toEqual([
      "error Invalid index: The given key does not identify an element in this collection value: the collection has no elements. @1:2-1:5",
    ]);
    expect(failure(`l[-1]`, vars).problems).toEqual([
      "error Invalid index: The given key does not identify an element in this collection value: a negative number is not a valid index for a sequence. @1:2-1:6",
    ]);
    expect(failure(`l[0.5]`, vars).problems).toEqual([
      "error Invalid index: The given key does not identify an element in this collection value: indexing a sequence requires a whole number, but the given index has a fractional part. @1:2-1:7",
    ]);
    expect(failure(`l["x"]`, vars).problems).toEqual([
      "error Invalid index: The given key does not identify an element in this collection value: a number is required. @1:2-1:7",
    ]);
    expect(failure(`m[0]`, vars).problems).toEqual([
      "error Invalid index: The given key does not identify an element in this collection value. An object only supports looking up attributes by name, not by numeric index. @1:2-1:5",
    ]);
    expect(failure(`n.a`, vars).problems).toEqual([
      "error Attempt to get attribute from null value: This value is null, so it does not have any attributes. @1:2-1:4",
    ]);
    expect(failure(`n[0]`, vars).problems).toEqual([
      "error Attempt to index null value: This value is null, so it does not have any indices. @1:2-1:5",
    ]);
    expect(failure(`s[0]`, vars).problems).toEqual([
      "error Invalid index: Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set. @1:2-1:5",
    ]);
    expect(failure(`l.a`, vars).problems).toEqual([
      "error Unsupported attribute: This value does not have any attributes. @1:2-1:4",
    ]);
    expect(failure(`"x".a`, vars).problems).toEqual([
      "error Unsupported attribute: Can't access attributes on a primitive-typed value (string). @1:4-1:6",
    ]);
    expect(failure(`l[k]`, { ...vars, k: null }).problems).toEqual([
      "error Invalid index: Can't use a null value as an indexing key. @1:2-1:5",
    ]);
  });

  it("hints at splats when reading an attribute of a list of objects", () => {
    expect(failure(`l.id`, { l: [object([["id", 1]])] }).problems).toEqual([
      `error Unsupported attribute: Can't access attributes on a list of objects. Did you mean to access attribute "id" for a specific element of the list, or across all elements of the list? @1:2-1:5`,
    ]);
  });

  it("extends the reference of an unknown by each step", () => {
    expect(value(`b.versioning[0].enabled`, { b: bucket })).toEqual(
      Unknown.of("aws_s3_bucket.b", ["versioning", 0, "enabled"]),
    );
    expect(value(`b[k]`, { b: bucket, k: "x" })).toEqual(Unknown.of("aws_s3_bucket.b", ["x"]));
    expect(value(`b[k]`, { b: object([["x", 1]]), k: bucketArn })).toEqual(new Unknown(bucketArn.refs, "any"));
  });

  it("reports steps into unknowns of primitive type", () => {
    expect(failure(`u.x`, { u: bucketArn }).problems).toEqual([
      "error Unsupported attribute: Can't access attributes on a primitive-typed value (string). @1:2-1:4",
    ]);
    expect(failure(`u[0]`, { u: bucketArn }).problems).toEqual([
      "error Invalid index: This value does not have any indices. @1:2-1:5",
    ]);
  });

  it("reads a missing attribute of an open object as an unknown naming the instance", () => {
    const instance = markOpen(object([["bucket", "logs"]]), "aws_s3_bucket.logs");
    expect(value(`b.bucket`, { b: instance })).toBe("logs");
    const arn = value(`b.arn`, { b: instance }) as Unknown;
    expect(arn.refs.map((r) => [r.address, r.path])).toEqual([["aws_s3_bucket.logs", ["arn"]]]);
    expect(arn.refs[0]?.range?.start.column).toBe(2);
    const nested = value(`b.logging[0].target`, { b: instance }) as Unknown;
    expect(nested.refs.map((r) => [r.address, r.path])).toEqual([["aws_s3_bucket.logs", ["logging", 0, "target"]]]);
  });

  it("marks what is read from a sensitive value", () => {
    expect(value(`s.a`, { s: new Sensitive(object([["a", 1]])) })).toEqual(new Sensitive(1));
    expect(value(`l[s]`, { l: ["a", "b"], s: new Sensitive(1) })).toEqual(new Sensitive("b"));
  });

  it("lists the variables an expression refers to, excluding its own for variables", () => {
    const { expr } = parseExpression(`[for k, v in var.m : local.x[k] if v != each.key]`, "t.hcl");
    expect(referencedVariables(expr).map((t) => [t.root, t.range.start.column])).toEqual([
      ["var", 14],
      ["local", 22],
      ["each", 41],
    ]);
  });
});

describe("splats", () => {
  const objs = [
    object([
      ["id", "a"],
      ["tags", ["x"]],
    ]),
    object([
      ["id", "b"],
      ["tags", ["y"]],
    ]),
  ];

  it("maps attribute and full splats over lists and sets", () => {
    expect(value(`l[*].id`, { l: objs })).toEqual(["a", "b"]);
    expect(value(`l.*.id`, { l: objs })).toEqual(["a", "b"]);
    expect(value(`l[*].tags[0]`, { l: objs })).toEqual(["x", "y"]);
    expect(value(`l.*.tags[0]`, { l: objs })).toEqual(["x"]);
    expect(value(`s[*]`, { s: makeSet(["b", "a"]) })).toEqual(["a", "b"]);
  });

  it("treats null as an empty tuple and any other value as a one-element tuple", () => {
    expect(value(`n[*].id`, { n: null })).toEqual([]);
    expect(value(`o[*].id`, { o: object([["id", "z"]]) })).toEqual(["z"]);
    expect(value(`"x"[*]`)).toEqual(["x"]);
  });

  it("reports a bad step inside the splat", () => {
    expect(failure(`l[*].nope`, { l: objs })).toEqual({
      value: new Unknown([], "list"),
      problems: [
        'error Unsupported attribute: This object does not have an attribute named "nope". @1:5-1:10',
        'error Unsupported attribute: This object does not have an attribute named "nope". @1:5-1:10',
      ],
    });
  });

  it("makes a splat over an unknown list unknown, depending on what each element is read for", () => {
    expect(value(`b[*].id`, { b: bucket })).toEqual(
      new Unknown([{ address: "aws_s3_bucket.b", path: ["id"] }], "list"),
    );
  });

  it("marks a splat over a sensitive value", () => {
    expect(value(`s[*]`, { s: new Sensitive(["a"]) })).toEqual(new Sensitive(["a"]));
  });
});

describe("for expressions", () => {
  it("builds tuples and objects, iterating maps in key order and sets in canonical order", () => {
    const m = object([
      ["b", 2],
      ["a", 1],
    ]);
    expect(value(`[for k, v in m : "\${k}\${v}"]`, { m })).toEqual(["a1", "b2"]);
    expect(value(`[for i, v in ["x", "y"] : i]`)).toEqual([0, 1]);
    expect(value(`{for i, v in ["a", "b"] : v => i}`)).toEqual(
      object([
        ["a", 0],
        ["b", 1],
      ]),
    );
    expect(value(`[for v in s : v]`, { s: makeSet([3, 1, 2]) })).toEqual([1, 2, 3]);
    expect(value(`[for i, v in ["a", "b", "c"] : v if i < 2]`)).toEqual(["a", "b"]);
  });

  it("groups values with equal keys after ...", () => {
    expect(value(`{for i, v in ["a", "a", "b"] : v => i...}`)).toEqual(
      object([
        ["a", [0, 1]],
        ["b", [2]],
      ]),
    );
  });

  it("reports a duplicate key without grouping on the key expression", () => {
    expect(failure(`{for i, v in ["a", "a"] : v => i}`)).toEqual({
      value: new Unknown([], "map"),
      problems: [
        `error Duplicate object key: Two different items produced the key "a" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key. @1:27-1:28`,
      ],
    });
  });

  it("reports a condition that is not a bool once, on the condition", () => {
    expect(failure(`[for v in [1, 2] : v if "yes"]`)).toEqual({
      value: new Unknown([], "list"),
      problems: ["error Invalid 'for' condition: The 'if' clause value is invalid: a bool is required. @1:25-1:30"],
    });
    expect(failure(`[for v in [1, 2] : v if null]`).problems).toEqual([
      "error Condition is null: The value of the 'if' clause must not be null. @1:25-1:29",
    ]);
  });

  it("reports null, non-iterable collections and bad keys", () => {
    expect(failure(`[for v in n : v]`, { n: null }).problems).toEqual([
      "error Iteration over null value: A null value cannot be used as the collection in a 'for' expression. @1:11-1:12",
    ]);
    expect(failure(`[for v in 5 : v]`).problems).toEqual([
      "error Iteration over non-iterable value: A value of type number cannot be used as the collection in a 'for' expression. @1:11-1:12",
    ]);
    expect(failure(`{for v in [null] : v => 1}`).problems).toEqual([
      "error Invalid object key: Key expression in 'for' expression must not produce a null value. @1:20-1:21",
    ]);
    expect(failure(`{for v in [[1]] : v => 1}`).problems).toEqual([
      "error Invalid object key: The key expression produced an invalid result: string required. @1:19-1:20",
    ]);
  });

  it("makes a for over an unknown collection, key or condition unknown, depending on it", () => {
    expect(value(`[for v in b : v.id]`, { b: bucket })).toEqual(new Unknown(bucket.refs, "list"));
    expect(value(`{for v in ["a"] : u => v}`, { u: bucketArn })).toEqual(new Unknown(bucketArn.refs, "map"));
    const c = Unknown.of("x.y", ["enabled"], "bool");
    expect(value(`[for v in ["a"] : v if c]`, { c })).toEqual(new Unknown(c.refs, "list"));
  });

  it("marks the result of a for over a sensitive collection", () => {
    expect(value(`[for v in s : v]`, { s: new Sensitive(["a"]) })).toEqual(new Sensitive(["a"]));
  });
});

describe("conditionals", () => {
  it("selects a result and unifies the result types", () => {
    expect(value(`true ? "a" : "b"`)).toBe("a");
    expect(value(`true ? 1 : "a"`)).toBe("1");
    expect(value(`false ? 1 : "a"`)).toBe("a");
    expect(value(`true ? null : "a"`)).toBe(null);
    expect(value(`true ? [] : ["a"]`)).toEqual([]);
    expect(value(`false ? { a = 1 } : { b = "2" }`)).toEqual(object([["b", "2"]]));
    expect(value(`true ? { a = 1 } : { b = "2" }`)).toEqual(object([["a", "1"]]));
    expect(value(`"true" ? 1 : 2`)).toBe(1);
  });

  it("drops the diagnostics of the result that is not selected", () => {
    expect(failure(`length > 0 ? l[0] : "none"`, { length: 0, l: [] })).toEqual({ value: "none", problems: [] });
  });

  it("reports results with no common type on both results", () => {
    expect(failure(`c ? 1 : true`, { c: true })).toEqual({
      value: noRefs,
      problems: [
        "error Inconsistent conditional result types: The true and false result expressions must have consistent types. The 'true' value is number, but the 'false' value is bool. @1:5-1:13",
      ],
    });
    expect(failure(`c ? { a = 1 } : { a = [] }`, { c: true }).problems).toEqual([
      `error Inconsistent conditional result types: The true and false result expressions must have consistent types. Type mismatch for object attribute "a": The 'true' value is number, but the 'false' value is tuple. @1:5-1:27`,
    ]);
  });

  it("reports a null or non-bool condition on the condition", () => {
    expect(failure(`c ? 1 : 2`, { c: null })).toEqual({
      value: new Unknown([], "number"),
      problems: [
        "error Null condition: The condition value is null. Conditions must either be true or false. @1:1-1:2",
      ],
    });
    expect(failure(`c ? 1 : 2`, { c: "maybe" }).problems).toEqual([
      "error Incorrect condition type: The condition expression must be of type bool. @1:1-1:2",
    ]);
  });

  it("makes the result unknown when the condition is, depending on the condition and both results", () => {
    const c = Unknown.of("x.y", ["enabled"], "bool");
    expect(value(`c ? u : "x"`, { c, u: bucketArn })).toEqual(new Unknown([...c.refs, ...bucketArn.refs], "string"));
    expect(value(`c ? 1 : 0`, { c: new Sensitive(c) })).toEqual(new Sensitive(new Unknown(c.refs, "number")));
  });

  it("marks the result when the condition is sensitive", () => {
    expect(value(`c ? 1 : 0`, { c: new Sensitive(true) })).toEqual(new Sensitive(1));
  });
});

describe("function calls", () => {
  it("calls functions, expanding a final ... argument", () => {
    expect(value(`upper("a")`)).toBe("A");
    expect(value(`join("-", ["a"], ["b", "c"])`)).toBe("a-b-c");
    expect(value(`join("-", l...)`, { l: [["a"], ["b"]] })).toBe("a-b");
    expect(value(`coalesce(null, "", "x")`)).toBe("x");
  });

  it("reports an unknown function on its name", () => {
    expect(failure(`uper("a")`)).toEqual({
      value: noRefs,
      problems: ['error Call to unknown function: There is no function named "uper". Did you mean "upper"? @1:1-1:5'],
    });
  });

  it("reports calls where no functions are available", () => {
    const { expr } = parseExpression(`upper("a")`, "t.hcl");
    expect(problems(evaluate(expr, { variables: object() }).diagnostics)).toEqual([
      "error Function calls not allowed: Functions may not be called here. @1:1-1:11",
    ]);
  });

  it("checks the number of arguments", () => {
    expect(failure(`upper()`).problems).toEqual([
      'error Not enough function arguments: Function "upper" expects 1 argument(s). Missing value for "str". @1:7-1:8',
    ]);
    expect(failure(`join()`).problems).toEqual([
      'error Not enough function arguments: Function "join" expects at least 1 argument(s). Missing value for "separator". @1:6-1:7',
    ]);
    expect(failure(`upper("a", "b")`).problems).toEqual([
      'error Too many function arguments: Function "upper" expects only 1 argument(s). @1:12-1:15',
    ]);
  });

  it("rejects null arguments unless the parameter allows null", () => {
    expect(failure(`upper(null)`)).toEqual({
      value: new Unknown([], "string"),
      problems: [
        'error Invalid function argument: Invalid value for "str" parameter: argument must not be null. @1:7-1:11',
      ],
    });
  });

  it("reports a FunctionError on the argument it names, or on the call", () => {
    expect(failure(`upper(1)`).problems).toEqual([
      'error Invalid function argument: Invalid value for "str" parameter: string required. @1:7-1:8',
    ]);
    expect(failure(`coalesce(null)`).problems).toEqual([
      'error Error in function call: Call to function "coalesce" failed: no non-null, non-empty-string arguments. @1:1-1:10',
    ]);
    expect(failure(`boom()`).problems).toEqual([
      'error Error in function call: Call to function "boom" failed: implementation bug. @1:1-1:6',
    ]);
  });

  it("reports a bad expanding argument on that argument", () => {
    expect(failure(`join("-", l...)`, { l: null }).problems).toEqual([
      "error Invalid expanding argument value: The expanding argument (indicated by ...) must not be null. @1:11-1:12",
    ]);
    expect(failure(`join("-", l...)`, { l: "x" }).problems).toEqual([
      "error Invalid expanding argument value: The expanding argument (indicated by ...) must be of a tuple, list, or set type. @1:11-1:12",
    ]);
  });

  it("short-circuits unknown arguments to an unknown of the return type with all their references", () => {
    const other = Unknown.of("aws_kms_key.k", ["arn"], "string");
    expect(value(`join(":", [u], [o])`, { u: bucketArn, o: other })).toEqual(
      new Unknown([...bucketArn.refs, ...other.refs], "string"),
    );
    expect(value(`known(u)`, { u: bucketArn })).toBe(false);
    expect(value(`join("-", l...)`, { l: bucket })).toEqual(new Unknown(bucket.refs, "string"));
  });

  it("strips sensitive marks for the call and marks the result", () => {
    expect(value(`upper(s)`, { s: new Sensitive("a") })).toEqual(new Sensitive("A"));
    expect(value(`join("-", ["a", s])`, { s: new Sensitive("b") })).toEqual(new Sensitive("a-b"));
  });

  it("passes lazy functions thunks that evaluate their arguments on demand", () => {
    expect(failure(`try(nope, "fallback")`)).toEqual({ value: "fallback", problems: [] });
    expect(failure(`try(nope)`).problems).toEqual([
      'error Error in function call: Call to function "try" failed: no expression succeeded. @1:1-1:5',
    ]);
    expect(failure(`try()`).problems).toEqual([
      'error Not enough function arguments: Function "try" expects at least 1 argument(s). @1:5-1:6',
    ]);
  });
});

describe("never throws", () => {
  it("evaluates syntax errors to unknowns without further diagnostics", () => {
    const { expr, diagnostics } = parseExpression(`1 +`, "t.hcl");
    expect(diagnostics.length).toBeGreaterThan(0);
    const r = evaluate(expr, { variables: object() });
    expect(r.diagnostics).toEqual([]);
  });
});

describe.skipIf(!sharedDir)(`real-world expressions${sharedDir ? "" : ` (${sharedMissing})`}`, () => {
  it("evaluates every attribute of the corpus with unknown variables and functions without a false error", () => {
    const root = sharedPath("corpus/hcl");
    const list = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? list(join(dir, e.name)) : e.name.endsWith(".tf") ? [join(dir, e.name)] : [],
      );
    const expressions: Expression[] = [];
    const collect = (body: Body): void => {
      for (const a of body.attributes) expressions.push(a.expr);
      for (const b of body.blocks) collect(b.body);
    };
    for (const path of list(root).sort()) collect(parse(readFileSync(path), relative(root, path)).file.body);
    const vars = object();
    for (const e of expressions) for (const t of referencedVariables(e)) vars[t.root] = Unknown.of(t.root, []);
    const anyFunction: HclFunction = {
      params: [],
      variadic: { name: "args", allowUnknown: true, allowNull: true },
      impl: () => new Unknown(),
    };
    const everyFunction = new (class extends Map<string, HclFunction> {
      override get(): HclFunction {
        return anyFunction;
      }
    })();
    const found = expressions.flatMap((e) =>
      problems(evaluate(e, { variables: vars, functions: everyFunction }).diagnostics),
    );
    expect(expressions.length).toBe(41598);
    // HCL keeps the last of duplicate object keys silently; these two real duplicates are reported as warnings.
    expect(found).toEqual([
      'warning Duplicate object attribute: An attribute named "port" was already defined at terraform-aws-alb/examples/complete-alb/main.tf:448:7; this later definition replaces it. @478:7-478:11',
      'warning Duplicate object attribute: An attribute named "port" was already defined at terraform-aws-alb/examples/mutual-auth-alb/main.tf:121:7; this later definition replaces it. @140:7-140:11',
    ]);
  });
});
