/**
 * The resource graph: what Terraform would build from a configuration, as data for the adapters. Every resource and
 * data instance with its address, provider, module-call chain, evaluated body (each attribute a Tracked value) and
 * reference edges; plus the backend, provider configurations, root outputs and all diagnostics.
 */
import type { Expression } from "../hcl/ast.js";
import type { Diagnostic } from "../hcl/diagnostic.js";
import type { Range } from "../hcl/range.js";
import { isObjectValue, type Reference, Sensitive, SetValue, Unknown, type Value } from "../hcl/value.js";
import type { ResourceMode } from "./configuration.js";

/** explicit: written and known; unknown: written but known only after apply; default: not written (adapters). */
export type Origin = "explicit" | "default" | "unknown";

export interface Tracked<T = Value> {
  readonly value: T;
  readonly range: Range;
  readonly origin: Origin;
  /** For attributes written in configuration: the expression that produced the value (to locate parts of it). */
  readonly expr?: Expression;
}

/**
 * An evaluated block body: only what is written (meta-arguments count, for_each, provider, depends_on and the
 * lifecycle/provisioner/connection blocks excluded). Keys are null-prototype records. An argument written as `null`
 * is kept with value null: Terraform treats it as unset, so adapters should too. In `.tf.json` files, nested blocks
 * defined by a provider cannot be told from object attributes without the provider's schema: they appear as
 * attributes (an object, or a tuple of objects).
 */
export interface EvaluatedBody {
  /** The body's braces (or the whole block for a top-level block). */
  readonly range: Range;
  readonly attributes: Readonly<Record<string, Tracked>>;
  /** Nested blocks by type, after `dynamic` expansion, in source order. */
  readonly blocks: Readonly<Record<string, readonly EvaluatedBlock[]>>;
}

export interface EvaluatedBlock extends EvaluatedBody {
  readonly type: string;
  readonly labels: readonly string[];
  /** Produced by a `dynamic` block (its range is the `content` block's). */
  readonly dynamic: boolean;
  /**
   * The `dynamic` block's for_each was unknown: this one block stands for an unknown number of blocks, and its
   * attributes derived from the iterator are unknown.
   */
  readonly unknownExpansion: boolean;
}

/** A key of a counted (`[0]`) or for_each (`["a"]`) instance; null for a single instance. */
export type InstanceKey = null | number | string;

/**
 * How a resource or module call was expanded. `unknown`: count/for_each depend on apply-time values, so the
 * configuration stands for an unknown number of instances; it is represented by one instance addressed `x[*]`
 * whose repetition values (count.index, each.key, each.value) are unknown — rules see its attributes as unknown
 * wherever they depend on them.
 */
export type Expansion = "single" | "count" | "for_each" | "unknown";

export interface ModuleCallStep {
  /** The module instance address, e.g. `module.phi` or `module.a["k"].module.b`. */
  readonly address: string;
  /** The `module` block. */
  readonly range: Range;
  readonly source: string | null;
}

export interface ResourceInstance {
  /** Full instance address: `module.phi.aws_s3_bucket.this["a"]`. */
  readonly address: string;
  /** The resource's address in its module instance, without instance key: `module.phi.aws_s3_bucket.this`. */
  readonly resource: string;
  /** The module instance address ("" for the root module). */
  readonly module: string;
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
  readonly key: InstanceKey;
  readonly expansion: Expansion;
  /** The resolved provider configuration: `provider["registry.terraform.io/hashicorp/aws"].east`. */
  readonly provider: string;
  /** From the root module's call down to the module holding this resource. */
  readonly moduleCalls: readonly ModuleCallStep[];
  /** The whole `resource`/`data` block. */
  readonly range: Range;
  /** The block header (type and labels). */
  readonly declRange: Range;
  readonly body: EvaluatedBody;
  /** Instance addresses this instance's expressions reference, directly or through locals, variables, outputs. */
  readonly references: readonly string[];
  /** `depends_on`: absolute addresses of resources (all their instances) or module calls, as written. */
  readonly dependsOn: readonly string[];
  /**
   * Attributes phiform computes for data sources it evaluates (`aws_iam_policy_document`: `json`, `minified_json`).
   * Null-prototype record; empty for others.
   */
  readonly computed: Readonly<Record<string, Value>>;
  /** The value references to this instance evaluate to (configured attributes; others unknown). */
  readonly value: Value;
}

export interface BackendConfig {
  readonly type: string;
  readonly range: Range;
  readonly declRange: Range;
  readonly body: EvaluatedBody;
}

export interface ProviderConfig {
  /** `provider["registry.terraform.io/hashicorp/aws"].east`, prefixed by the module path for nested modules. */
  readonly address: string;
  readonly name: string;
  readonly alias: string | null;
  readonly range: Range;
  readonly body: EvaluatedBody;
}

export interface ModuleInstanceInfo {
  readonly address: string;
  readonly source: string | null;
  /** The module directory, or null when the module could not be loaded. */
  readonly dir: string | null;
  readonly range: Range;
  readonly expansion: Expansion;
}

export interface ResourceGraph {
  /** In module walk order: root module first, resources in declaration order, instances by key. */
  readonly instances: readonly ResourceInstance[];
  readonly byAddress: ReadonlyMap<string, ResourceInstance>;
  readonly byType: ReadonlyMap<string, readonly ResourceInstance[]>;
  /** The root module's `terraform { backend "…" { … } }`, evaluated. */
  readonly backend: BackendConfig | null;
  readonly providers: readonly ProviderConfig[];
  /** Root module outputs (sensitive ones keep their `Sensitive` mark). */
  readonly outputs: Readonly<Record<string, Tracked>>;
  readonly modules: readonly ModuleInstanceInfo[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Indexes instances by address and type (adapters join thousands of resources by these). */
export function indexInstances(instances: readonly ResourceInstance[]): {
  byAddress: Map<string, ResourceInstance>;
  byType: Map<string, ResourceInstance[]>;
} {
  const byAddress = new Map<string, ResourceInstance>();
  const byType = new Map<string, ResourceInstance[]>();
  for (const instance of instances) {
    byAddress.set(instance.address, instance);
    const typeKey = instance.mode === "data" ? `data.${instance.type}` : instance.type;
    let list = byType.get(typeKey);
    if (!list) {
      list = [];
      byType.set(typeKey, list);
    }
    list.push(instance);
  }
  return { byAddress, byType };
}

/** `["a"]` or `[0]`: how Terraform prints an instance key. */
export function formatKey(key: InstanceKey): string {
  if (key === null) return "";
  return typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** `aws_s3_bucket.b["a"].versioning[0].enabled` */
export function formatReference(ref: Reference): string {
  let text = ref.address;
  for (const step of ref.path) text += typeof step === "number" ? `[${step}]` : `.${step}`;
  return text;
}

function formatRangeSpan(range: Range): string {
  return `${range.file}:${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

/** Plain JSON data for a value: sensitive values hidden, unknowns as `{"unknown": [refs]}`, object keys sorted. */
export function valueToJson(v: Value): unknown {
  if (v === null || typeof v !== "object") return v;
  if (v instanceof Sensitive) return "(sensitive)";
  if (v instanceof Unknown) return { unknown: [...new Set(v.refs.map(formatReference))].sort() };
  if (Array.isArray(v)) return v.map(valueToJson);
  if (v instanceof SetValue) return v.items.map(valueToJson);
  if (isObjectValue(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = valueToJson(v[k] as Value);
    return out;
  }
  return null;
}

function trackedToJson(t: Tracked): unknown {
  return { value: valueToJson(t.value), origin: t.origin, range: formatRangeSpan(t.range) };
}

function bodyToJson(body: EvaluatedBody): unknown {
  const attributes: Record<string, unknown> = {};
  for (const k of Object.keys(body.attributes).sort()) attributes[k] = trackedToJson(body.attributes[k] as Tracked);
  const blocks: Record<string, unknown> = {};
  for (const k of Object.keys(body.blocks).sort()) {
    blocks[k] = (body.blocks[k] as EvaluatedBlock[]).map((b) => ({
      ...(b.labels.length > 0 ? { labels: b.labels } : {}),
      ...(b.dynamic ? { dynamic: true } : {}),
      ...(b.unknownExpansion ? { unknown_expansion: true } : {}),
      range: formatRangeSpan(b.range),
      ...(bodyToJson(b) as object),
    }));
  }
  return { attributes, blocks };
}

/** The graph as deterministic JSON for `phiform graph DIR --format json` (sensitive values are never printed). */
export function renderGraphJson(graph: ResourceGraph): string {
  const instances = [...graph.instances]
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
    .map((i) => ({
      address: i.address,
      mode: i.mode,
      type: i.type,
      name: i.name,
      key: i.key,
      expansion: i.expansion,
      provider: i.provider,
      module_calls: i.moduleCalls.map((c) => ({ address: c.address, range: formatRangeSpan(c.range) })),
      range: formatRangeSpan(i.range),
      ...(bodyToJson(i.body) as object),
      ...(Object.keys(i.computed).length > 0
        ? {
            computed: Object.fromEntries(
              Object.keys(i.computed)
                .sort()
                .map((k) => [k, valueToJson(i.computed[k] as Value)]),
            ),
          }
        : {}),
      references: i.references,
      depends_on: i.dependsOn,
    }));
  const outputs: Record<string, unknown> = {};
  for (const k of Object.keys(graph.outputs).sort()) outputs[k] = trackedToJson(graph.outputs[k] as Tracked);
  const json = {
    instances,
    backend: graph.backend
      ? {
          type: graph.backend.type,
          range: formatRangeSpan(graph.backend.range),
          ...(bodyToJson(graph.backend.body) as object),
        }
      : null,
    providers: graph.providers.map((p) => ({
      address: p.address,
      range: formatRangeSpan(p.range),
      ...(bodyToJson(p.body) as object),
    })),
    outputs,
    modules: graph.modules.map((m) => ({
      address: m.address,
      source: m.source,
      dir: m.dir,
      expansion: m.expansion,
      range: formatRangeSpan(m.range),
    })),
    diagnostics: graph.diagnostics.map((d) => ({
      severity: d.severity,
      summary: d.summary,
      detail: d.detail,
      range: formatRangeSpan(d.range),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
