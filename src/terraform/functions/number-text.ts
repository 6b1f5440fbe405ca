/**
 * Numbers as text, the way Terraform prints them. cty keeps numbers as 512-bit binary floats parsed from decimal
 * source; we hold IEEE doubles, whose shortest round-trip digits recover the source literal for anything up to 17
 * significant digits. Formatting works on those decimal digits and reproduces Go's `big.Float` text routines
 * (`Text('f', -1)` for conversions, `%e`/`%f`/`%g` for `format`).
 */

/** A finite non-negative decimal: value = 0.digits × 10^exp, `digits` without leading or trailing zeros ("" for 0). */
export interface Decimal {
  digits: string;
  exp: number;
  negative: boolean;
}

export function toDecimal(n: number): Decimal {
  const negative = n < 0 || Object.is(n, -0);
  if (n === 0) return { digits: "", exp: 0, negative };
  const text = Math.abs(n).toExponential();
  const e = text.indexOf("e");
  const mantissa = text.slice(0, e).replace(".", "");
  let end = mantissa.length;
  while (end > 1 && mantissa.charCodeAt(end - 1) === 48) end--;
  return { digits: mantissa.slice(0, end), exp: Number(text.slice(e + 1)) + 1, negative };
}

/** cty's number → string conversion (`big.Float.Text('f', -1)`): plain decimal, never an exponent. */
export function numberToString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n === 0 ? "0" : String(n);
  if (n === Number.POSITIVE_INFINITY) return "+Inf";
  if (n === Number.NEGATIVE_INFINITY) return "-Inf";
  const d = toDecimal(n);
  return (d.negative ? "-" : "") + plainDigits(d.digits, d.exp);
}

function plainDigits(digits: string, exp: number): string {
  if (digits === "") return "0";
  if (exp <= 0) return `0.${"0".repeat(-exp)}${digits}`;
  if (exp >= digits.length) return digits + "0".repeat(exp - digits.length);
  return `${digits.slice(0, exp)}.${digits.slice(exp)}`;
}

/**
 * Rounds to `n` significant digits like Go's `decimal.round`. A tie (the dropped part is exactly one "5") is decided
 * by where cty's 512-bit binary value lies relative to the decimal literal; only an exactly representable tie rounds
 * half to even.
 */
function roundDecimal(d: Decimal, n: number): Decimal {
  if (n < 0 || n >= d.digits.length) return d;
  const digits = d.digits;
  let up: boolean;
  if (digits.charCodeAt(n) === 53 && n + 1 === digits.length) {
    const direction = tieDirection(digits, d.exp);
    up = direction === 0 ? n > 0 && (digits.charCodeAt(n - 1) - 48) % 2 === 1 : direction > 0;
  } else {
    up = digits.charCodeAt(n) >= 53;
  }
  if (!up) return trimmed(digits.slice(0, n), d.exp, d.negative);
  let i = n;
  while (i > 0 && digits.charCodeAt(i - 1) === 57) i--;
  if (i === 0) return { digits: "1", exp: d.exp + 1, negative: d.negative };
  return trimmed(digits.slice(0, i - 1) + String.fromCharCode(digits.charCodeAt(i - 1) + 1), d.exp, d.negative);
}

function trimmed(digits: string, exp: number, negative: boolean): Decimal {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return end === 0 ? { digits: "", exp: 0, negative } : { digits: digits.slice(0, end), exp, negative };
}

/** Sign of (cty's 512-bit value − the decimal): 0 when the decimal is exactly representable. */
function tieDirection(digits: string, exp: number): number {
  const fraction = digits.length - exp;
  if (fraction <= 0) return 0;
  let numerator = BigInt(digits);
  let fives = fraction;
  while (fives > 0 && numerator % 5n === 0n) {
    numerator /= 5n;
    fives--;
  }
  if (fives === 0) return 0;
  // q = numerator / (2^fraction · 5^fives); find m ≈ q · 2^shift with 512 significant bits, rounded half to even.
  const denominator = (1n << BigInt(fraction)) * 5n ** BigInt(fives);
  const qBits = numerator.toString(2).length - denominator.toString(2).length;
  const shift = 512 - qBits;
  const scaledNumerator = shift >= 0 ? numerator << BigInt(shift) : numerator;
  const scaledDenominator = shift >= 0 ? denominator : denominator << BigInt(-shift);
  let m = scaledNumerator / scaledDenominator;
  const remainder2 = (scaledNumerator % scaledDenominator) * 2n;
  if (remainder2 > scaledDenominator || (remainder2 === scaledDenominator && m % 2n === 1n)) m += 1n;
  const difference = m * scaledDenominator - scaledNumerator;
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

function digitAt(d: Decimal, i: number): string {
  return i >= 0 && i < d.digits.length ? (d.digits[i] as string) : "0";
}

function formatE(d: Decimal, precision: number, verb: "e" | "E"): string {
  let out = d.digits === "" ? "0" : (d.digits[0] as string);
  if (precision > 0) {
    out += ".";
    for (let i = 1; i <= precision; i++) out += digitAt(d, i);
  }
  let exp = d.digits === "" ? 0 : d.exp - 1;
  const sign = exp < 0 ? "-" : "+";
  if (exp < 0) exp = -exp;
  return `${out}${verb}${sign}${exp < 10 ? "0" : ""}${exp}`;
}

function formatF(d: Decimal, precision: number): string {
  let out: string;
  if (d.exp > 0) {
    out = d.digits.slice(0, d.exp);
    if (out.length < d.exp) out += "0".repeat(d.exp - out.length);
  } else {
    out = "0";
  }
  if (precision > 0) {
    out += ".";
    for (let i = 0; i < precision; i++) out += digitAt(d, d.exp + i);
  }
  return out;
}

/**
 * Go's `big.Float.Text(verb, precision)` for 'e', 'E', 'f', 'g', 'G' (precision < 0: shortest), without the sign.
 * Returns the digits and whether the value is negative.
 */
export function floatText(n: number, verb: "e" | "E" | "f" | "g" | "G", precision: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "NaN" : "Inf";
  let d = toDecimal(n);
  const shortest = precision < 0;
  if (shortest) {
    if (verb === "e" || verb === "E") precision = d.digits.length - 1;
    else if (verb === "f") precision = Math.max(d.digits.length - d.exp, 0);
    else precision = d.digits.length;
  } else if (verb === "e" || verb === "E") {
    d = roundDecimal(d, 1 + precision);
  } else if (verb === "f") {
    d = roundDecimal(d, d.exp + precision);
  } else {
    if (precision === 0) precision = 1;
    d = roundDecimal(d, precision);
  }
  if (verb === "e" || verb === "E") return formatE(d, precision, verb);
  if (verb === "f") return formatF(d, precision);
  let eprec = precision;
  if (eprec > d.digits.length && d.digits.length >= d.exp) eprec = d.digits.length;
  if (shortest) eprec = 6;
  const exp = d.exp - 1;
  if (exp < -4 || exp >= eprec) {
    if (precision > d.digits.length) precision = d.digits.length;
    return formatE(d, precision - 1, verb === "g" ? "e" : "E");
  }
  if (precision > d.exp) precision = d.digits.length;
  return formatF(d, Math.max(precision - d.exp, 0));
}
