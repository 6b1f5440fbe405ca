/**
 * JSON as cty reads and writes it: compact output, object keys in byte order, strings escaped like Go's
 * encoding/json (including `<`, `>`, `&`, U+2028, U+2029), numbers in plain decimal; input parsed with Go's error
 * wording, objects as null-prototype records, duplicate keys rejected.
 */
import { isObjectValue, object, Sensitive, SetValue, Unknown, type Value } from "../../hcl/value.js";
import { nfc } from "./arguments.js";
import { numberToString } from "./number-text.js";

/** Go's `sort.Strings` order: byte order of UTF-8, i.e. code point order (differs from UTF-16 only past U+D7FF). */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

export function sortedKeys(o: object): string[] {
  return Object.keys(o).sort(compareKeys);
}

const HEX = "0123456789abcdef";

/** A JSON string literal as Go's encoding/json writes it (HTML-safe). */
export function quoteJson(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let replacement: string | undefined;
    if (c < 0x20) {
      switch (c) {
        case 0x0a:
          replacement = "\\n";
          break;
        case 0x0d:
          replacement = "\\r";
          break;
        case 0x09:
          replacement = "\\t";
          break;
        case 0x08:
          replacement = "\\b";
          break;
        case 0x0c:
          replacement = "\\f";
          break;
        default:
          replacement = `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
      }
    } else if (c === 0x22) replacement = '\\"';
    else if (c === 0x5c) replacement = "\\\\";
    else if (c === 0x3c) replacement = "\\u003c";
    else if (c === 0x3e) replacement = "\\u003e";
    else if (c === 0x26) replacement = "\\u0026";
    else if (c === 0x2028) replacement = "\\u2028";
    else if (c === 0x2029) replacement = "\\u2029";
    else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i++;
        continue;
      }
      replacement = "\\ufffd";
    }
    if (replacement !== undefined) {
      out += s.slice(start, i) + replacement;
      start = i + 1;
    }
  }
  return `${out}${s.slice(start)}"`;
}

/** Serialises a wholly known value. Callers check for unknowns first (an unknown here is a programming error). */
export function encodeJson(v: Value): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return quoteJson(v);
    case "number":
      return numberToString(v);
    case "boolean":
      return v ? "true" : "false";
  }
  if (v instanceof Sensitive) return encodeJson(v.value);
  if (v instanceof Unknown) throw new Error("cannot encode an unknown value as JSON");
  if (Array.isArray(v) || v instanceof SetValue) {
    const items = Array.isArray(v) ? v : v.items;
    let out = "[";
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += ",";
      out += encodeJson(items[i] as Value);
    }
    return `${out}]`;
  }
  if (isObjectValue(v)) {
    let out = "{";
    let first = true;
    for (const k of sortedKeys(v)) {
      if (!first) out += ",";
      first = false;
      out += `${quoteJson(k)}:${encodeJson(v[k] as Value)}`;
    }
    return `${out}}`;
  }
  throw new Error("unsupported value");
}

export class JsonSyntaxError extends Error {
  override name = "JsonSyntaxError";
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

/** Parses JSON text into a value, with Go's messages for malformed input. */
export function decodeJson(text: string): Value {
  const p = new JsonParser(text);
  p.skipSpace();
  if (p.pos >= text.length) throw new JsonSyntaxError("EOF");
  const v = p.value("looking for beginning of value");
  p.skipSpace();
  if (p.pos < text.length) throw new JsonSyntaxError("extraneous data after JSON object");
  return v;
}

class JsonParser {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      this.pos++;
    }
  }

  fail(context: string): never {
    if (this.pos >= this.text.length) throw new JsonSyntaxError("unexpected EOF");
    const c = String.fromCodePoint(this.text.codePointAt(this.pos) as number);
    throw new JsonSyntaxError(`invalid character ${quoteChar(c)} ${context}`);
  }

  value(context: string): Value {
    this.skipSpace();
    const t = this.text;
    const c = t[this.pos];
    switch (c) {
      case "{":
        return this.object();
      case "[":
        return this.array();
      case '"':
        return nfc(this.string());
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      default:
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
        return this.fail(context);
    }
  }

  literal(word: string, v: Value): Value {
    for (let i = 0; i < word.length; i++) {
      if (this.text[this.pos] !== word[i]) this.fail(`in literal ${word} (expecting ${quoteChar(word[i] as string)})`);
      this.pos++;
    }
    return v;
  }

  number(): number {
    const t = this.text;
    const start = this.pos;
    if (t[this.pos] === "-") this.pos++;
    const digit = (): boolean => {
      const c = t.charCodeAt(this.pos);
      return c >= 48 && c <= 57;
    };
    if (!digit()) this.fail("in numeric literal");
    if (t[this.pos] === "0") this.pos++;
    else while (digit()) this.pos++;
    if (t[this.pos] === ".") {
      this.pos++;
      if (!digit()) this.fail("after decimal point in numeric literal");
      while (digit()) this.pos++;
    }
    if (t[this.pos] === "e" || t[this.pos] === "E") {
      this.pos++;
      if (t[this.pos] === "+" || t[this.pos] === "-") this.pos++;
      if (!digit()) this.fail("in exponent of numeric literal");
      while (digit()) this.pos++;
    }
    return Number(t.slice(start, this.pos));
  }

  string(): string {
    const t = this.text;
    this.pos++;
    let out = "";
    let start = this.pos;
    for (;;) {
      if (this.pos >= t.length) throw new JsonSyntaxError("unexpected EOF");
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) {
        out += t.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail("in string literal");
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += t.slice(start, this.pos);
      this.pos++;
      const e = t[this.pos];
      switch (e) {
        case '"':
        case "\\":
        case "/":
          out += e;
          break;
        case "b":
          out += "\b";
          break;
        case "f":
          out += "\f";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "\t";
          break;
        case "u": {
          let code = 0;
          for (let k = 0; k < 4; k++) {
            this.pos++;
            const h = t[this.pos];
            const d = h === undefined ? -1 : Number.parseInt(h, 16);
            if (Number.isNaN(d) || d < 0) this.fail("in \\u hexadecimal character escape");
            code = code * 16 + d;
          }
          out += String.fromCharCode(code);
          break;
        }
        default:
          this.fail("in string escape code");
      }
      this.pos++;
      start = this.pos;
    }
  }

  array(): Value[] {
    this.pos++;
    const out: Value[] = [];
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value("looking for beginning of value"));
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "]") {
        this.pos++;
        return out;
      }
      this.fail("after array element");
    }
  }

  object(): Record<string, Value> {
    this.pos++;
    const out = object();
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail("looking for beginning of object key string");
      const key = nfc(this.string());
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail("after object key");
      this.pos++;
      const v = this.value("looking for beginning of value");
      if (key in out) throw new JsonSyntaxError(`duplicate ${JSON.stringify(key)} property in JSON object`);
      out[key] = v;
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "}") {
        this.pos++;
        return out;
      }
      this.fail("after object key:value pair");
    }
  }
}
