/**
 * The inputs/outputs tables of a module's README, generated from its `.tf` files (terraform-docs' layout), so that
 * documentation cannot drift from the code. Static: reads the AST, evaluates nothing.
 */
import type { Attribute, Block, Expression, File } from "../hcl/ast.js";
import { sourceText } from "../hcl/source.js";

export const docsBegin = "<!-- BEGIN_PHIFORM_DOCS -->";
export const docsEnd = "<!-- END_PHIFORM_DOCS -->";
export const controlsBegin = "<!-- BEGIN_PHIFORM_CONTROLS -->";
export const controlsEnd = "<!-- END_PHIFORM_CONTROLS -->";

/** A rule that passed on a resource of the module, with the controls it maps to. */
export interface ProvenRule {
  readonly ruleId: string;
  readonly title: string;
  readonly controls: {
    readonly hipaa: readonly string[];
    readonly hitrust: readonly string[];
    readonly nist: readonly string[];
  };
}

export interface ModuleFile {
  readonly file: File;
  readonly source: Uint8Array;
}

/** The markdown between the markers: requirements, inputs and outputs tables. */
export function renderModuleDocs(files: readonly ModuleFile[]): string {
  const requirements: string[] = [];
  const inputs: string[] = [];
  const outputs: string[] = [];
  const variables: { name: string; row: string }[] = [];
  const outs: { name: string; row: string }[] = [];
  for (const { file, source } of files) {
    for (const block of file.body.blocks) {
      const name = block.labels[0]?.value ?? "";
      if (block.type === "variable") variables.push({ name, row: variableRow(name, block, source) });
      else if (block.type === "output") outs.push({ name, row: outputRow(name, block) });
      else if (block.type === "terraform") requirements.push(...requirementRows(block));
    }
  }
  inputs.push(...variables.sort(byName).map((v) => v.row));
  outputs.push(...outs.sort(byName).map((o) => o.row));
  return [
    "## Requirements",
    "",
    "| Name | Version |",
    "|------|---------|",
    ...requirements,
    "",
    "## Inputs",
    "",
    "| Name | Description | Type | Default | Required |",
    "|------|-------------|------|---------|:--------:|",
    ...inputs,
    "",
    "## Outputs",
    "",
    "| Name | Description |",
    "|------|-------------|",
    ...outputs,
  ].join("\n");
}

/** Replaces the text between the docs markers of a README; undefined when the README has no markers. */
export function updateReadme(readme: string, docs: string, begin = docsBegin, end = docsEnd): string | undefined {
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return `${readme.slice(0, from + begin.length)}\n${docs}\n${readme.slice(to)}`;
}

/**
 * The controls a module is proven to implement: the rules that pass on its resources when an example is scanned,
 * each with its HIPAA, HITRUST and NIST controls from the catalog.
 */
export function renderControlsTable(proven: readonly ProvenRule[]): string {
  if (proven.length === 0) return "No phiform rule judges this module's resources in the example.";
  const rows = [...proven]
    .sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
    .map((r) =>
      row([
        `\`${r.ruleId}\``,
        cell(r.title),
        r.controls.hipaa.join(", "),
        r.controls.hitrust.join(", "),
        r.controls.nist.join(", "),
      ]),
    );
  return [
    "| Rule | Checks | HIPAA | HITRUST | NIST SP 800-53 |",
    "|------|--------|-------|---------|----------------|",
    ...rows,
  ].join("\n");
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function attribute(block: Block, name: string): Attribute | undefined {
  return block.body.attributes.find((a) => a.name === name);
}

function literalString(attr: Attribute | undefined): string {
  const expr = attr?.expr;
  if (expr?.kind === "LiteralValue" && typeof expr.value === "string") return expr.value;
  if (expr?.kind === "Template" && expr.parts.every((p) => p.kind === "LiteralValue")) {
    return expr.parts.map((p) => (p.kind === "LiteralValue" ? String(p.value) : "")).join("");
  }
  return "";
}

function variableRow(name: string, block: Block, source: Uint8Array): string {
  const type = attribute(block, "type");
  const defaultValue = attribute(block, "default");
  return row([
    name,
    cell(literalString(attribute(block, "description"))),
    `\`${type ? formatExpression(type.expr, source) : "any"}\``,
    defaultValue ? `\`${formatExpression(defaultValue.expr, source)}\`` : "n/a",
    defaultValue ? "no" : "yes",
  ]);
}

function outputRow(name: string, block: Block): string {
  const sensitive = attribute(block, "sensitive");
  const marked = sensitive?.expr.kind === "LiteralValue" && sensitive.expr.value === true ? " (sensitive)" : "";
  return row([name, cell(literalString(attribute(block, "description")) + marked)]);
}

function requirementRows(block: Block): string[] {
  const rows: string[] = [];
  const version = literalString(attribute(block, "required_version"));
  if (version) rows.push(row(["terraform", version]));
  for (const required of block.body.blocks.filter((b) => b.type === "required_providers")) {
    for (const provider of required.body.attributes) {
      if (provider.expr.kind !== "ObjectCons") continue;
      const field = (key: string) => {
        const item =
          provider.expr.kind === "ObjectCons" ? provider.expr.items.find((i) => keyName(i.key) === key) : undefined;
        return item && item.value.kind === "Template" ? literalString({ expr: item.value } as Attribute) : "";
      };
      const source = field("source");
      rows.push(row([source ? `${provider.name} (${source})` : provider.name, field("version")]));
    }
  }
  return rows;
}

function keyName(key: Expression): string | undefined {
  const inner = key.kind === "ObjectConsKey" ? key.wrapped : key;
  if (inner.kind === "ScopeTraversal" && inner.traversal.length === 0) return inner.root;
  if (inner.kind === "LiteralValue" && typeof inner.value === "string") return inner.value;
  if (inner.kind === "Template") return literalString({ expr: inner } as Attribute);
  return undefined;
}

/** One line of canonical HCL for a type constraint or default: `map(object({ a = string, b = optional(number, 1) }))`. */
export function formatExpression(expr: Expression, source: Uint8Array): string {
  switch (expr.kind) {
    case "TupleCons":
      return `[${expr.elements.map((e) => formatExpression(e, source)).join(", ")}]`;
    case "ObjectCons":
      return expr.items.length === 0
        ? "{}"
        : `{ ${expr.items.map((i) => `${formatExpression(i.key, source)} = ${formatExpression(i.value, source)}`).join(", ")} }`;
    case "ObjectConsKey":
      return formatExpression(expr.wrapped, source);
    case "FunctionCall":
      return `${expr.name}(${expr.args.map((a) => formatExpression(a, source)).join(", ")}${expr.expandFinal ? "..." : ""})`;
    default:
      return sourceText(source, expr.range).replace(/\s+/g, " ");
  }
}

function cell(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/\|/g, "\\|");
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}
