/** A position in a source file: 1-based line and column, 0-based UTF-8 byte offset. */
export interface Pos {
  readonly line: number;
  readonly column: number;
  readonly byte: number;
}

/** A half-open source range [start, end) in one file. Every AST node, diagnostic and finding carries one. */
export interface Range {
  readonly file: string;
  readonly start: Pos;
  readonly end: Pos;
}

export function rangeBetween(from: Range, to: Range): Range {
  return { file: from.file, start: from.start, end: to.end };
}

/** A zero-width range at the start of a file, for problems that concern a whole file. */
export function fileStartRange(file: string): Range {
  const start: Pos = { line: 1, column: 1, byte: 0 };
  return { file, start, end: start };
}

export function formatRange(range: Range): string {
  return `${range.file}:${range.start.line}:${range.start.column}`;
}
