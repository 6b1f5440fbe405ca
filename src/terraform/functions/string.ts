/** Terraform's string functions (`format`, `formatlist` and the regex functions live in their own files). */
import { type EagerFunction, FunctionError, type HclFunction } from "../../hcl/function.js";
import { containsUnknown, object, Unknown, type Value } from "../../hcl/value.js";
import { listArg, nfc, numberArg, stringArg, unknownFrom, unknownRefs } from "./arguments.js";
import { graphemes } from "./graphemes.js";
import { compileRegex, execAll, execRegex, type Regex, RegexWorkLimit, replaceAll } from "./regex.js";

/** Go's `unicode.IsSpace`. */
export function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Simple (one code point to one code point) mappings that JavaScript's full case mapping does not give. */
const SIMPLE_LOWER: Readonly<Record<number, number>> = { 304: 0x69 };
const TITLE: Readonly<Record<number, number>> = {
  452: 0x1c5,
  453: 0x1c5,
  454: 0x1c5,
  455: 0x1c8,
  456: 0x1c8,
  457: 0x1c8,
  458: 0x1cb,
  459: 0x1cb,
  460: 0x1cb,
  497: 0x1f2,
  498: 0x1f2,
  499: 0x1f2,
};

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Go's rune-by-rune `unicode.ToUpper`/`ToLower`: no context (final sigma), no expansion (ß stays ß). */
function mapRunes(s: string, upper: boolean): string {
  if (isAscii(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (!upper && SIMPLE_LOWER[cp] !== undefined) {
      out += String.fromCodePoint(SIMPLE_LOWER[cp]);
      continue;
    }
    const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += [...mapped].length === 1 ? mapped : ch;
  }
  return nfc(out);
}

function toTitleRune(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  const t = TITLE[cp];
  if (t !== undefined) return String.fromCodePoint(t);
  const mapped = ch.toUpperCase();
  return [...mapped].length === 1 ? mapped : ch;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;

/** Go's `strings.Title` separator rule. */
function isTitleSeparator(ch: string): boolean {
  const cp = ch.codePointAt(0) as number;
  if (cp <= 0x7f) {
    return !((cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || cp === 0x5f);
  }
  if (LETTER_OR_DIGIT.test(ch)) return false;
  return isGoSpace(cp);
}

const upper: EagerFunction = {
  params: [{ name: "str" }],
  returns: "string",
  impl: (a) => mapRunes(stringArg(a, 0), true),
};
const lower: EagerFunction = {
  params: [{ name: "str" }],
  returns: "string",
  impl: (a) => mapRunes(stringArg(a, 0), false),
};

const title: EagerFunction = {
  params: [{ name: "str" }],
  returns: "string",
  impl(args) {
    let previous = " ";
    let out = "";
    for (const ch of stringArg(args, 0)) {
      out += isTitleSeparator(previous) ? toTitleRune(ch) : ch;
      previous = ch;
    }
    return nfc(out);
  },
};

const chomp: EagerFunction = {
  params: [{ name: "str" }],
  returns: "string",
  impl(args) {
    const s = stringArg(args, 0);
    let end = s.length;
    while (end > 0 && (s.charCodeAt(end - 1) === 0x0a || s.charCodeAt(end - 1) === 0x0d)) end--;
    return s.slice(0, end);
  },
};

const indent: EagerFunction = {
  params: [{ name: "spaces" }, { name: "str" }],
  returns: "string",
  impl(args) {
    const spaces = numberArg(args, 0);
    if (!Number.isSafeInteger(spaces) || spaces < 0) {
      throw new FunctionError("value must be a whole number, between 0 and 9223372036854775807", 0);
    }
    return stringArg(args, 1).replaceAll("\n", `\n${" ".repeat(spaces)}`);
  },
};

/** The parts of an unknown string: literal text and unknowns, adjacent texts merged. */
function appendPart(parts: (string | Unknown)[], part: Value): void {
  if (part instanceof Unknown) {
    if (part.parts) for (const p of part.parts) appendPart(parts, p);
    else parts.push(part);
    return;
  }
  const text = part as string;
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (typeof last === "string") parts[parts.length - 1] = last + text;
  else parts.push(text);
}

/** An unknown string that remembers its known text around the unknowns, like a template with interpolations. */
export function unknownString(pieces: readonly Value[]): Unknown {
  const parts: (string | Unknown)[] = [];
  for (const p of pieces) appendPart(parts, p);
  return new Unknown(unknownRefs(pieces), "string", parts);
}

function isStringish(v: Value): boolean {
  return typeof v === "string" || (v instanceof Unknown && (v.type === "string" || v.type === "any"));
}

const join: EagerFunction = {
  params: [{ name: "separator" }],
  variadic: { name: "lists", allowUnknown: true },
  returns: "string",
  impl(args) {
    const separator = stringArg(args, 0);
    if (args.length < 2) throw new FunctionError("at least one list is required");
    for (let i = 1; i < args.length; i++) if (args[i] instanceof Unknown) return unknownFrom(args, "string");
    const lists = args.slice(1).map((_, i) => listArg(args, i + 1, "string"));
    const items: Value[] = [];
    for (let li = 0; li < lists.length; li++) {
      const list = lists[li] as Value[];
      for (let ei = 0; ei < list.length; ei++) {
        if (list[ei] === null) {
          throw new FunctionError(
            lists.length > 1
              ? `element ${ei} of list ${li + 1} is null; cannot concatenate null values`
              : `element ${ei} is null; cannot concatenate null values`,
            li + 1,
          );
        }
        items.push(list[ei] as Value);
      }
    }
    if (!items.some(containsUnknown)) return nfc(items.join(separator));
    if (!items.every(isStringish)) return unknownFrom(args, "string");
    const pieces: Value[] = [];
    items.forEach((item, i) => {
      if (i > 0) pieces.push(separator);
      pieces.push(item);
    });
    return unknownString(pieces);
  },
};

const split: EagerFunction = {
  params: [{ name: "separator" }, { name: "str" }],
  returns: "list",
  impl(args) {
    const separator = stringArg(args, 0);
    const s = stringArg(args, 1);
    return separator === "" ? Array.from(s) : s.split(separator);
  },
};

const strrev: EagerFunction = {
  params: [{ name: "str" }],
  returns: "string",
  impl: (args) => graphemes(stringArg(args, 0)).reverse().join(""),
};

const substr: EagerFunction = {
  params: [{ name: "str" }, { name: "offset" }, { name: "length" }],
  returns: "string",
  impl(args) {
    const clusters = graphemes(stringArg(args, 0));
    let offset = numberArg(args, 1);
    const length = numberArg(args, 2);
    if (!Number.isSafeInteger(offset)) throw new FunctionError("invalid offset: value must be a whole number", 1);
    if (!Number.isSafeInteger(length)) throw new FunctionError("invalid length: value must be a whole number", 2);
    // Follows cty's cursor arithmetic exactly, including its treatment of offsets before the start.
    if (offset < 0) offset += clusters.length;
    else if (length === 0) return "";
    let start = 0;
    if (offset > 0) {
      if (offset > clusters.length) return "";
      start = offset;
    }
    if (length < 0) return clusters.slice(start).join("");
    const count = offset + length - start;
    return clusters.slice(start, count >= 1 ? start + count : clusters.length).join("");
  },
};

function trimFunction(name: string, cut: (s: string, x: string) => string): EagerFunction {
  return {
    params: [{ name: "str" }, { name }],
    returns: "string",
    impl: (args) => cut(stringArg(args, 0), stringArg(args, 1)),
  };
}

/** Go's `strings.Trim`: strips any of the cutset's characters from both ends. */
function trimCutset(s: string, cutset: string): string {
  if (s === "" || cutset === "") return s;
  const cut = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let start = 0;
  let end = chars.length;
  while (start < end && cut.has(chars[start] as string)) start++;
  while (end > start && cut.has(chars[end - 1] as string)) end--;
  return chars.slice(start, end).join("");
}

const trimspace: EagerFunction = {
  params: [{ name: "str" }],
  returns: "string",
  impl(args) {
    const chars = Array.from(stringArg(args, 0));
    let start = 0;
    let end = chars.length;
    while (start < end && isGoSpace((chars[start] as string).codePointAt(0) as number)) start++;
    while (end > start && isGoSpace((chars[end - 1] as string).codePointAt(0) as number)) end--;
    return chars.slice(start, end).join("");
  },
};

function predicate(name: string, test: (s: string, x: string) => boolean): EagerFunction {
  return {
    params: [{ name: "str" }, { name }],
    returns: "bool",
    impl: (args) => test(stringArg(args, 0), stringArg(args, 1)),
  };
}

const replace: EagerFunction = {
  params: [{ name: "str" }, { name: "substr" }, { name: "replace" }],
  returns: "string",
  impl(args) {
    const s = stringArg(args, 0);
    const search = stringArg(args, 1);
    const replacement = stringArg(args, 2);
    if (search.length > 1 && search.startsWith("/") && search.endsWith("/")) {
      const re = compileRegex(search.slice(1, -1));
      if (typeof re === "string") throw new FunctionError(re);
      return nfc(withinLimit(() => replaceAll(re, s, replacement)));
    }
    if (search === "") {
      const chars = Array.from(s);
      return nfc(replacement + chars.map((c) => c + replacement).join(""));
    }
    return nfc(s.split(search).join(replacement));
  },
};

/** Runs a match, turning the work limit into a function error rather than a long wait. */
function withinLimit<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RegexWorkLimit) throw new FunctionError(e.message);
    throw e;
  }
}

/** The pattern, checked for cty's rule that capture groups are all named or all unnamed. */
function patternArg(args: readonly Value[]): Regex {
  const re = compileRegex(stringArg(args, 0));
  if (typeof re === "string") throw new FunctionError(re, 0);
  const groups = re.names.slice(1);
  if (groups.some((n) => n === undefined) && groups.some((n) => n !== undefined)) {
    throw new FunctionError("invalid regexp pattern: cannot mix both named and unnamed capture groups", 0);
  }
  return re;
}

/** A match as cty shapes it: the matched text, a tuple of captures, or an object of named captures. */
function matchValue(re: Regex, s: string, m: readonly number[]): Value {
  const groups = re.names.length - 1;
  if (groups === 0) return s.slice(m[0], m[1]);
  const capture = (g: number): Value => ((m[2 * g] as number) < 0 ? null : s.slice(m[2 * g], m[2 * g + 1]));
  if (re.names[1] === undefined) return Array.from({ length: groups }, (_, i) => capture(i + 1));
  const out = object();
  for (let g = 1; g <= groups; g++) out[re.names[g] as string] = capture(g);
  return out;
}

const regex: EagerFunction = {
  params: [{ name: "pattern" }, { name: "string" }],
  impl(args) {
    const re = patternArg(args);
    const s = stringArg(args, 1);
    const m = withinLimit(() => execRegex(re, s, 0));
    if (m === undefined) throw new FunctionError("pattern did not match any part of the given string");
    return matchValue(re, s, m);
  },
};

const regexall: EagerFunction = {
  params: [{ name: "pattern" }, { name: "string" }],
  returns: "list",
  impl(args) {
    const re = patternArg(args);
    const s = stringArg(args, 1);
    return withinLimit(() => execAll(re, s)).map((m) => matchValue(re, s, m));
  },
};

export const stringFunctions: Readonly<Record<string, HclFunction>> = {
  chomp,
  endswith: predicate("suffix", (s, x) => s.endsWith(x)),
  indent,
  join,
  lower,
  regex,
  regexall,
  replace,
  split,
  startswith: predicate("prefix", (s, x) => s.startsWith(x)),
  strcontains: predicate("substr", (s, x) => s.includes(x)),
  strrev,
  substr,
  title,
  trim: trimFunction("cutset", trimCutset),
  trimprefix: trimFunction("prefix", (s, x) => (s.startsWith(x) ? s.slice(x.length) : s)),
  trimspace,
  trimsuffix: trimFunction("suffix", (s, x) => (x !== "" && s.endsWith(x) ? s.slice(0, s.length - x.length) : s)),
  upper,
};
