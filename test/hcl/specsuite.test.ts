/**
 * HashiCorp's HCL conformance suite (`../shared/reference/hcl/specsuite/tests`): each `.hcl` input is parsed,
 * decoded with the spec in its `.hcldec` file, and compared with its `.t` file (itself HCL, read with our own parser
 * and evaluator): the decoded `result` and its type (`result_type`), or the exact ranges of the expected diagnostics.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Block, Body } from "../../src/hcl/ast.js";
import { hasErrors } from "../../src/hcl/diagnostic.js";
import { evaluate } from "../../src/hcl/eval.js";
import { parse } from "../../src/hcl/parser.js";
import { anyType, conforms, convert, parseTypeExpression, type Type, typeString } from "../../src/hcl/types.js";
import { isObjectValue, object, Sensitive, SetValue, Unknown, type Value } from "../../src/hcl/value.js";
import { decode, loadSpec, specVariables } from "../support/hcldec.js";
import { sharedDir, sharedMissing, sharedPath } from "../support/shared.js";

interface ExpectedRange {
  from: { line: number; column: number; byte: number };
  to: { line: number; column: number; byte: number };
}

interface Expectation {
  result?: Value;
  resultType: Type;
  diagnostics: ExpectedRange[];
  traversals?: number;
}

function listTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTests(path));
    else if (entry.name.endsWith(".hcl")) out.push(path);
  }
  return out.sort();
}

function position(block: Block | undefined): { line: number; column: number; byte: number } {
  const pos = { line: 0, column: 0, byte: 0 };
  for (const attr of block?.body.attributes ?? []) {
    const v = evaluate(attr.expr, { variables: object() }).value;
    if ((attr.name === "line" || attr.name === "column" || attr.name === "byte") && typeof v === "number") {
      pos[attr.name] = v;
    }
  }
  return pos;
}

/** Reads a `.t` file: `result`, `result_type`, `diagnostics { error { from {...} to {...} } }`, `traversals {}`. */
function readExpectation(path: string): Expectation {
  const { file, diagnostics } = parse(readFileSync(path), path);
  expect(diagnostics).toEqual([]);
  const expectation: Expectation = { resultType: anyType, diagnostics: [] };
  const body: Body = file.body;
  for (const attr of body.attributes) {
    if (attr.name === "result") {
      const r = evaluate(attr.expr, { variables: object() });
      expect(r.diagnostics).toEqual([]);
      expectation.result = r.value;
    } else if (attr.name === "result_type") {
      const t = parseTypeExpression(attr.expr);
      expect(t.diagnostics).toEqual([]);
      expectation.resultType = t.type;
    }
  }
  for (const block of body.blocks) {
    if (block.type === "diagnostics") {
      for (const d of block.body.blocks) {
        expectation.diagnostics.push({
          from: position(d.body.blocks.find((b) => b.type === "from")),
          to: position(d.body.blocks.find((b) => b.type === "to")),
        });
      }
    } else if (block.type === "traversals") {
      expectation.traversals = block.body.blocks.length;
    }
  }
  return expectation;
}

/** Structural equality of decoded values: numbers as doubles, strings after NFC normalisation. */
function sameValue(a: Value, b: Value): boolean {
  if (a instanceof Sensitive || b instanceof Sensitive || a instanceof Unknown || b instanceof Unknown) return false;
  if (typeof a === "string" && typeof b === "string") return a.normalize("NFC") === b.normalize("NFC");
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i] as Value))
    );
  }
  if (a instanceof SetValue || b instanceof SetValue) {
    return (
      a instanceof SetValue &&
      b instanceof SetValue &&
      a.items.length === b.items.length &&
      a.items.every((x) => b.items.some((y) => sameValue(x, y)))
    );
  }
  if (!isObjectValue(a) || !isObjectValue(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameValue(a[k] as Value, b[k] as Value));
}

const tests = sharedDir ? listTests(sharedPath("reference/hcl/specsuite/tests")) : [];

describe.skipIf(!sharedDir)(`HCL conformance suite${sharedDir ? "" : ` (${sharedMissing})`}`, () => {
  it("finds the suite's test files", () => {
    expect(tests.length).toBe(15);
  });

  for (const hclPath of tests) {
    const name = relative(sharedPath("reference/hcl/specsuite/tests"), hclPath);
    it(name, () => {
      const base = hclPath.slice(0, -".hcl".length);
      const expected = readExpectation(`${base}.t`);
      const specFile = parse(readFileSync(`${base}.hcldec`), `${base}.hcldec`);
      expect(specFile.diagnostics).toEqual([]);
      const spec = loadSpec(specFile.file);
      expect(spec.diagnostics).toEqual([]);

      // As hcldec does: syntax errors stop before decoding.
      const input = parse(readFileSync(hclPath), hclPath);
      const decoded = hasErrors(input.diagnostics) ? undefined : decode(input.file.body, spec.spec, spec.variables);
      const diagnostics = decoded ? decoded.diagnostics : input.diagnostics;

      if (expected.diagnostics.length > 0) {
        const ranges = (list: ExpectedRange[]) =>
          list.map((r) => JSON.stringify(r)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        const got = diagnostics.map((d) => ({
          from: { line: d.range.start.line, column: d.range.start.column, byte: d.range.start.byte },
          to: { line: d.range.end.line, column: d.range.end.column, byte: d.range.end.byte },
        }));
        expect(ranges(got)).toEqual(ranges(expected.diagnostics));
        return;
      }

      expect(diagnostics).toEqual([]);
      if (!decoded) throw new Error("decoding was skipped without diagnostics");
      expect(
        conforms(decoded.type, expected.resultType),
        `${typeString(decoded.type)} conforms to ${typeString(expected.resultType)}`,
      ).toBe(true);
      if (expected.result !== undefined) {
        const want = convert(expected.result, expected.resultType);
        if (want.error) throw new Error(`result does not conform to result_type: ${want.error.message}`);
        expect(sameValue(decoded.value, want.value), "decoded value equals the expected result").toBe(true);
      }
      if (expected.traversals !== undefined) {
        expect(specVariables(input.file.body, spec.spec).length).toBe(expected.traversals);
      }
    });
  }
});
