import { describe, expect, it } from "vitest";
import rule from "../../src/rules/aws/s3/s3-bucket-versioning.js";
import { caseTableProblems, type InvalidCase, type ValidCase } from "./rule-tester.js";

const valid = (name: string, code: string): ValidCase => ({ name, code });
const invalid = (name: string, code: string, messageId = "notEnabled"): InvalidCase => ({
  name,
  code,
  errors: [{ messageId, line: 1, column: 1, endLine: 1, endColumn: 2 }],
});

describe("the rule tester's case-table checks", () => {
  it("accepts a well-formed table", () => {
    expect(
      caseTableProblems(rule, {
        valid: [valid("a", "# a"), valid("b", "# b")],
        invalid: [invalid("c", "# c"), invalid("d", "# d"), invalid("e", "# e")],
      }),
    ).toEqual([]);
  });

  it("rejects too few cases, duplicates, invalid cases without expectations and unknown messages", () => {
    expect(
      caseTableProblems(rule, {
        valid: [valid("a", "# same")],
        invalid: [invalid("a", "# other"), invalid("b", "# same"), { name: "c", code: "# c", errors: [] }],
      }),
    ).toEqual([
      "1 valid cases; at least 2 are required",
      'duplicate case name "a"',
      'case "b" repeats the code of an earlier case',
      'invalid case "c" expects no result',
    ]);
    expect(
      caseTableProblems(rule, {
        valid: [valid("a", "# a"), valid("b", "# b")],
        invalid: [invalid("c", "# c", "noSuchMessage"), invalid("d", "# d"), invalid("e", "# e")],
      }),
    ).toEqual(['case "c": unknown message noSuchMessage']);
  });
});
