/**
 * Reading evaluated attributes into tracked model leaves: AWS's default when not written, `unknown` when known only
 * after apply, a located diagnostic (and `unknown`) when the value has the wrong type.
 */
import { type Diagnostic, error } from "../../hcl/diagnostic.js";
import type { Range } from "../../hcl/range.js";
import { isObjectValue, SetValue, Unknown, unmark, type Value } from "../../hcl/value.js";
import type { Tracked } from "../../model/aws/resource.js";
import type { EvaluatedBlock, EvaluatedBody } from "../../terraform/graph.js";

/** A body to read from, with the diagnostics sink of the adapter run. */
export class Reader {
  constructor(readonly diagnostics: Diagnostic[]) {}

  /** A tracked leaf of AWS's default (or undefined) at `range`. */
  defaulted<T>(range: Range, value?: T): Tracked<T> {
    return { value, range, origin: "default" };
  }

  read<T>(
    body: EvaluatedBody,
    name: string,
    convert: (v: Value) => T | undefined,
    expected: string,
    defaultValue?: T,
  ): Tracked<T> {
    const attribute = body.attributes[name];
    if (attribute === undefined) return this.defaulted(body.range, defaultValue);
    const plain = unmark(attribute.value).value;
    if (plain === null) return this.defaulted(body.range, defaultValue);
    if (plain instanceof Unknown) return { value: undefined, range: attribute.range, origin: "unknown" };
    const value = convert(plain);
    if (value === undefined) {
      this.diagnostics.push(error(`Invalid value for "${name}"`, `"${name}" must be ${expected}.`, attribute.range));
      return { value: undefined, range: attribute.range, origin: "unknown" };
    }
    return { value, range: attribute.range, origin: "explicit" };
  }

  string(body: EvaluatedBody, name: string, defaultValue?: string): Tracked<string> {
    return this.read(body, name, toText, "a string", defaultValue);
  }

  bool(body: EvaluatedBody, name: string, defaultValue?: boolean): Tracked<boolean> {
    return this.read(body, name, toBool, "a bool", defaultValue);
  }

  number(body: EvaluatedBody, name: string, defaultValue?: number): Tracked<number> {
    return this.read(body, name, toNumber, "a number", defaultValue);
  }

  /** A list or set of strings; unknown elements become undefined (the list's shape is still known). */
  strings(body: EvaluatedBody, name: string): Tracked<readonly (string | undefined)[]> {
    return this.read(body, name, toTextList, "a list of strings", undefined);
  }
}

export function toText(v: Value): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

export function toBool(v: Value): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (v === "true") return true;
  if (v === "false") return false;
  return undefined;
}

export function toNumber(v: Value): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return undefined;
}

export function toTextList(v: Value): (string | undefined)[] | undefined {
  const items = Array.isArray(v) ? v : v instanceof SetValue ? v.items : undefined;
  if (items === undefined) {
    const single = toText(v);
    return single === undefined ? undefined : [single];
  }
  const out: (string | undefined)[] = [];
  for (const item of items) {
    const plain = unmark(item).value;
    if (plain instanceof Unknown) out.push(undefined);
    else {
      const text = toText(plain);
      if (text === undefined) return undefined;
      out.push(text);
    }
  }
  return out;
}

/** The first nested block of a type, or undefined. */
export function block(body: EvaluatedBody, type: string): EvaluatedBlock | undefined {
  return body.blocks[type]?.[0];
}

export function blocks(body: EvaluatedBody, type: string): readonly EvaluatedBlock[] {
  return body.blocks[type] ?? [];
}

/** The raw value of an attribute (sensitive marks removed), or undefined when not written or null. */
export function rawValue(body: EvaluatedBody, name: string): Value | undefined {
  const attribute = body.attributes[name];
  if (attribute === undefined) return undefined;
  const plain = unmark(attribute.value).value;
  return plain === null ? undefined : plain;
}

/** A string-keyed map of strings (tags); unknown values become undefined. Undefined for other shapes. */
export function toStringMap(v: Value): Record<string, string | undefined> | undefined {
  if (!isObjectValue(v)) return undefined;
  const out: Record<string, string | undefined> = Object.create(null);
  for (const key of Object.keys(v)) {
    const plain = unmark(v[key] as Value).value;
    if (plain instanceof Unknown) out[key] = undefined;
    else if (plain === null) continue;
    else {
      const text = toText(plain);
      if (text === undefined) return undefined;
      out[key] = text;
    }
  }
  return out;
}
