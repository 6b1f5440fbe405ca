import { describe, expect, it } from "vitest";
import { makeSet, object, Unknown, type Value } from "../../../src/hcl/value.js";
import { type Case, call, type ErrorCase, failure } from "./support.js";

const o = (entries: Record<string, Value>) => object(Object.entries(entries));
const arn = Unknown.of("aws_s3_bucket.phi", ["arn"], "string");

describe("encoding functions", () => {
  const cases: Case[] = [
    ["jsonencode", ["hello"], '"hello"'],
    ["jsonencode", [o({ hello: "world" })], '{"hello":"world"}'],
    ["jsonencode", [o({ b: 1, a: [true, null], c: o({}) })], '{"a":[true,null],"b":1,"c":{}}'],
    ["jsonencode", ["<a & b>"], '"\\u003ca \\u0026 b\\u003e"'],
    ["jsonencode", ['tab\there\nline\u0001\b\f\u2028"\\'], '"tab\\there\\nline\\u0001\\b\\f\\u2028\\"\\\\"'],
    ["jsonencode", [1e21], "1000000000000000000000"],
    ["jsonencode", [0.1], "0.1"],
    ["jsonencode", [-1.5e-7], "-0.00000015"],
    ["jsonencode", [makeSet(["b", "a"])], '["a","b"]'],
    ["jsonencode", [null], "null"],
    ["jsonencode", [o({ é: 1, z: 2, Z: 3, "\u{1F600}": 4, "\uFF01": 5 })], '{"Z":3,"z":2,"é":1,"！":5,"😀":4}'],
    ["jsondecode", ['{"hello": "world"}'], o({ hello: "world" })],
    ["jsondecode", ["true"], true],
    ["jsondecode", ['[1, 2.5, "x", null, {"a": []}]'], [1, 2.5, "x", null, o({ a: [] })]],
    ["jsondecode", ['"\\u00e9\\n"'], "é\n"],
    ["yamlencode", [o({ a: "b", c: "d" })], '"a": "b"\n"c": "d"\n'],
    ["yamlencode", [o({ foo: [1, 2, 3], bar: "baz" })], '"bar": "baz"\n"foo":\n- 1\n- 2\n- 3\n'],
    [
      "yamlencode",
      [o({ foo: [1, o({ a: "b", c: "d" }), 3], bar: "baz" })],
      '"bar": "baz"\n"foo":\n- 1\n- "a": "b"\n  "c": "d"\n- 3\n',
    ],
    ["yamlencode", ["hello"], '"hello"\n'],
    ["yamlencode", [true], "true\n...\n"],
    ["yamlencode", [null], "null\n...\n"],
    ["yamlencode", [[]], "[]\n"],
    ["yamlencode", [o({})], "{}\n"],
    ["yamlencode", [o({ a: [], b: o({}), c: null })], '"a": []\n"b": {}\n"c": null\n'],
    [
      "yamlencode",
      [o({ a: o({ b: o({ c: [[1, 2], [3]] }) }) })],
      '"a":\n  "b":\n    "c":\n    - - 1\n      - 2\n    - - 3\n',
    ],
    ["yamlencode", [o({ script: "line one\nline two" })], '"script": |-\n  line one\n  line two\n'],
    ["yamlencode", [o({ script: "line one\n\nline two\n" })], '"script": |\n  line one\n\n  line two\n'],
    ["yamlencode", [["a\nb\n\n"]], "- |+\n  a\n  b\n\n"],
    ["yamlencode", [o({ s: " lead\nx" })], '"s": |2-\n   lead\n  x\n'],
    ["yamlencode", [o({ s: "trailing \nx" })], '"s": "trailing \\nx"\n'],
    ["yamlencode", [o({ s: "tab\there" })], '"s": "tab\\there"\n'],
    ["yamlencode", [o({ s: 'quote " and \\ and \u{1F483}' })], '"s": "quote \\" and \\\\ and \\U0001F483"\n'],
    ["yamlencode", [o({ n: 1.5, big: 1e21, t: false })], '"big": 1000000000000000000000\n"n": 1.5\n"t": false\n'],
    ["base64encode", ["Hello World"], "SGVsbG8gV29ybGQ="],
    ["base64decode", ["SGVsbG8gV29ybGQ="], "Hello World"],
    ["base64decode", ["SGVs\nbG8="], "Hello"],
    ["base64gzip", [""], "H4sIAAAAAAAA/wMAAAAAAAAAAAA="],
    ["urlencode", ["Hello World!"], "Hello+World%21"],
    ["urlencode", ["foo:bar@localhost?foo=bar&bar=baz"], "foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz"],
    ["urlencode", ["mailto:email?subject=this+is+my+subject"], "mailto%3Aemail%3Fsubject%3Dthis%2Bis%2Bmy%2Bsubject"],
    ["urlencode", ["é~-_."], "%C3%A9~-_."],
    ["textencodebase64", ["Hello World", "UTF-16LE"], "SABlAGwAbABvACAAVwBvAHIAbABkAA=="],
    ["textdecodebase64", ["SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE"], "Hello World"],
    ["textencodebase64", ["é", "ISO-8859-1"], "6Q=="],
    ["csvdecode", ["a,b,c\n1,2,3\n4,5,6"], [o({ a: "1", b: "2", c: "3" }), o({ a: "4", b: "5", c: "6" })]],
    [
      "csvdecode",
      ['name,note\r\n"x, y","say ""hi""\nthere"\r\n\r\nz,\n'],
      [o({ name: "x, y", note: 'say "hi"\nthere' }), o({ name: "z", note: "" })],
    ],
    ["csvdecode", ["only,header"], []],
  ];
  it.each(cases)("%s(%j) = %j", (name, args, expected) => {
    expect(call(name, args)).toEqual(expected);
  });

  it("folds long double-quoted YAML strings at the 80th column, as go-yaml does", () => {
    const command =
      "mkdir -p /app/storage/database /app/storage/framework/cache/data /app/storage/framework/sessions /app/storage/framework/views";
    expect(call("yamlencode", [o({ command })])).toBe(
      '"command": "mkdir -p /app/storage/database /app/storage/framework/cache/data /app/storage/framework/sessions\n  /app/storage/framework/views"\n',
    );
    const spaced = `${"x".repeat(85)}  y`;
    expect(call("yamlencode", [[spaced]])).toBe(`- "${"x".repeat(85)}\n  \\ y"\n`);
  });

  it("keeps the value inside the unknown result of encoding a value with unknowns", () => {
    const policy = o({ Statement: [o({ Effect: "Allow", Resource: [arn, "*"] })] });
    for (const name of ["jsonencode", "yamlencode"]) {
      const result = call(name, [policy]);
      expect(result).toBeInstanceOf(Unknown);
      const u = result as Unknown;
      expect(u.type).toBe("string");
      expect(u.encoded).toBe(policy);
      expect(u.refs).toEqual([{ address: "aws_s3_bucket.phi", path: ["arn"] }]);
    }
  });

  const errors: ErrorCase[] = [
    ["jsondecode", ["{"], "unexpected EOF", 0],
    ["jsondecode", [""], "EOF", 0],
    ["jsondecode", ["{x}"], "invalid character 'x' looking for beginning of object key string", 0],
    ["jsondecode", ["[1,]"], "invalid character ']' looking for beginning of value", 0],
    ["jsondecode", ['{"a":1 "b":2}'], "invalid character '\"' after object key:value pair", 0],
    ["jsondecode", ["1 2"], "extraneous data after JSON object", 0],
    ["jsondecode", ['{"a":1,"a":2}'], 'duplicate "a" property in JSON object', 0],
    ["base64decode", ["SGVsbG8"], 'failed to decode base64 data "SGVsbG8"', undefined],
    ["csvdecode", [""], "missing header line", undefined],
    ["csvdecode", ["a,a\n1,2"], 'duplicate column name "a"', undefined],
    ["csvdecode", ["a,b\n1,2\n3"], "CSV parse error on line 3: wrong number of fields", undefined],
    ["csvdecode", ['a\nx"y'], 'CSV parse error on line 2: bare " in non-quoted-field', undefined],
    ["csvdecode", ['a\n"x"y'], 'CSV parse error on line 2: extraneous or missing " in quoted-field', undefined],
    ["base64decode", ["/w=="], "the result of decoding the provided string is not valid UTF-8", undefined],
    [
      "textencodebase64",
      ["x", "EBCDIC-X"],
      '"EBCDIC-X" is not a supported IANA encoding name or alias in this Terraform version',
      1,
    ],
  ];
  it.each(errors)("%s(%j) fails: %s", (name, args, message, argIndex) => {
    const e = failure(name, args);
    expect(e.message).toBe(message);
    expect(e.argIndex).toBe(argIndex);
  });
});
