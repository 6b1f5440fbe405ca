import { describe, expect, it } from "vitest";
import { object, Unknown, type Value } from "../../../src/hcl/value.js";
import { compileRegex, execAll, type Regex, RegexWorkLimit } from "../../../src/terraform/functions/regex.js";
import { type Case, call, type ErrorCase, failure } from "./support.js";

const o = (entries: Record<string, Value>) => object(Object.entries(entries));
const id = Unknown.of("aws_s3_bucket.phi", ["id"], "string");

describe("string functions (Terraform documentation examples)", () => {
  const cases: Case[] = [
    ["chomp", ["hello\n"], "hello"],
    ["chomp", ["hello\r\n"], "hello"],
    ["chomp", ["hello\n\n"], "hello"],
    ["chomp", ["hel\nlo"], "hel\nlo"],
    ["endswith", ["hello world", "world"], true],
    ["endswith", ["hello world", "hello"], false],
    ["indent", [2, "[\n  foo,\n  bar,\n]\n"], "[\n    foo,\n    bar,\n  ]\n  "],
    ["join", [", ", ["foo", "bar", "baz"]], "foo, bar, baz"],
    ["join", [", ", ["foo"]], "foo"],
    ["join", ["-", ["a"], ["b", 1]], "a-b-1"],
    ["lower", ["HELLO"], "hello"],
    ["lower", ["АЛЛО!"], "алло!"],
    ["lower", ["ΣΑΣ İ"], "σασ i"],
    ["upper", ["hello"], "HELLO"],
    ["upper", ["алло!"], "АЛЛО!"],
    ["upper", ["straße"], "STRAßE"],
    ["upper", [1], "1"],
    ["replace", ["1 + 2 + 3", "+", "-"], "1 - 2 - 3"],
    ["replace", ["hello world", "/w.*d/", "everybody"], "hello everybody"],
    ["replace", ["abc", "", "-"], "-a-b-c-"],
    ["replace", ["abc", "/b*/", "X"], "XaXcX"],
    ["replace", ["foo@bar", "/(\\w+)@(?P<host>\\w+)/", "$host:$1 ${1}x $1x $$"], "bar:foo foox  $"],
    ["replace", ["/", "/", "x"], "x"],
    ["split", [",", "foo"], ["foo"]],
    ["split", [",", "foo,bar,baz"], ["foo", "bar", "baz"]],
    ["split", [",", ""], [""]],
    ["split", ["", "a🙂b"], ["a", "🙂", "b"]],
    ["startswith", ["hello world", "hello"], true],
    ["startswith", ["hello world", "world"], false],
    ["strcontains", ["hello world", "wor"], true],
    ["strcontains", ["hello world", "wod"], false],
    ["strrev", ["hello"], "olleh"],
    ["strrev", ["a ☃"], "☃ a"],
    ["strrev", ["e\u0301x"], "xe\u0301"],
    ["substr", ["hello world", 1, 4], "ello"],
    ["substr", ["🤔🤷", 0, 1], "🤔"],
    ["substr", ["hello world", -5, -1], "world"],
    ["substr", ["hello world", 6, 10], "world"],
    ["substr", ["hello", 10, 1], ""],
    ["substr", ["hello", 0, 0], ""],
    ["substr", ["hello", -10, 2], "hello"],
    ["title", ["hello world"], "Hello World"],
    ["title", ["hello-world_x ünd"], "Hello-World_x Ünd"],
    ["trim", ["?!hello?!", "!?"], "hello"],
    ["trim", ["foobar", "far"], "oob"],
    ["trim", ["   hello! world.!  ", "! "], "hello! world."],
    ["trimprefix", ["helloworld", "hello"], "world"],
    ["trimprefix", ["helloworld", "cat"], "helloworld"],
    ["trimspace", ["  hello\n\n"], "hello"],
    ["trimspace", ["\u0085\u00a0 x \u3000"], "x"],
    ["trimsuffix", ["helloworld", "world"], "hello"],
    ["regex", ["[a-z]+", "53453453.345345aaabbbccc23454"], "aaabbbccc"],
    ["regex", ["(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01"], ["2019", "02", "01"]],
    [
      "regex",
      ["^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/"],
      o({ authority: "terraform.io", scheme: "https" }),
    ],
    ["regex", ["(a)|(b)", "b"], [null, "b"]],
    ["regex", ["(?i)^ARN:AWS:S3:::(.+)$", "arn:aws:s3:::phi-bucket"], ["phi-bucket"]],
    ["regexall", ["[a-z]+", "1234abcd5678efgh9"], ["abcd", "efgh"]],
    ["regexall", ["[a-z]+", "123456789"], []],
    [
      "regexall",
      ["(\\w)=(\\d)", "a=1 b=2"],
      [
        ["a", "1"],
        ["b", "2"],
      ],
    ],
  ];
  it.each(cases)("%s(%j) = %j", (name, args, expected) => {
    expect(call(name, args)).toEqual(expected);
  });

  const errors: ErrorCase[] = [
    ["regex", ["[a-z]+", "53453453.34534523454"], "pattern did not match any part of the given string", undefined],
    ["regex", ["(a", "a"], "invalid regexp pattern: missing closing ) in (a", 0],
    ["regex", ["(?P<x>a)(b)", "ab"], "invalid regexp pattern: cannot mix both named and unnamed capture groups", 0],
    ["regex", ["(?=a)", "a"], "invalid regexp pattern: invalid or unsupported Perl syntax in (?=", 0],
    ["regex", ["(a)\\1", "aa"], "invalid regexp pattern: invalid escape sequence in \\1", 0],
    ["regex", ["a**", "a"], "invalid regexp pattern: invalid nested repetition operator in **", 0],
    ["regex", ["*a", "a"], "invalid regexp pattern: missing argument to repetition operator in *", 0],
    ["regex", ["a{1001}", "a"], "invalid regexp pattern: invalid repeat count in {1001}", 0],
    ["regex", ["[z-a]", "a"], "invalid regexp pattern: invalid character class range in z-a", 0],
    ["regex", ["[a", "a"], "invalid regexp pattern: missing closing ] in [a", 0],
    ["regex", ["a)", "a"], "invalid regexp pattern: unexpected ) in a)", 0],
    ["regex", ["\\p{Klingon}", "a"], "invalid regexp pattern: invalid character class range in \\p{Klingon}", 0],
    ["replace", ["a", "/(/", "b"], "invalid regexp pattern: missing closing ) in (", undefined],
    ["join", [",", ["a", null]], "element 1 is null; cannot concatenate null values", 1],
    ["join", [",", ["a"], [null]], "element 0 of list 2 is null; cannot concatenate null values", 2],
    ["join", [","], "at least one list is required", undefined],
    ["upper", [["a"]], "string required", 0],
    ["indent", [-1, "x"], "value must be a whole number, between 0 and 9223372036854775807", 0],
  ];
  it.each(errors)("%s(%j) fails: %s", (name, args, message, argIndex) => {
    const e = failure(name, args);
    expect(e.message).toBe(message);
    expect(e.argIndex).toBe(argIndex);
  });
});

describe("regular expressions", () => {
  const cases: Case[] = [
    ["regex", ["\\Qa.b\\E+", "xa.bbb"], "a.bbb"],
    ["regex", ["[[:alpha:]]+", "12ab3"], "ab"],
    ["regex", ["[^[:digit:]x]+", "12ab3"], "ab"],
    ["regex", ["\\p{Greek}+", "abc αβγ"], "αβγ"],
    ["regex", ["\\pL+", "12éa3"], "éa"],
    ["regex", ["(?s)a.b", "a\nb"], "a\nb"],
    ["regex", ["a.b|x", "a\nb x"], "x"],
    ["regex", ["(?m)^b$", "a\nb\nc"], "b"],
    ["regex", ["\\bfoo\\b", "foobar foo"], "foo"],
    ["regex", ["a+?", "aaa"], "a"],
    ["regex", ["(?U)a+", "aaa"], "a"],
    ["regex", ["a{2,3}", "aaaa"], "aaa"],
    ["regex", ["a{2,}?", "aaaa"], "aa"],
    ["regex", ["a{,2}", "a{,2}"], "a{,2}"],
    ["regex", ["\\x41\\x{263a}\\101", "A☺A"], "A☺A"],
    ["regex", ["(?i:k)", "\u212a"], "\u212a"],
    ["regex", ["\\s+", "a \t\n\u00a0b"], " \t\n"],
    ["regex", ["[]a]+", "]a]"], "]a]"],
    ["regex", ["(x*)*y", "xxy"], ["xx"]],
    ["regex", ["(?:ab)*c", "xababc"], "ababc"],
    ["regex", ["^(?:[^/]*/)*[^/]*\\.txt$", "sub/dir/b.txt"], "sub/dir/b.txt"],
    ["regex", ["(?:a|b)+", "xabba"], "abba"],
    ["regex", ["(?P<year>\\d{4})", "in 2024"], o({ year: "2024" })],
    ["regex", ["(?<year>\\d{4})", "in 2024"], o({ year: "2024" })],
    ["regexall", ["", "ab"], ["", "", ""]],
    ["regexall", ["a*", "baaac"], ["", "aaa", ""]],
  ];
  it.each(cases)("%s(%j) = %j", (name, args, expected) => {
    expect(call(name, args)).toEqual(expected);
  });

  it("does not treat ^ as a line start without the m flag", () => {
    expect(failure("regex", ["^b", "a\nb"]).message).toBe("pattern did not match any part of the given string");
  });

  it("runs long programs without deep recursion and refuses oversized ones", () => {
    expect(call("regex", ["(?:(?:a?){1000}){40}b", "aab"])).toBe("aab");
    expect(failure("regex", ["((a{1000}){1000}){1000}", "a"]).message).toBe(
      "invalid regexp pattern: expression too large in ((a{1000}){1000}){1000}",
    );
  });

  it("stops at a work limit instead of grinding through a huge input with a huge pattern", () => {
    const re = compileRegex("(?:(?:a?){1000}){40}b") as Regex;
    expect(() => execAll(re, "a".repeat(1000), { remaining: 1_000_000 })).toThrow(RegexWorkLimit);
    expect(execAll(re, "aab", { remaining: 1_000_000 })).toEqual([[0, 3]]);
  });

  it("matches patterns that make backtracking engines explode in linear time", () => {
    const input = `${"a".repeat(20_000)}!`;
    expect(call("regexall", ["(a+)+$", input])).toEqual([]);
    expect(call("regexall", ["(a|aa)*b", input])).toEqual([]);
    expect(call("regexall", ["(\\w+\\s?)*$", `${"word ".repeat(3000)}!`])).toEqual([[null]]);
  });
});

describe("string functions over unknowns", () => {
  it("join keeps the known text around unknown elements", () => {
    const result = call("join", ["", ["arn:aws:s3:::", id, "/*"]]);
    expect(result).toBeInstanceOf(Unknown);
    const u = result as Unknown;
    expect(u.type).toBe("string");
    expect(u.parts).toEqual(["arn:aws:s3:::", id, "/*"]);
    expect(u.refs).toEqual([{ address: "aws_s3_bucket.phi", path: ["id"] }]);
  });
});
