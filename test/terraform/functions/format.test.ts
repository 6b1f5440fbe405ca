import { describe, expect, it } from "vitest";
import { makeSet, object, Unknown, type Value } from "../../../src/hcl/value.js";
import { type Case, call, type ErrorCase, failure } from "./support.js";

const o = (entries: Record<string, Value>) => object(Object.entries(entries));
const name = Unknown.of("aws_s3_bucket.phi", ["bucket"], "string");

describe("format", () => {
  const cases: Case[] = [
    ["format", ["Hello, %s!", "Ander"], "Hello, Ander!"],
    ["format", ["There are %d lights", 4], "There are 4 lights"],
    ["format", ["100%% successful"], "100% successful"],
    ["format", ["string %[2]v", true, "hello"], "string hello"],
    ["format", ["%#v", "hello"], '"hello"'],
    ["format", ["%#v", true], "true"],
    ["format", ["%#v", 1], "1"],
    ["format", ["%#v", o({ a: 1 })], '{"a":1}'],
    ["format", ["%#v", [true]], "[true]"],
    ["format", ["%v", null], "null"],
    ["format", ["%v", o({})], "{}"],
    ["format", ["%v", makeSet(["b", "a"])], '["a","b"]'],
    ["format", ["%v", 12345678], "1.2345678e+07"],
    ["format", ["%v", 123456], "123456"],
    ["format", ["%v", 0.000001], "1e-06"],
    ["format", ["%v", -2.5], "-2.5"],
    ["format", ["%5v|%-5v|", "ab", "cd"], "   ab|cd   |"],
    ["format", ["This statement is %s", false], "This statement is false"],
    ["format", ["This statement is %q", false], 'This statement is "false"'],
    ["format", ["%q", "<&>\n"], '"\\u003c\\u0026\\u003e\\n"'],
    ["format", ["%10s", "hello"], "     hello"],
    ["format", ["%-10s|", "hello"], "hello     |"],
    ["format", ["%4s", "💃🏿"], "   💃🏿"],
    ["format", ["%.2s", "hello"], "he"],
    ["format", ["%.2q", "hello"], '"he"'],
    ["format", ["%.5s", "日本語日本語"], "日本語日本"],
    ["format", ["%4.2s", "hello"], "  he"],
    ["format", ["%-4.2s|", "hello"], "he  |"],
    ["format", ["%05s", "ab"], "000ab"],
    ["format", ["This statement is %t", "false"], "This statement is false"],
    ["format", ["%d green bottles", 10], "10 green bottles"],
    ["format", ["%+d", 10], "+10"],
    ["format", ["% d", 10], " 10"],
    ["format", ["%5d|%-5d|", 10, 10], "   10|10   |"],
    ["format", ["%05d", -42], "-0042"],
    ["format", ["%.3d", 7], "007"],
    ["format", ["%8.3d|", 7], "     007|"],
    ["format", ["%.0d|", 0], "|"],
    ["format", ["web-%03d", "2"], "web-002"],
    ["format", ["%b %o %x %X", 5, 9, 254, 254], "101 11 fe FE"],
    ["format", ["%#x %#o %#b", 255, 8, 2], "0xff 010 0b10"],
    ["format", ["%d", 1e21], "1000000000000000000000"],
    ["format", ["%f things", 10], "10.000000 things"],
    ["format", ["%+f", 10], "+10.000000"],
    ["format", ["% f|% f", 10, -10], " 10.000000|-10.000000"],
    ["format", ["%.2f", 2.34567], "2.35"],
    ["format", ["%.1f", "1.06"], "1.1"],
    ["format", ["%.1f", 0.25], "0.2"],
    ["format", ["%.1f", 0.35], "0.3"],
    ["format", ["%.2f", 1.005], "1.00"],
    ["format", ["%.0f", 2.5], "2"],
    ["format", ["%8.3f|%-8.3f|%08.3f", 2.34567, 2.34567, -2.34567], "   2.346|2.346   |-002.346"],
    ["format", ["%e", 1000], "1.000000e+03"],
    ["format", ["%E", 1000], "1.000000E+03"],
    ["format", ["%.2e", 123456], "1.23e+05"],
    ["format", ["%g", 1000], "1000"],
    ["format", ["%g", "0.00000000000000000000001"], "1e-23"],
    ["format", ["%G", "0.00000000000000000000001"], "1E-23"],
    ["format", ["%.3g", 2.34567], "2.35"],
    ["format", ["%.3g", 1234567], "1.23e+06"],
    [
      "formatlist",
      ["Hello, %s!", ["Valentina", "Ander", "Olivia", "Sam"]],
      ["Hello, Valentina!", "Hello, Ander!", "Hello, Olivia!", "Hello, Sam!"],
    ],
    [
      "formatlist",
      ["%s, %s!", "Salutations", ["Valentina", "Ander", "Olivia", "Sam"]],
      ["Salutations, Valentina!", "Salutations, Ander!", "Salutations, Olivia!", "Salutations, Sam!"],
    ],
    ["formatlist", ["%s %s", ["hello", "goodbye"], ["world", "universe"]], ["hello world", "goodbye universe"]],
    ["formatlist", ["hello"], ["hello"]],
    ["formatlist", ["%v", []], []],
    ["formatlist", ["%s-%d", makeSet(["b", "a"]), 1], ["a-1", "b-1"]],
  ];
  it.each(cases)("%s(%j) = %j", (fn, args, expected) => {
    expect(call(fn, args)).toEqual(expected);
  });

  const errors: ErrorCase[] = [
    ["format", ["%s", null], 'unsupported value for "%s" at 0: null value cannot be formatted', undefined],
    ["format", ["%d green bottles", true], 'unsupported value for "%d" at 0: number required', undefined],
    ["format", ["%d", 1.5], 'unsupported value for "%d" at 0: an integer is required', undefined],
    ["format", ["%d", "x"], 'unsupported value for "%d" at 0: a number is required', undefined],
    ["format", ["%s", o({})], 'unsupported value for "%s" at 0: string required', undefined],
    [
      "format",
      ["%s is not in the args list"],
      'not enough arguments for "%s" at 0: need index 1 but have 0 total',
      undefined,
    ],
    [
      "format",
      ["%[3]s x", true, true],
      'not enough arguments for "%[3]s" at 0: need index 3 but have 2 total',
      undefined,
    ],
    ["format", ["%[0]s x", true, true], "unrecognized format character '0' at offset 2", undefined],
    [
      "format",
      ["%v %v %v", true, true],
      'not enough arguments for "%v" at 6: need index 3 but have 2 total',
      undefined,
    ],
    ["format", ["%z is not valid", 10], "unsupported format verb 'z' in \"%z\" at offset 0", undefined],
    ["format", ["%012z", 10], "unsupported format verb 'z' in \"%012z\" at offset 0", undefined],
    ["format", ["%☠ is not valid", 10], "unrecognized format character '☠' at offset 1", undefined],
    ["format", ["é %☠", 10], "unrecognized format character '☠' at offset 4", undefined],
    ["format", ["abc%", 10], "invalid format string starting at offset 4", undefined],
    ["format", ["no format verbs at all", 10], "too many arguments; no verbs in format string", 1],
    ["format", ["only one verb %d", 10, 11], "too many arguments; only 1 used by format string", 2],
    [
      "formatlist",
      ["%s %s", ["hello", "goodbye"], ["world"]],
      "argument 2 has length 1, which is inconsistent with argument 1 of length 2",
      2,
    ],
    [
      "formatlist",
      ["%s", o({})],
      'error on format iteration 0: unsupported value for "%s" at 0: string required',
      undefined,
    ],
  ];
  it.each(errors)("%s(%j) fails: %s", (fn, args, message, argIndex) => {
    const e = failure(fn, args);
    expect(e.message).toBe(message);
    expect(e.argIndex).toBe(argIndex);
  });

  it("keeps known text around an unknown string argument", () => {
    const result = call("format", ["arn:aws:s3:::%s/*", name]) as Unknown;
    expect(result).toBeInstanceOf(Unknown);
    expect(result.parts).toEqual(["arn:aws:s3:::", name, "/*"]);
    expect(result.refs).toEqual([{ address: "aws_s3_bucket.phi", path: ["bucket"] }]);
  });

  it("gives a plain unknown when an unknown argument is formatted with width or as a number", () => {
    for (const spec of ["%5s", "%d", "%q"]) {
      const result = call("format", [spec, name]) as Unknown;
      expect(result).toBeInstanceOf(Unknown);
      expect(result.parts).toBeUndefined();
      expect(result.refs).toEqual([{ address: "aws_s3_bucket.phi", path: ["bucket"] }]);
    }
  });

  it("formatlist makes only the rows with unknowns unknown", () => {
    const result = call("formatlist", ["%s-x", ["a", name]]) as Value[];
    expect(result[0]).toBe("a-x");
    expect((result[1] as Unknown).parts).toEqual([name, "-x"]);
    expect(call("formatlist", ["%s", Unknown.of("var.names", [], "list")])).toBeInstanceOf(Unknown);
  });
});
