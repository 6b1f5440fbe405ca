// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are HCL, where ${ starts an interpolation
import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/hcl/json-rendering.js";
import { parse } from "../../src/hcl/parser.js";

function render(src: string): unknown {
  const { file, diagnostics } = parse(src, "main.tf");
  expect(diagnostics).toEqual([]);
  // Through JSON text, as the CLI prints it and as hcl2json returns it.
  return JSON.parse(JSON.stringify(renderJson(file, src)));
}

describe("hcl2json-compatible JSON rendering", () => {
  it("nests blocks by type and labels, collecting repeated blocks in arrays", () => {
    expect(
      render(`resource "aws_s3_bucket" "a" { bucket = "x" }
resource "aws_s3_bucket" "b" {}
resource "aws_kms_key" "k" {}
locals { a = 1 }
locals { b = 2 }
terraform {
  backend "s3" {}
}
`),
    ).toEqual({
      resource: {
        aws_s3_bucket: { a: [{ bucket: "x" }], b: [{}] },
        aws_kms_key: { k: [{}] },
      },
      locals: [{ a: 1 }, { b: 2 }],
      terraform: [{ backend: { s3: [{}] } }],
    });
  });

  it("lets an attribute replace a block of the same name, as hcl2json converts blocks first", () => {
    expect(render(`x = 1\nx {}\n`)).toEqual({ x: 1 });
  });

  it("renders literals as JSON and unary operators on literals as their value", () => {
    expect(render(`a = 1.5\nb = true\nc = null\nd = -1\ne = !true\nf = 12345678901234567890\n`)).toEqual({
      a: 1.5,
      b: true,
      c: null,
      d: -1,
      e: false,
      f: 12345678901234567000,
    });
  });

  it("renders other expressions as their exact source text in ${}", () => {
    expect(
      render(`a = var.x
b = -var.x
c = foo(1,  2)
d = (a)
e = [for x in y : x]
f = a ? b : c
g = x[*].id
`),
    ).toEqual({
      a: "${var.x}",
      b: "${-var.x}",
      c: "${foo(1,  2)}",
      d: "${(a)}",
      e: "${[for x in y : x]}",
      f: "${a ? b : c}",
      g: "${x[*].id}",
    });
  });

  it("renders tuples and objects recursively, with keys as written", () => {
    expect(render(`a = [1, "x", var.y]\nb = { k = 1, "q" = 2, (v) = 3, a.b = 4, 5 = 6, "\${p}" = 7 }\n`)).toEqual({
      a: [1, "x", "${var.y}"],
      b: { k: 1, q: 2, "${(v)}": 3, "a.b": 4, "5": 6, "${p}": 7 },
    });
  });

  it("renders templates as template text, re-rendering directives and keeping escapes", () => {
    expect(
      render(`a = "x-\${var.y}-\${1}-\${true}"
b = "%{ if c }yes%{ else }no%{ endif }"
c = "%{ if c }yes%{ endif }"
d = "%{ for k, v in m }\${k}%{ endfor }"
e = "\${c ? "a" : d}!"
f = "$\${x} %%{y}"
g = "\${~ x ~}"
h = "\${x}"
`),
    ).toEqual({
      a: "x-${var.y}-1-true",
      b: "%{if c}yes%{else}no%{endif}",
      c: "%{if c}yes%{endif}",
      d: "%{for k, v in m}${k}%{endfor}",
      e: "%{if c}a%{else}${d}%{endif}!",
      f: "$${x} %%{y}",
      g: "${x}",
      h: "${x}",
    });
  });

  it("renders heredocs as their text", () => {
    expect(render(`a = <<-EOT\n    one \${x}\n      two\n    EOT\n`)).toEqual({ a: "one ${x}\n  two\n" });
  });

  it("keeps keys such as __proto__ as ordinary keys", () => {
    const { file } = parse(`__proto__ = 1\n`, "main.tf");
    const json = renderJson(file, `__proto__ = 1\n`);
    expect(Object.keys(json)).toEqual(["__proto__"]);
  });
});
