/**
 * Terraform's built-in functions for the evaluator. Each implementation receives arguments as the evaluator prepares
 * them (see `src/hcl/function.ts`) and returns a value or throws `FunctionError`.
 */
import { FunctionError, type HclFunction } from "../../hcl/function.js";
import { collectionFunctions } from "./collection.js";
import { conversionFunctions } from "./conversion.js";
import { cryptoFunctions } from "./crypto.js";
import { datetimeFunctions } from "./datetime.js";
import { encodingFunctions } from "./encoding.js";
import { createFilesystemFunctions, type FunctionOptions } from "./filesystem.js";
import { formatFunctions } from "./format.js";
import { networkFunctions } from "./network.js";
import { numericFunctions } from "./numeric.js";
import { stringFunctions } from "./string.js";

export type { FunctionOptions } from "./filesystem.js";

/** Functions removed from Terraform long ago: calling one is an error with Terraform's explanation. */
function removed(message: string): HclFunction {
  return {
    params: [],
    variadic: { name: "vals", allowNull: true, allowUnknown: true },
    impl() {
      throw new FunctionError(message);
    },
  };
}

export function createFunctions(options: FunctionOptions): ReadonlyMap<string, HclFunction> {
  const all: Record<string, HclFunction> = {
    ...collectionFunctions,
    ...conversionFunctions,
    ...cryptoFunctions,
    ...datetimeFunctions,
    ...encodingFunctions,
    ...createFilesystemFunctions(options),
    ...formatFunctions,
    ...networkFunctions,
    ...numericFunctions,
    ...stringFunctions,
    list: removed(
      'the "list" function was deprecated in Terraform v0.12 and is no longer available; use tolist([ ... ]) syntax to write a literal list',
    ),
    map: removed(
      'the "map" function was deprecated in Terraform v0.12 and is no longer available; use tomap({ ... }) syntax to write a literal map',
    ),
  };
  const names = Object.keys(all).sort();
  return new Map(names.map((name) => [name, all[name] as HclFunction]));
}

/**
 * The function table for evaluating a template read by `templatefile`: the same functions, except that
 * `templatefile` itself fails, as in Terraform, so a template cannot include itself.
 */
export function templateFunctions(functions: ReadonlyMap<string, HclFunction>): ReadonlyMap<string, HclFunction> {
  const out = new Map(functions);
  out.set("templatefile", {
    params: [{ name: "path" }, { name: "vars", allowUnknown: true }],
    impl() {
      throw new FunctionError("cannot recursively call templatefile from inside templatefile call");
    },
  });
  return out;
}
