/**
 * Source positions. The parser works on UTF-8 bytes; this module turns byte offsets into the 1-based line and column
 * that HashiCorp's hclsyntax reports (columns count grapheme clusters; a tab is one column) and slices exact source
 * text back out of a file by byte range.
 */
import type { Pos, Range } from "./range.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** The bytes of a source, and its text with the map from byte offsets to string indexes. */
export interface SourceBytes {
  readonly bytes: Uint8Array;
  readonly ascii: boolean;
  /** The source as a string (given, or decoded once); null when the bytes are not valid UTF-8. */
  readonly text: string | null;
  /** String index of each byte offset (at character boundaries); null when ASCII, where they are equal. */
  readonly units: Int32Array | null;
}

const strictDecoder = new TextDecoder("utf-8", { fatal: true });

let scratchBuffer = new Uint8Array(1 << 16);

/**
 * The bytes of a source. With `scratch`, a string is encoded into a buffer that the next such call reuses: for the
 * parser, which drops the bytes when it is done.
 */
export function sourceBytes(source: string | Uint8Array, scratch = false): SourceBytes {
  if (typeof source === "string") {
    // encodeInto writes one byte per UTF-16 unit only when every unit is ASCII.
    let buffer: Uint8Array;
    if (scratch && source.length * 3 <= 1 << 22) {
      if (scratchBuffer.length < source.length * 3) scratchBuffer = new Uint8Array(source.length * 3);
      buffer = scratchBuffer;
    } else {
      buffer = new Uint8Array(source.length * 3);
    }
    const { written } = encoder.encodeInto(source, buffer);
    const bytes = buffer.subarray(0, written);
    const ascii = written === source.length;
    return { bytes, ascii, text: source, units: ascii ? null : unitMap(bytes) };
  }
  // A plain Uint8Array view of a Buffer (or other subclass) keeps the scanner's element access monomorphic.
  if (source.constructor !== Uint8Array) source = new Uint8Array(source.buffer, source.byteOffset, source.length);
  if (isAscii(source, 0, source.length))
    return { bytes: source, ascii: true, text: decoder.decode(source), units: null };
  let text: string | null = null;
  try {
    text = strictDecoder.decode(source);
  } catch {
    // Invalid UTF-8: text is decoded piece by piece, and the lexer reports the bad bytes.
  }
  return { bytes: source, ascii: false, text, units: text === null ? null : unitMap(source) };
}

/** For each byte offset, the UTF-16 index of the character starting there (valid UTF-8 assumed). */
function unitMap(bytes: Uint8Array): Int32Array {
  const n = bytes.length;
  const units = new Int32Array(n + 1);
  let u = 0;
  for (let i = 0; i < n; i++) {
    units[i] = u;
    const c = bytes[i] as number;
    if (c < 0x80 || c >= 0xc0) u += c >= 0xf0 ? 2 : 1;
  }
  units[n] = u;
  return units;
}

export function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

/** Decodes bytes [start, end) as UTF-8 (invalid sequences become U+FFFD). */
export function decodeBytes(bytes: Uint8Array, start: number, end: number): string {
  if (end - start < 64 && isAscii(bytes, start, end)) {
    let s = "";
    for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] as number);
    return s;
  }
  return decoder.decode(bytes.subarray(start, end));
}

let lastSource: string | null = null;
let lastBytes: SourceBytes | null = null;

/**
 * The exact source text of a node: the bytes of `range` (by byte offset) decoded. `source` is the text or bytes that
 * were parsed (a string source is encoded once and cached for repeated calls on the same file).
 */
export function sourceText(source: string | Uint8Array, range: Range): string {
  const start = range.start.byte;
  const end = range.end.byte;
  if (typeof source !== "string") return decoder.decode(source.subarray(start, end));
  if (source !== lastSource || lastBytes === null) {
    lastBytes = sourceBytes(source);
    lastSource = source;
  }
  if (lastBytes.units === null) return source.slice(start, end);
  return source.slice(lastBytes.units[start], lastBytes.units[end]);
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Maps byte offsets of one file to line/column positions. Line starts are found once; a column is the byte distance
 * from the line start while the line is ASCII up to that point, else a grapheme-cluster count (computed once per
 * line).
 */
export class LineIndex {
  /** Byte offset of the start of each line; index 0 is line 1. */
  private readonly starts: Int32Array;
  private readonly lineCount: number;
  /**
   * Per line, the offset of its first non-ASCII byte (the line's end when none), found when first needed (-1 until
   * then). Null when the whole file is ASCII.
   */
  private readonly firstNonAscii: Int32Array | null;
  private readonly columns = new Map<number, Int32Array>();
  private hint = 0;
  private readonly recent: (Pos | undefined)[];
  private readonly recentMask: number;

  constructor(
    private readonly bytes: Uint8Array,
    /** Where line 1 starts: 3 after a UTF-8 byte order mark, else 0. */
    firstLineStart: number,
    ascii: boolean,
    /** Line starts already found by the lexer, and its tokens, if any. */
    private readonly known?: { readonly lineStarts: Int32Array; readonly lineCount: number } & TokenSpans,
  ) {
    if (known !== undefined) {
      this.starts = known.lineStarts;
      this.lineCount = known.lineCount;
    } else {
      let starts: Int32Array = new Int32Array(Math.max(16, (bytes.length >> 5) + 16));
      let count = 1;
      starts[0] = firstLineStart;
      let at = bytes.indexOf(10, firstLineStart);
      while (at !== -1) {
        if (count === starts.length) starts = grow(starts);
        starts[count++] = at + 1;
        at = bytes.indexOf(10, at + 1);
      }
      this.starts = starts;
      this.lineCount = count;
    }
    this.firstNonAscii = ascii ? null : new Int32Array(this.lineCount).fill(-1);
    let size = 16;
    while (size < 1024 && size <= bytes.length) size *= 2;
    this.recent = new Array(size);
    this.recentMask = size - 1;
  }

  /** The 1-based line holding `byte`. */
  line(byte: number): number {
    const starts = this.starts;
    const last = this.lineCount - 1;
    let lo = this.hint;
    if ((starts[lo] as number) <= byte) {
      // Positions are asked for mostly in file order: try the last line found and the few after it first.
      for (let step = 0; step < 4; step++) {
        if (lo === last || (starts[lo + 1] as number) > byte) {
          this.hint = lo;
          return lo + 1;
        }
        lo++;
      }
    } else {
      lo = 0;
    }
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= byte) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo + 1;
  }

  pos(byte: number): Pos {
    // Neighbouring nodes often share a boundary: hand out one Pos object per recently used offset.
    const slot = byte & this.recentMask;
    const cached = this.recent[slot];
    if (cached !== undefined && cached.byte === byte) return cached;
    const p = this.computePos(byte);
    this.recent[slot] = p;
    return p;
  }

  private computePos(byte: number): Pos {
    const line = this.line(byte);
    const start = this.starts[line - 1] as number;
    const marks = this.firstNonAscii;
    if (marks === null || byte <= start) return { line, column: byte - start + 1, byte };
    let first = marks[line - 1] as number;
    if (first < 0) {
      const end = line < this.lineCount ? (this.starts[line] as number) : this.bytes.length;
      first = start;
      while (first < end && (this.bytes[first] as number) < 0x80) first++;
      marks[line - 1] = first;
    }
    if (byte <= first) return { line, column: byte - start + 1, byte };
    return { line, column: this.column(line, start, byte), byte };
  }

  /** Offsets in (start, end) where clusters must break: token boundaries, and around each space between tokens. */
  private pieces(start: number, end: number): number[] {
    const cuts: number[] = [];
    const t = this.known;
    if (t === undefined) return cuts;
    let lo = 0;
    let hi = t.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((t.end[mid] as number) <= start) lo = mid + 1;
      else hi = mid;
    }
    const bytes = this.bytes;
    let p = start;
    for (let i = lo; p < end; ) {
      const ts = i < t.count ? (t.start[i] as number) : end;
      const te = i < t.count ? (t.end[i] as number) : end;
      if (i < t.count && te <= p) {
        i++;
        continue;
      }
      if (ts <= p) {
        p = Math.min(te, end);
        i++;
      } else {
        // Between tokens: spaces and tabs count one column each; an inline comment is one token to hclsyntax. The
        // gap is walked from its real start, which may be on an earlier line inside a comment.
        const gapEnd = Math.min(ts, end);
        let q = i > 0 ? (t.end[i - 1] as number) : 0;
        while (q < p) {
          const c = bytes[q] as number;
          if (c === 47 && bytes[q + 1] === 42) {
            q += 2;
            while (q < gapEnd && !(bytes[q] === 42 && bytes[q + 1] === 47)) q++;
            q = Math.min(q + 2, gapEnd);
          } else {
            q += Math.max(1, utf8Length(bytes, q, gapEnd, c));
          }
        }
        if (q > p) {
          // The line starts inside an inline comment: it runs on to its end.
          p = q;
          if (p < end) cuts.push(p);
        }
        while (p < gapEnd) {
          const c = bytes[p] as number;
          if (c === 47 && bytes[p + 1] === 42) {
            p += 2;
            while (p < gapEnd && !(bytes[p] === 42 && bytes[p + 1] === 47)) p++;
            p = Math.min(p + 2, gapEnd);
          } else if (c === 35 || (c === 47 && bytes[p + 1] === 47)) {
            // A line comment with no newline after it (at the end of the input) is not a token here.
            p = gapEnd;
          } else {
            p += Math.max(1, utf8Length(bytes, p, gapEnd, c));
          }
          if (p < end) cuts.push(p);
        }
      }
      if (p < end) cuts.push(p);
    }
    return cuts;
  }

  private column(line: number, start: number, byte: number): number {
    let cols = this.columns.get(line);
    if (cols === undefined) {
      const end = line < this.lineCount ? (this.starts[line] as number) : this.bytes.length;
      cols = graphemeColumns(this.bytes, start, end, this.pieces(start, end));
      this.columns.set(line, cols);
    }
    const offset = byte - start;
    return offset < cols.length ? (cols[offset] as number) : (cols[cols.length - 1] as number);
  }
}

/**
 * hclsyntax counts grapheme clusters token by token (and the spaces between tokens byte by byte), so a cluster never
 * spans two tokens. Where the tokens of a line start and end, for segmenting it the same way.
 */
interface TokenSpans {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly count: number;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * For each byte offset of a line (and its end), the 1-based column: one more than the number of grapheme clusters
 * that end at or before it. An invalid UTF-8 byte counts as one cluster.
 */
function graphemeColumns(bytes: Uint8Array, start: number, end: number, cuts: number[]): Int32Array {
  const len = end - start;
  const cols = new Int32Array(len + 1);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let column = 1;
  let from = start;
  for (let k = 0; k <= cuts.length; k++) {
    const to = k < cuts.length ? (cuts[k] as number) : end;
    if (to <= from) continue;
    column = segmentPiece(bytes, from, to, start, cols, column);
    from = to;
  }
  cols[len] = column;
  return cols;
}

/** Fills the columns of bytes [from, to) of a line starting at `lineStart`, counting from `column`; returns the next. */
function segmentPiece(
  bytes: Uint8Array,
  from: number,
  to: number,
  lineStart: number,
  cols: Int32Array,
  column: number,
): number {
  // UTF-16 index of each code point's start, and its byte offset.
  const unitToByte: number[] = [];
  let text = "";
  let i = from;
  while (i < to) {
    const c = bytes[i] as number;
    const [cp, size] = decodeCodePoint(bytes, i, to, c);
    const ch = String.fromCodePoint(cp);
    for (let u = 0; u < ch.length; u++) unitToByte.push(i);
    text += ch;
    i += size;
  }
  unitToByte.push(to);
  for (const seg of (segmenter as Intl.Segmenter).segment(text)) {
    const a = unitToByte[seg.index] as number;
    const b = unitToByte[seg.index + seg.segment.length] as number;
    cols[a - lineStart] = column;
    // An offset inside a cluster is not a token boundary; count it as after the cluster's first part.
    for (let x = a + 1; x < b; x++) cols[x - lineStart] = column + 1;
    column++;
  }
  return column;
}

/** Decodes one UTF-8 code point at i; an invalid sequence yields U+FFFD for one byte. */
export function decodeCodePoint(bytes: Uint8Array, i: number, end: number, c: number): [number, number] {
  const size = utf8Length(bytes, i, end, c);
  if (size === 0) return [0xfffd, 1];
  if (size === 1) return [c, 1];
  if (size === 2) return [((c & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f), 2];
  if (size === 3)
    return [((c & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f), 3];
  return [
    ((c & 0x07) << 18) |
      (((bytes[i + 1] as number) & 0x3f) << 12) |
      (((bytes[i + 2] as number) & 0x3f) << 6) |
      ((bytes[i + 3] as number) & 0x3f),
    4,
  ];
}

/** Length of the valid UTF-8 sequence starting at i (lead byte c), or 0 when it is not valid UTF-8. */
export function utf8Length(bytes: Uint8Array, i: number, end: number, c: number): number {
  if (c < 0x80) return 1;
  if (c < 0xc2) return 0;
  if (c < 0xe0) {
    return i + 1 < end && ((bytes[i + 1] as number) & 0xc0) === 0x80 ? 2 : 0;
  }
  if (c < 0xf0) {
    if (i + 2 >= end) return 0;
    const c1 = bytes[i + 1] as number;
    if ((c1 & 0xc0) !== 0x80 || ((bytes[i + 2] as number) & 0xc0) !== 0x80) return 0;
    if (c === 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c === 0xed && c1 >= 0xa0) return 0; // surrogate
    return 3;
  }
  if (c < 0xf5) {
    if (i + 3 >= end) return 0;
    const c1 = bytes[i + 1] as number;
    if (
      (c1 & 0xc0) !== 0x80 ||
      ((bytes[i + 2] as number) & 0xc0) !== 0x80 ||
      ((bytes[i + 3] as number) & 0xc0) !== 0x80
    )
      return 0;
    if (c === 0xf0 && c1 < 0x90) return 0; // overlong
    if (c === 0xf4 && c1 >= 0x90) return 0; // beyond U+10FFFF
    return 4;
  }
  return 0;
}

/** A range as hcl.Range.String() prints it: `file:line,col-col` or `file:line,col-line,col`. */
export function formatHclRange(r: Range): string {
  return r.start.line === r.end.line
    ? `${r.file}:${r.start.line},${r.start.column}-${r.end.column}`
    : `${r.file}:${r.start.line},${r.start.column}-${r.end.line},${r.end.column}`;
}
