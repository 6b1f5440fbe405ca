/**
 * Data sources phiform evaluates instead of leaving unknown. `aws_iam_policy_document` is pure computation in the
 * AWS provider, so its `json` is built here exactly as the provider would (single values as strings, principals and
 * conditions grouped, source/override documents merged), and encoded as `jsonencode` encodes the equivalent literal:
 * a policy written either way compares equal. Other data sources (`aws_caller_identity`, `aws_region`,
 * `aws_partition`, …) read the world, so their unconfigured attributes are symbolic unknowns naming the instance.
 */
import { collectRefs } from "../hcl/operations.js";
import {
  containsUnknown,
  isObjectValue,
  isUnknown,
  object,
  SetValue,
  Unknown,
  unmark,
  type Value,
} from "../hcl/value.js";
import type { EvaluatedBlock, EvaluatedBody, Tracked } from "./graph.js";

export const policyDocumentType = "aws_iam_policy_document";

/** Encodes a known value as Terraform's jsonencode does. */
export type JsonEncoder = (value: Value) => string;

export interface PolicyDocumentResult {
  /** The document as a value (what `jsondecode(json)` gives). */
  readonly document: Value;
  /** The `json` attribute: a string, or an unknown string whose `encoded` is `document`. */
  readonly json: Value;
  readonly problems: readonly { readonly message: string; readonly tracked: Tracked | null }[];
}

function attr(body: EvaluatedBody, name: string): Value | undefined {
  const t = body.attributes[name];
  return t === undefined ? undefined : t.value;
}

/** A list/set attribute as an array of elements (unknown list → the unknown itself). */
function elements(v: Value | undefined): Value[] | Unknown | undefined {
  if (v === undefined || v === null) return undefined;
  const plain = unmark(v).value;
  if (plain instanceof Unknown) return plain;
  if (Array.isArray(plain)) return plain;
  if (plain instanceof SetValue) return [...plain.items];
  return [plain];
}

/** The provider writes `&{aws:username}` for IAM's `${aws:username}`, which Terraform would interpolate. */
function iamVariables(v: Value): Value {
  return typeof v === "string" && v.includes("&{") ? v.replaceAll("&{", "${") : v;
}

/**
 * The provider's `policyDecodeConfigStringList` over a set attribute: one element → the string itself; several →
 * deduplicated (a set) and sorted in reverse order. Unknown elements go last.
 */
function stringList(values: readonly Value[]): Value {
  const known: string[] = [];
  const unknown: Value[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    if (typeof v === "string") {
      if (!seen.has(v)) {
        seen.add(v);
        known.push(v);
      }
    } else unknown.push(v);
  }
  known.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  const all: Value[] = [...known, ...unknown];
  return all.length === 1 ? (all[0] as Value) : all;
}

function listOrUnknown(v: Value | undefined, replaceVariables: boolean): Value | undefined {
  const items = elements(v);
  if (items === undefined) return undefined;
  if (items instanceof Unknown) return items;
  return stringList(replaceVariables ? items.map(iamVariables) : items);
}

/** `principals` blocks as the provider marshals them: grouped by type, `{"*": "*"}` alone becomes `"*"`. */
function principals(blocks: readonly EvaluatedBlock[] | undefined): Value | undefined {
  if (!blocks || blocks.length === 0) return undefined;
  const byType = new Map<string, Value>();
  for (const block of blocks) {
    const type = unmark(attr(block, "type") ?? null).value;
    if (typeof type !== "string") return type instanceof Unknown ? type : collectUnknown(type);
    const ids = listOrUnknown(attr(block, "identifiers"), true) ?? [];
    if (blocks.length === 1 && type === "*" && ids === "*") return "*";
    const existing = byType.get(type);
    if (existing === undefined) byType.set(type, ids);
    else {
      const before = Array.isArray(existing) ? existing : [existing];
      byType.set(type, [...before, ...(Array.isArray(ids) ? ids : [ids])]);
    }
  }
  const out = object();
  for (const [type, ids] of byType) out[type] = ids;
  return out;
}

/** `condition` blocks: `{test: {variable: values}}`, values concatenated in order, a single value as a string. */
function conditions(blocks: readonly EvaluatedBlock[] | undefined): Value | undefined {
  if (!blocks || blocks.length === 0) return undefined;
  const byTest = new Map<string, Map<string, Value[]>>();
  for (const block of blocks) {
    const test = unmark(attr(block, "test") ?? null).value;
    const variable = unmark(attr(block, "variable") ?? null).value;
    if (typeof test !== "string" || typeof variable !== "string") return collectUnknown(test, variable);
    let vars = byTest.get(test);
    if (!vars) {
      vars = new Map();
      byTest.set(test, vars);
    }
    let values = vars.get(variable);
    if (!values) {
      values = [];
      vars.set(variable, values);
    }
    const items = elements(attr(block, "values"));
    if (items instanceof Unknown) values.push(items);
    else if (items) values.push(...items.map(iamVariables));
  }
  const out = object();
  for (const [test, vars] of byTest) {
    const inner = object();
    for (const [variable, values] of vars) inner[variable] = values.length === 1 ? (values[0] as Value) : values;
    out[test] = inner;
  }
  return out;
}

function collectUnknown(...values: Value[]): Unknown {
  return new Unknown(collectRefs(...values), "any");
}

function statement(block: EvaluatedBlock): Value {
  const out = object();
  const sid = unmark(attr(block, "sid") ?? null).value;
  if (sid !== null && sid !== "") out.Sid = sid;
  const effect = unmark(attr(block, "effect") ?? null).value;
  out.Effect = effect === null || effect === "" ? "Allow" : effect;
  const fields: [string, string, boolean][] = [
    ["actions", "Action", false],
    ["not_actions", "NotAction", false],
    ["resources", "Resource", true],
    ["not_resources", "NotResource", true],
  ];
  for (const [from, to, replaceVariables] of fields) {
    const v = listOrUnknown(attr(block, from), replaceVariables);
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[to] = v;
  }
  const principal = principals(block.blocks.principals);
  if (principal !== undefined) out.Principal = principal;
  const notPrincipal = principals(block.blocks.not_principals);
  if (notPrincipal !== undefined) out.NotPrincipal = notPrincipal;
  const condition = conditions(block.blocks.condition);
  if (condition !== undefined) out.Condition = condition;
  return out;
}

function statementSid(s: Value): string | undefined {
  if (!isObjectValue(s)) return undefined;
  const sid = s.Sid;
  return typeof sid === "string" && sid !== "" ? sid : undefined;
}

/** Adds statements, replacing those with the same Sid in place (the provider's merge rule). */
function mergeStatements(into: Value[], statements: readonly Value[]): void {
  for (const s of statements) {
    const sid = statementSid(s);
    const at = sid === undefined ? -1 : into.findIndex((x) => statementSid(x) === sid);
    if (at >= 0) into[at] = s;
    else into.push(s);
  }
}

/** Statements of a policy JSON string; an Unknown when the string is unknown; an error message when invalid. */
function parseDocumentStatements(v: Value): Value[] | Unknown | string {
  const plain = unmark(v).value;
  if (plain instanceof Unknown) {
    if (plain.encoded !== undefined && isObjectValue(plain.encoded)) {
      const st = plain.encoded.Statement;
      if (Array.isArray(st)) return st;
    }
    return plain;
  }
  if (typeof plain !== "string") return "a policy document must be a JSON string";
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain);
  } catch (e) {
    return `invalid JSON: ${(e as Error).message}`;
  }
  const doc = jsonToValue(parsed);
  if (!isObjectValue(doc)) return "a policy document must be a JSON object";
  const st = doc.Statement;
  if (st === undefined || st === null) return [];
  return Array.isArray(st) ? st : [st];
}

export function jsonToValue(v: unknown): Value {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(jsonToValue);
  const out = object();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = jsonToValue(x);
  return out;
}

/** Evaluates an `aws_iam_policy_document` body into the document and its `json` attribute. */
export function policyDocument(body: EvaluatedBody, encode: JsonEncoder): PolicyDocumentResult {
  const problems: { message: string; tracked: Tracked | null }[] = [];
  const statements: Value[] = [];
  let unknownSource: Unknown | undefined;
  const merge = (name: string): void => {
    const t = body.attributes[name];
    if (!t) return;
    const docs = elements(t.value);
    if (docs instanceof Unknown) {
      unknownSource = docs;
      return;
    }
    for (const d of docs ?? []) {
      const parsed = parseDocumentStatements(d);
      if (typeof parsed === "string") problems.push({ message: `${name}: ${parsed}`, tracked: t });
      else if (parsed instanceof Unknown) unknownSource = parsed;
      else mergeStatements(statements, parsed);
    }
  };
  merge("source_policy_documents");
  mergeStatements(statements, (body.blocks.statement ?? []).map(statement));
  merge("override_policy_documents");

  const doc = object();
  const version = unmark(attr(body, "version") ?? null).value;
  doc.Version = version === null ? "2012-10-17" : version;
  const id = unmark(attr(body, "policy_id") ?? null).value;
  if (id !== null) doc.Id = id;
  if (statements.length > 0) doc.Statement = statements;

  if (unknownSource || containsUnknown(doc)) {
    const refs = collectRefs(doc, ...(unknownSource ? [unknownSource] : []));
    return { document: doc, json: new Unknown(refs, "string", undefined, doc), problems };
  }
  return { document: doc, json: encode(doc), problems };
}

/** Terraform's `jsonencode` of a known, unmarked value: compact, object keys sorted, `<>&` escaped as Go does. */
export function encodeJson(v: Value): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Number.isFinite(v) ? JSON.stringify(v) : "null";
  if (typeof v === "string") return goString(v);
  if (Array.isArray(v)) return `[${v.map(encodeJson).join(",")}]`;
  if (v instanceof SetValue) return `[${v.items.map(encodeJson).join(",")}]`;
  if (isUnknown(v)) throw new Error("encodeJson: unknown value");
  if (isObjectValue(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${goString(k)}:${encodeJson(v[k] as Value)}`)
      .join(",")}}`;
  }
  return encodeJson(unmark(v).value);
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
