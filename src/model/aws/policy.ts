/**
 * IAM policy documents (identity policies, bucket/key/topic policies, trust policies) normalised from a phiform
 * `Value` or a JSON string into one typed shape, with a source range on every statement and condition.
 *
 * What is known only after apply stays symbolic: a string built from text and unknowns is kept as the `Unknown`
 * (with its `refs` and `parts`), so `"${aws_s3_bucket.phi.arn}/*"` can still be recognised as "the objects of
 * aws_s3_bucket.phi" by `policy-analysis.ts`. Anything whose very shape is unknown (a whole document, a statement,
 * a condition block) becomes an *opaque* statement: the analysis then answers "unknown", never "no".
 */

import { type Diagnostic, error, warning } from "../../hcl/diagnostic.js";
import type { Range } from "../../hcl/range.js";
import {
  isObjectValue,
  type ObjectValue,
  object,
  type Reference,
  SetValue,
  Unknown,
  unmark,
  type Value,
} from "../../hcl/value.js";

/** A string in a policy: known text, or an `Unknown` (possibly with `parts` mixing text and unknowns). */
export type PolicyString = string | Unknown;

/** A JSON path inside the policy document, e.g. `["Statement", 2, "Condition", "Bool"]`. */
export type PolicyPath = readonly (string | number)[];

/** Maps a JSON path of the document to its source range; provided by the adapter that knows where the policy came from. */
export type Locate = (path: PolicyPath) => Range | undefined;

/** A problem in a policy document: a located diagnostic (processing continues). */
export type PolicyProblem = Diagnostic;

export type Effect = "Allow" | "Deny";

/** `"*"` is the bare `Principal: "*"`; `"unknown"` stands for a principal whose shape is known only after apply. */
export type PrincipalType = "*" | "AWS" | "Service" | "Federated" | "CanonicalUser" | "unknown";

export interface PrincipalEntry {
  readonly type: PrincipalType;
  readonly value: PolicyString;
}

export type ConditionValue = PolicyString | boolean | number;

/** The condition operators AWS defines, without the `IfExists` suffix and the set prefixes. */
export const CONDITION_OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "BinaryEquals",
  "IpAddress",
  "NotIpAddress",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "Null",
] as const;

export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export type SetQuantifier = "ForAnyValue" | "ForAllValues";

/** One `operator → key → values` entry of a Condition block. */
export interface Condition {
  /** As written, e.g. `"ForAnyValue:StringLikeIfExists"`. */
  readonly operator: string;
  /** The operator AWS would apply; undefined when the name is not one AWS knows (reported as a problem). */
  readonly base: ConditionOperator | undefined;
  readonly ifExists: boolean;
  readonly quantifier: SetQuantifier | undefined;
  /** The condition key as written; AWS compares keys case-insensitively, so match on `keyLower`. */
  readonly key: string;
  readonly keyLower: string;
  /** Alternatives: the condition holds when the request matches any of them (all of them for negated operators). */
  readonly values: readonly ConditionValue[];
  readonly range: Range;
}

export interface PolicyStatement {
  /** Position in the Statement list (0 when Statement is a single object). */
  readonly index: number;
  /** JSON path of the statement: `["Statement", i]`, or `["Statement"]` for a single object. */
  readonly path: PolicyPath;
  readonly range: Range;
  readonly sid: PolicyString | undefined;
  /** Unknown when not known before apply, or missing/invalid (reported): either way it may be an Allow or a Deny. */
  readonly effect: Effect | Unknown;
  /** Undefined when the element is absent (identity policies have no Principal). */
  readonly principal: readonly PrincipalEntry[] | undefined;
  readonly notPrincipal: readonly PrincipalEntry[] | undefined;
  /** An `Unknown` element stands for zero or more strings not known before apply. */
  readonly action: readonly PolicyString[] | undefined;
  readonly notAction: readonly PolicyString[] | undefined;
  /** Both undefined: the statement names no resource (a trust policy, or the resource the policy is attached to). */
  readonly resource: readonly PolicyString[] | undefined;
  readonly notResource: readonly PolicyString[] | undefined;
  readonly conditions: readonly Condition[];
  /** Set when part of the Condition block is unknown in shape (not just in value): the conditions are incomplete. */
  readonly opaqueCondition: Unknown | undefined;
  /** True for a stand-in for a statement (or statements) whose whole shape is unknown or invalid. */
  readonly opaque: boolean;
}

export interface PolicyDocument {
  readonly version: PolicyString | undefined;
  readonly id: PolicyString | undefined;
  readonly statements: readonly PolicyStatement[];
  readonly range: Range;
}

export interface NormalisedPolicy {
  /** Undefined when the document cannot be read at all (malformed JSON, not an object); `problems` says why. */
  readonly policy: PolicyDocument | undefined;
  readonly problems: readonly PolicyProblem[];
}

export const POLICY_VERSIONS = ["2012-10-17", "2008-10-17"] as const;

const DOCUMENT_ELEMENTS = new Set(["Version", "Id", "Statement"]);
const STATEMENT_ELEMENTS = new Set([
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
]);
const PRINCIPAL_TYPES = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);
const OPERATORS_BY_LOWER = new Map<string, ConditionOperator>(CONDITION_OPERATORS.map((op) => [op.toLowerCase(), op]));

/**
 * Normalises a policy document given as a `Value` (object, JSON string, or unknown) into a `PolicyDocument`.
 * `range` is the whole policy's range; `locate` maps JSON paths to narrower ranges when the adapter knows them.
 */
export function normalisePolicy(input: Value, range: Range, locate?: Locate): NormalisedPolicy {
  return new Normaliser(range, locate).run(input);
}

/** The pieces of a policy string: `[text]`, the parts of a template, or `[unknown]`. */
export function stringParts(s: PolicyString): readonly (string | Unknown)[] {
  if (typeof s === "string") return [s];
  return s.parts ? flattenParts(s.parts) : [s];
}

/** Text of a policy string for messages: unknown pieces are written `${address.path}` (or `(known after apply)`). */
export function policyStringText(s: PolicyString): string {
  return stringParts(s)
    .map((part) => (typeof part === "string" ? part : unknownText(part)))
    .join("");
}

function unknownText(u: Unknown): string {
  if (u.parts) return policyStringText(u);
  const ref = u.refs.length === 1 ? u.refs[0] : undefined;
  if (!ref) return "(known after apply)";
  const path = ref.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("");
  return `\${${ref.address}${path}}`;
}

function flattenParts(parts: readonly (string | Unknown)[]): (string | Unknown)[] {
  const out: (string | Unknown)[] = [];
  for (const part of parts) {
    if (typeof part !== "string" && part.parts) out.push(...flattenParts(part.parts));
    else if (typeof part === "string" && typeof out[out.length - 1] === "string") out[out.length - 1] += part;
    else out.push(part);
  }
  return out;
}

class Normaliser {
  readonly problems: PolicyProblem[] = [];

  constructor(
    readonly range: Range,
    readonly locate: Locate | undefined,
  ) {}

  /** The range of a path, or of its nearest located ancestor, or the whole policy. */
  at(path: PolicyPath): Range {
    if (this.locate) {
      for (let n = path.length; n >= 0; n--) {
        const found = this.locate(path.slice(0, n));
        if (found) return found;
      }
    }
    return this.range;
  }

  error(path: PolicyPath, summary: string, detail: string): void {
    this.problems.push(error(summary, detail, this.at(path)));
  }

  warn(path: PolicyPath, summary: string, detail: string): void {
    this.problems.push(warning(summary, detail, this.at(path)));
  }

  run(input: Value): NormalisedPolicy {
    const document = this.readDocument(unmark(input).value);
    return { policy: document, problems: this.problems };
  }

  readDocument(value: Value): PolicyDocument | undefined {
    if (typeof value === "string") {
      const parsed = parseJson(value);
      if ("message" in parsed) {
        this.error([], "Malformed policy JSON", `The policy is not valid JSON: ${parsed.message}.`);
        return undefined;
      }
      return this.readDocument(parsed.value);
    }
    if (value instanceof Unknown) {
      if (value.encoded !== undefined) return this.readDocument(unmark(value.encoded).value);
      if (value.parts) {
        const parsed = parseJsonTemplate(value.parts);
        if ("message" in parsed) {
          this.error([], "Malformed policy JSON", `The policy is not valid JSON: ${parsed.message}.`);
          return undefined;
        }
        return this.readDocument(parsed.value);
      }
      return {
        version: undefined,
        id: undefined,
        statements: [opaqueStatement(value, 0, [], this.range)],
        range: this.range,
      };
    }
    if (!isObjectValue(value)) {
      this.error([], "Invalid policy document", `A policy document must be a JSON object, not ${describeKind(value)}.`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!DOCUMENT_ELEMENTS.has(key)) {
        this.error([key], "Unknown policy element", `"${key}" is not a policy element (Version, Id, Statement).`);
      }
    }
    const version = this.readVersion(value.Version);
    const id = this.readOptionalString(value.Id, ["Id"], "Id");
    return { version, id, statements: this.readStatements(value), range: this.range };
  }

  readVersion(value: Value | undefined): PolicyString | undefined {
    if (value === undefined) return undefined;
    if (value instanceof Unknown) return value;
    if (typeof value === "string" && (POLICY_VERSIONS as readonly string[]).includes(value)) return value;
    this.error(["Version"], "Invalid policy version", `Version must be "2012-10-17" or "2008-10-17".`);
    return typeof value === "string" ? value : undefined;
  }

  readOptionalString(value: Value | undefined, path: PolicyPath, element: string): PolicyString | undefined {
    if (value === undefined) return undefined;
    if (typeof value === "string" || value instanceof Unknown) return value;
    this.error(path, `Invalid ${element}`, `${element} must be a string, not ${describeKind(value)}.`);
    return undefined;
  }

  readStatements(document: ObjectValue): PolicyStatement[] {
    const value = document.Statement;
    if (value === undefined) {
      this.error([], "Policy has no Statement", "A policy document needs a Statement element.");
      return [];
    }
    if (Array.isArray(value) || value instanceof SetValue) {
      const items = Array.isArray(value) ? value : value.items;
      if (items.length === 0) this.warn(["Statement"], "Empty Statement list", "The policy grants and denies nothing.");
      const statements = items.map((item, index) => this.readStatement(item, index, ["Statement", index]));
      this.checkSids(statements);
      return statements;
    }
    return [this.readStatement(value, 0, ["Statement"])];
  }

  /** AWS rejects some policy types (bucket, key, topic policies) whose statement ids repeat. */
  checkSids(statements: readonly PolicyStatement[]): void {
    const seen = new Set<string>();
    for (const stmt of statements) {
      if (typeof stmt.sid !== "string") continue;
      if (seen.has(stmt.sid)) {
        this.warn([...stmt.path, "Sid"], "Duplicate Sid", `Another statement already has Sid "${stmt.sid}".`);
      }
      seen.add(stmt.sid);
    }
  }

  readStatement(value: Value, index: number, path: PolicyPath): PolicyStatement {
    const range = this.at(path);
    if (value instanceof Unknown) {
      if (value.encoded !== undefined) return this.readStatement(unmark(value.encoded).value, index, path);
      return opaqueStatement(value, index, path, range);
    }
    if (!isObjectValue(value)) {
      this.error(path, "Invalid statement", `A statement must be a JSON object, not ${describeKind(value)}.`);
      return opaqueStatement(new Unknown(), index, path, range);
    }
    for (const key of Object.keys(value)) {
      if (!STATEMENT_ELEMENTS.has(key)) {
        this.error([...path, key], "Unknown statement element", `"${key}" is not a statement element.`);
      }
    }
    const sid = this.readOptionalString(value.Sid, [...path, "Sid"], "Sid");
    const effect = this.readEffect(value.Effect, path);
    const principal = this.readPrincipal(value.Principal, [...path, "Principal"]);
    const notPrincipal = this.readPrincipal(value.NotPrincipal, [...path, "NotPrincipal"]);
    if (principal && notPrincipal) {
      this.error(path, "Conflicting principal elements", "A statement cannot have both Principal and NotPrincipal.");
    }
    let action = this.readStringList(value.Action, [...path, "Action"], "Action");
    const notAction = this.readStringList(value.NotAction, [...path, "NotAction"], "NotAction");
    if (action && notAction) {
      this.error(path, "Conflicting action elements", "A statement cannot have both Action and NotAction.");
    } else if (!action && !notAction) {
      this.error(path, "Statement has no Action", "A statement needs an Action or NotAction element.");
      action = [new Unknown([], "string")];
    }
    const resource = this.readStringList(value.Resource, [...path, "Resource"], "Resource");
    const notResource = this.readStringList(value.NotResource, [...path, "NotResource"], "NotResource");
    if (resource && notResource) {
      this.error(path, "Conflicting resource elements", "A statement cannot have both Resource and NotResource.");
    }
    const { conditions, opaque } = this.readConditions(value.Condition, [...path, "Condition"]);
    return {
      index,
      path,
      range,
      sid,
      effect,
      principal,
      notPrincipal,
      action,
      notAction,
      resource,
      notResource,
      conditions,
      opaqueCondition: opaque,
      opaque: false,
    };
  }

  readEffect(value: Value | undefined, path: PolicyPath): Effect | Unknown {
    if (value === "Allow" || value === "Deny") return value;
    if (value instanceof Unknown) return value;
    if (value === undefined) {
      this.error(path, "Statement has no Effect", 'A statement needs Effect "Allow" or "Deny".');
    } else {
      this.error([...path, "Effect"], "Invalid Effect", 'Effect must be "Allow" or "Deny" (case-sensitive).');
    }
    return new Unknown([], "string");
  }

  /** A string or list of strings; an unknown list becomes one unknown element (zero or more strings). */
  readStringList(value: Value | undefined, path: PolicyPath, element: string): PolicyString[] | undefined {
    if (value === undefined) return undefined;
    if (typeof value === "string" || value instanceof Unknown) return [value];
    if (Array.isArray(value) || value instanceof SetValue) {
      const items = Array.isArray(value) ? value : value.items;
      if (items.length === 0) this.warn(path, `Empty ${element} list`, `An empty ${element} list matches nothing.`);
      return items.map((item, i) => {
        if (typeof item === "string" || item instanceof Unknown) return item;
        this.error(
          [...path, i],
          `Invalid ${element} entry`,
          `${element} entries must be strings, not ${describeKind(item)}.`,
        );
        return new Unknown([], "string");
      });
    }
    this.error(
      path,
      `Invalid ${element}`,
      `${element} must be a string or a list of strings, not ${describeKind(value)}.`,
    );
    return [new Unknown([], "string")];
  }

  readPrincipal(value: Value | undefined, path: PolicyPath): PrincipalEntry[] | undefined {
    if (value === undefined) return undefined;
    if (value === "*") return [{ type: "*", value: "*" }];
    if (value instanceof Unknown) return [{ type: "unknown", value }];
    if (!isObjectValue(value)) {
      this.error(path, "Invalid principal", 'A principal must be "*" or an object such as {"AWS": [...]}.');
      return [{ type: "unknown", value: new Unknown([], "string") }];
    }
    const entries: PrincipalEntry[] = [];
    const keys = Object.keys(value);
    if (keys.length === 0) this.error(path, "Empty principal", "The principal object names no principal.");
    for (const key of keys) {
      const list = this.readStringList(value[key], [...path, key], `Principal ${key}`) ?? [];
      if (!PRINCIPAL_TYPES.has(key)) {
        this.error(
          [...path, key],
          "Unknown principal type",
          `"${key}" is not AWS, Service, Federated or CanonicalUser.`,
        );
        entries.push({ type: "unknown", value: new Unknown([], "string") });
        continue;
      }
      for (const item of list) entries.push({ type: key as PrincipalType, value: item });
    }
    return entries;
  }

  readConditions(value: Value | undefined, path: PolicyPath): { conditions: Condition[]; opaque: Unknown | undefined } {
    const conditions: Condition[] = [];
    if (value === undefined) return { conditions, opaque: undefined };
    if (value instanceof Unknown) return { conditions, opaque: value };
    if (!isObjectValue(value)) {
      this.error(path, "Invalid Condition", `Condition must be an object of operators, not ${describeKind(value)}.`);
      return { conditions, opaque: new Unknown() };
    }
    let opaque: Unknown | undefined;
    for (const operator of Object.keys(value)) {
      const opPath = [...path, operator];
      const parsed = parseOperator(operator);
      if (!parsed.base) {
        this.error(opPath, "Unknown condition operator", `"${operator}" is not a condition operator AWS defines.`);
      } else if (parsed.base === "Null" && parsed.ifExists) {
        this.error(opPath, "Invalid condition operator", "The Null operator cannot take the IfExists suffix.");
      }
      const keys = value[operator] as Value;
      if (keys instanceof Unknown) {
        opaque = keys;
        continue;
      }
      if (!isObjectValue(keys)) {
        this.error(opPath, "Invalid condition", `"${operator}" must map condition keys to values.`);
        opaque = new Unknown();
        continue;
      }
      for (const key of Object.keys(keys)) {
        const keyPath = [...opPath, key];
        conditions.push({
          operator,
          base: parsed.base,
          ifExists: parsed.ifExists,
          quantifier: parsed.quantifier,
          key,
          keyLower: key.toLowerCase(),
          values: this.readConditionValues(keys[key] as Value, keyPath),
          range: this.at(keyPath),
        });
      }
    }
    return { conditions, opaque };
  }

  readConditionValues(value: Value, path: PolicyPath): ConditionValue[] {
    const one = (item: Value, itemPath: PolicyPath): ConditionValue => {
      if (typeof item === "string" || typeof item === "boolean" || typeof item === "number") return item;
      if (item instanceof Unknown) return item;
      this.error(
        itemPath,
        "Invalid condition value",
        `Condition values must be strings, numbers or booleans, not ${describeKind(item)}.`,
      );
      return new Unknown();
    };
    if (Array.isArray(value) || value instanceof SetValue) {
      const items = Array.isArray(value) ? value : value.items;
      if (items.length === 0) this.warn(path, "Empty condition values", "A condition with no values never matches.");
      return items.map((item, i) => one(item, [...path, i]));
    }
    return [one(value, path)];
  }
}

function opaqueStatement(value: Unknown, index: number, path: PolicyPath, range: Range): PolicyStatement {
  return {
    index,
    path,
    range,
    sid: undefined,
    effect: value,
    principal: [{ type: "unknown", value }],
    notPrincipal: undefined,
    action: [value],
    notAction: undefined,
    resource: [value],
    notResource: undefined,
    conditions: [],
    opaqueCondition: value,
    opaque: true,
  };
}

/** Splits `ForAnyValue:StringLikeIfExists` into its quantifier, operator and IfExists flag (case-insensitively). */
export function parseOperator(name: string): {
  base: ConditionOperator | undefined;
  ifExists: boolean;
  quantifier: SetQuantifier | undefined;
} {
  let rest = name;
  let quantifier: SetQuantifier | undefined;
  const lower = rest.toLowerCase();
  if (lower.startsWith("foranyvalue:")) {
    quantifier = "ForAnyValue";
    rest = rest.slice("ForAnyValue:".length);
  } else if (lower.startsWith("forallvalues:")) {
    quantifier = "ForAllValues";
    rest = rest.slice("ForAllValues:".length);
  }
  let base = OPERATORS_BY_LOWER.get(rest.toLowerCase());
  let ifExists = false;
  if (!base && rest.toLowerCase().endsWith("ifexists")) {
    base = OPERATORS_BY_LOWER.get(rest.slice(0, -"IfExists".length).toLowerCase());
    ifExists = base !== undefined;
  }
  return { base, ifExists, quantifier };
}

function describeKind(value: Value): string {
  if (value === null) return "null";
  if (Array.isArray(value) || value instanceof SetValue) return "a list";
  if (isObjectValue(value)) return "an object";
  return `a ${typeof value}`;
}

// --- JSON ---------------------------------------------------------------------------------------------------------

type Parsed = { value: Value } | { message: string };

function parseJson(text: string): Parsed {
  try {
    return { value: fromJson(JSON.parse(text)) };
  } catch (e) {
    return { message: (e as Error).message };
  }
}

function fromJson(json: unknown): Value {
  if (json === null || typeof json === "string" || typeof json === "number" || typeof json === "boolean") return json;
  if (Array.isArray(json)) return json.map(fromJson);
  return object(Object.entries(json as Record<string, unknown>).map(([k, v]) => [k, fromJson(v)] as const));
}

// Private-use characters mark where an unknown was interpolated into the JSON text.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const SENTINEL = /\uE000(\d+)\uE001/g;

/**
 * Parses JSON written as a template with interpolated unknowns (a heredoc with `${aws_s3_bucket.b.arn}` inside).
 * An unknown inside a JSON string becomes part of that string; one in value position becomes the value itself.
 */
function parseJsonTemplate(parts: readonly (string | Unknown)[]): Parsed {
  const unknowns: Unknown[] = [];
  const valuePositions = new Set<number>();
  let text = "";
  let inString = false;
  let escaped = false;
  for (const part of flattenParts(parts)) {
    if (typeof part === "string") {
      if (part.includes(OPEN) || part.includes(CLOSE))
        return { message: "it contains reserved characters U+E000/U+E001" };
      for (const ch of part) {
        if (escaped) escaped = false;
        else if (ch === "\\" && inString) escaped = true;
        else if (ch === '"') inString = !inString;
      }
      text += part;
    } else {
      const marker = `${OPEN}${unknowns.length}${CLOSE}`;
      if (!inString) valuePositions.add(unknowns.length);
      unknowns.push(part);
      text += inString ? marker : `"${marker}"`;
    }
  }
  const parsed = parseJson(text);
  if ("message" in parsed) return parsed;
  try {
    return { value: revive(parsed.value, { unknowns, valuePositions }) };
  } catch (e) {
    // Only a nesting too deep for the stack gets here.
    return { message: (e as Error).message };
  }
}

interface Interpolations {
  readonly unknowns: readonly Unknown[];
  /** Indexes of the unknowns interpolated where a JSON value (not text inside a string) was expected. */
  readonly valuePositions: ReadonlySet<number>;
}

function revive(value: Value, found: Interpolations): Value {
  if (typeof value === "string") return reviveString(value, found);
  if (Array.isArray(value)) return value.map((v) => revive(v, found));
  if (isObjectValue(value)) {
    const keyUnknowns: Reference[] = [];
    for (const key of Object.keys(value)) {
      const revived = reviveString(key, found);
      if (revived instanceof Unknown) keyUnknowns.push(...revived.refs);
    }
    // A key known only after apply makes the whole object's shape unknown.
    if (keyUnknowns.length > 0) return new Unknown(keyUnknowns, "map");
    return object(Object.keys(value).map((k) => [k, revive(value[k] as Value, found)] as const));
  }
  return value;
}

function reviveString(s: string, found: Interpolations): Value {
  if (!s.includes(OPEN)) return s;
  const parts: (string | Unknown)[] = [];
  let last = 0;
  for (const m of s.matchAll(SENTINEL)) {
    const n = Number(m[1]);
    const u = found.unknowns[n] as Unknown;
    // `"Statement": ${jsonencode(local.statements)}`: the JSON text is the encoded value itself.
    if (found.valuePositions.has(n)) return u.encoded !== undefined ? u.encoded : u;
    if (m.index > last) parts.push(s.slice(last, m.index));
    parts.push(u);
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push(s.slice(last));
  if (parts.length === 1 && parts[0] instanceof Unknown) return parts[0];
  const refs = parts.flatMap((p) => (p instanceof Unknown ? p.refs : []));
  return new Unknown(refs, "string", parts);
}
