/**
 * The second stage of template parsing, as in hclsyntax's parser_template.go: the flat sequence of template parts
 * (literals, interpolations, directive markers) gets the flush-heredoc indentation rule, consecutive literals are
 * joined, and `%{if}`/`%{for}` directives are matched into TemplateIf and TemplateFor nodes.
 */
import type { Expression, LiteralValue, Template } from "./ast.js";
import type { Range } from "./range.js";
import { formatHclRange } from "./source.js";

export type TemplatePart =
  | { t: "lit"; value: string; start: number; end: number }
  | { t: "interp"; expr: Expression; range: Range }
  | { t: "if"; cond: Expression; range: Range }
  | { t: "for"; keyVar: string | null; valueVar: string; coll: Expression; range: Range }
  | { t: "else" | "endif" | "endfor"; range: Range }
  | { t: "end"; range: Range };

/** What the template builder needs from the parser. */
export interface TemplateHost {
  range(start: number, end: number): Range;
  between(a: Range, b: Range): Range;
  diag(summary: string, detail: string, subject: Range): void;
  /** NFC-normalises literal text when it may not be normalised already. */
  normalize(s: string): string;
}

interface Frame {
  readonly kind: "root" | "if" | "for";
  readonly open: TemplatePart | null;
  readonly first: Expression[];
  second: Expression[] | null;
}

/** Turns template parts into the template's expressions; `passthru` when it is exactly one interpolation. */
export function buildTemplate(
  parts: TemplatePart[],
  flush: boolean,
  host: TemplateHost,
): { exprs: Expression[]; passthru: boolean } {
  if (flush) flushHeredoc(parts);
  const melded = meldLiterals(parts);
  const passthru = melded.length === 2 && melded[0]?.t === "interp";

  // Directives nest; an explicit stack keeps deep nesting off the call stack.
  const root: Frame = { kind: "root", open: null, first: [], second: null };
  const stack: Frame[] = [root];
  const current = (f: Frame): Expression[] => f.second ?? f.first;
  const invalid = (range: Range): Expression => ({ kind: "Invalid", range });
  let i = 0;
  for (;;) {
    const part = melded[i] as TemplatePart;
    const top = stack[stack.length - 1] as Frame;
    if (part.t === "end") {
      if (top.kind === "root") break;
      const open = top.open as Extract<TemplatePart, { t: "if" | "for" }>;
      host.diag(
        "Unexpected end of template",
        top.kind === "if"
          ? `The if directive at ${formatHclRange(open.range)} is missing its corresponding endif directive.`
          : `The for directive at ${formatHclRange(open.range)} is missing its corresponding endfor directive.`,
        part.range,
      );
      stack.pop();
      current(stack[stack.length - 1] as Frame).push(invalid(part.range));
      continue;
    }
    i++;
    switch (part.t) {
      case "lit":
        current(top).push(literal(part, host));
        break;
      case "interp":
        current(top).push(part.expr);
        break;
      case "if":
      case "for":
        stack.push({ kind: part.t, open: part, first: [], second: null });
        break;
      default: {
        // else / endif / endfor
        const name = part.t;
        if (top.kind === "root") {
          host.diag(
            `Unexpected ${name} directive`,
            "The control directives within this template are unbalanced.",
            part.range,
          );
          top.first.push(invalid(part.range));
          break;
        }
        const open = top.open as Extract<TemplatePart, { t: "if" | "for" }>;
        const parent = stack[stack.length - 2] as Frame;
        if (top.kind === "if") {
          if (name === "else" && top.second === null) {
            top.second = [];
            break;
          }
          if (name === "endif") {
            stack.pop();
            current(parent).push(finishIf(top, open as Extract<TemplatePart, { t: "if" }>, part.range, host));
            break;
          }
          host.diag(
            `Unexpected ${name} directive`,
            name === "else"
              ? `Already in the else clause for the if started at ${formatHclRange(open.range)}.`
              : `Expecting an endif directive for the if started at ${formatHclRange(open.range)}.`,
            part.range,
          );
        } else {
          if (name === "endfor") {
            stack.pop();
            current(parent).push(finishFor(top, open as Extract<TemplatePart, { t: "for" }>, part.range, host));
            break;
          }
          host.diag(
            `Unexpected ${name} directive`,
            name === "else"
              ? "An else clause is not expected for a for directive."
              : `Expecting an endfor directive corresponding to the for directive at ${formatHclRange(open.range)}.`,
            part.range,
          );
        }
        stack.pop();
        current(parent).push(invalid(part.range));
      }
    }
  }
  return { exprs: root.first, passthru };
}

function literal(part: Extract<TemplatePart, { t: "lit" }>, host: TemplateHost): LiteralValue {
  return { kind: "LiteralValue", value: host.normalize(part.value), range: host.range(part.start, part.end) };
}

/** String values are NFC-normalised (as cty does); text below U+0300 is always already NFC. */
export function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x300) return s.normalize("NFC");
  }
  return s;
}

function subTemplate(exprs: Expression[], host: TemplateHost): Template {
  const first = exprs[0] as Expression;
  const last = exprs[exprs.length - 1] as Expression;
  return { kind: "Template", parts: exprs, heredoc: false, range: host.between(first.range, last.range) };
}

function emptyLiteral(range: Range, atEnd: boolean): LiteralValue {
  const at = atEnd ? range.end : range.start;
  return { kind: "LiteralValue", value: "", range: { file: range.file, start: at, end: at } };
}

function finishIf(
  frame: Frame,
  open: Extract<TemplatePart, { t: "if" }>,
  endif: Range,
  host: TemplateHost,
): Expression {
  const thenExprs = frame.first;
  if (thenExprs.length === 0) thenExprs.push(emptyLiteral(open.range, true));
  let elseTemplate: Template | null = null;
  if (frame.second !== null) {
    if (frame.second.length === 0) frame.second.push(emptyLiteral(endif, false));
    elseTemplate = subTemplate(frame.second, host);
  }
  return {
    kind: "TemplateIf",
    condition: open.cond,
    // biome-ignore lint/suspicious/noThenProperty: the AST's TemplateIf names its branches then/else
    then: subTemplate(thenExprs, host),
    else: elseTemplate,
    range: host.between(open.range, endif),
  };
}

function finishFor(
  frame: Frame,
  open: Extract<TemplatePart, { t: "for" }>,
  endfor: Range,
  host: TemplateHost,
): Expression {
  const body = frame.first;
  if (body.length === 0) body.push(emptyLiteral(open.range, true));
  return {
    kind: "TemplateFor",
    keyVar: open.keyVar,
    valueVar: open.valueVar,
    collection: open.coll,
    body: subTemplate(body, host),
    range: host.between(open.range, endfor),
  };
}

/**
 * `<<-` heredocs: find the smallest number of leading white-space characters over the lines (lines of only white
 * space do not count; a line starting with an interpolation or directive counts as zero) and remove that many from
 * the start of every line's leading literal.
 */
function flushHeredoc(parts: TemplatePart[]): void {
  let minSpaces = Number.POSITIVE_INFINITY;
  let newline = true;
  const adjust: Extract<TemplatePart, { t: "lit" }>[] = [];
  for (const part of parts) {
    if (newline) {
      newline = false;
      let spaces = 0;
      if (part.t === "lit") {
        const value = part.value;
        let lead = 0;
        while (lead < value.length && isSpaceUnit(value.charCodeAt(lead))) lead++;
        if (lead === value.length && value.endsWith("\n")) {
          spaces = Number.POSITIVE_INFINITY;
        } else {
          spaces = lead;
          adjust.push(part);
        }
      } else if (part.t === "end") {
        break;
      }
      if (spaces < minSpaces) minSpaces = spaces;
    }
    if (part.t === "lit" && part.value.endsWith("\n")) newline = true;
  }
  for (const lit of adjust) {
    // hclsyntax removes grapheme clusters: a combining mark after the last removed space goes with it.
    let units = minSpaces;
    if (lit.value.charCodeAt(units) >= 0x300) units = clusterUnits(lit.value, minSpaces);
    let bytes = 0;
    for (let i = 0; i < units; i++) bytes += utf8Size(lit.value.charCodeAt(i));
    lit.value = lit.value.slice(units);
    lit.start += bytes;
  }
}

let segmenter: Intl.Segmenter | undefined;

/** UTF-16 length of the first `clusters` grapheme clusters of s. */
function clusterUnits(s: string, clusters: number): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let n = 0;
  let units = 0;
  for (const seg of segmenter.segment(s)) {
    if (n === clusters) break;
    units += seg.segment.length;
    n++;
  }
  return units;
}

/** Go's unicode.IsSpace for a UTF-16 unit (every such space is in the BMP). */
export function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function utf8Size(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
}

/** Joins consecutive literal parts (after any trimming), as hclsyntax's meldConsecutiveStringLiterals. */
function meldLiterals(parts: TemplatePart[]): TemplatePart[] {
  const out: TemplatePart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.t === "lit" && last !== undefined && last.t === "lit") {
      last.value += part.value;
      last.end = part.end;
    } else {
      out.push(part);
    }
  }
  return out;
}
