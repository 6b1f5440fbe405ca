/**
 * Terraform's type conversion functions: `tostring` … `tomap` (explicit conversions with their own messages), `try`
 * and `can` (lazy: they decide which arguments to evaluate), and the sensitivity functions, which handle marks
 * themselves.
 */
import { hasErrors } from "../../hcl/diagnostic.js";
import {
  type EagerFunction,
  type EvaluatedArg,
  FunctionError,
  type HclFunction,
  type LazyFunction,
} from "../../hcl/function.js";
import type { Range } from "../../hcl/range.js";
import { containsUnknown, mark, Sensitive, Unknown, type UnknownType, unmark, type Value } from "../../hcl/value.js";
import { unknownFrom } from "./arguments.js";
import {
  ConversionError,
  canConvert,
  convert,
  friendlyName,
  friendlyNameForConstraint,
  listOf,
  mapOf,
  setOf,
  type Type,
  typeOf,
} from "./types.js";

function unknownKind(t: Type): UnknownType {
  if (t === "string" || t === "number" || t === "bool") return t;
  if (typeof t !== "string" && (t.kind === "list" || t.kind === "set" || t.kind === "map")) return t.kind;
  return "any";
}

/** Terraform's `MakeToFunc`: conversion with messages tailored to an explicit request. */
function makeTo(want: Type): EagerFunction {
  return {
    params: [{ name: "v", allowNull: true, allowUnknown: true, allowMarked: true }],
    returns: unknownKind(want),
    impl(args) {
      const { value, sensitive } = unmark(args[0] as Value);
      if (value instanceof Unknown) return mark(unknownFrom([value], unknownKind(want)), sensitive);
      if (value === null) return mark(null, sensitive);
      try {
        return mark(convert(value, want), sensitive);
      } catch (e) {
        if (!(e instanceof ConversionError)) throw e;
        // Types are worked out only to word the failure.
        const got = typeOf(value);
        if (!canConvert(got, want, true)) {
          throw new FunctionError(`cannot convert ${friendlyName(got)} to ${friendlyNameForConstraint(want)}`, 0);
        }
        if (sensitive) {
          throw new FunctionError(
            `cannot convert this sensitive ${friendlyName(got)} to ${friendlyNameForConstraint(want)}`,
            0,
          );
        }
        if (typeof value === "string" && want === "bool") {
          throw new FunctionError(
            `cannot convert ${JSON.stringify(value)} to bool; only the strings "true" or "false" are allowed`,
            0,
          );
        }
        if (typeof value === "string" && want === "number") {
          throw new FunctionError(
            `cannot convert ${JSON.stringify(value)} to number; given string must be a decimal representation of a number`,
            0,
          );
        }
        throw new FunctionError(`cannot convert ${friendlyName(got)} to ${friendlyNameForConstraint(want)}`, 0);
      }
    },
  };
}

/** hcl.Range's text form, as `try` quotes it. */
function rangeText(r: Range): string {
  return r.start.line === r.end.line
    ? `${r.file}:${r.start.line},${r.start.column}-${r.end.column}`
    : `${r.file}:${r.start.line},${r.start.column}-${r.end.line},${r.end.column}`;
}

const tryFunction: LazyFunction = {
  kind: "lazy",
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  impl(args) {
    let failures = "";
    for (const evaluate of args) {
      const { value, diagnostics } = evaluate();
      if (hasErrors(diagnostics)) {
        for (const d of diagnostics) {
          if (d.severity === "error") failures += `- ${d.summary} (at ${rangeText(d.range)})\n  ${d.detail}\n`;
        }
        continue;
      }
      // Whether an expression over unknowns fails is only known after apply.
      if (containsUnknown(value)) return unknownFrom([value]);
      return value;
    }
    throw new FunctionError(
      `no expression succeeded:\n${failures}\nAt least one expression must produce a successful result`,
    );
  },
};

const canFunction: LazyFunction = {
  kind: "lazy",
  minArgs: 1,
  maxArgs: 1,
  impl(args) {
    const { value, diagnostics } = (args[0] as () => EvaluatedArg)();
    if (hasErrors(diagnostics)) return false;
    if (containsUnknown(value)) return unknownFrom([value], "bool");
    return true;
  },
};

const sensitive: EagerFunction = {
  params: [{ name: "value", allowNull: true, allowUnknown: true, allowMarked: true }],
  impl([v]) {
    return mark(v as Value, true);
  },
};

const nonsensitive: EagerFunction = {
  params: [{ name: "value", allowNull: true, allowUnknown: true, allowMarked: true }],
  impl([v]) {
    // Only the value's own mark is removed, as in Terraform; marks nested inside a collection stay.
    return v instanceof Sensitive ? v.value : (v as Value);
  },
};

const issensitive: EagerFunction = {
  params: [{ name: "value", allowNull: true, allowUnknown: true, allowMarked: true }],
  impl([v]) {
    return v instanceof Sensitive;
  },
};

/** No value is ephemeral in a static scan, so this is the identity. */
const ephemeralasnull: EagerFunction = {
  params: [{ name: "value", allowNull: true, allowUnknown: true }],
  impl([v]) {
    return v as Value;
  },
};

export const conversionFunctions: Readonly<Record<string, HclFunction>> = {
  can: canFunction,
  ephemeralasnull,
  issensitive,
  nonsensitive,
  sensitive,
  tobool: makeTo("bool"),
  tolist: makeTo(listOf("dynamic")),
  tomap: makeTo(mapOf("dynamic")),
  tonumber: makeTo("number"),
  toset: makeTo(setOf("dynamic")),
  tostring: makeTo("string"),
  try: tryFunction,
};
