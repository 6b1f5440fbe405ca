/**
 * HCL/cty types: type constraint expressions (`list(string)`, `object({ a = optional(number, 1) })`), the type of a
 * runtime value, type unification, and conversion of values to a type with cty's rules.
 *
 * Runtime values do not carry their static type (a JavaScript array may be a list or a tuple), so `typeOf` infers
 * the structural type (tuple, object) and conversion is value-directed; the declared type is returned beside the
 * converted value for callers that need it.
 */
import type { Expression } from "./ast.js";
import { type Diagnostic, error } from "./diagnostic.js";
import { evaluate } from "./eval.js";
import { formatNumber, parseNumber } from "./operations.js";
import {
  isObjectValue,
  makeSet,
  type ObjectValue,
  object,
  Sensitive,
  SetValue,
  Unknown,
  type UnknownType,
  type Value,
} from "./value.js";

export type Type =
  | { readonly kind: "any" }
  | { readonly kind: "string" }
  | { readonly kind: "number" }
  | { readonly kind: "bool" }
  | { readonly kind: "list" | "set" | "map"; readonly element: Type }
  | { readonly kind: "tuple"; readonly elements: readonly Type[] }
  | ObjectType;

export interface ObjectType {
  readonly kind: "object";
  readonly attributes: Readonly<Record<string, Type>>;
  /** Attributes declared with `optional(T)` or `optional(T, default)`; a missing or null one takes its default. */
  readonly optional?: Readonly<Record<string, OptionalAttribute>>;
}

export interface OptionalAttribute {
  /** Already converted to the attribute's type; absent when no default was given. */
  readonly default?: Value;
}

export const anyType: Type = { kind: "any" };
export const stringType: Type = { kind: "string" };
export const numberType: Type = { kind: "number" };
export const boolType: Type = { kind: "bool" };

export function listOf(element: Type): Type {
  return { kind: "list", element };
}
export function setOf(element: Type): Type {
  return { kind: "set", element };
}
export function mapOf(element: Type): Type {
  return { kind: "map", element };
}
export function tupleOf(elements: readonly Type[]): Type {
  return { kind: "tuple", elements };
}
export function objectOf(
  attributes: Readonly<Record<string, Type>>,
  optional?: Readonly<Record<string, OptionalAttribute>>,
): ObjectType {
  const attrs: Record<string, Type> = Object.create(null);
  for (const name of Object.keys(attributes).sort()) attrs[name] = attributes[name] as Type;
  return optional && Object.keys(optional).length > 0
    ? { kind: "object", attributes: attrs, optional }
    : { kind: "object", attributes: attrs };
}

export function typeEquals(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "list":
    case "set":
    case "map":
      return typeEquals(a.element, (b as typeof a).element);
    case "tuple": {
      const be = (b as typeof a).elements;
      return a.elements.length === be.length && a.elements.every((t, i) => typeEquals(t, be[i] as Type));
    }
    case "object": {
      const bo = b as ObjectType;
      const ka = Object.keys(a.attributes);
      if (ka.length !== Object.keys(bo.attributes).length) return false;
      for (const k of ka) {
        const bt = bo.attributes[k];
        if (!bt || !typeEquals(a.attributes[k] as Type, bt)) return false;
        if (Boolean(a.optional?.[k]) !== Boolean(bo.optional?.[k])) return false;
      }
      return true;
    }
    default:
      return true;
  }
}

/** The type in constraint syntax, as Terraform prints it: `map(string)`, `object({a=number,b=string})`, `any`. */
export function typeString(t: Type): string {
  switch (t.kind) {
    case "list":
    case "set":
    case "map":
      return `${t.kind}(${typeString(t.element)})`;
    case "tuple":
      return `tuple([${t.elements.map(typeString).join(",")}])`;
    case "object":
      return `object({${Object.keys(t.attributes)
        .sort()
        .map((k) => {
          const inner = typeString(t.attributes[k] as Type);
          return `${k}=${t.optional?.[k] ? `optional(${inner})` : inner}`;
        })
        .join(",")}})`;
    default:
      return t.kind;
  }
}

/** cty's friendly name for a type in messages: "string", "list of number", "object", "dynamic". */
export function friendlyName(t: Type): string {
  switch (t.kind) {
    case "any":
      return "dynamic";
    case "list":
    case "set":
    case "map":
      return `${t.kind} of ${friendlyName(t.element)}`;
    default:
      return t.kind;
  }
}

/** As `friendlyName`, but for a type used as a constraint (where `any` means "any type"). */
export function constraintName(t: Type): string {
  switch (t.kind) {
    case "any":
      return "any type";
    case "list":
    case "set":
    case "map":
      return `${t.kind} of ${constraintName(t.element)}`;
    default:
      return t.kind;
  }
}

export function unknownTypeOf(t: Type): UnknownType {
  switch (t.kind) {
    case "string":
    case "number":
    case "bool":
    case "list":
    case "set":
    case "map":
    case "any":
      return t.kind;
    case "tuple":
      return "list";
    case "object":
      return "map";
  }
}

export function typeOfUnknownType(u: UnknownType): Type {
  switch (u) {
    case "list":
    case "set":
    case "map":
      return { kind: u, element: anyType };
    default:
      return { kind: u };
  }
}

/** The type of a value: tuples and objects for JavaScript arrays and objects, `any` for null and for unknowns of unknown type. */
export function typeOf(v: Value): Type {
  if (v === null) return anyType;
  if (v instanceof Sensitive) return typeOf(v.value);
  if (v instanceof Unknown) return typeOfUnknownType(v.type);
  if (Array.isArray(v)) return tupleOf(v.map(typeOf));
  if (v instanceof SetValue) return setOf(v.items.length === 0 ? anyType : (unify(v.items.map(typeOf)) ?? anyType));
  if (isObjectValue(v)) {
    const attrs: Record<string, Type> = Object.create(null);
    for (const k of Object.keys(v).sort()) attrs[k] = typeOf(v[k] as Value);
    return { kind: "object", attributes: attrs };
  }
  switch (typeof v) {
    case "boolean":
      return boolType;
    case "number":
      return numberType;
    default:
      return stringType;
  }
}

/** Whether a value of type `actual` satisfies the constraint `wanted`, where `any` matches anything (cty's TestConformance). */
export function conforms(actual: Type, wanted: Type): boolean {
  if (wanted.kind === "any") return true;
  if (actual.kind !== wanted.kind) return false;
  switch (wanted.kind) {
    case "list":
    case "set":
    case "map":
      return conforms((actual as typeof wanted).element, wanted.element);
    case "tuple": {
      const ae = (actual as typeof wanted).elements;
      return ae.length === wanted.elements.length && ae.every((t, i) => conforms(t, wanted.elements[i] as Type));
    }
    case "object": {
      const aa = (actual as ObjectType).attributes;
      const wk = Object.keys(wanted.attributes);
      if (Object.keys(aa).length !== wk.length) return false;
      return wk.every((k) => aa[k] !== undefined && conforms(aa[k], wanted.attributes[k] as Type));
    }
    default:
      return true;
  }
}

/** Whether cty has a (possibly unsafe) conversion from `from` to `to`, judged by types alone. */
export function canConvert(from: Type, to: Type): boolean {
  if (to.kind === "any" || from.kind === "any") return true;
  switch (to.kind) {
    case "string":
      return from.kind === "string" || from.kind === "number" || from.kind === "bool";
    case "number":
    case "bool":
      return from.kind === to.kind || from.kind === "string";
    case "list":
    case "set":
      if (from.kind === "list" || from.kind === "set") return canConvert(from.element, to.element);
      if (from.kind === "tuple") return sequenceConvertible(from.elements, to.element);
      return false;
    case "map":
      if (from.kind === "map") return canConvert(from.element, to.element);
      if (from.kind === "object") return sequenceConvertible(Object.values(from.attributes), to.element);
      return false;
    case "tuple":
      if (from.kind === "tuple") {
        return (
          from.elements.length === to.elements.length &&
          from.elements.every((t, i) => canConvert(t, to.elements[i] as Type))
        );
      }
      if (from.kind === "list" || from.kind === "set") return to.elements.every((t) => canConvert(from.element, t));
      return false;
    case "object":
      if (from.kind === "object") {
        for (const [name, t] of Object.entries(to.attributes)) {
          const ft = from.attributes[name];
          if (ft === undefined) {
            if (!to.optional?.[name]) return false;
          } else if (!canConvert(ft, t)) return false;
        }
        return true;
      }
      if (from.kind === "map") return Object.values(to.attributes).every((t) => canConvert(from.element, t));
      return false;
  }
}

function sequenceConvertible(elements: readonly Type[], target: Type): boolean {
  if (target.kind === "any") return elements.length === 0 || unify(elements) !== undefined;
  return elements.every((t) => canConvert(t, target));
}

/**
 * cty's type unification: the most general type all the given types convert to, or undefined when there is none.
 * Objects with different attributes unify to a map, tuples of different lengths to a list.
 */
export function unify(types: readonly Type[]): Type | undefined {
  if (types.length === 0) return undefined;
  const first = types[0] as Type;
  if (types.every((t) => typeEquals(t, first))) return first;
  const objects = types.filter((t) => t.kind === "object") as ObjectType[];
  const tuples = types.filter((t) => t.kind === "tuple") as { kind: "tuple"; elements: readonly Type[] }[];
  const dynamic = types.filter((t) => t.kind === "any").length;
  if (objects.length > 0 && tuples.length > 0) return undefined;
  if (objects.length > 0 && objects.length + dynamic === types.length) return unifyObjects(objects);
  if (tuples.length > 0 && tuples.length + dynamic === types.length) return unifyTuples(tuples);
  for (const candidate of preferenceOrder(types)) {
    if (types.every((t) => typeEquals(t, candidate) || canConvert(t, candidate))) return candidate;
  }
  return undefined;
}

function unifyObjects(objects: readonly ObjectType[]): Type | undefined {
  const first = Object.keys((objects[0] as ObjectType).attributes);
  const sameNames = objects.every((o) => {
    const names = Object.keys(o.attributes);
    return names.length === first.length && names.every((n) => first.includes(n));
  });
  if (sameNames) {
    const attrs: Record<string, Type> = {};
    for (const name of first) {
      const unified = unify(objects.map((o) => o.attributes[name] as Type));
      if (!unified) return undefined;
      attrs[name] = unified;
    }
    return objectOf(attrs);
  }
  const element = unify(objects.flatMap((o) => Object.values(o.attributes)));
  return element ? mapOf(element) : undefined;
}

function unifyTuples(tuples: readonly { elements: readonly Type[] }[]): Type | undefined {
  const length = (tuples[0] as { elements: readonly Type[] }).elements.length;
  if (tuples.every((t) => t.elements.length === length)) {
    const elements: Type[] = [];
    for (let i = 0; i < length; i++) {
      const unified = unify(tuples.map((t) => t.elements[i] as Type));
      if (!unified) return undefined;
      elements.push(unified);
    }
    return tupleOf(elements);
  }
  const element = unify(tuples.flatMap((t) => t.elements));
  return element ? listOf(element) : undefined;
}

/** Negative when `a` is the better unification target: string over other primitives, list over set and tuple, map over object, anything over `any`. */
function preference(a: Type, b: Type): number {
  if (a.kind === "any" || b.kind === "any") return a.kind === b.kind ? 0 : a.kind === "any" ? 1 : -1;
  const primitive = (t: Type) => t.kind === "string" || t.kind === "number" || t.kind === "bool";
  if (primitive(a) && primitive(b) && (a.kind === "string" || b.kind === "string")) {
    return a.kind === b.kind ? 0 : a.kind === "string" ? -1 : 1;
  }
  if (a.kind === b.kind && (a.kind === "list" || a.kind === "set" || a.kind === "map")) {
    return preference(a.element, (b as typeof a).element);
  }
  const rank = (t: Type, other: Type): number => {
    if (t.kind === "list" && (other.kind === "set" || other.kind === "tuple")) return -1;
    if (t.kind === "map" && other.kind === "object") return -1;
    return 0;
  };
  return rank(a, b) || -rank(b, a);
}

function preferenceOrder(types: readonly Type[]): Type[] {
  const out = [...types];
  // Insertion sort keeps incomparable types in their given order, as cty's topological sort does.
  for (let i = 1; i < out.length; i++) {
    const t = out[i] as Type;
    let j = i - 1;
    while (j >= 0 && preference(t, out[j] as Type) < 0) {
      out[j + 1] = out[j] as Type;
      j--;
    }
    out[j + 1] = t;
  }
  return out;
}

/** Where a conversion failed and why, in cty's words. */
export interface ConversionError {
  /** Attribute names and element indexes from the converted value down to the failing part. */
  readonly path: readonly (string | number)[];
  /** The message as HCL puts it in diagnostics (cty's error text, which names the path only for type mismatches). */
  readonly message: string;
}

export type Conversion =
  | { readonly value: Value; readonly type: Type; readonly error?: undefined }
  | { readonly error: ConversionError };

/** The error with its path spelled out, as Terraform reports variable conversion errors: `attribute "a": string required`. */
export function formatConversionError(e: ConversionError): string {
  if (e.path.length === 0) return e.message;
  const where = e.path.map((step) =>
    typeof step === "number" ? `element ${step}` : `attribute ${JSON.stringify(step)}`,
  );
  return `${where.join(": ")}: ${e.message}`;
}

class ConversionFailure {
  constructor(
    readonly path: readonly (string | number)[],
    readonly message: string,
  ) {}
}

/** Converts a value to a type with cty's (unsafe) conversion rules, applying `optional()` attribute defaults. */
export function convert(value: Value, type: Type): Conversion {
  try {
    return convertValue(value, type, [], true);
  } catch (e) {
    if (e instanceof ConversionFailure) return { error: { path: e.path, message: e.message } };
    throw e;
  }
}

/**
 * As `convert`, for callers that need only the converted value: the result type is not built (for `any` that would
 * mean inferring the type of the whole value).
 */
export function convertValueOnly(
  value: Value,
  type: Type,
): { readonly value: Value; readonly error?: undefined } | { readonly error: ConversionError } {
  try {
    return { value: convertValue(value, type, [], false).value };
  } catch (e) {
    if (e instanceof ConversionFailure) return { error: { path: e.path, message: e.message } };
    throw e;
  }
}

/** `path` is the conversion's current position, pushed and popped as it descends: copied only on failure. */
function fail(path: readonly (string | number)[], message: string): never {
  throw new ConversionFailure(path.slice(), message);
}

/** With `typed` false the returned type is meaningless (the requested type): only the value is wanted. */
function convertValue(
  value: Value,
  type: Type,
  path: (string | number)[],
  typed: boolean,
): { value: Value; type: Type } {
  if (value instanceof Sensitive) {
    const inner = convertValue(value.value, type, path, typed);
    return { value: new Sensitive(inner.value), type: inner.type };
  }
  if (type.kind === "any") return { value, type: typed ? typeOf(value) : type };
  if (value === null) return { value: null, type };
  if (value instanceof Unknown) {
    const from = typeOfUnknownType(value.type);
    if (!canConvert(from, type)) fail(path, mismatchMessage(from, type));
    const parts = type.kind === "string" ? value.parts : undefined;
    const encoded = type.kind === "string" ? value.encoded : undefined;
    return { value: new Unknown(value.refs, unknownTypeOf(type), parts, encoded), type };
  }
  switch (type.kind) {
    case "string":
      if (typeof value === "string") return { value, type };
      if (typeof value === "number") return { value: formatNumber(value), type };
      if (typeof value === "boolean") return { value: value ? "true" : "false", type };
      return fail(path, mismatchMessage(typeOf(value), type));
    case "number":
      if (typeof value === "number") return { value, type };
      if (typeof value === "string") {
        const n = parseNumber(value);
        if (n === undefined) fail(path, "a number is required");
        return { value: n, type };
      }
      return fail(path, mismatchMessage(typeOf(value), type));
    case "bool":
      if (typeof value === "boolean") return { value, type };
      if (typeof value === "string") {
        if (value === "true" || value === "1") return { value: true, type };
        if (value === "false" || value === "0") return { value: false, type };
        const lower = value.toLowerCase();
        if (lower === "true" || lower === "false") {
          fail(path, `a bool is required; to convert from string, use lowercase "${lower}"`);
        }
        fail(path, "a bool is required");
      }
      return fail(path, mismatchMessage(typeOf(value), type));
    case "list":
    case "set": {
      const items = Array.isArray(value) ? value : value instanceof SetValue ? value.items : undefined;
      if (!items) return fail(path, mismatchMessage(typeOf(value), type));
      const converted = convertElements(items, type, path, typed);
      return type.kind === "list"
        ? { value: converted.values, type: typed ? listOf(converted.element) : type }
        : { value: makeSet(converted.values), type: typed ? setOf(converted.element) : type };
    }
    case "map": {
      if (!isObjectValue(value)) return fail(path, mismatchMessage(typeOf(value), type));
      const keys = Object.keys(value);
      const converted = convertElements(
        keys.map((k) => value[k] as Value),
        type,
        path,
        typed,
        keys,
      );
      const out = object();
      for (let i = 0; i < keys.length; i++) out[keys[i] as string] = converted.values[i] as Value;
      return { value: out, type: typed ? mapOf(converted.element) : type };
    }
    case "tuple": {
      const items = Array.isArray(value) ? value : value instanceof SetValue ? value.items : undefined;
      if (!items) return fail(path, mismatchMessage(typeOf(value), type));
      if (items.length !== type.elements.length) {
        fail(path, `a tuple of ${type.elements.length} element${type.elements.length === 1 ? "" : "s"} is required`);
      }
      const values: Value[] = [];
      const types: Type[] = [];
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        const r = convertValue(items[i] as Value, type.elements[i] as Type, path, typed);
        path.pop();
        values.push(r.value);
        if (typed) types.push(r.type);
      }
      return { value: values, type: typed ? tupleOf(types) : type };
    }
    case "object":
      return convertObject(value, type, path, typed);
  }
}

function convertElements(
  items: readonly Value[],
  type: { kind: "list" | "set" | "map"; element: Type },
  path: (string | number)[],
  typed: boolean,
  keys?: readonly string[],
): { values: Value[]; element: Type } {
  let element = type.element;
  if (element.kind === "any" && items.length > 0) {
    const unified = unify(items.map(typeOf));
    if (!unified) fail(path, `all ${type.kind} elements must have the same type`);
    element = unified;
  }
  if (element.kind === "any" && items.length === 0) return { values: [], element };
  const values: Value[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    path.push(keys ? (keys[i] as string) : i);
    values[i] = convertValue(items[i] as Value, element, path, typed).value;
    path.pop();
  }
  return { values, element: element.kind === "any" ? anyType : element };
}

function convertObject(
  value: Value,
  type: ObjectType,
  path: (string | number)[],
  typed: boolean,
): { value: Value; type: Type } {
  if (!isObjectValue(value)) return fail(path, mismatchMessage(typeOf(value), type));
  const names = Object.keys(type.attributes);
  const missing = names.filter((n) => !(n in value) && !type.optional?.[n]).sort();
  if (missing.length > 0) fail(path, missingAttributesMessage(missing));
  const out = object();
  const attrTypes: Record<string, Type> = {};
  for (const name of names) {
    const attrType = type.attributes[name] as Type;
    const optional = type.optional?.[name];
    const given = name in value ? (value as ObjectValue)[name] : undefined;
    if (given === undefined || (given === null && optional?.default !== undefined)) {
      out[name] = optional?.default ?? null;
      if (typed) attrTypes[name] = attrType;
      continue;
    }
    path.push(name);
    const r = convertValue(given, attrType, path, typed);
    path.pop();
    out[name] = r.value;
    if (typed) attrTypes[name] = r.type;
  }
  return { value: out, type: typed ? objectOf(attrTypes) : type };
}

function missingAttributesMessage(missing: readonly string[]): string {
  const quoted = missing.map((m) => JSON.stringify(m));
  if (quoted.length === 1) return `attribute ${quoted[0]} is required`;
  if (quoted.length === 2) return `attributes ${quoted[0]} and ${quoted[1]} are required`;
  return `attributes ${quoted.slice(0, -1).join(", ")}, and ${quoted[quoted.length - 1]} are required`;
}

/** cty's explanation of why a type does not convert to another (convert.MismatchMessage). */
export function mismatchMessage(got: Type, want: Type): string {
  if (got.kind === "object" && want.kind === "object") {
    const missing = Object.keys(want.attributes)
      .filter((n) => !want.optional?.[n] && got.attributes[n] === undefined)
      .sort();
    if (missing.length > 0) return missingAttributesMessage(missing);
    for (const name of Object.keys(want.attributes).sort()) {
      const g = got.attributes[name];
      if (g && !canConvert(g, want.attributes[name] as Type)) {
        return `attribute ${JSON.stringify(name)}: ${mismatchMessage(g, want.attributes[name] as Type)}`;
      }
    }
    return "incorrect object attributes";
  }
  if (got.kind === "tuple" && (want.kind === "list" || want.kind === "set") && want.element.kind === "any") {
    return `all ${want.kind} elements must have the same type`;
  }
  if (got.kind === "object" && want.kind === "map" && want.element.kind === "any") {
    return "all map elements must have the same type";
  }
  if (
    (got.kind === "tuple" || got.kind === "object") &&
    (want.kind === "list" || want.kind === "set" || want.kind === "map")
  ) {
    if (want.kind === "map" ? got.kind !== "object" : got.kind !== "tuple") return `${constraintName(want)} required`;
    if (got.kind === "tuple") {
      for (const [i, g] of got.elements.entries()) {
        if (!canConvert(g, want.element)) return `element ${i}: ${mismatchMessage(g, want.element)}`;
      }
    } else if (got.kind === "object") {
      for (const name of Object.keys(got.attributes).sort()) {
        const g = got.attributes[name] as Type;
        if (!canConvert(g, want.element)) return `element ${JSON.stringify(name)}: ${mismatchMessage(g, want.element)}`;
      }
    }
    return `all elements must be ${constraintName(want.element)}`;
  }
  return `${constraintName(want)} required`;
}

export interface TypeExpressionOptions {
  /** Allow `optional(T)` / `optional(T, default)` inside `object({...})` (Terraform variable types). Default true. */
  readonly allowOptional?: boolean;
}

const TYPE_SPEC_HINT =
  "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).";

/** Parses a type constraint expression (`string`, `map(object({ a = optional(number, 1) }))`) as Terraform's typeexpr does. */
export function parseTypeExpression(
  expr: Expression,
  options: TypeExpressionOptions = {},
): { type: Type; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const type = typeFromExpression(expr, options.allowOptional ?? true, diagnostics, false);
  return { type, diagnostics };
}

function invalidType(diagnostics: Diagnostic[], detail: string, expr: Expression): Type {
  diagnostics.push(error("Invalid type specification", detail, expr.range));
  return anyType;
}

function unwrap(expr: Expression): Expression {
  return expr.kind === "Parentheses" ? unwrap(expr.expr) : expr;
}

function typeFromExpression(
  expr: Expression,
  allowOptional: boolean,
  diagnostics: Diagnostic[],
  inObjectAttribute: boolean,
): Type {
  const e = unwrap(expr);
  if (e.kind === "ScopeTraversal" && e.traversal.length === 0) {
    switch (e.root) {
      case "string":
        return stringType;
      case "number":
        return numberType;
      case "bool":
        return boolType;
      case "any":
        return anyType;
      case "list":
      case "set":
      case "map":
        return invalidType(
          diagnostics,
          `The ${e.root} type constructor requires one argument specifying the element type.`,
          expr,
        );
      case "object":
        return invalidType(
          diagnostics,
          "The object type constructor requires one argument specifying the attribute types as a map.",
          expr,
        );
      case "tuple":
        return invalidType(
          diagnostics,
          "The tuple type constructor requires one argument specifying the element types as a list.",
          expr,
        );
      default:
        return invalidType(
          diagnostics,
          `The keyword ${JSON.stringify(e.root)} is not a valid type specification.`,
          expr,
        );
    }
  }
  if (e.kind !== "FunctionCall") return invalidType(diagnostics, TYPE_SPEC_HINT, expr);
  const args = e.args;
  switch (e.name) {
    case "list":
    case "set":
    case "map": {
      if (args.length !== 1) {
        return invalidType(
          diagnostics,
          `The ${e.name} type constructor requires one argument specifying the element type.`,
          expr,
        );
      }
      const element = typeFromExpression(args[0] as Expression, allowOptional, diagnostics, false);
      return { kind: e.name, element };
    }
    case "tuple": {
      const list = args.length === 1 ? unwrap(args[0] as Expression) : undefined;
      if (list?.kind !== "TupleCons") {
        return invalidType(
          diagnostics,
          "The tuple type constructor requires one argument specifying the element types as a list.",
          expr,
        );
      }
      return tupleOf(list.elements.map((el) => typeFromExpression(el, allowOptional, diagnostics, false)));
    }
    case "object": {
      const map = args.length === 1 ? unwrap(args[0] as Expression) : undefined;
      if (map?.kind !== "ObjectCons") {
        return invalidType(
          diagnostics,
          "The object type constructor requires one argument specifying the attribute types as a map.",
          expr,
        );
      }
      const attrs: Record<string, Type> = {};
      const optional: Record<string, OptionalAttribute> = {};
      for (const item of map.items) {
        const name = attributeName(item.key);
        if (name === undefined) {
          diagnostics.push(
            error("Invalid type specification", "Object constructor map keys must be attribute names.", item.key.range),
          );
          continue;
        }
        const valueExpr = unwrap(item.value);
        if (valueExpr.kind === "FunctionCall" && valueExpr.name === "optional") {
          if (!allowOptional) {
            invalidType(diagnostics, "Optional attribute modifier is not allowed here.", item.value);
            continue;
          }
          const parsed = optionalAttribute(valueExpr, allowOptional, diagnostics);
          attrs[name] = parsed.type;
          optional[name] = parsed.optional;
          continue;
        }
        attrs[name] = typeFromExpression(item.value, allowOptional, diagnostics, true);
      }
      return objectOf(attrs, optional);
    }
    case "optional":
      return invalidType(
        diagnostics,
        inObjectAttribute
          ? "Optional attribute modifier must be the outermost part of an attribute type."
          : "Optional attribute modifier is only for object attributes.",
        expr,
      );
    default:
      return invalidType(diagnostics, `Keyword ${JSON.stringify(e.name)} is not a valid type constructor.`, expr);
  }
}

function optionalAttribute(
  call: Extract<Expression, { kind: "FunctionCall" }>,
  allowOptional: boolean,
  diagnostics: Diagnostic[],
): { type: Type; optional: OptionalAttribute } {
  if (call.args.length < 1 || call.args.length > 2) {
    invalidType(
      diagnostics,
      "Optional attribute modifier requires the attribute type as its first argument and an optional default value as its second.",
      call,
    );
    return { type: anyType, optional: {} };
  }
  const type = typeFromExpression(call.args[0] as Expression, allowOptional, diagnostics, false);
  if (call.args.length === 1) return { type, optional: {} };
  const defaultExpr = call.args[1] as Expression;
  const evaluated = evaluate(defaultExpr, { variables: object() });
  diagnostics.push(...evaluated.diagnostics);
  if (evaluated.value === null) return { type, optional: {} };
  const converted = convertValueOnly(evaluated.value, type);
  if (converted.error) {
    diagnostics.push(
      error(
        "Invalid default value for optional attribute",
        `This default value is not compatible with the attribute's type constraint: ${formatConversionError(converted.error)}.`,
        defaultExpr.range,
      ),
    );
    return { type, optional: {} };
  }
  return { type, optional: { default: converted.value } };
}

/** The attribute name of an object type constructor key: a bare name (or the keyword true, false, null), as typeexpr requires. */
function attributeName(key: Expression): string | undefined {
  const k = key.kind === "ObjectConsKey" && !key.forceNonLiteral ? key.wrapped : undefined;
  if (k?.kind === "ScopeTraversal" && k.traversal.length === 0) return k.root;
  if (k?.kind === "LiteralValue" && (k.value === null || typeof k.value === "boolean")) return String(k.value);
  return undefined;
}
