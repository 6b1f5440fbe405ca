/**
 * The parser's machinery, shared by the expression and structure parsers: the token stream with hclsyntax's peeker
 * (newline sensitivity as a stack), source ranges, diagnostics, error recovery, the nesting limit, literal text.
 */

import type { Body } from "./ast.js";
import { type Diagnostic, error } from "./diagnostic.js";
import {
  T_APOSTROPHE,
  T_BACKTICK,
  T_BADUTF8,
  T_BITAND,
  T_BITNOT,
  T_BITOR,
  T_BITXOR,
  T_CBRACE,
  T_CBRACK,
  T_CHEREDOC,
  T_CPAREN,
  T_CQUOTE,
  T_EOF,
  T_IDENT,
  T_INVALID,
  T_NEWLINE,
  T_OBRACE,
  T_OBRACK,
  T_OHEREDOC,
  T_OPAREN,
  T_OQUOTE,
  T_QUOTEDNEWLINE,
  T_SEMICOLON,
  T_TEMPLATE_CONTROL,
  T_TEMPLATE_INTERP,
  T_TEMPLATE_SEQEND,
  type Tokens,
} from "./lexer.js";
import { nfc } from "./parse-template.js";
import type { Pos, Range } from "./range.js";
import { decodeBytes, type LineIndex, utf8Length } from "./source.js";

class StepLimitExceeded extends Error {
  constructor() {
    super("the parser exceeded its step limit");
  }
}

/** Nesting beyond this (brackets, blocks, template directives) is reported instead of recursed into. */
export const MAX_DEPTH = 200;

/** The token that closes (or opens) a bracketing token, or -1. */
export function opposite(k: number): number {
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

/** Parser state for one source: tokens, the peeker, ranges, diagnostics, recovery. Internal: use parse(). */
export class ParserCore {
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  protected readonly count: number;
  protected readonly eof: number;
  /** Index of the next unread token (hclsyntax's peeker NextIndex). */
  protected next = 0;
  protected includeNewlines = true;
  protected readonly newlineStack: boolean[] = [];
  /** Set once any recovery was attempted: later "bad token" errors are then suppressed, as in hclsyntax. */
  recovery = false;
  readonly diags: Diagnostic[] = [];
  protected depth = 0;
  /**
   * Peeks so far, and the most any parse may take: a guard that turns a parser bug that would loop or blow up into
   * an "Internal parser error" diagnostic. (Per token the parser peeks a bounded number of times per nesting level.)
   */
  protected steps = 0;
  protected readonly stepLimit: number;
  /** Literal text may need NFC normalisation: the source is not ASCII, or a \u escape produced non-ASCII. */
  protected mayNeedNfc: boolean;
  protected toldTooDeep = false;

  constructor(
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

  protected tokIs(i: number, word: string): boolean {
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

  /** hclsyntax's checkInvalidTokens, plus NUL bytes and invalid UTF-8 anywhere (`validUtf8` when known valid). */
  protected checkInvalidTokens(validUtf8: boolean): void {
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
    if (!validUtf8 && toldBadUTF8 === 0) {
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
  protected reportTooDeep(at: Range): void {
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
  protected tooDeep(): Range {
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
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
