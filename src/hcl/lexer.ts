/**
 * The HCL native-syntax scanner. It produces the token stream of HashiCorp's hclsyntax scanner (scan_tokens.rl):
 * the same token kinds and boundaries, so that the parser can follow hclsyntax step by step and report the same
 * ranges. Tokens live in parallel typed arrays (kind, start byte, end byte): no object per token.
 *
 * Differences from hclsyntax, all deliberate: comments produce no tokens (a line comment that ends with a newline
 * becomes a Newline token spanning the comment, exactly as hclsyntax's peeker presents it), and UTF-8 is validated
 * strictly (overlong forms and surrogates are invalid).
 */
import { isIdContinue, isIdStart } from "./parse-identifier-chars.js";
import { decodeCodePoint, utf8Length } from "./source.js";

export const T_EOF = 0;
export const T_NEWLINE = 1;
export const T_IDENT = 2;
export const T_NUMBER = 3;
export const T_OBRACE = 4;
export const T_CBRACE = 5;
export const T_OBRACK = 6;
export const T_CBRACK = 7;
export const T_OPAREN = 8;
export const T_CPAREN = 9;
export const T_OQUOTE = 10;
export const T_CQUOTE = 11;
export const T_OHEREDOC = 12;
export const T_CHEREDOC = 13;
export const T_STAR = 14;
export const T_SLASH = 15;
export const T_PLUS = 16;
export const T_MINUS = 17;
export const T_PERCENT = 18;
export const T_EQUAL = 19;
export const T_EQUALOP = 20;
export const T_NOTEQUAL = 21;
export const T_LT = 22;
export const T_LTE = 23;
export const T_GT = 24;
export const T_GTE = 25;
export const T_AND = 26;
export const T_OR = 27;
export const T_BANG = 28;
export const T_DOT = 29;
export const T_COMMA = 30;
export const T_ELLIPSIS = 31;
export const T_FATARROW = 32;
export const T_QUESTION = 33;
export const T_COLON = 34;
export const T_DOUBLECOLON = 35;
export const T_TEMPLATE_INTERP = 36;
export const T_TEMPLATE_CONTROL = 37;
export const T_TEMPLATE_SEQEND = 38;
/** A literal part of a quoted template; may hold backslash escapes. */
export const T_QUOTEDLIT = 39;
/** A literal part of a heredoc or bare template; no backslash escapes. */
export const T_STRINGLIT = 40;
// Tokens that are never valid; the scanner recognises them to give good diagnostics.
export const T_BITAND = 41;
export const T_BITOR = 42;
export const T_BITNOT = 43;
export const T_BITXOR = 44;
export const T_APOSTROPHE = 45;
export const T_BACKTICK = 46;
export const T_SEMICOLON = 47;
export const T_INVALID = 48;
export const T_BADUTF8 = 49;
export const T_QUOTEDNEWLINE = 50;

export const TOKEN_NAMES: readonly string[] = [
  "EOF",
  "Newline",
  "Ident",
  "NumberLit",
  "OBrace",
  "CBrace",
  "OBrack",
  "CBrack",
  "OParen",
  "CParen",
  "OQuote",
  "CQuote",
  "OHeredoc",
  "CHeredoc",
  "Star",
  "Slash",
  "Plus",
  "Minus",
  "Percent",
  "Equal",
  "EqualOp",
  "NotEqual",
  "LessThan",
  "LessThanEq",
  "GreaterThan",
  "GreaterThanEq",
  "And",
  "Or",
  "Bang",
  "Dot",
  "Comma",
  "Ellipsis",
  "FatArrow",
  "Question",
  "Colon",
  "DoubleColon",
  "TemplateInterp",
  "TemplateControl",
  "TemplateSeqEnd",
  "QuotedLit",
  "StringLit",
  "BitwiseAnd",
  "BitwiseOr",
  "BitwiseNot",
  "BitwiseXor",
  "Apostrophe",
  "Backtick",
  "Semicolon",
  "Invalid",
  "BadUTF8",
  "QuotedNewline",
];

/** What the scan starts as: a configuration file or expression, or a bare template (templatefile). */
export const SCAN_NORMAL = 0;
export const SCAN_TEMPLATE = 1;
export type ScanMode = typeof SCAN_NORMAL | typeof SCAN_TEMPLATE;

/**
 * The token stream: token i is kind[i] over bytes [start[i], end[i]), for i < count; token count - 1 is EOF. The
 * arrays are scratch space reused by the next call to `lex`: read them before scanning again.
 */
export interface Tokens {
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly count: number;
  /** Start and end of the very first token including comments (hclsyntax starts a file's body range there). */
  readonly firstStart: number;
  readonly firstEnd: number;
  /** Some token is of a kind that is never valid (T_BITAND and above). */
  readonly invalid: boolean;
  /** Byte offset where each line starts (line 1 at index 0), for lineCount lines. Scratch space, like the tokens. */
  readonly lineStarts: Int32Array;
  readonly lineCount: number;
}

/** Scratch token arrays, reused across calls up to this many slots (larger inputs get their own). */
const SCRATCH_LIMIT = 1 << 20;
let scratchKind = new Uint8Array(1 << 12);
let scratchStart = new Int32Array(1 << 12);
let scratchEnd = new Int32Array(1 << 12);
let scratchLines = new Int32Array(1 << 12);

const M_MAIN = 0;
const M_STRING = 1;
const M_HEREDOC = 2;
const M_BARE = 3;

// Character classes for the ASCII range.
const C_OTHER = 0;
const C_IDSTART = 1;
const C_DIGIT = 2;
const asciiClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) asciiClass[c] = C_IDSTART;
  else if (c >= 48 && c <= 57) asciiClass[c] = C_DIGIT;
  else asciiClass[c] = C_OTHER;
}
/** ASCII bytes that may continue an identifier: letters, digits, `_` and `-`. */
const identContinue = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  identContinue[c] = asciiClass[c] !== C_OTHER || c === 45 ? 1 : 0;
}
/** Single-byte tokens of the main scanner that stand for themselves. */
const selfToken = new Uint8Array(128);
selfToken[91] = T_OBRACK;
selfToken[93] = T_CBRACK;
selfToken[40] = T_OPAREN;
selfToken[41] = T_CPAREN;
selfToken[44] = T_COMMA;
selfToken[42] = T_STAR;
selfToken[37] = T_PERCENT;
selfToken[43] = T_PLUS;
selfToken[45] = T_MINUS;
selfToken[63] = T_QUESTION;
selfToken[94] = T_BITXOR;
selfToken[59] = T_SEMICOLON;
selfToken[96] = T_BACKTICK;
selfToken[39] = T_APOSTROPHE;

/**
 * Scans `bytes[from..]`. `from` is 3 after a UTF-8 byte order mark, which hclsyntax skips.
 */
export function lex(bytes: Uint8Array, from: number, scanMode: ScanMode): Tokens {
  const n = bytes.length;
  // Every token but EOF covers at least one byte, so n + 2 slots always suffice: no growth checks while scanning.
  let kind = scratchKind;
  let start = scratchStart;
  let end = scratchEnd;
  if (kind.length < n + 2) {
    const size = Math.max(n + 2, Math.min(2 * kind.length, SCRATCH_LIMIT));
    kind = new Uint8Array(size);
    start = new Int32Array(size);
    end = new Int32Array(size);
    if (size <= SCRATCH_LIMIT) {
      scratchKind = kind;
      scratchStart = start;
      scratchEnd = end;
    }
  }
  let lines = scratchLines;
  if (lines.length < n + 2) {
    lines = new Int32Array(Math.max(n + 2, Math.min(2 * lines.length, SCRATCH_LIMIT)));
    if (lines.length <= SCRATCH_LIMIT) scratchLines = lines;
  }
  lines[0] = from;
  let lineCount = 1;
  let count = 0;
  let firstStart = -1;
  let firstEnd = -1;
  let invalid = false;

  const emit = (k: number, s: number, e: number): void => {
    kind[count] = k;
    start[count] = s;
    end[count] = e;
    count++;
    if (k >= T_BITAND) invalid = true;
    // Every newline of the file ends a token (or lies inside a quoted newline run or an inline comment).
    if (bytes[e - 1] === 10) lines[lineCount++] = e;
  };
  /** A comment produces no token but may still be where a file's body starts. */
  const noteFirst = (s: number, e: number): void => {
    if (count === 0 && firstStart < 0) {
      firstStart = s;
      firstEnd = e;
    }
  };

  let mode = scanMode === SCAN_TEMPLATE ? M_BARE : M_MAIN;
  const modeStack: number[] = [];
  let braces = 0;
  const retBraces: number[] = [];
  // Open heredocs: marker byte range and whether the scanner is at the start of a line.
  const heredocMarkerStart: number[] = [];
  const heredocMarkerEnd: number[] = [];
  const heredocStartOfLine: boolean[] = [];

  /** End of an identifier starting at p (whose first character is already known to be valid), or p. */
  const scanIdentRest = (p: number): number => {
    while (p < n) {
      const c = bytes[p] as number;
      if (c < 0x80) {
        if (identContinue[c] === 0) return p;
        p++;
      } else {
        const size = utf8Length(bytes, p, n, c);
        if (size === 0) return p;
        const [cp] = decodeCodePoint(bytes, p, n, c);
        if (!isIdContinue(cp)) return p;
        p += size;
      }
    }
    return p;
  };
  /** If an identifier starts at p, its end; else -1. */
  const scanIdent = (p: number): number => {
    if (p >= n) return -1;
    const c = bytes[p] as number;
    if (c < 0x80) return asciiClass[c] === C_IDSTART ? scanIdentRest(p + 1) : -1;
    const size = utf8Length(bytes, p, n, c);
    if (size === 0) return -1;
    const [cp] = decodeCodePoint(bytes, p, n, c);
    return isIdStart(cp) ? scanIdentRest(p + size) : -1;
  };

  /** Enter an interpolation or directive (`${`, `%{`, optionally with `~`) at p; returns the new position. */
  const beginSequence = (p: number, k: number): number => {
    const e = bytes[p + 2] === 126 ? p + 3 : p + 2;
    emit(k, p, e);
    braces++;
    retBraces.push(braces);
    if (mode === M_HEREDOC) heredocStartOfLine[heredocStartOfLine.length - 1] = false;
    modeStack.push(mode);
    mode = M_MAIN;
    return e;
  };

  /** Length of a `$`/`%` literal token at p: `$${` / `%%{` (with an optional `~`) escape, or the lone character. */
  const templateSignLength = (p: number, c: number): number => {
    if (bytes[p + 1] === c && bytes[p + 2] === 123) return bytes[p + 3] === 126 ? 4 : 3;
    return 1;
  };

  let p = from;
  while (p < n) {
    const c = bytes[p] as number;
    if (mode === M_MAIN) {
      if (c === 32 || c === 9) {
        p++;
        continue;
      }
      if (c < 0x80) {
        const cls = asciiClass[c];
        if (cls === C_IDSTART) {
          const e = scanIdentRest(p + 1);
          emit(T_IDENT, p, e);
          p = e;
          continue;
        }
        if (cls === C_DIGIT) {
          // NumberLit = digit (digit | '.' | [eE] [+-]? digit)*, not ending in '.'.
          let q = p + 1;
          let good = q;
          while (q < n) {
            const d = bytes[q] as number;
            if (d >= 48 && d <= 57) {
              q++;
              good = q;
            } else if (d === 46) {
              q++;
            } else if (d === 101 || d === 69) {
              const d1 = bytes[q + 1] as number;
              if (d1 >= 48 && d1 <= 57) {
                q += 2;
                good = q;
              } else if ((d1 === 43 || d1 === 45) && (bytes[q + 2] as number) >= 48 && (bytes[q + 2] as number) <= 57) {
                q += 3;
                good = q;
              } else break;
            } else break;
          }
          emit(T_NUMBER, p, good);
          p = good;
          continue;
        }
        const self = selfToken[c] as number;
        if (self !== 0) {
          emit(self, p, p + 1);
          p++;
          continue;
        }
        switch (c) {
          case 10:
            emit(T_NEWLINE, p, p + 1);
            p++;
            continue;
          case 13:
            if (bytes[p + 1] === 10) {
              emit(T_NEWLINE, p, p + 2);
              p += 2;
            } else {
              emit(T_INVALID, p, p + 1);
              p++;
            }
            continue;
          case 34: // "
            emit(T_OQUOTE, p, p + 1);
            modeStack.push(mode);
            mode = M_STRING;
            p++;
            continue;
          case 123: // {
            emit(T_OBRACE, p, p + 1);
            braces++;
            p++;
            continue;
          case 125: // }
            if (retBraces.length > 0 && retBraces[retBraces.length - 1] === braces) {
              emit(T_TEMPLATE_SEQEND, p, p + 1);
              braces--;
              retBraces.pop();
              mode = modeStack.pop() as number;
            } else {
              emit(T_CBRACE, p, p + 1);
              braces--;
            }
            p++;
            continue;
          case 126: // ~
            if (bytes[p + 1] === 125) {
              emit(T_TEMPLATE_SEQEND, p, p + 2);
              if (retBraces.length > 0 && retBraces[retBraces.length - 1] === braces) {
                retBraces.pop();
                mode = modeStack.pop() as number;
              }
              braces--;
              p += 2;
            } else {
              emit(T_BITNOT, p, p + 1);
              p++;
            }
            continue;
          case 61: // =
            if (bytes[p + 1] === 61) {
              emit(T_EQUALOP, p, p + 2);
              p += 2;
            } else if (bytes[p + 1] === 62) {
              emit(T_FATARROW, p, p + 2);
              p += 2;
            } else {
              emit(T_EQUAL, p, p + 1);
              p++;
            }
            continue;
          case 33: // !
            if (bytes[p + 1] === 61) {
              emit(T_NOTEQUAL, p, p + 2);
              p += 2;
            } else {
              emit(T_BANG, p, p + 1);
              p++;
            }
            continue;
          case 62: // >
            if (bytes[p + 1] === 61) {
              emit(T_GTE, p, p + 2);
              p += 2;
            } else {
              emit(T_GT, p, p + 1);
              p++;
            }
            continue;
          case 60: {
            // <
            if (bytes[p + 1] === 60) {
              // Heredoc introducer: << or <<- then an identifier then a newline.
              let q = p + 2;
              if (bytes[q] === 45) q++;
              const markerStart = q;
              const markerEnd = scanIdent(q);
              if (markerEnd > 0) {
                let nl = -1;
                if (bytes[markerEnd] === 10) nl = markerEnd + 1;
                else if (bytes[markerEnd] === 13 && bytes[markerEnd + 1] === 10) nl = markerEnd + 2;
                if (nl > 0) {
                  emit(T_OHEREDOC, p, nl);
                  heredocMarkerStart.push(markerStart);
                  heredocMarkerEnd.push(markerEnd);
                  heredocStartOfLine.push(true);
                  modeStack.push(mode);
                  mode = M_HEREDOC;
                  p = nl;
                  continue;
                }
              }
            }
            if (bytes[p + 1] === 61) {
              emit(T_LTE, p, p + 2);
              p += 2;
            } else {
              emit(T_LT, p, p + 1);
              p++;
            }
            continue;
          }
          case 38: // &
            if (bytes[p + 1] === 38) {
              emit(T_AND, p, p + 2);
              p += 2;
            } else {
              emit(T_BITAND, p, p + 1);
              p++;
            }
            continue;
          case 124: // |
            if (bytes[p + 1] === 124) {
              emit(T_OR, p, p + 2);
              p += 2;
            } else {
              emit(T_BITOR, p, p + 1);
              p++;
            }
            continue;
          case 58: // :
            if (bytes[p + 1] === 58) {
              emit(T_DOUBLECOLON, p, p + 2);
              p += 2;
            } else {
              emit(T_COLON, p, p + 1);
              p++;
            }
            continue;
          case 46: // .
            if (bytes[p + 1] === 46 && bytes[p + 2] === 46) {
              emit(T_ELLIPSIS, p, p + 3);
              p += 3;
            } else {
              emit(T_DOT, p, p + 1);
              p++;
            }
            continue;
          case 35: {
            // # line comment, including its newline
            let e = bytes.indexOf(10, p + 1);
            if (e < 0) {
              noteFirst(p, n);
              p = n;
            } else {
              e++;
              emit(T_NEWLINE, p, e);
              p = e;
            }
            continue;
          }
          case 47: {
            // /
            const c1 = bytes[p + 1];
            if (c1 === 47) {
              let e = bytes.indexOf(10, p + 2);
              if (e < 0) {
                noteFirst(p, n);
                p = n;
              } else {
                e++;
                emit(T_NEWLINE, p, e);
                p = e;
              }
              continue;
            }
            if (c1 === 42) {
              let q = p + 2;
              let close = -1;
              while (q < n) {
                q = bytes.indexOf(42, q);
                if (q < 0) break;
                if (bytes[q + 1] === 47) {
                  close = q + 2;
                  break;
                }
                q++;
              }
              if (close > 0) {
                for (let i = p + 2; i < close; i++) if (bytes[i] === 10) lines[lineCount++] = i + 1;
                noteFirst(p, close);
                p = close;
                continue;
              }
            }
            emit(T_SLASH, p, p + 1);
            p++;
            continue;
          }
          default:
            // `$`, control characters, NUL and other ASCII not used by the language.
            emit(T_INVALID, p, p + 1);
            p++;
            continue;
        }
      }
      // Non-ASCII in the main scanner: an identifier, or an invalid character.
      const size = utf8Length(bytes, p, n, c);
      if (size === 0) {
        emit(T_BADUTF8, p, p + 1);
        p++;
        continue;
      }
      const [cp] = decodeCodePoint(bytes, p, n, c);
      if (isIdStart(cp)) {
        const e = scanIdentRest(p + size);
        emit(T_IDENT, p, e);
        p = e;
      } else {
        emit(T_INVALID, p, p + size);
        p += size;
      }
      continue;
    }

    if (mode === M_STRING) {
      if (c === 34) {
        emit(T_CQUOTE, p, p + 1);
        mode = modeStack.pop() as number;
        p++;
        continue;
      }
      if (c === 36 || c === 37) {
        // $ or %
        if (bytes[p + 1] === 123) {
          p = beginSequence(p, c === 36 ? T_TEMPLATE_INTERP : T_TEMPLATE_CONTROL);
          continue;
        }
        if (p + 1 === n) {
          // hclsyntax's scanner needs a character after a `$` or `%` to decide; at the end of the input it fails.
          emit(T_INVALID, p, n);
          p = n;
          continue;
        }
        const len = templateSignLength(p, c);
        emit(T_QUOTEDLIT, p, p + len);
        p += len;
        continue;
      }
      if (c === 10 || c === 13) {
        let q = p + 1;
        while (q < n && (bytes[q] === 10 || bytes[q] === 13)) q++;
        for (let i = p; i < q - 1; i++) if (bytes[i] === 10) lines[lineCount++] = i + 1;
        emit(T_QUOTEDNEWLINE, p, q);
        p = q;
        continue;
      }
      // A run of literal characters and backslash escapes.
      let q = p;
      while (q < n) {
        const d = bytes[q] as number;
        if (d === 34 || d === 36 || d === 37 || d === 10 || d === 13) break;
        if (d === 92) {
          const e = bytes[q + 1];
          if (e === undefined || e === 10 || e === 13) break;
          if (e < 0x80) {
            q += 2;
            continue;
          }
          const size = utf8Length(bytes, q + 1, n, e);
          if (size === 0) break;
          q += 1 + size;
          continue;
        }
        if (d < 0x80) {
          q++;
          continue;
        }
        const size = utf8Length(bytes, q, n, d);
        if (size === 0) break;
        q += size;
      }
      if (q > p) {
        emit(T_QUOTEDLIT, p, q);
        p = q;
      } else if (c === 92) {
        emit(T_INVALID, p, p + 1);
        p++;
      } else {
        emit(T_BADUTF8, p, p + 1);
        p++;
      }
      continue;
    }

    // Heredoc and bare templates: literal text is split at each line end and at `$`/`%`.
    if ((c === 36 || c === 37) && bytes[p + 1] === 123) {
      p = beginSequence(p, c === 36 ? T_TEMPLATE_INTERP : T_TEMPLATE_CONTROL);
      continue;
    }
    if (p + 1 === n && (c === 36 || c === 37) && mode === M_HEREDOC) {
      // As in quoted templates: the scanner cannot finish a `$` or `%` at the end of the input.
      emit(T_INVALID, p, n);
      p = n;
      continue;
    }
    if (c === 13 && bytes[p + 1] !== 10) {
      // A carriage return without a line feed matches nothing in hclsyntax's template scanners: it gives up and
      // the rest of the input becomes one token (literal text in a bare template, else invalid).
      for (let i = p; i < n - 1; i++) if (bytes[i] === 10) lines[lineCount++] = i + 1;
      emit(mode === M_BARE ? T_STRINGLIT : T_INVALID, p, n);
      p = n;
      continue;
    }
    let q = p;
    if (c === 36 || c === 37) {
      q = p + templateSignLength(p, c);
    } else {
      while (q < n) {
        const d = bytes[q] as number;
        if (d === 36 || d === 37 || d === 10 || d === 13) break;
        if (d < 0x80) {
          q++;
          continue;
        }
        const size = utf8Length(bytes, q, n, d);
        if (size === 0) break;
        q += size;
      }
    }
    let eol = false;
    if (bytes[q] === 10) {
      q++;
      eol = true;
    } else if (bytes[q] === 13 && bytes[q + 1] === 10) {
      q += 2;
      eol = true;
    }
    if (q === p) {
      emit(T_BADUTF8, p, p + 1);
      p++;
      continue;
    }
    if (mode === M_BARE) {
      emit(T_STRINGLIT, p, q);
      p = q;
      continue;
    }
    const top = heredocStartOfLine.length - 1;
    if (!eol) {
      heredocStartOfLine[top] = false;
      emit(T_STRINGLIT, p, q);
      p = q;
      continue;
    }
    if (
      heredocStartOfLine[top] &&
      isMarkerLine(bytes, p, q, heredocMarkerStart[top] as number, heredocMarkerEnd[top] as number)
    ) {
      const nlStart = bytes[q - 2] === 13 ? q - 2 : q - 1;
      emit(T_CHEREDOC, p, nlStart);
      emit(T_NEWLINE, nlStart, q);
      heredocMarkerStart.pop();
      heredocMarkerEnd.pop();
      heredocStartOfLine.pop();
      mode = modeStack.pop() as number;
      p = q;
      continue;
    }
    heredocStartOfLine[top] = true;
    emit(T_STRINGLIT, p, q);
    p = q;
  }
  // EOF directly: emit would take a newline just before it for a new line.
  kind[count] = T_EOF;
  start[count] = n;
  end[count] = n;
  count++;
  if (firstStart < 0) {
    firstStart = start[0] as number;
    firstEnd = end[0] as number;
  }
  return { kind, start, end, count, firstStart, firstEnd, invalid, lineStarts: lines, lineCount };
}

/** A heredoc line closes the heredoc when, trimmed of Unicode white space (Go's bytes.TrimSpace), it is the marker. */
function isMarkerLine(bytes: Uint8Array, s: number, e: number, ms: number, me: number): boolean {
  for (;;) {
    if (s < e && isAsciiSpace(bytes[s] as number)) s++;
    else if (s < e && (bytes[s] as number) >= 0x80 && spaceAt(bytes, s, e) > 0) s += spaceAt(bytes, s, e);
    else break;
  }
  for (;;) {
    if (e > s && isAsciiSpace(bytes[e - 1] as number)) e--;
    else if (e > s && (bytes[e - 1] as number) >= 0x80 && spaceBefore(bytes, s, e) > 0) e -= spaceBefore(bytes, s, e);
    else break;
  }
  if (e - s !== me - ms) return false;
  for (let i = 0; i < e - s; i++) if (bytes[s + i] !== bytes[ms + i]) return false;
  return true;
}

/** Byte length of the non-ASCII white-space character at i, or 0. */
function spaceAt(bytes: Uint8Array, i: number, end: number): number {
  const size = utf8Length(bytes, i, end, bytes[i] as number);
  if (size === 0) return 0;
  const [cp] = decodeCodePoint(bytes, i, end, bytes[i] as number);
  return isUnicodeSpace(cp) ? size : 0;
}

/** Byte length of the non-ASCII white-space character that ends just before e, or 0. */
function spaceBefore(bytes: Uint8Array, s: number, e: number): number {
  let i = e - 1;
  while (i > s && ((bytes[i] as number) & 0xc0) === 0x80) i--;
  return spaceAt(bytes, i, e) === e - i ? e - i : 0;
}

function isUnicodeSpace(cp: number): boolean {
  return (
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}
