/**
 * Checks resource and data blocks against a provider schema (`terraform providers schema -json`): every type,
 * argument and nested block exists, required arguments are set, computed-only attributes are not assigned, and block
 * nesting modes and item limits hold. Works on the AST, so it needs no evaluation and no provider binary.
 */
import type { Block, Body, File } from "../hcl/ast.js";
import { type Diagnostic, error, warning } from "../hcl/diagnostic.js";
import type { Range } from "../hcl/range.js";

export interface SchemaAttribute {
  readonly type?: unknown;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly deprecated?: boolean;
}

export interface SchemaBlockType {
  readonly nesting_mode: "single" | "group" | "list" | "set" | "map";
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, SchemaBlockType>>;
  readonly deprecated?: boolean;
}

export interface ProviderSchema {
  /** The provider's local name prefix, e.g. `aws` (types `aws_*` belong to it). */
  readonly prefix: string;
  readonly resources: ReadonlyMap<string, SchemaBlock>;
  readonly dataSources: ReadonlyMap<string, SchemaBlock>;
}

/** Reads one provider out of `terraform providers schema -json` output. */
export function readProviderSchema(json: unknown, source = "registry.terraform.io/hashicorp/aws"): ProviderSchema {
  const schemas = (json as { provider_schemas?: Record<string, unknown> }).provider_schemas ?? {};
  const provider = schemas[source] as
    | {
        resource_schemas?: Record<string, { block: SchemaBlock }>;
        data_source_schemas?: Record<string, { block: SchemaBlock }>;
      }
    | undefined;
  if (!provider) throw new Error(`the schema has no provider ${source}`);
  const blocks = (entries: Record<string, { block: SchemaBlock }> | undefined) =>
    new Map(Object.entries(entries ?? {}).map(([name, s]) => [name, s.block] as const));
  return {
    prefix: source.slice(source.lastIndexOf("/") + 1),
    resources: blocks(provider.resource_schemas),
    dataSources: blocks(provider.data_source_schemas),
  };
}

/** Terraform's own arguments and blocks, valid in every resource/data block whatever the provider says. */
const metaArguments = new Set(["count", "for_each", "provider", "depends_on"]);
const metaBlocks = new Set(["lifecycle", "provisioner", "connection"]);

/**
 * Problems of one file's resource and data blocks of this provider. Errors are schema violations; deprecated
 * arguments are warnings. Blocks of other providers are not checked.
 */
export function checkProviderSchema(file: File, schema: ProviderSchema): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const block of file.body.blocks) {
    if ((block.type !== "resource" && block.type !== "data") || block.labels.length < 2) continue;
    const type = block.labels[0]?.value ?? "";
    if (!type.startsWith(`${schema.prefix}_`)) continue;
    const kind = block.type === "resource" ? "resource" : "data source";
    const found = (block.type === "resource" ? schema.resources : schema.dataSources).get(type);
    if (!found) {
      problems.push(
        error(
          `Unknown ${kind} type`,
          `The provider has no ${kind} type "${type}".`,
          block.labels[0]?.range ?? block.typeRange,
        ),
      );
      continue;
    }
    checkBody(block.body, found, `${type}`, problems, true);
  }
  return problems;
}

function checkBody(body: Body, schema: SchemaBlock, path: string, problems: Diagnostic[], topLevel: boolean): void {
  const attributes = schema.attributes ?? {};
  const blockTypes = schema.block_types ?? {};
  for (const attribute of body.attributes) {
    if (topLevel && metaArguments.has(attribute.name)) continue;
    const spec = Object.hasOwn(attributes, attribute.name) ? attributes[attribute.name] : undefined;
    if (!spec) {
      const hint = Object.hasOwn(blockTypes, attribute.name)
        ? ` "${attribute.name}" is a block: write it as a block.`
        : "";
      problems.push(
        error("Unsupported argument", `${path} has no argument "${attribute.name}".${hint}`, attribute.nameRange),
      );
      continue;
    }
    if (spec.computed && !spec.optional && !spec.required) {
      problems.push(
        error(
          "Computed attribute assigned",
          `${path}.${attribute.name} is computed by the provider; it cannot be set.`,
          attribute.nameRange,
        ),
      );
    }
    if (spec.deprecated) {
      problems.push(
        warning("Deprecated argument", `${path}.${attribute.name} is deprecated in the provider.`, attribute.nameRange),
      );
    }
  }
  for (const [name, spec] of Object.entries(attributes)) {
    if (spec.required && !body.attributes.some((a) => a.name === name)) {
      problems.push(error("Missing required argument", `${path} requires the argument "${name}".`, body.range));
    }
  }

  const counts = new Map<string, { count: number; dynamic: boolean; first: Range }>();
  for (const block of body.blocks) {
    if (topLevel && metaBlocks.has(block.type)) continue;
    const isDynamic = block.type === "dynamic";
    const name = isDynamic ? (block.labels[0]?.value ?? "") : block.type;
    const at = isDynamic ? (block.labels[0]?.range ?? block.typeRange) : block.typeRange;
    const spec = Object.hasOwn(blockTypes, name) ? blockTypes[name] : undefined;
    if (!spec) {
      const hint = Object.hasOwn(attributes, name) ? ` "${name}" is an argument: write ${name} = ….` : "";
      problems.push(error("Unsupported block type", `${path} has no block "${name}".${hint}`, at));
      continue;
    }
    const tally = counts.get(name) ?? { count: 0, dynamic: false, first: at };
    tally.count++;
    tally.dynamic ||= isDynamic;
    counts.set(name, tally);
    const content = isDynamic ? block.body.blocks.find((b) => b.type === "content") : block;
    if (isDynamic && !content) {
      problems.push(error("Missing content block", `dynamic "${name}" has no content block.`, at));
      continue;
    }
    checkBody((content as Block).body, spec.block, `${path}.${name}`, problems, false);
  }
  for (const [name, spec] of Object.entries(blockTypes)) {
    const tally = counts.get(name);
    const count = tally?.count ?? 0;
    const max = spec.nesting_mode === "single" || spec.nesting_mode === "group" ? 1 : spec.max_items;
    if (tally && max !== undefined && max > 0 && count > max) {
      problems.push(
        error(
          "Too many blocks",
          `${path} allows at most ${max} "${name}" block(s); ${count} are written.`,
          tally.first,
        ),
      );
    }
    if (!tally?.dynamic && spec.min_items !== undefined && count < spec.min_items) {
      problems.push(
        error("Missing required block", `${path} requires at least ${spec.min_items} "${name}" block(s).`, body.range),
      );
    }
  }
}
