/**
 * Evaluation of HCL native-syntax expressions with the semantics of HashiCorp's hclsyntax package and cty.
 *
 * Never throws: every problem is a located Diagnostic and the offending value becomes an Unknown with no
 * references, so evaluation of the rest continues. Unknown values propagate through every operation and remember
 * the references they were computed from; sensitive marks propagate to every result derived from a marked value.
 */
import type {
  AnonSymbol,
  BinaryOp,
  Conditional,
  Expression,
  For,
  FunctionCall,
  Index,
  ObjectCons,
  ScopeTraversal,
  Splat,
  Template,
  TemplateFor,
  TemplateIf,
  Traverser,
  UnaryOp,
} from "./ast.js";
import { type Diagnostic, error, warning } from "./diagnostic.js";
import { type EvaluatedArg, FunctionError, type FunctionParam, type HclFunction } from "./function.js";
import {
  type ArithmeticOperator,
  arithmetic,
  type ComparisonOperator,
  collectRefs,
  compareNumbers,
  equalsOperation,
  negate,
  unknownFrom,
} from "./operations.js";
import { formatRange, type Range, rangeBetween } from "./range.js";
import {
  anyType,
  boolType,
  convertValueOnly,
  friendlyName,
  numberType,
  stringType,
  type Type,
  typeEquals,
  typeOf,
  unify,
  unknownTypeOf,
} from "./types.js";
import {
  containsSensitive,
  containsUnknown,
  isObjectValue,
  mark,
  type ObjectValue,
  object,
  openReference,
  type Reference,
  Sensitive,
  SetValue,
  Unknown,
  type UnknownType,
  unmark,
  type Value,
} from "./value.js";

export interface EvalContext {
  /** Root names (var, local, each, count, resources…): null-prototype objects. */
  readonly variables: Readonly<Record<string, Value>>;
  readonly functions?: ReadonlyMap<string, HclFunction>;
  /** The enclosing scope: names not defined here are looked up there. */
  readonly parent?: EvalContext;
}

export interface Evaluation {
  readonly value: Value;
  readonly diagnostics: Diagnostic[];
}

/** Evaluates an expression (or a template from `parseTemplate`) in a context. */
export function evaluate(expr: Expression, ctx: EvalContext): Evaluation {
  const diagnostics: Diagnostic[] = [];
  const value = ev(expr, ctx, diagnostics);
  return { value, diagnostics };
}

/**
 * Evaluates a standalone template (as `templatefile` does) with the given variables and functions. The result is
 * the template's value: a string, or for a template that is a single interpolation, that interpolation's value.
 */
export function evaluateTemplate(
  template: Expression,
  variables: Readonly<Record<string, Value>>,
  functions?: ReadonlyMap<string, HclFunction>,
): Evaluation {
  return evaluate(template, functions ? { variables, functions } : { variables });
}

/**
 * The references to root variables an expression makes (`var.a`, `local.b[0]`), in source order, excluding names
 * bound by its own `for` expressions. Used to order evaluation by dependency.
 */
export function referencedVariables(expr: Expression): ScopeTraversal[] {
  const out: ScopeTraversal[] = [];
  collectVariables(expr, new Set(), out);
  return out;
}

function collectVariables(e: Expression, bound: ReadonlySet<string>, out: ScopeTraversal[]): void {
  const walk = (x: Expression | null) => {
    if (x) collectVariables(x, bound, out);
  };
  switch (e.kind) {
    case "ScopeTraversal":
      if (!bound.has(e.root)) out.push(e);
      return;
    case "LiteralValue":
    case "AnonSymbol":
    case "Invalid":
      return;
    case "Template":
      for (const p of e.parts) walk(p);
      return;
    case "TemplateWrap":
      walk(e.wrapped);
      return;
    case "TemplateIf":
      walk(e.condition);
      walk(e.then);
      walk(e.else);
      return;
    case "TemplateFor": {
      walk(e.collection);
      const inner = new Set(bound);
      if (e.keyVar) inner.add(e.keyVar);
      inner.add(e.valueVar);
      collectVariables(e.body, inner, out);
      return;
    }
    case "RelativeTraversal":
      walk(e.source);
      return;
    case "FunctionCall":
      for (const a of e.args) walk(a);
      return;
    case "Conditional":
      walk(e.condition);
      walk(e.trueResult);
      walk(e.falseResult);
      return;
    case "BinaryOp":
      walk(e.left);
      walk(e.right);
      return;
    case "UnaryOp":
      walk(e.operand);
      return;
    case "TupleCons":
      for (const el of e.elements) walk(el);
      return;
    case "ObjectCons":
      for (const item of e.items) {
        walk(item.key);
        walk(item.value);
      }
      return;
    case "ObjectConsKey":
      if (e.forceNonLiteral || !isKeyword(e.wrapped)) walk(e.wrapped);
      return;
    case "For": {
      walk(e.collection);
      const inner = new Set(bound);
      if (e.keyVar) inner.add(e.keyVar);
      inner.add(e.valueVar);
      for (const x of [e.keyExpr, e.valueExpr, e.condition]) if (x) collectVariables(x, inner, out);
      return;
    }
    case "Index":
      walk(e.collection);
      walk(e.key);
      return;
    case "Splat":
      walk(e.source);
      walk(e.each);
      return;
    case "Parentheses":
      walk(e.expr);
      return;
  }
}

/** A bare name or the keyword `true`/`false`/`null` written as an object key: the key is that name as a string. */
function isKeyword(e: Expression): boolean {
  return (
    (e.kind === "ScopeTraversal" && e.traversal.length === 0) ||
    (e.kind === "LiteralValue" && (e.value === null || typeof e.value === "boolean"))
  );
}

/** A scope made by a splat: the current element is the value of its AnonSymbol. */
interface SplatScope extends EvalContext {
  readonly splatSymbol: AnonSymbol;
  readonly splatItem: Value;
}

const NO_VARIABLES: Readonly<Record<string, Value>> = object();

function failed(type: UnknownType = "any"): Unknown {
  return new Unknown([], type);
}

function errorsSince(diags: readonly Diagnostic[], start: number): boolean {
  for (let i = start; i < diags.length; i++) if ((diags[i] as Diagnostic).severity === "error") return true;
  return false;
}

function ev(e: Expression, scope: EvalContext, diags: Diagnostic[]): Value {
  switch (e.kind) {
    case "LiteralValue":
      return e.value;
    case "Template":
      return evalTemplate(e, scope, diags);
    case "TemplateWrap":
      return ev(e.wrapped, scope, diags);
    case "TemplateIf":
      return evalTemplateIf(e, scope, diags);
    case "TemplateFor":
      return evalTemplateFor(e, scope, diags);
    case "ScopeTraversal":
      return evalScopeTraversal(e, scope, diags);
    case "RelativeTraversal":
      return traverse(ev(e.source, scope, diags), e.traversal, diags);
    case "FunctionCall":
      return evalCall(e, scope, diags);
    case "Conditional":
      return evalConditional(e, scope, diags);
    case "BinaryOp":
      return evalBinary(e, scope, diags);
    case "UnaryOp":
      return evalUnary(e, scope, diags);
    case "TupleCons":
      return e.elements.map((el) => ev(el, scope, diags));
    case "ObjectCons":
      return evalObject(e, scope, diags);
    case "ObjectConsKey":
      return evalObjectKey(e, scope, diags);
    case "For":
      return evalFor(e, scope, diags);
    case "Index":
      return evalIndex(e, scope, diags);
    case "Splat":
      return evalSplat(e, scope, diags);
    case "AnonSymbol":
      return anonValue(e, scope);
    case "Parentheses":
      return ev(e.expr, scope, diags);
    case "Invalid":
      return failed();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Templates

/** Accumulates the pieces of a string: known text and unknown values, merging adjacent text. */
class StringBuilder {
  readonly pieces: (string | Unknown)[] = [];
  unknown = false;

  text(s: string): void {
    if (s === "") return;
    const last = this.pieces.length - 1;
    if (last >= 0 && typeof this.pieces[last] === "string") this.pieces[last] = (this.pieces[last] as string) + s;
    else this.pieces.push(s);
  }

  unknownPiece(u: Unknown): void {
    this.unknown = true;
    if (u.parts) {
      for (const p of u.parts) {
        if (typeof p === "string") this.text(p);
        else this.pieces.push(p);
      }
    } else this.pieces.push(u);
  }

  result(sensitive: boolean): Value {
    if (!this.unknown) return mark(this.pieces.join(""), sensitive);
    const u = new Unknown(collectRefs(...this.pieces.filter((p): p is Unknown => p instanceof Unknown)), "string", [
      ...this.pieces,
    ]);
    return mark(u, sensitive);
  }
}

function evalTemplate(t: Template, scope: EvalContext, diags: Diagnostic[]): Value {
  const start = diags.length;
  const out = new StringBuilder();
  let sensitive = false;
  for (const part of t.parts) {
    if (part.kind === "LiteralValue" && typeof part.value === "string") {
      out.text(part.value);
      continue;
    }
    const raw = ev(part, scope, diags);
    const { value, sensitive: marked } = unmarkTop(raw);
    if (marked) sensitive = true;
    if (value === null) {
      diags.push(
        error(
          "Invalid template interpolation value",
          "The expression result is null. Cannot include a null value in a string template.",
          part.range,
          t.range,
        ),
      );
      continue;
    }
    if (value instanceof Unknown) {
      out.unknownPiece(value);
      continue;
    }
    if (typeof value === "string") {
      out.text(value);
      continue;
    }
    const converted = convertValueOnly(value, stringType);
    if (converted.error) {
      diags.push(
        error(
          "Invalid template interpolation value",
          `Cannot include the given value in a string template: ${converted.error.message}.`,
          part.range,
          t.range,
        ),
      );
      continue;
    }
    out.text(converted.value as string);
  }
  if (errorsSince(diags, start)) return failed("string");
  return out.result(sensitive);
}

function unmarkTop(v: Value): { value: Value; sensitive: boolean } {
  let value = v;
  let sensitive = false;
  while (value instanceof Sensitive) {
    value = value.value;
    sensitive = true;
  }
  return { value, sensitive };
}

function evalTemplateIf(d: TemplateIf, scope: EvalContext, diags: Diagnostic[]): Value {
  const thenDiags: Diagnostic[] = [];
  const elseDiags: Diagnostic[] = [];
  const thenValue = evalTemplate(d.then, scope, thenDiags);
  const elseValue = d.else ? evalTemplate(d.else, scope, elseDiags) : "";
  const cond = evalCondition(d.condition, d.range, scope, diags);
  if (cond.kind === "failed") return failed("string");
  if (cond.kind === "unknown") return mark(unknownFrom("string", cond.value, thenValue, elseValue), cond.sensitive);
  diags.push(...(cond.value ? thenDiags : elseDiags));
  return mark(cond.value ? thenValue : elseValue, cond.sensitive);
}

function evalTemplateFor(d: TemplateFor, scope: EvalContext, diags: Diagnostic[]): Value {
  const start = diags.length;
  const iteration = iterate(
    {
      keyVar: d.keyVar,
      valueVar: d.valueVar,
      collection: d.collection,
      keyExpr: null,
      valueExpr: d.body,
      condition: null,
      group: false,
      range: d.range,
    },
    scope,
    diags,
  );
  if (iteration.kind === "failed") return failed("string");
  if (iteration.kind === "unknown") return mark(new Unknown(iteration.refs, "string"), iteration.sensitive);
  const out = new StringBuilder();
  let sensitive = iteration.sensitive;
  for (const item of iteration.values) {
    const { value, sensitive: marked } = unmarkTop(item);
    if (marked) sensitive = true;
    if (value instanceof Unknown) out.unknownPiece(value);
    else if (typeof value === "string") out.text(value);
  }
  if (errorsSince(diags, start)) return failed("string");
  return out.result(sensitive);
}

// ---------------------------------------------------------------------------------------------------------------
// Variables and traversals

function evalScopeTraversal(e: ScopeTraversal, scope: EvalContext, diags: Diagnostic[]): Value {
  for (let s: EvalContext | undefined = scope; s; s = s.parent) {
    if (Object.hasOwn(s.variables, e.root)) {
      return traverse(s.variables[e.root] as Value, e.traversal, diags);
    }
  }
  const names = new Set<string>();
  for (let s: EvalContext | undefined = scope; s; s = s.parent) for (const k of Object.keys(s.variables)) names.add(k);
  const suggestion = nameSuggestion(e.root, names);
  diags.push(
    error(
      "Unknown variable",
      `There is no variable named ${JSON.stringify(e.root)}.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ""}`,
      e.rootRange,
    ),
  );
  return failed();
}

function traverse(start: Value, steps: readonly Traverser[], diags: Diagnostic[]): Value {
  let current = start;
  for (const step of steps) {
    const next =
      step.kind === "attr"
        ? getAttr(current, step.name, step.range, diags)
        : index(current, step.key, step.range, diags);
    if (next === undefined) return failed();
    current = next;
  }
  return current;
}

function extendRefs(u: Unknown, step: string | number): Unknown {
  return new Unknown(
    u.refs.map((r) => ({ ...r, path: [...r.path, step] })),
    "any",
  );
}

function isPrimitiveUnknown(u: Unknown): boolean {
  return u.type === "string" || u.type === "number" || u.type === "bool";
}

/** `value.name`; undefined after reporting an error. */
function getAttr(value: Value, name: string, range: Range, diags: Diagnostic[]): Value | undefined {
  const { value: v, sensitive } = unmarkTop(value);
  const result = getAttrUnmarked(v, name, range, diags);
  return result === undefined ? undefined : mark(result, sensitive);
}

function getAttrUnmarked(v: Value, name: string, range: Range, diags: Diagnostic[]): Value | undefined {
  const unsupported = (detail: string) => {
    diags.push(error("Unsupported attribute", detail, range));
    return undefined;
  };
  if (v === null) {
    diags.push(
      error(
        "Attempt to get attribute from null value",
        "This value is null, so it does not have any attributes.",
        range,
      ),
    );
    return undefined;
  }
  if (v instanceof Unknown) {
    if (isPrimitiveUnknown(v)) return unsupported(`Can't access attributes on a primitive-typed value (${v.type}).`);
    if (v.type === "list" || v.type === "set") return unsupported("This value does not have any attributes.");
    return extendRefs(v, name);
  }
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every((el) => isObjectValue(unmarkTop(el).value))) {
      const has = v.some((el) => name in (unmarkTop(el).value as ObjectValue));
      return unsupported(
        has
          ? `Can't access attributes on a list of objects. Did you mean to access attribute ${JSON.stringify(name)} for a specific element of the list, or across all elements of the list?`
          : "Can't access attributes on a list of objects. Did you mean to access an attribute for a specific element of the list, or across all elements of the list?",
      );
    }
    return unsupported("This value does not have any attributes.");
  }
  if (v instanceof SetValue) {
    if (v.items.length > 0 && v.items.every((el) => isObjectValue(unmarkTop(el).value))) {
      return unsupported(
        "Can't access attributes on a set of objects. Did you mean to access an attribute across all elements of the set?",
      );
    }
    return unsupported("This value does not have any attributes.");
  }
  if (isObjectValue(v)) {
    if (name in v) return v[name] as Value;
    const open = openReference(v);
    if (open) return Unknown.of(open.address, [...open.path, name], "any", range);
    return unsupported(`This object does not have an attribute named ${JSON.stringify(name)}.`);
  }
  return unsupported(`Can't access attributes on a primitive-typed value (${friendlyName(typeOf(v))}).`);
}

const INVALID_INDEX = "Invalid index";
const NO_ELEMENT = "The given key does not identify an element in this collection value";

/** `collection[key]`; undefined after reporting an error. */
function index(collection: Value, key: Value, range: Range, diags: Diagnostic[]): Value | undefined {
  const c = unmarkTop(collection);
  const k = unmarkTop(key);
  const result = indexUnmarked(c.value, k.value, range, diags);
  return result === undefined ? undefined : mark(result, c.sensitive || k.sensitive);
}

function indexUnmarked(coll: Value, key: Value, range: Range, diags: Diagnostic[]): Value | undefined {
  const invalid = (detail: string) => {
    diags.push(error(INVALID_INDEX, detail, range));
    return undefined;
  };
  if (coll === null) {
    diags.push(error("Attempt to index null value", "This value is null, so it does not have any indices.", range));
    return undefined;
  }
  if (key === null) return invalid("Can't use a null value as an indexing key.");
  const setDetail =
    "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.";
  if (coll instanceof Unknown) {
    if (isPrimitiveUnknown(coll)) return invalid("This value does not have any indices.");
    if (coll.type === "set") return invalid(setDetail);
    if (key instanceof Unknown) return unknownFrom("any", coll, key);
    const wanted = coll.type === "list" ? numberType : coll.type === "map" ? stringType : undefined;
    if (wanted) {
      const converted = convertValueOnly(key, wanted);
      if (converted.error) return invalid(`${NO_ELEMENT}: ${converted.error.message}.`);
      return extendRefs(coll, converted.value as string | number);
    }
    return typeof key === "number" || typeof key === "string" ? extendRefs(coll, key) : unknownFrom("any", coll);
  }
  if (Array.isArray(coll)) {
    if (key instanceof Unknown) return unknownFrom("any", coll, key);
    const converted = convertValueOnly(key, numberType);
    if (converted.error) return invalid(`${NO_ELEMENT}: ${converted.error.message}.`);
    const i = converted.value as number;
    if (!Number.isInteger(i)) {
      return invalid(
        `${NO_ELEMENT}: indexing a sequence requires a whole number, but the given index has a fractional part.`,
      );
    }
    if (i < 0) return invalid(`${NO_ELEMENT}: a negative number is not a valid index for a sequence.`);
    if (i >= coll.length) {
      return invalid(
        coll.length === 0
          ? `${NO_ELEMENT}: the collection has no elements.`
          : `${NO_ELEMENT}: the given index is greater than or equal to the length of the collection.`,
      );
    }
    return coll[i] as Value;
  }
  if (isObjectValue(coll)) {
    const wasNumber = typeof key === "number";
    const converted = convertValueOnly(key, stringType);
    if (converted.error) return invalid(`${NO_ELEMENT}: ${converted.error.message}.`);
    if (converted.value instanceof Unknown) return unknownFrom("any", coll, key);
    const name = converted.value as string;
    if (name in coll) return coll[name] as Value;
    const open = openReference(coll);
    if (open) return Unknown.of(open.address, [...open.path, name], "any", range);
    return invalid(
      `${NO_ELEMENT}.${wasNumber ? " An object only supports looking up attributes by name, not by numeric index." : ""}`,
    );
  }
  if (coll instanceof SetValue) return invalid(setDetail);
  return invalid("This value does not have any indices.");
}

function evalIndex(e: Index, scope: EvalContext, diags: Diagnostic[]): Value {
  const coll = ev(e.collection, scope, diags);
  const key = ev(e.key, scope, diags);
  return index(coll, key, e.bracketRange, diags) ?? failed();
}

function anonValue(symbol: AnonSymbol, scope: EvalContext): Value {
  let innermost: SplatScope | undefined;
  for (let s: EvalContext | undefined = scope; s; s = s.parent) {
    if ("splatSymbol" in s) {
      const splat = s as SplatScope;
      if (splat.splatSymbol === symbol) return splat.splatItem;
      innermost ??= splat;
    }
  }
  return innermost ? innermost.splatItem : failed();
}

function evalSplat(e: Splat, scope: EvalContext, diags: Diagnostic[]): Value {
  const start = diags.length;
  const source = ev(e.source, scope, diags);
  const withItem = (item: Value): SplatScope => ({
    variables: NO_VARIABLES,
    parent: scope,
    splatSymbol: e.item,
    splatItem: item,
  });
  if (errorsSince(diags, start)) {
    ev(e.each, withItem(failed()), diags);
    return failed();
  }
  const { value: src, sensitive } = unmarkTop(source);
  if (src === null) return mark([], sensitive);
  if (src instanceof Unknown && (src.type === "any" || src.type === "list" || src.type === "set")) {
    // The elements are unknown: the result depends on whatever `each` reads from them.
    const each = ev(e.each, withItem(new Unknown(src.refs, "any")), diags);
    return mark(new Unknown(collectRefs(each), "list"), sensitive);
  }
  const upgradedUnknown = src instanceof Unknown;
  const items = Array.isArray(src) ? src : src instanceof SetValue ? src.items : [src];
  const values: Value[] = [];
  let known = true;
  for (const item of items) {
    const before = diags.length;
    values.push(ev(e.each, withItem(item), diags));
    if (errorsSince(diags, before)) known = false;
  }
  if (upgradedUnknown) return mark(new Unknown(collectRefs(...values), "list"), sensitive);
  if (!known) return failed("list");
  return mark(values, sensitive);
}

// ---------------------------------------------------------------------------------------------------------------
// Function calls

/** The function a call names, looked up through the scopes; undefined when there is none. */
function findFunction(name: string, scope: EvalContext): HclFunction | undefined {
  for (let s: EvalContext | undefined = scope; s; s = s.parent) {
    const fn = s.functions?.get(name);
    if (fn) return fn;
  }
  return undefined;
}

/** For the diagnostic of a call to a missing function: whether any table was in scope, and every name in scope. */
function lookupFunction(name: string, scope: EvalContext): { fn?: HclFunction; table: boolean; names: string[] } {
  let table = false;
  const names: string[] = [];
  for (let s: EvalContext | undefined = scope; s; s = s.parent) {
    if (!s.functions) continue;
    table = true;
    const fn = s.functions.get(name);
    if (fn) return { fn, table, names };
    names.push(...s.functions.keys());
  }
  return { table, names };
}

function evalCall(e: FunctionCall, scope: EvalContext, diags: Diagnostic[]): Value {
  const fn = findFunction(e.name, scope);
  if (!fn) {
    const { table, names } = lookupFunction(e.name, scope);
    if (!table) {
      diags.push(error("Function calls not allowed", "Functions may not be called here.", e.range));
    } else {
      const suggestion = nameSuggestion(e.name, names);
      diags.push(
        error(
          "Call to unknown function",
          `There is no function named ${JSON.stringify(e.name)}.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ""}`,
          e.nameRange,
          e.range,
        ),
      );
    }
    return failed();
  }
  const returns: UnknownType = fn.kind === "lazy" ? "any" : (fn.returns ?? "any");

  // Arguments as (expression or already-expanded value, range).
  type Arg = { expr?: Expression; value?: Value; range: Range };
  let args: Arg[] = e.args.map((a) => ({ expr: a, range: a.range }));
  if (e.expandFinal && e.args.length > 0) {
    const last = e.args[e.args.length - 1] as Expression;
    const start = diags.length;
    const expanded = ev(last, scope, diags);
    if (errorsSince(diags, start)) return failed(returns);
    const { value: coll, sensitive } = unmarkTop(expanded);
    const invalidExpansion = (detail: string) => {
      diags.push(error("Invalid expanding argument value", detail, last.range, e.range));
      return failed(returns);
    };
    if (coll === null) return invalidExpansion("The expanding argument (indicated by ...) must not be null.");
    if (coll instanceof Unknown) {
      if (isPrimitiveUnknown(coll) || coll.type === "map") {
        return invalidExpansion("The expanding argument (indicated by ...) must be of a tuple, list, or set type.");
      }
      return mark(new Unknown(coll.refs, returns), sensitive);
    }
    const items = Array.isArray(coll) ? coll : coll instanceof SetValue ? coll.items : undefined;
    if (!items)
      return invalidExpansion("The expanding argument (indicated by ...) must be of a tuple, list, or set type.");
    args = [...args.slice(0, -1), ...items.map((item) => ({ value: mark(item, sensitive), range: last.range }))];
  }

  const site = { range: e.range, argRanges: args.map((a) => a.range) };
  const callFailed = (err: unknown): Value => {
    if (err instanceof FunctionError && err.argIndex !== undefined && err.argIndex < args.length) {
      const param = fn.kind === "lazy" ? undefined : (fn.params[err.argIndex] ?? fn.variadic);
      diags.push(
        error(
          "Invalid function argument",
          param
            ? `Invalid value for ${JSON.stringify(param.name)} parameter: ${err.message}.`
            : `Invalid value for argument ${err.argIndex + 1}: ${err.message}.`,
          (args[err.argIndex] as Arg).range,
          e.range,
        ),
      );
    } else {
      const message = err instanceof Error ? err.message : String(err);
      diags.push(
        error(
          "Error in function call",
          `Call to function ${JSON.stringify(e.name)} failed: ${message}.`,
          rangeBetween(e.nameRange, e.openParenRange),
          e.range,
        ),
      );
    }
    return failed(returns);
  };

  if (fn.kind === "lazy") {
    if (args.length < fn.minArgs) {
      diags.push(
        error(
          "Not enough function arguments",
          `Function ${JSON.stringify(e.name)} expects${fn.maxArgs > fn.minArgs ? " at least" : ""} ${fn.minArgs} argument(s).`,
          e.closeParenRange,
          e.range,
        ),
      );
      return failed();
    }
    if (args.length > fn.maxArgs) {
      diags.push(
        error(
          "Too many function arguments",
          `Function ${JSON.stringify(e.name)} expects only ${fn.maxArgs} argument(s).`,
          (args[fn.maxArgs] as Arg).range,
          e.range,
        ),
      );
      return failed();
    }
    const thunks = args.map((a) => {
      let memo: EvaluatedArg | undefined;
      return (): EvaluatedArg => {
        if (!memo) {
          if (a.expr) {
            const d: Diagnostic[] = [];
            memo = { value: ev(a.expr, scope, d), diagnostics: d };
          } else memo = { value: a.value as Value, diagnostics: [] };
        }
        return memo;
      };
    });
    try {
      return fn.impl(thunks, site);
    } catch (err) {
      return callFailed(err);
    }
  }

  if (args.length < fn.params.length) {
    const missing = fn.params[args.length] as FunctionParam;
    diags.push(
      error(
        "Not enough function arguments",
        `Function ${JSON.stringify(e.name)} expects${fn.variadic ? " at least" : ""} ${fn.params.length} argument(s). Missing value for ${JSON.stringify(missing.name)}.`,
        e.closeParenRange,
        e.range,
      ),
    );
    return failed(returns);
  }
  if (!fn.variadic && args.length > fn.params.length) {
    diags.push(
      error(
        "Too many function arguments",
        `Function ${JSON.stringify(e.name)} expects only ${fn.params.length} argument(s).`,
        (args[fn.params.length] as Arg).range,
        e.range,
      ),
    );
    return failed(returns);
  }

  const start = diags.length;
  const values = args.map((a) => (a.expr ? ev(a.expr, scope, diags) : (a.value as Value)));
  if (errorsSince(diags, start)) return failed(returns);
  const params = values.map((_, i) => (fn.params[i] ?? fn.variadic) as FunctionParam);
  values.forEach((v, i) => {
    const param = params[i] as FunctionParam;
    if (unmarkTop(v).value === null && !param.allowNull) {
      diags.push(
        error(
          "Invalid function argument",
          `Invalid value for ${JSON.stringify(param.name)} parameter: argument must not be null.`,
          (args[i] as Arg).range,
          e.range,
        ),
      );
    }
  });
  if (errorsSince(diags, start)) return failed(returns);

  // A short-circuited unknown keeps every argument's marks; a real call leaves `allowMarked` arguments' marks to
  // the function (sensitive(), nonsensitive(), issensitive()).
  if (values.some((v, i) => !(params[i] as FunctionParam).allowUnknown && containsUnknown(v))) {
    return mark(unknownFrom(returns, ...values), values.some(containsSensitive));
  }
  // One walk per argument for marks: unmarking (a copy) only where there is one.
  let sensitive = false;
  const given = values.map((v, i) => {
    if ((params[i] as FunctionParam).allowMarked || !containsSensitive(v)) return v;
    sensitive = true;
    return unmark(v).value;
  });
  try {
    const result = fn.impl(given, site);
    return mark(result, sensitive);
  } catch (err) {
    // Function errors may quote their input: never let a sensitive value reach a diagnostic.
    if (values.some(containsSensitive) && err instanceof FunctionError) {
      return callFailed(new FunctionError("the argument is sensitive, so its details are not shown", err.argIndex));
    }
    return callFailed(err);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Conditionals

type ConditionResult =
  | { kind: "known"; value: boolean; sensitive: boolean }
  | { kind: "unknown"; value: Unknown; sensitive: boolean }
  | { kind: "failed" };

/** Evaluates the predicate of a conditional (or template `if`): it must be a bool, or convert to one. */
function evalCondition(
  condition: Expression,
  context: Range,
  scope: EvalContext,
  diags: Diagnostic[],
): ConditionResult {
  const start = diags.length;
  const raw = ev(condition, scope, diags);
  const { value, sensitive } = unmarkTop(raw);
  if (value === null) {
    diags.push(
      error(
        "Null condition",
        "The condition value is null. Conditions must either be true or false.",
        condition.range,
        context,
      ),
    );
    return { kind: "failed" };
  }
  if (value instanceof Unknown) {
    if (errorsSince(diags, start)) return { kind: "failed" };
    return { kind: "unknown", value, sensitive };
  }
  const converted = convertValueOnly(value, boolType);
  if (converted.error) {
    diags.push(
      error("Incorrect condition type", "The condition expression must be of type bool.", condition.range, context),
    );
    return { kind: "failed" };
  }
  return { kind: "known", value: converted.value as boolean, sensitive };
}

function evalConditional(e: Conditional, scope: EvalContext, diags: Diagnostic[]): Value {
  const trueDiags: Diagnostic[] = [];
  const falseDiags: Diagnostic[] = [];
  const trueValue = ev(e.trueResult, scope, trueDiags);
  const falseValue = ev(e.falseResult, scope, falseDiags);
  const trueType = typeOf(trueValue);
  const falseType = typeOf(falseValue);
  let resultType: Type = anyType;
  let convertTrue = false;
  let convertFalse = false;
  if (trueValue === null) resultType = falseType;
  else if (falseValue === null) resultType = trueType;
  else if (trueType.kind !== "any" && falseType.kind !== "any") {
    const unified = unify([trueType, falseType]);
    if (!unified) {
      diags.push(
        error(
          "Inconsistent conditional result types",
          `The true and false result expressions must have consistent types. ${describeTypeMismatch(trueType, falseType)}.`,
          rangeBetween(e.trueResult.range, e.falseResult.range),
          e.range,
        ),
      );
      return failed();
    }
    resultType = unified;
    convertTrue = !typeEquals(trueType, unified);
    convertFalse = !typeEquals(falseType, unified);
  }
  const cond = evalCondition(e.condition, e.range, scope, diags);
  if (cond.kind === "failed") return failed(unknownTypeOf(resultType));
  if (cond.kind === "unknown") {
    const marked = cond.sensitive || trueValue instanceof Sensitive || falseValue instanceof Sensitive;
    return mark(unknownFrom(unknownTypeOf(resultType), cond.value, trueValue, falseValue), marked);
  }
  const selected = cond.value ? trueValue : falseValue;
  diags.push(...(cond.value ? trueDiags : falseDiags));
  const needsConversion = cond.value ? convertTrue : convertFalse;
  const unwrapped = unmarkTop(selected).value;
  if (!needsConversion || (isObjectValue(unwrapped) && openReference(unwrapped))) return mark(selected, cond.sensitive);
  const converted = convertValueOnly(selected, resultType);
  if (converted.error) {
    diags.push(
      error(
        "Inconsistent conditional result types",
        `The ${cond.value ? "true" : "false"} result value has the wrong type: ${converted.error.message}.`,
        (cond.value ? e.trueResult : e.falseResult).range,
        e.range,
      ),
    );
    return failed(unknownTypeOf(resultType));
  }
  return mark(converted.value, cond.sensitive);
}

/** HCL's explanation of why the two results of a conditional have no common type. */
function describeTypeMismatch(t: Type, f: Type): string {
  if (t.kind === "object" && f.kind === "object") {
    for (const name of Object.keys(t.attributes).sort()) {
      const fa = f.attributes[name];
      if (!fa)
        return `The 'true' value includes object attribute ${JSON.stringify(name)}, which is absent in the 'false' value`;
      const ta = t.attributes[name] as Type;
      if (!typeEquals(ta, fa)) {
        return `Type mismatch for object attribute ${JSON.stringify(name)}: ${describeTypeMismatch(ta, fa)}`;
      }
    }
    for (const name of Object.keys(f.attributes).sort()) {
      if (!t.attributes[name]) {
        return `The 'false' value includes object attribute ${JSON.stringify(name)}, which is absent in the 'true' value`;
      }
    }
  } else if (t.kind === "tuple" && f.kind === "tuple") {
    if (t.elements.length !== f.elements.length) {
      return `The 'true' tuple has length ${t.elements.length}, but the 'false' tuple has length ${f.elements.length}`;
    }
    for (let i = 0; i < t.elements.length; i++) {
      const te = t.elements[i] as Type;
      const fe = f.elements[i] as Type;
      if (!typeEquals(te, fe)) return `Type mismatch for tuple element ${i}: ${describeTypeMismatch(te, fe)}`;
    }
  } else if (
    t.kind === f.kind &&
    (t.kind === "list" || t.kind === "set" || t.kind === "map") &&
    (f.kind === "list" || f.kind === "set" || f.kind === "map")
  ) {
    const te = t.element;
    const fe = f.element;
    if ((te.kind === "object" && fe.kind === "object") || (te.kind === "tuple" && fe.kind === "tuple")) {
      return `Mismatched ${t.kind} element types: ${describeTypeMismatch(te, fe)}`;
    }
  }
  const tn = friendlyName(t);
  const fn = friendlyName(f);
  if (tn === fn) {
    return "At least one deeply-nested attribute or element is not compatible across both the 'true' and the 'false' value";
  }
  return `The 'true' value is ${tn}, but the 'false' value is ${fn}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Operators

function operandType(op: BinaryOp["op"]): Type {
  switch (op) {
    case "==":
    case "!=":
      return anyType;
    case "&&":
    case "||":
      return boolType;
    default:
      return numberType;
  }
}

function resultTypeOf(op: BinaryOp["op"]): UnknownType {
  return op === "+" || op === "-" || op === "*" || op === "/" || op === "%" ? "number" : "bool";
}

function operationFailed(e: BinaryOp | UnaryOp, detail: string, diags: Diagnostic[]): void {
  diags.push(error("Operation failed", `Error during operation: ${detail}.`, e.range));
}

function evalBinary(e: BinaryOp, scope: EvalContext, diags: Diagnostic[]): Value {
  const wanted = operandType(e.op);
  const resultType = resultTypeOf(e.op);
  const leftDiags: Diagnostic[] = [];
  const rightDiags: Diagnostic[] = [];
  const conversionDiags: Diagnostic[] = [];
  const operand = (expr: Expression, side: string, sideDiags: Diagnostic[]): Value => {
    const given = ev(expr, scope, sideDiags);
    if (wanted.kind === "any") return given;
    const converted = convertValueOnly(given, wanted);
    if (converted.error) {
      conversionDiags.push(
        error(
          "Invalid operand",
          `Unsuitable value for ${side} operand: ${converted.error.message}.`,
          expr.range,
          e.range,
        ),
      );
      return failed();
    }
    return converted.value;
  };
  const leftConverted = operand(e.left, "left", leftDiags);
  const rightConverted = operand(e.right, "right", rightDiags);
  if (conversionDiags.length > 0) {
    diags.push(...conversionDiags, ...leftDiags, ...rightDiags);
    return failed(resultType);
  }
  const l = unmarkTop(leftConverted);
  const r = unmarkTop(rightConverted);
  const sensitive = l.sensitive || r.sensitive;
  const left = l.value;
  const right = r.value;

  if (e.op === "&&" || e.op === "||") {
    const short = shortCircuit(e.op, left, right, leftDiags, rightDiags);
    if (short) {
      diags.push(...short.diags);
      return mark(short.value, sensitive);
    }
  }
  diags.push(...leftDiags, ...rightDiags);
  if (errorsSince(leftDiags, 0) || errorsSince(rightDiags, 0)) return mark(failed(resultType), sensitive);

  if (e.op === "==" || e.op === "!=") {
    const equal = equalsOperation(left, right);
    const value = typeof equal === "boolean" ? equal === (e.op === "==") : equal;
    return mark(value, sensitive);
  }
  if (left === null || right === null) {
    operationFailed(e, "argument must not be null", diags);
    return failed(resultType);
  }
  if (left instanceof Unknown || right instanceof Unknown) return mark(unknownFrom(resultType, left, right), sensitive);
  switch (e.op) {
    case "&&":
      return mark(left === true && right === true, sensitive);
    case "||":
      return mark(left === true || right === true, sensitive);
    case "<":
    case ">":
    case "<=":
    case ">=":
      return mark(compareNumbers(e.op as ComparisonOperator, left as number, right as number), sensitive);
    default: {
      const result = arithmetic(e.op as ArithmeticOperator, left as number, right as number);
      if (typeof result !== "number") {
        operationFailed(e, result.error, diags);
        return failed("number");
      }
      return mark(result, sensitive);
    }
  }
}

/** HCL's short-circuit rules for `&&` and `||`: a controlling known operand decides, dropping the other side's diagnostics. */
function shortCircuit(
  op: "&&" | "||",
  left: Value,
  right: Value,
  leftDiags: Diagnostic[],
  rightDiags: Diagnostic[],
): { value: Value; diags: Diagnostic[] } | undefined {
  const lu = left instanceof Unknown;
  const ru = right instanceof Unknown;
  // cty treats null as neither true nor "not false": `null.False()` is true.
  const controlling = op === "&&" ? (v: Value) => v !== true : (v: Value) => v === true;
  const passing = op === "&&" ? (v: Value) => v === true : (v: Value) => v !== true;
  if (lu && ru) {
    return errorsSince(leftDiags, 0) ? undefined : { value: unknownFrom("bool", left, right), diags: leftDiags };
  }
  if (!lu && controlling(left)) return { value: op === "||", diags: leftDiags };
  if (!ru && controlling(right)) return { value: op === "||", diags: rightDiags };
  if (lu && passing(right)) return { value: unknownFrom("bool", left), diags: leftDiags };
  if (ru && passing(left)) return { value: unknownFrom("bool", right), diags: rightDiags };
  return undefined;
}

function evalUnary(e: UnaryOp, scope: EvalContext, diags: Diagnostic[]): Value {
  const resultType: UnknownType = e.op === "!" ? "bool" : "number";
  const start = diags.length;
  const given = ev(e.operand, scope, diags);
  const converted = convertValueOnly(given, e.op === "!" ? boolType : numberType);
  if (converted.error) {
    diags.push(
      error(
        "Invalid operand",
        `Unsuitable value for unary operand: ${converted.error.message}.`,
        e.operand.range,
        e.range,
      ),
    );
  }
  if (converted.error || errorsSince(diags, start)) return failed(resultType);
  const { value, sensitive } = unmarkTop(converted.value);
  if (value === null) {
    operationFailed(e, "argument must not be null", diags);
    return failed(resultType);
  }
  if (value instanceof Unknown) return mark(unknownFrom(resultType, value), sensitive);
  return mark(e.op === "!" ? !value : negate(value as number), sensitive);
}

// ---------------------------------------------------------------------------------------------------------------
// Collections

function evalObjectKey(key: Expression, scope: EvalContext, diags: Diagnostic[]): Value {
  if (key.kind !== "ObjectConsKey") return ev(key, scope, diags);
  const w = key.wrapped;
  if (!key.forceNonLiteral) {
    if (w.kind === "ScopeTraversal" && w.traversal.length > 0) {
      diags.push(
        error(
          "Ambiguous attribute key",
          "If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal.",
          key.range,
        ),
      );
      return failed();
    }
    if (w.kind === "ScopeTraversal") return w.root;
    if (w.kind === "LiteralValue" && (w.value === null || typeof w.value === "boolean")) return String(w.value);
  }
  return ev(w, scope, diags);
}

function evalObject(e: ObjectCons, scope: EvalContext, diags: Diagnostic[]): Value {
  const out = object();
  const keyRanges = new Map<string, Range>();
  let known = true;
  let sensitive = false;
  const unknownKeys: Value[] = [];
  for (const item of e.items) {
    const keyStart = diags.length;
    const rawKey = evalObjectKey(item.key, scope, diags);
    const keyFailed = errorsSince(diags, keyStart);
    const value = ev(item.value, scope, diags);
    if (keyFailed) {
      known = false;
      continue;
    }
    if (typeof rawKey === "string") {
      // The common case: a string key needs no unmarking or conversion.
      setObjectAttribute(out, keyRanges, rawKey, value, item.key.range, diags);
      continue;
    }
    const { value: key, sensitive: keyMarked } = unmarkTop(rawKey);
    if (key === null) {
      diags.push(error("Null value as key", "Can't use a null value as a key.", item.value.range));
      known = false;
      continue;
    }
    if (keyMarked) sensitive = true;
    const converted = convertValueOnly(key, stringType);
    if (converted.error) {
      diags.push(
        error("Incorrect key type", `Can't use this value as a key: ${converted.error.message}.`, item.key.range),
      );
      known = false;
      continue;
    }
    if (converted.value instanceof Unknown) {
      unknownKeys.push(converted.value);
      known = false;
      continue;
    }
    setObjectAttribute(out, keyRanges, converted.value as string, value, item.key.range, diags);
  }
  if (!known) return unknownKeys.length > 0 ? unknownFrom("map", ...unknownKeys) : failed("map");
  return mark(out, sensitive);
}

function setObjectAttribute(
  out: Record<string, Value>,
  keyRanges: Map<string, Range>,
  name: string,
  value: Value,
  keyRange: Range,
  diags: Diagnostic[],
): void {
  const previous = keyRanges.get(name);
  if (previous) {
    diags.push(
      warning(
        "Duplicate object attribute",
        `An attribute named ${JSON.stringify(name)} was already defined at ${formatRange(previous)}; this later definition replaces it.`,
        keyRange,
      ),
    );
  }
  keyRanges.set(name, keyRange);
  out[name] = value;
}

interface ForShape {
  readonly keyVar: string | null;
  readonly valueVar: string;
  readonly collection: Expression;
  readonly keyExpr: Expression | null;
  readonly valueExpr: Expression;
  readonly condition: Expression | null;
  readonly group: boolean;
  readonly range: Range;
}

type Iteration =
  | { kind: "failed" }
  | { kind: "unknown"; refs: Reference[]; sensitive: boolean }
  | { kind: "known"; values: Value[]; keys: string[]; sensitive: boolean };

/** Code point order, as Go sorts strings (JavaScript's default sort compares UTF-16 code units). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Runs a for-expression (or template `for`) over its collection, producing its values and (for object `for`) keys. */
function iterate(f: ForShape, scope: EvalContext, diags: Diagnostic[]): Iteration {
  const start = diags.length;
  const raw = ev(f.collection, scope, diags);
  const { value: coll, sensitive: collMarked } = unmarkTop(raw);
  if (coll === null) {
    diags.push(
      error(
        "Iteration over null value",
        "A null value cannot be used as the collection in a 'for' expression.",
        f.collection.range,
        f.range,
      ),
    );
    return { kind: "failed" };
  }
  if (coll instanceof Unknown && !isPrimitiveUnknown(coll)) {
    return errorsSince(diags, start)
      ? { kind: "failed" }
      : { kind: "unknown", refs: [...coll.refs], sensitive: collMarked };
  }
  if (!(Array.isArray(coll) || coll instanceof SetValue || isObjectValue(coll))) {
    diags.push(
      error(
        "Iteration over non-iterable value",
        `A value of type ${friendlyName(typeOf(coll))} cannot be used as the collection in a 'for' expression.`,
        f.collection.range,
        f.range,
      ),
    );
    return { kind: "failed" };
  }
  const childScope = (k: Value, v: Value): EvalContext => {
    const vars = object();
    if (f.keyVar) vars[f.keyVar] = k;
    vars[f.valueVar] = v;
    return { variables: vars, parent: scope };
  };

  if (f.condition) {
    // As HCL does: check the condition once with unknown element values, to report a wrong type only once.
    const condStart = diags.length;
    const probe = ev(f.condition, childScope(failed(), failed()), diags);
    const { value: p } = unmarkTop(probe);
    if (p === null) {
      diags.push(
        error("Condition is null", "The value of the 'if' clause must not be null.", f.condition.range, f.range),
      );
      return { kind: "failed" };
    }
    const converted = convertValueOnly(p, boolType);
    if (converted.error) {
      diags.push(
        error(
          "Invalid 'for' condition",
          `The 'if' clause value is invalid: ${converted.error.message}.`,
          f.condition.range,
          f.range,
        ),
      );
      return { kind: "failed" };
    }
    if (errorsSince(diags, condStart)) return { kind: "failed" };
  }

  let entries: [Value, Value][];
  if (Array.isArray(coll)) entries = coll.map((v, i) => [i, v]);
  else if (coll instanceof SetValue) entries = coll.items.map((v) => [v, v]);
  else {
    const obj = coll as ObjectValue;
    entries = Object.keys(obj)
      .sort(compareStrings)
      .map((k) => [k, obj[k] as Value]);
  }

  let known = true;
  let sensitive = collMarked;
  const unknowns: Value[] = [];
  const values: Value[] = [];
  const keys: string[] = [];
  const seenKeys = new Set<string>();
  const groups = new Map<string, Value[]>();
  for (const [k, v] of entries) {
    const child = childScope(k, v);
    if (f.condition) {
      const { value: include, sensitive: condMarked } = unmarkTop(ev(f.condition, child, diags));
      if (include === null) {
        if (known) {
          diags.push(
            error(
              "Invalid 'for' condition",
              "The value of the 'if' clause must not be null.",
              f.condition.range,
              f.range,
            ),
          );
        }
        known = false;
        continue;
      }
      if (include instanceof Unknown) {
        unknowns.push(include);
        known = false;
        continue;
      }
      const converted = convertValueOnly(include, boolType);
      if (converted.error) {
        if (known) {
          diags.push(
            error(
              "Invalid 'for' condition",
              `The 'if' clause value is invalid: ${converted.error.message}.`,
              f.condition.range,
              f.range,
            ),
          );
        }
        known = false;
        continue;
      }
      if (condMarked) sensitive = true;
      if (converted.value === false) continue;
    }
    if (f.keyExpr) {
      const { value: key, sensitive: keyMarked } = unmarkTop(ev(f.keyExpr, child, diags));
      if (key === null) {
        if (known) {
          diags.push(
            error(
              "Invalid object key",
              "Key expression in 'for' expression must not produce a null value.",
              f.keyExpr.range,
              f.range,
            ),
          );
        }
        known = false;
        continue;
      }
      if (key instanceof Unknown) {
        unknowns.push(key);
        known = false;
        continue;
      }
      const converted = convertValueOnly(key, stringType);
      if (converted.error) {
        if (known) {
          diags.push(
            error(
              "Invalid object key",
              `The key expression produced an invalid result: ${converted.error.message}.`,
              f.keyExpr.range,
              f.range,
            ),
          );
        }
        known = false;
        continue;
      }
      if (keyMarked) sensitive = true;
      const name = converted.value as string;
      const value = ev(f.valueExpr, child, diags);
      if (f.group) {
        const group = groups.get(name);
        if (group) group.push(value);
        else {
          groups.set(name, [value]);
          keys.push(name);
        }
      } else if (seenKeys.has(name)) {
        diags.push(
          error(
            "Duplicate object key",
            `Two different items produced the key ${JSON.stringify(name)} in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`,
            f.keyExpr.range,
            f.range,
          ),
        );
      } else {
        seenKeys.add(name);
        keys.push(name);
        values.push(value);
      }
    } else {
      values.push(ev(f.valueExpr, child, diags));
    }
  }
  if (!known)
    return errorsSince(diags, start)
      ? { kind: "failed" }
      : { kind: "unknown", refs: collectRefs(...unknowns), sensitive };
  if (f.group) return { kind: "known", keys, values: keys.map((k) => groups.get(k) as Value[]), sensitive };
  return { kind: "known", keys, values, sensitive };
}

function evalFor(e: For, scope: EvalContext, diags: Diagnostic[]): Value {
  const start = diags.length;
  const it = iterate(e, scope, diags);
  const type: UnknownType = e.keyExpr ? "map" : "list";
  if (it.kind === "failed") return failed(type);
  if (it.kind === "unknown") return mark(new Unknown(it.refs, type), it.sensitive);
  if (errorsSince(diags, start)) return failed(type);
  if (!e.keyExpr) return mark(it.values, it.sensitive);
  return mark(object(it.keys.map((k, i) => [k, it.values[i] as Value])), it.sensitive);
}

// ---------------------------------------------------------------------------------------------------------------

/** The closest of `candidates` to `name` when it is a likely typo (edit distance under 3), as HCL suggests. */
function nameSuggestion(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
