/**
 * The JSON rendering of an HCL file that `@cdktf/hcl2json` produces (HashiCorp's parser plus the hcl2json
 * converter), reproduced from our AST: blocks become nested objects of arrays keyed by type then labels, literal
 * values become JSON values, templates become their template text, and every other expression becomes
 * `"${<exact source text>}"`. Used by `phiform parse --format json` and by the differential test against hcl2json.
 */
import type { Block, Body, Expression, File, Template } from "./ast.js";
import { formatNumber } from "./operations.js";
import type { Range } from "./range.js";
import { decodeBytes, sourceBytes } from "./source.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/** Renders a parsed file as hcl2json does. `source` is the text or bytes the file was parsed from. */
export function renderJson(file: File, source: Uint8Array | string): JsonObject {
  return new Renderer(sourceBytes(source).bytes).body(file.body);
}

function jsonObject(): JsonObject {
  // Null prototype: keys such as "__proto__" are ordinary keys, as in JSON.parse output.
  return Object.create(null) as JsonObject;
}

function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Literal text inside template text: `${` and `%{` are written as their escapes `$${` and `%%{`. */
function escapeTemplateText(text: string): string {
  // split/join rather than replaceAll: "$$" in a replacement string means a single "$".
  return text.split("${").join("$${").split("%{").join("%%{");
}

class Renderer {
  constructor(private readonly bytes: Uint8Array) {}

  body(body: Body): JsonObject {
    const out = jsonObject();
    // hcl2json converts blocks first, then attributes: an attribute replaces a block of the same name.
    for (const block of body.blocks) this.block(block, out);
    for (const attr of body.attributes) out[attr.name] = this.expression(attr.expr);
    return out;
  }

  private block(block: Block, root: JsonObject): void {
    let out = root;
    let key = block.type;
    for (const label of block.labels) {
      const existing = out[key];
      if (isJsonObject(existing)) out = existing;
      else {
        // hcl2json fails on a labelled block whose type already holds unlabelled blocks; we nest regardless.
        const created = jsonObject();
        out[key] = created;
        out = created;
      }
      key = label.value;
    }
    const value = this.body(block.body);
    const current = out[key];
    if (Array.isArray(current)) current.push(value);
    else out[key] = [value];
  }

  private expression(e: Expression): JsonValue {
    switch (e.kind) {
      case "LiteralValue":
        return e.value;
      case "UnaryOp":
        // A unary operator on a literal is evaluated (`-1`, `!true`); on anything else it is source text.
        if (e.operand.kind === "LiteralValue") {
          const v = e.operand.value;
          if (e.op === "-" && typeof v === "number") return v === 0 ? 0 : -v;
          if (e.op === "!" && typeof v === "boolean") return !v;
        }
        return this.wrap(e.range);
      case "Template":
        return this.template(e);
      case "TemplateWrap":
        return this.expression(e.wrapped);
      case "TupleCons":
        return e.elements.map((el) => this.expression(el));
      case "ObjectCons": {
        const out = jsonObject();
        for (const item of e.items) out[this.key(item.key)] = this.expression(item.value);
        return out;
      }
      default:
        return this.wrap(e.range);
    }
  }

  private template(t: Template): string {
    const only = t.parts.length === 1 ? t.parts[0] : undefined;
    if (only?.kind === "LiteralValue" && typeof only.value === "string") return escapeTemplateText(only.value);
    let out = "";
    for (const part of t.parts) out += this.stringPart(part);
    return out;
  }

  /** A template part as template text: literals as text, directives re-rendered, other expressions as `${...}`. */
  private stringPart(e: Expression): string {
    switch (e.kind) {
      case "LiteralValue":
        if (typeof e.value === "string") return escapeTemplateText(e.value);
        if (typeof e.value === "number") return formatNumber(e.value);
        if (typeof e.value === "boolean") return e.value ? "true" : "false";
        return this.wrap(e.range);
      case "Template":
        return this.template(e);
      case "TemplateWrap":
        return this.stringPart(e.wrapped);
      case "TemplateIf": {
        const otherwise = e.else ? this.template(e.else) : "";
        return `%{if ${this.source(e.condition.range)}}${this.template(e.then)}${otherwise ? `%{else}${otherwise}` : ""}%{endif}`;
      }
      case "Conditional": {
        // hcl2json renders an interpolated conditional as the `if` directive it is represented by in hclsyntax.
        const otherwise = this.stringPart(e.falseResult);
        return `%{if ${this.source(e.condition.range)}}${this.stringPart(e.trueResult)}${otherwise ? `%{else}${otherwise}` : ""}%{endif}`;
      }
      case "TemplateFor":
        return `%{for ${e.keyVar ? `${e.keyVar}, ` : ""}${e.valueVar} in ${this.source(e.collection.range)}}${this.template(e.body)}%{endfor}`;
      default:
        return this.wrap(e.range);
    }
  }

  private key(k: Expression): string {
    if (k.kind === "ObjectConsKey") {
      if (k.wrapped.kind === "ScopeTraversal" && !k.forceNonLiteral) return this.source(k.wrapped.range);
      if (k.forceNonLiteral && k.wrapped.kind !== "Parentheses") return this.wrap(k.range);
      return this.stringPart(k.wrapped);
    }
    return this.stringPart(k);
  }

  private wrap(range: Range): string {
    return `\${${this.source(range)}}`;
  }

  /** The exact source of a range, plus a directly following `)` as hcl2json includes it. */
  private source(range: Range): string {
    let end = range.end.byte;
    if (this.bytes[end] === 0x29) end++;
    return decodeBytes(this.bytes, range.start.byte, end);
  }
}
