/**
 * The HCL native-syntax parser: recursive descent over the token stream of `lexer.ts`, following HashiCorp's
 * hclsyntax parser step by step (same grammar decisions, same error recovery, same diagnostic subjects and ranges),
 * producing the AST of `ast.ts`. Syntax errors become diagnostics; the parser recovers and never throws.
 */
import type { Attribute, Block, BlockLabel, Body, Expression, File } from "./ast.js";
import type { Diagnostic } from "./diagnostic.js";
import {
  lex,
  SCAN_NORMAL,
  SCAN_TEMPLATE,
  type ScanMode,
  T_CBRACE,
  T_COMMA,
  T_EOF,
  T_EQUAL,
  T_IDENT,
  T_NEWLINE,
  T_OBRACE,
  T_OQUOTE,
} from "./lexer.js";
import { MAX_DEPTH } from "./parse-core.js";
import { ExpressionParser } from "./parse-expression.js";
import type { Range } from "./range.js";
import { LineIndex, sourceBytes } from "./source.js";

export interface ParseResult {
  file: File;
  diagnostics: Diagnostic[];
}

/** Parses a whole configuration file (`.tf`, `.hcl`). */
export function parse(source: string | Uint8Array, path: string): ParseResult {
  const p = Parser.create(source, path, SCAN_NORMAL);
  let body: Body;
  try {
    body = p.parseBody(T_EOF);
  } catch (e) {
    p.internalError(e);
    body = p.emptyBody();
  }
  const file: File = { kind: "File", path, body, range: p.fileRange() };
  return { file, diagnostics: p.finish() };
}

/** Parses a standalone expression (newlines are insignificant, as inside parentheses). */
export function parseExpression(
  source: string | Uint8Array,
  path: string,
): { expr: Expression; diagnostics: Diagnostic[] } {
  const p = Parser.create(source, path, SCAN_NORMAL);
  let expr: Expression;
  try {
    p.pushNewlines(false);
    expr = p.parseExpression();
    const next = p.peek();
    if (p.kind[next] !== T_EOF && !p.recovery) {
      p.diag(
        "Extra characters after expression",
        "An expression was successfully parsed, but extra characters were found after it.",
        p.tokRange(next),
      );
    }
    p.popNewlines();
  } catch (e) {
    p.internalError(e);
    expr = { kind: "Invalid", range: p.fileRange() };
  }
  return { expr, diagnostics: p.finish() };
}

/** Parses a whole text as a template, as `templatefile` does: no quotes, `${}` and `%{}` sequences anywhere. */
export function parseTemplate(
  source: string | Uint8Array,
  path: string,
): { expr: Expression; diagnostics: Diagnostic[] } {
  const p = Parser.create(source, path, SCAN_TEMPLATE);
  let expr: Expression;
  try {
    expr = p.parseTemplate(T_EOF, false, -1);
  } catch (e) {
    p.internalError(e);
    expr = { kind: "Invalid", range: p.fileRange() };
  }
  return { expr, diagnostics: p.finish() };
}

/** Parser state for one source, with the structural grammar: bodies, attributes and blocks. */
export class Parser extends ExpressionParser {
  static create(source: string | Uint8Array, file: string, mode: ScanMode): Parser {
    const src = sourceBytes(source, true);
    const bytes = src.bytes;
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const tokens = lex(bytes, bom, mode);
    const lines = new LineIndex(bytes, bom, src.ascii, tokens);
    const p = new Parser(bytes, src.text, src.units, file, lines, tokens, bom);
    // Valid UTF-8 is known from decoding; a NUL byte can hide in strings and comments, where no token flags it.
    if (tokens.invalid || src.text === null || bytes.indexOf(0) >= 0) p.checkInvalidTokens(src.text !== null);
    return p;
  }

  // ---- structure ----------------------------------------------------------------------------------------------

  parseBody(end: number): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    const startRange = this.prevRange();
    let endRange: Range;
    const kind = this.kind;
    for (;;) {
      const ni = this.peek();
      const k = kind[ni] as number;
      if (k === end) {
        endRange = this.tokRange(ni);
        this.read();
        break;
      }
      if (k === T_NEWLINE) {
        this.read();
        continue;
      }
      if (k === T_IDENT) {
        const item = this.parseBodyItem();
        if (item !== null) {
          if (item.kind === "Block") blocks.push(item);
          else attributes.push(item);
        }
        continue;
      }
      const bad = this.read();
      if (!this.recovery) {
        const bk = kind[bad];
        if (bk === T_OQUOTE) {
          this.diag("Invalid argument name", "Argument names must not be quoted.", this.tokRange(bad));
        } else if (bk === T_EOF) {
          if (end === T_CBRACE) {
            this.diag(
              "Unclosed configuration block",
              "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
              startRange,
            );
          } else {
            this.diag(
              "Unclosed configuration body",
              "Found end of file before the end of this configuration body.",
              startRange,
            );
          }
        } else {
          this.diag(
            "Argument or block definition required",
            "An argument or block definition is required here.",
            this.tokRange(bad),
          );
        }
      }
      endRange = this.prevRange();
      this.recover(end);
      break;
    }
    return {
      kind: "Body",
      attributes,
      blocks,
      range: this.between(startRange, endRange),
      endRange: this.zeroAtEnd(endRange),
    };
  }

  protected parseBodyItem(): Attribute | Block | null {
    const ident = this.read();
    if (this.kind[ident] !== T_IDENT) {
      this.recoverAfterBodyItem();
      this.diag(
        "Argument or block definition required",
        "An argument or block definition is required here.",
        this.tokRange(ident),
      );
      return null;
    }
    const nk = this.peekKind();
    if (nk === T_EQUAL) return this.finishParsingBodyAttribute(ident, false);
    if (nk === T_OQUOTE || nk === T_OBRACE || nk === T_IDENT) return this.finishParsingBodyBlock(ident);
    const r = this.tokRange(ident);
    this.recoverAfterBodyItem();
    this.diag(
      "Argument or block definition required",
      'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.',
      r,
    );
    return null;
  }

  /** The body of a one-line block `a { b = c }`: exactly one attribute. Null after a syntax error. */
  protected parseSingleAttrBody(): Body | null {
    const ident = this.read();
    if (this.kind[ident] !== T_IDENT) {
      const r = this.tokRange(ident);
      this.recoverAfterBodyItem();
      this.diag("Argument or block definition required", "An argument or block definition is required here.", r);
      return null;
    }
    const next = this.peek();
    const nk = this.kind[next];
    if (nk === T_EQUAL) {
      const attr = this.finishParsingBodyAttribute(ident, true);
      return {
        kind: "Body",
        attributes: [attr],
        blocks: [],
        range: attr.range,
        endRange: this.zeroAtEnd(attr.range),
      };
    }
    const identRange = this.tokRange(ident);
    if (nk === T_OQUOTE || nk === T_OBRACE || nk === T_IDENT) {
      const subject = this.between(identRange, this.tokRange(next));
      this.recoverAfterBodyItem();
      this.diag(
        "Argument definition required",
        `A single-line block definition can contain only a single argument. If you meant to define argument ${JSON.stringify(this.tokText(ident))}, use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`,
        subject,
      );
      return null;
    }
    this.recoverAfterBodyItem();
    this.diag(
      "Argument or block definition required",
      'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.',
      identRange,
    );
    return null;
  }

  protected finishParsingBodyAttribute(ident: number, singleLine: boolean): Attribute {
    const eq = this.read();
    const identRange = this.tokRange(ident);
    const mark = this.diags.length;
    const expr = this.parseExpression();
    let endTok: number;
    if (this.recovery && this.diags.length > mark) {
      endTok = this.next - 1;
      this.recoverAfterBodyItem();
    } else {
      endTok = this.next - 1;
      if (!singleLine) {
        const e = this.peek();
        const ek = this.kind[e];
        if (ek !== T_NEWLINE && ek !== T_EOF) {
          if (!this.recovery) {
            let summary = "Missing newline after argument";
            let detail = "An argument definition must end with a newline.";
            if (ek === T_COMMA) {
              summary = "Unexpected comma after argument";
              detail = `Argument definitions must be separated by newlines, not commas. ${detail}`;
            }
            const er = this.tokRange(e);
            this.diag(summary, detail, er, this.between(identRange, er));
          }
          endTok = this.next - 1;
          this.recoverAfterBodyItem();
        } else {
          endTok = this.next - 1;
          this.read();
        }
      }
    }
    return {
      kind: "Attribute",
      name: this.tokText(ident),
      nameRange: identRange,
      equalsRange: this.tokRange(eq),
      expr,
      range: this.toTok(identRange, endTok),
    };
  }

  protected finishParsingBodyBlock(ident: number): Block {
    const type = this.tokText(ident);
    const typeRange = this.tokRange(ident);
    const labels: BlockLabel[] = [];
    let oBrace: number;
    for (;;) {
      const t = this.peek();
      const k = this.kind[t];
      if (k === T_OBRACE) {
        oBrace = this.read();
        break;
      }
      if (k === T_OQUOTE) {
        const [value, range] = this.parseQuotedStringLiteral();
        labels.push({ value, quoted: true, range });
        continue;
      }
      if (k === T_IDENT) {
        this.read();
        labels.push({ value: this.tokText(t), quoted: false, range: this.tokRange(t) });
        continue;
      }
      const tr = this.tokRange(t);
      if (k === T_EQUAL) {
        this.diag(
          "Invalid block definition",
          'The equals sign "=" indicates an argument definition, and must not be used when defining a block.',
          tr,
          this.between(typeRange, tr),
        );
      } else if (k === T_NEWLINE) {
        this.diag(
          "Invalid block definition",
          'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.',
          tr,
          this.between(typeRange, tr),
        );
      } else if (!this.recovery) {
        this.diag(
          "Invalid block definition",
          'Either a quoted string block label or an opening brace ("{") is expected here.',
          tr,
          this.between(typeRange, tr),
        );
      }
      this.recoverAfterBodyItem();
      const endRange = labels.length > 0 ? (labels[labels.length - 1] as BlockLabel).range : typeRange;
      return {
        kind: "Block",
        type,
        typeRange,
        labels,
        body: { kind: "Body", attributes: [], blocks: [], range: typeRange, endRange: typeRange },
        openBraceRange: typeRange,
        closeBraceRange: endRange,
        range: this.between(typeRange, endRange),
      };
    }

    const oBraceRange = this.tokRange(oBrace);
    let body: Body | null;
    const pk = this.peekKind();
    if (pk === T_NEWLINE || pk === T_EOF || pk === T_CBRACE) {
      if (this.depth >= MAX_DEPTH) {
        this.reportTooDeep(oBraceRange);
        this.recover(T_CBRACE);
        body = null;
      } else {
        this.depth++;
        body = this.parseBody(T_CBRACE);
        this.depth--;
      }
    } else {
      const mark = this.diags.length;
      body = this.parseSingleAttrBody();
      // hclsyntax reports problems with the closing brace before those of the body.
      const bodyDiags = this.diags.splice(mark);
      const t = this.peek();
      const k = this.kind[t];
      if (k === T_CBRACE) {
        this.read();
      } else if (k === T_COMMA) {
        this.diag(
          "Invalid single-argument block definition",
          "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.",
          this.tokRange(t),
        );
        this.recover(T_CBRACE);
      } else if (k === T_NEWLINE) {
        this.diag(
          "Invalid single-argument block definition",
          "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.",
          this.tokRange(t),
        );
        this.recover(T_CBRACE);
      } else {
        if (!this.recovery) {
          if (k === T_EOF) {
            this.diag(
              "Unclosed configuration block",
              "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
              oBraceRange,
              this.between(typeRange, oBraceRange),
            );
          } else {
            this.diag(
              "Invalid single-argument block definition",
              "A single-line block definition must end with a closing brace immediately after its single argument definition.",
              this.tokRange(t),
            );
          }
        }
        this.recover(T_CBRACE);
      }
      for (const d of bodyDiags) this.diags.push(d);
    }
    const cBraceRange = this.prevRange();

    const eol = this.peek();
    const ek = this.kind[eol];
    if (ek === T_NEWLINE || ek === T_EOF) {
      this.read();
    } else {
      if (!this.recovery) {
        const er = this.tokRange(eol);
        this.diag(
          "Missing newline after block definition",
          "A block definition must end with a newline.",
          er,
          this.between(typeRange, er),
        );
      }
      this.recoverAfterBodyItem();
    }

    if (body === null) {
      body = {
        kind: "Body",
        attributes: [],
        blocks: [],
        range: this.between(oBraceRange, cBraceRange),
        endRange: cBraceRange,
      };
    }
    return {
      kind: "Block",
      type,
      typeRange,
      labels,
      body,
      openBraceRange: oBraceRange,
      closeBraceRange: cBraceRange,
      range: this.between(typeRange, cBraceRange),
    };
  }
}
