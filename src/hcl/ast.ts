/**
 * The HCL native-syntax AST. Node kinds follow HashiCorp's hclsyntax package so that behaviour can be compared with
 * the reference implementation one construct at a time. Every node has a `range`; nodes with punctuation that
 * diagnostics point at keep the extra ranges (name, braces, operator) too.
 */
import type { Range } from "./range.js";

export interface File {
  readonly kind: "File";
  readonly path: string;
  readonly body: Body;
  readonly range: Range;
}

export interface Body {
  readonly kind: "Body";
  /** In source order. Duplicate names are kept; reporting them is the decoder's job, as in HCL. */
  readonly attributes: Attribute[];
  readonly blocks: Block[];
  /** From the opening brace to the closing brace, or the whole file for a file's top-level body. */
  readonly range: Range;
  /** Zero-width range at the end of the body, where a missing item would be inserted. */
  readonly endRange: Range;
}

export interface Attribute {
  readonly kind: "Attribute";
  readonly name: string;
  readonly nameRange: Range;
  readonly equalsRange: Range;
  readonly expr: Expression;
  /** From the name to the end of the expression. */
  readonly range: Range;
}

export interface BlockLabel {
  readonly value: string;
  /** Written as a quoted string (`"x"`) rather than a bare identifier (`x`). */
  readonly quoted: boolean;
  readonly range: Range;
}

export interface Block {
  readonly kind: "Block";
  readonly type: string;
  readonly typeRange: Range;
  readonly labels: BlockLabel[];
  readonly body: Body;
  readonly openBraceRange: Range;
  readonly closeBraceRange: Range;
  /** From the block type to the closing brace. */
  readonly range: Range;
}

export type Expression =
  | LiteralValue
  | Template
  | TemplateWrap
  | TemplateIf
  | TemplateFor
  | ScopeTraversal
  | RelativeTraversal
  | FunctionCall
  | Conditional
  | BinaryOp
  | UnaryOp
  | TupleCons
  | ObjectCons
  | ObjectConsKey
  | For
  | Index
  | Splat
  | AnonSymbol
  | Parentheses
  | Invalid;

export type LiteralScalar = null | boolean | number | string;

/** `null`, `true`, `false`, a number, or a string/template with no interpolation (after parsing). */
export interface LiteralValue {
  readonly kind: "LiteralValue";
  readonly value: LiteralScalar;
  /** For numbers: the literal's source text, so precision beyond a double is not lost for callers that need it. */
  readonly raw?: string;
  readonly range: Range;
}

/**
 * A quoted string or heredoc with any interpolations and directives. `parts` are LiteralValue strings,
 * interpolated expressions, TemplateIf and TemplateFor. A template of only literal parts is still a Template
 * (its value is the concatenation); `heredoc` is set for `<<EOT` forms.
 */
export interface Template {
  readonly kind: "Template";
  readonly parts: Expression[];
  readonly heredoc: boolean;
  readonly range: Range;
}

/** `"${expr}"` — a template that is exactly one interpolation: its value is the wrapped expression's, unconverted. */
export interface TemplateWrap {
  readonly kind: "TemplateWrap";
  readonly wrapped: Expression;
  readonly range: Range;
}

/** `%{ if cond }...%{ else }...%{ endif }` inside a template. */
export interface TemplateIf {
  readonly kind: "TemplateIf";
  readonly condition: Expression;
  readonly then: Template;
  readonly else: Template | null;
  readonly range: Range;
}

/** `%{ for k, v in coll }...%{ endfor }` inside a template. */
export interface TemplateFor {
  readonly kind: "TemplateFor";
  readonly keyVar: string | null;
  readonly valueVar: string;
  readonly collection: Expression;
  readonly body: Template;
  readonly range: Range;
}

/** One step of a static traversal. `index` steps hold a literal key (`[0]`, `["a"]`, legacy `.0`). */
export type Traverser =
  | { readonly kind: "attr"; readonly name: string; readonly range: Range }
  | { readonly kind: "index"; readonly key: LiteralScalar; readonly range: Range };

/** `name`, `name.attr`, `name[0].attr["key"]` — a root variable name followed by static steps. */
export interface ScopeTraversal {
  readonly kind: "ScopeTraversal";
  readonly root: string;
  readonly rootRange: Range;
  readonly traversal: Traverser[];
  readonly range: Range;
}

/** Static steps applied to the result of another expression: `f(x).attr`, `(a)[0]`. */
export interface RelativeTraversal {
  readonly kind: "RelativeTraversal";
  readonly source: Expression;
  readonly traversal: Traverser[];
  readonly range: Range;
}

export interface FunctionCall {
  readonly kind: "FunctionCall";
  readonly name: string;
  readonly nameRange: Range;
  readonly args: Expression[];
  /** The last argument was written with `...` and is expanded into separate arguments. */
  readonly expandFinal: boolean;
  readonly openParenRange: Range;
  readonly closeParenRange: Range;
  readonly range: Range;
}

export interface Conditional {
  readonly kind: "Conditional";
  readonly condition: Expression;
  readonly trueResult: Expression;
  readonly falseResult: Expression;
  readonly range: Range;
}

export type BinaryOperator = "||" | "&&" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "+" | "-" | "*" | "/" | "%";
export type UnaryOperator = "!" | "-";

export interface BinaryOp {
  readonly kind: "BinaryOp";
  readonly op: BinaryOperator;
  readonly opRange: Range;
  readonly left: Expression;
  readonly right: Expression;
  readonly range: Range;
}

export interface UnaryOp {
  readonly kind: "UnaryOp";
  readonly op: UnaryOperator;
  readonly opRange: Range;
  readonly operand: Expression;
  readonly range: Range;
}

export interface TupleCons {
  readonly kind: "TupleCons";
  readonly elements: Expression[];
  readonly openRange: Range;
  readonly range: Range;
}

export interface ObjectConsItem {
  /** An ObjectConsKey when the key is written as a bare identifier or traversal; any expression otherwise. */
  readonly key: Expression;
  readonly value: Expression;
}

export interface ObjectCons {
  readonly kind: "ObjectCons";
  readonly items: ObjectConsItem[];
  readonly openRange: Range;
  readonly range: Range;
}

/**
 * An object key. A bare identifier (`{ a = 1 }`) means the string "a", not the variable a; `forceNonLiteral` is set
 * when the key was parenthesised (`{ (a) = 1 }`), which makes it evaluate as an expression.
 */
export interface ObjectConsKey {
  readonly kind: "ObjectConsKey";
  readonly wrapped: Expression;
  readonly forceNonLiteral: boolean;
  readonly range: Range;
}

/** `[for k, v in coll : expr if cond]` and `{for k, v in coll : key => value... if cond}`. */
export interface For {
  readonly kind: "For";
  readonly keyVar: string | null;
  readonly valueVar: string;
  readonly collection: Expression;
  /** Set for object `for` (`{for ...: k => v}`), null for tuple `for`. */
  readonly keyExpr: Expression | null;
  readonly valueExpr: Expression;
  readonly condition: Expression | null;
  /** `...` after the value: group values with equal keys into tuples. */
  readonly group: boolean;
  readonly openRange: Range;
  readonly closeRange: Range;
  readonly range: Range;
}

/** `coll[key]` where key is not a literal. */
export interface Index {
  readonly kind: "Index";
  readonly collection: Expression;
  readonly key: Expression;
  readonly bracketRange: Range;
  readonly range: Range;
}

/**
 * `src.*.a` (attribute-only splat) and `src[*].a[0]` (full splat). `each` is evaluated once per element with the
 * AnonSymbol bound to that element.
 */
export interface Splat {
  readonly kind: "Splat";
  readonly source: Expression;
  readonly each: Expression;
  readonly item: AnonSymbol;
  readonly markerRange: Range;
  readonly range: Range;
}

/** The placeholder for "the current element" inside a splat's `each`. */
export interface AnonSymbol {
  readonly kind: "AnonSymbol";
  readonly range: Range;
}

/** `(expr)`: kept so that ranges and object-key disambiguation stay exact. */
export interface Parentheses {
  readonly kind: "Parentheses";
  readonly expr: Expression;
  readonly range: Range;
}

/** Placeholder after a syntax error, so that the tree stays complete. Evaluates to unknown with no diagnostic. */
export interface Invalid {
  readonly kind: "Invalid";
  readonly range: Range;
}
