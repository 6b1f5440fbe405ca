/**
 * Runtime values of HCL/Terraform expressions, as plain JavaScript data where possible:
 *
 * | HCL (cty)          | here                                              |
 * |--------------------|---------------------------------------------------|
 * | null               | `null`                                            |
 * | bool               | `boolean`                                         |
 * | number             | `number` (arithmetic in `ops.ts` is decimal-exact) |
 * | string             | `string` (NFC-normalised)                         |
 * | list, tuple        | `Value[]`                                         |
 * | set                | `SetValue` (deduplicated, canonical order)        |
 * | map, object        | `ObjectValue`: a null-prototype record            |
 * | unknown            | `Unknown`, remembering what it depends on         |
 * | sensitive mark     | `Sensitive` wrapping the value                    |
 *
 * Values are immutable once built: never mutate an array or object you did not just create.
 */

import type { Range } from "./range.js";

export type Value = null | boolean | number | string | Value[] | SetValue | ObjectValue | Unknown | Sensitive;

/** A map or object. Always created with a null prototype (see `object()`), so `__proto__` is an ordinary key. */
export interface ObjectValue {
  readonly [key: string]: Value;
}

/** What an unknown value depends on: one attribute of one resource/data instance (or another symbolic source). */
export interface Reference {
  /** Full address of the instance, e.g. `module.phi.aws_s3_bucket.this["a"]`, or `data.aws_region.current`. */
  readonly address: string;
  /** Attribute path below the instance, e.g. `["arn"]` or `["versioning", 0, "enabled"]`. */
  readonly path: readonly (string | number)[];
  readonly range?: Range;
}

/** The coarse type of an unknown, when it is known (e.g. `length(unknown_list)` is an unknown number). */
export type UnknownType = "any" | "string" | "number" | "bool" | "list" | "set" | "map";

/**
 * A value known only after apply. `refs` name what it was computed from so that later stages can join resources
 * through it. `parts` is set when the unknown is a string built from known text and unknowns
 * (`"${aws_s3_bucket.b.arn}/*"` → `[Unknown(b.arn), "/*"]`), so that policies can be matched to resources.
 */
export class Unknown {
  constructor(
    readonly refs: readonly Reference[] = [],
    readonly type: UnknownType = "any",
    readonly parts?: readonly (string | Unknown)[],
    /** For an unknown string made by `jsonencode`/`yamlencode` (or a policy document) of a value with unknowns
     * inside: that value, so policies can be analysed before apply. */
    readonly encoded?: Value,
  ) {}

  static of(address: string, path: readonly (string | number)[], type: UnknownType = "any", range?: Range): Unknown {
    return new Unknown([range ? { address, path, range } : { address, path }], type);
  }
}

/** A set: elements deduplicated by `equalValues`, kept in cty's canonical order (see `makeSet`). */
export class SetValue {
  constructor(readonly items: readonly Value[]) {}
}

/** A value marked sensitive. The mark propagates through every operation and is never printed. */
export class Sensitive {
  constructor(readonly value: Value) {}
}

export function object(entries?: Iterable<readonly [string, Value]>): Record<string, Value> {
  const result: Record<string, Value> = Object.create(null);
  if (entries) for (const [k, v] of entries) result[k] = v;
  return result;
}

export function isObjectValue(v: Value): v is ObjectValue {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === null;
}

export function isUnknown(v: Value): v is Unknown {
  return v instanceof Unknown;
}

export function isSensitive(v: Value): v is Sensitive {
  return v instanceof Sensitive;
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: Value): boolean {
  if (v instanceof Unknown) return true;
  if (v instanceof Sensitive) return containsUnknown(v.value);
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v instanceof SetValue) return v.items.some(containsUnknown);
  if (isObjectValue(v)) {
    for (const k in v) if (containsUnknown(v[k] as Value)) return true;
  }
  return false;
}

/** True when the value or anything inside it is marked sensitive. */
export function containsSensitive(v: Value): boolean {
  if (v instanceof Sensitive) return true;
  if (Array.isArray(v)) return v.some(containsSensitive);
  if (v instanceof SetValue) return v.items.some(containsSensitive);
  if (isObjectValue(v)) {
    for (const k in v) if (containsSensitive(v[k] as Value)) return true;
  }
  return false;
}

/** Removes every sensitive mark, reporting whether there was one. Callers re-mark their result with `mark`. */
export function unmark(v: Value): { value: Value; sensitive: boolean } {
  if (!containsSensitive(v)) return { value: v, sensitive: false };
  return { value: unmarkDeep(v), sensitive: true };
}

function unmarkDeep(v: Value): Value {
  if (v instanceof Sensitive) return unmarkDeep(v.value);
  if (Array.isArray(v)) return v.map(unmarkDeep);
  if (v instanceof SetValue) return new SetValue(v.items.map(unmarkDeep));
  if (isObjectValue(v)) {
    const out = object();
    for (const k in v) out[k] = unmarkDeep(v[k] as Value);
    return out;
  }
  return v;
}

export function mark(v: Value, sensitive: boolean): Value {
  return sensitive && !(v instanceof Sensitive) ? new Sensitive(v) : v;
}

/** Structural equality with HCL semantics (no conversion: `"1" != 1`). Unknowns are never equal to anything. */
export function equalValues(a: Value, b: Value): boolean {
  if (a === b) return !(a instanceof Unknown);
  if (a instanceof Sensitive) return equalValues(a.value, b);
  if (b instanceof Sensitive) return equalValues(a, b.value);
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (a instanceof Unknown || b instanceof Unknown) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalValues(a[i] as Value, b[i] as Value)) return false;
    return true;
  }
  if (a instanceof SetValue) {
    if (!(b instanceof SetValue) || a.items.length !== b.items.length) return false;
    return a.items.every((x) => b.items.some((y) => equalValues(x, y)));
  }
  if (isObjectValue(a) && isObjectValue(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!(k in b) || !equalValues(a[k] as Value, b[k] as Value)) return false;
    return true;
  }
  return false;
}

/** A short type name for messages: "string", "number", "bool", "null", "tuple", "set", "object", "unknown". */
export function typeName(v: Value): string {
  if (v === null) return "null";
  if (v instanceof Sensitive) return typeName(v.value);
  if (v instanceof Unknown) return "unknown";
  if (Array.isArray(v)) return "tuple";
  if (v instanceof SetValue) return "set";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
      return "number";
    case "string":
      return "string";
    default:
      return "object";
  }
}

/**
 * Builds a set: duplicates removed, elements in canonical order (cty's: strings lexically, numbers numerically,
 * then bools, then other values by their canonical text) so that iteration order never depends on source order.
 */
export function makeSet(items: Iterable<Value>): SetValue {
  const unique: Value[] = [];
  const seenScalars = new Set<unknown>();
  for (const item of items) {
    if (item === null || typeof item !== "object") {
      if (seenScalars.has(item)) continue;
      seenScalars.add(item);
      unique.push(item);
    } else if (item instanceof Unknown || !unique.some((u) => equalValues(u, item))) {
      unique.push(item);
    }
  }
  return new SetValue(unique.sort(compareCanonical));
}

function rank(v: Value): number {
  if (typeof v === "string") return 0;
  if (typeof v === "number") return 1;
  if (typeof v === "boolean") return 2;
  if (v instanceof Unknown) return 4;
  return 3;
}

function compareCanonical(a: Value, b: Value): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (ra === 3) {
    const ka = canonicalText(a);
    const kb = canonicalText(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  }
  return 0;
}

/** Deterministic text of a known value (object keys sorted), used for ordering and as a map key. */
export function canonicalText(v: Value): string {
  if (v instanceof Sensitive) return canonicalText(v.value);
  if (v instanceof Unknown) return "(unknown)";
  if (Array.isArray(v)) return `[${v.map(canonicalText).join(",")}]`;
  if (v instanceof SetValue) return `set[${v.items.map(canonicalText).join(",")}]`;
  if (isObjectValue(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalText(v[k] as Value)}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

const openObjects = new WeakMap<ObjectValue, Reference>();

/**
 * Marks an object as standing for (part of) a resource instance whose provider computes further attributes:
 * reading an attribute it does not have yields an unknown naming `address` and `path` + that attribute,
 * rather than an "unsupported attribute" error.
 */
export function markOpen<T extends ObjectValue>(obj: T, address: string, path: readonly (string | number)[] = []): T {
  openObjects.set(obj, { address, path });
  return obj;
}

/** The instance and path an open object stands for, or undefined for an ordinary object. */
export function openReference(obj: ObjectValue): Reference | undefined {
  return openObjects.get(obj);
}
