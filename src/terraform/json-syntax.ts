/**
 * Terraform's JSON configuration syntax (`*.tf.json`), translated into the same AST as native syntax so that
 * everything downstream sees one shape. Ranges are exact for JSON tokens; inside a string, template ranges are
 * offset from the opening quote (exact unless the string uses JSON escapes, as in HashiCorp's implementation).
 *
 * Whether a property is a block or an attribute depends on a schema: the block types Terraform itself defines are
 * known here; provider-defined nested blocks inside resources cannot be told from object-valued attributes without
 * the provider schema, so they become attributes (an object or a tuple of objects).
 */
import type { Attribute, Block, BlockLabel, Body, Expression, File, ObjectConsItem } from "../hcl/ast.js";
import { type Diagnostic, error } from "../hcl/diagnostic.js";
import { parseExpression, parseTemplate } from "../hcl/parser.js";
import type { Pos, Range } from "../hcl/range.js";

type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar;

interface JsonObject {
  readonly kind: "object";
  readonly props: JsonProp[];
  readonly range: Range;
  readonly openRange: Range;
  readonly closeRange: Range;
}
interface JsonArray {
  readonly kind: "array";
  readonly items: JsonNode[];
  readonly range: Range;
  readonly openRange: Range;
}
interface JsonString {
  readonly kind: "string";
  readonly value: string;
  readonly range: Range;
}
interface JsonScalar {
  readonly kind: "scalar";
  readonly value: number | boolean | null;
  readonly raw: string;
  readonly range: Range;
}
interface JsonProp {
  readonly key: string;
  readonly keyRange: Range;
  readonly colonRange: Range;
  readonly value: JsonNode;
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly range: Range,
  ) {
    super(message);
  }
}

/** A JSON parser that records line, column (in code points) and UTF-8 byte offset for every token. */
class JsonParser {
  private i = 0;
  private line = 1;
  private column = 1;
  private byte = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  parseDocument(): JsonNode {
    this.skipSpace();
    const value = this.parseValue();
    this.skipSpace();
    if (this.i < this.text.length) this.fail("Extra characters after the JSON value");
    return value;
  }

  private pos(): Pos {
    return { line: this.line, column: this.column, byte: this.byte };
  }

  private range(start: Pos): Range {
    return { file: this.file, start, end: this.pos() };
  }

  private fail(message: string): never {
    const start = this.pos();
    throw new JsonSyntaxError(message, { file: this.file, start, end: start });
  }

  private advance(): void {
    const code = this.text.charCodeAt(this.i);
    if (code === 0x0a) {
      this.i++;
      this.line++;
      this.column = 1;
      this.byte++;
      return;
    }
    if (code >= 0xd800 && code <= 0xdbff && this.i + 1 < this.text.length) {
      const next = this.text.charCodeAt(this.i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        this.i += 2;
        this.column++;
        this.byte += 4;
        return;
      }
    }
    this.i++;
    this.column++;
    this.byte += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.advance();
      else return;
    }
  }

  private parseValue(): JsonNode {
    const c = this.text[this.i];
    if (c === "{") return this.parseObject();
    if (c === "[") return this.parseArray();
    if (c === '"') return this.parseString();
    if (c === undefined) this.fail("Unexpected end of JSON input");
    return this.parseScalar();
  }

  private parseObject(): JsonObject {
    const start = this.pos();
    this.advance();
    const openRange = this.range(start);
    const props: JsonProp[] = [];
    this.skipSpace();
    if (this.text[this.i] !== "}") {
      for (;;) {
        this.skipSpace();
        if (this.text[this.i] !== '"') this.fail("Expected a quoted property name");
        const key = this.parseString();
        this.skipSpace();
        if (this.text[this.i] !== ":") this.fail("Expected ':' after a property name");
        const colonStart = this.pos();
        this.advance();
        const colonRange = this.range(colonStart);
        this.skipSpace();
        const value = this.parseValue();
        props.push({ key: key.value, keyRange: key.range, colonRange, value });
        this.skipSpace();
        if (this.text[this.i] === ",") {
          this.advance();
          continue;
        }
        if (this.text[this.i] === "}") break;
        this.fail("Expected ',' or '}' in an object");
      }
    }
    const closeStart = this.pos();
    this.advance();
    return { kind: "object", props, range: this.range(start), openRange, closeRange: this.range(closeStart) };
  }

  private parseArray(): JsonArray {
    const start = this.pos();
    this.advance();
    const openRange = this.range(start);
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.i] !== "]") {
      for (;;) {
        this.skipSpace();
        items.push(this.parseValue());
        this.skipSpace();
        if (this.text[this.i] === ",") {
          this.advance();
          continue;
        }
        if (this.text[this.i] === "]") break;
        this.fail("Expected ',' or ']' in an array");
      }
    }
    this.advance();
    return { kind: "array", items, range: this.range(start), openRange };
  }

  private parseString(): JsonString {
    const start = this.pos();
    this.advance();
    let value = "";
    let chunkStart = this.i;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined || c === "\n") this.fail("Unterminated string");
      if (c === '"') break;
      if (c === "\\") {
        value += this.text.slice(chunkStart, this.i);
        this.advance();
        const e = this.text[this.i];
        const simple = e === undefined ? undefined : ESCAPES[e];
        if (simple !== undefined) {
          value += simple;
          this.advance();
        } else if (e === "u") {
          this.advance();
          const hex = this.text.slice(this.i, this.i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("Invalid \\u escape");
          value += String.fromCharCode(Number.parseInt(hex, 16));
          for (let k = 0; k < 4; k++) this.advance();
        } else {
          this.fail("Invalid escape sequence");
        }
        chunkStart = this.i;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) this.fail("Control character in a string");
      this.advance();
    }
    value += this.text.slice(chunkStart, this.i);
    this.advance();
    return { kind: "string", value, range: this.range(start) };
  }

  private parseScalar(): JsonScalar {
    const start = this.pos();
    const from = this.i;
    while (this.i < this.text.length && /[0-9a-zA-Z+\-.]/.test(this.text[this.i] as string)) this.advance();
    const raw = this.text.slice(from, this.i);
    let value: number | boolean | null;
    if (raw === "true") value = true;
    else if (raw === "false") value = false;
    else if (raw === "null") value = null;
    else if (/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(raw)) value = Number(raw);
    else {
      if (raw === "") this.advance();
      throw new JsonSyntaxError(`Invalid JSON value ${JSON.stringify(raw || this.text[from])}`, this.range(start));
    }
    return { kind: "scalar", value, raw, range: this.range(start) };
  }
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** How an attribute's JSON value is read: as a template (the default) or as a native expression in a string. */
type AttrMode = "template" | "expression";

interface BlockSchema {
  readonly labels: number;
  readonly body: BodySchema;
}

interface BodySchema {
  readonly blocks?: Readonly<Record<string, BlockSchema>>;
  /** Attributes whose strings are native expressions (traversals, type constraints), not templates. */
  readonly expressions?: Readonly<Record<string, true>>;
  /** Nested objects under these attributes are maps of expressions (e.g. `providers = { aws = "aws.east" }`). */
  readonly expressionMaps?: Readonly<Record<string, true>>;
}

const conditionBody: BodySchema = {};
const lifecycleBody: BodySchema = {
  blocks: { precondition: { labels: 0, body: conditionBody }, postcondition: { labels: 0, body: conditionBody } },
  expressions: { ignore_changes: true, replace_triggered_by: true },
};
const connectionBody: BodySchema = {};
const provisionerBody: BodySchema = { blocks: { connection: { labels: 0, body: connectionBody } } };

// `dynamic` bodies nest resource-like content, so the schema refers to itself.
const resourceContentBody: { blocks: Record<string, BlockSchema> } = { blocks: {} };
const dynamicBody: BodySchema = { blocks: { content: { labels: 0, body: resourceContentBody } } };
resourceContentBody.blocks.dynamic = { labels: 1, body: dynamicBody };

const resourceBody: BodySchema = {
  blocks: {
    lifecycle: { labels: 0, body: lifecycleBody },
    provisioner: { labels: 1, body: provisionerBody },
    connection: { labels: 0, body: connectionBody },
    dynamic: { labels: 1, body: dynamicBody },
  },
  expressions: { provider: true, depends_on: true },
};

const terraformBody: BodySchema = {
  blocks: {
    backend: { labels: 1, body: {} },
    cloud: { labels: 0, body: { blocks: { workspaces: { labels: 0, body: {} } } } },
    required_providers: { labels: 0, body: {} },
    provider_meta: { labels: 1, body: {} },
  },
};

const fileSchema: BodySchema = {
  blocks: {
    terraform: { labels: 0, body: terraformBody },
    provider: { labels: 1, body: { blocks: { dynamic: { labels: 1, body: dynamicBody } } } },
    variable: {
      labels: 1,
      body: { blocks: { validation: { labels: 0, body: conditionBody } }, expressions: { type: true } },
    },
    locals: { labels: 0, body: {} },
    output: {
      labels: 1,
      body: { blocks: { precondition: { labels: 0, body: conditionBody } }, expressions: { depends_on: true } },
    },
    module: { labels: 1, body: { expressions: { depends_on: true }, expressionMaps: { providers: true } } },
    resource: { labels: 2, body: resourceBody },
    data: { labels: 2, body: resourceBody },
    moved: { labels: 0, body: { expressions: { from: true, to: true } } },
    import: { labels: 0, body: { expressions: { to: true, provider: true } } },
    removed: { labels: 0, body: { expressions: { from: true }, blocks: { lifecycle: { labels: 0, body: {} } } } },
    check: {
      labels: 1,
      body: { blocks: { data: { labels: 2, body: resourceBody }, assert: { labels: 0, body: conditionBody } } },
    },
  },
};

/** Parses a `.tf.json` file into the native-syntax AST. */
export function parseJsonConfig(text: string, path: string): { file: File | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let root: JsonNode;
  try {
    root = new JsonParser(text, path).parseDocument();
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      diagnostics.push(error("Invalid JSON", e.message, e.range));
      return { file: null, diagnostics };
    }
    throw e;
  }
  if (root.kind !== "object") {
    diagnostics.push(error("Invalid JSON configuration", "The root of a .tf.json file must be an object.", root.range));
    return { file: null, diagnostics };
  }
  const translator = new Translator(path, diagnostics);
  const body = translator.body(root, fileSchema);
  return { file: { kind: "File", path, body, range: root.range }, diagnostics };
}

class Translator {
  constructor(
    private readonly path: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  body(node: JsonObject, schema: BodySchema): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    for (const prop of node.props) {
      if (prop.key === "//") continue;
      const blockSchema = schema.blocks?.[prop.key];
      if (blockSchema) {
        this.blocks(prop, blockSchema, prop.value, [], blocks);
        continue;
      }
      let expr: Expression;
      if (schema.expressions?.[prop.key]) expr = this.expression(prop.value, "expression");
      else if (schema.expressionMaps?.[prop.key]) expr = this.expressionMap(prop.value);
      else expr = this.expression(prop.value, "template");
      attributes.push({
        kind: "Attribute",
        name: prop.key,
        nameRange: prop.keyRange,
        equalsRange: prop.colonRange,
        expr,
        range: { file: this.path, start: prop.keyRange.start, end: prop.value.range.end },
      });
    }
    const endPos = node.closeRange.start;
    return {
      kind: "Body",
      attributes,
      blocks,
      range: node.range,
      endRange: { file: this.path, start: endPos, end: endPos },
    };
  }

  /** One property naming a block type: descends one object level per label, accepting arrays at every level. */
  private blocks(typeProp: JsonProp, schema: BlockSchema, node: JsonNode, labels: BlockLabel[], out: Block[]): void {
    if (node.kind === "array") {
      for (const item of node.items) this.blocks(typeProp, schema, item, labels, out);
      return;
    }
    if (node.kind !== "object") {
      this.diagnostics.push(
        error(
          "Incorrect JSON value type",
          labels.length < schema.labels
            ? `A JSON object is required, whose keys are the ${typeProp.key} block's labels.`
            : `A JSON object is required for the body of a "${typeProp.key}" block.`,
          node.range,
        ),
      );
      return;
    }
    if (labels.length < schema.labels) {
      for (const prop of node.props) {
        if (prop.key === "//") continue;
        const label: BlockLabel = { value: prop.key, quoted: true, range: prop.keyRange };
        this.blocks(typeProp, schema, prop.value, [...labels, label], out);
      }
      return;
    }
    out.push({
      kind: "Block",
      type: typeProp.key,
      typeRange: typeProp.keyRange,
      labels,
      body: this.body(node, schema.body),
      openBraceRange: node.openRange,
      closeBraceRange: node.closeRange,
      // Several blocks can share one type key: each block's range starts at its own first label.
      range: { file: this.path, start: (labels[0]?.range ?? typeProp.keyRange).start, end: node.range.end },
    });
  }

  private expressionMap(node: JsonNode): Expression {
    if (node.kind !== "object") return this.expression(node, "expression");
    const items: ObjectConsItem[] = node.props.map((prop) => ({
      key: this.stringExpression(prop.key, prop.keyRange, "expression"),
      value: this.expression(prop.value, "expression"),
    }));
    return { kind: "ObjectCons", items, openRange: node.openRange, range: node.range };
  }

  expression(node: JsonNode, mode: AttrMode): Expression {
    switch (node.kind) {
      case "string":
        return this.stringExpression(node.value, node.range, mode);
      case "scalar":
        return typeof node.value === "number"
          ? { kind: "LiteralValue", value: node.value, raw: node.raw, range: node.range }
          : { kind: "LiteralValue", value: node.value, range: node.range };
      case "array":
        return {
          kind: "TupleCons",
          elements: node.items.map((item) => this.expression(item, mode)),
          openRange: node.openRange,
          range: node.range,
        };
      case "object":
        return {
          kind: "ObjectCons",
          items: node.props.map((prop) => ({
            key: this.stringExpression(prop.key, prop.keyRange, "template"),
            value: this.expression(prop.value, mode),
          })),
          openRange: node.openRange,
          range: node.range,
        };
    }
  }

  private stringExpression(text: string, range: Range, mode: AttrMode): Expression {
    // Template ranges start after the opening quote.
    const start: Pos = { line: range.start.line, column: range.start.column + 1, byte: range.start.byte + 1 };
    if (mode === "template" && !text.includes("${") && !text.includes("%{")) {
      return { kind: "LiteralValue", value: text, range };
    }
    const parsed = mode === "template" ? parseTemplate(text, this.path) : parseExpression(text, this.path);
    for (const d of parsed.diagnostics) this.diagnostics.push(shiftRanges(d, start));
    const expr = shiftRanges(parsed.expr, start);
    // As for a quoted template in native syntax, the whole string (quotes included) is the expression's range.
    return mode === "template" && (expr.kind === "Template" || expr.kind === "TemplateWrap")
      ? { ...expr, range }
      : expr;
  }
}

/** Moves every range in a freshly parsed tree from "start of the string" to `start` in the file. */
function shiftRanges<T>(node: T, start: Pos): T {
  const shiftPos = (p: Pos): Pos => ({
    line: p.line + start.line - 1,
    column: p.line === 1 ? p.column + start.column - 1 : p.column,
    byte: p.byte + start.byte,
  });
  const visit = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(visit);
    const o = v as Record<string, unknown>;
    if (typeof o.file === "string" && o.start && o.end && Object.keys(o).length === 3) {
      return { file: o.file, start: shiftPos(o.start as Pos), end: shiftPos(o.end as Pos) };
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = visit(o[k]);
    return out;
  };
  return visit(node) as T;
}

/** A `.tfvars.json` file: top-level properties as attributes whose values are literal (strings are not templates). */
export function parseJsonValues(text: string, path: string): { attributes: Attribute[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let root: JsonNode;
  try {
    root = new JsonParser(text, path).parseDocument();
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      diagnostics.push(error("Invalid JSON", e.message, e.range));
      return { attributes: [], diagnostics };
    }
    throw e;
  }
  if (root.kind !== "object") {
    diagnostics.push(error("Invalid variables file", "The root of a .tfvars.json file must be an object.", root.range));
    return { attributes: [], diagnostics };
  }
  const attributes = root.props.map(
    (prop): Attribute => ({
      kind: "Attribute",
      name: prop.key,
      nameRange: prop.keyRange,
      equalsRange: prop.colonRange,
      expr: literalExpression(prop.value),
      range: { file: path, start: prop.keyRange.start, end: prop.value.range.end },
    }),
  );
  return { attributes, diagnostics };
}

function literalExpression(node: JsonNode): Expression {
  switch (node.kind) {
    case "string":
      return { kind: "LiteralValue", value: node.value, range: node.range };
    case "scalar":
      return typeof node.value === "number"
        ? { kind: "LiteralValue", value: node.value, raw: node.raw, range: node.range }
        : { kind: "LiteralValue", value: node.value, range: node.range };
    case "array":
      return {
        kind: "TupleCons",
        elements: node.items.map(literalExpression),
        openRange: node.openRange,
        range: node.range,
      };
    case "object":
      return {
        kind: "ObjectCons",
        items: node.props.map((prop) => ({
          key: { kind: "LiteralValue", value: prop.key, range: prop.keyRange } as Expression,
          value: literalExpression(prop.value),
        })),
        openRange: node.openRange,
        range: node.range,
      };
  }
}
