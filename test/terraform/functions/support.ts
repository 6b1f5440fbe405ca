import { expect } from "vitest";
import {
  type EagerFunction,
  type FunctionCallSite,
  FunctionError,
  type HclFunction,
} from "../../../src/hcl/function.js";
import type { Range } from "../../../src/hcl/range.js";
import type { Value } from "../../../src/hcl/value.js";
import { createFunctions, type FunctionOptions } from "../../../src/terraform/functions/index.js";

const start = { line: 1, column: 1, byte: 0 };
export const range: Range = { file: "main.tf", start, end: start };
export const site: FunctionCallSite = { range, argRanges: [] };

export function functionsFor(options: FunctionOptions): ReadonlyMap<string, HclFunction> {
  return createFunctions(options);
}

const defaults = createFunctions({ baseDir: "/nonexistent/config", rootDir: "/nonexistent/config" });

export function fn(name: string, table: ReadonlyMap<string, HclFunction> = defaults): EagerFunction {
  const f = table.get(name);
  if (f === undefined || f.kind === "lazy") throw new Error(`no eager function ${name}`);
  return f;
}

/** Calls an eager function's implementation directly, as the evaluator would after its own checks. */
export function call(name: string, args: Value[], table?: ReadonlyMap<string, HclFunction>): Value {
  return fn(name, table).impl(args, site);
}

/** The FunctionError a call throws (fails the test when it returns). */
export function failure(name: string, args: Value[], table?: ReadonlyMap<string, HclFunction>): FunctionError {
  try {
    const result = call(name, args, table);
    expect.fail(`${name} returned ${JSON.stringify(result)} instead of failing`);
  } catch (e) {
    if (e instanceof FunctionError) return e;
    throw e;
  }
}

export type Case = readonly [name: string, args: Value[], expected: Value];
export type ErrorCase = readonly [name: string, args: Value[], message: string, argIndex: number | undefined];
