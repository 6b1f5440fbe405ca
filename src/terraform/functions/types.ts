/**
 * The part of cty's type system the built-ins need. Values carry no static type here, so a value's type is inferred
 * from its shape (an array is a tuple, an object an object type, an untyped null or unknown is `dynamic`), then
 * unified and converted with cty's rules (`convert.Unify`, `convert.Convert`), including its error messages.
 */
import { isObjectValue, makeSet, object, Sensitive, SetValue, Unknown, type Value } from "../../hcl/value.js";
import { numberToString } from "./number-text.js";

export type PrimitiveType = "string" | "number" | "bool";

export type Type =
  | PrimitiveType
  | "dynamic"
  | { readonly kind: "list" | "set" | "map"; readonly elem: Type }
  | { readonly kind: "tuple"; readonly elems: readonly Type[] }
  | { readonly kind: "object"; readonly attrs: ReadonlyMap<string, Type> };

export const listOf = (elem: Type): Type => ({ kind: "list", elem });
export const setOf = (elem: Type): Type => ({ kind: "set", elem });
export const mapOf = (elem: Type): Type => ({ kind: "map", elem });

/** A conversion failed; `message` is cty's wording (e.g. "string required", "a number is required"). */
export class ConversionError extends Error {
  override name = "ConversionError";
}

export function typeOf(v: Value): Type {
  switch (typeof v) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "bool";
  }
  if (v === null) return "dynamic";
  if (v instanceof Sensitive) return typeOf(v.value);
  if (v instanceof Unknown) {
    switch (v.type) {
      case "string":
      case "number":
        return v.type;
      case "bool":
        return "bool";
      case "list":
      case "set":
      case "map":
        return { kind: v.type, elem: "dynamic" };
      default:
        return "dynamic";
    }
  }
  if (Array.isArray(v)) return { kind: "tuple", elems: v.map(typeOf) };
  if (v instanceof SetValue) return setOf(v.items.length === 0 ? "dynamic" : (unify(v.items.map(typeOf)) ?? "dynamic"));
  const attrs = new Map<string, Type>();
  for (const k of Object.keys(v)) attrs.set(k, typeOf((v as Record<string, Value>)[k] as Value));
  return { kind: "object", attrs };
}

export function typeEquals(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (typeof a === "string" || typeof b === "string") return false;
  if (a.kind !== b.kind) return false;
  if (a.kind === "tuple" && b.kind === "tuple") {
    return a.elems.length === b.elems.length && a.elems.every((t, i) => typeEquals(t, b.elems[i] as Type));
  }
  if (a.kind === "object" && b.kind === "object") {
    if (a.attrs.size !== b.attrs.size) return false;
    for (const [k, t] of a.attrs) {
      const u = b.attrs.get(k);
      if (u === undefined || !typeEquals(t, u)) return false;
    }
    return true;
  }
  return typeEquals((a as { elem: Type }).elem, (b as { elem: Type }).elem);
}

export function friendlyName(t: Type): string {
  if (typeof t === "string") return t;
  switch (t.kind) {
    case "list":
    case "set":
    case "map":
      return `${t.kind} of ${friendlyName(t.elem)}`;
    default:
      return t.kind;
  }
}

export function friendlyNameForConstraint(t: Type): string {
  if (t === "dynamic") return "any type";
  if (typeof t === "string") return t;
  switch (t.kind) {
    case "list":
    case "set":
    case "map":
      return t.elem === "dynamic"
        ? `${t.kind} of any single type`
        : `${t.kind} of ${friendlyNameForConstraint(t.elem)}`;
    default:
      return t.kind;
  }
}

/** Whether cty has a conversion from `from` to `to` (type level; the value may still fail, e.g. "a" → number). */
export function canConvert(from: Type, to: Type, unsafe: boolean): boolean {
  if (to === "dynamic" || from === "dynamic" || typeEquals(from, to)) return true;
  if (typeof to === "string") {
    if (typeof from !== "string") return false;
    if (to === "string") return true;
    return unsafe && from === "string";
  }
  if (typeof from === "string") return false;
  switch (to.kind) {
    case "list":
    case "set":
      if (from.kind === "tuple") {
        if (to.elem === "dynamic") return from.elems.length === 0 || unify(from.elems, unsafe) !== undefined;
        return from.elems.every((t) => canConvert(t, to.elem, unsafe));
      }
      if (from.kind === "list" || from.kind === "set") return canConvert(from.elem, to.elem, unsafe);
      return false;
    case "map":
      if (from.kind === "object") {
        const attrs = [...from.attrs.values()];
        if (to.elem === "dynamic") return attrs.length === 0 || unify(attrs, unsafe) !== undefined;
        return attrs.every((t) => canConvert(t, to.elem, unsafe));
      }
      return from.kind === "map" && canConvert(from.elem, to.elem, unsafe);
    case "tuple":
      if (from.kind === "tuple") {
        return (
          from.elems.length === to.elems.length &&
          from.elems.every((t, i) => canConvert(t, to.elems[i] as Type, unsafe))
        );
      }
      return unsafe && (from.kind === "list" || from.kind === "set");
    case "object":
      if (from.kind === "object") {
        for (const [k, t] of to.attrs) {
          const f = from.attrs.get(k);
          if (f === undefined || !canConvert(f, t, unsafe)) return false;
        }
        return true;
      }
      return unsafe && from.kind === "map";
  }
}

/** cty's `convert.Unify` (unsafe mode unless told otherwise): the one type all of `types` convert to, if any. */
export function unify(types: readonly Type[], unsafe = true): Type | undefined {
  if (types.length === 0) return undefined;
  const first = types[0] as Type;
  if (types.every((t) => typeEquals(t, first))) return first;
  const objects: Type[] = [];
  const tuples: Type[] = [];
  let dynamics = 0;
  for (const t of types) {
    if (t === "dynamic") dynamics++;
    else if (typeof t !== "string" && t.kind === "object") objects.push(t);
    else if (typeof t !== "string" && t.kind === "tuple") tuples.push(t);
  }
  if (objects.length > 0 && tuples.length > 0) return undefined;
  if (objects.length > 0 && objects.length + dynamics === types.length) return unifyObjects(objects, unsafe);
  if (tuples.length > 0 && tuples.length + dynamics === types.length) return unifyTuples(tuples, unsafe);
  // Preference order: most general first (string before other primitives), dynamic last.
  const order = types
    .map((t, i) => ({ t, i }))
    .sort((a, b) => generality(a.t) - generality(b.t) || a.i - b.i)
    .map((x) => x.t);
  for (const want of order) {
    if (types.every((t) => canConvert(t, want, unsafe))) return want;
  }
  return undefined;
}

function generality(t: Type): number {
  if (t === "dynamic") return 2;
  return t === "string" ? 0 : 1;
}

function unifyObjects(types: Type[], unsafe: boolean): Type | undefined {
  const objects = types as { kind: "object"; attrs: ReadonlyMap<string, Type> }[];
  const firstAttrs = (objects[0] as { attrs: ReadonlyMap<string, Type> }).attrs;
  const sameNames = objects.every(
    (o) => o.attrs.size === firstAttrs.size && [...o.attrs.keys()].every((k) => firstAttrs.has(k)),
  );
  if (!sameNames) return unifyAsMap(objects, unsafe);
  const attrs = new Map<string, Type>();
  for (const name of firstAttrs.keys()) {
    const t = unify(
      objects.map((o) => o.attrs.get(name) as Type),
      unsafe,
    );
    if (t === undefined) return undefined;
    attrs.set(name, t);
  }
  return { kind: "object", attrs };
}

function unifyAsMap(objects: { attrs: ReadonlyMap<string, Type> }[], unsafe: boolean): Type | undefined {
  const all: Type[] = [];
  for (const o of objects) for (const t of o.attrs.values()) all.push(t);
  if (all.length === 0) return mapOf("dynamic");
  const elem = unify(all, unsafe);
  return elem === undefined ? undefined : mapOf(elem);
}

function unifyTuples(types: Type[], unsafe: boolean): Type | undefined {
  const tuples = types as { kind: "tuple"; elems: readonly Type[] }[];
  const length = (tuples[0] as { elems: readonly Type[] }).elems.length;
  if (tuples.some((t) => t.elems.length !== length)) {
    const all = tuples.flatMap((t) => t.elems);
    if (all.length === 0) return listOf("dynamic");
    const elem = unify(all, unsafe);
    return elem === undefined ? undefined : listOf(elem);
  }
  const elems: Type[] = [];
  for (let i = 0; i < length; i++) {
    const t = unify(
      tuples.map((x) => x.elems[i] as Type),
      unsafe,
    );
    if (t === undefined) return undefined;
    elems.push(t);
  }
  return { kind: "tuple", elems };
}

/** cty's `convert.MismatchMessage`: why a value of type `got` is not a `want`. */
export function mismatchMessage(got: Type, want: Type): string {
  if (typeof got !== "string" && typeof want !== "string") {
    if (got.kind === "object" && want.kind === "object") return "incorrect object attributes";
    if (got.kind === "tuple" && want.kind === "list" && want.elem === "dynamic") {
      return "all list elements must have the same type";
    }
    if (got.kind === "tuple" && want.kind === "set" && want.elem === "dynamic") {
      return "all set elements must have the same type";
    }
    if (got.kind === "object" && want.kind === "map" && want.elem === "dynamic") {
      return "all map elements must have the same type";
    }
    if (
      (got.kind === "tuple" || got.kind === "object") &&
      (want.kind === "list" || want.kind === "set" || want.kind === "map")
    ) {
      if ((want.kind === "map") !== (got.kind === "object")) return `${friendlyNameForConstraint(want)} required`;
      if (got.kind === "tuple") {
        for (let i = 0; i < got.elems.length; i++) {
          const t = got.elems[i] as Type;
          if (!canConvert(t, want.elem, true)) return `element ${i}: ${mismatchMessage(t, want.elem)}`;
        }
      } else {
        for (const [k, t] of got.attrs) {
          if (!canConvert(t, want.elem, true)) return `element ${JSON.stringify(k)}: ${mismatchMessage(t, want.elem)}`;
        }
      }
      return `all elements must be ${friendlyNameForConstraint(want.elem)}`;
    }
    if (
      (got.kind === "list" || got.kind === "set" || got.kind === "map") &&
      (want.kind === "list" || want.kind === "set" || want.kind === "map")
    ) {
      if ((want.kind === "map") !== (got.kind === "map")) return `${friendlyNameForConstraint(want)} required`;
      return `incorrect ${want.kind} element type: ${mismatchMessage(got.elem, want.elem)}`;
    }
  }
  return `${friendlyNameForConstraint(want)} required`;
}

/** Parses a decimal number as cty does for string → number (no hex, no whitespace, no "Inf"). */
export function parseNumber(s: string): number | undefined {
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function toBoolFromString(s: string): boolean {
  switch (s) {
    case "true":
    case "1":
      return true;
    case "false":
    case "0":
      return false;
  }
  const lower = s.toLowerCase();
  if (lower === "true" || lower === "false") {
    throw new ConversionError(`a bool is required; to convert from string, use lowercase "${lower}"`);
  }
  throw new ConversionError("a bool is required");
}

/**
 * Converts `v` to type `want` with cty's (unsafe) conversion rules. Unknowns pass through unchanged; null converts to
 * anything. Throws `ConversionError` with cty's message.
 */
export function convert(v: Value, want: Type): Value {
  if (want === "dynamic" || v === null || v instanceof Unknown) return v;
  if (v instanceof Sensitive) return new Sensitive(convert(v.value, want));
  if (typeof want === "string") return convertPrimitive(v, want);
  switch (want.kind) {
    case "list":
    case "set":
      return convertSequence(v, want.kind, want.elem);
    case "map":
      return convertMap(v, want.elem);
    case "tuple":
      if (Array.isArray(v) || v instanceof SetValue) {
        const items = Array.isArray(v) ? v : v.items;
        if (items.length !== want.elems.length) throw new ConversionError(mismatchMessage(typeOf(v), want));
        return items.map((x, i) => convertElement(x, want.elems[i] as Type, i));
      }
      throw new ConversionError(mismatchMessage(typeOf(v), want));
    case "object":
      if (isObjectValue(v)) {
        const out = object();
        for (const [k, t] of want.attrs) {
          if (!(k in v)) throw new ConversionError(`attribute ${JSON.stringify(k)} is required`);
          out[k] = convert(v[k] as Value, t);
        }
        return out;
      }
      throw new ConversionError(mismatchMessage(typeOf(v), want));
  }
}

function convertPrimitive(v: Value, want: PrimitiveType): Value {
  switch (want) {
    case "string":
      if (typeof v === "string") return v;
      if (typeof v === "number") return numberToString(v);
      if (typeof v === "boolean") return v ? "true" : "false";
      break;
    case "number":
      if (typeof v === "number") return v;
      if (typeof v === "string") {
        const n = parseNumber(v);
        if (n === undefined) throw new ConversionError("a number is required");
        return n;
      }
      break;
    case "bool":
      if (typeof v === "boolean") return v;
      if (typeof v === "string") return toBoolFromString(v);
      break;
  }
  throw new ConversionError(mismatchMessage(typeOf(v), want));
}

function convertElement(v: Value, want: Type, where: number | string): Value {
  if (!canConvert(typeOf(v), want, true)) {
    throw new ConversionError(
      `element ${typeof where === "number" ? where : JSON.stringify(where)}: ${mismatchMessage(typeOf(v), want)}`,
    );
  }
  return convert(v, want);
}

function convertSequence(v: Value, kind: "list" | "set", elem: Type): Value {
  let items: readonly Value[];
  if (Array.isArray(v)) items = v;
  else if (v instanceof SetValue) items = v.items;
  else throw new ConversionError(`${friendlyNameForConstraint({ kind, elem })} required`);
  let target = elem;
  if (elem === "dynamic" && items.length > 0) {
    if (!isHomogeneous(items)) {
      const unified = unify(items.map(typeOf));
      if (unified === undefined) throw new ConversionError(`all ${kind} elements must have the same type`);
      target = unified;
    }
  }
  const out = target === "dynamic" ? items.slice() : items.map((x, i) => convertElement(x, target, i));
  return kind === "set" ? makeSet(out) : out;
}

function convertMap(v: Value, elem: Type): Value {
  if (!isObjectValue(v)) throw new ConversionError(`${friendlyNameForConstraint(mapOf(elem))} required`);
  const keys = Object.keys(v);
  let target = elem;
  if (elem === "dynamic" && keys.length > 0) {
    const values = keys.map((k) => v[k] as Value);
    if (!isHomogeneous(values)) {
      const unified = unify(values.map(typeOf));
      if (unified === undefined) throw new ConversionError("all map elements must have the same type");
      target = unified;
    }
  }
  if (target === "dynamic") return v;
  const out = object();
  for (const k of keys) out[k] = convertElement(v[k] as Value, target, k);
  return out;
}

/** Fast path: every element is the same primitive kind (or null/unknown), so unification changes nothing. */
function isHomogeneous(items: readonly Value[]): boolean {
  let kind: string | undefined;
  for (const x of items) {
    if (x === null) continue;
    let t: string = typeof x;
    if (x instanceof Unknown) {
      if (x.type === "any") continue;
      t = x.type === "bool" ? "boolean" : x.type;
    }
    if (t === "object") return false;
    if (kind === undefined) kind = t;
    else if (kind !== t) return false;
  }
  return true;
}
