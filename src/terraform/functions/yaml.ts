/**
 * YAML output byte-for-byte as Terraform's `yamlencode` writes it. Terraform uses go-cty-yaml, which drives the
 * go-yaml (v2, a port of libyaml) emitter with fixed choices: block style, strings double-quoted (literal `|` style
 * when they contain a newline and the emitter allows it), numbers, bools and null plain, keys in byte order, empty
 * collections as flow `[]`/`{}`. This reproduces the emitter's layout state machine (indents, columns, the 80-column
 * folding of long double-quoted strings at spaces, non-printable escapes) for that subset of events.
 */
import { isObjectValue, Sensitive, SetValue, Unknown, type Value } from "../../hcl/value.js";
import { sortedKeys } from "./json.js";
import { numberToString } from "./number-text.js";

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

interface NodeContext {
  readonly root?: boolean;
  readonly mapping?: boolean;
  readonly simpleKey?: boolean;
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isPrintable(c: number): boolean {
  return (
    c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c);
  }
  return out;
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** Whether libyaml allows block (literal) style for this text: no trailing space, no space before a break, all printable. */
function blockAllowed(points: readonly number[]): boolean {
  let previousSpace = false;
  for (let i = 0; i < points.length; i++) {
    const c = points[i] as number;
    if (!isPrintable(c)) return false;
    if (c === 0x20) {
      if (i === points.length - 1) return false;
      previousSpace = true;
    } else if (isBreak(c)) {
      if (previousSpace) return false;
      previousSpace = false;
    } else {
      previousSpace = false;
    }
  }
  return true;
}

class Emitter {
  private out = "";
  private column = 0;
  private whitespace = true;
  private indention = true;
  private openEnded = false;
  private indent = -1;
  private readonly indents: number[] = [];
  private rootContext = false;
  private mappingContext = false;
  private simpleKeyContext = false;

  document(v: Value): string {
    this.node(v, { root: true });
    this.writeIndent();
    if (this.openEnded) {
      this.writeIndicator("...", true, false, false);
      this.writeIndent();
    }
    return this.out;
  }

  private put(s: string): void {
    this.out += s;
    this.column += s.length;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  private writeChar(c: number): void {
    this.out += String.fromCodePoint(c);
    this.column++;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() as number;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  private node(v: Value, ctx: NodeContext): void {
    this.rootContext = ctx.root === true;
    this.mappingContext = ctx.mapping === true;
    this.simpleKeyContext = ctx.simpleKey === true;
    if (v instanceof Sensitive) this.node(v.value, ctx);
    else if (v === null) this.scalar("null", "plain");
    else if (typeof v === "boolean") this.scalar(v ? "true" : "false", "plain");
    else if (typeof v === "number") {
      const text =
        v === Number.POSITIVE_INFINITY ? "+.Inf" : v === Number.NEGATIVE_INFINITY ? "-.Inf" : numberToString(v);
      this.scalar(text, "plain");
    } else if (typeof v === "string") this.scalar(v, v.includes("\n") ? "literal" : "double");
    else if (v instanceof Unknown) throw new Error("cannot serialize unknown value as YAML");
    else if (Array.isArray(v) || v instanceof SetValue) this.sequence(Array.isArray(v) ? v : v.items);
    else if (isObjectValue(v)) this.mapping(v);
  }

  private sequence(items: readonly Value[]): void {
    if (items.length === 0) {
      this.writeIndicator("[", true, true, false);
      this.writeIndicator("]", false, false, false);
      return;
    }
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, {});
    }
    this.popIndent();
  }

  private mapping(o: Readonly<Record<string, Value>>): void {
    const keys = sortedKeys(o);
    if (keys.length === 0) {
      this.writeIndicator("{", true, true, false);
      this.writeIndicator("}", false, false, false);
      return;
    }
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const simple = utf8Length(key) <= 128 && !codePoints(key).some(isBreak);
      if (simple) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.node(key, { mapping: true });
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(o[key] as Value, { mapping: true });
    }
    this.popIndent();
  }

  private scalar(text: string, requested: "plain" | "double" | "literal"): void {
    let style = requested;
    const points = codePoints(text);
    if (style === "literal") {
      if (this.simpleKeyContext || !blockAllowed(points)) style = "double";
    }
    this.increaseIndent(true, false);
    if (style === "plain") this.writePlain(text);
    else if (style === "double") this.writeDoubleQuoted(points, !this.simpleKeyContext);
    else this.writeLiteral(points);
    this.popIndent();
  }

  private writePlain(text: string): void {
    if (!this.whitespace) this.put(" ");
    this.put(text);
    this.whitespace = false;
    this.indention = false;
    if (this.rootContext) this.openEnded = true;
  }

  private writeDoubleQuoted(points: readonly number[], allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    for (let i = 0; i < points.length; i++) {
      const c = points[i] as number;
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put(`\\${escapeFor(c)}`);
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== points.length - 1) {
          this.writeIndent();
          if (points[i + 1] === 0x20) this.put("\\");
        } else {
          this.put(" ");
        }
        spaces = true;
      } else {
        this.writeChar(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(points: readonly number[]): void {
    this.writeIndicator("|", true, false, false);
    const first = points[0] as number;
    if (first === 0x20 || isBreak(first)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = points.length - 1;
    let chomp = "";
    if (!isBreak(points[last] as number)) chomp = "-";
    else if (last === 0 || isBreak(points[last - 1] as number)) chomp = "+";
    if (chomp !== "") this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of points) {
      if (isBreak(c)) {
        if (c === 0x0a) this.putBreak();
        else {
          this.writeChar(c);
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          breaks = false;
        }
        this.writeChar(c);
        this.indention = false;
      }
    }
  }
}

function escapeFor(c: number): string {
  switch (c) {
    case 0x00:
      return "0";
    case 0x07:
      return "a";
    case 0x08:
      return "b";
    case 0x09:
      return "t";
    case 0x0a:
      return "n";
    case 0x0b:
      return "v";
    case 0x0c:
      return "f";
    case 0x0d:
      return "r";
    case 0x1b:
      return "e";
    case 0x22:
      return '"';
    case 0x5c:
      return "\\";
    case 0x85:
      return "N";
    case 0xa0:
      return "_";
    case 0x2028:
      return "L";
    case 0x2029:
      return "P";
  }
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `x${hex.padStart(2, "0")}`;
  if (c <= 0xffff) return `u${hex.padStart(4, "0")}`;
  return `U${hex.padStart(8, "0")}`;
}

/** Serialises a wholly known value as `yamlencode` does. */
export function encodeYaml(v: Value): string {
  return new Emitter().document(v);
}
