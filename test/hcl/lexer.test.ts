// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL sources are full of ${...}
import { describe, expect, it } from "vitest";
import { lex, SCAN_NORMAL, SCAN_TEMPLATE, TOKEN_NAMES } from "../../src/hcl/lexer.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Each token as `Kind:text`, EOF included. */
function tokens(src: string | Uint8Array, mode: 0 | 1 = SCAN_NORMAL): string[] {
  const bytes = typeof src === "string" ? encoder.encode(src) : src;
  const t = lex(bytes, 0, mode);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) {
    out.push(`${TOKEN_NAMES[t.kind[i] as number]}:${decoder.decode(bytes.subarray(t.start[i], t.end[i]))}`);
  }
  return out;
}

describe("lexer: main scanner", () => {
  it("identifiers, numbers, operators", () => {
    expect(tokens("a-b_c = x.y[0] + 1.5e-3 * -2")).toEqual([
      "Ident:a-b_c",
      "Equal:=",
      "Ident:x",
      "Dot:.",
      "Ident:y",
      "OBrack:[",
      "NumberLit:0",
      "CBrack:]",
      "Plus:+",
      "NumberLit:1.5e-3",
      "Star:*",
      "Minus:-",
      "NumberLit:2",
      "EOF:",
    ]);
  });

  it("two- and three-character operators", () => {
    expect(tokens("== != <= >= && || :: ... => < > ! ? : %")).toEqual([
      "EqualOp:==",
      "NotEqual:!=",
      "LessThanEq:<=",
      "GreaterThanEq:>=",
      "And:&&",
      "Or:||",
      "DoubleColon:::",
      "Ellipsis:...",
      "FatArrow:=>",
      "LessThan:<",
      "GreaterThan:>",
      "Bang:!",
      "Question:?",
      "Colon::",
      "Percent:%",
      "EOF:",
    ]);
  });

  it("a number may not end in a dot; `0.1` after a dot is one number (legacy index limit)", () => {
    expect(tokens("1. a.0.1 1.e5 1e 2x")).toEqual([
      "NumberLit:1",
      "Dot:.",
      "Ident:a",
      "Dot:.",
      "NumberLit:0.1",
      "NumberLit:1.e5",
      "NumberLit:1",
      "Ident:e",
      "NumberLit:2",
      "Ident:x",
      "EOF:",
    ]);
  });

  it("Unicode identifiers, with Unicode 9.0's ID_Start and ID_Continue as in hclsyntax", () => {
    expect(tokens("café = ñ")).toEqual(["Ident:café", "Equal:=", "Ident:ñ", "EOF:"]);
    // U+200D (zero-width joiner) continues identifiers only since Unicode 15.1; U+1E900 (Adlam) starts them since 9.0.
    expect(tokens("a\u200d \u{1e900}b")).toEqual(["Ident:a", "Invalid:\u200d", "Ident:\u{1e900}b", "EOF:"]);
    // U+1E030 (Cyrillic Extended-D, Unicode 15.0) is no identifier character to hclsyntax.
    expect(tokens("\u{1e030}")).toEqual(["Invalid:\u{1e030}", "EOF:"]);
  });

  it("line comments become newline tokens spanning the comment; inline comments vanish", () => {
    expect(tokens("a # c\nb // d\r\nc /* e\n f */ d\n# end")).toEqual([
      "Ident:a",
      "Newline:# c\n",
      "Ident:b",
      "Newline:// d\r\n",
      "Ident:c",
      "Ident:d",
      "Newline:\n",
      "EOF:",
    ]);
  });

  it("an unterminated inline comment is a slash and a star", () => {
    expect(tokens("a /* b")).toEqual(["Ident:a", "Slash:/", "Star:*", "Ident:b", "EOF:"]);
  });

  it("CRLF newlines; a lone CR is invalid", () => {
    expect(tokens("a\r\nb\rc")).toEqual(["Ident:a", "Newline:\r\n", "Ident:b", "Invalid:\r", "Ident:c", "EOF:"]);
  });

  it("characters the language does not use", () => {
    expect(tokens("& | ~ ^ ; ` ' $ @")).toEqual([
      "BitwiseAnd:&",
      "BitwiseOr:|",
      "BitwiseNot:~",
      "BitwiseXor:^",
      "Semicolon:;",
      "Backtick:`",
      "Apostrophe:'",
      "Invalid:$",
      "Invalid:@",
      "EOF:",
    ]);
  });

  it("invalid UTF-8 bytes are single BadUTF8 tokens; NUL is invalid", () => {
    expect(tokens(new Uint8Array([0x61, 0xff, 0xc3, 0x00]))).toEqual([
      "Ident:a",
      "BadUTF8:\ufffd",
      "BadUTF8:\ufffd",
      "Invalid:\0",
      "EOF:",
    ]);
  });
});

describe("lexer: quoted templates", () => {
  it("literal runs are split at $ and % and at template sequences; escapes stay in the run", () => {
    expect(tokens('"a\\"b$c ${x} $${y} %{ if z ~}%%{w}~"')).toEqual([
      'OQuote:"',
      'QuotedLit:a\\"b',
      "QuotedLit:$",
      "QuotedLit:c ",
      "TemplateInterp:${",
      "Ident:x",
      "TemplateSeqEnd:}",
      "QuotedLit: ",
      "QuotedLit:$${",
      "QuotedLit:y} ",
      "TemplateControl:%{",
      "Ident:if",
      "Ident:z",
      "TemplateSeqEnd:~}",
      "QuotedLit:%%{",
      "QuotedLit:w}~",
      'CQuote:"',
      "EOF:",
    ]);
  });

  it("strip markers on sequence openers", () => {
    expect(tokens('"${~x~}"')).toEqual([
      'OQuote:"',
      "TemplateInterp:${~",
      "Ident:x",
      "TemplateSeqEnd:~}",
      'CQuote:"',
      "EOF:",
    ]);
  });

  it("braces inside an interpolation are counted; nested strings work", () => {
    expect(tokens('"${ {a = "}"}.a }"')).toEqual([
      'OQuote:"',
      "TemplateInterp:${",
      "OBrace:{",
      "Ident:a",
      "Equal:=",
      'OQuote:"',
      "QuotedLit:}",
      'CQuote:"',
      "CBrace:}",
      "Dot:.",
      "Ident:a",
      "TemplateSeqEnd:}",
      'CQuote:"',
      "EOF:",
    ]);
  });

  it("a newline inside quotes is a QuotedNewline and the string goes on", () => {
    expect(tokens('"a\nb"')).toEqual([
      'OQuote:"',
      "QuotedLit:a",
      "QuotedNewline:\n",
      "QuotedLit:b",
      'CQuote:"',
      "EOF:",
    ]);
  });
});

describe("lexer: heredocs", () => {
  it("one literal token per line; the closing marker and its newline are separate tokens", () => {
    expect(tokens("x = <<EOT\nhello\n  ${a} b\n  EOT\ny = 1")).toEqual([
      "Ident:x",
      "Equal:=",
      "OHeredoc:<<EOT\n",
      "StringLit:hello\n",
      "StringLit:  ",
      "TemplateInterp:${",
      "Ident:a",
      "TemplateSeqEnd:}",
      "StringLit: b\n",
      "CHeredoc:  EOT",
      "Newline:\n",
      "Ident:y",
      "Equal:=",
      "NumberLit:1",
      "EOF:",
    ]);
  });

  it("the marker only closes at the start of a line", () => {
    expect(tokens("<<-EOT\n${a}EOT\nEOT\n")).toEqual([
      "OHeredoc:<<-EOT\n",
      "TemplateInterp:${",
      "Ident:a",
      "TemplateSeqEnd:}",
      "StringLit:EOT\n",
      "CHeredoc:EOT",
      "Newline:\n",
      "EOF:",
    ]);
  });

  it("as in hclsyntax, a `$` or `%` at the very end of a template, or a lone carriage return, fails the scan", () => {
    expect(tokens('"ab$')).toEqual(['OQuote:"', "QuotedLit:ab", "Invalid:$", "EOF:"]);
    expect(tokens("<<EOT\nab%")).toEqual(["OHeredoc:<<EOT\n", "StringLit:ab", "Invalid:%", "EOF:"]);
    expect(tokens("<<EOT\nab\rc\nEOT\n")).toEqual(["OHeredoc:<<EOT\n", "StringLit:ab", "Invalid:\rc\nEOT\n", "EOF:"]);
    expect(tokens("ab\rc\n$", SCAN_TEMPLATE)).toEqual(["StringLit:ab", "StringLit:\rc\n$", "EOF:"]);
  });

  it("the closing marker may be surrounded by any Unicode white space", () => {
    expect(tokens("<<EOT\nx\n\u3000EOT\u00a0\n")).toEqual([
      "OHeredoc:<<EOT\n",
      "StringLit:x\n",
      "CHeredoc:\u3000EOT\u00a0",
      "Newline:\n",
      "EOF:",
    ]);
  });

  it("<< without an identifier and a newline is two less-than signs", () => {
    expect(tokens("a << b")).toEqual(["Ident:a", "LessThan:<", "LessThan:<", "Ident:b", "EOF:"]);
  });
});

describe("lexer: bare templates", () => {
  it("the whole text is template; literal tokens end at each newline", () => {
    expect(tokens("a ${b}\n%{ for x in y }z%{ endfor }$", SCAN_TEMPLATE)).toEqual([
      "StringLit:a ",
      "TemplateInterp:${",
      "Ident:b",
      "TemplateSeqEnd:}",
      "StringLit:\n",
      "TemplateControl:%{",
      "Ident:for",
      "Ident:x",
      "Ident:in",
      "Ident:y",
      "TemplateSeqEnd:}",
      "StringLit:z",
      "TemplateControl:%{",
      "Ident:endfor",
      "TemplateSeqEnd:}",
      "StringLit:$",
      "EOF:",
    ]);
  });
});
