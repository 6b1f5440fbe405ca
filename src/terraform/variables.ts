/**
 * Input variable values for the root module, from every place Terraform takes them, with Terraform's precedence
 * (later wins): declaration defaults < `TF_VAR_*` environment < `terraform.tfvars` < `terraform.tfvars.json` <
 * `*.auto.tfvars` / `*.auto.tfvars.json` (lexical order) < `--var-file` (in order) < `--var` (in order).
 * The environment is an explicit option: the library never reads `process.env` itself.
 */
import { join, resolve } from "node:path";
import type { Attribute, Expression } from "../hcl/ast.js";
import { type Diagnostic, error, warning } from "../hcl/diagnostic.js";
import { evaluate } from "../hcl/eval.js";
import { parse, parseExpression } from "../hcl/parser.js";
import { fileStartRange, type Range } from "../hcl/range.js";
import { convertValueOnly, formatConversionError, parseTypeExpression, type Type } from "../hcl/types.js";
import { object, type Value } from "../hcl/value.js";
import type { Configuration, Variable } from "./configuration.js";
import { internalError } from "./internal-error.js";
import { parseJsonValues } from "./json-syntax.js";
import { type FileSystem, nodeFileSystem } from "./loader.js";

export interface VariableOptions {
  /** `--var NAME=VALUE`, in command-line order: raw strings, parsed by the variable's type as Terraform does. */
  readonly vars?: Readonly<Record<string, string>> | readonly (readonly [string, string])[];
  /** `--var-file PATH`, in command-line order (relative paths from the root module directory's parent cwd). */
  readonly varFiles?: readonly string[];
  /** The environment to take `TF_VAR_<name>` from (pass `process.env` from a CLI). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Load `terraform.tfvars[.json]` and `*.auto.tfvars[.json]` from the root module directory. Default true. */
  readonly autoVarFiles?: boolean;
  readonly fs?: FileSystem;
}

/** A value given for a root module variable, with where it was given. */
export interface GivenValue {
  readonly value: Value;
  /** The value expression in a tfvars file, or the variable's declaration for `--var` and the environment. */
  readonly range: Range;
}

const typeCache = new WeakMap<Variable, { type: Type | null; diagnostics: Diagnostic[]; reported: boolean }>();

function parsedType(v: Variable): { type: Type | null; diagnostics: Diagnostic[]; reported: boolean } {
  let cached = typeCache.get(v);
  if (!cached) {
    cached = { ...(v.type ? parseTypeExpression(v.type) : { type: null, diagnostics: [] }), reported: false };
    typeCache.set(v, cached);
  }
  return cached;
}

/**
 * The variable's type constraint (null: none given), with the constraint's diagnostics the first time they are
 * asked for — the evaluator reports them once, whoever parsed the constraint first.
 */
export function variableType(v: Variable): { type: Type | null; diagnostics: Diagnostic[] } {
  const parsed = parsedType(v);
  const diagnostics = parsed.reported ? [] : parsed.diagnostics;
  parsed.reported = true;
  return { type: parsed.type, diagnostics };
}

/** Converts a value to a variable's type; the error message is Terraform's. */
export function convertToVariableType(value: Value, type: Type | null): { value: Value } | { error: string } {
  if (!type) return { value };
  const result = convertValueOnly(value, type);
  if (result.error) return { error: formatConversionError(result.error) };
  return { value: result.value };
}

/** Strings from the command line and environment: taken literally for primitive and untyped variables. */
function parsesLiterally(v: Variable): boolean {
  const t = v.type;
  if (!t) return true;
  const type = parsedType(v).type;
  return type === null || type.kind === "string" || type.kind === "number" || type.kind === "bool";
}

function rawValue(v: Variable, raw: string, origin: string, diagnostics: Diagnostic[]): Value | undefined {
  if (parsesLiterally(v)) return raw;
  const parsed = parseExpression(raw, origin);
  if (parsed.diagnostics.some((d) => d.severity === "error")) {
    diagnostics.push(
      error(
        "Invalid value for input variable",
        `The value given for var.${v.name} by ${origin} is not a valid expression: ${parsed.diagnostics[0]?.summary ?? ""}.`,
        v.declRange,
      ),
    );
    return undefined;
  }
  const evaluated = evaluate(parsed.expr, { variables: object() });
  if (evaluated.diagnostics.length > 0) {
    diagnostics.push(
      error(
        "Invalid value for input variable",
        `The value given for var.${v.name} by ${origin} must be a literal value: ${evaluated.diagnostics[0]?.summary ?? ""}.`,
        v.declRange,
      ),
    );
    return undefined;
  }
  return evaluated.value;
}

function pairsOf(vars: VariableOptions["vars"]): (readonly [string, string])[] {
  if (!vars) return [];
  if (Array.isArray(vars)) return [...(vars as readonly (readonly [string, string])[])];
  return Object.entries(vars as Record<string, string>);
}

/** Values for the root module's variables from every source except defaults (applied by the evaluator). */
export function rootVariableValues(
  configuration: Configuration,
  options: VariableOptions,
  diagnostics: Diagnostic[],
): Map<string, GivenValue> {
  const fs = options.fs ?? nodeFileSystem;
  const root = configuration.root;
  const declared = root.variables;
  const values = new Map<string, GivenValue>();

  const env = options.env ?? {};
  for (const key of Object.keys(env).sort()) {
    if (!key.startsWith("TF_VAR_")) continue;
    const name = key.slice(7);
    const v = declared.get(name);
    const raw = env[key];
    if (!v || raw === undefined) continue; // Terraform ignores environment values for undeclared variables.
    const value = rawValue(v, raw, `the environment variable ${key}`, diagnostics);
    if (value !== undefined) values.set(name, { value, range: v.declRange });
  }

  const fileNames: { display: string; abs: string; explicit: boolean }[] = [];
  if (options.autoVarFiles ?? true) {
    const names = fs.readDir(root.absDir) ?? [];
    const auto = names.filter((n) => n.endsWith(".auto.tfvars") || n.endsWith(".auto.tfvars.json")).sort();
    for (const n of ["terraform.tfvars", "terraform.tfvars.json", ...auto]) {
      if (names.includes(n)) fileNames.push({ display: join(root.dir, n), abs: join(root.absDir, n), explicit: false });
    }
  }
  for (const f of options.varFiles ?? []) fileNames.push({ display: f, abs: resolve(f), explicit: true });

  for (const f of fileNames) {
    try {
      readVarFile(f.display, f.abs, f.explicit, fs, declared, values, diagnostics);
    } catch (e) {
      diagnostics.push(internalError(e, fileStartRange(f.display)));
    }
  }

  for (const [name, raw] of pairsOf(options.vars)) {
    const v = declared.get(name);
    if (!v) {
      diagnostics.push(
        error(
          "Value for undeclared variable",
          `A variable named "${name}" was assigned on the command line, but the root module does not declare a variable of that name.`,
          fileStartRange(root.dir),
        ),
      );
      continue;
    }
    const value = rawValue(v, raw, `--var ${name}=…`, diagnostics);
    if (value !== undefined) values.set(name, { value, range: v.declRange });
  }
  return values;
}

function readVarFile(
  display: string,
  abs: string,
  explicit: boolean,
  fs: FileSystem,
  declared: ReadonlyMap<string, Variable>,
  values: Map<string, GivenValue>,
  diagnostics: Diagnostic[],
): void {
  const bytes = fs.readFile(abs);
  if (!bytes) {
    diagnostics.push(
      error(
        "Failed to read variables file",
        `Given variables file ${display} does not exist or cannot be read.`,
        fileStartRange(display),
      ),
    );
    return;
  }
  let attributes: readonly Attribute[];
  if (display.endsWith(".json")) {
    const parsed = parseJsonValues(new TextDecoder().decode(bytes), display);
    diagnostics.push(...parsed.diagnostics);
    attributes = parsed.attributes;
  } else {
    const parsed = parse(bytes, display);
    diagnostics.push(...parsed.diagnostics);
    attributes = parsed.file.body.attributes;
    for (const b of parsed.file.body.blocks) {
      diagnostics.push(
        error("Unexpected block in variables file", "A variables file may only assign variables.", b.typeRange),
      );
    }
  }
  for (const attr of attributes) {
    const v = declared.get(attr.name);
    if (!v) {
      diagnostics.push(
        (explicit ? error : warning)(
          "Value for undeclared variable",
          `The root module does not declare a variable named "${attr.name}" but a value was found in file "${display}". To use this value, add a "variable" block to the configuration.`,
          attr.nameRange,
        ),
      );
      continue;
    }
    const value = literalValue(attr.expr, diagnostics);
    if (value !== undefined) values.set(attr.name, { value, range: attr.expr.range });
  }
}

/** tfvars values are constants: evaluated with no variables and no functions. */
function literalValue(expr: Expression, diagnostics: Diagnostic[]): Value | undefined {
  const result = evaluate(expr, { variables: object() });
  if (result.diagnostics.length > 0) {
    diagnostics.push(...result.diagnostics);
    return undefined;
  }
  return result.value;
}
