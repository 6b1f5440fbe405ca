import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRegex, execAll, execRegex } from "../../../src/terraform/functions/regex.js";

/**
 * The Pike VM against JavaScript's own engine on the constructs where both follow Perl's leftmost-first rules:
 * literals, classes, dot, anchors, alternation, greedy and lazy repetition, non-capturing groups. (Capture contents
 * inside repetitions differ by design: JavaScript resets them per iteration, RE2 keeps the last one, so only the
 * overall match is compared.)
 */
const character = fc.constantFrom("a", "b", ".", "[ab]", "[^a]", "\\n", "x");
const anchor = fc.constantFrom("^", "$", "\\b");
/** Expressions that never match the empty string: JavaScript stops a repetition at an empty iteration, RE2 does not. */
const solid: fc.Arbitrary<string> = fc.letrec((tie) => ({
  solid: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    character,
    fc.tuple(tie("solid"), tie("solid")).map(([a, b]) => `${a}${b}`),
    fc.tuple(tie("solid"), tie("solid")).map(([a, b]) => `(?:${a}|${b})`),
    fc.tuple(tie("solid"), fc.constantFrom("+", "+?", "{1,2}", "{2}")).map(([a, q]) => `(?:${a})${q}`),
  ),
})).solid as fc.Arbitrary<string>;
const pattern: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    solid,
    anchor,
    fc.tuple(tie("expr"), tie("expr")).map(([a, b]) => `${a}${b}`),
    fc.tuple(tie("expr"), tie("expr")).map(([a, b]) => `(?:${a}|${b})`),
    fc.tuple(solid, fc.constantFrom("*", "?", "*?", "??", "{0,2}")).map(([a, q]) => `(?:${a})${q}`),
  ),
})).expr as fc.Arbitrary<string>;
const subject = fc.string({ unit: fc.constantFrom("a", "b", "\n", "x"), maxLength: 12 });

describe("regex engine agrees with a backtracking engine on the shared subset", () => {
  it("finds the same leftmost-first match", () => {
    fc.assert(
      fc.property(pattern, subject, (p, s) => {
        const re = compileRegex(p);
        if (typeof re === "string") return; // e.g. a repetition of an empty-width assertion that RE2 rejects
        const js = new RegExp(p, "u").exec(s);
        const ours = execRegex(re, s, 0);
        expect(ours === undefined ? null : [ours[0], ours[1]], `${p} on ${JSON.stringify(s)}`).toEqual(
          js === null ? null : [js.index, js.index + js[0].length],
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("never hangs: every match of every generated pattern over long input is found quickly", () => {
    fc.assert(
      fc.property(pattern, (p) => {
        const re = compileRegex(p);
        if (typeof re === "string") return;
        execAll(re, "ab\nx".repeat(500));
      }),
      { numRuns: 200 },
    );
  });
});
