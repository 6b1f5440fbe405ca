// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL sources are full of ${...}
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { getExpressionAst } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import type {
  Attribute,
  Block,
  Body,
  Conditional,
  Expression,
  For,
  FunctionCall,
  Index,
  ObjectCons,
  ScopeTraversal,
  Splat,
  Template,
  TemplateFor,
  TemplateIf,
  TemplateWrap,
} from "../../src/hcl/ast.js";
import { parse, parseExpression, parseTemplate } from "../../src/hcl/parser.js";
import type { Range } from "../../src/hcl/range.js";
import { sourceText } from "../../src/hcl/source.js";
import { sharedDir, sharedPath } from "../support/shared.js";

/** `line:col-line:col@byte-byte`, the whole of a range in one string. */
function span(r: Range): string {
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}@${r.start.byte}-${r.end.byte}`;
}

function expr(src: string): Expression {
  const { expr, diagnostics } = parseExpression(src, "e.hcl");
  expect(diagnostics).toEqual([]);
  return expr;
}

function file(src: string) {
  const { file, diagnostics } = parse(src, "f.hcl");
  expect(diagnostics).toEqual([]);
  return file;
}

function as<K extends Expression["kind"]>(e: Expression, kind: K): Extract<Expression, { kind: K }> {
  expect(e.kind).toBe(kind);
  return e as Extract<Expression, { kind: K }>;
}

describe("structural ranges", () => {
  it("attribute: name, equals sign, whole definition (without the newline or a comment)", () => {
    const f = file("a = 1 # note\n");
    const a = f.body.attributes[0] as Attribute;
    expect(span(a.nameRange)).toBe("1:1-1:2@0-1");
    expect(span(a.equalsRange)).toBe("1:3-1:4@2-3");
    expect(span(a.range)).toBe("1:1-1:6@0-5");
    expect(span(a.expr.range)).toBe("1:5-1:6@4-5");
    expect(a.range.file).toBe("f.hcl");
  });

  it("block with a quoted and a bare label", () => {
    const f = file('resource "aws_s3_bucket" b {\n  x = 1\n}\n');
    const b = f.body.blocks[0] as Block;
    expect(b.type).toBe("resource");
    expect(span(b.typeRange)).toBe("1:1-1:9@0-8");
    expect(b.labels.map((l) => [l.value, l.quoted, span(l.range)])).toEqual([
      ["aws_s3_bucket", true, "1:10-1:25@9-24"],
      ["b", false, "1:26-1:27@25-26"],
    ]);
    expect(span(b.openBraceRange)).toBe("1:28-1:29@27-28");
    expect(span(b.closeBraceRange)).toBe("3:1-3:2@37-38");
    expect(span(b.range)).toBe("1:1-3:2@0-38");
    expect(span(b.body.range)).toBe("1:28-3:2@27-38");
    expect(span(b.body.endRange)).toBe("3:2-3:2@38-38");
    expect(span((b.body.attributes[0] as Attribute).range)).toBe("2:3-2:8@31-36");
  });

  it("one-line block: the body is the single attribute", () => {
    const f = file('a { b = "x" }\n');
    const b = f.body.blocks[0] as Block;
    expect(span(b.body.range)).toBe("1:5-1:12@4-11");
    expect(span(b.body.endRange)).toBe("1:12-1:12@11-11");
    expect(span(b.closeBraceRange)).toBe("1:13-1:14@12-13");
    expect(span(b.range)).toBe("1:1-1:14@0-13");
  });

  it("file body: from the first token, comments included, to the end of the file", () => {
    const f = file("/* c */ a = 1\n\n");
    expect(span(f.body.range)).toBe("1:1-3:1@0-15");
    expect(span((f.body.attributes[0] as Attribute).range)).toBe("1:9-1:14@8-13");
    expect(span(f.range)).toBe("1:1-3:1@0-15");
  });
});

describe("expression ranges", () => {
  it("scope traversal with attribute, literal index, string index steps", () => {
    const t = as(expr('foo.bar[0]["k"].baz'), "ScopeTraversal") as ScopeTraversal;
    expect(t.root).toBe("foo");
    expect(span(t.rootRange)).toBe("1:1-1:4@0-3");
    expect(t.traversal.map((s) => [s.kind, s.kind === "attr" ? s.name : s.key, span(s.range)])).toEqual([
      ["attr", "bar", "1:4-1:8@3-7"],
      ["index", 0, "1:8-1:11@7-10"],
      ["index", "k", "1:11-1:16@10-15"],
      ["attr", "baz", "1:16-1:20@15-19"],
    ]);
    expect(span(t.range)).toBe("1:1-1:20@0-19");
  });

  it("legacy index .0 is an index step", () => {
    const t = as(expr("foo.0.bar"), "ScopeTraversal");
    expect(t.traversal.map((s) => [s.kind, s.kind === "attr" ? s.name : s.key, span(s.range)])).toEqual([
      ["index", 0, "1:4-1:6@3-5"],
      ["attr", "bar", "1:6-1:10@5-9"],
    ]);
  });

  it("index with a non-literal key", () => {
    const i = as(expr("a[b + 1]"), "Index") as Index;
    expect(span(i.bracketRange)).toBe("1:2-1:9@1-8");
    expect(span(i.range)).toBe("1:1-1:9@0-8");
    expect(span(i.key.range)).toBe("1:3-1:8@2-7");
    expect(i.collection.kind).toBe("ScopeTraversal");
  });

  it("attribute-only splat .*", () => {
    const s = as(expr("a.*.b.c"), "Splat") as Splat;
    expect(span(s.markerRange)).toBe("1:2-1:4@1-3");
    expect(span(s.item.range)).toBe("1:2-1:4@1-3");
    const each = as(s.each, "RelativeTraversal");
    expect(each.source).toBe(s.item);
    expect(span(each.range)).toBe("1:4-1:8@3-7");
    expect(each.traversal.map((t) => (t.kind === "attr" ? t.name : t.key))).toEqual(["b", "c"]);
    expect(span(s.range)).toBe("1:1-1:8@0-7");
  });

  it("full splat [*] takes the following steps into each", () => {
    const s = as(expr("a[*].b[0]"), "Splat") as Splat;
    expect(span(s.markerRange)).toBe("1:2-1:5@1-4");
    const each = as(s.each, "RelativeTraversal");
    expect(each.source).toBe(s.item);
    expect(span(each.range)).toBe("1:2-1:10@1-9");
    expect(span(s.range)).toBe("1:1-1:10@0-9");
  });

  it("attribute-only splat stops before an index: the index applies to the splat's result", () => {
    const r = as(expr("a.*.b[0]"), "RelativeTraversal");
    expect(r.source.kind).toBe("Splat");
    expect(span(r.range)).toBe("1:1-1:9@0-8");
  });

  it("relative traversal on a function call's result", () => {
    const r = as(expr("f(x).y[1]"), "RelativeTraversal");
    expect(r.source.kind).toBe("FunctionCall");
    expect(r.traversal.map((t) => span(t.range))).toEqual(["1:5-1:7@4-6", "1:7-1:10@6-9"]);
    expect(span(r.range)).toBe("1:1-1:10@0-9");
  });

  it("a syntax error leaves an Invalid node at the offending token", () => {
    const { file, diagnostics } = parse("a = )\nb = 1\n", "f.hcl");
    expect(diagnostics.map((d) => d.summary)).toEqual(["Invalid expression"]);
    const a = file.body.attributes[0] as Attribute;
    expect(a.expr.kind).toBe("Invalid");
    expect(span(a.expr.range)).toBe("1:5-1:6@4-5");
    // As in hclsyntax, the bad token is not consumed: the definition ends at the last token read, the "=".
    expect(span(a.range)).toBe("1:1-1:4@0-3");
    expect((file.body.attributes[1] as Attribute).name).toBe("b");
  });

  it("function call with expanded final argument", () => {
    const c = as(expr("f(a, b...)"), "FunctionCall") as FunctionCall;
    expect(c.name).toBe("f");
    expect(span(c.nameRange)).toBe("1:1-1:2@0-1");
    expect(span(c.openParenRange)).toBe("1:2-1:3@1-2");
    expect(span(c.closeParenRange)).toBe("1:10-1:11@9-10");
    expect(span(c.range)).toBe("1:1-1:11@0-10");
    expect(c.expandFinal).toBe(true);
    expect(c.args.map((a) => span(a.range))).toEqual(["1:3-1:4@2-3", "1:6-1:7@5-6"]);
  });

  it("namespaced function name", () => {
    const c = as(expr("provider::aws::arn_parse(x)"), "FunctionCall");
    expect(c.name).toBe("provider::aws::arn_parse");
    expect(span(c.nameRange)).toBe("1:1-1:25@0-24");
  });

  it("binary and unary operators", () => {
    const b = as(expr("1 + -2 * 3"), "BinaryOp");
    expect(b.op).toBe("+");
    expect(span(b.opRange)).toBe("1:3-1:4@2-3");
    expect(span(b.range)).toBe("1:1-1:11@0-10");
    const m = as(b.right, "BinaryOp");
    expect(span(m.range)).toBe("1:5-1:11@4-10");
    const u = as(m.left, "UnaryOp");
    expect(u.op).toBe("-");
    expect(span(u.opRange)).toBe("1:5-1:6@4-5");
    expect(span(u.range)).toBe("1:5-1:7@4-6");
  });

  it("conditional, parentheses, tuple", () => {
    const c = as(expr("(a) ? [1, 2] : null"), "Conditional") as Conditional;
    expect(span(c.range)).toBe("1:1-1:20@0-19");
    expect(span(c.condition.range)).toBe("1:1-1:4@0-3");
    expect(c.condition.kind).toBe("Parentheses");
    const t = as(c.trueResult, "TupleCons");
    expect(span(t.openRange)).toBe("1:7-1:8@6-7");
    expect(span(t.range)).toBe("1:7-1:13@6-12");
    expect(span(c.falseResult.range)).toBe("1:16-1:20@15-19");
  });

  it("object constructor with = and : items", () => {
    const o = as(expr('{ a = 1, "b" : 2 }'), "ObjectCons") as ObjectCons;
    expect(span(o.range)).toBe("1:1-1:19@0-18");
    expect(span(o.openRange)).toBe("1:1-1:2@0-1");
    const [i0, i1] = o.items;
    expect(i0?.key.kind).toBe("ObjectConsKey");
    expect(span(i0?.key.range as Range)).toBe("1:3-1:4@2-3");
    expect(i1?.key.kind).toBe("Template");
    expect(span(i1?.key.range as Range)).toBe("1:10-1:13@9-12");
    expect(span(i1?.value.range as Range)).toBe("1:16-1:17@15-16");
  });

  it("tuple for-expression", () => {
    const f = as(expr('[for k, v in m : v if k != ""]'), "For") as For;
    expect([f.keyVar, f.valueVar, f.keyExpr, f.group]).toEqual(["k", "v", null, false]);
    expect(span(f.openRange)).toBe("1:1-1:2@0-1");
    expect(span(f.closeRange)).toBe("1:30-1:31@29-30");
    expect(span(f.range)).toBe("1:1-1:31@0-30");
    expect(span(f.collection.range)).toBe("1:14-1:15@13-14");
    expect(span((f.condition as Expression).range)).toBe("1:23-1:30@22-29");
  });

  it("object for-expression with grouping", () => {
    const f = as(expr("{for v in l : v.k => v...}"), "For") as For;
    expect([f.keyVar, f.valueVar, f.group]).toEqual([null, "v", true]);
    expect(span((f.keyExpr as Expression).range)).toBe("1:15-1:18@14-17");
    expect(span(f.valueExpr.range)).toBe("1:22-1:23@21-22");
    expect(span(f.range)).toBe("1:1-1:27@0-26");
  });
});

describe("template ranges", () => {
  it("literal and interpolation parts", () => {
    const t = as(expr('"a${b}c"'), "Template") as Template;
    expect(span(t.range)).toBe("1:1-1:9@0-8");
    expect(t.parts.map((p) => [p.kind, span(p.range)])).toEqual([
      ["LiteralValue", "1:2-1:3@1-2"],
      ["ScopeTraversal", "1:5-1:6@4-5"],
      ["LiteralValue", "1:7-1:8@6-7"],
    ]);
  });

  it("a single interpolation is a TemplateWrap", () => {
    const w = as(expr('"${x}"'), "TemplateWrap") as TemplateWrap;
    expect(span(w.range)).toBe("1:1-1:7@0-6");
    expect(span(w.wrapped.range)).toBe("1:4-1:5@3-4");
  });

  it("empty string: the empty literal sits just after the closing quote, as in hclsyntax", () => {
    const t = as(expr('""'), "Template");
    expect(t.parts.map((p) => span(p.range))).toEqual(["1:3-1:3@2-2"]);
  });

  it("if directive", () => {
    const t = as(expr('"%{if a}x%{else}y%{endif}"'), "Template");
    expect(span(t.range)).toBe("1:1-1:27@0-26");
    const i = as(t.parts[0] as Expression, "TemplateIf") as TemplateIf;
    expect(span(i.range)).toBe("1:2-1:26@1-25");
    expect(span(i.condition.range)).toBe("1:7-1:8@6-7");
    expect(span(i.then.range)).toBe("1:9-1:10@8-9");
    expect(span((i.else as Template).range)).toBe("1:17-1:18@16-17");
  });

  it("for directive", () => {
    const t = as(expr('"%{ for k, v in m ~}${v},%{ endfor }"'), "Template");
    const f = as(t.parts[0] as Expression, "TemplateFor") as TemplateFor;
    expect([f.keyVar, f.valueVar]).toEqual(["k", "v"]);
    expect(span(f.range)).toBe("1:2-1:37@1-36");
    expect(span(f.collection.range)).toBe("1:17-1:18@16-17");
    expect(f.body.parts.map((p) => [p.kind, span(p.range)])).toEqual([
      ["ScopeTraversal", "1:23-1:24@22-23"],
      ["LiteralValue", "1:25-1:26@24-25"],
    ]);
  });

  it("heredoc: from the introducer to the end of the closing marker", () => {
    const f = file("a = <<EOT\nhello\nEOT\nb = 2\n");
    const a = f.body.attributes[0] as Attribute;
    const t = as(a.expr, "Template");
    expect(t.heredoc).toBe(true);
    expect(span(t.range)).toBe("1:5-3:4@4-19");
    expect(t.parts.map((p) => [p.kind === "LiteralValue" && p.value, span(p.range)])).toEqual([
      ["hello\n", "2:1-3:1@10-16"],
    ]);
    expect(span(a.range)).toBe("1:1-3:4@0-19");
    expect((f.body.attributes[1] as Attribute).name).toBe("b");
  });

  it("flush heredoc: the literal starts after the removed indentation; the marker line's spaces are in range", () => {
    const f = file("a = <<-EOT\n    x\n  EOT\n");
    const t = as((f.body.attributes[0] as Attribute).expr, "Template");
    expect(t.parts.map((p) => [p.kind === "LiteralValue" && p.value, span(p.range)])).toEqual([
      ["x\n", "2:5-3:1@15-17"],
    ]);
    expect(span(t.range)).toBe("1:5-3:6@4-22");
  });

  it("bare template (templatefile): from the first token to the end of the text", () => {
    const { expr: t, diagnostics } = parseTemplate("Hi ${name}!\n", "t.tpl");
    expect(diagnostics).toEqual([]);
    const tt = as(t, "Template");
    expect(span(tt.range)).toBe("1:1-2:1@0-12");
    expect(tt.parts.map((p) => span(p.range))).toEqual(["1:1-1:4@0-3", "1:6-1:10@5-9", "1:11-2:1@10-12"]);
  });
});

describe("columns on non-ASCII lines count grapheme clusters", () => {
  it("an emoji is one column of four bytes; an accent with a combining mark is one column", () => {
    const src = 'a = "é" # x\nb = "😀x"\nc = "e\u0301" # z\nd = 1';
    const f = file(src);
    const [, b, c, d] = f.body.attributes as Attribute[];
    // Line 2 starts at byte 13 ("é" is two bytes).
    expect(span((b as Attribute).expr.range)).toBe("2:5-2:9@17-24");
    expect(span((c as Attribute).expr.range)).toBe("3:5-3:8@29-34");
    expect(span((d as Attribute).range)).toBe("4:1-4:6@39-44");
    expect(sourceText(src, (b as Attribute).expr.range)).toBe('"😀x"');
  });

  it("as in hclsyntax, clusters are counted token by token: a combining mark starting a token is a column", () => {
    // "=" and the combining mark would form one cluster, but they are two tokens; an inline comment is one token.
    const { diagnostics } = parse("==\u0301x\nb = 1 /* \u0301 */ \u0301\n", "f.hcl");
    expect(diagnostics.filter((d) => d.summary === "Invalid character").map((d) => span(d.range))).toEqual([
      "1:3-1:4@2-4",
      "2:14-2:15@21-23",
    ]);
  });

  it("a tab is one column", () => {
    const f = file("\ta = 1\n");
    expect(span((f.body.attributes[0] as Attribute).range)).toBe("1:2-1:7@1-6");
  });

  it("a UTF-8 byte order mark is skipped: positions count bytes from the file start, columns from after it", () => {
    const f = file("\uFEFFa = 1\n");
    expect(span((f.body.attributes[0] as Attribute).range)).toBe("1:1-1:6@3-8");
  });

  it("CRLF line ends", () => {
    const f = file("a = 1\r\nb = 2\r\n");
    expect(span((f.body.attributes[1] as Attribute).range)).toBe("2:1-2:6@7-12");
  });
});

describe("sourceText", () => {
  it("slices the exact text of a node from string or byte sources", () => {
    const src = 'x = upper("é${a}") # c\n';
    const f = file(src);
    const e = (f.body.attributes[0] as Attribute).expr;
    expect(sourceText(src, e.range)).toBe('upper("é${a}")');
    expect(sourceText(new TextEncoder().encode(src), e.range)).toBe('upper("é${a}")');
  });
});

describe.skipIf(!sharedDir)("every position of every corpus file", () => {
  it("has the line and column of its byte offset (newlines counted, graphemes since the line start)", () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const decoder = new TextDecoder();
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".tf")) files.push(path);
      }
    };
    walk(sharedPath("corpus/hcl"));
    const wrong: string[] = [];
    let checked = 0;
    for (const path of files) {
      const bytes = readFileSync(path);
      const lineStarts = [0];
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lineStarts.push(i + 1);
      const expected = (byte: number): string => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((lineStarts[mid] as number) <= byte) lo = mid;
          else hi = mid - 1;
        }
        const prefix = bytes.subarray(lineStarts[lo], byte);
        const column = prefix.every((b) => b < 0x80)
          ? prefix.length + 1
          : [...segmenter.segment(decoder.decode(prefix))].length + 1;
        return `${lo + 1}:${column}`;
      };
      const visit = (v: unknown): void => {
        if (v === null || typeof v !== "object") return;
        if (Array.isArray(v)) {
          for (const x of v) visit(x);
          return;
        }
        const o = v as Record<string, unknown>;
        if ("line" in o && "column" in o && "byte" in o) {
          const got = `${o.line}:${o.column}`;
          const want = expected(o.byte as number);
          if (got !== want) wrong.push(`${path}@${o.byte}: ${got} != ${want}`);
          checked++;
          return;
        }
        for (const k in o) visit(o[k]);
      };
      visit(parse(bytes, path).file);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(500_000);
  });
});

/**
 * Differential check against HashiCorp's parser (hclsyntax compiled into @cdktf/hcl2json): for a sample of corpus
 * expressions, the ranges it reports for traversal steps, function-call names, parentheses and arguments, and
 * for-expression brackets equal ours. Its AST gives 0-based lines, and columns reduced by one on the first line only.
 */
describe.skipIf(!sharedDir)("ranges agree with HashiCorp's parser", () => {
  it("on 200 corpus expressions with calls, indexes and traversals", async () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".tf")) files.push(path);
      }
    };
    walk(sharedPath("corpus/hcl"));
    const exprs: string[] = [];
    for (const path of files) {
      const src = readFileSync(path, "utf8");
      const visit = (body: Body): void => {
        for (const a of body.attributes) exprs.push(sourceText(src, a.expr.range));
        for (const b of body.blocks) visit(b.body);
      };
      visit(parse(src, path).file.body);
    }
    const interesting = exprs.filter((e) => /[([]/.test(e) && e.length < 2000);
    const step = Math.floor(interesting.length / 200);
    const sample = interesting.filter((_, i) => i % step === 0).slice(0, 200);

    type GoPos = { line: number; column: number; byte: number };
    type GoRange = { start: GoPos; end: GoPos };
    type GoMeta = {
      traversal?: { range: GoRange }[];
      name?: string;
      nameRange?: GoRange;
      openParenRange?: GoRange;
      closeParenRange?: GoRange;
      argsRanges?: GoRange[];
      openRange?: GoRange;
      closeRange?: GoRange;
    };
    type GoNode = { type: string; meta?: GoMeta; children?: GoNode[] };
    const goPos = (p: GoPos): string => `${p.line + 1}:${p.line === 0 ? p.column + 1 : p.column}@${p.byte}`;
    const goRange = (r: GoRange): string => `${goPos(r.start)}-${goPos(r.end)}`;
    const ourRange = (r: Range): string =>
      `${r.start.line}:${r.start.column}@${r.start.byte}-${r.end.line}:${r.end.column}@${r.end.byte}`;

    const differ: string[] = [];
    for (const text of sample) {
      // A heredoc's closing marker must end its line, for both parsers.
      const source = `${text}\n`;
      const go: string[] = [];
      const visitGo = (n: GoNode | null): void => {
        if (!n) return;
        const m = n.meta ?? {};
        if (n.type === "scopeTraversal" || n.type === "relativeTraversal") {
          go.push(`trav ${(m.traversal ?? []).map((t) => goRange(t.range)).join(" ")}`);
        } else if (n.type === "function") {
          const args = (m.argsRanges ?? []).map(goRange).join(" ");
          go.push(
            `fn ${m.name} ${goRange(m.nameRange as GoRange)} ${goRange(m.openParenRange as GoRange)} ${goRange(m.closeParenRange as GoRange)} ${args}`,
          );
        } else if (n.type === "for") {
          go.push(`for ${goRange(m.openRange as GoRange)} ${goRange(m.closeRange as GoRange)}`);
        }
        for (const c of n.children ?? []) visitGo(c);
      };
      visitGo((await getExpressionAst("x.tf", source)) as GoNode | null);

      const ours: string[] = [];
      const visitOurs = (v: unknown): void => {
        if (v === null || typeof v !== "object") return;
        if (Array.isArray(v)) {
          for (const x of v) visitOurs(x);
          return;
        }
        const e = v as Expression;
        if (e.kind === "ScopeTraversal") {
          ours.push(`trav ${[ourRange(e.rootRange), ...e.traversal.map((t) => ourRange(t.range))].join(" ")}`);
        } else if (e.kind === "RelativeTraversal") {
          ours.push(`trav ${e.traversal.map((t) => ourRange(t.range)).join(" ")}`);
        } else if (e.kind === "FunctionCall") {
          const args = e.args.map((a) => ourRange(a.range)).join(" ");
          ours.push(
            `fn ${e.name} ${ourRange(e.nameRange)} ${ourRange(e.openParenRange)} ${ourRange(e.closeParenRange)} ${args}`,
          );
        } else if (e.kind === "For") {
          ours.push(`for ${ourRange(e.openRange)} ${ourRange(e.closeRange)}`);
        }
        // The Go AST does not list object keys.
        if (e.kind === "ObjectConsKey") return;
        for (const [k, x] of Object.entries(e)) if (k !== "range") visitOurs(x);
      };
      const { expr: ourExpr, diagnostics } = parseExpression(source, "x.tf");
      expect(diagnostics).toEqual([]);
      visitOurs(ourExpr);
      go.sort();
      ours.sort();
      if (JSON.stringify(go) !== JSON.stringify(ours))
        differ.push(`${text}\n  go:   ${go.join("; ")}\n  ours: ${ours.join("; ")}`);
    }
    expect(sample.length).toBe(200);
    expect(differ).toEqual([]);
  });
});
