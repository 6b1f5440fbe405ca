/** Terraform's numeric functions. */
import { type EagerFunction, FunctionError, type HclFunction } from "../../hcl/function.js";
import { mark, Unknown, unmark, type Value } from "../../hcl/value.js";
import { numberArg, unknownFrom } from "./arguments.js";
import { toDecimal } from "./number-text.js";
import { friendlyName, typeOf } from "./types.js";

/**
 * Sum with decimal semantics: cty adds 512-bit floats parsed from decimal text, so 0.1 + 0.2 is 0.3 there. Adding the
 * shortest decimal forms exactly and rounding once gives the same result for ordinary literals.
 */
export function decimalSum(numbers: readonly number[]): number {
  let simple = 0;
  let exact = true;
  for (const n of numbers) {
    if (!Number.isSafeInteger(n)) {
      exact = false;
      break;
    }
    simple += n;
  }
  if (exact && Number.isSafeInteger(simple)) return simple;
  if (numbers.some((n) => !Number.isFinite(n))) return numbers.reduce((a, b) => a + b, 0);
  const parts = numbers.map(toDecimal);
  const scale = Math.max(0, ...parts.map((d) => d.digits.length - d.exp));
  let total = 0n;
  for (const d of parts) {
    if (d.digits === "") continue;
    const shift = scale - (d.digits.length - d.exp);
    const magnitude = BigInt(d.digits) * 10n ** BigInt(shift);
    total += d.negative ? -magnitude : magnitude;
  }
  const negative = total < 0n;
  let text = (negative ? -total : total).toString();
  if (scale > 0) {
    text = text.padStart(scale + 1, "0");
    text = `${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}`;
  }
  const result = Number(text);
  return negative ? -result : result;
}

const abs: EagerFunction = {
  params: [{ name: "num" }],
  returns: "number",
  impl: (args) => Math.abs(numberArg(args, 0)),
};

const ceil: EagerFunction = {
  params: [{ name: "num" }],
  returns: "number",
  impl: (args) => {
    const n = Math.ceil(numberArg(args, 0));
    return n === 0 ? 0 : n;
  },
};

const floor: EagerFunction = {
  params: [{ name: "num" }],
  returns: "number",
  impl: (args) => Math.floor(numberArg(args, 0)),
};

function finite(n: number): number {
  if (Number.isNaN(n)) throw new FunctionError("the result is not a number");
  return n;
}

const log: EagerFunction = {
  params: [{ name: "num" }, { name: "base" }],
  returns: "number",
  impl: (args) => finite(Math.log(numberArg(args, 0)) / Math.log(numberArg(args, 1))),
};

const pow: EagerFunction = {
  params: [{ name: "num" }, { name: "power" }],
  returns: "number",
  impl: (args) => finite(numberArg(args, 0) ** numberArg(args, 1)),
};

const signum: EagerFunction = {
  params: [{ name: "num" }],
  returns: "number",
  impl: (args) => {
    const n = numberArg(args, 0);
    return n > 0 ? 1 : n < 0 ? -1 : 0;
  },
};

function extreme(pick: (a: number, b: number) => boolean): EagerFunction {
  return {
    params: [],
    variadic: { name: "numbers" },
    returns: "number",
    impl(args) {
      if (args.length === 0) throw new FunctionError("must pass at least one number");
      let best = numberArg(args, 0);
      for (let i = 1; i < args.length; i++) {
        const n = numberArg(args, i);
        if (pick(n, best)) best = n;
      }
      return best;
    },
  };
}

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Go's `big.Int.SetString(s, base)` for 2 ≤ base ≤ 62: optional sign, digits only, letters case-insensitive up to 36. */
function parseBigInt(s: string, base: number): bigint | undefined {
  let i = 0;
  let negative = false;
  if (s[0] === "+" || s[0] === "-") {
    negative = s[0] === "-";
    i = 1;
  }
  if (i >= s.length) return undefined;
  let n = 0n;
  const b = BigInt(base);
  for (; i < s.length; i++) {
    const c = s[i] as string;
    const d = DIGITS.indexOf(base <= 36 ? c.toLowerCase() : c);
    if (d < 0 || d >= base) return undefined;
    n = n * b + BigInt(d);
  }
  return negative ? -n : n;
}

const parseint: EagerFunction = {
  params: [
    { name: "number", allowMarked: true },
    { name: "base", allowMarked: true },
  ],
  returns: "number",
  impl(args) {
    const num = unmark(args[0] as Value);
    const base = unmark(args[1] as Value);
    const sensitive = num.sensitive || base.sensitive;
    if (num.value instanceof Unknown || base.value instanceof Unknown) {
      return mark(unknownFrom([num.value, base.value], "number"), sensitive);
    }
    if (typeof num.value !== "string") {
      throw new FunctionError(`first argument must be a string, not ${friendlyName(typeOf(num.value))}`, 0);
    }
    const b = numberArg([base.value], 0);
    if (!Number.isSafeInteger(b)) {
      throw new FunctionError("value must be a whole number, between -9223372036854775808 and 9223372036854775807", 1);
    }
    if (b < 2 || b > 62) throw new FunctionError("base must be a whole number between 2 and 62 inclusive", 1);
    const parsed = parseBigInt(num.value, b);
    if (parsed === undefined) {
      const shown = num.sensitive ? "(sensitive value)" : JSON.stringify(num.value);
      throw new FunctionError(`cannot parse ${shown} as a base ${base.sensitive ? "(sensitive value)" : b} integer`, 0);
    }
    return mark(Number(parsed), sensitive);
  },
};

export const numericFunctions: Readonly<Record<string, HclFunction>> = {
  abs,
  ceil,
  floor,
  log,
  max: extreme((a, b) => a > b),
  min: extreme((a, b) => a < b),
  parseint,
  pow,
  signum,
};
