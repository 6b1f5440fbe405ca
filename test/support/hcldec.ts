/**
 * A small implementation of HashiCorp's `hcldec` for the HCL conformance suite: reads a `.hcldec` spec file and
 * decodes a body with it, reporting what hcldec reports (unexpected and missing arguments and blocks, wrong value
 * types) at the same source ranges. Supports the spec kinds the suite uses: `object`, `attr`, `block`, `block_list`,
 * `block_map`, `literal`, and the `variables` block.
 */
import type { Attribute, Block, Body, Expression, File, ScopeTraversal } from "../../src/hcl/ast.js";
import { type Diagnostic, error } from "../../src/hcl/diagnostic.js";
import { type EvalContext, evaluate, referencedVariables } from "../../src/hcl/eval.js";
import { formatRange, type Range } from "../../src/hcl/range.js";
import {
  anyType,
  convert,
  listOf,
  mapOf,
  objectOf,
  parseTypeExpression,
  type Type,
  tupleOf,
  typeOf,
} from "../../src/hcl/types.js";
import { object, type Value } from "../../src/hcl/value.js";

export type Spec =
  | { readonly kind: "literal"; readonly value: Value }
  | { readonly kind: "object"; readonly children: readonly NamedSpec[] }
  | { readonly kind: "attr"; readonly name: string; readonly type: Type; readonly required: boolean }
  | { readonly kind: "block"; readonly blockType: string; readonly required: boolean; readonly nested: Spec }
  | {
      readonly kind: "block_list";
      readonly blockType: string;
      readonly minItems: number;
      readonly maxItems: number;
      readonly nested: Spec;
    }
  | {
      readonly kind: "block_map";
      readonly blockType: string;
      readonly labels: readonly string[];
      readonly nested: Spec;
    };

export interface NamedSpec {
  /** The key of this child in the decoded object. */
  readonly key: string;
  readonly spec: Spec;
}

export interface SpecFile {
  readonly spec: Spec;
  readonly variables: Record<string, Value>;
  readonly diagnostics: Diagnostic[];
}

export interface Decoded {
  readonly value: Value;
  readonly type: Type;
  readonly diagnostics: Diagnostic[];
}

const NO_CONTEXT: EvalContext = { variables: object() };

/** Reads a spec file: one root spec block and an optional `variables` block. */
export function loadSpec(file: File): SpecFile {
  const diagnostics: Diagnostic[] = [];
  let spec: Spec | undefined;
  const variables = object();
  for (const block of file.body.blocks) {
    if (block.type === "variables") {
      for (const attr of block.body.attributes) {
        const r = evaluate(attr.expr, NO_CONTEXT);
        diagnostics.push(...r.diagnostics);
        variables[attr.name] = r.value;
      }
      continue;
    }
    if (spec) {
      diagnostics.push(error("Extraneous root spec", "A spec file has exactly one root spec.", block.typeRange));
      continue;
    }
    spec = specFromBlock(block, undefined, diagnostics);
  }
  if (!spec) {
    diagnostics.push(error("Missing root spec", "A spec file has exactly one root spec.", file.body.endRange));
    spec = { kind: "literal", value: null };
  }
  return { spec, variables, diagnostics };
}

function attrValue(body: Body, name: string, diagnostics: Diagnostic[]): Value | undefined {
  const attr = body.attributes.find((a) => a.name === name);
  if (!attr) return undefined;
  const r = evaluate(attr.expr, NO_CONTEXT);
  diagnostics.push(...r.diagnostics);
  return r.value;
}

function attrExpr(body: Body, name: string): Expression | undefined {
  return body.attributes.find((a) => a.name === name)?.expr;
}

function nestedSpec(block: Block, diagnostics: Diagnostic[]): Spec {
  const inner = block.body.blocks[0];
  if (!inner || block.body.blocks.length > 1) {
    diagnostics.push(error("Invalid spec", `A ${block.type} spec needs exactly one nested spec.`, block.typeRange));
    return { kind: "object", children: [] };
  }
  return specFromBlock(inner, undefined, diagnostics);
}

/** One spec block. `defaultName` is the label given by an enclosing `object` (the attribute or block type name). */
function specFromBlock(block: Block, defaultName: string | undefined, diagnostics: Diagnostic[]): Spec {
  const label = block.labels[0]?.value;
  const name = label ?? defaultName;
  switch (block.type) {
    case "literal":
      return { kind: "literal", value: attrValue(block.body, "value", diagnostics) ?? null };
    case "object":
      return {
        kind: "object",
        children: block.body.blocks.map((child) => {
          const key = child.labels[0]?.value ?? "";
          return { key, spec: specFromBlock(child, key, diagnostics) };
        }),
      };
    case "attr": {
      const typeExpr = attrExpr(block.body, "type");
      let type = anyType;
      if (typeExpr) {
        const parsed = parseTypeExpression(typeExpr, { allowOptional: false });
        diagnostics.push(...parsed.diagnostics);
        type = parsed.type;
      }
      const explicit = attrValue(block.body, "name", diagnostics);
      return {
        kind: "attr",
        name: typeof explicit === "string" ? explicit : (name ?? ""),
        type,
        required: attrValue(block.body, "required", diagnostics) === true,
      };
    }
    case "block":
    case "block_list":
    case "block_map": {
      const explicit = attrValue(block.body, "block_type", diagnostics);
      const blockType = typeof explicit === "string" ? explicit : (name ?? "");
      const nested = nestedSpec(block, diagnostics);
      if (block.type === "block") {
        return { kind: "block", blockType, nested, required: attrValue(block.body, "required", diagnostics) === true };
      }
      if (block.type === "block_list") {
        const min = attrValue(block.body, "min_items", diagnostics);
        const max = attrValue(block.body, "max_items", diagnostics);
        return {
          kind: "block_list",
          blockType,
          nested,
          minItems: typeof min === "number" ? min : 0,
          maxItems: typeof max === "number" ? max : Number.POSITIVE_INFINITY,
        };
      }
      const labels = attrValue(block.body, "labels", diagnostics);
      return {
        kind: "block_map",
        blockType,
        nested,
        labels: Array.isArray(labels) ? labels.filter((l): l is string => typeof l === "string") : [],
      };
    }
    default:
      diagnostics.push(
        error("Unsupported spec", `Spec kind ${JSON.stringify(block.type)} is not supported.`, block.typeRange),
      );
      return { kind: "literal", value: null };
  }
}

/** The type a spec decodes to before seeing any input (hcldec's impliedType). */
export function impliedType(spec: Spec): Type {
  switch (spec.kind) {
    case "literal":
      return typeOf(spec.value);
    case "object":
      return objectOf(Object.fromEntries(spec.children.map((c) => [c.key, impliedType(c.spec)])));
    case "attr":
      return spec.type;
    case "block":
      return impliedType(spec.nested);
    case "block_list":
      return listOf(impliedType(spec.nested));
    case "block_map": {
      let t = impliedType(spec.nested);
      for (let i = 0; i < spec.labels.length; i++) t = mapOf(t);
      return t;
    }
  }
}

function hasDynamic(t: Type): boolean {
  switch (t.kind) {
    case "any":
      return true;
    case "list":
    case "set":
    case "map":
      return hasDynamic(t.element);
    case "tuple":
      return t.elements.some(hasDynamic);
    case "object":
      return Object.values(t.attributes).some(hasDynamic);
    default:
      return false;
  }
}

/** What a body offers to the specs: its attributes and blocks by name, as hcl.Body.Content checks them. */
interface Schema {
  readonly attributes: Map<string, boolean>;
  readonly blocks: Map<string, readonly string[]>;
}

function schemaOf(spec: Spec, schema: Schema): void {
  switch (spec.kind) {
    case "object":
      for (const child of spec.children) schemaOf(child.spec, schema);
      return;
    case "attr":
      schema.attributes.set(spec.name, spec.required);
      return;
    case "block":
    case "block_list":
      schema.blocks.set(spec.blockType, []);
      return;
    case "block_map":
      schema.blocks.set(spec.blockType, spec.labels);
      return;
    case "literal":
      return;
  }
}

/** Decodes a body with a spec, as `hcldec` does. */
export function decode(body: Body, spec: Spec, variables: Record<string, Value>): Decoded {
  const diagnostics: Diagnostic[] = [];
  const ctx: EvalContext = { variables };
  checkContent(body, spec, diagnostics);
  const { value, type } = decodeSpec(body, spec, ctx, diagnostics);
  return { value, type, diagnostics };
}

/** hcl.Body.Content: unexpected arguments and blocks, missing required arguments, wrong label counts. */
function checkContent(body: Body, spec: Spec, diagnostics: Diagnostic[]): void {
  const schema: Schema = { attributes: new Map(), blocks: new Map() };
  schemaOf(spec, schema);
  for (const attr of body.attributes) {
    if (schema.attributes.has(attr.name)) continue;
    const detail = schema.blocks.has(attr.name)
      ? `An argument named ${JSON.stringify(attr.name)} is not expected here. Did you mean to define a block of type ${JSON.stringify(attr.name)}?`
      : `An argument named ${JSON.stringify(attr.name)} is not expected here.`;
    diagnostics.push(error("Unsupported argument", detail, attr.nameRange));
  }
  for (const [name, required] of schema.attributes) {
    if (required && !body.attributes.some((a) => a.name === name)) {
      diagnostics.push(
        error(
          "Missing required argument",
          `The argument ${JSON.stringify(name)} is required, but no definition was found.`,
          body.endRange,
        ),
      );
    }
  }
  for (const block of body.blocks) {
    const labels = schema.blocks.get(block.type);
    if (!labels) {
      const detail = schema.attributes.has(block.type)
        ? `Blocks of type ${JSON.stringify(block.type)} are not expected here. Did you mean to define argument ${JSON.stringify(block.type)}? If so, use the equals sign to assign it a value.`
        : `Blocks of type ${JSON.stringify(block.type)} are not expected here.`;
      diagnostics.push(error("Unsupported block type", detail, block.typeRange));
      continue;
    }
    if (block.labels.length > labels.length) {
      const extra = block.labels[labels.length] as Block["labels"][number];
      diagnostics.push(
        error(
          `Extraneous label for ${block.type}`,
          labels.length === 0
            ? `No labels are expected for ${block.type} blocks.`
            : `Only ${labels.length} labels (${labels.join(", ")}) are expected for ${block.type} blocks.`,
          extra.range,
        ),
      );
    } else if (block.labels.length < labels.length) {
      diagnostics.push(
        error(
          `Missing ${labels[block.labels.length]} for ${block.type}`,
          `All ${block.type} blocks must have ${labels.length} labels (${labels.join(", ")}).`,
          block.openBraceRange,
        ),
      );
    }
  }
}

function blocksOfType(body: Body, type: string): Block[] {
  return body.blocks.filter((b) => b.type === type);
}

function decodeSpec(body: Body, spec: Spec, ctx: EvalContext, diagnostics: Diagnostic[]): { value: Value; type: Type } {
  switch (spec.kind) {
    case "literal":
      return { value: spec.value, type: typeOf(spec.value) };
    case "object": {
      const value = object();
      const types: Record<string, Type> = {};
      for (const child of spec.children) {
        const r = decodeSpec(body, child.spec, ctx, diagnostics);
        value[child.key] = r.value;
        types[child.key] = r.type;
      }
      return { value, type: objectOf(types) };
    }
    case "attr": {
      const attr: Attribute | undefined = body.attributes.find((a) => a.name === spec.name);
      if (!attr) return { value: null, type: spec.type };
      const r = evaluate(attr.expr, ctx);
      diagnostics.push(...r.diagnostics);
      const converted = convert(r.value, spec.type);
      if (converted.error) {
        diagnostics.push(
          error(
            "Incorrect attribute value type",
            `Inappropriate value for attribute ${JSON.stringify(spec.name)}: ${converted.error.message}.`,
            attr.expr.range,
          ),
        );
        return { value: null, type: spec.type };
      }
      return { value: converted.value, type: converted.type };
    }
    case "block": {
      const blocks = blocksOfType(body, spec.blockType);
      const [first, second] = blocks;
      if (second && first) {
        diagnostics.push(
          error(
            `Duplicate ${spec.blockType} block`,
            `Only one block of type ${JSON.stringify(spec.blockType)} is allowed. Previous definition was at ${formatRange(first.typeRange)}.`,
            second.typeRange,
          ),
        );
      }
      if (!first) {
        if (spec.required) {
          diagnostics.push(
            error(
              `Missing ${spec.blockType} block`,
              `A block of type ${JSON.stringify(spec.blockType)} is required here.`,
              body.endRange,
            ),
          );
        }
        return { value: null, type: impliedType(spec.nested) };
      }
      return decodeBlockBody(first, spec.nested, ctx, diagnostics);
    }
    case "block_list": {
      const blocks = blocksOfType(body, spec.blockType);
      const items = blocks.map((b) => decodeBlockBody(b, spec.nested, ctx, diagnostics));
      const countRange: Range = blocks[spec.maxItems]?.typeRange ?? body.endRange;
      if (blocks.length < spec.minItems) {
        diagnostics.push(
          error(
            `Insufficient ${spec.blockType} blocks`,
            `At least ${spec.minItems} ${JSON.stringify(spec.blockType)} blocks are required.`,
            body.endRange,
          ),
        );
      } else if (blocks.length > spec.maxItems) {
        diagnostics.push(
          error(
            `Too many ${spec.blockType} blocks`,
            `No more than ${spec.maxItems} ${JSON.stringify(spec.blockType)} blocks are allowed`,
            countRange,
          ),
        );
      }
      const implied = impliedType(spec.nested);
      return hasDynamic(implied)
        ? { value: items.map((i) => i.value), type: tupleOf(items.map((i) => i.type)) }
        : { value: items.map((i) => i.value), type: listOf(implied) };
    }
    case "block_map": {
      const root = object();
      const seen = new Map<string, Block>();
      for (const block of blocksOfType(body, spec.blockType)) {
        if (block.labels.length !== spec.labels.length) continue;
        const key = JSON.stringify(block.labels.map((l) => l.value));
        const previous = seen.get(key);
        if (previous) {
          diagnostics.push(
            error(
              `Duplicate ${spec.blockType} block`,
              `A block for ${block.labels.map((l) => JSON.stringify(l.value)).join(" ")} was already defined at ${formatRange(previous.typeRange)}.`,
              block.typeRange,
            ),
          );
          continue;
        }
        seen.set(key, block);
        let target = root;
        block.labels.forEach((label, i) => {
          if (i === block.labels.length - 1) {
            target[label.value] = decodeBlockBody(block, spec.nested, ctx, diagnostics).value;
          } else {
            target[label.value] ??= object();
            target = target[label.value] as Record<string, Value>;
          }
        });
      }
      return { value: root, type: blockMapType(root, spec) };
    }
  }
}

function blockMapType(root: Record<string, Value>, spec: Extract<Spec, { kind: "block_map" }>): Type {
  const implied = impliedType(spec.nested);
  if (!hasDynamic(implied)) {
    let t = implied;
    for (let i = 0; i < spec.labels.length; i++) t = mapOf(t);
    return t;
  }
  return typeOf(root);
}

function decodeBlockBody(
  block: Block,
  spec: Spec,
  ctx: EvalContext,
  diagnostics: Diagnostic[],
): { value: Value; type: Type } {
  checkContent(block.body, spec, diagnostics);
  return decodeSpec(block.body, spec, ctx, diagnostics);
}

/** The variable references a body makes in the attributes a spec reads (hcldec's `--var-refs`). */
export function specVariables(body: Body, spec: Spec): ScopeTraversal[] {
  switch (spec.kind) {
    case "literal":
      return [];
    case "object":
      return spec.children.flatMap((c) => specVariables(body, c.spec));
    case "attr": {
      const attr = body.attributes.find((a) => a.name === spec.name);
      return attr ? referencedVariables(attr.expr) : [];
    }
    case "block":
    case "block_list":
    case "block_map":
      return blocksOfType(body, spec.blockType).flatMap((b) => specVariables(b.body, spec.nested));
  }
}
