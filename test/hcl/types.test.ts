import { describe, expect, it } from "vitest";
import { parseExpression } from "../../src/hcl/parser.js";
import {
  anyType,
  boolType,
  conforms,
  convert,
  formatConversionError,
  listOf,
  mapOf,
  numberType,
  objectOf,
  parseTypeExpression,
  setOf,
  stringType,
  type Type,
  tupleOf,
  typeOf,
  typeString,
  unify,
} from "../../src/hcl/types.js";
import { makeSet, object, Sensitive, Unknown, type Value } from "../../src/hcl/value.js";

function typeExpr(src: string) {
  const { expr, diagnostics } = parseExpression(src, "t.hcl");
  expect(diagnostics).toEqual([]);
  const r = parseTypeExpression(expr);
  return {
    type: r.type,
    problems: r.diagnostics.map(
      (d) =>
        `${d.summary}: ${d.detail} @${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`,
    ),
  };
}

function ok(v: Value, t: Type): Value {
  const r = convert(v, t);
  if (r.error) throw new Error(formatConversionError(r.error));
  return r.value;
}

function err(v: Value, t: Type): string {
  const r = convert(v, t);
  if (!r.error) throw new Error("conversion succeeded");
  return formatConversionError(r.error);
}

describe("type constraint expressions", () => {
  it("parses primitive keywords and constructors", () => {
    expect(typeExpr("string").type).toEqual(stringType);
    expect(typeExpr("any").type).toEqual(anyType);
    expect(typeString(typeExpr("map(list(number))").type)).toBe("map(list(number))");
    expect(typeString(typeExpr("set(bool)").type)).toBe("set(bool)");
    expect(typeString(typeExpr("tuple([string, number])").type)).toBe("tuple([string,number])");
    expect(typeString(typeExpr(`object({ b = number, a = list(string), null = bool })`).type)).toBe(
      "object({a=list(string),b=number,null=bool})",
    );
  });

  it("parses optional attributes with converted defaults", () => {
    const { type, problems } = typeExpr(
      `object({ name = string, days = optional(number, "30"), tags = optional(map(string)) })`,
    );
    expect(problems).toEqual([]);
    expect(type).toEqual(
      objectOf({ name: stringType, days: numberType, tags: mapOf(stringType) }, { days: { default: 30 }, tags: {} }),
    );
    expect(typeString(type)).toBe("object({days=optional(number),name=string,tags=optional(map(string))})");
  });

  it("reports invalid type expressions where they are", () => {
    expect(typeExpr("strin").problems).toEqual([
      'Invalid type specification: The keyword "strin" is not a valid type specification. @1:1-1:6',
    ]);
    expect(typeExpr("list").problems).toEqual([
      "Invalid type specification: The list type constructor requires one argument specifying the element type. @1:1-1:5",
    ]);
    expect(typeExpr("list(string, number)").problems).toEqual([
      "Invalid type specification: The list type constructor requires one argument specifying the element type. @1:1-1:21",
    ]);
    expect(typeExpr("object(string)").problems).toEqual([
      "Invalid type specification: The object type constructor requires one argument specifying the attribute types as a map. @1:1-1:15",
    ]);
    expect(typeExpr("maps(string)").problems).toEqual([
      'Invalid type specification: Keyword "maps" is not a valid type constructor. @1:1-1:13',
    ]);
    expect(typeExpr(`"string"`).problems).toEqual([
      "Invalid type specification: A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string). @1:1-1:9",
    ]);
    expect(typeExpr(`object({ "a" = string })`).problems).toEqual([
      "Invalid type specification: Object constructor map keys must be attribute names. @1:10-1:13",
    ]);
    expect(typeExpr("list(optional(string))").problems).toEqual([
      "Invalid type specification: Optional attribute modifier is only for object attributes. @1:6-1:22",
    ]);
    expect(typeExpr(`object({ a = optional(number, "x") })`).problems).toEqual([
      "Invalid default value for optional attribute: This default value is not compatible with the attribute's type constraint: a number is required. @1:31-1:34",
    ]);
  });
});

describe("conversion", () => {
  it("converts between primitives as cty does", () => {
    expect(ok(1.5, stringType)).toBe("1.5");
    expect(ok(1e21, stringType)).toBe("1000000000000000000000");
    expect(ok(true, stringType)).toBe("true");
    expect(ok("12", numberType)).toBe(12);
    expect(ok("1e3", numberType)).toBe(1000);
    expect(ok("1", boolType)).toBe(true);
    expect(ok("false", boolType)).toBe(false);
    expect(err("12a", numberType)).toBe("a number is required");
    expect(err("True", boolType)).toBe('a bool is required; to convert from string, use lowercase "true"');
    expect(err("yes", boolType)).toBe("a bool is required");
    expect(err(1, boolType)).toBe("bool required");
    expect(err([], stringType)).toBe("string required");
  });

  it("unifies the elements of a collection of any type", () => {
    expect(convert(["a", 1, true], listOf(anyType))).toEqual({ value: ["a", "1", "true"], type: listOf(stringType) });
    expect(
      convert(
        object([
          ["a", 1],
          ["b", "x"],
        ]),
        mapOf(anyType),
      ),
    ).toEqual({
      value: object([
        ["a", "1"],
        ["b", "x"],
      ]),
      type: mapOf(stringType),
    });
    expect(err(["a", []], listOf(anyType))).toBe("all list elements must have the same type");
  });

  it("converts sets, removing duplicates", () => {
    expect(convert(["b", "a", "b"], setOf(stringType))).toEqual({
      value: makeSet(["a", "b"]),
      type: setOf(stringType),
    });
    expect(ok(makeSet([2, 1]), listOf(numberType))).toEqual([1, 2]);
  });

  it("reports the path to a failing element", () => {
    expect(err([1, [2]], listOf(numberType))).toBe("element 1: number required");
    expect(err(object([["a", object([["b", "x"]])]]), mapOf(mapOf(numberType)))).toBe(
      'attribute "a": attribute "b": a number is required',
    );
    expect(err(["a"], tupleOf([stringType, stringType]))).toBe("a tuple of 2 elements is required");
  });

  it("converts objects, reporting missing attributes and applying optional defaults", () => {
    const t = objectOf({ a: stringType, b: numberType, c: boolType }, { c: { default: true } });
    expect(
      ok(
        object([
          ["a", "x"],
          ["b", "2"],
          ["extra", 1],
        ]),
        t,
      ),
    ).toEqual(
      object([
        ["a", "x"],
        ["b", 2],
        ["c", true],
      ]),
    );
    expect(
      ok(
        object([
          ["a", "x"],
          ["b", 1],
          ["c", null],
        ]),
        t,
      ),
    ).toEqual(
      object([
        ["a", "x"],
        ["b", 1],
        ["c", true],
      ]),
    );
    expect(err(object([["a", "x"]]), t)).toBe('attribute "b" is required');
    expect(err(object(), t)).toBe('attributes "a" and "b" are required');
    expect(err(object(), objectOf({ x: stringType, y: stringType, z: stringType }))).toBe(
      'attributes "x", "y", and "z" are required',
    );
  });

  it("keeps unknowns unknown, with their references, when the types allow it", () => {
    const u = Unknown.of("aws_s3_bucket.b", ["arn"], "string");
    expect(ok(u, numberType)).toEqual(new Unknown(u.refs, "number"));
    expect(ok([u], listOf(stringType))).toEqual([u]);
    expect(err(Unknown.of("x.y", ["b"], "bool"), numberType)).toBe("number required");
  });

  it("passes nulls and keeps sensitive marks", () => {
    expect(ok(null, listOf(stringType))).toBe(null);
    expect(ok(new Sensitive(1), stringType)).toEqual(new Sensitive("1"));
  });
});

describe("types of values, unification and conformance", () => {
  it("infers structural types from values", () => {
    expect(typeString(typeOf([1, "a"]))).toBe("tuple([number,string])");
    expect(typeString(typeOf(object([["k", null]])))).toBe("object({k=any})");
    expect(typeString(typeOf(makeSet(["a"])))).toBe("set(string)");
    expect(typeString(typeOf(Unknown.of("x.y", [], "list")))).toBe("list(any)");
  });

  it("unifies as cty does", () => {
    expect(unify([numberType, stringType])).toEqual(stringType);
    expect(unify([boolType, numberType])).toBeUndefined();
    expect(unify([typeOf(object([["a", 1]])), typeOf(object([["b", "x"]]))])).toEqual(mapOf(stringType));
    expect(unify([typeOf([]), typeOf(["a"])])).toEqual(listOf(stringType));
    expect(unify([typeOf([1]), typeOf(["a"])])).toEqual(tupleOf([stringType]));
    expect(unify([typeOf([]), typeOf(object())])).toBeUndefined();
    expect(unify([listOf(anyType), typeOf(["a"])])).toEqual(listOf(anyType));
  });

  it("tests conformance with any as a wildcard", () => {
    expect(conforms(mapOf(stringType), mapOf(anyType))).toBe(true);
    expect(conforms(objectOf({ a: numberType }), objectOf({ a: anyType }))).toBe(true);
    expect(conforms(objectOf({ a: numberType }), objectOf({ b: anyType }))).toBe(false);
    expect(conforms(listOf(stringType), setOf(stringType))).toBe(false);
  });
});
