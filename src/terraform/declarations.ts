/**
 * Decoding a file's top-level body into Terraform declarations (variables, resources, module calls …), the same for
 * native and JSON syntax, and merging override files into them as Terraform does.
 */
import type { Attribute, Block, Body, Expression, ScopeTraversal } from "../hcl/ast.js";
import { type Diagnostic, error } from "../hcl/diagnostic.js";
import { formatRange, type Range } from "../hcl/range.js";
import {
  type Backend,
  type Import,
  type Local,
  type Moved,
  type Output,
  type Provider,
  type ProviderRef,
  qualifyProviderSource,
  type RequiredProvider,
  type Resource,
  type Validation,
  type Variable,
} from "./configuration.js";

/** A module call before its source is resolved. */
export interface ModuleCallDecl {
  readonly name: string;
  readonly range: Range;
  readonly declRange: Range;
  readonly source: Attribute | null;
  readonly version: Attribute | null;
  readonly inputs: Map<string, Attribute>;
  readonly count: Attribute | null;
  readonly forEach: Attribute | null;
  readonly providers: Map<string, ProviderRef>;
  readonly dependsOn: readonly ScopeTraversal[];
}

/** Everything declared by one module directory's files, merged. */
export interface Declarations {
  readonly variables: Map<string, Variable>;
  readonly locals: Map<string, Local>;
  readonly outputs: Map<string, Output>;
  readonly resources: Map<string, Resource>;
  readonly moduleCalls: Map<string, ModuleCallDecl>;
  readonly providers: Map<string, Provider>;
  readonly requiredProviders: Map<string, RequiredProvider>;
  requiredVersion: string | null;
  backend: Backend | null;
  readonly moved: Moved[];
  readonly imports: Import[];
}

export function emptyDeclarations(): Declarations {
  return {
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: new Map(),
    moduleCalls: new Map(),
    providers: new Map(),
    requiredProviders: new Map(),
    requiredVersion: null,
    backend: null,
    moved: [],
    imports: [],
  };
}

/** The constant value of an expression that must be a literal (`source`, `alias`, `sensitive` …). */
export function literalOf(expr: Expression): string | number | boolean | null | undefined {
  switch (expr.kind) {
    case "LiteralValue":
      return expr.value;
    case "TemplateWrap":
      return literalOf(expr.wrapped);
    case "Parentheses":
      return literalOf(expr.expr);
    case "Template": {
      let text = "";
      for (const part of expr.parts) {
        if (part.kind !== "LiteralValue") return undefined;
        text += String(part.value);
      }
      return text;
    }
    default:
      return undefined;
  }
}

/** The block's type keyword and labels (in JSON syntax, where a type key can hold several blocks: its labels). */
function headerRange(block: Block): Range {
  const last = block.labels[block.labels.length - 1];
  if (!last) return block.typeRange;
  return { file: block.range.file, start: block.range.start, end: last.range.end };
}

function bodyWithout(body: Body, attrs: ReadonlySet<string>, blocks: ReadonlySet<string>): Body {
  return {
    kind: "Body",
    attributes: body.attributes.filter((a) => !attrs.has(a.name)),
    blocks: body.blocks.filter((b) => !blocks.has(b.type)),
    range: body.range,
    endRange: body.endRange,
  };
}

const resourceMetaAttributes = new Set(["count", "for_each", "provider", "depends_on"]);
const resourceMetaBlocks = new Set(["lifecycle", "provisioner", "connection"]);
const moduleMetaAttributes = new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);

const blockLabelNames: Record<string, readonly string[]> = {
  terraform: [],
  provider: ["name"],
  variable: ["name"],
  locals: [],
  output: ["name"],
  module: ["name"],
  resource: ["type", "name"],
  data: ["type", "name"],
  moved: [],
  import: [],
  removed: [],
  check: ["name"],
  ephemeral: ["type", "name"],
};

export class Decoder {
  constructor(readonly diagnostics: Diagnostic[]) {}

  /** Decodes a file body into `into`. With `override`, blocks are merged into `base` instead of declared. */
  decodeFile(body: Body, into: Declarations): void {
    for (const attr of body.attributes) {
      this.diagnostics.push(
        error("Unsupported argument", `An argument named "${attr.name}" is not expected here.`, attr.nameRange),
      );
    }
    for (const block of body.blocks) {
      const labels = blockLabelNames[block.type];
      if (!labels) {
        this.diagnostics.push(
          error("Unsupported block type", `Blocks of type "${block.type}" are not expected here.`, block.typeRange),
        );
        continue;
      }
      if (!this.checkLabels(block, labels)) continue;
      this.decodeBlock(block, into);
    }
  }

  private checkLabels(block: Block, names: readonly string[]): boolean {
    if (block.labels.length < names.length) {
      this.diagnostics.push(
        error(
          `Missing ${names[block.labels.length]} for ${block.type}`,
          `All ${block.type} blocks must have ${names.length} labels (${names.join(", ")}).`,
          block.openBraceRange,
        ),
      );
      return false;
    }
    const extra = block.labels[names.length];
    if (extra) {
      this.diagnostics.push(
        error(
          `Extraneous label for ${block.type}`,
          names.length === 0
            ? `No labels are expected for ${block.type} blocks.`
            : `Only ${names.length} labels (${names.join(", ")}) are expected for ${block.type} blocks.`,
          extra.range,
        ),
      );
      return false;
    }
    return true;
  }

  private decodeBlock(block: Block, into: Declarations): void {
    switch (block.type) {
      case "terraform":
        this.terraformBlock(block, into);
        return;
      case "provider": {
        const p = this.provider(block);
        this.declare(
          into.providers,
          p.alias ? `${p.name}.${p.alias}` : p.name,
          p,
          "provider configuration",
          headerRange(block),
        );
        return;
      }
      case "variable":
        this.declare(
          into.variables,
          block.labels[0]?.value ?? "",
          this.variable(block),
          "variable",
          headerRange(block),
        );
        return;
      case "locals":
        for (const attr of block.body.attributes) {
          this.declare(
            into.locals,
            attr.name,
            { name: attr.name, expr: attr.expr, range: attr.range },
            "local value",
            attr.nameRange,
          );
        }
        this.noBlocks(block.body, "locals");
        return;
      case "output":
        this.declare(into.outputs, block.labels[0]?.value ?? "", this.output(block), "output", headerRange(block));
        return;
      case "module":
        this.declare(
          into.moduleCalls,
          block.labels[0]?.value ?? "",
          this.moduleCall(block),
          "module call",
          headerRange(block),
        );
        return;
      case "resource":
      case "data": {
        const r = this.resource(block);
        this.declare(
          into.resources,
          r.key,
          r,
          block.type === "data" ? "data resource" : "resource",
          headerRange(block),
        );
        return;
      }
      case "moved": {
        const from = attribute(block.body, "from");
        const to = attribute(block.body, "to");
        if (!from || !to) {
          this.missing(block, from ? "to" : "from");
          return;
        }
        into.moved.push({ from: from.expr, to: to.expr, range: block.range });
        return;
      }
      case "import": {
        const to = attribute(block.body, "to");
        if (!to) {
          this.missing(block, "to");
          return;
        }
        const provider = attribute(block.body, "provider");
        into.imports.push({
          to: to.expr,
          id: attribute(block.body, "id")?.expr ?? null,
          forEach: attribute(block.body, "for_each")?.expr ?? null,
          provider: provider ? this.providerRef(provider.expr) : null,
          range: block.range,
        });
        return;
      }
      default:
        // removed, check, ephemeral: nothing in them is part of the resource graph.
        return;
    }
  }

  private declare<T>(map: Map<string, T>, name: string, value: T, what: string, at: Range): void {
    const existing = map.get(name) as { range?: Range; declRange?: Range } | undefined;
    if (existing) {
      const where = existing.declRange ?? existing.range;
      this.diagnostics.push(
        error(
          `Duplicate ${what} declaration`,
          `A ${what} named "${name}" was already declared${where ? ` at ${formatRange(where)}` : ""}. Names must be unique within a module.`,
          at,
        ),
      );
      return;
    }
    map.set(name, value);
  }

  private missing(block: Block, name: string): void {
    this.diagnostics.push(
      error(
        "Missing required argument",
        `The argument "${name}" is required, but no definition was found.`,
        block.openBraceRange,
      ),
    );
  }

  private noBlocks(body: Body, where: string): void {
    for (const b of body.blocks) {
      this.diagnostics.push(
        error("Unsupported block type", `Blocks of type "${b.type}" are not expected in ${where}.`, b.typeRange),
      );
    }
  }

  private literalString(attr: Attribute | undefined, what: string): string | null {
    if (!attr) return null;
    const v = literalOf(attr.expr);
    if (typeof v === "string") return v;
    this.diagnostics.push(error(`Invalid ${what}`, `The ${what} must be a literal string.`, attr.expr.range));
    return null;
  }

  private literalBool(attr: Attribute | undefined, fallback: boolean): boolean {
    if (!attr) return fallback;
    const v = literalOf(attr.expr);
    if (typeof v === "boolean") return v;
    this.diagnostics.push(
      error("Invalid value", `The "${attr.name}" argument must be the literal true or false.`, attr.expr.range),
    );
    return fallback;
  }

  private terraformBlock(block: Block, into: Declarations): void {
    const version = attribute(block.body, "required_version");
    if (version) into.requiredVersion = this.literalString(version, "required_version");
    for (const b of block.body.blocks) {
      if (b.type === "backend") {
        if (!this.checkLabels(b, ["type"])) continue;
        if (into.backend) {
          this.diagnostics.push(
            error(
              "Duplicate backend configuration",
              `A module may have only one backend configuration. The backend was previously configured at ${formatRange(into.backend.declRange)}.`,
              headerRange(b),
            ),
          );
          continue;
        }
        into.backend = { type: b.labels[0]?.value ?? "", range: b.range, declRange: headerRange(b), body: b.body };
      } else if (b.type === "required_providers") {
        for (const attr of b.body.attributes) {
          into.requiredProviders.set(attr.name, this.requiredProvider(attr));
        }
      }
    }
  }

  private requiredProvider(attr: Attribute): RequiredProvider {
    let source: string | null = null;
    let version: string | null = null;
    const expr = attr.expr;
    if (expr.kind === "ObjectCons") {
      for (const item of expr.items) {
        const key = objectKey(item.key);
        const v = literalOf(item.value);
        if (key === "source" && typeof v === "string") source = v;
        if (key === "version" && typeof v === "string") version = v;
      }
    } else {
      const v = literalOf(expr);
      if (typeof v === "string") version = v;
    }
    return { name: attr.name, source: qualifyProviderSource(source ?? attr.name), version, range: attr.range };
  }

  private provider(block: Block): Provider {
    const alias = this.literalString(attribute(block.body, "alias"), "provider alias");
    return {
      name: block.labels[0]?.value ?? "",
      alias,
      range: block.range,
      declRange: headerRange(block),
      body: bodyWithout(block.body, new Set(["alias", "version"]), new Set()),
    };
  }

  private variable(block: Block): Variable {
    const body = block.body;
    const validations: Validation[] = [];
    for (const b of body.blocks) {
      if (b.type !== "validation") {
        this.diagnostics.push(
          error("Unsupported block type", `Blocks of type "${b.type}" are not expected in a variable.`, b.typeRange),
        );
        continue;
      }
      const condition = attribute(b.body, "condition");
      if (!condition) {
        this.missing(b, "condition");
        continue;
      }
      validations.push({
        condition: condition.expr,
        errorMessage: attribute(b.body, "error_message")?.expr ?? null,
        range: b.range,
      });
    }
    return {
      name: block.labels[0]?.value ?? "",
      range: block.range,
      declRange: headerRange(block),
      type: attribute(body, "type")?.expr ?? null,
      default: attribute(body, "default") ?? null,
      description: this.literalString(attribute(body, "description"), "description"),
      sensitive: this.literalBool(attribute(body, "sensitive"), false),
      nullable: this.literalBool(attribute(body, "nullable"), true),
      validations,
    };
  }

  private output(block: Block): Output {
    const body = block.body;
    return {
      name: block.labels[0]?.value ?? "",
      expr: attribute(body, "value")?.expr ?? null,
      range: block.range,
      declRange: headerRange(block),
      sensitive: this.literalBool(attribute(body, "sensitive"), false),
      dependsOn: this.traversalList(attribute(body, "depends_on")),
    };
  }

  private moduleCall(block: Block): ModuleCallDecl {
    const body = block.body;
    const inputs = new Map<string, Attribute>();
    for (const attr of body.attributes) if (!moduleMetaAttributes.has(attr.name)) inputs.set(attr.name, attr);
    const providers = new Map<string, ProviderRef>();
    const providersAttr = attribute(body, "providers");
    if (providersAttr) {
      if (providersAttr.expr.kind !== "ObjectCons") {
        this.diagnostics.push(
          error("Invalid providers argument", "The providers argument must be an object.", providersAttr.expr.range),
        );
      } else {
        for (const item of providersAttr.expr.items) {
          const key = this.providerRef(item.key.kind === "ObjectConsKey" ? item.key.wrapped : item.key);
          const value = this.providerRef(item.value);
          if (key && value) providers.set(key.alias ? `${key.name}.${key.alias}` : key.name, value);
        }
      }
    }
    this.noBlocks(body, "a module call");
    return {
      name: block.labels[0]?.value ?? "",
      range: block.range,
      declRange: headerRange(block),
      source: attribute(body, "source") ?? null,
      version: attribute(body, "version") ?? null,
      inputs,
      count: attribute(body, "count") ?? null,
      forEach: attribute(body, "for_each") ?? null,
      providers,
      dependsOn: this.traversalList(attribute(body, "depends_on")),
    };
  }

  private resource(block: Block): Resource {
    const mode = block.type === "data" ? "data" : "managed";
    const type = block.labels[0]?.value ?? "";
    const name = block.labels[1]?.value ?? "";
    const body = block.body;
    const count = attribute(body, "count") ?? null;
    const forEach = attribute(body, "for_each") ?? null;
    if (count && forEach) {
      this.diagnostics.push(
        error(
          'Invalid combination of "count" and "for_each"',
          'The "count" and "for_each" meta-arguments are mutually-exclusive, only one should be used.',
          forEach.nameRange,
        ),
      );
    }
    const providerAttr = attribute(body, "provider");
    return {
      mode,
      type,
      name,
      key: mode === "data" ? `data.${type}.${name}` : `${type}.${name}`,
      range: block.range,
      declRange: headerRange(block),
      body: bodyWithout(body, resourceMetaAttributes, resourceMetaBlocks),
      count,
      forEach: count ? null : forEach,
      provider: providerAttr ? this.providerRef(providerAttr.expr) : null,
      dependsOn: this.traversalList(attribute(body, "depends_on")),
      lifecycle: body.blocks.find((b) => b.type === "lifecycle") ?? null,
    };
  }

  /** `aws`, `aws.east`, or the legacy quoted `"aws.east"`. */
  providerRef(expr: Expression): ProviderRef | null {
    if (expr.kind === "ScopeTraversal") {
      const step = expr.traversal[0];
      if (expr.traversal.length <= 1 && (!step || step.kind === "attr")) {
        return { name: expr.root, alias: step?.kind === "attr" ? step.name : null, range: expr.range };
      }
    }
    const text = literalOf(expr);
    if (typeof text === "string" && /^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)?$/.test(text)) {
      const [name, alias] = text.split(".");
      return { name: name as string, alias: alias ?? null, range: expr.range };
    }
    this.diagnostics.push(
      error(
        "Invalid provider reference",
        "A provider reference is a provider local name, optionally followed by a dot and an alias (aws.east).",
        expr.range,
      ),
    );
    return null;
  }

  private traversalList(attr: Attribute | undefined): ScopeTraversal[] {
    if (!attr) return [];
    const expr = attr.expr;
    if (expr.kind !== "TupleCons") {
      this.diagnostics.push(error("Invalid expression", "A static list expression is required.", expr.range));
      return [];
    }
    const out: ScopeTraversal[] = [];
    for (const element of expr.elements) {
      if (element.kind === "ScopeTraversal") out.push(element);
      else
        this.diagnostics.push(
          error("Invalid expression", "A single static variable reference is required.", element.range),
        );
    }
    return out;
  }
}

export function attribute(body: Body, name: string): Attribute | undefined {
  for (const attr of body.attributes) if (attr.name === name) return attr;
  return undefined;
}

/** The static name of an object key (`{ source = … }` or `{ "source" = … }`). */
export function objectKey(key: Expression): string | undefined {
  if (key.kind === "ObjectConsKey") {
    if (!key.forceNonLiteral && key.wrapped.kind === "ScopeTraversal" && key.wrapped.traversal.length === 0) {
      return key.wrapped.root;
    }
    return objectKey(key.wrapped);
  }
  const v = literalOf(key);
  return typeof v === "string" ? v : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Override files

/** Replaces attributes by name; a nested block type present in the override replaces all base blocks of that type. */
export function mergeBodies(base: Body, override: Body): Body {
  const overridden = new Set(override.attributes.map((a) => a.name));
  const blockKey = (b: Block): string => (b.type === "dynamic" ? (b.labels[0]?.value ?? "") : b.type);
  const overriddenBlocks = new Set(override.blocks.map(blockKey));
  return {
    kind: "Body",
    attributes: [...base.attributes.filter((a) => !overridden.has(a.name)), ...override.attributes],
    blocks: [...base.blocks.filter((b) => !overriddenBlocks.has(blockKey(b))), ...override.blocks],
    range: base.range,
    endRange: base.endRange,
  };
}

/** Merges one override file's declarations into the primary ones, as Terraform's module_merge does. */
export function mergeOverride(base: Declarations, override: Declarations, diagnostics: Diagnostic[]): void {
  const missing = (what: string, name: string, range: Range): void => {
    diagnostics.push(
      error(
        `Missing base ${what} to override`,
        `There is no ${what} named "${name}". An override file can only override an existing declaration.`,
        range,
      ),
    );
  };
  for (const [name, o] of override.variables) {
    const b = base.variables.get(name);
    if (!b) {
      missing("variable declaration", name, o.declRange);
      continue;
    }
    base.variables.set(name, {
      ...b,
      type: o.type ?? b.type,
      default: o.default ?? b.default,
      description: o.description ?? b.description,
      sensitive: o.sensitive || b.sensitive,
      nullable: o.nullable && b.nullable,
      validations: o.validations.length > 0 ? o.validations : b.validations,
    });
  }
  for (const [name, o] of override.locals) {
    if (!base.locals.has(name)) missing("local value definition", name, o.range);
    else base.locals.set(name, o);
  }
  for (const [name, o] of override.outputs) {
    const b = base.outputs.get(name);
    if (!b) {
      missing("output definition", name, o.declRange);
      continue;
    }
    base.outputs.set(name, {
      ...b,
      expr: o.expr ?? b.expr,
      sensitive: o.sensitive || b.sensitive,
      dependsOn: o.dependsOn.length > 0 ? o.dependsOn : b.dependsOn,
    });
  }
  for (const [name, o] of override.moduleCalls) {
    const b = base.moduleCalls.get(name);
    if (!b) {
      missing("module call", name, o.declRange);
      continue;
    }
    const inputs = new Map(b.inputs);
    for (const [k, v] of o.inputs) inputs.set(k, v);
    base.moduleCalls.set(name, {
      ...b,
      source: o.source ?? b.source,
      version: o.version ?? b.version,
      inputs,
      count: o.count ?? b.count,
      forEach: o.forEach ?? b.forEach,
      providers: o.providers.size > 0 ? o.providers : b.providers,
      dependsOn: o.dependsOn.length > 0 ? o.dependsOn : b.dependsOn,
    });
  }
  for (const [key, o] of override.resources) {
    const b = base.resources.get(key);
    if (!b) {
      missing(o.mode === "data" ? "data resource" : "resource", key, o.declRange);
      continue;
    }
    const count = o.count ?? (o.forEach ? null : b.count);
    base.resources.set(key, {
      ...b,
      body: mergeBodies(b.body, o.body),
      count,
      forEach: o.forEach ?? (o.count ? null : b.forEach),
      provider: o.provider ?? b.provider,
      dependsOn: o.dependsOn.length > 0 ? o.dependsOn : b.dependsOn,
      lifecycle: o.lifecycle ?? b.lifecycle,
    });
  }
  for (const [key, o] of override.providers) {
    const b = base.providers.get(key);
    if (!b) {
      missing("provider configuration", key, o.declRange);
      continue;
    }
    base.providers.set(key, { ...b, body: mergeBodies(b.body, o.body) });
  }
  for (const [name, o] of override.requiredProviders) base.requiredProviders.set(name, o);
  if (override.requiredVersion !== null) base.requiredVersion = override.requiredVersion;
  if (override.backend) base.backend = override.backend;
  for (const m of [...override.moved, ...override.imports]) {
    diagnostics.push(
      error(
        "Cannot override block",
        "moved and import blocks cannot appear in override files; put them in a primary file.",
        m.range,
      ),
    );
  }
}
