/**
 * The HCL native-syntax parser: recursive descent over the token stream of `lexer.ts`, following HashiCorp's
 * hclsyntax parser step by step (same grammar decisions, same error recovery, same diagnostic subjects and ranges),
 * producing the AST of `ast.ts`. Syntax errors become diagnostics; the parser recovers and never throws.
 */
import type {
  Attribute,
  BinaryOperator,
  Block,
  BlockLabel,
  Body,
  Expression,
  File,
  LiteralScalar,
  ObjectConsItem,
  Traverser,
} from "./ast.js";
import { type Diagnostic, error } from "./diagnostic.js";
import {
  lex,
  SCAN_NORMAL,
  SCAN_TEMPLATE,
  type ScanMode,
  T_AND,
  T_APOSTROPHE,
  T_BACKTICK,
  T_BADUTF8,
  T_BANG,
  T_BITAND,
  T_BITNOT,
  T_BITOR,
  T_BITXOR,
  T_CBRACE,
  T_CBRACK,
  T_CHEREDOC,
  T_COLON,
  T_COMMA,
  T_CPAREN,
  T_CQUOTE,
  T_DOT,
  T_DOUBLECOLON,
  T_ELLIPSIS,
  T_EOF,
  T_EQUAL,
  T_EQUALOP,
  T_FATARROW,
  T_GT,
  T_GTE,
  T_IDENT,
  T_INVALID,
  T_LT,
  T_LTE,
  T_MINUS,
  T_NEWLINE,
  T_NOTEQUAL,
  T_NUMBER,
  T_OBRACE,
  T_OBRACK,
  T_OHEREDOC,
  T_OPAREN,
  T_OQUOTE,
  T_OR,
  T_PERCENT,
  T_PLUS,
  T_QUESTION,
  T_QUOTEDLIT,
  T_QUOTEDNEWLINE,
  T_SEMICOLON,
  T_SLASH,
  T_STAR,
  T_STRINGLIT,
  T_TEMPLATE_CONTROL,
  T_TEMPLATE_INTERP,
  T_TEMPLATE_SEQEND,
  type Tokens,
} from "./lexer.js";
import { buildTemplate, isSpaceUnit, nfc, type TemplatePart } from "./parse-template.js";
import type { Pos, Range } from "./range.js";
import { decodeBytes, LineIndex, sourceBytes, utf8Length } from "./source.js";

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

class StepLimitExceeded extends Error {
  constructor() {
    super("the parser exceeded its step limit");
  }
}

/** Nesting beyond this (brackets, blocks, template directives) is reported instead of recursed into. */
const MAX_DEPTH = 200;

const binaryLevel = new Uint8Array(64);
binaryLevel[T_OR] = 1;
binaryLevel[T_AND] = 2;
binaryLevel[T_EQUALOP] = 3;
binaryLevel[T_NOTEQUAL] = 3;
binaryLevel[T_GT] = 4;
binaryLevel[T_GTE] = 4;
binaryLevel[T_LT] = 4;
binaryLevel[T_LTE] = 4;
binaryLevel[T_PLUS] = 5;
binaryLevel[T_MINUS] = 5;
binaryLevel[T_STAR] = 6;
binaryLevel[T_SLASH] = 6;
binaryLevel[T_PERCENT] = 6;

const binaryOperator: Record<number, BinaryOperator> = {
  [T_OR]: "||",
  [T_AND]: "&&",
  [T_EQUALOP]: "==",
  [T_NOTEQUAL]: "!=",
  [T_GT]: ">",
  [T_GTE]: ">=",
  [T_LT]: "<",
  [T_LTE]: "<=",
  [T_PLUS]: "+",
  [T_MINUS]: "-",
  [T_STAR]: "*",
  [T_SLASH]: "/",
  [T_PERCENT]: "%",
};

function opposite(k: number): number {
  switch (k) {
    case T_OBRACE:
      return T_CBRACE;
    case T_OBRACK:
      return T_CBRACK;
    case T_OPAREN:
      return T_CPAREN;
    case T_OQUOTE:
      return T_CQUOTE;
    case T_OHEREDOC:
      return T_CHEREDOC;
    case T_CBRACE:
      return T_OBRACE;
    case T_CBRACK:
      return T_OBRACK;
    case T_CPAREN:
      return T_OPAREN;
    case T_CQUOTE:
      return T_OQUOTE;
    case T_CHEREDOC:
      return T_OHEREDOC;
    case T_TEMPLATE_CONTROL:
    case T_TEMPLATE_INTERP:
      return T_TEMPLATE_SEQEND;
    case T_TEMPLATE_SEQEND:
      return T_TEMPLATE_INTERP;
    default:
      return -1;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Parser state for one source. Internal: use parse / parseExpression / parseTemplate. */
export class Parser {
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  private readonly count: number;
  private readonly eof: number;
  /** Index of the next unread token (hclsyntax's peeker NextIndex). */
  private next = 0;
  private includeNewlines = true;
  private readonly newlineStack: boolean[] = [];
  /** Set once any recovery was attempted: later "bad token" errors are then suppressed, as in hclsyntax. */
  recovery = false;
  readonly diags: Diagnostic[] = [];
  private depth = 0;
  /**
   * Peeks so far, and the most any parse may take: a guard that turns a parser bug that would loop or blow up into
   * an "Internal parser error" diagnostic. (Per token the parser peeks a bounded number of times per nesting level.)
   */
  private steps = 0;
  private readonly stepLimit: number;
  /** Literal text may need NFC normalisation: the source is not ASCII, or a \u escape produced non-ASCII. */
  private mayNeedNfc: boolean;
  private toldTooDeep = false;

  private constructor(
    readonly bytes: Uint8Array,
    private readonly text: string | null,
    private readonly units: Int32Array | null,
    readonly file: string,
    private readonly lines: LineIndex,
    private readonly tokens: Tokens,
    private readonly bom: number,
  ) {
    this.kind = tokens.kind;
    this.start = tokens.start;
    this.end = tokens.end;
    this.count = tokens.count;
    this.eof = tokens.count - 1;
    this.mayNeedNfc = units !== null || text === null;
    this.stepLimit = (tokens.count + 16) * (MAX_DEPTH + 16) * 8;
  }

  normalize(s: string): string {
    return this.mayNeedNfc ? nfc(s) : s;
  }

  static create(source: string | Uint8Array, file: string, mode: ScanMode): Parser {
    const src = sourceBytes(source);
    const bytes = src.bytes;
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const tokens = lex(bytes, bom, mode);
    const lines = new LineIndex(bytes, bom, src.ascii, tokens);
    const p = new Parser(bytes, src.text, src.units, file, lines, tokens, bom);
    if (tokens.invalid || !src.ascii || bytes.indexOf(0) >= 0) p.checkInvalidTokens(src.ascii);
    return p;
  }

  // ---- positions and ranges ------------------------------------------------------------------------------------

  pos(byte: number): Pos {
    return this.lines.pos(byte);
  }

  range(s: number, e: number): Range {
    return { file: this.file, start: this.lines.pos(s), end: this.lines.pos(e) };
  }

  tokRange(i: number): Range {
    return this.range(this.start[i] as number, this.end[i] as number);
  }

  /** From the start of token i to the end of token j. */
  spanTok(i: number, j: number): Range {
    return this.range(this.start[i] as number, this.end[j] as number);
  }

  /** From the start of `a` to the end of token j. */
  toTok(a: Range, j: number): Range {
    return { file: this.file, start: a.start, end: this.lines.pos(this.end[j] as number) };
  }

  between(a: Range, b: Range): Range {
    return { file: this.file, start: a.start, end: b.end };
  }

  zeroAtEnd(r: Range): Range {
    return { file: this.file, start: r.end, end: r.end };
  }

  fileRange(): Range {
    return this.range(this.bom, this.bytes.length);
  }

  emptyBody(): Body {
    const r = this.fileRange();
    return { kind: "Body", attributes: [], blocks: [], range: r, endRange: this.zeroAtEnd(r) };
  }

  /** Source text of bytes [s, e). */
  textOf(s: number, e: number): string {
    const text = this.text;
    if (text === null) return decodeBytes(this.bytes, s, e);
    const units = this.units;
    return units === null ? text.slice(s, e) : text.slice(units[s], units[e]);
  }

  tokText(i: number): string {
    return this.textOf(this.start[i] as number, this.end[i] as number);
  }

  private tokIs(i: number, word: string): boolean {
    if (this.kind[i] !== T_IDENT) return false;
    const s = this.start[i] as number;
    if ((this.end[i] as number) - s !== word.length) return false;
    for (let j = 0; j < word.length; j++) if (this.bytes[s + j] !== word.charCodeAt(j)) return false;
    return true;
  }

  // ---- the peeker ---------------------------------------------------------------------------------------------

  peek(): number {
    if (++this.steps > this.stepLimit) throw new StepLimitExceeded();
    let i = this.next;
    if (i >= this.count) return this.eof;
    if (!this.includeNewlines) {
      const kind = this.kind;
      while (kind[i] === T_NEWLINE) i++;
    }
    return i;
  }

  read(): number {
    const i = this.peek();
    this.next = i + 1;
    return i;
  }

  peekKind(): number {
    return this.kind[this.peek()] as number;
  }

  /** The range of the last token read (of the first token, comments included, when none was read yet). */
  prevRange(): Range {
    if (this.next === 0) {
      const t = this.tokens;
      return t.firstStart >= 0 ? this.range(t.firstStart, t.firstEnd) : this.tokRange(this.eof);
    }
    return this.tokRange(this.next - 1);
  }

  nextRange(): Range {
    return this.tokRange(this.peek());
  }

  pushNewlines(include: boolean): void {
    this.newlineStack.push(this.includeNewlines);
    this.includeNewlines = include;
  }

  popNewlines(): void {
    this.includeNewlines = this.newlineStack.pop() ?? true;
  }

  // ---- diagnostics --------------------------------------------------------------------------------------------

  diag(summary: string, detail: string, subject: Range, context?: Range): void {
    this.diags.push(error(summary, detail, subject, context));
  }

  internalError(e: unknown): void {
    if (e instanceof RangeError) {
      this.diag(
        "Nesting too deep",
        "This file nests brackets, blocks or template directives too deeply to be parsed.",
        this.nextRange(),
      );
      return;
    }
    this.diag("Internal parser error", String(e instanceof Error ? e.message : e), this.nextRange());
  }

  finish(): Diagnostic[] {
    return this.diags;
  }

  private checkInvalidTokens(ascii: boolean): void {
    const kind = this.kind;
    let toldBitwise = 0;
    let toldBacktick = 0;
    let toldApostrophe = 0;
    let toldSemicolon = 0;
    let toldBadUTF8 = 0;
    let reportedNul = false;
    for (let i = 0; i < this.count; i++) {
      const k = kind[i] as number;
      if (k < T_BITAND) continue;
      switch (k) {
        case T_BITAND:
        case T_BITOR:
        case T_BITXOR:
        case T_BITNOT:
          if (toldBitwise < 4) {
            const suggestion =
              k === T_BITAND
                ? ' Did you mean boolean AND ("&&")?'
                : k === T_BITOR
                  ? ' Did you mean boolean OR ("||")?'
                  : k === T_BITNOT
                    ? ' Did you mean boolean NOT ("!")?'
                    : "";
            this.diag("Unsupported operator", `Bitwise operators are not supported.${suggestion}`, this.tokRange(i));
            toldBitwise++;
          }
          break;
        case T_BACKTICK:
          if (toldBacktick % 2 === 0) {
            this.diag(
              "Invalid character",
              'The "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".',
              this.tokRange(i),
            );
          }
          if (toldBacktick <= 2) toldBacktick++;
          break;
        case T_APOSTROPHE:
          if (toldApostrophe % 2 === 0) {
            this.diag(
              "Invalid character",
              'Single quotes are not valid. Use double quotes (") to enclose strings.',
              this.tokRange(i),
            );
          }
          if (toldApostrophe <= 2) toldApostrophe++;
          break;
        case T_SEMICOLON:
          if (toldSemicolon < 1) {
            this.diag(
              "Invalid character",
              'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.',
              this.tokRange(i),
            );
            toldSemicolon++;
          }
          break;
        case T_BADUTF8:
          if (toldBadUTF8 < 1) {
            this.diag(
              "Invalid character encoding",
              "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.",
              this.tokRange(i),
            );
            toldBadUTF8++;
          }
          break;
        case T_QUOTEDNEWLINE:
          this.diag(
            "Invalid multi-line string",
            'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.',
            this.tokRange(i),
          );
          break;
        case T_INVALID:
          if (this.bytes[this.start[i] as number] === 0) reportedNul = true;
          this.diag("Invalid character", "This character is not used within the language.", this.tokRange(i));
          break;
      }
    }
    // hclsyntax accepts NUL and invalid UTF-8 inside strings and comments; a binary file must still be reported.
    const bytes = this.bytes;
    if (!reportedNul) {
      const nul = bytes.indexOf(0, this.bom);
      if (nul >= 0) {
        this.diag(
          "Invalid character",
          "NUL bytes are not valid in a configuration file; this may be a binary file.",
          this.range(nul, nul + 1),
        );
      }
    }
    if (!ascii && toldBadUTF8 === 0) {
      const n = bytes.length;
      for (let i = this.bom; i < n; ) {
        const c = bytes[i] as number;
        if (c < 0x80) {
          i++;
          continue;
        }
        const size = utf8Length(bytes, i, n, c);
        if (size === 0) {
          this.diag(
            "Invalid character encoding",
            "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.",
            this.range(i, i + 1),
          );
          break;
        }
        i += size;
      }
    }
  }

  // ---- recovery -----------------------------------------------------------------------------------------------

  setRecovery(): void {
    this.recovery = true;
  }

  /**
   * Skips to the token `end`, counting nested bracket pairs of its kind; returns it (or EOF), leaving the peeker
   * after it.
   */
  recover(end: number): number {
    const open = opposite(end);
    this.recovery = true;
    let nest = 0;
    const kind = this.kind;
    for (;;) {
      const i = this.read();
      let k = kind[i] as number;
      if (end === T_TEMPLATE_SEQEND && k === T_TEMPLATE_CONTROL) k = T_TEMPLATE_INTERP;
      if (k === open) nest++;
      else if (k === end) {
        if (nest < 1) return i;
        nest--;
      } else if (k === T_EOF) return i;
    }
  }

  /** Skips to after the bracketed group that starts at the next `start` token. */
  recoverOver(start: number): void {
    const kind = this.kind;
    for (;;) {
      const k = kind[this.read()];
      if (k === start || k === T_EOF) break;
    }
    this.recover(opposite(start));
  }

  /** Skips to the end of the current body item: the next newline outside any brackets. */
  recoverAfterBodyItem(): void {
    this.recovery = true;
    const open: number[] = [];
    const kind = this.kind;
    for (;;) {
      const k = kind[this.read()] as number;
      switch (k) {
        case T_NEWLINE:
          if (open.length === 0) return;
          break;
        case T_EOF:
          return;
        case T_OBRACE:
        case T_OBRACK:
        case T_OPAREN:
        case T_OQUOTE:
        case T_OHEREDOC:
        case T_TEMPLATE_INTERP:
        case T_TEMPLATE_CONTROL:
          open.push(k);
          break;
        case T_CBRACE:
        case T_CBRACK:
        case T_CPAREN:
        case T_CQUOTE:
        case T_CHEREDOC: {
          const opener = opposite(k);
          while (open.length > 0 && open[open.length - 1] !== opener) open.pop();
          if (open.length > 0) open.pop();
          break;
        }
        case T_TEMPLATE_SEQEND:
          while (
            open.length > 0 &&
            open[open.length - 1] !== T_TEMPLATE_INTERP &&
            open[open.length - 1] !== T_TEMPLATE_CONTROL
          )
            open.pop();
          if (open.length > 0) open.pop();
          break;
      }
    }
  }

  /** Reports nesting beyond MAX_DEPTH, once per file, and enters recovery mode. */
  private reportTooDeep(at: Range): void {
    if (!this.toldTooDeep) {
      this.toldTooDeep = true;
      this.diag(
        "Nesting too deep",
        `Brackets, blocks and template directives may be nested at most ${MAX_DEPTH} levels deep.`,
        at,
      );
    }
    this.recovery = true;
  }

  /**
   * At the nesting limit, in place of an expression term: reports it and skips what would have been nested, the
   * bracketed group that starts at the next token or else that one token. Always consumes input unless at EOF.
   */
  private tooDeep(): Range {
    const first = this.peek();
    const from = this.tokRange(first);
    this.reportTooDeep(from);
    const k = this.kind[first] as number;
    if (k === T_EOF) return from;
    this.read();
    let last = first;
    switch (k) {
      case T_OBRACE:
      case T_OBRACK:
      case T_OPAREN:
      case T_OQUOTE:
      case T_OHEREDOC:
      case T_TEMPLATE_INTERP:
      case T_TEMPLATE_CONTROL:
        last = this.recover(opposite(k));
    }
    return this.toTok(from, last);
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

  private parseBodyItem(): Attribute | Block | null {
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
  private parseSingleAttrBody(): Body | null {
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

  private finishParsingBodyAttribute(ident: number, singleLine: boolean): Attribute {
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

  private finishParsingBodyBlock(ident: number): Block {
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

  // ---- expressions --------------------------------------------------------------------------------------------

  parseExpression(): Expression {
    return this.parseTernaryConditional();
  }

  private parseTernaryConditional(): Expression {
    const startTok = this.peek();
    const mark = this.diags.length;
    const cond = this.parseBinaryOps(1);
    if (this.recovery && this.diags.length > mark) return cond;
    if (this.peekKind() !== T_QUESTION) return cond;
    this.read();
    const m2 = this.diags.length;
    const trueResult = this.parseExpression();
    if (this.recovery && this.diags.length > m2) return cond;
    const colon = this.peek();
    if (this.kind[colon] !== T_COLON) {
      const cr = this.tokRange(colon);
      this.diag(
        "Missing false expression in conditional",
        "The conditional operator (...?...:...) requires a false expression, delimited by a colon.",
        cr,
        this.between(this.tokRange(startTok), cr),
      );
      return cond;
    }
    this.read();
    const m3 = this.diags.length;
    const falseResult = this.parseExpression();
    if (this.recovery && this.diags.length > m3) return cond;
    return {
      kind: "Conditional",
      condition: cond,
      trueResult,
      falseResult,
      range: { file: this.file, start: this.pos(this.start[startTok] as number), end: falseResult.range.end },
    };
  }

  /**
   * Binary operators by precedence climbing (levels 1 `||` … 6 `* / %`, all left-associative): the same trees as
   * hclsyntax's one-function-per-level recursion, with fewer stack frames per nesting level.
   */
  private parseBinaryOps(minLevel: number): Expression {
    const mark = this.diags.length;
    let lhs = this.parseExpressionWithTraversals();
    if (this.recovery && this.diags.length > mark) return lhs;
    for (;;) {
      const opTok = this.peek();
      const ok = this.kind[opTok] as number;
      const level = binaryLevel[ok] as number;
      if (level === 0 || level < minLevel) return lhs;
      this.read();
      const m2 = this.diags.length;
      const rhs = this.parseBinaryOps(level + 1);
      if (this.recovery && this.diags.length > m2) return lhs;
      lhs = {
        kind: "BinaryOp",
        op: binaryOperator[ok] as BinaryOperator,
        opRange: this.tokRange(opTok),
        left: lhs,
        right: rhs,
        range: this.between(lhs.range, rhs.range),
      };
    }
  }

  private parseExpressionWithTraversals(): Expression {
    const term = this.parseExpressionTerm();
    return this.parseExpressionTraversals(term);
  }

  private parseExpressionTraversals(from: Expression): Expression {
    let ret = from;
    const kind = this.kind;
    for (;;) {
      const nk = this.peekKind();
      if (nk === T_DOT) {
        const dot = this.read();
        const attrTok = this.peek();
        const ak = kind[attrTok];
        if (ak === T_IDENT) {
          this.read();
          const rng = this.spanTok(dot, attrTok);
          ret = this.makeRelativeTraversal(ret, { kind: "attr", name: this.tokText(attrTok), range: rng }, rng);
          continue;
        }
        const dotRange = this.tokRange(dot);
        if (ak === T_NUMBER) {
          // Legacy index `.0`, from HIL.
          this.read();
          const numRange = this.tokRange(attrTok);
          const rng = this.between(dotRange, numRange);
          const raw = this.tokText(attrTok);
          const dotAt = raw.indexOf(".");
          let key: LiteralScalar = null;
          if (dotAt >= 0) {
            this.diag(
              "Invalid legacy index syntax",
              `When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [${raw.slice(0, dotAt)}][${raw.slice(dotAt + 1)}].`,
              numRange,
            );
          } else {
            key = this.numberValue(attrTok, raw);
          }
          ret = this.makeRelativeTraversal(ret, { kind: "index", key, range: rng }, rng);
        } else if (ak === T_STAR) {
          // Attribute-only splat `.*`.
          const marker = this.read();
          const markerRange = this.tokRange(marker);
          const trav: Traverser[] = [];
          const firstRange = this.nextRange();
          let lastRange = markerRange;
          let broke = false;
          while (this.peekKind() === T_DOT) {
            const d = this.read();
            const dr = this.tokRange(d);
            const nt = this.peek();
            if (kind[nt] === T_NUMBER) {
              this.read();
              const numRange = this.tokRange(nt);
              const raw = this.tokText(nt);
              const dotAt = raw.indexOf(".");
              let key: LiteralScalar = null;
              if (dotAt >= 0) {
                this.diag(
                  "Invalid legacy index syntax",
                  `When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax with a full splat expression [*] instead, like [${raw.slice(0, dotAt)}][${raw.slice(dotAt + 1)}].`,
                  this.tokRange(attrTok),
                );
              } else {
                key = this.numberValue(nt, raw);
              }
              trav.push({ kind: "index", key, range: this.between(dr, numRange) });
              lastRange = numRange;
              continue;
            }
            if (kind[nt] !== T_IDENT) {
              if (!this.recovery) {
                if (kind[nt] === T_STAR) {
                  this.diag(
                    "Nested splat expression not allowed",
                    "A splat expression (*) cannot be used inside another attribute-only splat expression.",
                    this.tokRange(nt),
                  );
                } else {
                  this.diag(
                    "Invalid attribute name",
                    "An attribute name is required after a dot.",
                    this.tokRange(attrTok),
                  );
                }
              }
              this.setRecovery();
              broke = true;
              break;
            }
            this.read();
            const nr = this.tokRange(nt);
            trav.push({ kind: "attr", name: this.tokText(nt), range: this.between(dr, nr) });
            lastRange = nr;
          }
          if (broke) continue;
          const item = { kind: "AnonSymbol" as const, range: this.between(dotRange, markerRange) };
          const each: Expression =
            trav.length === 0
              ? item
              : {
                  kind: "RelativeTraversal",
                  source: item,
                  traversal: trav,
                  range: this.between(firstRange, lastRange),
                };
          ret = {
            kind: "Splat",
            source: ret,
            each,
            item,
            markerRange: this.between(dotRange, markerRange),
            range: this.between(from.range, lastRange),
          };
        } else {
          this.diag("Invalid attribute name", "An attribute name is required after a dot.", this.tokRange(attrTok));
          ret = { kind: "Invalid", range: this.between(from.range, dotRange) };
          this.setRecovery();
        }
        continue;
      }
      if (nk === T_OBRACK) {
        const open = this.read();
        const openRange = this.tokRange(open);
        if (this.peekKind() === T_STAR) {
          // Full splat `[*]`: the following traversal steps apply to each element.
          this.read();
          let close = this.read();
          if (kind[close] !== T_CBRACK && !this.recovery) {
            this.diag(
              "Missing close bracket on splat index",
              'The star for a full splat operator must be immediately followed by a closing bracket ("]").',
              this.tokRange(close),
            );
            close = this.recover(T_CBRACK);
          }
          const markerRange = this.between(openRange, this.tokRange(close));
          const item = { kind: "AnonSymbol" as const, range: markerRange };
          let each: Expression;
          if (this.depth >= MAX_DEPTH) {
            this.tooDeep();
            each = item;
          } else {
            this.depth++;
            each = this.parseExpressionTraversals(item);
            this.depth--;
          }
          ret = { kind: "Splat", source: ret, each, item, markerRange, range: this.between(from.range, each.range) };
          continue;
        }
        this.pushNewlines(false);
        const mark = this.diags.length;
        const key = this.parseExpression();
        let close: number;
        if (this.recovery && this.diags.length > mark) {
          close = this.recover(T_CBRACK);
        } else {
          close = this.read();
          if (kind[close] !== T_CBRACK && !this.recovery) {
            this.diag(
              "Missing close bracket on index",
              'The index operator must end with a closing bracket ("]").',
              this.tokRange(close),
            );
            close = this.recover(T_CBRACK);
          }
        }
        this.popNewlines();
        const rng = this.toTok(openRange, close);
        if (key.kind === "LiteralValue") {
          ret = this.makeRelativeTraversal(ret, { kind: "index", key: key.value, range: rng }, rng);
        } else if (key.kind === "Template" && key.parts.length === 1 && key.parts[0]?.kind === "LiteralValue") {
          ret = this.makeRelativeTraversal(ret, { kind: "index", key: key.parts[0].value, range: rng }, rng);
        } else {
          ret = { kind: "Index", collection: ret, key, bracketRange: rng, range: this.between(from.range, rng) };
        }
        continue;
      }
      return ret;
    }
  }

  /** Appends a static step to a traversal expression, or starts a relative traversal on another expression. */
  private makeRelativeTraversal(expr: Expression, step: Traverser, rng: Range): Expression {
    if (expr.kind === "ScopeTraversal" || expr.kind === "RelativeTraversal") {
      const t = expr as Mutable<typeof expr>;
      t.traversal.push(step);
      t.range = this.between(t.range, rng);
      return expr;
    }
    return { kind: "RelativeTraversal", source: expr, traversal: [step], range: this.between(expr.range, rng) };
  }

  private numberValue(tok: number, raw: string): number | null {
    const value = Number(raw);
    if (Number.isNaN(value)) {
      this.diag("Invalid number literal", "Failed to recognize the value of this number literal.", this.tokRange(tok));
      return null;
    }
    return value;
  }

  private parseExpressionTerm(): Expression {
    if (this.depth >= MAX_DEPTH) return { kind: "Invalid", range: this.tooDeep() };
    this.depth++;
    const e = this.parseExpressionTermInner();
    this.depth--;
    return e;
  }

  private parseExpressionTermInner(): Expression {
    const start = this.peek();
    const k = this.kind[start];
    switch (k) {
      case T_OPAREN: {
        const oParen = this.read();
        this.pushNewlines(false);
        const mark = this.diags.length;
        const expr = this.parseExpression();
        if (this.diags.length > mark) {
          this.recover(T_CPAREN);
          this.popNewlines();
          return expr;
        }
        const close = this.peek();
        if (this.kind[close] !== T_CPAREN) {
          const cr = this.tokRange(close);
          this.diag(
            "Unbalanced parentheses",
            "Expected a closing parenthesis to terminate the expression.",
            cr,
            this.between(this.tokRange(start), cr),
          );
          this.setRecovery();
        }
        const cParen = this.read();
        this.popNewlines();
        return {
          kind: "Parentheses",
          expr,
          range: this.spanTok(oParen, cParen),
        };
      }
      case T_NUMBER: {
        this.read();
        const raw = this.tokText(start);
        const value = this.numberValue(start, raw);
        if (value === null) return { kind: "Invalid", range: this.tokRange(start) };
        return { kind: "LiteralValue", value, raw, range: this.tokRange(start) };
      }
      case T_IDENT: {
        this.read();
        const nk = this.peekKind();
        if (nk === T_OPAREN || nk === T_DOUBLECOLON) return this.finishParsingFunctionCall(start);
        const name = this.tokText(start);
        const range = this.tokRange(start);
        switch (name) {
          case "true":
            return { kind: "LiteralValue", value: true, range };
          case "false":
            return { kind: "LiteralValue", value: false, range };
          case "null":
            return { kind: "LiteralValue", value: null, range };
          default:
            return { kind: "ScopeTraversal", root: name, rootRange: range, traversal: [], range };
        }
      }
      case T_OQUOTE:
      case T_OHEREDOC: {
        const open = this.read();
        if (k === T_OQUOTE) {
          // Fast path for the most common template: a plain quoted string.
          const k1 = this.kind[open + 1];
          if (k1 === T_QUOTEDLIT && this.kind[open + 2] === T_CQUOTE) {
            const value = this.normalize(this.stringLitValue(open + 1, true));
            this.next = open + 3;
            const part: Expression = { kind: "LiteralValue", value, range: this.tokRange(open + 1) };
            return { kind: "Template", parts: [part], heredoc: false, range: this.spanTok(open, open + 2) };
          }
          if (k1 === T_CQUOTE) {
            this.next = open + 2;
            const at = this.pos(this.end[open + 1] as number);
            const part: Expression = {
              kind: "LiteralValue",
              value: "",
              range: { file: this.file, start: at, end: at },
            };
            return { kind: "Template", parts: [part], heredoc: false, range: this.spanTok(open, open + 1) };
          }
        }
        const heredoc = k === T_OHEREDOC;
        const flush = heredoc && this.bytes[(this.start[open] as number) + 2] === 45;
        return this.parseTemplate(heredoc ? T_CHEREDOC : T_CQUOTE, flush, open);
      }
      case T_MINUS:
      case T_BANG: {
        this.read();
        const operand = this.parseExpressionWithTraversals();
        const opRange = this.tokRange(start);
        return {
          kind: "UnaryOp",
          op: k === T_MINUS ? "-" : "!",
          opRange,
          operand,
          range: this.between(opRange, operand.range),
        };
      }
      case T_OBRACK:
        return this.parseTupleCons();
      case T_OBRACE:
        return this.parseObjectCons();
      default: {
        const range = this.tokRange(start);
        if (!this.recovery) {
          if (k === T_EOF) {
            this.diag(
              "Missing expression",
              "Expected the start of an expression, but found the end of the file.",
              range,
            );
          } else {
            this.diag(
              "Invalid expression",
              "Expected the start of an expression, but found an invalid expression token.",
              range,
            );
          }
        }
        this.setRecovery();
        return { kind: "Invalid", range };
      }
    }
  }

  private finishParsingFunctionCall(name: number): Expression {
    let openTok = this.read();
    const nameRange0 = this.tokRange(name);
    let nameStr = this.tokText(name);
    let nameEnd = nameRange0.end;
    while (this.kind[openTok] === T_DOUBLECOLON) {
      const nextName = this.read();
      if (this.kind[nextName] !== T_IDENT) {
        const nr = this.tokRange(nextName);
        this.diag(
          "Missing function name",
          "Function scope resolution symbol :: must be followed by a function name in this scope.",
          nr,
          this.between(nameRange0, nr),
        );
        this.recoverOver(T_OPAREN);
        return { kind: "Invalid", range: this.between(nameRange0, nr) };
      }
      nameStr = `${nameStr}::${this.tokText(nextName)}`;
      nameEnd = this.pos(this.end[nextName] as number);
      openTok = this.read();
    }
    const nameRange: Range = { file: this.file, start: nameRange0.start, end: nameEnd };
    if (this.kind[openTok] !== T_OPAREN) {
      const or = this.tokRange(openTok);
      this.diag(
        "Missing open parenthesis",
        "Function selector must be followed by an open parenthesis to begin the function call.",
        or,
        this.between(nameRange0, or),
      );
      this.recoverOver(T_OPAREN);
      return { kind: "Invalid", range: this.between(nameRange0, or) };
    }

    const args: Expression[] = [];
    let expandFinal = false;
    let closeTok = -1;
    this.pushNewlines(false);
    for (;;) {
      const tok = this.peek();
      if (this.kind[tok] === T_CPAREN) {
        closeTok = this.read();
        break;
      }
      const mark = this.diags.length;
      const arg = this.parseExpression();
      args.push(arg);
      if (this.recovery && this.diags.length > mark) {
        closeTok = this.recover(T_CPAREN);
        break;
      }
      const sep = this.read();
      const sk = this.kind[sep];
      if (sk === T_CPAREN) {
        closeTok = sep;
        break;
      }
      if (sk === T_ELLIPSIS) {
        expandFinal = true;
        if (this.peekKind() !== T_CPAREN) {
          if (!this.recovery) {
            const sr = this.tokRange(sep);
            this.diag(
              "Missing closing parenthesis",
              "An expanded function argument (with ...) must be immediately followed by closing parentheses.",
              sr,
              this.between(nameRange0, sr),
            );
          }
          closeTok = this.recover(T_CPAREN);
        } else {
          closeTok = this.read();
        }
        break;
      }
      if (sk !== T_COMMA) {
        if (sk === T_EOF) {
          this.diag(
            "Unterminated function call",
            "There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.",
            this.between(nameRange0, this.tokRange(openTok)),
          );
        } else {
          const sr = this.tokRange(sep);
          this.diag(
            "Missing argument separator",
            "A comma is required to separate each function argument from the next.",
            sr,
            this.between(nameRange0, sr),
          );
        }
        closeTok = this.recover(T_CPAREN);
        break;
      }
      if (this.peekKind() === T_CPAREN) {
        closeTok = this.read();
        break;
      }
    }
    this.popNewlines();
    const closeParenRange = this.tokRange(closeTok);
    return {
      kind: "FunctionCall",
      name: nameStr,
      nameRange,
      args,
      expandFinal,
      openParenRange: this.tokRange(openTok),
      closeParenRange,
      range: this.between(nameRange, closeParenRange),
    };
  }

  private parseTupleCons(): Expression {
    const open = this.read();
    const openRange = this.tokRange(open);
    this.pushNewlines(false);
    if (this.tokIs(this.peek(), "for")) {
      const e = this.finishParsingForExpr(open);
      this.popNewlines();
      return e;
    }
    const elements: Expression[] = [];
    let close: number;
    for (;;) {
      let next = this.peek();
      if (this.kind[next] === T_CBRACK) {
        close = this.read();
        break;
      }
      const mark = this.diags.length;
      const expr = this.parseExpression();
      elements.push(expr);
      if (this.recovery && this.diags.length > mark) {
        close = this.recover(T_CBRACK);
        break;
      }
      next = this.peek();
      const nk = this.kind[next];
      if (nk === T_CBRACK) {
        close = this.read();
        break;
      }
      if (nk !== T_COMMA) {
        if (!this.recovery) {
          if (nk === T_EOF) {
            this.diag(
              "Unterminated tuple constructor expression",
              "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.",
              openRange,
            );
          } else {
            const nr = this.tokRange(next);
            this.diag(
              "Missing item separator",
              "Expected a comma to mark the beginning of the next item.",
              nr,
              this.between(openRange, nr),
            );
          }
        }
        close = this.recover(T_CBRACK);
        break;
      }
      this.read();
    }
    this.popNewlines();
    return { kind: "TupleCons", elements, openRange, range: this.toTok(openRange, close) };
  }

  private parseObjectCons(): Expression {
    const open = this.read();
    const openRange = this.tokRange(open);
    // `for` is looked for with newlines ignored: for expressions are not newline-sensitive.
    this.pushNewlines(false);
    const isFor = this.tokIs(this.peek(), "for");
    this.popNewlines();
    if (isFor) return this.finishParsingForExpr(open);

    this.pushNewlines(true);
    const items: ObjectConsItem[] = [];
    let close: number;
    const kind = this.kind;
    for (;;) {
      let next = this.peek();
      if (kind[next] === T_NEWLINE) {
        this.read();
        continue;
      }
      if (kind[next] === T_CBRACE) {
        close = this.read();
        break;
      }
      const forceNonLiteral = kind[next] === T_OPAREN;
      const keyStart = next;
      const mark = this.diags.length;
      let key = this.parseExpression();
      if (this.recovery && this.diags.length > mark) {
        close = this.recover(T_CBRACE);
        break;
      }
      // A bare name (or keyword) as a key means that string; parentheses force evaluation.
      if (
        forceNonLiteral ||
        key.kind === "ScopeTraversal" ||
        (key.kind === "LiteralValue" && kind[keyStart] === T_IDENT)
      ) {
        key = { kind: "ObjectConsKey", wrapped: key, forceNonLiteral, range: key.range };
      }
      next = this.peek();
      const nk = kind[next];
      if (nk !== T_EQUAL && nk !== T_COLON) {
        if (!this.recovery) {
          const nr = this.tokRange(next);
          if (nk === T_NEWLINE || nk === T_COMMA) {
            this.diag(
              "Missing attribute value",
              'Expected an attribute value, introduced by an equals sign ("=").',
              nr,
              this.between(openRange, nr),
            );
          } else if (nk === T_IDENT) {
            this.diag(
              "Missing key/value separator",
              'Expected an equals sign ("=") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.',
              nr,
              this.between(openRange, nr),
            );
          } else if (nk === T_EOF) {
            this.diag(
              "Unterminated object constructor expression",
              "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
              openRange,
            );
          } else {
            this.diag(
              "Missing key/value separator",
              'Expected an equals sign ("=") to mark the beginning of the attribute value.',
              nr,
              this.between(openRange, nr),
            );
          }
        }
        close = this.recover(T_CBRACE);
        break;
      }
      this.read();
      const m2 = this.diags.length;
      const value = this.parseExpression();
      items.push({ key, value });
      if (this.recovery && this.diags.length > m2) {
        close = this.recover(T_CBRACE);
        break;
      }
      next = this.peek();
      const ak = kind[next];
      if (ak === T_CBRACE) {
        close = this.read();
        break;
      }
      if (ak !== T_COMMA && ak !== T_NEWLINE) {
        if (!this.recovery) {
          if (ak === T_EOF) {
            this.diag(
              "Unterminated object constructor expression",
              "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
              openRange,
            );
          } else {
            const nr = this.tokRange(next);
            this.diag(
              "Missing attribute separator",
              "Expected a newline or comma to mark the beginning of the next attribute.",
              nr,
              this.between(openRange, nr),
            );
          }
        }
        close = this.recover(T_CBRACE);
        break;
      }
      this.read();
    }
    this.popNewlines();
    return { kind: "ObjectCons", items, openRange, range: this.toTok(openRange, close) };
  }

  private finishParsingForExpr(open: number): Expression {
    this.pushNewlines(false);
    const e = this.finishParsingForExprInner(open);
    this.popNewlines();
    return e;
  }

  private finishParsingForExprInner(open: number): Expression {
    this.read(); // the `for` keyword
    const openRange = this.tokRange(open);
    const makeObj = this.kind[open] === T_OBRACE;
    const closeType = makeObj ? T_CBRACE : T_CBRACK;
    const fail = (detail: string): Expression => {
      if (!this.recovery) {
        const nr = this.nextRange();
        this.diag("Invalid 'for' expression", detail, nr, this.between(openRange, nr));
      }
      const close = this.recover(closeType);
      return { kind: "Invalid", range: this.toTok(openRange, close) };
    };

    if (this.peekKind() !== T_IDENT) return fail("For expression requires variable name after 'for'.");
    let keyVar: string | null = null;
    let valueVar = this.tokText(this.read());
    if (this.peekKind() === T_COMMA) {
      keyVar = valueVar;
      this.read();
      if (this.peekKind() !== T_IDENT) return fail("For expression requires value variable name after comma.");
      valueVar = this.tokText(this.read());
    }
    if (!this.tokIs(this.peek(), "in"))
      return fail("For expression requires the 'in' keyword after its name declarations.");
    this.read();

    const m1 = this.diags.length;
    const collection = this.parseExpression();
    if (this.recovery && this.diags.length > m1) {
      const close = this.recover(closeType);
      return { kind: "Invalid", range: this.toTok(openRange, close) };
    }
    if (this.peekKind() !== T_COLON) return fail("For expression requires a colon after the collection expression.");
    this.read();

    let keyExpr: Expression | null = null;
    const m2 = this.diags.length;
    let valueExpr = this.parseExpression();
    if (this.peekKind() === T_FATARROW) {
      this.read();
      keyExpr = valueExpr;
      valueExpr = this.parseExpression();
    }
    if (this.recovery && this.diags.length > m2) {
      const close = this.recover(closeType);
      return { kind: "Invalid", range: this.toTok(openRange, close) };
    }

    let group = false;
    let ellipsis = -1;
    if (this.peekKind() === T_ELLIPSIS) {
      ellipsis = this.read();
      group = true;
    }

    let condition: Expression | null = null;
    if (this.tokIs(this.peek(), "if")) {
      this.read();
      const m3 = this.diags.length;
      condition = this.parseExpression();
      if (this.recovery && this.diags.length > m3) {
        const close = this.recover(closeType);
        return { kind: "Invalid", range: this.toTok(openRange, close) };
      }
    }

    let close: number;
    if (this.peekKind() === closeType) {
      close = this.read();
    } else {
      if (!this.recovery) {
        const nr = this.nextRange();
        this.diag(
          "Invalid 'for' expression",
          "Extra characters after the end of the 'for' expression.",
          nr,
          this.between(openRange, nr),
        );
      }
      close = this.recover(closeType);
    }
    const closeRange = this.tokRange(close);
    const range = this.between(openRange, closeRange);

    if (!makeObj) {
      if (keyExpr !== null) {
        this.diag(
          "Invalid 'for' expression",
          "Key expression is not valid when building a tuple.",
          keyExpr.range,
          range,
        );
      }
      if (group) {
        this.diag(
          "Invalid 'for' expression",
          "Grouping ellipsis (...) cannot be used when building a tuple.",
          this.tokRange(ellipsis),
          range,
        );
      }
    } else if (keyExpr === null) {
      this.diag(
        "Invalid 'for' expression",
        "Key expression is required when building an object.",
        valueExpr.range,
        range,
      );
    }

    return {
      kind: "For",
      keyVar,
      valueVar,
      collection,
      keyExpr,
      valueExpr,
      condition,
      group,
      openRange,
      closeRange,
      range,
    };
  }

  /** A quoted string with no template sequences (a block label). Returns its value and range. */
  private parseQuotedStringLiteral(): [string, Range] {
    const oQuote = this.read();
    const oRange = this.tokRange(oQuote);
    let value = "";
    let endRange: Range;
    for (;;) {
      const tok = this.read();
      const k = this.kind[tok];
      if (k === T_CQUOTE) {
        endRange = this.tokRange(tok);
        break;
      }
      if (k === T_QUOTEDLIT) {
        value += this.stringLitValue(tok, true);
        continue;
      }
      if (k === T_TEMPLATE_CONTROL || k === T_TEMPLATE_INTERP) {
        const which = k === T_TEMPLATE_CONTROL ? "%" : "$";
        const tr = this.tokRange(tok);
        this.diag(
          "Invalid string literal",
          `Template sequences are not allowed in this string. To include a literal "${which}", double it (as "${which}${which}") to escape it.`,
          tr,
          this.between(oRange, tr),
        );
        value += `${which}{ ... }`;
        this.recover(T_TEMPLATE_SEQEND);
        continue;
      }
      const tr = this.tokRange(tok);
      if (k === T_EOF) {
        this.diag(
          "Unterminated string literal",
          "Unable to find the closing quote mark before the end of the file.",
          tr,
          this.between(oRange, tr),
        );
        endRange = tr;
        break;
      }
      this.diag("Invalid string literal", "This item is not valid in a string literal.", tr, this.between(oRange, tr));
      this.recover(T_CQUOTE);
      endRange = tr;
      break;
    }
    return [value, this.between(oRange, endRange)];
  }

  /**
   * The value of a literal token of a template: escapes resolved (in quoted templates), `$${` and `%%{` unescaped.
   * Not yet NFC-normalised (that happens to the final literal, after trimming and joining).
   */
  stringLitValue(tok: number, quoted: boolean): string {
    const bytes = this.bytes;
    const s = this.start[tok] as number;
    const e = this.end[tok] as number;
    const c0 = bytes[s] as number;
    if (c0 === 36 || c0 === 37) {
      if (e - s >= 3 && bytes[s + 1] === c0 && bytes[s + 2] === 123) {
        return (c0 === 36 ? "${" : "%{") + this.textOf(s + 3, e);
      }
      return this.textOf(s, e);
    }
    if (!quoted) return this.textOf(s, e);
    let q = s;
    while (q < e && bytes[q] !== 92) q++;
    if (q === e) return this.textOf(s, e);
    let out = "";
    let chunk = s;
    while (q < e) {
      if (bytes[q] !== 92) {
        q++;
        continue;
      }
      out += this.textOf(chunk, q);
      const sel = bytes[q + 1] as number;
      switch (sel) {
        case 110:
          out += "\n";
          q += 2;
          break;
        case 114:
          out += "\r";
          q += 2;
          break;
        case 116:
          out += "\t";
          q += 2;
          break;
        case 34:
          out += '"';
          q += 2;
          break;
        case 92:
          out += "\\";
          q += 2;
          break;
        case 117:
        case 85: {
          const want = sel === 117 ? 4 : 8;
          let k = q + 2;
          while (k < e && k - (q + 2) < want && isHex(bytes[k] as number)) k++;
          if (k - (q + 2) !== want) {
            this.diag(
              "Invalid escape sequence",
              sel === 117
                ? "The \\u escape sequence must be followed by four hexadecimal digits."
                : "The \\U escape sequence must be followed by eight hexadecimal digits.",
              this.range(q, k),
            );
            out += this.textOf(q, k);
          } else {
            const cp = Number.parseInt(this.textOf(q + 2, k), 16);
            if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
              this.diag(
                "Invalid escape sequence",
                `Cannot encode character U+${cp.toString(16).padStart(4, "0")} in UTF-8.`,
                this.range(q, k),
              );
              out += this.textOf(q, k);
            } else {
              out += String.fromCodePoint(cp);
              if (cp >= 0x300) this.mayNeedNfc = true;
            }
          }
          q = k;
          break;
        }
        default: {
          const size = sel < 0x80 ? 1 : Math.max(1, utf8Length(bytes, q + 1, e, sel));
          const symbol = this.textOf(q + 1, q + 1 + size);
          this.diag(
            "Invalid escape sequence",
            `The symbol ${JSON.stringify(symbol)} is not a valid escape sequence selector.`,
            this.range(q, q + 1 + size),
          );
          out += symbol;
          q += 1 + size;
        }
      }
      chunk = q;
    }
    return out + this.textOf(chunk, e);
  }

  // ---- templates ----------------------------------------------------------------------------------------------

  /**
   * Parses template content up to the token `end` (CQuote, CHeredoc or EOF). `open` is the opening token (-1 for a
   * bare template, whose range is from its first token to the end of the file).
   */
  parseTemplate(end: number, flush: boolean, open: number): Expression {
    const { parts, range } = this.parseTemplateParts(end);
    const { exprs, passthru } = buildTemplate(parts, flush, this);
    const fullRange = open >= 0 ? this.between(this.tokRange(open), this.prevRange()) : range;
    if (passthru) return { kind: "TemplateWrap", wrapped: exprs[0] as Expression, range: fullRange };
    return { kind: "Template", parts: exprs, heredoc: open >= 0 && this.kind[open] === T_OHEREDOC, range: fullRange };
  }

  private parseTemplateParts(end: number): { parts: TemplatePart[]; range: Range } {
    const parts: TemplatePart[] = [];
    const startRange = this.nextRange();
    let ltrimNext = false;
    let nextCanTrimPrev = false;
    let endRange: Range;
    const kind = this.kind;
    for (;;) {
      const next = this.read();
      const k = kind[next];
      if (k === end) {
        endRange = this.tokRange(next);
        break;
      }
      const ltrim = ltrimNext;
      ltrimNext = false;
      const canTrimPrev = nextCanTrimPrev;
      nextCanTrimPrev = false;
      if (k === T_STRINGLIT || k === T_QUOTEDLIT) {
        let value = this.stringLitValue(next, k === T_QUOTEDLIT);
        if (ltrim) value = trimLeftSpace(value);
        parts.push({ t: "lit", value, start: this.start[next] as number, end: this.end[next] as number });
        nextCanTrimPrev = true;
        continue;
      }
      if (k === T_TEMPLATE_INTERP) {
        const nextRange = this.tokRange(next);
        if (canTrimPrev && (this.end[next] as number) - (this.start[next] as number) === 3) trimPrevious(parts);
        this.pushNewlines(false);
        const expr = this.parseExpression();
        const close = this.peek();
        const ck = kind[close];
        if (ck !== T_TEMPLATE_SEQEND) {
          if (!this.recovery) {
            const cr = this.tokRange(close);
            if (ck === T_EOF) {
              this.diag(
                "Unclosed template interpolation sequence",
                "There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.",
                startRange,
              );
            } else if (ck === T_COLON) {
              this.diag(
                "Extra characters after interpolation expression",
                'Template interpolation doesn\'t expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with "$${" instead of just "${".',
                cr,
                this.between(startRange, cr),
              );
            } else if ((ck === T_CQUOTE || ck === T_OQUOTE) && end === T_CQUOTE) {
              this.diag(
                "Unclosed template interpolation sequence",
                "There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.",
                startRange,
              );
            } else {
              this.diag(
                "Extra characters after interpolation expression",
                'Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with "$${" instead of just "${".',
                cr,
                this.between(startRange, cr),
              );
            }
          }
          this.recover(T_TEMPLATE_SEQEND);
        } else {
          this.read();
          if ((this.end[close] as number) - (this.start[close] as number) === 2) ltrimNext = true;
        }
        this.popNewlines();
        parts.push({ t: "interp", expr, range: this.between(nextRange, this.tokRange(close)) });
        continue;
      }
      if (k === T_TEMPLATE_CONTROL) {
        const nextRange = this.tokRange(next);
        if (canTrimPrev && (this.end[next] as number) - (this.start[next] as number) === 3) trimPrevious(parts);
        this.pushNewlines(false);
        const kw = this.peek();
        if (kind[kw] !== T_IDENT) {
          if (!this.recovery) {
            const kr = this.tokRange(kw);
            this.diag(
              "Invalid template directive",
              'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.',
              kr,
              this.between(nextRange, kr),
            );
          }
          this.recover(T_TEMPLATE_SEQEND);
          this.popNewlines();
          continue;
        }
        this.read();
        const word = this.tokText(kw);
        if (word === "if") {
          const cond = this.parseExpression();
          parts.push({ t: "if", cond, range: this.between(nextRange, this.nextRange()) });
        } else if (word === "else") {
          parts.push({ t: "else", range: this.between(nextRange, this.nextRange()) });
        } else if (word === "endif") {
          parts.push({ t: "endif", range: this.between(nextRange, this.nextRange()) });
        } else if (word === "for") {
          if (this.peekKind() !== T_IDENT) {
            if (!this.recovery) {
              this.diag(
                "Invalid 'for' directive",
                "For directive requires variable name after 'for'.",
                this.nextRange(),
              );
            }
            this.recover(T_TEMPLATE_SEQEND);
            this.popNewlines();
            continue;
          }
          let keyVar: string | null = null;
          let valueVar = this.tokText(this.read());
          if (this.peekKind() === T_COMMA) {
            keyVar = valueVar;
            this.read();
            if (this.peekKind() !== T_IDENT) {
              if (!this.recovery) {
                this.diag(
                  "Invalid 'for' directive",
                  "For directive requires value variable name after comma.",
                  this.nextRange(),
                );
              }
              this.recover(T_TEMPLATE_SEQEND);
              this.popNewlines();
              continue;
            }
            valueVar = this.tokText(this.read());
          }
          if (!this.tokIs(this.peek(), "in")) {
            if (!this.recovery) {
              this.diag(
                "Invalid 'for' directive",
                "For directive requires 'in' keyword after names.",
                this.nextRange(),
              );
            }
            this.recover(T_TEMPLATE_SEQEND);
            this.popNewlines();
            continue;
          }
          this.read();
          const coll = this.parseExpression();
          parts.push({ t: "for", keyVar, valueVar, coll, range: this.between(nextRange, this.nextRange()) });
        } else if (word === "endfor") {
          parts.push({ t: "endfor", range: this.between(nextRange, this.nextRange()) });
        } else {
          if (!this.recovery) {
            const suggestion = nameSuggestion(word, ["if", "for", "else", "endif", "endfor"]);
            const kr = this.tokRange(kw);
            this.diag(
              "Invalid template control keyword",
              `${JSON.stringify(word)} is not a valid template control keyword.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ""}`,
              kr,
              this.between(nextRange, kr),
            );
          }
          this.recover(T_TEMPLATE_SEQEND);
          this.popNewlines();
          continue;
        }
        const close = this.peek();
        if (kind[close] !== T_TEMPLATE_SEQEND) {
          if (!this.recovery) {
            const cr = this.tokRange(close);
            this.diag(
              `Extra characters in ${word} marker`,
              "Expected a closing brace to end the sequence, but found extra characters.",
              cr,
              this.between(startRange, cr),
            );
          }
          this.recover(T_TEMPLATE_SEQEND);
        } else {
          this.read();
          if ((this.end[close] as number) - (this.start[close] as number) === 2) ltrimNext = true;
        }
        this.popNewlines();
        continue;
      }
      // Anything else ends the template: an unterminated string.
      if (!this.recovery) {
        const nr = this.tokRange(next);
        this.diag(
          "Unterminated template string",
          "No closing marker was found for the string.",
          nr,
          this.between(startRange, nr),
        );
      }
      const final = this.recover(end);
      endRange = this.tokRange(final);
      break;
    }
    if (parts.length === 0) {
      // An empty template is an empty string, placed just after the opening marker (as hclsyntax does).
      const at = startRange.end.byte;
      parts.push({ t: "lit", value: "", start: at, end: at });
    }
    parts.push({ t: "end", range: endRange });
    return { parts, range: this.between(startRange, endRange) };
  }
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpaceUnit(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

export function trimRightSpace(s: string): string {
  let i = s.length;
  while (i > 0 && isSpaceUnit(s.charCodeAt(i - 1))) i--;
  return i === s.length ? s : s.slice(0, i);
}

function trimPrevious(parts: TemplatePart[]): void {
  const prev = parts[parts.length - 1];
  if (prev !== undefined && prev.t === "lit") prev.value = trimRightSpace(prev.value);
}

/** The suggestion closest to `given` by edit distance (at most 2), as hclsyntax's nameSuggestion. */
function nameSuggestion(given: string, suggestions: string[]): string {
  for (const s of suggestions) if (levenshtein(given, s) < 3) return s;
  return "";
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}
