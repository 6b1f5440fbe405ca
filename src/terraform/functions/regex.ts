/**
 * Regular expressions with Go's RE2 syntax and semantics, run by a Pike VM: matching time is linear in the input
 * times the pattern size, so no pattern can make a scan hang (JavaScript's backtracking engine could). Supports
 * what Go's `regexp` does: literals and escapes (`\x{..}`, octal, `\Q…\E`), `.`, classes with ranges, Perl classes
 * (`\d \s \w`), POSIX classes (`[[:alpha:]]`), Unicode classes (`\pL`, `\p{Greek}`), anchors (`^ $ \A \z \b \B`),
 * groups (capturing, `(?:…)`, `(?P<name>…)`, `(?<name>…)`), flags (`i m s U`, scoped or not), greedy and lazy
 * repetition up to 1000. Leftmost-first matching, as Go's (non-POSIX) matcher. Lookaround and backreferences are
 * not RE2 and are rejected, with Go's message.
 */

/** Test for one code point. */
type CharTest = (cp: number) => boolean;

type Node =
  | { t: "empty" }
  | { t: "lit"; cp: number; fold: boolean }
  | { t: "set"; test: CharTest }
  | { t: "assert"; kind: AssertKind }
  | { t: "cap"; index: number; sub: Node }
  | { t: "cat"; subs: Node[]; quoted?: boolean }
  | { t: "alt"; subs: Node[] }
  | { t: "rep"; min: number; max: number; greedy: boolean; sub: Node };

type AssertKind = "beginText" | "endText" | "beginLine" | "endLine" | "wordBoundary" | "notWordBoundary";

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

class RegexSyntaxError extends Error {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {
    super(`${code}: \`${expr}\``);
  }
}

const MAX_REPEAT = 1000;
const MAX_PROGRAM = 100_000;

/** A case-folding key: equal for code points in the same simple case-folding orbit (k, K, K; s, S, ſ). */
function foldKey(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  const upper = singleCodePoint(String.fromCodePoint(cp).toUpperCase()) ?? cp;
  return singleCodePoint(String.fromCodePoint(upper).toLowerCase()) ?? upper;
}

function singleCodePoint(s: string): number | undefined {
  const cp = s.codePointAt(0) as number;
  return s.length === (cp > 0xffff ? 2 : 1) ? cp : undefined;
}

function isWordChar(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
}

function rangeTest(ranges: readonly (readonly [number, number])[]): CharTest {
  return (cp) => {
    for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
    return false;
  };
}

const PERL_CLASSES: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  d: [[0x30, 0x39]],
  s: [
    [0x09, 0x0a],
    [0x0c, 0x0d],
    [0x20, 0x20],
  ],
  w: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
};

const POSIX_CLASSES: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  ascii: [[0x00, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
  cntrl: [
    [0x00, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20],
  ],
  upper: [[0x41, 0x5a]],
  word: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66],
  ],
};

const unicodeTests = new Map<string, CharTest | undefined>();

/** `\p{Name}`: a Unicode general category or script, tested through JavaScript's property escapes. */
function unicodeClass(name: string): CharTest | undefined {
  if (unicodeTests.has(name)) return unicodeTests.get(name);
  let test: CharTest | undefined;
  if (name === "Any") test = () => true;
  else if (/^[A-Za-z_]+$/.test(name)) {
    for (const source of [`^\\p{gc=${name}}$`, `^\\p{sc=${name}}$`]) {
      try {
        const re = new RegExp(source, "u");
        test = (cp) => re.test(String.fromCodePoint(cp));
        break;
      } catch {
        // not this kind of property
      }
    }
  }
  unicodeTests.set(name, test);
  return test;
}

function negate(test: CharTest): CharTest {
  return (cp) => !test(cp);
}

function union(tests: readonly CharTest[]): CharTest {
  if (tests.length === 1) return tests[0] as CharTest;
  return (cp) => {
    for (const t of tests) if (t(cp)) return true;
    return false;
  };
}

function foldTest(test: CharTest): CharTest {
  return (cp) => {
    if (test(cp)) return true;
    const s = String.fromCodePoint(cp);
    for (const alt of [s.toLowerCase(), s.toUpperCase()]) {
      const a = alt.codePointAt(0) as number;
      if (alt === String.fromCodePoint(a) && a !== cp && test(a)) return true;
    }
    return false;
  };
}

class Parser {
  private pos = 0;
  captureCount = 0;
  readonly names: (string | undefined)[] = [undefined];

  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation({ i: false, m: false, s: false, U: false }, 0);
    if (this.pos < this.src.length) throw new RegexSyntaxError("unexpected )", this.src);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private codePointHere(): number {
    return this.src.codePointAt(this.pos) as number;
  }

  private advanceCodePoint(): number {
    const cp = this.codePointHere();
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private alternation(flags: Flags, depth: number): Node {
    if (depth > 1000) throw new RegexSyntaxError("expression nests too deeply", this.src);
    const branches: Node[] = [];
    const state = { ...flags };
    for (;;) {
      branches.push(this.concatenation(state, depth));
      if (this.peek() !== "|") break;
      this.pos++;
    }
    return branches.length === 1 ? (branches[0] as Node) : { t: "alt", subs: branches };
  }

  /** Parses up to `|` or `)`. Flag groups like `(?i)` change `flags` for the rest of the enclosing group. */
  private concatenation(flags: Flags, depth: number): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length) {
      const c = this.peek() as string;
      if (c === "|" || c === ")") break;
      if (c === "*" || c === "+" || c === "?") {
        throw new RegexSyntaxError("missing argument to repetition operator", c);
      }
      if (c === "{" && this.repeatAhead() !== undefined) {
        throw new RegexSyntaxError("missing argument to repetition operator", this.repeatAhead()?.text as string);
      }
      const atom = this.atom(flags, depth);
      if (atom === undefined) continue;
      if (atom.t === "cat" && atom.quoted) {
        // Quoted text (\Q…\E) is a run of literals; a repetition applies to its last character only.
        items.push(...atom.subs.slice(0, -1));
        items.push(this.repetitions(atom.subs[atom.subs.length - 1] as Node, flags));
        continue;
      }
      items.push(this.repetitions(atom, flags));
    }
    if (items.length === 0) return { t: "empty" };
    return items.length === 1 ? (items[0] as Node) : { t: "cat", subs: items };
  }

  private repeatAhead(): { min: number; max: number; text: string } | undefined {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? -1 : Number(m[3]);
    return { min, max, text: m[0] };
  }

  private repetitions(atom: Node, flags: Flags): Node {
    let node = atom;
    let lastOp: string | undefined;
    let lastStart = 0;
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      const start = this.pos;
      if (c === "*" || c === "+" || c === "?") {
        [min, max] = c === "*" ? [0, -1] : c === "+" ? [1, -1] : [0, 1];
        this.pos++;
      } else if (c === "{") {
        const r = this.repeatAhead();
        if (r === undefined) return node;
        if (r.min > MAX_REPEAT || r.max > MAX_REPEAT || (r.max >= 0 && r.max < r.min)) {
          throw new RegexSyntaxError("invalid repeat count", r.text);
        }
        min = r.min;
        max = r.max;
        this.pos += r.text.length;
      } else {
        return node;
      }
      let greedy = true;
      if (this.peek() === "?") {
        greedy = false;
        this.pos++;
      }
      if (flags.U) greedy = !greedy;
      const opText = this.src.slice(start, this.pos);
      if (lastOp !== undefined) {
        throw new RegexSyntaxError("invalid nested repetition operator", this.src.slice(lastStart, this.pos));
      }
      lastOp = opText;
      lastStart = start;
      node = { t: "rep", min, max, greedy, sub: node };
    }
  }

  private atom(flags: Flags, depth: number): Node | undefined {
    const c = this.peek() as string;
    switch (c) {
      case "(":
        return this.group(flags, depth);
      case "[":
        return this.charClass(flags);
      case ".":
        this.pos++;
        return { t: "set", test: flags.s ? () => true : (cp) => cp !== 0x0a };
      case "^":
        this.pos++;
        return { t: "assert", kind: flags.m ? "beginLine" : "beginText" };
      case "$":
        this.pos++;
        return { t: "assert", kind: flags.m ? "endLine" : "endText" };
      case "\\":
        return this.escape(flags);
      default:
        return this.literal(this.advanceCodePoint(), flags);
    }
  }

  private literal(cp: number, flags: Flags): Node {
    return { t: "lit", cp, fold: flags.i };
  }

  private group(flags: Flags, depth: number): Node | undefined {
    const start = this.pos;
    this.pos++;
    if (this.peek() === "?") {
      const rest = this.src.slice(this.pos + 1);
      if (rest.startsWith("P<") || rest.startsWith("<")) {
        const nameStart = this.pos + (rest.startsWith("P<") ? 3 : 2);
        const end = this.src.indexOf(">", nameStart);
        if (end < 0) throw new RegexSyntaxError("invalid named capture", this.src.slice(start));
        const name = this.src.slice(nameStart, end);
        if (!/^[A-Za-z0-9_]+$/.test(name))
          throw new RegexSyntaxError("invalid named capture", this.src.slice(start, end + 1));
        this.pos = end + 1;
        return this.capture(name, flags, depth);
      }
      // Flags: (?flags) or (?flags:re)
      const m = /^([imsU]*)(?:-([imsU]*))?([:)])/.exec(rest);
      if (!m || (m[2] !== undefined && m[2] === "") || (m[1] === "" && m[2] === undefined && m[3] === ")")) {
        throw new RegexSyntaxError("invalid or unsupported Perl syntax", this.src.slice(start, this.pos + 2));
      }
      const next = { ...flags };
      for (const f of m[1] as string) next[f as keyof Flags] = true;
      for (const f of m[2] ?? "") next[f as keyof Flags] = false;
      this.pos += 1 + m[0].length;
      if (m[3] === ")") {
        Object.assign(flags, next);
        return undefined;
      }
      const sub = this.alternation(next, depth + 1);
      if (this.peek() !== ")") throw new RegexSyntaxError("missing closing )", this.src);
      this.pos++;
      return sub;
    }
    return this.capture(undefined, flags, depth);
  }

  private capture(name: string | undefined, flags: Flags, depth: number): Node {
    const index = ++this.captureCount;
    this.names.push(name);
    const sub = this.alternation({ ...flags }, depth + 1);
    if (this.peek() !== ")") throw new RegexSyntaxError("missing closing )", this.src);
    this.pos++;
    return { t: "cap", index, sub };
  }

  /** An escape outside a class: a literal, a class, or an assertion. */
  private escape(flags: Flags): Node | undefined {
    const start = this.pos;
    this.pos++;
    if (this.pos >= this.src.length) throw new RegexSyntaxError("trailing backslash at end of expression", "");
    const c = this.peek() as string;
    switch (c) {
      case "A":
        this.pos++;
        return { t: "assert", kind: "beginText" };
      case "z":
        this.pos++;
        return { t: "assert", kind: "endText" };
      case "b":
        this.pos++;
        return { t: "assert", kind: "wordBoundary" };
      case "B":
        this.pos++;
        return { t: "assert", kind: "notWordBoundary" };
      case "Q": {
        this.pos++;
        const end = this.src.indexOf("\\E", this.pos);
        const text = end < 0 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end < 0 ? this.src.length : end + 2;
        const subs = Array.from(text).map((ch) => this.literal(ch.codePointAt(0) as number, flags));
        return subs.length === 0 ? undefined : subs.length === 1 ? subs[0] : { t: "cat", subs, quoted: true };
      }
    }
    this.pos = start;
    const test = this.classEscape(flags);
    if (test !== undefined) return { t: "set", test };
    return this.literal(this.escapedCodePoint(), flags);
  }

  /** `\d`, `\s`, `\w`, `\p…` and their negations at `pos` (on the backslash), or undefined. */
  private classEscape(flags: Flags): CharTest | undefined {
    const c = this.src[this.pos + 1] as string;
    const lower = c.toLowerCase();
    if ((lower === "d" || lower === "s" || lower === "w") && PERL_CLASSES[lower]) {
      this.pos += 2;
      const t = rangeTest(PERL_CLASSES[lower]);
      return c === lower ? t : negate(t);
    }
    if (c === "p" || c === "P") {
      const start = this.pos;
      this.pos += 2;
      let name: string;
      if (this.peek() === "{") {
        const end = this.src.indexOf("}", this.pos);
        if (end < 0) throw new RegexSyntaxError("invalid character class range", this.src.slice(start));
        name = this.src.slice(this.pos + 1, end);
        this.pos = end + 1;
      } else {
        if (this.pos >= this.src.length)
          throw new RegexSyntaxError("invalid character class range", this.src.slice(start));
        name = String.fromCodePoint(this.advanceCodePoint());
      }
      let negated = c === "P";
      if (name.startsWith("^")) {
        negated = !negated;
        name = name.slice(1);
      }
      const test = unicodeClass(name);
      if (test === undefined)
        throw new RegexSyntaxError("invalid character class range", this.src.slice(start, this.pos));
      const t = flags.i ? foldTest(test) : test;
      return negated ? negate(t) : t;
    }
    return undefined;
  }

  /** A single escaped character at `pos` (on the backslash). */
  private escapedCodePoint(): number {
    const start = this.pos;
    this.pos++;
    const c = this.peek() as string;
    const invalid = (): never => {
      throw new RegexSyntaxError("invalid escape sequence", this.src.slice(start, this.pos));
    };
    if (c >= "1" && c <= "7") {
      // A single non-zero digit would be a backreference, which RE2 does not support.
      const m = /^[0-7]{1,3}/.exec(this.src.slice(this.pos)) as RegExpExecArray;
      if (m[0].length < 2) {
        this.pos++;
        invalid();
      }
      this.pos += m[0].length;
      return Number.parseInt(m[0], 8);
    }
    if (c === "0") {
      const m = /^0[0-7]{0,2}/.exec(this.src.slice(this.pos)) as RegExpExecArray;
      this.pos += m[0].length;
      return Number.parseInt(m[0], 8);
    }
    if (c === "x") {
      this.pos++;
      if (this.peek() === "{") {
        const end = this.src.indexOf("}", this.pos);
        const hex = end < 0 ? "" : this.src.slice(this.pos + 1, end);
        if (end < 0 || !/^[0-9A-Fa-f]+$/.test(hex) || Number.parseInt(hex, 16) > 0x10ffff) {
          this.pos = end < 0 ? this.src.length : end + 1;
          invalid();
        }
        this.pos = end + 1;
        return Number.parseInt(hex, 16);
      }
      const hex = this.src.slice(this.pos, this.pos + 2);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
        this.pos = Math.min(this.src.length, this.pos + 2);
        invalid();
      }
      this.pos += 2;
      return Number.parseInt(hex, 16);
    }
    const simple: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
    if (simple[c] !== undefined) {
      this.pos++;
      return simple[c];
    }
    const cp = this.advanceCodePoint();
    if (cp < 0x80 && !/[0-9A-Za-z]/.test(c)) return cp;
    return invalid();
  }

  private charClass(flags: Flags): Node {
    const start = this.pos;
    this.pos++;
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.pos++;
    }
    const ranges: [number, number][] = [];
    const tests: CharTest[] = [];
    let first = true;
    for (;;) {
      if (this.pos >= this.src.length) throw new RegexSyntaxError("missing closing ]", this.src.slice(start));
      const c = this.peek() as string;
      if (c === "]" && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (c === "[" && this.peek(1) === ":") {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos));
        if (m) {
          const cls = POSIX_CLASSES[m[2] as string];
          if (!cls) throw new RegexSyntaxError("invalid character class range", m[0]);
          this.pos += m[0].length;
          tests.push(m[1] ? negate(rangeTest(cls)) : rangeTest(cls));
          continue;
        }
      }
      if (c === "\\") {
        const t = this.classEscape(flags);
        if (t !== undefined) {
          tests.push(t);
          continue;
        }
      }
      const rangeStart = this.pos;
      const lo = c === "\\" ? this.escapedCodePoint() : this.advanceCodePoint();
      let hi = lo;
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.pos++;
        hi = this.peek() === "\\" ? this.escapedCodePoint() : this.advanceCodePoint();
        if (hi < lo) throw new RegexSyntaxError("invalid character class range", this.src.slice(rangeStart, this.pos));
      }
      ranges.push([lo, hi]);
    }
    if (ranges.length > 0) tests.push(rangeTest(ranges));
    let test = tests.length === 0 ? () => false : union(tests);
    if (flags.i) test = foldTest(test);
    return { t: "set", test: negated ? negate(test) : test };
  }
}

type Inst =
  | { op: "lit"; cp: number; fold: boolean }
  | { op: "set"; test: CharTest }
  | { op: "split"; x: number; y: number }
  | { op: "jmp"; x: number }
  | { op: "save"; n: number }
  | { op: "assert"; kind: AssertKind }
  | { op: "match" };

class Compiler {
  readonly prog: Inst[] = [];

  private emit(inst: Inst): number {
    if (this.prog.length >= MAX_PROGRAM) throw new RegexSyntaxError("expression too large", "");
    this.prog.push(inst);
    return this.prog.length - 1;
  }

  compile(node: Node): void {
    switch (node.t) {
      case "empty":
        return;
      case "lit":
        this.emit({ op: "lit", cp: node.cp, fold: node.fold });
        return;
      case "set":
        this.emit({ op: "set", test: node.test });
        return;
      case "assert":
        this.emit({ op: "assert", kind: node.kind });
        return;
      case "cap":
        this.emit({ op: "save", n: node.index * 2 });
        this.compile(node.sub);
        this.emit({ op: "save", n: node.index * 2 + 1 });
        return;
      case "cat":
        for (const s of node.subs) this.compile(s);
        return;
      case "alt": {
        const jumps: number[] = [];
        node.subs.forEach((sub, i) => {
          if (i < node.subs.length - 1) {
            const split = this.emit({ op: "split", x: 0, y: 0 });
            (this.prog[split] as { x: number }).x = this.prog.length;
            this.compile(sub);
            jumps.push(this.emit({ op: "jmp", x: 0 }));
            (this.prog[split] as { y: number }).y = this.prog.length;
          } else {
            this.compile(sub);
          }
        });
        for (const j of jumps) (this.prog[j] as { x: number }).x = this.prog.length;
        return;
      }
      case "rep":
        this.repeat(node);
        return;
    }
  }

  private repeat(node: Extract<Node, { t: "rep" }>): void {
    for (let i = 0; i < node.min; i++) this.compile(node.sub);
    if (node.max < 0) {
      const split = this.emit({ op: "split", x: 0, y: 0 });
      const body = this.prog.length;
      this.compile(node.sub);
      this.emit({ op: "jmp", x: split });
      const after = this.prog.length;
      this.prog[split] = node.greedy ? { op: "split", x: body, y: after } : { op: "split", x: after, y: body };
      return;
    }
    // x{n,m}: m−n nested optionals, x(x(x)?)?, as RE2 simplifies it.
    const splits: number[] = [];
    for (let i = node.min; i < node.max; i++) {
      splits.push(this.emit({ op: "split", x: 0, y: 0 }));
      this.compile(node.sub);
    }
    const after = this.prog.length;
    for (const s of splits) {
      this.prog[s] = node.greedy ? { op: "split", x: s + 1, y: after } : { op: "split", x: after, y: s + 1 };
    }
  }
}

export interface Regex {
  readonly prog: readonly Inst[];
  /** Capture names by index (0 is the whole match, unnamed groups are undefined). */
  readonly names: readonly (string | undefined)[];
}

const cache = new Map<string, Regex | string>();

/** Compiles a pattern, or returns Terraform's message for an invalid one. */
export function compileRegex(pattern: string): Regex | string {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  let result: Regex | string;
  try {
    const parser = new Parser(pattern);
    const node = parser.parse();
    const compiler = new Compiler();
    compiler.compile({ t: "cap", index: 0, sub: node });
    compiler.prog.push({ op: "match" });
    result = { prog: compiler.prog, names: parser.names };
  } catch (e) {
    if (!(e instanceof RegexSyntaxError)) throw e;
    result = `invalid regexp pattern: ${e.code} in ${e.code === "expression too large" ? pattern : e.expr}`;
  }
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, result);
  return result;
}

function assertHolds(kind: AssertKind, s: string, pos: number): boolean {
  // Only ASCII matters here (newline, word characters), so code units suffice.
  const before = pos > 0 ? s.charCodeAt(pos - 1) : -1;
  const after = pos < s.length ? s.charCodeAt(pos) : -1;
  switch (kind) {
    case "beginText":
      return pos === 0;
    case "endText":
      return pos === s.length;
    case "beginLine":
      return pos === 0 || before === 0x0a;
    case "endLine":
      return pos === s.length || after === 0x0a;
    case "wordBoundary":
    case "notWordBoundary": {
      const boundary = (before >= 0 && isWordChar(before)) !== (after >= 0 && isWordChar(after));
      return kind === "wordBoundary" ? boundary : !boundary;
    }
  }
}

interface Thread {
  pc: number;
  caps: number[];
}

/**
 * The leftmost-first match starting the search at `from`: capture positions (UTF-16 offsets, −1 when a group did
 * not take part), or undefined.
 */
/** Thread steps one search (or all searches of one `execAll`) may take: about a second of work at most. */
export const WORK_LIMIT = 50_000_000;

/** Matching stopped at the work limit (a huge input for a large pattern); linear, but not worth waiting for. */
export class RegexWorkLimit extends Error {
  constructor() {
    super("the pattern is too costly to match against this much text");
  }
}

export interface Budget {
  remaining: number;
}

export function execRegex(
  re: Regex,
  s: string,
  from: number,
  budget: Budget = { remaining: WORK_LIMIT },
): number[] | undefined {
  const prog = re.prog;
  const ncap = re.names.length * 2;
  const marks = new Int32Array(prog.length).fill(-1);
  let generation = 0;
  let matched: number[] | undefined;

  // The epsilon closure of `pc`, depth first in priority order, with an explicit stack (programs may be long chains).
  const pcs: number[] = [];
  const capsStack: number[][] = [];
  const add = (list: Thread[], start: number, startCaps: number[], pos: number): void => {
    pcs.push(start);
    capsStack.push(startCaps);
    while (pcs.length > 0) {
      if (--budget.remaining < 0) throw new RegexWorkLimit();
      const pc = pcs.pop() as number;
      const caps = capsStack.pop() as number[];
      if (marks[pc] === generation) continue;
      marks[pc] = generation;
      const inst = prog[pc] as Inst;
      switch (inst.op) {
        case "jmp":
          pcs.push(inst.x);
          capsStack.push(caps);
          break;
        case "split":
          pcs.push(inst.y, inst.x);
          capsStack.push(caps, caps);
          break;
        case "save": {
          const copy = caps.slice();
          copy[inst.n] = pos;
          pcs.push(pc + 1);
          capsStack.push(copy);
          break;
        }
        case "assert":
          if (assertHolds(inst.kind, s, pos)) {
            pcs.push(pc + 1);
            capsStack.push(caps);
          }
          break;
        default:
          list.push({ pc, caps });
      }
    }
  };

  let current: Thread[] = [];
  const initial = new Array<number>(ncap).fill(-1);
  for (let pos = from; pos <= s.length; ) {
    generation++;
    if (matched === undefined) {
      // Re-add already-present pcs is prevented per generation; a fresh start thread has the lowest priority.
      for (const t of current) marks[t.pc] = generation;
      add(current, 0, initial, pos);
    }
    const cp = pos < s.length ? (s.codePointAt(pos) as number) : -1;
    const width = cp > 0xffff ? 2 : 1;
    if (current.length === 0) {
      if (matched !== undefined || cp < 0) break;
      pos += width;
      continue;
    }
    const next: Thread[] = [];
    generation++;
    for (const t of current) {
      const inst = prog[t.pc] as Inst;
      if (inst.op === "match") {
        matched = t.caps;
        break;
      }
      if (cp < 0) continue;
      let ok: boolean;
      if (inst.op === "lit") ok = inst.cp === cp || (inst.fold && foldKey(inst.cp) === foldKey(cp));
      else ok = (inst as { test: CharTest }).test(cp);
      if (ok) add(next, t.pc + 1, t.caps, pos + width);
    }
    current = next;
    if (cp < 0) break;
    pos += width;
  }
  return matched;
}

/** Every match as Go's `FindAll…` reports them: an empty match right after a previous match is skipped. */
export function execAll(re: Regex, s: string, budget: Budget = { remaining: WORK_LIMIT }): number[][] {
  const out: number[][] = [];
  let prevEnd = -1;
  for (let pos = 0; pos <= s.length; ) {
    const m = execRegex(re, s, pos, budget);
    if (m === undefined) break;
    const [start, end] = m as [number, number];
    let accept = true;
    if (end === pos && start === end) {
      if (start === prevEnd) accept = false;
      pos += pos < s.length && (s.codePointAt(pos) as number) > 0xffff ? 2 : 1;
    } else {
      pos = end;
    }
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

/** Go's `Regexp.Expand` template: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
function expand(template: string, re: Regex, s: string, m: readonly number[]): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf("$", i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template[i] === "$") {
      out += "$";
      i++;
      continue;
    }
    const ref = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(template.slice(i));
    if (!ref) {
      out += "$";
      continue;
    }
    i += ref[0].length;
    const name = (ref[1] ?? ref[2]) as string;
    let group = -1;
    if (/^\d+$/.test(name) && !(name.length > 1 && name[0] === "0") && name.length <= 8) group = Number(name);
    else group = re.names.indexOf(name);
    if (group >= 0 && 2 * group + 1 < m.length && (m[2 * group] as number) >= 0) {
      out += s.slice(m[2 * group], m[2 * group + 1]);
    }
  }
  return out + template.slice(i);
}

/** Go's `ReplaceAllString`. */
export function replaceAll(re: Regex, s: string, template: string): string {
  let out = "";
  let last = 0;
  for (const m of execAll(re, s)) {
    out += s.slice(last, m[0]) + expand(template, re, s, m);
    last = m[1] as number;
  }
  return out + s.slice(last);
}
