/**
 * The one join helper: model objects indexed by instance address, by resource (for the same-instance-key rule)
 * and by name, so that a referring attribute resolves in constant time whether it holds a reference (an unknown
 * whose refs name the instance, across modules), a literal name or ARN, or an iteration-dependent unknown.
 */
import { Unknown, unmark, type Value } from "../../hcl/value.js";
import type { Link } from "../../model/aws/resource.js";
import type { InstanceKey, ResourceInstance } from "../../terraform/graph.js";

/** How a key prints in the per-resource index (numbers and strings never collide: `0` vs `"0"`). */
function keyText(key: InstanceKey): string {
  return key === null ? "" : typeof key === "number" ? `#${key}` : `"${key}`;
}

/** `module.a.aws_s3_bucket.b["k"]` → `module.a.aws_s3_bucket.b`; `[*]` and `[0]` likewise. */
export function resourceOf(address: string): string {
  if (!address.endsWith("]")) return address;
  // The key is the last bracket group; a string key may itself contain brackets, so scan from the end.
  const open = address.endsWith('"]') ? address.lastIndexOf('["') : address.lastIndexOf("[");
  return open > 0 ? address.slice(0, open) : address;
}

/** Every reference an unknown carries, including those of the pieces of a template. */
export function referencesOf(value: Value | undefined): { address: string; path: readonly (string | number)[] }[] {
  const out: { address: string; path: readonly (string | number)[] }[] = [];
  const visit = (v: Value | undefined): void => {
    if (!(v instanceof Unknown)) return;
    out.push(...v.refs);
    if (v.parts) for (const part of v.parts) if (part instanceof Unknown) visit(part);
  };
  visit(value === undefined ? undefined : unmark(value).value);
  return out;
}

export interface ResolveOptions {
  /** The referring instance: its key joins an iteration-dependent reference to the target of the same key. */
  readonly from?: ResourceInstance;
  /** Turns a literal (ARN, id) into the name the index holds; undefined when it cannot name a target. */
  readonly nameOf?: (text: string) => string | undefined;
}

export class JoinIndex<T> {
  private readonly byAddress = new Map<string, T>();
  private readonly byResource = new Map<string, Map<string, T>>();
  private readonly byName = new Map<string, T>();
  readonly items: T[] = [];

  add(instance: ResourceInstance, target: T): void {
    this.items.push(target);
    this.byAddress.set(instance.address, target);
    let keys = this.byResource.get(instance.resource);
    if (!keys) {
      keys = new Map();
      this.byResource.set(instance.resource, keys);
    }
    keys.set(keyText(instance.key), target);
  }

  /** Registers a known name (bucket name, log group name …); the first one wins, a duplicate is reported by callers. */
  addName(name: string | undefined, target: T): boolean {
    if (name === undefined) return true;
    if (this.byName.has(name)) return this.byName.get(name) === target;
    this.byName.set(name, target);
    return true;
  }

  get(address: string): T | undefined {
    return this.byAddress.get(address);
  }

  named(name: string): T | undefined {
    return this.byName.get(name);
  }

  /** The target of a reference by address, or by resource and the referring instance's key. */
  byReference(address: string, from?: ResourceInstance, path: readonly (string | number)[] = []): T | undefined {
    const direct = this.byAddress.get(address);
    if (direct !== undefined) return direct;
    const resource = resourceOf(address);
    // Only a reference without a key, or through an unknown expansion, leaves the instance open.
    if (resource !== address && !address.endsWith("[*]")) return undefined;
    const keys = this.byResource.get(resource);
    if (!keys) return undefined;
    // `aws_s3_bucket.b[*]` indexed by a key the evaluator kept in the path: `["a", "id"]`.
    const step = path[0];
    if (address.endsWith("[*]") && step !== undefined) {
      const byStep = keys.get(keyText(step));
      if (byStep !== undefined) return byStep;
    }
    if (from && from.key !== null) {
      const sameKey = keys.get(keyText(from.key));
      if (sameKey !== undefined) return sameKey;
    }
    // A single-instance target referenced without a key (or an unknown expansion `[*]`).
    return keys.size === 1 ? keys.values().next().value : undefined;
  }

  /** Resolves an attribute value naming a target of this index. */
  resolve(value: Value | undefined, options: ResolveOptions = {}): Link<T> {
    if (value === undefined) return { kind: "none" };
    const plain = unmark(value).value;
    if (plain === null) return { kind: "none" };
    if (plain instanceof Unknown) {
      const refs = referencesOf(plain);
      for (const ref of refs) {
        const target = this.byReference(ref.address, options.from, ref.path);
        if (target !== undefined) return { kind: "resolved", target };
      }
      return { kind: "unknown", refs: [...new Set(refs.map((r) => r.address))] };
    }
    if (typeof plain !== "string") return { kind: "literal", text: String(plain) };
    const name = options.nameOf ? options.nameOf(plain) : plain;
    const target = name === undefined ? undefined : this.byName.get(name);
    return target === undefined ? { kind: "literal", text: plain } : { kind: "resolved", target };
  }
}

/** `arn:aws:s3:::name` or `arn:aws:s3:::name/prefix` → `name`; a plain name stays as it is. */
export function bucketNameOf(text: string): string | undefined {
  if (!text.startsWith("arn:")) return text;
  const parts = text.split(":");
  if (parts[2] !== "s3" || parts.length < 6) return undefined;
  const resource = parts.slice(5).join(":");
  const name = resource.split("/")[0];
  return name ? name : undefined;
}

/** The last segment of an ARN (`arn:aws:sns:us-east-1:123:topic` → `topic`); a plain name stays. */
export function arnName(text: string): string | undefined {
  if (!text.startsWith("arn:")) return text;
  const parts = text.split(":");
  return parts.length >= 6 ? parts.slice(5).join(":") : undefined;
}
