/**
 * Reading function arguments as the declared parameter types of Terraform's functions, with cty's conversions and
 * messages. The evaluator words a `FunctionError` with an argument index as
 * `Invalid value for "<param>" parameter: <message>.`, so messages here are cty's bare text.
 */
import { FunctionError } from "../../hcl/function.js";
import {
  isObjectValue,
  type Reference,
  Sensitive,
  SetValue,
  Unknown,
  type UnknownType,
  type Value,
} from "../../hcl/value.js";
import { ConversionError, convert, listOf, setOf, type Type } from "./types.js";

/**
 * Converts argument `i` to `type`, turning a conversion failure into a `FunctionError` pointing at it (or at
 * `argIndex` when the value was taken from elsewhere).
 */
export function argAs(args: readonly Value[], i: number, type: Type, argIndex = i): Value {
  try {
    return convert(args[i] as Value, type);
  } catch (e) {
    if (e instanceof ConversionError) throw new FunctionError(e.message, argIndex);
    throw e;
  }
}

export function stringArg(args: readonly Value[], i: number): string {
  const v = args[i];
  return typeof v === "string" ? v : (argAs(args, i, "string") as string);
}

export function numberArg(args: readonly Value[], i: number): number {
  const v = args[i];
  return typeof v === "number" ? v : (argAs(args, i, "number") as number);
}

export function listArg(args: readonly Value[], i: number, elem: Type = "dynamic"): Value[] {
  return argAs(args, i, listOf(elem)) as Value[];
}

export function setArg(args: readonly Value[], i: number, elem: Type = "dynamic"): SetValue {
  return argAs(args, i, setOf(elem)) as SetValue;
}

/** The elements of a list, tuple or set, or undefined for anything else. */
export function sequenceItems(v: Value): readonly Value[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof SetValue) return v.items;
  return undefined;
}

/** Every reference of every unknown inside `values`, each once, in first-seen order. */
export function unknownRefs(values: readonly Value[]): Reference[] {
  const refs: Reference[] = [];
  const seen = new Set<string>();
  const visit = (v: Value): void => {
    if (v === null || typeof v !== "object") return;
    if (v instanceof Unknown) {
      for (const r of v.refs) {
        const key = `${r.address}\u0000${r.path.join("\u0000")}`;
        if (!seen.has(key)) {
          seen.add(key);
          refs.push(r);
        }
      }
      if (v.parts) for (const p of v.parts) visit(p);
      return;
    }
    if (v instanceof Sensitive) {
      visit(v.value);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    if (v instanceof SetValue) {
      for (const x of v.items) visit(x);
      return;
    }
    if (isObjectValue(v)) for (const k in v) visit(v[k] as Value);
  };
  for (const v of values) visit(v);
  return refs;
}

/** An unknown result computed from `values`: it depends on every unknown they contain. */
export function unknownFrom(values: readonly Value[], type: UnknownType = "any"): Unknown {
  return new Unknown(unknownRefs(values), type);
}

/** ASCII-only text (and most Latin) is already NFC; anything else is normalised as cty.StringVal does. */
export function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x300) return s.normalize("NFC");
  }
  return s;
}
