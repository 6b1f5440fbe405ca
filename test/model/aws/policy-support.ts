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
