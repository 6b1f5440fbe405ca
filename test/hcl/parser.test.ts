// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL sources are full of ${...}
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Attribute, Block, Body, Expression, Template } from "../../src/hcl/ast.js";
import type { Diagnostic } from "../../src/hcl/diagnostic.js";
import { parse, parseExpression, parseTemplate } from "../../src/hcl/parser.js";
import { sharedDir, sharedPath } from "../support/shared.js";

function span(d: Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}@${r.start.byte}-${r.end.byte}`;
}

function expr(src: string): Expression {
  const { expr, diagnostics } = parseExpression(src, "e.hcl");
  expect(diagnostics.map((d) => d.summary)).toEqual([]);
  return expr;
}

/** A compact rendering of an expression tree, to pin structure and precedence. */
function show(e: Expression): string {
  switch (e.kind) {
    case "LiteralValue":
      return typeof e.value === "string" ? JSON.stringify(e.value) : String(e.value);
    case "ScopeTraversal":
      return (
        e.root + e.traversal.map((t) => (t.kind === "attr" ? `.${t.name}` : `[${JSON.stringify(t.key)}]`)).join("")
      );
    case "RelativeTraversal":
      return `(${show(e.source)})${e.traversal.map((t) => (t.kind === "attr" ? `.${t.name}` : `[${JSON.stringify(t.key)}]`)).join("")}`;
    case "BinaryOp":
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case "UnaryOp":
      return `(${e.op}${show(e.operand)})`;
    case "Conditional":
      return `(${show(e.condition)} ? ${show(e.trueResult)} : ${show(e.falseResult)})`;
    case "Parentheses":
      return `<${show(e.expr)}>`;
    case "FunctionCall":
      return `${e.name}(${e.args.map(show).join(", ")}${e.expandFinal ? "..." : ""})`;
    case "TupleCons":
      return `[${e.elements.map(show).join(", ")}]`;
    case "ObjectCons":
      return `{${e.items.map((i) => `${show(i.key)}=${show(i.value)}`).join(", ")}}`;
    case "ObjectConsKey":
      return `key${e.forceNonLiteral ? "!" : ""}:${show(e.wrapped)}`;
    case "Template":
      return `T${e.heredoc ? "h" : ""}(${e.parts.map(show).join(" ")})`;
    case "TemplateWrap":
      return `W(${show(e.wrapped)})`;
    case "TemplateIf":
      return `if(${show(e.condition)}: ${show(e.then)}${e.else ? ` else ${show(e.else)}` : ""})`;
    case "TemplateFor":
      return `for(${e.keyVar ?? ""},${e.valueVar} in ${show(e.collection)}: ${show(e.body)})`;
    case "For":
      return `for(${e.keyVar ?? ""},${e.valueVar} in ${show(e.collection)}: ${e.keyExpr ? `${show(e.keyExpr)} => ` : ""}${show(e.valueExpr)}${e.group ? "..." : ""}${e.condition ? ` if ${show(e.condition)}` : ""})`;
    case "Index":
      return `${show(e.collection)}[${show(e.key)}]`;
    case "Splat":
      return `splat(${show(e.source)}: ${show(e.each)})`;
    case "AnonSymbol":
      return "*";
    case "Invalid":
      return "INVALID";
  }
}

function names(body: Body): string[] {
  return [...body.attributes.map((a) => `${a.name}=`), ...body.blocks.map((b) => `${b.type}{}`)];
}

describe("structure", () => {
  it("attributes and nested blocks with any number of labels, in source order", () => {
    const { file, diagnostics } = parse(
      `
variable "region" {
  type    = string
  default = "us-east-1"
}
resource "aws_s3_bucket" "b" {
  bucket = "x"
  tags = { Name = "n" }
  lifecycle { prevent_destroy = true }
}
a b c "d" {}
x = 1
`,
      "main.tf",
    );
    expect(diagnostics).toEqual([]);
    expect(names(file.body)).toEqual(["x=", "variable{}", "resource{}", "a{}"]);
    const [v, r, a] = file.body.blocks as Block[];
    expect(v?.labels.map((l) => l.value)).toEqual(["region"]);
    expect(names((v as Block).body)).toEqual(["type=", "default="]);
    expect(r?.labels.map((l) => l.value)).toEqual(["aws_s3_bucket", "b"]);
    expect(names((r as Block).body)).toEqual(["bucket=", "tags=", "lifecycle{}"]);
    const lifecycle = (r as Block).body.blocks[0] as Block;
    expect(show((lifecycle.body.attributes[0] as Attribute).expr)).toBe("true");
    expect(a?.labels.map((l) => [l.value, l.quoted])).toEqual([
      ["b", false],
      ["c", false],
      ["d", true],
    ]);
  });

  it("duplicate attribute names are kept for the decoder to report", () => {
    const { file, diagnostics } = parse("a = 1\na = 2\n", "f.tf");
    expect(diagnostics).toEqual([]);
    expect(file.body.attributes.map((a) => show(a.expr))).toEqual(["1", "2"]);
  });

  it("comments of all three kinds are ignored; a line comment ends a definition", () => {
    const { file, diagnostics } = parse("# one\na = 1 // two\n/* three\n */ b = 2 /* four */\nc = 3 # end", "f.tf");
    expect(diagnostics).toEqual([]);
    expect(names(file.body)).toEqual(["a=", "b=", "c="]);
  });

  it("block labels resolve escapes", () => {
    const { file } = parse('a "x\\ty" {}\n', "f.tf");
    expect((file.body.blocks[0] as Block).labels[0]?.value).toBe("x\ty");
  });
});

describe("expressions", () => {
  it.each([
    ["1 + 2 * 3", "(1 + (2 * 3))"],
    ["1 * 2 + 3", "((1 * 2) + 3)"],
    ["a - b - c", "((a - b) - c)"],
    ["x / y * z", "((x / y) * z)"],
    ["a || b && c", "(a || (b && c))"],
    ["a == b && c != d", "((a == b) && (c != d))"],
    ["a < b == c >= d", "((a < b) == (c >= d))"],
    ["1 + 2 > 3 % 2", "((1 + 2) > (3 % 2))"],
    ["-a + b", "((-a) + b)"],
    ["!a && b", "((!a) && b)"],
    ["-46+5", "((-46) + 5)"],
    ["a ? b : c ? d : e", "(a ? b : (c ? d : e))"],
    ["a || b ? 1 : 2", "((a || b) ? 1 : 2)"],
    ["(a + b) * c", "(<(a + b)> * c)"],
    ["!a.b[0]", "(!a.b[0])"],
  ])("precedence: %s", (src, tree) => {
    expect(show(expr(src))).toBe(tree);
  });

  it.each([
    ["null", "null"],
    ["true", "true"],
    ["12.5e3", "12500"],
    ["1.e5", "100000"],
    ['"a\\n\\t\\"\\\\\\u00e9\\U0001F600"', 'T("a\\n\\t\\"\\\\é😀")'],
    ['"$${x} %%{y} $ %"', 'T("${x} %{y} $ %")'],
    ['"e\\u0301"', 'T("é")'],
    ["[1, 2,]", "[1, 2]"],
    ["[\n1,\n2\n]", "[1, 2]"],
    ["{}", "{}"],
    [
      '{a = 1, b: 2\n"c" = 3, (d) = 4, e.f = 5, null = 6, 7 = 8}',
      '{key:a=1, key:b=2, T("c")=3, key!:<d>=4, key:e.f=5, key:null=6, 7=8}',
    ],
    ["f()", "f()"],
    ["f(a,\n b,\n)", "f(a, b)"],
    ["f(a, [b]...)", "f(a, [b]...)"],
    ["[for x in xs: x]", "for(,x in xs: x)"],
    ["{for k, v in m: k => v... if v != null}", "for(k,v in m: k => v... if (v != null))"],
    ["[(for), foo]", "[<for>, foo]"],
    ["a.b.0.c", "a.b[0].c"],
    ['a["b"][0]', 'a["b"][0]'],
    ["a[b]", "a[b]"],
    ["a[b].c", "(a[b]).c"],
    ["f(x).y", "(f(x)).y"],
    ["a.*.b", "splat(a: (*).b)"],
    ["a[*].b[0]", "splat(a: (*).b[0])"],
    ["a.*.b[0]", "(splat(a: (*).b))[0]"],
    ["a[*]", "splat(a: *)"],
    ['"${a}"', "W(a)"],
    ['"${a}${b}"', "T(a b)"],
    ['"x${a}"', 'T("x" a)'],
    ['"a ${~ b ~} c"', 'T("a" b "c")'],
    ['"%{ if a }yes%{ else }no%{ endif }"', 'T(if(a: T("yes") else T("no")))'],
    ['"%{ if a ~} yes %{~ endif }"', 'T(if(a: T("yes")))'],
    ['"%{for v in vs}${v}, %{endfor}"', 'T(for(,v in vs: T(v ", ")))'],
    ['"%{if a}%{endif}"', 'T(if(a: T("")))'],
  ])("%s", (src, tree) => {
    expect(show(expr(src))).toBe(tree);
  });

  it("numbers keep their source text", () => {
    const e = expr("1.50");
    expect(e).toMatchObject({ kind: "LiteralValue", value: 1.5, raw: "1.50" });
  });

  it("string literals are NFC-normalised", () => {
    const e = expr('"e\u0301"') as Template;
    expect(e.parts[0]).toMatchObject({ value: "\u00e9" });
  });
});

describe("heredocs", () => {
  function heredoc(src: string): Template {
    const { file, diagnostics } = parse(src, "h.tf");
    expect(diagnostics).toEqual([]);
    return (file.body.attributes[0] as Attribute).expr as Template;
  }

  it("a plain heredoc keeps indentation; the marker may be indented", () => {
    expect(show(heredoc("a = <<EOT\n  x\n    y\n  EOT\n"))).toBe('Th("  x\\n    y\\n")');
  });

  it("a flush heredoc removes the smallest indentation; blank lines do not count", () => {
    expect(show(heredoc("a = <<-EOT\n    x\n\n      y\n  EOT\n"))).toBe('Th("x\\n\\n  y\\n")');
  });

  it("a line starting with an interpolation counts as indentation zero", () => {
    expect(show(heredoc("a = <<-EOT\n  x\n${y}\n  EOT\n"))).toBe('Th("  x\\n" y "\\n")');
  });

  it("a tab counts as one character of indentation", () => {
    expect(show(heredoc("a = <<-EOT\n\tx\n  y\nEOT\n"))).toBe('Th("x\\n y\\n")');
  });

  it("indentation is removed in grapheme clusters: a combining mark goes with the space it follows", () => {
    expect(show(heredoc("a = <<-EOT\n  \u0301x\n   y\nEOT\n"))).toBe('Th("x\\n y\\n")');
  });

  it("a line that only contains the marker after other text does not close", () => {
    expect(show(heredoc("a = <<EOT\nNOT EOT\nEOT\n"))).toBe('Th("NOT EOT\\n")');
  });

  it("CRLF heredoc", () => {
    expect(show(heredoc("a = <<EOT\r\nx\r\nEOT\r\n"))).toBe('Th("x\\r\\n")');
  });

  it.skipIf(!sharedDir)("the spec suite's heredoc cases", () => {
    const src = readFileSync(sharedPath("reference/hcl/specsuite/tests/expressions/heredoc.hcl"), "utf8");
    const { file, diagnostics } = parse(src, "heredoc.hcl");
    expect(diagnostics).toEqual([]);
    const values: Record<string, string> = {};
    const vars: Record<string, string> = { bar: "Bar", space_bar: "  Bar" };
    for (const a of file.body.attributes) {
      if (a.expr.kind !== "ObjectCons") throw new Error("object expected");
      for (const item of a.expr.items) {
        const key = item.key.kind === "ObjectConsKey" ? show(item.key.wrapped) : show(item.key);
        const t = item.value as Template;
        values[`${a.name}.${key}`] = t.parts
          .map((p) => (p.kind === "LiteralValue" ? String(p.value) : p.kind === "ScopeTraversal" ? vars[p.root] : "?"))
          .join("");
      }
    }
    expect(values).toEqual({
      "normal.basic": "Foo\nBar\nBaz\n",
      "normal.indented": "    Foo\n    Bar\n    Baz\n",
      "normal.indented_more": "    Foo\n      Bar\n    Baz\n",
      "normal.interp": "    Foo\n    Bar\n    Baz\n",
      "normal.newlines_between": "Foo\n\nBar\n\nBaz\n",
      "normal.indented_newlines_between": "    Foo\n\n    Bar\n\n    Baz\n",
      "normal.marker_at_suffix": "    NOT EOT\n",
      "flush.basic": "Foo\nBar\nBaz\n",
      "flush.indented": "Foo\nBar\nBaz\n",
      "flush.indented_more": "Foo\n  Bar\nBaz\n",
      "flush.indented_less": "  Foo\nBar\n  Baz\n",
      "flush.interp": "Foo\nBar\nBaz\n",
      "flush.interp_indented_more": "Foo\n  Bar\nBaz\n",
      "flush.interp_indented_less": "  Foo\n  Bar\n  Baz\n",
      "flush.tabs": "Foo\n Bar\n Baz\n",
      "flush.unicode_spaces": '\u2003Foo (there\'s two "em spaces" before Foo there)\nBar\nBaz\n',
      "flush.newlines_between": "Foo\n\nBar\n\nBaz\n",
      "flush.indented_newlines_between": "Foo\n\nBar\n\nBaz\n",
    });
  });
});

describe("templates (templatefile)", () => {
  it("the whole text is a template", () => {
    const { expr: e, diagnostics } = parseTemplate('Hello ${name}!\n%{ for s in xs }- ${s}\n%{ endfor }"q"', "t.tpl");
    expect(diagnostics).toEqual([]);
    expect(show(e)).toBe('T("Hello " name "!\\n" for(,s in xs: T("- " s "\\n")) "\\"q\\"")');
  });

  it("a template of one interpolation is unwrapped; an empty template is the empty string", () => {
    expect(show(parseTemplate("${x}", "t").expr)).toBe("W(x)");
    expect(show(parseTemplate("", "t").expr)).toBe('T("")');
  });
});

describe("diagnostics and recovery", () => {
  it("a bad attribute does not lose the rest of the file", () => {
    const { file, diagnostics } = parse(
      'a = 1\nb = 1 +\nc = "x"\nd {\n  e = (1\n  f = 2\n}\ng = [1, 2\nh = 3\n',
      "f.tf",
    );
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual([
      ["Invalid expression", "2:8-3:1@13-14"],
      ["Unbalanced parentheses", "6:3-6:4@37-38"],
    ]);
    expect(names(file.body)).toEqual(["a=", "b=", "c=", "g=", "d{}"]);
    // Inside parentheses newlines do not count: `f` is read as the missing `)`, and `= 2` is skipped.
    expect(names((file.body.blocks[0] as Block).body)).toEqual(["e="]);
  });

  it("after an error, later definitions are still parsed (an unclosed tuple swallows to its bracket)", () => {
    const { file, diagnostics } = parse("a = [1, 2\nb = 3\nc = 4\n", "f.tf");
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual([["Missing item separator", "2:1-2:2@10-11"]]);
    expect(names(file.body)).toEqual(["a="]);
  });

  it("missing equals sign", () => {
    const { file, diagnostics } = parse("a 1\nb = 2\n", "f.tf");
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual([
      ["Argument or block definition required", "1:1-1:2@0-1"],
    ]);
    expect(names(file.body)).toEqual(["b="]);
  });

  it("comma-separated attributes on one line (spec suite singleline_bad)", () => {
    const { diagnostics } = parse('a = "a value", b = "b value"\n', "f.tf");
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual([
      ["Unexpected comma after argument", "1:14-1:15@13-14"],
    ]);
  });

  it("invalid one-line blocks (spec suite single_oneline_invalid)", () => {
    const src =
      'a { b = "foo", c = "bar" }\na { b = "foo"\n}\na { b = "foo"\n  c = "bar" }\na { b = "foo"\n  c = "bar"\n}\na { d {} }\n';
    const { file, diagnostics } = parse(src, "f.tf");
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual([
      ["Invalid single-argument block definition", "1:14-1:15@13-14"],
      ["Invalid single-argument block definition", "2:14-3:1@40-41"],
      ["Invalid single-argument block definition", "4:14-5:1@56-57"],
      ["Invalid single-argument block definition", "6:14-7:1@84-85"],
      ["Argument definition required", "9:5-9:8@103-106"],
    ]);
    expect(file.body.blocks.length).toBe(5);
  });

  it("unclosed block (spec suite single_unclosed)", () => {
    const { file, diagnostics } = parse("a {\n", "f.tf");
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual([["Unclosed configuration block", "1:3-1:4@2-3"]]);
    expect(names(file.body)).toEqual(["a{}"]);
  });

  it.skipIf(!sharedDir)("the spec suite's structure cases give their diagnostics at the stated ranges", () => {
    const dir = sharedPath("reference/hcl/specsuite/tests/structure");
    const found: Record<string, string[]> = {};
    for (const group of readdirSync(dir).sort()) {
      for (const name of readdirSync(join(dir, group)).sort()) {
        if (!name.endsWith(".hcl")) continue;
        const { diagnostics } = parse(readFileSync(join(dir, group, name)), name);
        found[`${group}/${name}`] = diagnostics.map(span);
      }
    }
    expect(found).toEqual({
      "attributes/expected.hcl": [],
      "attributes/singleline_bad.hcl": ["1:14-1:15@13-14"],
      // "c" unexpected is the decoder's error, not a syntax error.
      "attributes/unexpected.hcl": [],
      "blocks/single_empty_oneline.hcl": [],
      "blocks/single_expected.hcl": [],
      "blocks/single_oneline.hcl": [],
      "blocks/single_oneline_invalid.hcl": [
        "1:14-1:15@13-14",
        "2:14-3:1@40-41",
        "4:14-5:1@56-57",
        "6:14-7:1@84-85",
        "9:5-9:8@103-106",
      ],
      "blocks/single_unclosed.hcl": ["1:3-1:4@2-3"],
    });
  });

  it.each([
    ["a = 1 2\n", [["Missing newline after argument", "1:7-1:8@6-7"]]],
    ['"a" = 1\n', [["Invalid argument name", "1:1-1:2@0-1"]]],
    ["a = \n", [["Invalid expression", "1:5-2:1@4-5"]]],
    ["a = ", [["Missing expression", "1:5-1:5@4-4"]]],
    ["a = b.\n", [["Invalid attribute name", "1:7-2:1@6-7"]]],
    [
      'a = "x\n',
      [
        ["Invalid multi-line string", "1:7-2:1@6-7"],
        ["Unterminated template string", "1:7-2:1@6-7"],
      ],
    ],
    ['a = "${b c}"\n', [["Extra characters after interpolation expression", "1:10-1:11@9-10"]]],
    ['a = "\\q"\n', [["Invalid escape sequence", "1:6-1:8@5-7"]]],
    ['a = "\\u12"\n', [["Invalid escape sequence", "1:6-1:10@5-9"]]],
    ['a = "\\ud800"\n', [["Invalid escape sequence", "1:6-1:12@5-11"]]],
    ["a = 1.2.3\n", [["Invalid number literal", "1:5-1:10@4-9"]]],
    ["a = x.0.1\n", [["Invalid legacy index syntax", "1:7-1:10@6-9"]]],
    ["a = f(1 2)\n", [["Missing argument separator", "1:9-1:10@8-9"]]],
    ["a = f(1\n", [["Unterminated function call", "1:5-1:7@4-6"]]],
    ["a = f(x..., y)\n", [["Missing closing parenthesis", "1:8-1:11@7-10"]]],
    ["a = {b 1}\n", [["Missing key/value separator", "1:8-1:9@7-8"]]],
    ["a = {b = 1 c = 2}\n", [["Missing attribute separator", "1:12-1:13@11-12"]]],
    ["a = [for x in y: x => x]\n", [["Invalid 'for' expression", "1:18-1:19@17-18"]]],
    ["a = {for x in y: x}\n", [["Invalid 'for' expression", "1:18-1:19@17-18"]]],
    ["a = [for 1 in y: x]\n", [["Invalid 'for' expression", "1:10-1:11@9-10"]]],
    ["a = [for in y: x]\n", [["Invalid 'for' expression", "1:13-1:14@12-13"]]],
    ['a = "%{ if x }y"\n', [["Unexpected end of template", "1:16-1:17@15-16"]]],
    ['a = "%{ endif }"\n', [["Unexpected endif directive", "1:6-1:16@5-15"]]],
    ['a = "%{ iff x }"\n', [["Invalid template control keyword", "1:9-1:12@8-11"]]],
    ["a = x ? y\n", [["Missing false expression in conditional", "1:10-2:1@9-10"]]],
    [
      "a = x & y\n",
      [
        ["Unsupported operator", "1:7-1:8@6-7"],
        ["Missing newline after argument", "1:7-1:8@6-7"],
      ],
    ],
    [
      "a = 'x'\n",
      [
        ["Invalid character", "1:5-1:6@4-5"],
        ["Invalid expression", "1:5-1:6@4-5"],
      ],
    ],
    [
      "a = 1;\n",
      [
        ["Invalid character", "1:6-1:7@5-6"],
        ["Missing newline after argument", "1:6-1:7@5-6"],
      ],
    ],
    ['a "b" = 1\n', [["Invalid block definition", "1:7-1:8@6-7"]]],
    ['a "${b}" {}\n', [["Invalid string literal", "1:4-1:6@3-5"]]],
    ["a {}}\n", [["Missing newline after block definition", "1:5-1:6@4-5"]]],
  ])("%j", (src, expected) => {
    const { diagnostics } = parse(src, "f.tf");
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual(expected);
    for (const d of diagnostics) expect(d.severity).toBe("error");
  });

  it("parseExpression reports trailing text", () => {
    const { diagnostics } = parseExpression("a b", "e");
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual([
      ["Extra characters after expression", "1:3-1:4@2-3"],
    ]);
  });

  it("invalid UTF-8: a located diagnostic, not a crash", () => {
    const bytes = new Uint8Array([0x61, 0x20, 0x3d, 0x20, 0x22, 0xff, 0x22, 0x0a, 0x62, 0x20, 0x3d, 0x20, 0x31, 0x0a]);
    const { file, diagnostics } = parse(bytes, "bin.tf");
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual([
      ["Invalid character encoding", "1:6-1:7@5-6"],
      ["Unterminated template string", "1:6-1:7@5-6"],
    ]);
    expect(names(file.body)).toEqual(["a=", "b="]);
  });

  it("invalid UTF-8 in a comment is reported too", () => {
    const bytes = new Uint8Array([0x23, 0x20, 0xc3, 0x28, 0x0a, 0x61, 0x20, 0x3d, 0x20, 0x31]);
    const { file, diagnostics } = parse(bytes, "bin.tf");
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual([["Invalid character encoding", "1:3-1:4@2-3"]]);
    expect(names(file.body)).toEqual(["a="]);
  });

  it("NUL bytes: reported where the grammar does not already reject them", () => {
    expect(parse("a = 1\0\n", "f").diagnostics.map((d) => [d.summary, span(d)])).toEqual([
      ["Invalid character", "1:6-1:7@5-6"],
      ["Missing newline after argument", "1:6-1:7@5-6"],
    ]);
    expect(parse('a = "x\0"\n', "f").diagnostics.map((d) => [d.summary, span(d)])).toEqual([
      ["Invalid character", "1:7-1:8@6-7"],
    ]);
  });

  it("100,000 nested brackets: one located diagnostic, no stack overflow", () => {
    const src = `a = ${"[".repeat(100_000)}\nb = 1\n`;
    const { file, diagnostics } = parse(src, "deep.tf");
    expect(diagnostics.map((d) => [d.summary, span(d)])).toEqual([["Nesting too deep", "1:205-1:206@204-205"]]);
    expect(names(file.body)).toEqual(["a="]);
  });

  it("deeply nested blocks, parentheses, templates and directives are bounded too", () => {
    for (const src of [
      "a {\n".repeat(5000),
      `a = ${"(".repeat(5000)}`,
      `a = ${'"${'.repeat(5000)}`,
      `a = "${"%{if x}".repeat(5000)}"`,
      `a = ${"-".repeat(5000)}1`,
      `a = x${"[*]".repeat(5000)}`,
    ]) {
      const { diagnostics } = parse(src, "deep.tf");
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.some((d) => d.summary === "Internal parser error")).toBe(false);
    }
  });
});

describe.skipIf(!sharedDir)("the corpus", () => {
  it("all 1,069 corpus files parse with no diagnostics", () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".tf")) files.push(path);
      }
    };
    walk(sharedPath("corpus/hcl"));
    expect(files.length).toBe(1069);
    const withDiagnostics = files.filter((f) => parse(readFileSync(f), f).diagnostics.length > 0);
    expect(withDiagnostics).toEqual([]);
  });
});
