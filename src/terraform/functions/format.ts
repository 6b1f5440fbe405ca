/**
 * `format` and `formatlist`: cty's printf dialect. Verbs `%v %#v %t %b %d %o %x %X %e %E %f %g %G %s %q %%`, flags
 * `space + - 0 #`, width, `.precision` and `[n]` argument indexes (just before the verb letter). Numbers are
 * formatted as Go's fmt does for `big.Int`/`big.Float`; string widths count grapheme clusters. Messages are cty's.
 */
import { type EagerFunction, FunctionError, type HclFunction } from "../../hcl/function.js";
import { containsUnknown, SetValue, Unknown, type Value } from "../../hcl/value.js";
import { stringArg, unknownFrom } from "./arguments.js";
import { graphemeCount, graphemes } from "./graphemes.js";
import { encodeJson, quoteJson } from "./json.js";
import { floatText } from "./number-text.js";
import { unknownString } from "./string.js";
import { ConversionError, convert, type PrimitiveType } from "./types.js";

interface Verb {
  raw: string;
  /** Byte offset of the `%` in the format string. */
  offset: number;
  argNum: number;
  mode: string;
  zero: boolean;
  sharp: boolean;
  plus: boolean;
  minus: boolean;
  space: boolean;
  width: number;
  precision: number;
}

class FormatError extends Error {
  constructor(
    message: string,
    /** Index among all of the function's arguments (0 is the format string), when the error is about one of them. */
    readonly argIndex?: number,
  ) {
    super(message);
  }
}

/** Whether the character at `i` is a digit no smaller than the one with code `least`. */
function isDigit(s: string, i: number, least: number): boolean {
  const c = s.charCodeAt(i);
  return c >= least && c <= 57;
}

function byteOffset(s: string, i: number): number {
  return Buffer.byteLength(s.slice(0, i), "utf8");
}

/** Go's `%q` of a rune. */
function quoteRune(ch: string): string {
  if (ch === "'") return "'\\''";
  const q = JSON.stringify(ch);
  return `'${q.slice(1, -1)}'`;
}

/** Go's `%q` of a string. */
function quoteGo(s: string): string {
  return JSON.stringify(s);
}

type Piece = string | Unknown;

/**
 * Runs the format state machine. `render` turns each verb and its argument into text; it may return an Unknown to
 * stand in the output (for partially known results).
 */
function runFormat(format: string, argCount: number, render: (verb: Verb) => Piece): Piece[] {
  const out: Piece[] = [];
  let text = "";
  let nextArg = 1;
  let highest = 0;
  let i = 0;
  const fail = (at: number): never => {
    if (at >= format.length)
      throw new FormatError(`invalid format string starting at offset ${byteOffset(format, at)}`);
    const ch = String.fromCodePoint(format.codePointAt(at) as number);
    throw new FormatError(`unrecognized format character ${quoteRune(ch)} at offset ${byteOffset(format, at)}`);
  };
  while (i < format.length) {
    const c = format[i];
    if (c !== "%") {
      text += c;
      i++;
      continue;
    }
    if (format[i + 1] === "%") {
      text += "%";
      i += 2;
      continue;
    }
    const start = i;
    const verb: Verb = {
      raw: "",
      offset: byteOffset(format, start),
      argNum: nextArg,
      mode: "",
      zero: false,
      sharp: false,
      plus: false,
      minus: false,
      space: false,
      width: -1,
      precision: -1,
    };
    i++;
    for (;;) {
      const f = format[i];
      if (f === "0") verb.zero = true;
      else if (f === "#") verb.sharp = true;
      else if (f === "-") verb.minus = true;
      else if (f === "+") verb.plus = true;
      else if (f === " ") verb.space = true;
      else break;
      i++;
    }
    if (isDigit(format, i, 49)) {
      verb.width = 0;
      while (isDigit(format, i, 48)) verb.width = verb.width * 10 + Number(format[i++]);
    }
    if (format[i] === ".") {
      i++;
      verb.precision = 0;
      while (isDigit(format, i, 48)) {
        verb.precision = verb.precision * 10 + Number(format[i++]);
      }
    }
    if (format[i] === "[") {
      i++;
      if (!isDigit(format, i, 49)) fail(i);
      let n = 0;
      while (isDigit(format, i, 48)) n = n * 10 + Number(format[i++]);
      if (format[i] !== "]") fail(i);
      i++;
      verb.argNum = n;
    }
    const mode = format[i];
    if (mode === undefined || !/[A-Za-z]/.test(mode)) fail(i);
    i++;
    verb.mode = mode as string;
    verb.raw = format.slice(start, i);
    if (verb.argNum > highest) highest = verb.argNum;
    if (verb.argNum > argCount) {
      throw new FormatError(
        `not enough arguments for ${quoteGo(verb.raw)} at ${verb.offset}: need index ${verb.argNum} but have ${argCount} total`,
      );
    }
    const piece = render(verb);
    if (typeof piece === "string") text += piece;
    else {
      if (text !== "") out.push(text);
      text = "";
      out.push(piece);
    }
    nextArg = verb.argNum + 1;
  }
  if (text !== "") out.push(text);
  if (highest < argCount) {
    throw new FormatError(
      highest === 0
        ? "too many arguments; no verbs in format string"
        : `too many arguments; only ${highest} used by format string`,
      highest + 1,
    );
  }
  return out;
}

function padWidth(verb: Verb, s: string): string {
  if (verb.width < 0) return s;
  const have = graphemeCount(s);
  if (have >= verb.width) return s;
  const pad = (verb.zero ? "0" : " ").repeat(verb.width - have);
  return verb.minus ? s + pad : pad + s;
}

function convertFor(verb: Verb, v: Value, type: PrimitiveType): Value {
  try {
    return convert(v, type);
  } catch (e) {
    if (e instanceof ConversionError) {
      throw new FormatError(`unsupported value for ${quoteGo(verb.raw)} at ${verb.offset}: ${e.message}`);
    }
    throw e;
  }
}

/** Go's fmt for `big.Int` with the verb's flags, width and precision. */
function formatInteger(verb: Verb, n: number): string {
  const base = verb.mode === "b" ? 2 : verb.mode === "o" ? 8 : verb.mode === "d" ? 10 : 16;
  const big = BigInt(n);
  const negative = big < 0n;
  let digits = (negative ? -big : big).toString(base);
  if (verb.mode === "X") digits = digits.toUpperCase();
  const sign = negative ? "-" : verb.plus ? "+" : verb.space ? " " : "";
  let prefix = "";
  if (verb.sharp)
    prefix =
      verb.mode === "b" ? "0b" : verb.mode === "o" ? "0" : verb.mode === "x" ? "0x" : verb.mode === "X" ? "0X" : "";
  let zeros = 0;
  if (verb.precision >= 0) {
    if (digits.length < verb.precision) zeros = verb.precision - digits.length;
    else if (digits === "0" && verb.precision === 0) return "";
  }
  let left = 0;
  let right = 0;
  const length = sign.length + prefix.length + zeros + digits.length;
  if (verb.width >= 0 && length < verb.width) {
    const d = verb.width - length;
    if (verb.minus) right = d;
    else if (verb.zero && verb.precision < 0) zeros = d;
    else left = d;
  }
  return " ".repeat(left) + sign + prefix + "0".repeat(zeros) + digits + " ".repeat(right);
}

/** Go's fmt for `big.Float` with the verb's flags, width and precision. */
function formatFloat(verb: Verb, n: number): string {
  const mode = verb.mode as "e" | "E" | "f" | "g" | "G";
  const precision = verb.precision >= 0 ? verb.precision : mode === "g" || mode === "G" ? -1 : 6;
  const body = floatText(Math.abs(n), mode, precision);
  const infinite = !Number.isFinite(n);
  const sign = n < 0 || Object.is(n, -0) ? "-" : verb.plus || infinite ? "+" : verb.space ? " " : "";
  const padding = verb.width > sign.length + body.length ? verb.width - sign.length - body.length : 0;
  if (verb.zero && !verb.minus && !infinite) return sign + "0".repeat(padding) + body;
  if (verb.minus) return sign + body + " ".repeat(padding);
  return " ".repeat(padding) + sign + body;
}

function formatValue(verb: Verb, arg: Value): string {
  if (verb.mode !== "v" && arg === null) {
    throw new FormatError(
      `unsupported value for ${quoteGo(verb.raw)} at ${verb.offset}: null value cannot be formatted`,
    );
  }
  switch (verb.mode) {
    case "v":
      if (!verb.sharp && typeof arg === "string") return padWidth(verb, arg);
      if (!verb.sharp && typeof arg === "number") {
        return padWidth(verb, (arg < 0 ? "-" : "") + floatText(Math.abs(arg), "g", -1));
      }
      return padWidth(verb, encodeJson(arg));
    case "t":
      return convertFor(verb, arg, "bool") ? "true" : "false";
    case "b":
    case "d":
    case "o":
    case "x":
    case "X": {
      const n = convertFor(verb, arg, "number") as number;
      if (!Number.isInteger(n)) {
        throw new FormatError(`unsupported value for ${quoteGo(verb.raw)} at ${verb.offset}: an integer is required`);
      }
      return formatInteger(verb, n);
    }
    case "e":
    case "E":
    case "f":
    case "g":
    case "G":
      return formatFloat(verb, convertFor(verb, arg, "number") as number);
    case "s":
    case "q": {
      let s = convertFor(verb, arg, "string") as string;
      if (verb.precision > 0) s = graphemes(s).slice(0, verb.precision).join("");
      return padWidth(verb, verb.mode === "q" ? quoteJson(s) : s);
    }
    default:
      throw new FormatError(
        `unsupported format verb ${quoteRune(verb.mode)} in ${quoteGo(verb.raw)} at offset ${verb.offset}`,
      );
  }
}

/** Formats known arguments; throws FormatError. */
function formatKnown(format: string, values: readonly Value[]): string {
  return runFormat(format, values.length, (verb) => formatValue(verb, values[verb.argNum - 1] as Value)).join("");
}

/** Whether a verb just inserts its argument's text, so an unknown argument can stand in the result as a part. */
function isPlainInsertion(verb: Verb): boolean {
  return (
    (verb.mode === "s" || verb.mode === "v") &&
    !verb.sharp &&
    !verb.zero &&
    !verb.minus &&
    !verb.plus &&
    !verb.space &&
    verb.width < 0 &&
    verb.precision < 0
  );
}

class NotRepresentable extends Error {}

/** The unknown result of formatting with unknown arguments, keeping the known text around them when possible. */
function formatUnknown(format: string, values: readonly Value[]): Unknown {
  try {
    const pieces = runFormat(format, values.length, (verb) => {
      const v = values[verb.argNum - 1] as Value;
      if (v instanceof Unknown) {
        if (!isPlainInsertion(verb) || !(v.type === "string" || v.type === "any")) throw new NotRepresentable();
        return v;
      }
      if (containsUnknown(v)) throw new NotRepresentable();
      return formatValue(verb, v);
    });
    return unknownString(pieces);
  } catch (e) {
    if (e instanceof NotRepresentable || e instanceof FormatError) return unknownFrom(values, "string");
    throw e;
  }
}

function toFunctionError(e: unknown): never {
  if (e instanceof FormatError) throw new FunctionError(e.message, e.argIndex);
  throw e;
}

const format: EagerFunction = {
  params: [{ name: "format" }],
  variadic: { name: "args", allowNull: true, allowUnknown: true },
  returns: "string",
  impl(args) {
    const fmt = stringArg(args, 0);
    const values = args.slice(1);
    if (values.some(containsUnknown)) return formatUnknown(fmt, values);
    try {
      return formatKnown(fmt, values);
    } catch (e) {
      return toFunctionError(e);
    }
  },
};

const formatlist: EagerFunction = {
  params: [{ name: "format" }],
  variadic: { name: "args", allowNull: true, allowUnknown: true },
  returns: "list",
  impl(args) {
    const fmt = stringArg(args, 0);
    const values = args.slice(1);
    if (values.length === 0) {
      try {
        return [formatKnown(fmt, values)];
      } catch (e) {
        return toFunctionError(e);
      }
    }
    let length = -1;
    let chooser = -1;
    const sequences: (readonly Value[] | undefined)[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as Value;
      if (v instanceof Unknown && (v.type === "list" || v.type === "set")) return unknownFrom(values, "list");
      const items = Array.isArray(v) ? v : v instanceof SetValue ? v.items : undefined;
      sequences.push(items);
      if (items === undefined) continue;
      if (length === -1) {
        length = items.length;
        chooser = i;
      } else if (items.length !== length) {
        throw new FunctionError(
          `argument ${i + 1} has length ${items.length}, which is inconsistent with argument ${chooser + 1} of length ${length}`,
          i + 1,
        );
      }
    }
    if (length === 0) return [];
    const out: Value[] = [];
    for (let n = 0; n < Math.max(length, 1); n++) {
      const row = values.map((v, i) => (sequences[i] ? ((sequences[i] as readonly Value[])[n] as Value) : v));
      if (row.some(containsUnknown)) {
        out.push(formatUnknown(fmt, row));
        continue;
      }
      try {
        out.push(formatKnown(fmt, row));
      } catch (e) {
        if (e instanceof FormatError) throw new FunctionError(`error on format iteration ${n}: ${e.message}`);
        throw e;
      }
    }
    return out;
  },
};

export const formatFunctions: Readonly<Record<string, HclFunction>> = { format, formatlist };
