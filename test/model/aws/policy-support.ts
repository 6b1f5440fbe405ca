import type { Range } from "../../../src/hcl/range.js";
import { object, Sensitive, SetValue, Unknown, type Value } from "../../../src/hcl/value.js";
import {
  type Locate,
  type NormalisedPolicy,
  normalisePolicy,
  type PolicyDocument,
} from "../../../src/model/aws/policy.js";

/** Plain test data → a phiform Value (null-prototype objects); Unknown, SetValue and Sensitive pass through. */
export function val(x: unknown): Value {
  if (x === null || typeof x === "string" || typeof x === "number" || typeof x === "boolean") return x;
  if (x instanceof Unknown || x instanceof SetValue || x instanceof Sensitive) return x;
  if (Array.isArray(x)) return x.map(val);
  return object(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, val(v)] as const));
}

/** A range on one line of `policy.tf`, columns as given. */
export function line(n: number, startColumn = 1, endColumn = 80): Range {
  return {
    file: "policy.tf",
    start: { line: n, column: startColumn, byte: n * 100 + startColumn },
    end: { line: n, column: endColumn, byte: n * 100 + endColumn },
  };
}

/** The whole policy's range in the tests. */
export const POLICY_RANGE: Range = {
  file: "policy.tf",
  start: { line: 1, column: 12, byte: 11 },
  end: { line: 60, column: 4, byte: 6003 },
};

/** A `locate` callback answering from a table keyed by the JSON path. */
export function locator(table: Record<string, Range>): Locate {
  return (path) => table[JSON.stringify(path)];
}

/** Locates statement i at line 10 + 10·i and nothing else. */
export const statementLines: Locate = (path) =>
  path.length === 2 && path[0] === "Statement" && typeof path[1] === "number"
    ? line(10 + 10 * path[1], 7, 8)
    : undefined;

export function normalise(x: unknown, locate: Locate = statementLines): NormalisedPolicy {
  return normalisePolicy(x instanceof Unknown || typeof x === "string" ? x : val(x), POLICY_RANGE, locate);
}

/** Normalises a policy that must have no problems. */
export function policyOf(x: unknown, locate: Locate = statementLines): PolicyDocument {
  const { policy, problems } = normalise(x, locate);
  if (!policy || problems.length > 0) {
    throw new Error(`test policy has problems: ${problems.map((p) => p.summary).join(", ")}`);
  }
  return policy;
}

/** An unknown attribute of a resource instance, e.g. `ref("aws_s3_bucket.phi", "arn")`. */
export function ref(address: string, ...path: (string | number)[]): Unknown {
  return Unknown.of(address, path, "string");
}

/** A string template: `tpl(ref("aws_s3_bucket.phi", "arn"), "/*")` for `"${aws_s3_bucket.phi.arn}/*"`. */
export function tpl(...parts: (string | Unknown)[]): Unknown {
  return new Unknown(
    parts.flatMap((p) => (typeof p === "string" ? [] : p.refs)),
    "string",
    parts,
  );
}

/**
 * Reads the HCL object/tuple constructor starting at `start` in `text` (the subset inside the seeds' `jsonencode(…)`:
 * `key = value` with `,` or newlines, strings with `${address.attribute}` interpolations, numbers, booleans) into a
 * Value. A test-only reader until the real parser is on this branch; it throws on anything else.
 */
export function readHclConstructor(text: string, start: number): Value {
  let i = start;
  const skip = () => {
    while (i < text.length && /[\s,]/.test(text[i] as string)) i++;
  };
  const value = (): unknown => {
    skip();
    const c = text[i];
    if (c === "{") {
      i++;
      const entries: [string, unknown][] = [];
      for (;;) {
        skip();
        if (text[i] === "}") {
          i++;
          return Object.fromEntries(entries);
        }
        const key = text[i] === '"' ? (str() as string) : ident();
        skip();
        if (text[i] !== "=" && text[i] !== ":") throw new Error(`expected = at ${i}`);
        i++;
        entries.push([key, value()]);
      }
    }
    if (c === "[") {
      i++;
      const items: unknown[] = [];
      for (;;) {
        skip();
        if (text[i] === "]") {
          i++;
          return items;
        }
        items.push(value());
      }
    }
    if (c === '"') return str();
    const word = ident();
    if (word === "true" || word === "false") return word === "true";
    if (/^\d+(\.\d+)?$/.test(word)) return Number(word);
    throw new Error(`unsupported expression ${word} at ${i}`);
  };
  const ident = (): string => {
    const m = /^[\w.-]+/.exec(text.slice(i));
    if (!m) throw new Error(`expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const str = (): string | Unknown => {
    i++;
    const parts: (string | Unknown)[] = [];
    let literal = "";
    while (text[i] !== '"') {
      if (i >= text.length) throw new Error("unterminated string");
      if (text[i] === "\\") {
        literal += text[i + 1];
        i += 2;
      } else if (text.startsWith("${", i)) {
        const close = text.indexOf("}", i);
        const path = text.slice(i + 2, close).split(".");
        const attribute = path.pop() as string;
        if (literal) parts.push(literal);
        literal = "";
        parts.push(ref(path.join("."), attribute));
        i = close + 1;
      } else literal += text[i++];
    }
    i++;
    if (literal) parts.push(literal);
    if (parts.length === 0) return "";
    if (parts.length === 1) return parts[0] as string | Unknown;
    return tpl(...parts);
  };
  return val(value());
}

/** The `jsonencode({…})` given to `attribute` in the resource block `resource "<type>" "<name>"` of a seed text. */
export function seedPolicy(text: string, type: string, name: string, attribute: string): Value {
  const block = text.indexOf(`resource "${type}" "${name}"`);
  if (block < 0) throw new Error(`no resource ${type}.${name} in the seed`);
  const call = new RegExp(`${attribute}\\s*=\\s*jsonencode\\(`, "g");
  call.lastIndex = block;
  const m = call.exec(text);
  if (!m) throw new Error(`no ${attribute} = jsonencode( in ${type}.${name}`);
  return readHclConstructor(text, m.index + m[0].length);
}
