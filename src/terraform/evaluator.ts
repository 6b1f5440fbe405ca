/**
 * Evaluation of a loaded configuration into a resource graph, by dependency: every named value (variable, local,
 * output, resource, module call) is evaluated lazily the first time something references it and memoised, with an
 * in-progress marker so that a reference cycle is reported (naming the cycle, at the reference that closes it) and
 * its values become unknown. Nothing depends on file order or on module names' alphabetical order.
 *
 * Unknown `count`/`for_each` (depending on apply-time values): the resource or module stands for an unknown number
 * of instances, represented by one instance addressed `name[*]` whose count.index / each.key / each.value are
 * unknown, so that rules see what depends on them as unknown rather than passing silently.
 */
import { relative } from "node:path";
import type { Attribute, Block, Body, Expression, ScopeTraversal } from "../hcl/ast.js";
import { type Diagnostic, error } from "../hcl/diagnostic.js";
import { evaluate } from "../hcl/eval.js";
import type { HclFunction } from "../hcl/function.js";
import { collectRefs } from "../hcl/operations.js";
import { parseTemplate } from "../hcl/parser.js";
import { fileStartRange, formatRange, type Range } from "../hcl/range.js";
import type { Type } from "../hcl/types.js";
import {
  containsUnknown,
  isObjectValue,
  markOpen,
  type ObjectValue,
  object,
  Sensitive,
  SetValue,
  Unknown,
  unmark,
  type Value,
} from "../hcl/value.js";
import {
  type Configuration,
  impliedProviderName,
  type Module,
  type ModuleCall,
  type ProviderRef,
  qualifyProviderSource,
  type Resource,
  type Variable,
} from "./configuration.js";
import { encodeJson, policyDocument, policyDocumentType } from "./data-sources.js";
import { createFunctions, templateFunctions } from "./functions/index.js";
import {
  type BackendConfig,
  type EvaluatedBlock,
  type EvaluatedBody,
  type Expansion,
  formatKey,
  type InstanceKey,
  indexInstances,
  type ModuleCallStep,
  type ModuleInstanceInfo,
  type ProviderConfig,
  type ResourceGraph,
  type ResourceInstance,
  type Tracked,
} from "./graph.js";
import { internalError } from "./internal-error.js";
import { type FileSystem, type LoadOptions, loadConfiguration, nodeFileSystem } from "./loader.js";
import { type InstanceKeyRef, type RawReference, rawReferences, type TerraformReference } from "./references.js";
import {
  convertToVariableType,
  type GivenValue,
  rootVariableValues,
  type VariableOptions,
  variableType,
} from "./variables.js";

export interface EvaluateOptions extends VariableOptions {
  /** `terraform.workspace`. Default "default". */
  readonly workspace?: string;
  /** Replaces the built-in function table (tests). */
  readonly functions?: ReadonlyMap<string, HclFunction>;
  readonly fs?: FileSystem;
}

/** One named value's result: the value and the resource instances it depends on (through locals, variables …). */
interface Result {
  readonly value: Value;
  readonly deps: ReadonlySet<string>;
}

/** Beyond this many instances (or dynamic blocks) one expansion is reported and treated as unknown: input is data. */
export const maxInstances = 10_000;

const RUNNING = Symbol("running");
const FAILED = Symbol("failed");
type Slot<T> = T | typeof RUNNING;

/** A repetition context: count.index, or each.key/each.value, or neither. */
interface Repetition {
  readonly countIndex?: Value;
  readonly each?: { readonly key: Value; readonly value: Value };
}

interface Scope extends Repetition {
  readonly inst: ModuleInstance;
  /** `dynamic` block iterators in scope. */
  readonly iterators?: ReadonlyMap<string, Value>;
  readonly self?: string;
}

interface ExpandedKey {
  readonly key: InstanceKey;
  readonly repetition: Repetition;
}

interface ExpansionResult {
  readonly kind: Expansion;
  readonly keys: readonly ExpandedKey[];
  readonly deps: ReadonlySet<string>;
}

interface ResourceResult {
  readonly value: Value;
  readonly instances: readonly ResourceInstance[];
  readonly expansion: Expansion;
}

interface CallResult {
  readonly expansion: Expansion;
  readonly children: readonly {
    readonly key: InstanceKey;
    readonly inst: ModuleInstance | null;
    readonly address: string;
  }[];
  readonly deps: ReadonlySet<string>;
}

class ModuleInstance {
  readonly vars = new Map<string, Slot<Result>>();
  readonly locals = new Map<string, Slot<Result>>();
  readonly outputs = new Map<string, Slot<Result>>();
  readonly resources = new Map<string, Slot<ResourceResult>>();
  readonly calls = new Map<string, Slot<CallResult>>();
  readonly validated = new Set<string>();
  /** "" for the root; `module.a["k"].` otherwise: what resource addresses are prefixed with. */
  readonly prefix: string;
  /** The module path without instance keys, for provider configuration addresses. */
  readonly configPrefix: string;
  readonly pathModule: string;

  constructor(
    readonly module: Module,
    readonly address: string,
    readonly parent: ModuleInstance | null,
    readonly call: ModuleCall | null,
    /** The parent's scope with this instance's repetition: where the call's arguments are evaluated. */
    readonly callScope: Scope | null,
    readonly chain: readonly ModuleCallStep[],
    rootAbsDir: string,
  ) {
    this.prefix = address ? `${address}.` : "";
    this.configPrefix = parent && call ? `${parent.configPrefix}module.${call.name}.` : "";
    this.pathModule = relative(rootAbsDir, module.absDir).split("\\").join("/") || ".";
  }
}

function trackedOrigin(v: Value): "explicit" | "unknown" {
  return containsUnknown(v) ? "unknown" : "explicit";
}

function sortedAddresses(set: ReadonlySet<string>, self?: string): string[] {
  const out: string[] = [];
  for (const a of set) if (a !== self) out.push(a);
  return out.sort();
}

/** Evaluates a loaded configuration into its resource graph. Never throws. */
export function evaluateConfiguration(configuration: Configuration, options: EvaluateOptions = {}): ResourceGraph {
  try {
    return new Evaluator(configuration, options).run();
  } catch (e) {
    return emptyGraph([internalError(e, fileStartRange(configuration.root.dir))]);
  }
}

/** Loads the configuration in `dir` and evaluates it: the graph's diagnostics include the loader's. */
export function buildGraph(dir: string, options: LoadOptions & EvaluateOptions = {}): ResourceGraph {
  const { configuration, diagnostics } = loadConfiguration(dir, options);
  const graph = evaluateConfiguration(configuration, options);
  return { ...graph, diagnostics: sortDiagnostics([...diagnostics, ...graph.diagnostics]) };
}

function emptyGraph(diagnostics: Diagnostic[]): ResourceGraph {
  return {
    instances: [],
    byAddress: new Map(),
    byType: new Map(),
    backend: null,
    providers: [],
    outputs: object() as Record<string, Tracked>,
    modules: [],
    diagnostics,
  };
}

/** Per module call referenced by an expression: which outputs it reads ("all" for the whole object). */
type ModuleNeeds = Map<string, { outputs: Set<string> | "all"; refs: TerraformReference[] }>;

/** Function tables by (base, root) directory: building one is not free, and the corpus has hundreds of roots. */
interface FunctionTable {
  readonly functions: ReadonlyMap<string, HclFunction>;
  /** The evaluator `templatefile` renders for: evaluation is synchronous, so the latest one is the caller. */
  readonly renderer: { current: Evaluator | null };
}

const functionTablesByFs = new WeakMap<FileSystem, Map<string, FunctionTable>>();

/** File functions read through the loader's file system, so tables are per file system too. */
function functionTable(fs: FileSystem, baseDir: string, rootDir: string): FunctionTable {
  let functionTables = functionTablesByFs.get(fs);
  if (!functionTables) {
    functionTables = new Map();
    functionTablesByFs.set(fs, functionTables);
  }
  const key = `${baseDir}\u0000${rootDir}`;
  let table = functionTables.get(key);
  if (!table) {
    if (functionTables.size >= 1024) functionTables.clear();
    const renderer: { current: Evaluator | null } = { current: null };
    const functions = createFunctions({
      baseDir,
      rootDir,
      // The disk keeps the functions' own realpath confinement (symlinks resolved); another file system (in-memory
      // configurations) is read through directly.
      ...(fs === nodeFileSystem ? {} : { fs }),
      renderTemplate: (text, path, vars) =>
        renderer.current?.renderTemplate(text, path, vars) ?? new Unknown([], "string"),
    });
    table = { functions, renderer };
    functionTables.set(key, table);
  }
  return table;
}

class Evaluator {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly functions: ReadonlyMap<string, HclFunction>;
  private renderer: { current: Evaluator | null } | null = null;
  private readonly defaults = new Map<Variable, Value | typeof FAILED>();
  private readonly stack: (() => string)[] = [];
  private readonly reportedCycles = new Set<string>();
  private readonly rootValues: Map<string, GivenValue>;
  private readonly rootAbsDir: string;
  private readonly workspace: string;
  private readonly walked: ModuleInstance[] = [];
  private readonly moduleInfos: ModuleInstanceInfo[] = [];
  private readonly providerConfigs = new Map<string, ProviderConfig>();
  /**
   * Each expression's references, found once per evaluation (expressions are evaluated once per instance). A plain
   * map that lives as long as this evaluation: cheaper for the garbage collector than a long-lived WeakMap.
   */
  private readonly references = new Map<Expression, readonly RawReference[]>();

  constructor(
    private readonly configuration: Configuration,
    options: EvaluateOptions,
  ) {
    const fs = options.fs ?? nodeFileSystem;
    this.rootAbsDir = configuration.root.absDir;
    this.workspace = options.workspace ?? "default";
    if (options.functions) this.functions = options.functions;
    else {
      const table = functionTable(fs, this.rootAbsDir, configuration.rootDir);
      table.renderer.current = this;
      this.renderer = table.renderer;
      this.functions = table.functions;
    }
    this.rootValues = rootVariableValues(configuration, { ...options, fs }, this.diagnostics);
  }

  run(): ResourceGraph {
    try {
      return this.evaluate();
    } finally {
      if (this.renderer) this.renderer.current = null;
    }
  }

  private evaluate(): ResourceGraph {
    const root = new ModuleInstance(this.configuration.root, "", null, null, null, [], this.rootAbsDir);
    this.walk(root, "single");
    const instances: ResourceInstance[] = [];
    for (const inst of this.walked) {
      for (const r of inst.module.resources.values()) {
        const result = inst.resources.get(r.key);
        if (result && result !== RUNNING) instances.push(...result.instances);
      }
    }
    const { byAddress, byType } = indexInstances(instances);
    const outputs = object() as Record<string, Tracked>;
    for (const o of this.configuration.root.outputs.values()) {
      const result = this.output(root, o.name, o.declRange);
      (outputs as Record<string, unknown>)[o.name] = {
        value: result.value,
        range: o.range,
        origin: trackedOrigin(result.value),
      } satisfies Tracked;
    }
    return {
      instances,
      byAddress,
      byType,
      backend: this.backend(root),
      providers: [...this.providerConfigs.values()],
      outputs,
      modules: this.moduleInfos,
      diagnostics: sortDiagnostics(dedupeDiagnostics(this.diagnostics)),
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Walking the module tree: everything is evaluated, so that every diagnostic surfaces.

  private walk(inst: ModuleInstance, expansion: Expansion): void {
    this.walked.push(inst);
    const m = inst.module;
    if (inst.call) {
      this.moduleInfos.push({
        address: inst.address,
        source: inst.call.source,
        dir: m.dir,
        range: inst.call.range,
        expansion,
      });
    }
    for (const v of m.variables.values()) this.guard(v.declRange, () => this.variable(inst, v.name, v.declRange));
    for (const l of m.locals.values()) this.guard(l.range, () => this.local(inst, l.name, l.range));
    for (const r of m.resources.values()) this.guard(r.declRange, () => this.resource(inst, r.key, r.declRange));
    for (const o of m.outputs.values()) this.guard(o.declRange, () => this.output(inst, o.name, o.declRange));
    for (const p of m.providers.values()) this.guard(p.declRange, () => this.providerConfig(inst, p.name, p.alias));
    for (const call of m.moduleCalls.values()) {
      this.guard(call.declRange, () => {
        const result = this.callExpansion(inst, call.name, call.declRange);
        for (const child of result.children) {
          if (child.inst) this.walk(child.inst, result.expansion);
          else {
            this.moduleInfos.push({
              address: child.address,
              source: call.source,
              dir: null,
              range: call.range,
              expansion: result.expansion,
            });
          }
        }
      });
    }
  }

  private guard(range: Range, work: () => void): void {
    try {
      work();
    } catch (e) {
      this.diagnostics.push(internalError(e, range));
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Memoisation with cycle detection

  private memo<T>(
    cache: Map<string, Slot<T>>,
    key: string,
    /** The node's name for cycle messages (`module.a.local.x`): built only when needed. */
    id: () => string,
    at: Range,
    compute: () => T,
    onCycle: () => T,
  ): T {
    const got = cache.get(key);
    if (got !== undefined && got !== RUNNING) return got;
    if (got === RUNNING) {
      this.reportCycle(id(), at);
      return onCycle();
    }
    cache.set(key, RUNNING);
    this.stack.push(id);
    let result: T;
    try {
      result = compute();
    } catch (e) {
      this.diagnostics.push(internalError(e, at));
      result = onCycle();
    } finally {
      this.stack.pop();
    }
    cache.set(key, result);
    return result;
  }

  private reportCycle(id: string, at: Range): void {
    const names = this.stack.map((f) => f());
    const start = names.lastIndexOf(id);
    const members = start >= 0 ? names.slice(start) : [id];
    const key = [...members].sort().join("\u0000");
    if (this.reportedCycles.has(key)) return;
    this.reportedCycles.add(key);
    this.diagnostics.push(
      error(
        "Reference cycle",
        `Cycle: ${[...members, id].join(" → ")}. Values in a cycle cannot be computed; they are unknown.`,
        at,
      ),
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // Expressions

  /** Evaluates an expression in a scope, adding the instances it depends on to `deps`. */
  private expr(expr: Expression, scope: Scope, deps: Set<string>, quiet = false): Value {
    const sink: Diagnostic[] = quiet ? [] : this.diagnostics;
    let refs = this.references.get(expr);
    if (refs === undefined) {
      refs = rawReferences(expr);
      this.references.set(expr, refs);
    }
    // Literal arguments (most of them) read nothing: one shared, never-written empty scope serves them all.
    const variables = refs.length === 0 ? noVariables : object();
    let needs: ModuleNeeds | undefined;
    for (const raw of refs) {
      const root = raw.traversal.root;
      if (scope.iterators?.has(root)) {
        variables[root] = scope.iterators.get(root) as Value;
        continue;
      }
      const ref = raw.ref;
      if (ref.kind === "module" && scope.inst.module.moduleCalls.has(ref.name)) {
        needs ??= new Map();
        let need = needs.get(ref.name);
        if (!need) {
          need = { outputs: new Set(), refs: [] };
          needs.set(ref.name, need);
        }
        need.refs.push(ref);
        if (ref.output === null) need.outputs = "all";
        else if (need.outputs !== "all") need.outputs.add(ref.output);
        continue;
      }
      this.resolve(ref, scope, deps, variables, sink);
    }
    if (needs) {
      const mod = subObject(variables, "module");
      for (const [name, need] of needs) mod[name] = this.moduleValue(scope, name, need.outputs, need.refs, deps, sink);
    }
    const result = evaluate(expr, { variables, functions: this.functions });
    if (!quiet) for (const d of result.diagnostics) sink.push(d);
    return result.value;
  }

  private resolve(
    ref: TerraformReference,
    scope: Scope,
    deps: Set<string>,
    variables: Record<string, Value>,
    sink: Diagnostic[],
  ): void {
    const inst = scope.inst;
    switch (ref.kind) {
      case "invalid":
        sink.push(error(ref.summary, ref.detail, ref.range));
        return;
      case "var": {
        if (!inst.module.variables.has(ref.name)) {
          sink.push(
            error(
              "Reference to undeclared input variable",
              `An input variable with the name "${ref.name}" has not been declared. This variable can be declared with a variable "${ref.name}" {} block.`,
              ref.range,
            ),
          );
          subObject(variables, "var")[ref.name] = new Unknown();
          return;
        }
        const r = this.variable(inst, ref.name, ref.range);
        for (const d of r.deps) deps.add(d);
        subObject(variables, "var")[ref.name] = r.value;
        return;
      }
      case "local": {
        if (!inst.module.locals.has(ref.name)) {
          sink.push(
            error(
              "Reference to undeclared local value",
              `A local value with the name "${ref.name}" has not been declared.`,
              ref.range,
            ),
          );
          subObject(variables, "local")[ref.name] = new Unknown();
          return;
        }
        const r = this.local(inst, ref.name, ref.range);
        for (const d of r.deps) deps.add(d);
        subObject(variables, "local")[ref.name] = r.value;
        return;
      }
      case "module": {
        // Declared module calls are resolved by the caller, all outputs an expression reads at once.
        sink.push(
          error(
            "Reference to undeclared module",
            `No module call named "${ref.name}" is declared in ${inst.address || "the root module"}.`,
            ref.range,
          ),
        );
        subObject(variables, "module")[ref.name] = new Unknown();
        return;
      }
      case "resource": {
        const key = ref.mode === "data" ? `data.${ref.type}.${ref.name}` : `${ref.type}.${ref.name}`;
        const target = ref.mode === "data" ? subObject(variables, "data") : subObject(variables, ref.type);
        let holder = target;
        if (ref.mode === "data") {
          const existing = target[ref.type];
          if (existing !== undefined && isObjectValue(existing)) holder = existing as Record<string, Value>;
          else {
            holder = object();
            target[ref.type] = holder;
          }
        }
        if (!inst.module.resources.has(key)) {
          sink.push(
            error(
              ref.mode === "data" ? "Reference to undeclared data source" : "Reference to undeclared resource",
              `A ${ref.mode === "data" ? "data resource" : "managed resource"} "${ref.type}" "${ref.name}" has not been declared in ${inst.address || "the root module"}.`,
              ref.range,
            ),
          );
          holder[ref.name] = new Unknown();
          return;
        }
        const r = this.resource(inst, key, ref.range);
        holder[ref.name] = r.value;
        this.addInstanceDeps(r, ref.key, scope, deps);
        return;
      }
      case "count": {
        if (ref.attr !== "index") {
          sink.push(
            error(
              'Invalid "count" attribute',
              `The "count" object does not have an attribute named "${ref.attr}". The only supported attribute is count.index.`,
              ref.range,
            ),
          );
          return;
        }
        if (scope.countIndex === undefined) {
          sink.push(
            error(
              'Reference to "count" in non-counted context',
              'The "count" object can only be used in "module", "resource", and "data" blocks, and only when the "count" argument is set.',
              ref.range,
            ),
          );
          variables.count = object([["index", new Unknown()]]);
          return;
        }
        variables.count = object([["index", scope.countIndex]]);
        return;
      }
      case "each": {
        if (ref.attr !== "key" && ref.attr !== "value") {
          sink.push(
            error(
              'Invalid "each" attribute',
              `The "each" object does not have an attribute named "${ref.attr}". The supported attributes are each.key and each.value.`,
              ref.range,
            ),
          );
          return;
        }
        if (!scope.each) {
          sink.push(
            error(
              'Reference to "each" in context without for_each',
              'The "each" object can be used only in "module" or "resource" blocks, and only when the "for_each" argument is set.',
              ref.range,
            ),
          );
          variables.each = object([
            ["key", new Unknown()],
            ["value", new Unknown()],
          ]);
          return;
        }
        variables.each = object([
          ["key", scope.each.key],
          ["value", scope.each.value],
        ]);
        return;
      }
      case "path": {
        const values: Record<string, string> = {
          module: inst.pathModule,
          root: ".",
          cwd: this.rootAbsDir,
        };
        const v = values[ref.attr];
        if (v === undefined) {
          sink.push(
            error(
              'Invalid "path" attribute',
              `The "path" object does not have an attribute named "${ref.attr}". The supported attributes are path.cwd, path.module, and path.root.`,
              ref.range,
            ),
          );
          return;
        }
        subObject(variables, "path")[ref.attr] = v;
        return;
      }
      case "terraform": {
        if (ref.attr !== "workspace") {
          sink.push(
            error(
              'Invalid "terraform" attribute',
              `The "terraform" object does not have an attribute named "${ref.attr}". The only supported attribute is terraform.workspace.`,
              ref.range,
            ),
          );
          return;
        }
        subObject(variables, "terraform").workspace = this.workspace;
        return;
      }
      case "self": {
        variables.self = scope.self ? markOpen(object(), scope.self) : new Unknown();
        return;
      }
      case "ephemeral": {
        variables.ephemeral = markOpen(object(), "ephemeral");
        return;
      }
    }
  }

  /** Adds the instances a resource reference selects: one for a known key, all otherwise. */
  private addInstanceDeps(r: ResourceResult, key: InstanceKeyRef, scope: Scope, deps: Set<string>): void {
    if (r.expansion === "single" || r.expansion === "unknown" || key.kind === "none") {
      for (const i of r.instances) deps.add(i.address);
      return;
    }
    let k: Value;
    if (key.kind === "literal") k = key.key;
    else k = unmark(this.expr(key.expr, scope, new Set(), true)).value;
    const match =
      typeof k === "string" || typeof k === "number"
        ? r.instances.find((i) => i.key === k || String(i.key) === String(k))
        : undefined;
    if (match) deps.add(match.address);
    else for (const i of r.instances) deps.add(i.address);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Named values

  private variable(inst: ModuleInstance, name: string, at: Range): Result {
    const cached = inst.vars.get(name);
    if (cached !== undefined && cached !== RUNNING && inst.validated.has(name)) return cached;
    const decl = inst.module.variables.get(name) as Variable;
    const result = this.memo(
      inst.vars,
      name,
      () => `${inst.prefix}var.${name}`,
      at,
      () => this.computeVariable(inst, decl),
      () => ({ value: new Unknown(), deps: new Set<string>() }),
    );
    if (!inst.validated.has(name)) {
      inst.validated.add(name);
      if (!this.validate(inst, decl, result)) {
        // Terraform evaluates nothing downstream of a failed validation; here what depends on it sees an unknown
        // value, so one bad input is reported once, not again by every module it flows into.
        const invalid: Result = { value: Unknown.of(`${inst.prefix}var.${name}`, []), deps: result.deps };
        inst.vars.set(name, invalid);
        return invalid;
      }
    }
    return result;
  }

  private given(
    inst: ModuleInstance,
    decl: Variable,
  ): { value: Value; range: Range; deps: ReadonlySet<string> } | undefined {
    if (!inst.call) {
      const v = this.rootValues.get(decl.name);
      return v ? { value: v.value, range: v.range, deps: noDeps } : undefined;
    }
    const attr = inst.call.inputs.get(decl.name);
    if (!attr || !inst.callScope) return undefined;
    const deps = new Set<string>();
    const value = this.expr(attr.expr, inst.callScope, deps);
    return { value, range: attr.expr.range, deps };
  }

  private computeVariable(inst: ModuleInstance, decl: Variable): Result {
    const { type, diagnostics } = variableType(decl);
    this.diagnostics.push(...diagnostics);
    let given = this.given(inst, decl);
    if (given && given.value === null && !decl.nullable) given = undefined;
    let value: Value;
    let range: Range;
    const deps = given?.deps ?? noDeps;
    if (given) {
      value = given.value;
      range = given.range;
    } else if (decl.default) {
      // Defaults are constants: evaluated and converted once per declaration, not once per module instance.
      const d = this.defaultValue(decl, type);
      if (d === FAILED) return { value: Unknown.of(`${inst.prefix}var.${decl.name}`, []), deps };
      return { value: decl.sensitive && !(d instanceof Sensitive) ? new Sensitive(d) : d, deps };
    } else {
      if (inst.call) {
        this.diagnostics.push(
          error(
            "Missing required argument",
            `The argument "${decl.name}" is required, but no definition was found. (Module "${inst.call.name}" declares variable "${decl.name}" without a default at ${formatRange(decl.declRange)}.)`,
            inst.call.declRange,
          ),
        );
      } else {
        this.diagnostics.push(
          error(
            "No value for required variable",
            `The root module input variable "${decl.name}" is not set, and has no default value. Use a --var or --var-file argument, a terraform.tfvars file, or TF_VAR_${decl.name} to provide a value for this variable.`,
            decl.declRange,
          ),
        );
      }
      return { value: Unknown.of(`${inst.prefix}var.${decl.name}`, []), deps };
    }
    const converted = convertToVariableType(value, type);
    if ("error" in converted) {
      this.diagnostics.push(
        error(
          "Invalid value for input variable",
          `The given value is not suitable for var.${decl.name} declared at ${formatRange(decl.declRange)}: ${converted.error}.`,
          range,
        ),
      );
      return { value: Unknown.of(`${inst.prefix}var.${decl.name}`, []), deps };
    }
    value = converted.value;
    if (value === null && !decl.nullable && !decl.default) {
      this.diagnostics.push(
        error("Required variable not set", `The variable "${decl.name}" is not nullable and has no default.`, range),
      );
    }
    if (decl.sensitive && !(value instanceof Sensitive)) value = new Sensitive(value);
    return { value, deps };
  }

  private defaultValue(decl: Variable, type: Type | null): Value | typeof FAILED {
    let cached = this.defaults.get(decl);
    if (cached !== undefined) return cached;
    const expr = (decl.default as Attribute).expr;
    const converted = convertToVariableType(this.constant(expr), type);
    if ("error" in converted) {
      this.diagnostics.push(
        error(
          "Invalid default value for variable",
          `This default value is not compatible with the variable's type constraint: ${converted.error}.`,
          expr.range,
        ),
      );
      cached = FAILED;
    } else cached = converted.value;
    this.defaults.set(decl, cached);
    return cached;
  }

  /**
   * Validation blocks: a false condition is an error carrying the block's error_message, at the given value.
   * False when a condition failed.
   */
  private validate(inst: ModuleInstance, decl: Variable, result: Result): boolean {
    if (decl.validations.length === 0) return true;
    let valid = true;
    const given = inst.call ? inst.call.inputs.get(decl.name)?.expr.range : this.rootValues.get(decl.name)?.range;
    const at = given ?? decl.default?.expr.range ?? decl.declRange;
    for (const validation of decl.validations) {
      this.guard(validation.range, () => {
        const scope: Scope = { inst };
        const condition = unmark(this.expr(validation.condition, scope, new Set())).value;
        if (condition instanceof Unknown) return; // Terraform checks unknown conditions at apply time.
        if (typeof condition !== "boolean") {
          if (condition === null || containsUnknown(result.value)) return;
          valid = false;
          this.diagnostics.push(
            error(
              "Invalid validation result",
              "The condition expression must produce a boolean value.",
              validation.condition.range,
            ),
          );
          return;
        }
        if (condition) return;
        valid = false;
        let message = "The value does not satisfy this variable's validation rule.";
        if (validation.errorMessage) {
          const m = unmark(this.expr(validation.errorMessage, scope, new Set()));
          if (m.sensitive)
            message = "The error message of this validation rule refers to a sensitive value; it is not shown.";
          else if (typeof m.value === "string") message = m.value;
        }
        this.diagnostics.push(
          error(
            "Invalid value for variable",
            `${message}\n\nThis was checked by the validation rule at ${formatRange(validation.range)}.`,
            at,
          ),
        );
      });
    }
    return valid;
  }

  /** Default values and other expressions that may not reference anything. */
  private constant(expr: Expression): Value {
    const result = evaluate(expr, { variables: object(), functions: this.functions });
    this.diagnostics.push(...result.diagnostics);
    return result.value;
  }

  private local(inst: ModuleInstance, name: string, at: Range): Result {
    const cached = inst.locals.get(name);
    if (cached !== undefined && cached !== RUNNING) return cached;
    return this.memo(
      inst.locals,
      name,
      () => `${inst.prefix}local.${name}`,
      at,
      () => {
        const decl = inst.module.locals.get(name);
        const deps = new Set<string>();
        if (!decl) return { value: new Unknown(), deps };
        return { value: this.expr(decl.expr, { inst }, deps), deps };
      },
      () => ({ value: Unknown.of(`${inst.prefix}local.${name}`, []), deps: new Set<string>() }),
    );
  }

  private output(inst: ModuleInstance, name: string, at: Range): Result {
    const cached = inst.outputs.get(name);
    if (cached !== undefined && cached !== RUNNING) return cached;
    return this.memo(
      inst.outputs,
      name,
      () => `${inst.prefix}output.${name}`,
      at,
      () => {
        const decl = inst.module.outputs.get(name);
        const deps = new Set<string>();
        if (!decl?.expr) return { value: null, deps };
        let value = this.expr(decl.expr, { inst }, deps);
        if (decl.sensitive && !(value instanceof Sensitive)) value = new Sensitive(value);
        return { value, deps };
      },
      () => ({ value: Unknown.of(`${inst.prefix}output.${name}`, []), deps: new Set<string>() }),
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // count and for_each

  private expand(count: Expression | null, forEach: Expression | null, scope: Scope): ExpansionResult {
    const deps = new Set<string>();
    const unknownKey: ExpandedKey = {
      key: null,
      repetition: count
        ? { countIndex: new Unknown([], "number") }
        : { each: { key: new Unknown([], "string"), value: new Unknown() } },
    };
    if (count) {
      const raw = this.expr(count, scope, deps);
      const { value } = unmark(raw);
      if (value instanceof Unknown || containsUnknown(value)) {
        const refs = collectRefs(value);
        return {
          kind: "unknown",
          keys: [{ key: null, repetition: { countIndex: new Unknown(refs, "number") } }],
          deps,
        };
      }
      let n: number | undefined;
      if (typeof value === "number") n = value;
      else if (typeof value === "string" && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) n = Number(value);
      let problem: string | undefined;
      if (value === null) problem = 'The given "count" argument value is null. An integer is required.';
      else if (n === undefined) problem = 'The given "count" argument value is unsuitable: number required.';
      else if (!Number.isInteger(n))
        problem = 'The given "count" argument value is unsuitable: the value must be a whole number.';
      else if (n < 0) problem = 'The given "count" argument value is invalid: must be greater than or equal to zero.';
      if (problem !== undefined || n === undefined) {
        this.diagnostics.push(error("Invalid count argument", problem ?? "", count.range));
        return { kind: "unknown", keys: [unknownKey], deps };
      }
      if (n > maxInstances) {
        this.tooMany(n, count.range);
        return { kind: "unknown", keys: [unknownKey], deps };
      }
      const keys: ExpandedKey[] = [];
      for (let i = 0; i < n; i++) keys.push({ key: i, repetition: { countIndex: i } });
      return { kind: "count", keys, deps };
    }
    if (forEach) {
      const raw = this.expr(forEach, scope, deps);
      const { value, sensitive } = unmark(raw);
      if (sensitive) {
        this.diagnostics.push(
          error(
            "Invalid for_each argument",
            "Sensitive values, or values derived from sensitive values, cannot be used as for_each arguments. If used, the sensitive value could be exposed as a resource instance key.",
            forEach.range,
          ),
        );
        // Instance keys are printed in addresses, so a secret must not become one.
        return { kind: "unknown", keys: [unknownKey], deps };
      }
      if (value instanceof Unknown) {
        return {
          kind: "unknown",
          keys: [
            {
              key: null,
              repetition: { each: { key: new Unknown(value.refs, "string"), value: new Unknown(value.refs) } },
            },
          ],
          deps,
        };
      }
      if (value === null) {
        this.diagnostics.push(
          error(
            "Invalid for_each argument",
            'The given "for_each" argument value is null. A map, or set of strings is allowed.',
            forEach.range,
          ),
        );
        return { kind: "unknown", keys: [unknownKey], deps };
      }
      if (value instanceof SetValue) {
        const keys: ExpandedKey[] = [];
        for (const item of value.items) {
          if (item instanceof Unknown) {
            return { kind: "unknown", keys: [{ key: null, repetition: { each: { key: item, value: item } } }], deps };
          }
          if (typeof item !== "string") {
            this.diagnostics.push(
              error(
                "Invalid for_each set argument",
                `The given "for_each" argument value is unsuitable: "for_each" supports maps and sets of strings, but you have provided a set containing type ${item === null ? "null" : typeof item === "object" ? "object" : typeof item}.`,
                forEach.range,
              ),
            );
            return { kind: "unknown", keys: [unknownKey], deps };
          }
          keys.push({ key: item, repetition: { each: { key: item, value: item } } });
        }
        if (keys.length > maxInstances) {
          this.tooMany(keys.length, forEach.range);
          return { kind: "unknown", keys: [unknownKey], deps };
        }
        return { kind: "for_each", keys, deps };
      }
      if (isObjectValue(value)) {
        const names = Object.keys(value);
        if (names.length > maxInstances) {
          this.tooMany(names.length, forEach.range);
          return { kind: "unknown", keys: [unknownKey], deps };
        }
        const keys = names
          .sort()
          .map((k): ExpandedKey => ({ key: k, repetition: { each: { key: k, value: value[k] as Value } } }));
        return { kind: "for_each", keys, deps };
      }
      const given = Array.isArray(value) ? "tuple" : typeof value === "string" ? "string" : typeof value;
      this.diagnostics.push(
        error(
          "Invalid for_each argument",
          `The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type ${given}.`,
          forEach.range,
        ),
      );
      return { kind: "unknown", keys: [unknownKey], deps };
    }
    return { kind: "single", keys: [{ key: null, repetition: {} }], deps };
  }

  private tooMany(n: number, range: Range): void {
    this.diagnostics.push(
      error(
        "Too many instances",
        `This expands to ${n} instances, more than phiform evaluates for one resource, module or dynamic block (${maxInstances}); it is treated as an unknown number of instances.`,
        range,
      ),
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // Resources

  private resource(inst: ModuleInstance, key: string, at: Range): ResourceResult {
    const cached = inst.resources.get(key);
    if (cached !== undefined && cached !== RUNNING) return cached;
    return this.memo(
      inst.resources,
      key,
      () => `${inst.prefix}${key}`,
      at,
      () => this.computeResource(inst, inst.module.resources.get(key) as Resource),
      () => ({ value: Unknown.of(`${inst.prefix}${key}`, []), instances: [], expansion: "unknown" }),
    );
  }

  private computeResource(inst: ModuleInstance, r: Resource): ResourceResult {
    const resourceAddress = `${inst.prefix}${r.key}`;
    const expansion = this.expand(r.count?.expr ?? null, r.forEach?.expr ?? null, { inst });
    const provider = this.providerAddress(inst, r.provider, r.type);
    const dependsOn = r.dependsOn.map((t) => this.dependsOnAddress(inst, t));
    const instances: ResourceInstance[] = [];
    const values: Value[] = [];
    const byKey = object();
    for (const { key, repetition } of expansion.keys) {
      const address = expansion.kind === "unknown" ? `${resourceAddress}[*]` : `${resourceAddress}${formatKey(key)}`;
      const deps = new Set<string>(expansion.deps);
      const scope: Scope = { inst, ...repetition, self: address };
      const { body, value } = this.body(r.body, scope, deps, address, [], r.range);
      const computed = object();
      if (r.mode === "data" && r.type === policyDocumentType) {
        const doc = policyDocument(body, (v) => this.jsonencode(v));
        computed.json = doc.json;
        computed.minified_json = doc.json;
        value.json = doc.json;
        value.minified_json = doc.json;
        for (const p of doc.problems) {
          this.diagnostics.push(error("Invalid policy document", p.message, p.tracked?.range ?? r.declRange));
        }
      }
      const instanceValue = markOpen(value, address);
      instances.push({
        address,
        resource: resourceAddress,
        module: inst.address,
        mode: r.mode,
        type: r.type,
        name: r.name,
        key,
        expansion: expansion.kind,
        provider,
        moduleCalls: inst.chain,
        range: r.range,
        declRange: r.declRange,
        body,
        references: sortedAddresses(deps, address),
        dependsOn,
        computed,
        value: instanceValue,
      });
      values.push(instanceValue);
      if (typeof key === "string") byKey[key] = instanceValue;
    }
    let value: Value;
    switch (expansion.kind) {
      case "single":
        value = values[0] as Value;
        break;
      case "count":
        value = values;
        break;
      case "for_each":
        value = byKey;
        break;
      case "unknown":
        value = Unknown.of(`${resourceAddress}[*]`, []);
        break;
    }
    return { value, instances, expansion: expansion.kind };
  }

  private dependsOnAddress(inst: ModuleInstance, t: ScopeTraversal): string {
    let text = t.root;
    for (const step of t.traversal) {
      text +=
        step.kind === "attr"
          ? `.${step.name}`
          : typeof step.key === "number"
            ? `[${step.key}]`
            : `[${JSON.stringify(step.key)}]`;
    }
    return `${inst.prefix}${text}`;
  }

  /** Evaluates a body: attributes as Tracked values, nested blocks (after `dynamic` expansion), and its value. */
  private body(
    body: Body,
    scope: Scope,
    deps: Set<string>,
    address: string,
    path: readonly (string | number)[],
    range: Range,
  ): { body: EvaluatedBody; value: Record<string, Value> } {
    const attributes = object() as Record<string, Tracked>;
    const value = object();
    for (const attr of body.attributes) {
      const earlier = attributes[attr.name];
      if (earlier) {
        this.diagnostics.push(
          error(
            "Duplicate argument",
            `The argument "${attr.name}" was already set at ${formatRange(earlier.range)}. Each argument may be set only once.`,
            attr.nameRange,
          ),
        );
        continue;
      }
      let v: Value;
      try {
        v = this.expr(attr.expr, scope, deps);
      } catch (e) {
        this.diagnostics.push(internalError(e, attr.range));
        v = new Unknown();
      }
      (attributes as Record<string, unknown>)[attr.name] = {
        value: v,
        range: attr.range,
        origin: trackedOrigin(v),
        expr: attr.expr,
      } satisfies Tracked;
      // An argument set to null is unset: the provider may compute it, so references read it as unknown.
      if (v !== null) value[attr.name] = v;
    }
    const blocks = object() as unknown as Record<string, EvaluatedBlock[]>;
    for (const block of body.blocks) {
      try {
        if (block.type === "dynamic") this.dynamic(block, scope, deps, address, path, blocks, value);
        else
          this.nestedBlock(
            block,
            block.type,
            block.body,
            scope,
            deps,
            address,
            path,
            blocks,
            value,
            false,
            false,
            block.range,
          );
      } catch (e) {
        this.diagnostics.push(internalError(e, block.range));
      }
    }
    return { body: { range, attributes, blocks }, value };
  }

  private nestedBlock(
    block: Block,
    type: string,
    content: Body,
    scope: Scope,
    deps: Set<string>,
    address: string,
    path: readonly (string | number)[],
    blocks: Record<string, EvaluatedBlock[]>,
    value: Record<string, Value>,
    dynamic: boolean,
    unknownExpansion: boolean,
    range: Range,
    labels: readonly string[] = block.labels.map((l) => l.value),
  ): void {
    let list = blocks[type];
    if (!list) {
      list = [];
      blocks[type] = list;
    }
    let values = value[type];
    if (!Array.isArray(values)) {
      values = [];
      value[type] = values;
    }
    const innerPath = [...path, type, list.length];
    const inner = this.body(content, scope, deps, address, innerPath, range);
    const { range: bodyRange, attributes, blocks: nested } = inner.body;
    // Spelled out rather than spread: same keys, same order, no object clone on this hot path.
    list.push({ range: bodyRange, attributes, blocks: nested, type, labels, dynamic, unknownExpansion });
    (values as Value[]).push(markOpen(inner.value as ObjectValue, address, innerPath));
  }

  /** `dynamic "x" { for_each = …; iterator = it; labels = […]; content { … } }` → zero or more `x` blocks. */
  private dynamic(
    block: Block,
    scope: Scope,
    deps: Set<string>,
    address: string,
    path: readonly (string | number)[],
    blocks: Record<string, EvaluatedBlock[]>,
    value: Record<string, Value>,
  ): void {
    const type = block.labels[0]?.value;
    if (type === undefined) {
      this.diagnostics.push(
        error(
          "Missing dynamic block type",
          "A dynamic block needs a label naming the block type it generates.",
          block.openBraceRange,
        ),
      );
      return;
    }
    const attrs = new Map(block.body.attributes.map((a) => [a.name, a]));
    const forEach = attrs.get("for_each");
    const content = block.body.blocks.find((b) => b.type === "content");
    if (!forEach || !content) {
      this.diagnostics.push(
        error(
          "Incomplete dynamic block",
          `A dynamic block needs a "for_each" argument and a "content" block.`,
          block.openBraceRange,
        ),
      );
      return;
    }
    let iterator = type;
    const iteratorAttr = attrs.get("iterator");
    if (iteratorAttr) {
      const e = iteratorAttr.expr;
      if (e.kind === "ScopeTraversal" && e.traversal.length === 0) iterator = e.root;
      else {
        this.diagnostics.push(
          error("Invalid dynamic iterator name", "The iterator must be a single identifier.", e.range),
        );
      }
    }
    const labelsAttr = attrs.get("labels");
    const collection = unmark(this.expr(forEach.expr, scope, deps)).value;
    const emit = (key: Value, item: Value, unknownExpansion: boolean): void => {
      const iterators = new Map(scope.iterators ?? []);
      iterators.set(
        iterator,
        object([
          ["key", key],
          ["value", item],
        ]),
      );
      const inner: Scope = { ...scope, iterators };
      let labels: string[] = [];
      if (labelsAttr) {
        const l = unmark(this.expr(labelsAttr.expr, inner, deps)).value;
        if (Array.isArray(l)) labels = l.map((x) => (typeof x === "string" ? x : ""));
      }
      this.nestedBlock(
        block,
        type,
        content.body,
        inner,
        deps,
        address,
        path,
        blocks,
        value,
        true,
        unknownExpansion,
        content.range,
        labels,
      );
    };
    if (
      collection instanceof Unknown ||
      (collection instanceof SetValue && collection.items.some((i) => i instanceof Unknown))
    ) {
      const refs = collectRefs(collection);
      emit(new Unknown(refs), new Unknown(refs), true);
      return;
    }
    const size = Array.isArray(collection)
      ? collection.length
      : collection instanceof SetValue
        ? collection.items.length
        : isObjectValue(collection)
          ? Object.keys(collection).length
          : 0;
    if (size > maxInstances) {
      this.tooMany(size, forEach.expr.range);
      emit(new Unknown(), new Unknown(), true);
      return;
    }
    if (Array.isArray(collection)) for (const [i, item] of collection.entries()) emit(i, item, false);
    else if (collection instanceof SetValue) for (const item of collection.items) emit(item, item, false);
    else if (isObjectValue(collection)) for (const k of Object.keys(collection)) emit(k, collection[k] as Value, false);
    else if (collection !== null) {
      this.diagnostics.push(
        error(
          "Invalid dynamic for_each value",
          `Cannot use a ${typeof collection} value in for_each. An iterable collection is required.`,
          forEach.expr.range,
        ),
      );
    } else {
      this.diagnostics.push(
        error("Invalid dynamic for_each value", "Cannot use a null value in for_each.", forEach.expr.range),
      );
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Module calls

  private callExpansion(inst: ModuleInstance, name: string, at: Range): CallResult {
    const cached = inst.calls.get(name);
    if (cached !== undefined && cached !== RUNNING) return cached;
    return this.memo(
      inst.calls,
      name,
      () => `${inst.prefix}module.${name}`,
      at,
      () => this.computeCall(inst, inst.module.moduleCalls.get(name) as ModuleCall),
      () => ({ expansion: "unknown", children: [], deps: new Set<string>() }),
    );
  }

  private computeCall(inst: ModuleInstance, call: ModuleCall): CallResult {
    const expansion = this.expand(call.count?.expr ?? null, call.forEach?.expr ?? null, { inst });
    const base = `${inst.prefix}module.${call.name}`;
    const children = expansion.keys.map(({ key, repetition }) => {
      const address = expansion.kind === "unknown" ? `${base}[*]` : `${base}${formatKey(key)}`;
      if (!call.module) return { key, inst: null, address };
      const child = new ModuleInstance(
        call.module,
        address,
        inst,
        call,
        { inst, ...repetition },
        [...inst.chain, { address, range: call.range, source: call.source }],
        this.rootAbsDir,
      );
      return { key, inst: child, address };
    });
    if (call.module) {
      for (const [name, attr] of call.inputs) {
        if (!call.module.variables.has(name)) {
          this.diagnostics.push(
            error(
              "Unsupported argument",
              `An argument named "${name}" is not expected here: module "${call.name}" declares no variable "${name}".`,
              attr.nameRange,
            ),
          );
        }
      }
    }
    return { expansion: expansion.kind, children, deps: expansion.deps };
  }

  /** The value of `module.NAME`: per instance, an object of the outputs the expression reads. */
  private moduleValue(
    scope: Scope,
    name: string,
    outputs: Set<string> | "all",
    refs: readonly TerraformReference[],
    deps: Set<string>,
    sink: Diagnostic[],
  ): Value {
    const inst = scope.inst;
    const call = inst.module.moduleCalls.get(name) as ModuleCall;
    const first = refs[0] as TerraformReference;
    const result = this.callExpansion(inst, name, first.range);
    for (const d of result.deps) deps.add(d);
    const selected = new Set<string>();
    for (const ref of refs) {
      if (ref.kind !== "module") continue;
      if (ref.key.kind === "none" || result.expansion === "single" || result.expansion === "unknown") {
        for (const c of result.children) selected.add(c.address);
      } else {
        const k =
          ref.key.kind === "literal" ? ref.key.key : unmark(this.expr(ref.key.expr, scope, new Set(), true)).value;
        const match = result.children.find((c) => c.key === k || String(c.key) === String(k));
        if (match) selected.add(match.address);
        else for (const c of result.children) selected.add(c.address);
      }
    }
    const childValue = (child: CallResult["children"][number]): Value => {
      if (!child.inst || !call.module) return markOpen(object(), child.address);
      const out = object();
      const names = outputs === "all" ? [...call.module.outputs.keys()] : [...outputs];
      for (const o of names) {
        if (!call.module.outputs.has(o)) {
          sink.push(
            error(
              "Unsupported attribute",
              `This object does not have an attribute named "${o}": module "${call.name}" (${call.module.dir}) declares no output "${o}".`,
              first.range,
            ),
          );
          out[o] = new Unknown();
          continue;
        }
        const r = this.output(child.inst, o, first.range);
        out[o] = r.value;
        if (selected.has(child.address)) for (const d of r.deps) deps.add(d);
      }
      return out;
    };
    switch (result.expansion) {
      case "single":
        return childValue(result.children[0] as CallResult["children"][number]);
      case "count":
        return result.children.map(childValue);
      case "for_each":
        return object(result.children.map((c) => [String(c.key), childValue(c)]));
      case "unknown":
        for (const c of result.children) childValue(c);
        return Unknown.of(`${inst.prefix}module.${name}[*]`, []);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Providers and backend

  private providerAddress(inst: ModuleInstance, ref: ProviderRef | null, resourceType: string): string {
    const name = ref?.name ?? impliedProviderName(resourceType);
    return this.resolveProvider(inst, name, ref?.alias ?? null);
  }

  private resolveProvider(inst: ModuleInstance, name: string, alias: string | null): string {
    const m = inst.module;
    const fqn = m.requiredProviders.get(name)?.source ?? qualifyProviderSource(name);
    const key = alias ? `${name}.${alias}` : name;
    const here = `${inst.configPrefix}provider["${fqn}"]${alias ? `.${alias}` : ""}`;
    if (m.providers.has(key)) return here;
    if (!inst.parent || !inst.call) return here;
    const mapped = inst.call.providers.get(key);
    if (mapped) return this.resolveProvider(inst.parent, mapped.name, mapped.alias);
    if (alias) return here;
    // Default providers are inherited: find the parent's local name for the same provider.
    let parentName = name;
    for (const rp of inst.parent.module.requiredProviders.values()) {
      if (rp.source === fqn) {
        parentName = rp.name;
        break;
      }
    }
    return this.resolveProvider(inst.parent, parentName, null);
  }

  private providerConfig(inst: ModuleInstance, name: string, alias: string | null): void {
    const p = inst.module.providers.get(alias ? `${name}.${alias}` : name);
    if (!p) return;
    const fqn = inst.module.requiredProviders.get(name)?.source ?? qualifyProviderSource(name);
    const address = `${inst.configPrefix}provider["${fqn}"]${alias ? `.${alias}` : ""}`;
    if (this.providerConfigs.has(address)) return;
    const { body } = this.body(p.body, { inst }, new Set(), address, [], p.range);
    this.providerConfigs.set(address, { address, name, alias, range: p.range, body });
  }

  private backend(root: ModuleInstance): BackendConfig | null {
    const b = root.module.backend;
    if (!b) return null;
    try {
      const { body } = this.body(b.body, { inst: root }, new Set(), `terraform.backend.${b.type}`, [], b.range);
      return { type: b.type, range: b.range, declRange: b.declRange, body };
    } catch (e) {
      this.diagnostics.push(internalError(e, b.range));
      return null;
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Functions' callbacks

  private jsonencode(v: Value): string {
    const fn = this.functions.get("jsonencode");
    if (fn && fn.kind !== "lazy") {
      const out = fn.impl([v], { range: fileStartRangeOf(), argRanges: [] });
      if (typeof out === "string") return out;
    }
    return encodeJson(v);
  }

  renderTemplate(text: string, path: string, vars: Readonly<Record<string, Value>>): Value {
    const parsed = parseTemplate(text, path);
    if (parsed.diagnostics.length > 0) {
      this.diagnostics.push(...parsed.diagnostics);
      return new Unknown([], "string");
    }
    const variables = object(Object.entries(vars));
    const result = evaluate(parsed.expr, { variables, functions: templateFunctions(this.functions) });
    this.diagnostics.push(...result.diagnostics);
    return result.value;
  }
}

const noVariables: Record<string, Value> = object();

/** The dependencies of a value that depends on no resource: shared, so never added to (results' deps are read-only). */
const noDeps: ReadonlySet<string> = new Set();

function subObject(variables: Record<string, Value>, name: string): Record<string, Value> {
  let o = variables[name];
  if (o === undefined || !isObjectValue(o)) {
    o = object();
    variables[name] = o;
  }
  return o as Record<string, Value>;
}

function fileStartRangeOf(): Range {
  const start = { line: 1, column: 1, byte: 0 };
  return { file: "", start, end: start };
}

/** By file, then position; stable, so diagnostics at one place keep the order they were found in. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) =>
    a.range.file < b.range.file ? -1 : a.range.file > b.range.file ? 1 : a.range.start.byte - b.range.start.byte,
  );
}

function dedupeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.severity}\u0000${d.summary}\u0000${d.detail}\u0000${d.range.file}\u0000${d.range.start.byte}\u0000${d.range.end.byte}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
