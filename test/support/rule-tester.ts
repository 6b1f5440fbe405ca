/**
 * ESLint-style rule tests: tables of valid and invalid Terraform, run through the real parser, evaluator and
 * adapters, with exact expected locations. The tester itself rejects weak tables: duplicate cases, invalid cases
 * without expected results, too few cases.
 */
import { describe, expect, it } from "vitest";
import { adapt } from "../../src/adapters/aws/adapt.js";
import { runRule } from "../../src/engine/run-rules.js";
import type { ResultStatus, Rule, RuleResult } from "../../src/rules/rule.js";
import { buildGraph } from "../../src/terraform/evaluator.js";
import { memoryFileSystem } from "../../src/terraform/loader.js";

export interface RuleCase {
  /** Unique within the table; says what the case shows. */
  readonly name: string;
  /** Terraform source: one `main.tf`, or files by path relative to the root module (child modules in subfolders). */
  readonly code: string | Readonly<Record<string, string>>;
  /** Rule option overrides. */
  readonly options?: object;
  /** `--var` values. */
  readonly vars?: Readonly<Record<string, string>>;
}

export interface ExpectedResult {
  readonly messageId: string;
  /** Default "fail". */
  readonly status?: Exclude<ResultStatus, "pass">;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The resource address; checked when given. */
  readonly address?: string;
  /** The file, relative to the root module; default main.tf. */
  readonly file?: string;
}

export interface InvalidCase extends RuleCase {
  readonly errors: readonly ExpectedResult[];
}

export interface ValidCase extends RuleCase {
  /** How many pass results the case must produce; default: at least one. Zero for "not in scope" cases. */
  readonly passes?: number;
}

const root = "/phiform-rule-tests";

/** Runs one case through the whole pipeline and returns the rule's results. */
export function runCase(rule: Rule, testCase: RuleCase, index: number): { results: RuleResult[]; dir: string } {
  const dir = `${root}/${rule.id}/${index}`;
  const files = typeof testCase.code === "string" ? { "main.tf": testCase.code } : testCase.code;
  const fs = memoryFileSystem(
    Object.fromEntries(Object.entries(files).map(([path, text]) => [`${dir}/${path}`, text])),
  );
  const graph = buildGraph(dir, { fs, rootDir: dir, ...(testCase.vars ? { vars: testCase.vars } : {}) });
  const errors = graph.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new Error(`case "${testCase.name}" has errors: ${errors.map((d) => `${d.summary}: ${d.detail}`).join("; ")}`);
  }
  const { model } = adapt(graph);
  const results = runRule(model, rule, testCase.options);
  if ("failure" in results) throw new Error(`rule threw: ${results.failure}`);
  return { results, dir };
}

function caseKey(testCase: RuleCase): string {
  return JSON.stringify([testCase.code, testCase.options ?? null, testCase.vars ?? null]);
}

/** What is wrong with a case table: too few cases, duplicates, invalid cases expecting nothing, unknown messages. */
export function caseTableProblems(
  rule: Rule,
  cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] },
): string[] {
  const problems: string[] = [];
  if (cases.valid.length < 2) problems.push(`${cases.valid.length} valid cases; at least 2 are required`);
  if (cases.invalid.length < 3) problems.push(`${cases.invalid.length} invalid cases; at least 3 are required`);
  const names = new Set<string>();
  const keys = new Set<string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    if (names.has(c.name)) problems.push(`duplicate case name "${c.name}"`);
    if (keys.has(caseKey(c))) problems.push(`case "${c.name}" repeats the code of an earlier case`);
    names.add(c.name);
    keys.add(caseKey(c));
  }
  for (const c of cases.invalid) {
    if (c.errors.length === 0) problems.push(`invalid case "${c.name}" expects no result`);
    for (const e of c.errors) {
      if (!Object.hasOwn(rule.meta.messages, e.messageId))
        problems.push(`case "${c.name}": unknown message ${e.messageId}`);
    }
  }
  return problems;
}

export function testRule(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.id, () => {
    it("has a well-formed case table", () => {
      expect(caseTableProblems(rule, cases)).toEqual([]);
    });

    cases.valid.forEach((testCase, index) => {
      it(`valid: ${testCase.name}`, () => {
        const { results } = runCase(rule, testCase, index);
        expect(results.filter((r) => r.status !== "pass").map(describeResult)).toEqual([]);
        const passes = results.filter((r) => r.status === "pass").length;
        if (testCase.passes === undefined) expect(passes, "a valid case must produce a pass").toBeGreaterThan(0);
        else expect(passes).toBe(testCase.passes);
      });
    });

    cases.invalid.forEach((testCase, index) => {
      it(`invalid: ${testCase.name}`, () => {
        const { results, dir } = runCase(rule, testCase, cases.valid.length + index);
        const actual = results
          .filter((r) => r.status !== "pass")
          .map((r) => ({
            messageId: r.messageId,
            status: r.status,
            line: r.range.start.line,
            column: r.range.start.column,
            endLine: r.range.end.line,
            endColumn: r.range.end.column,
            address: r.address,
            file: relativeFile(r.range.file, dir),
          }));
        const expected = testCase.errors.map((e, i) => ({
          messageId: e.messageId,
          status: e.status ?? "fail",
          line: e.line,
          column: e.column,
          endLine: e.endLine,
          endColumn: e.endColumn,
          address: e.address ?? actual[i]?.address,
          file: e.file ?? "main.tf",
        }));
        expect(actual).toEqual(expected);
      });
    });
  });
}

function relativeFile(file: string, dir: string): string {
  return file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : file;
}

function describeResult(r: RuleResult): string {
  return `${r.status} ${r.messageId} ${r.address} ${r.range.start.line}:${r.range.start.column}: ${r.message}`;
}
