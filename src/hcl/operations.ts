/**
 * HCL's operators on runtime values, with cty's semantics: numbers behave as the arbitrary-precision decimals they
 * were written as (`0.1 + 0.2` is `0.3`, `11 % 5.1` is `0.8`), equality never converts (`"1" == 1` is false), and
 * anything compared with or computed from an unknown is unknown, remembering what it depends on.
 *
 * These functions take unmarked values; the evaluator strips and re-applies sensitive marks.
 */
import {
  containsUnknown,
  isObjectValue,
  type ObjectValue,
  type Reference,
  Sensitive,
  SetValue,
  Unknown,
  type UnknownType,
  type Value,
} from "./value.js";

export type ArithmeticOperator = "+" | "-" | "*" | "/" | "%";
export type ComparisonOperator = "<" | ">" | "<=" | ">=";

/** A number, or the reason cty's operation fails (e.g. `0 / 0`). */
export type NumberResult = number | { readonly error: string };

interface Decimal {
  /** value = mantissa × 10^exponent */
  readonly mantissa: bigint;
  readonly exponent: number;
}

/** The decimal a double was written as: the shortest text that reads back as the same double. */
function toDecimal(n: number): Decimal {
  const text = n.toString();
  const e = text.indexOf("e");
  const digits = e < 0 ? text : text.slice(0, e);
  let exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = digits.indexOf(".");
  let intText = digits;
  if (dot >= 0) {
    intText = digits.slice(0, dot) + digits.slice(dot + 1);
    exponent -= digits.length - dot - 1;
  }
  return { mantissa: BigInt(intText), exponent };
}

/** Rounds an exact decimal to the nearest double (JavaScript's number parsing rounds correctly). */
function fromDecimal(mantissa: bigint, exponent: number): number {
  return Number(`${mantissa}e${exponent}`);
}

function scaled(d: Decimal, exponent: number): bigint {
  return d.mantissa * 10n ** BigInt(d.exponent - exponent);
}

/** Significant digits kept beyond a double's 17 when a quotient does not terminate. */
const QUOTIENT_DIGITS = 60;

function digitCount(n: bigint): number {
  return (n < 0n ? -n : n).toString().length;
}

function exactArithmetic(op: ArithmeticOperator, a: number, b: number): number {
  const x = toDecimal(a);
  const y = toDecimal(b);
  const exponent = Math.min(x.exponent, y.exponent);
  switch (op) {
    case "+":
      return fromDecimal(scaled(x, exponent) + scaled(y, exponent), exponent);
    case "-":
      return fromDecimal(scaled(x, exponent) - scaled(y, exponent), exponent);
    case "*":
      return fromDecimal(x.mantissa * y.mantissa, x.exponent + y.exponent);
    case "%":
      // cty: a - b × trunc(a / b), which is BigInt's remainder once both sides share an exponent.
      return fromDecimal(scaled(x, exponent) % scaled(y, exponent), exponent);
    case "/": {
      const shift = Math.max(0, QUOTIENT_DIGITS + digitCount(y.mantissa) - digitCount(x.mantissa));
      const numerator = x.mantissa * 10n ** BigInt(shift);
      let quotient = numerator / y.mantissa;
      let exp = x.exponent - y.exponent - shift;
      if (numerator % y.mantissa !== 0n) {
        // A sticky digit keeps an inexact quotient off a rounding midpoint.
        const negative = numerator < 0n !== y.mantissa < 0n;
        quotient = quotient * 10n + (negative ? -1n : 1n);
        exp -= 1;
      }
      return fromDecimal(quotient, exp);
    }
  }
}

/** `a op b` as cty computes it on the decimals the operands were written as. */
export function arithmetic(op: ArithmeticOperator, a: number, b: number): NumberResult {
  const infinite = !Number.isFinite(a) || !Number.isFinite(b);
  switch (op) {
    case "+":
      if (infinite) return Number.isNaN(a + b) ? { error: "can't compute sum of opposing infinities" } : a + b;
      break;
    case "-":
      if (infinite) return Number.isNaN(a - b) ? { error: "can't subtract infinity from itself" } : a - b;
      break;
    case "*":
      if (infinite) return Number.isNaN(a * b) ? { error: "can't multiply zero by infinity" } : a * b;
      break;
    case "/":
      if (b === 0 || infinite) {
        const q = a / b;
        return Number.isNaN(q) ? { error: "can't divide zero by zero or infinity by infinity" } : q;
      }
      if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a / b;
      return exactArithmetic(op, a, b);
    case "%":
      if (infinite) {
        const product = a * b;
        return Number.isNaN(product) ? { error: "can't use modulo with zero and infinity" } : product;
      }
      if (b === 0) return a;
      break;
  }
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    const native = op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : a % b;
    if (Number.isSafeInteger(native)) return native === 0 ? 0 : native;
  }
  const exact = exactArithmetic(op, a, b);
  return exact === 0 ? 0 : exact;
}

export function negate(n: number): number {
  return n === 0 ? 0 : -n;
}

export function compareNumbers(op: ComparisonOperator, a: number, b: number): boolean {
  switch (op) {
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case ">=":
      return a >= b;
  }
}

/**
 * A number as cty writes it when converting to string: integers in full without exponent, fractions in their
 * shortest form, infinities as `+Inf`/`-Inf`.
 */
export function formatNumber(n: number): string {
  if (n === Number.POSITIVE_INFINITY) return "+Inf";
  if (n === Number.NEGATIVE_INFINITY) return "-Inf";
  if (Number.isInteger(n)) return n === 0 ? "0" : BigInt(n).toString();
  const text = n.toString();
  if (!text.includes("e")) return text;
  const { mantissa, exponent } = toDecimal(n);
  const negative = mantissa < 0n;
  const digits = (negative ? -mantissa : mantissa).toString();
  // Integers were handled above, so the exponent is negative here.
  const point = digits.length + exponent;
  const body = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${"0".repeat(-point)}${digits}`;
  return negative ? `-${body}` : body;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A string converted to a number as cty does (decimal, optional exponent, `Inf`), or undefined when invalid. */
export function parseNumber(text: string): number | undefined {
  if (NUMBER_TEXT.test(text)) return Number(text);
  switch (text) {
    case "Inf":
    case "+Inf":
    case "inf":
    case "+inf":
      return Number.POSITIVE_INFINITY;
    case "-Inf":
    case "-inf":
      return Number.NEGATIVE_INFINITY;
    default:
      return undefined;
  }
}

/** Every reference of every unknown inside the values, deduplicated, in first-seen order. */
export function collectRefs(...values: readonly Value[]): Reference[] {
  const out: Reference[] = [];
  const seen = new Set<string>();
  const visit = (v: Value): void => {
    if (v instanceof Unknown) {
      for (const ref of v.refs) {
        const key = `${ref.address}\u0000${JSON.stringify(ref.path)}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(ref);
        }
      }
      if (v.parts) for (const part of v.parts) if (part instanceof Unknown) visit(part);
    } else if (v instanceof Sensitive) visit(v.value);
    else if (Array.isArray(v)) for (const item of v) visit(item);
    else if (v instanceof SetValue) for (const item of v.items) visit(item);
    else if (isObjectValue(v)) for (const k in v) visit(v[k] as Value);
  };
  for (const v of values) visit(v);
  return out;
}

/** An unknown of the given type that depends on everything unknown inside `sources`. */
export function unknownFrom(type: UnknownType, ...sources: readonly Value[]): Unknown {
  return new Unknown(collectRefs(...sources), type);
}

type Coarse = "null" | "bool" | "number" | "string" | "sequence" | "set" | "object" | "any";

function coarseOf(v: Value): Coarse {
  if (v === null) return "null";
  if (v instanceof Unknown) {
    switch (v.type) {
      case "list":
        return "sequence";
      case "map":
        return "object";
      default:
        return v.type;
    }
  }
  if (Array.isArray(v)) return "sequence";
  if (v instanceof SetValue) return "set";
  if (isObjectValue(v)) return "object";
  return typeof v === "boolean" ? "bool" : typeof v === "number" ? "number" : "string";
}

/**
 * `a == b` with cty's semantics: values of different types are never equal, and a comparison that depends on an
 * unknown is unknown (unless the known parts already differ). Takes unmarked values.
 */
export function equalsOperation(a: Value, b: Value): boolean | Unknown {
  const result = compareEqual(a, b);
  return result === "unknown" ? unknownFrom("bool", a, b) : result;
}

function compareEqual(a: Value, b: Value): boolean | "unknown" {
  const aUnknown = a instanceof Unknown;
  const bUnknown = b instanceof Unknown;
  if (aUnknown || bUnknown) {
    if (aUnknown && bUnknown) return "unknown";
    const known = aUnknown ? b : a;
    const unknown = (aUnknown ? a : b) as Unknown;
    if (known === null || unknown.type === "any") return "unknown";
    return coarseOf(known) === coarseOf(unknown) ? "unknown" : false;
  }
  if (a === null || b === null) return a === b;
  if (typeof a !== "object" || typeof b !== "object") return a === b;
  if (a instanceof Sensitive || b instanceof Sensitive) {
    return compareEqual(a instanceof Sensitive ? a.value : a, b instanceof Sensitive ? b.value : b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return combine(a.map((x, i) => () => compareEqual(x, b[i] as Value)));
  }
  if (a instanceof SetValue) {
    if (!(b instanceof SetValue)) return false;
    if (a.items.some(containsUnknown) || b.items.some(containsUnknown)) return "unknown";
    if (a.items.length !== b.items.length) return false;
    return a.items.every((x) => b.items.some((y) => compareEqual(x, y) === true));
  }
  if (isObjectValue(a) && isObjectValue(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const k of keys) if (!(k in b)) return false;
    return combine(keys.map((k) => () => compareEqual((a as ObjectValue)[k] as Value, (b as ObjectValue)[k] as Value)));
  }
  return false;
}

/** All true → true; any false → false; otherwise unknown. */
function combine(checks: readonly (() => boolean | "unknown")[]): boolean | "unknown" {
  let unknown = false;
  for (const check of checks) {
    const r = check();
    if (r === false) return false;
    if (r === "unknown") unknown = true;
  }
  return unknown ? "unknown" : true;
}
