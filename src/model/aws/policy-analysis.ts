/**
 * Questions the rules ask of IAM policy documents, answered in three values: "yes", "no", or "unknown" when a value
 * known only after apply (or an invalid element) could decide it. An unknown is never turned into "no"/"yes" that
 * would let a check pass.
 *
 * Semantics, as AWS evaluates a request: an explicit Deny wins, otherwise an Allow grants, otherwise implicit deny.
 * Queries ask about *some* request ("is there a request for this action/resource/principal that is allowed?"):
 * condition keys the query does not fix are assumed to be chosen by the requester, so an Allow's conditions on them
 * can be met and a Deny's conditions on them can be avoided. A Deny therefore blocks a query only when it covers every
 * request of it: all principals, all actions and all resources the query stands for, under every condition value.
 *
 * Patterns (Action, Resource, condition values) are matched with IAM wildcards `*` and `?`; actions and condition keys
 * case-insensitively, ARNs case-sensitively. Policy variables (`${aws:username}`) and unknown parts are unknown text.
 */

import type { Range } from "../../hcl/range.js";
import { type Reference, Unknown } from "../../hcl/value.js";
import {
  type Condition,
  type ConditionOperator,
  type ConditionValue,
  type PolicyDocument,
  type PolicyStatement,
  type PolicyString,
  type PrincipalEntry,
  policyStringText,
  stringParts,
} from "./policy.js";

export type Tri = "yes" | "no" | "unknown";

// Internally: 0 = no, 1 = unknown, 2 = yes, so that `or` is max, `and` is min and `not` is 2 - t.
type T = 0 | 1 | 2;
const NO: T = 0;
const UNKNOWN: T = 1;
const YES: T = 2;
const TRI: readonly Tri[] = ["no", "unknown", "yes"];
const not = (t: T): T => (2 - t) as T;
const and = (a: T, b: T): T => (a < b ? a : b);
const or = (a: T, b: T): T => (a > b ? a : b);

// --- Tokens -------------------------------------------------------------------------------------------------------

/** A name known only after apply but known to be the same wherever it occurs (a bucket's name, the account id). */
export class SymbolicName {
  constructor(readonly name: string) {}
}

const STAR = Symbol("*");
const QMARK = Symbol("?");
/** Text not known before apply (an unknown part, a policy variable): could be anything. */
const OPAQUE = Symbol("opaque");
/** Text known to differ from what it is compared with (another resource's ARN or name). */
const NEVER = Symbol("never");
/** In a subject: any text; "some" queries pick it, "all" queries must cover every choice. */
const ANY = Symbol("any");

type PatternToken = string | SymbolicName | typeof STAR | typeof QMARK | typeof OPAQUE | typeof NEVER;
type SubjectToken = string | SymbolicName | typeof ANY;

const REGION = new SymbolicName("region");
const ACCOUNT = new SymbolicName("account");

const MAX_MATCH_LENGTH = 4096;

/** "some": does the pattern match at least one instance of the subject; "all": every instance. */
export type Quantifier = "some" | "all";

/** Three-valued glob match of a pattern against a subject (see `Quantifier` for ANY in the subject). */
function matchTokens(p: readonly PatternToken[], s: readonly SubjectToken[], q: Quantifier): T {
  const text = plainText(s);
  if (text !== undefined) {
    const shape = shapeOf(p);
    if (shape.plain !== undefined) return shape.plain === text ? YES : NO;
    if (shape.prefix !== undefined) return text.startsWith(shape.prefix) ? YES : NO;
  }
  // A common literal prefix matches one way only.
  let start = 0;
  while (start < p.length && start < s.length && typeof p[start] === "string" && typeof s[start] === "string") {
    if (p[start] !== s[start]) return NO;
    start++;
  }
  if ((start === s.length && typeof p[start] === "string") || (start === p.length && typeof s[start] === "string"))
    return NO;
  // IAM caps ARNs at 2048 characters; longer text is not matched (the recursion below is as deep as p + s).
  if (p.length + s.length - 2 * start > MAX_MATCH_LENGTH) return UNKNOWN;
  const width = s.length + 1;
  const memo = new Int8Array((p.length + 1) * width).fill(-1);
  const go = (i: number, j: number): T => {
    const cell = i * width + j;
    const cached = memo[cell] as number;
    if (cached >= 0) return cached as T;
    const result = step(i, j);
    memo[cell] = result;
    return result;
  };
  // Pattern tokens i..k-1 (k > i, or k >= i when the run may be empty) are absorbed by one subject token.
  const absorb = (i: number, j: number, minLength: number, cap: T): T => {
    let best: T = NO;
    for (let k = i + minLength; k <= p.length; k++) {
      if (k > i && p[k - 1] === NEVER) break;
      best = or(best, and(cap, go(k, j + 1)));
      if (best === cap) break;
    }
    return best;
  };
  const step = (i: number, j: number): T => {
    if (i === p.length) {
      if (j === s.length) return YES;
      return q === "some" && s.slice(j).every((t) => t === ANY) ? YES : NO;
    }
    const pt = p[i] as PatternToken;
    if (pt === STAR) return j === s.length ? go(i + 1, j) : or(go(i + 1, j), go(i, j + 1));
    if (pt === NEVER) return NO;
    if (pt === OPAQUE) {
      let best: T = NO;
      for (let k = j; k <= s.length && best !== UNKNOWN; k++) best = or(best, and(UNKNOWN, go(i + 1, k)));
      return best;
    }
    if (j === s.length) return NO;
    const st = s[j] as SubjectToken;
    if (st === ANY) return q === "some" ? absorb(i, j, 0, YES) : NO;
    if (pt instanceof SymbolicName) {
      if (st instanceof SymbolicName && st.name === pt.name) return go(i + 1, j + 1);
      let best: T = NO;
      for (let k = j + 1; k <= s.length && best !== UNKNOWN; k++) best = or(best, and(UNKNOWN, go(i + 1, k)));
      return best;
    }
    if (st instanceof SymbolicName) return absorb(i, j, 1, UNKNOWN);
    if (pt === QMARK || pt === st) return go(i + 1, j + 1);
    return NO;
  };
  return go(start, start);
}

interface PatternShape {
  /** The whole pattern is this text. */
  readonly plain: string | undefined;
  /** The pattern is this text followed by one `*` (the commonest IAM pattern). */
  readonly prefix: string | undefined;
}

const shapes = new WeakMap<readonly PatternToken[], PatternShape>();

function shapeOf(p: readonly PatternToken[]): PatternShape {
  let shape = shapes.get(p);
  if (!shape) {
    const plain = plainText(p);
    const head = p.slice(0, -1);
    const prefix = p[p.length - 1] === STAR && head.every((t) => typeof t === "string") ? head.join("") : undefined;
    shape = { plain, prefix };
    shapes.set(p, shape);
  }
  return shape;
}

const plainTexts = new WeakMap<readonly unknown[], string | null>();

/** The text of a token list made only of characters (no wildcard, symbol or unknown), cached per list. */
function plainText(tokens: readonly (PatternToken | SubjectToken)[]): string | undefined {
  let text = plainTexts.get(tokens);
  if (text === undefined) {
    text = tokens.every((t) => typeof t === "string") ? tokens.join("") : null;
    plainTexts.set(tokens, text);
  }
  return text ?? undefined;
}

// --- Resource identities and subjects -----------------------------------------------------------------------------

/** A resource a query is about: its Terraform address (to recognise symbolic ARNs) and what is known of it. */
export interface ResourceIdentity {
  /** Full address of the instance, e.g. `module.phi.aws_s3_bucket.this["a"]`. */
  readonly address?: string;
  /** The bucket name or KMS key id, when known before apply. */
  readonly name?: string;
  /** The ARN, when known before apply. */
  readonly arn?: string;
}

/** What a query asks about, built by `arnSubject`, `bucketSubject`, `bucketObjectsSubject` or `keySubject`. */
export interface ResourceSubject {
  /** For messages, e.g. `objects of aws_s3_bucket.phi`. */
  readonly description: string;
  readonly tokens: readonly SubjectToken[];
  /** The resource's address and how its attributes read as text, to resolve references in patterns. */
  readonly address: string | undefined;
  readonly resourceType: string | undefined;
  readonly attributes: ReadonlyMap<string, readonly SubjectToken[]>;
}

const chars = (text: string): string[] => [...text];

/** A subject given as ARN text; `*` in it stands for any text (`arn:aws:s3:::b/*`: every object of b). */
export function arnSubject(arn: string): ResourceSubject {
  return {
    description: arn,
    tokens: chars(arn).map((c) => (c === "*" ? ANY : c)),
    address: undefined,
    resourceType: undefined,
    attributes: new Map(),
  };
}

function nameTokens(id: ResourceIdentity, attribute: string): SubjectToken[] {
  if (id.name !== undefined) return chars(id.name);
  return [new SymbolicName(`${id.address ?? "(resource)"}.${attribute}`)];
}

/** The ARN of an S3 bucket (`arn:aws:s3:::name`). */
export function bucketSubject(bucket: ResourceIdentity): ResourceSubject {
  const name = nameTokens(bucket, "bucket");
  const arn = bucket.arn !== undefined ? chars(bucket.arn) : [...chars("arn:aws:s3:::"), ...name];
  return identitySubject(bucket, `bucket ${describeIdentity(bucket)}`, arn, [
    ["arn", arn],
    ["id", name],
    ["bucket", name],
  ]);
}

/** Objects of an S3 bucket (`arn:aws:s3:::name/key`); `key` defaults to `*`, every object. */
export function bucketObjectsSubject(bucket: ResourceIdentity, key = "*"): ResourceSubject {
  const base = bucketSubject(bucket);
  const arn = base.attributes.get("arn") ?? [];
  const keyTokens = chars(key).map((c) => (c === "*" ? ANY : c));
  const description =
    key === "*" ? `objects of ${describeIdentity(bucket)}` : `object ${key} of ${describeIdentity(bucket)}`;
  return { ...base, description, tokens: [...arn, "/", ...keyTokens] };
}

/** The ARN of a KMS key (`arn:aws:kms:region:account:key/id`). */
export function keySubject(key: ResourceIdentity): ResourceSubject {
  const id = nameTokens(key, "key_id");
  const arn =
    key.arn !== undefined ? chars(key.arn) : [...chars("arn:aws:kms:"), REGION, ":", ACCOUNT, ...chars(":key/"), ...id];
  return identitySubject(key, `key ${describeIdentity(key)}`, arn, [
    ["arn", arn],
    ["id", id],
    ["key_id", id],
  ]);
}

/** Any other resource, by its ARN (known, or symbolic through its address). */
export function resourceSubject(resource: ResourceIdentity): ResourceSubject {
  const arn =
    resource.arn !== undefined ? chars(resource.arn) : [new SymbolicName(`${resource.address ?? "(resource)"}.arn`)];
  return identitySubject(resource, describeIdentity(resource), arn, [["arn", arn]]);
}

function identitySubject(
  id: ResourceIdentity,
  description: string,
  tokens: SubjectToken[],
  attributes: [string, SubjectToken[]][],
): ResourceSubject {
  return {
    description,
    tokens,
    address: id.address,
    resourceType: id.address !== undefined ? parseAddress(id.address)?.type : undefined,
    attributes: new Map(attributes),
  };
}

function describeIdentity(id: ResourceIdentity): string {
  return id.address ?? id.arn ?? id.name ?? "(resource)";
}

/** Reference roots that are not resources (`var.x`, `local.y`, …). */
const NON_RESOURCE_ROOTS = new Set(["var", "local", "each", "count", "path", "terraform", "self", "module"]);

interface ParsedAddress {
  readonly data: boolean;
  readonly type: string;
  readonly name: string;
}

const parsedAddresses = new Map<string, ParsedAddress | null>();

/** `module.a["x"].data.aws_s3_bucket.b[0]` → `{ data: true, type: "aws_s3_bucket", name: "b" }`. */
export function parseAddress(address: string): ParsedAddress | undefined {
  return remember(parsedAddresses, address, () => readAddress(address) ?? null) ?? undefined;
}

function readAddress(address: string): ParsedAddress | undefined {
  const segments: string[] = [];
  let current = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const c = address[i] as string;
    if (quoted) {
      if (c === "\\") {
        current += c + (address[++i] ?? "");
        continue;
      }
      if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === "." && depth === 0) {
      segments.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  segments.push(current);
  const stripIndex = (s: string): string => s.replace(/\[.*$/s, "");
  let i = 0;
  while (segments[i] === "module" && i + 1 < segments.length) i += 2;
  const data = segments[i] === "data";
  if (data) i++;
  const type = segments[i];
  const name = segments[i + 1];
  if (type === undefined || name === undefined || i + 2 !== segments.length) return undefined;
  if (!data && NON_RESOURCE_ROOTS.has(type)) return undefined;
  return { data, type: stripIndex(type), name: stripIndex(name) };
}

// --- Patterns -----------------------------------------------------------------------------------------------------

/** Attributes that identify one resource instance: two instances of one type never share them. */
const IDENTIFYING_ATTRIBUTES = new Set(["arn", "id", "bucket", "key_id", "name"]);

const DIFFERENT = Symbol("different");

/** What an unknown part of a pattern reads as, relative to the subject it is compared with. */
function resolveUnknown(u: Unknown, subject: ResourceSubject | undefined): PatternToken[] | typeof DIFFERENT {
  if (u.refs.length !== 1) return [OPAQUE];
  const ref = u.refs[0] as Reference;
  const attribute = ref.path.length === 1 ? ref.path[0] : undefined;
  if (typeof attribute !== "string") return [OPAQUE];
  const parsed = parseAddress(ref.address);
  if (!parsed) return [OPAQUE];
  if (parsed.data) {
    // Assumed: one provider configuration, in the commercial partition (as literal ARNs `arn:aws:` assume too).
    if (parsed.type === "aws_partition" && attribute === "partition") return chars("aws");
    if (parsed.type === "aws_region" && ["name", "region", "id"].includes(attribute)) return [REGION];
    if (parsed.type === "aws_caller_identity" && attribute === "account_id") return [ACCOUNT];
    return [OPAQUE];
  }
  if (subject?.address !== undefined) {
    if (ref.address === subject.address) {
      const tokens = subject.attributes.get(attribute);
      return tokens ? tokens.map((t) => (t === ANY ? OPAQUE : t)) : [OPAQUE];
    }
    if (parsed.type === subject.resourceType && IDENTIFYING_ATTRIBUTES.has(attribute)) return DIFFERENT;
  }
  return [OPAQUE];
}

/**
 * Tokens of a pattern. `lower` folds case (actions). A reference to another resource of the subject's type counts as
 * different only where it fills a whole ARN field (bounded by start/end, `:` or `/`); `${other.id}-logs` stays unknown.
 */
function patternTokens(
  s: PolicyString,
  subject: ResourceSubject | undefined,
  lower: boolean,
  wildcards = true,
): PatternToken[] {
  const parts = stringParts(s);
  const out: PatternToken[] = [];
  parts.forEach((part, k) => {
    if (typeof part === "string") {
      textTokens(lower ? part.toLowerCase() : part, wildcards, out);
      return;
    }
    const resolved = resolveUnknown(part, subject);
    if (resolved === DIFFERENT) {
      const before = out.length === 0 ? "" : out[out.length - 1];
      const next = parts[k + 1];
      const after = next === undefined ? "" : typeof next === "string" ? (next[0] ?? "") : "?";
      const bounded = (c: unknown) => c === "" || c === ":" || c === "/";
      out.push(bounded(before) && bounded(after) ? NEVER : OPAQUE);
      return;
    }
    for (const t of resolved) out.push(typeof t === "string" && lower ? t.toLowerCase() : t);
  });
  return out;
}

function textTokens(text: string, wildcards: boolean, out: PatternToken[]): void {
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "$" && text[i + 1] === "{") {
      const close = text.indexOf("}", i + 2);
      if (close > 0) {
        const inner = text.slice(i + 2, close);
        // ${*} ${?} ${$} are escapes for the literal characters; anything else is a policy variable.
        if (inner === "*" || inner === "?" || inner === "$") out.push(inner);
        else out.push(OPAQUE);
        i = close;
        continue;
      }
    }
    if (wildcards && c === "*") out.push(STAR);
    else if (wildcards && c === "?") out.push(QMARK);
    else out.push(c);
  }
}

// Tokens are cached: rules ask many questions of the same few patterns. Bounded so a long scan cannot grow them.
const CACHE_LIMIT = 10_000;
const actionSubjects = new Map<string, SubjectToken[]>();
const actionPatterns = new Map<string, PatternToken[]>();
const unknownActionPatterns = new WeakMap<Unknown, PatternToken[]>();
const resourcePatterns = new WeakMap<ResourceSubject, Map<PolicyString, PatternToken[]>>();

function remember<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

function actionSubject(action: string): SubjectToken[] {
  return remember(actionSubjects, action, () => chars(action.toLowerCase()).map((c) => (c === "*" ? ANY : c)));
}

function actionPattern(pattern: PolicyString): PatternToken[] {
  if (typeof pattern === "string")
    return remember(actionPatterns, pattern, () => patternTokens(pattern, undefined, true));
  let tokens = unknownActionPatterns.get(pattern);
  if (!tokens) {
    tokens = patternTokens(pattern, undefined, true);
    unknownActionPatterns.set(pattern, tokens);
  }
  return tokens;
}

function resourcePattern(pattern: PolicyString, subject: ResourceSubject): PatternToken[] {
  let cache = resourcePatterns.get(subject);
  if (!cache) {
    cache = new Map();
    resourcePatterns.set(subject, cache);
  }
  return remember(cache, pattern, () => patternTokens(pattern, subject, false));
}

/** Does an Action pattern match the action (case-insensitively)? `*` in `action` stands for any text. */
export function actionMatches(pattern: PolicyString, action: string, quantifier: Quantifier = "some"): Tri {
  return TRI[matchAction(pattern, actionSubject(action), quantifier)] as Tri;
}

/** Does a Resource pattern match the subject (some or all of what it stands for)? */
export function resourceMatches(pattern: PolicyString, subject: ResourceSubject, quantifier: Quantifier = "some"): Tri {
  return TRI[matchResource(pattern, subject, quantifier)] as Tri;
}

function matchResource(pattern: PolicyString, subject: ResourceSubject, q: Quantifier): T {
  if (pattern === "*") return YES;
  return matchTokens(resourcePattern(pattern, subject), subject.tokens, q);
}

function matchAction(pattern: PolicyString, action: readonly SubjectToken[], q: Quantifier): T {
  if (pattern === "*") return YES;
  return matchTokens(actionPattern(pattern), action, q);
}

// --- Statement applicability --------------------------------------------------------------------------------------

/** A list with "not" semantics: the statement applies to what matches none of the patterns. */
function listApplies(
  positive: readonly PolicyString[] | undefined,
  negative: readonly PolicyString[] | undefined,
  match: (pattern: PolicyString, q: Quantifier) => T,
  q: Quantifier,
): T {
  // A union of patterns covering "all" is approximated by one pattern covering all: never a false "yes".
  const anyOf = (list: readonly PolicyString[], quant: Quantifier): T =>
    list.reduce<T>((acc, pattern) => (acc === YES ? acc : or(acc, match(pattern, quant))), NO);
  if (positive) return anyOf(positive, q);
  if (negative) return not(anyOf(negative, q === "some" ? "all" : "some"));
  return YES;
}

function actionApplies(stmt: PolicyStatement, action: readonly SubjectToken[], q: Quantifier): T {
  return listApplies(stmt.action, stmt.notAction, (p, quant) => matchAction(p, action, quant), q);
}

function resourceApplies(stmt: PolicyStatement, subject: ResourceSubject | undefined, q: Quantifier): T {
  const target = subject ?? ANY_RESOURCE;
  return listApplies(stmt.resource, stmt.notResource, (p, quant) => matchResource(p, target, quant), q);
}

const ANY_RESOURCE: ResourceSubject = {
  description: "any resource",
  tokens: [ANY],
  address: undefined,
  resourceType: undefined,
  attributes: new Map(),
};

/** Whether the statement applies to some (or every) resource of the subject, honouring NotResource. */
export function statementTouches(
  stmt: PolicyStatement,
  subject: ResourceSubject,
  quantifier: Quantifier = "some",
): Tri {
  return TRI[resourceApplies(stmt, subject, quantifier)] as Tri;
}

/**
 * Who a query is about: `"anyone"` is an arbitrary principal of any account (public access); a principal entry is
 * that principal. Omitted in a query: some principal ("all principals" where a Deny must cover).
 */
export type PrincipalQuery =
  | "anyone"
  | {
      readonly type: "AWS" | "Service" | "Federated" | "CanonicalUser";
      readonly value: PolicyString;
      /**
       * Only statements naming this very principal (or everyone) count: an account's root does not stand for the
       * account's users and roles. For comparing the principals a policy names, as separation of duties does.
       */
      readonly exact?: boolean;
    };

function isWildcardEntry(e: PrincipalEntry): boolean {
  return e.type === "*" || (e.type === "AWS" && e.value === "*");
}

/** Could this entry be the wildcard? Unknown values with no reference might be `"*"`. */
function entryWildcard(e: PrincipalEntry): T {
  if (isWildcardEntry(e)) return YES;
  if (e.type === "unknown") return UNKNOWN;
  if (e.type === "AWS" && typeof e.value !== "string" && !isIdentifier(e.value)) return UNKNOWN;
  return NO;
}

/** Attributes that hold an identifier (never a wildcard) of what they belong to. */
const IDENTIFIER_ATTRIBUTES = new Set([
  "arn",
  "id",
  "account_id",
  "unique_id",
  "key_id",
  "bucket",
  "name",
  "partition",
]);

/**
 * Is an unknown string certainly an identifier, not `*`: it has known text besides wildcards, or it is an identifier
 * attribute of a resource or data source (`aws_iam_role.r.arn`, `data.aws_caller_identity.c.account_id`)?
 */
function isIdentifier(u: Unknown): boolean {
  const parts = stringParts(u);
  if (parts.some((p) => typeof p === "string" && /[^*?]/.test(p))) return true;
  return parts.every((p) => {
    if (typeof p === "string") return false;
    const ref = singleRef(p);
    const last = ref?.path[ref.path.length - 1];
    return ref !== undefined && parseAddress(ref.address) !== undefined && IDENTIFIER_ATTRIBUTES.has(String(last));
  });
}

function principalApplies(stmt: PolicyStatement, who: PrincipalQuery | undefined, q: Quantifier): T {
  const { principal, notPrincipal } = stmt;
  if (!principal && !notPrincipal) return YES;
  const anyWildcard = (list: readonly PrincipalEntry[]): T => list.reduce<T>((acc, e) => or(acc, entryWildcard(e)), NO);
  if (who === undefined || who === "anyone") {
    if (principal) {
      if (who === undefined && q === "some") return principal.length > 0 ? YES : NO;
      return anyWildcard(principal);
    }
    const list = notPrincipal ?? [];
    return q === "some" ? not(anyWildcard(list)) : NO;
  }
  const named = (list: readonly PrincipalEntry[]): T => list.reduce<T>((acc, e) => or(acc, entryMatches(e, who)), NO);
  return principal ? named(principal) : not(named(notPrincipal ?? []));
}

function canonicalPrincipal(type: string, value: string): string {
  if (type === "Service") return value.toLowerCase();
  if (type === "AWS" && /^\d{12}$/.test(value)) return `arn:aws:iam::${value}:root`;
  return value;
}

function entryMatches(e: PrincipalEntry, who: Exclude<PrincipalQuery, "anyone">): T {
  if (isWildcardEntry(e)) return YES;
  if (e.type === "unknown") return UNKNOWN;
  if (e.type !== who.type) return NO;
  if (typeof e.value === "string" && typeof who.value === "string") {
    const a = canonicalPrincipal(e.type, e.value);
    const b = canonicalPrincipal(who.type, who.value);
    if (a === b) return YES;
    if (who.exact) return NO;
    // An account's root stands for every principal of the account.
    const root = /^arn:aws[\w-]*:iam::(\d{12}):root$/.exec(a);
    const account = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(b);
    return root && account && root[1] === account[1] ? YES : NO;
  }
  const same = sameSymbolicString(e.value, who.value);
  // `logs.${region}.amazonaws.com` is never `cloudtrail.amazonaws.com`: their known texts already differ. (Not for
  // AWS principals, where an account root with an unknown account may still stand for the other principal.)
  if (same === UNKNOWN && e.type !== "AWS" && knownEndsDiffer(e.value, who.value, e.type === "Service")) return NO;
  if (same !== UNKNOWN || e.type !== "AWS") return same;
  // Principals of different kinds are different, except that an account's root stands for the account's principals.
  const kindOfEntry = principalKind(e);
  const kindOfQuery = principalKind({ type: "AWS", value: who.value });
  if (kindOfEntry === "unknown" || kindOfQuery === "unknown" || kindOfEntry === kindOfQuery) return UNKNOWN;
  return kindOfEntry === "account" && !who.exact ? UNKNOWN : NO;
}

/**
 * Can two strings with unknown parts never be equal? True when their known leading texts (up to the first unknown
 * part) differ over their common length, or their known trailing texts do.
 */
function knownEndsDiffer(a: PolicyString, b: PolicyString, ignoreCase: boolean): boolean {
  const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
  const knownEnd = (parts: readonly (string | Unknown)[], fromEnd: boolean): string => {
    let text = "";
    for (const part of fromEnd ? [...parts].reverse() : parts) {
      if (typeof part !== "string") break;
      text = fromEnd ? part + text : text + part;
    }
    return fold(text);
  };
  const pa = stringParts(a);
  const pb = stringParts(b);
  const [leadA, leadB] = [knownEnd(pa, false), knownEnd(pb, false)];
  const [tailA, tailB] = [knownEnd(pa, true), knownEnd(pb, true)];
  const lead = Math.min(leadA.length, leadB.length);
  const tail = Math.min(tailA.length, tailB.length);
  return (
    leadA.slice(0, lead) !== leadB.slice(0, lead) ||
    tailA.slice(tailA.length - tail) !== tailB.slice(tailB.length - tail)
  );
}

/** Equality of strings with unknown parts: equal structure → yes; another instance of the same type → no. */
function sameSymbolicString(a: PolicyString, b: PolicyString): T {
  const pa = stringParts(a);
  const pb = stringParts(b);
  if (pa.length === pb.length && pa.every((x, i) => samePart(x, pb[i] as string | Unknown))) return YES;
  if (pa.length === 1 && pb.length === 1 && typeof pa[0] !== "string" && typeof pb[0] !== "string") {
    const ra = singleRef(pa[0] as Unknown);
    const rb = singleRef(pb[0] as Unknown);
    if (ra && rb && sameAttribute(ra, rb)) {
      const ta = parseAddress(ra.address);
      const tb = parseAddress(rb.address);
      if (ta && tb && !ta.data && !tb.data && ta.type === tb.type && ra.address !== rb.address) return NO;
    }
  }
  return UNKNOWN;
}

function samePart(a: string | Unknown, b: string | Unknown): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  const ra = singleRef(a);
  const rb = singleRef(b);
  return ra !== undefined && rb !== undefined && ra.address === rb.address && sameAttribute(ra, rb);
}

function singleRef(u: Unknown): Reference | undefined {
  return u.refs.length === 1 && !u.parts ? u.refs[0] : undefined;
}

function sameAttribute(a: Reference, b: Reference): boolean {
  return a.path.length === b.path.length && a.path.every((p, i) => p === b.path[i]);
}

// --- Conditions ---------------------------------------------------------------------------------------------------

/** A request's value for a condition key; `null` means the key is absent from the request. */
export type RequestValue = string | number | boolean | null;

/** A fact about the request: the key has one of these values (each alternative is tried). */
export interface ConditionPredicate {
  readonly key: string;
  readonly values: readonly RequestValue[];
}

/** How a request "without" a key's protection looks, for keys where that is not just "absent". */
const VIOLATING_VALUES: Readonly<Record<string, readonly RequestValue[]>> = {
  "aws:securetransport": [false],
  // Long-term credentials send no MFA key at all, so BoolIfExists "true" does not require MFA.
  "aws:multifactorauthpresent": [false, null],
};

/** The predicate "the request does not satisfy a condition on `key`": see VIOLATING_VALUES, otherwise key absent. */
export function violationOf(key: string): ConditionPredicate {
  return { key, values: VIOLATING_VALUES[key.toLowerCase()] ?? [null] };
}

type Scenario = ReadonlyMap<string, RequestValue>;

function scenariosOf(facts: readonly ConditionPredicate[]): Scenario[] {
  let scenarios: Map<string, RequestValue>[] = [new Map()];
  for (const fact of facts) {
    const key = fact.key.toLowerCase();
    scenarios = scenarios.flatMap((s) => fact.values.map((v) => new Map(s).set(key, v)));
  }
  return scenarios;
}

const NEGATED = new Set<ConditionOperator>([
  "StringNotEquals",
  "StringNotEqualsIgnoreCase",
  "StringNotLike",
  "NumericNotEquals",
  "DateNotEquals",
  "NotIpAddress",
  "ArnNotEquals",
  "ArnNotLike",
]);

const POSITIVE_OF: Partial<Record<ConditionOperator, ConditionOperator>> = {
  StringNotEquals: "StringEquals",
  StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
  StringNotLike: "StringLike",
  NumericNotEquals: "NumericEquals",
  DateNotEquals: "DateEquals",
  NotIpAddress: "IpAddress",
  ArnNotEquals: "ArnEquals",
  ArnNotLike: "ArnLike",
};

/**
 * Whether the statement's conditions hold: for keys the scenario fixes, evaluated; for other keys, "some" assumes
 * the requester meets them (an Allow) and "all" assumes the requester avoids them (a Deny).
 */
function conditionsHold(stmt: PolicyStatement, scenario: Scenario, q: Quantifier): T {
  let result: T = stmt.opaqueCondition ? UNKNOWN : YES;
  for (const c of stmt.conditions) {
    const t = scenario.has(c.keyLower)
      ? evaluateCondition(c, scenario.get(c.keyLower) as RequestValue)
      : q === "some"
        ? YES
        : NO;
    result = and(result, t);
    if (result === NO) break;
  }
  return result;
}

/** Evaluates one condition against a request value (`null`: key absent), as AWS does. */
export function conditionHolds(c: Condition, value: RequestValue): Tri {
  return TRI[evaluateCondition(c, value)] as Tri;
}

function evaluateCondition(c: Condition, value: RequestValue): T {
  if (!c.base) return UNKNOWN;
  if (c.base === "Null") {
    // Null: true → the key must be absent; false → present.
    return c.values.reduce<T>((acc, v) => {
      const b = boolOf(v);
      return or(acc, b === undefined ? (isUnknownValue(v) ? UNKNOWN : NO) : b === (value === null) ? YES : NO);
    }, NO);
  }
  if (value === null) {
    if (c.ifExists) return YES;
    if (c.quantifier === "ForAllValues") return YES;
    if (c.quantifier === "ForAnyValue") return NO;
    return NEGATED.has(c.base) ? YES : NO;
  }
  const positive = POSITIVE_OF[c.base] ?? c.base;
  const matched = c.values.reduce<T>((acc, v) => (acc === YES ? acc : or(acc, valueMatches(positive, v, value))), NO);
  return NEGATED.has(c.base) ? not(matched) : matched;
}

function isUnknownValue(v: ConditionValue): boolean {
  return typeof v === "object";
}

function boolOf(v: ConditionValue | RequestValue): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const lower = v.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  return undefined;
}

function textOf(v: string | number | boolean): string {
  return typeof v === "string" ? v : String(v);
}

function valueMatches(op: ConditionOperator, v: ConditionValue, request: string | number | boolean): T {
  switch (op) {
    case "Bool": {
      const want = boolOf(v);
      if (want === undefined) return isUnknownValue(v) ? UNKNOWN : NO;
      return want === boolOf(request) ? YES : NO;
    }
    case "NumericEquals":
    case "NumericLessThan":
    case "NumericLessThanEquals":
    case "NumericGreaterThan":
    case "NumericGreaterThanEquals": {
      if (isUnknownValue(v)) return UNKNOWN;
      const want = Number(v);
      const got = Number(request);
      if (typeof v === "boolean" || Number.isNaN(want) || Number.isNaN(got)) return NO;
      const holds =
        op === "NumericEquals"
          ? got === want
          : op === "NumericLessThan"
            ? got < want
            : op === "NumericLessThanEquals"
              ? got <= want
              : op === "NumericGreaterThan"
                ? got > want
                : got >= want;
      return holds ? YES : NO;
    }
    case "StringEquals":
    case "StringEqualsIgnoreCase":
    case "StringLike":
    case "ArnEquals":
    case "ArnLike": {
      const fold = op === "StringEqualsIgnoreCase";
      const wildcards = op !== "StringEquals" && op !== "StringEqualsIgnoreCase";
      const pattern = typeof v === "object" ? v : textOf(v);
      const text = fold ? textOf(request).toLowerCase() : textOf(request);
      return matchTokens(patternTokens(pattern, undefined, fold, wildcards), chars(text), "some");
    }
    default:
      // Dates, IP ranges and binary values are not evaluated: unknown, never a silent match or mismatch.
      return UNKNOWN;
  }
}

// --- Decisions ----------------------------------------------------------------------------------------------------

/** A request a query asks about. */
export interface AccessRequest {
  /** An action such as `s3:GetObject`; `*` in it stands for any text (`s3:*`: the s3 actions). */
  readonly action: string;
  /** Omitted: any resource. */
  readonly resource?: ResourceSubject;
  /** Omitted: some principal (for `allows`) / every principal (for `denies`). */
  readonly principal?: PrincipalQuery;
}

/** What the statement contributes to a decision. */
export interface StatementVerdict {
  readonly statement: PolicyStatement;
  readonly applies: Tri;
}

export interface Decision {
  readonly result: Tri;
  /**
   * The statements responsible, in document order: for "yes" the Allows that grant (or the Denies that deny, for
   * `denies`); for "no" the Denies that block (empty when nothing allows); for "unknown" those whose applicability is unknown.
   */
  readonly statements: readonly PolicyStatement[];
  /** Allow statements (or statements of unknown effect) that grant the request or might. */
  readonly allowedBy: readonly StatementVerdict[];
  /** Deny statements (or statements of unknown effect) that block the request or might. */
  readonly deniedBy: readonly StatementVerdict[];
}

export interface ConditionOptions {
  /**
   * Ask about requests that do not meet this condition: a key (`"aws:SecureTransport"`: the request is not over TLS;
   * see `violationOf`), or explicit request values. Several predicates hold together.
   */
  readonly withoutCondition?: string | ConditionPredicate | readonly ConditionPredicate[];
}

type Policies = PolicyDocument | readonly PolicyDocument[];

function statementsOf(policies: Policies): readonly PolicyStatement[] {
  if (!Array.isArray(policies)) return (policies as PolicyDocument).statements;
  return (policies as readonly PolicyDocument[]).flatMap((p) => p.statements);
}

function factsOf(option: ConditionOptions["withoutCondition"]): ConditionPredicate[] {
  if (option === undefined) return [];
  if (typeof option === "string") return [violationOf(option)];
  if ("key" in option) return [option as ConditionPredicate];
  return [...(option as readonly ConditionPredicate[])];
}

function effectIs(stmt: PolicyStatement, effect: "Allow" | "Deny"): T {
  return typeof stmt.effect === "string" ? (stmt.effect === effect ? YES : NO) : UNKNOWN;
}

function statementApplies(stmt: PolicyStatement, request: AccessRequest, scenario: Scenario, q: Quantifier): T {
  let t = principalApplies(stmt, request.principal, q);
  if (t !== NO) t = and(t, actionApplies(stmt, actionSubject(request.action), q));
  if (t !== NO) t = and(t, resourceApplies(stmt, request.resource, q));
  if (t !== NO) t = and(t, conditionsHold(stmt, scenario, q));
  return t;
}

interface ScenarioDecision {
  readonly result: T;
  readonly allowedBy: StatementVerdict[];
  readonly deniedBy: StatementVerdict[];
  readonly statements: PolicyStatement[];
}

/**
 * A Deny blocks an Allow's grant when it covers, in each dimension (principal, action, resource), either everything
 * the query stands for or everything the Allow grants there: it then covers their intersection.
 */
function decide(statements: readonly PolicyStatement[], request: AccessRequest, scenario: Scenario): ScenarioDecision {
  const action = actionSubject(request.action);
  const allows = statements.map((stmt) =>
    and(effectIs(stmt, "Allow"), statementApplies(stmt, request, scenario, "some")),
  );
  const denies = statements.map((stmt) => {
    const effect = and(effectIs(stmt, "Deny"), conditionsHold(stmt, scenario, "all"));
    if (effect === NO) return undefined;
    return {
      stmt,
      effect,
      principal: principalApplies(stmt, request.principal, "all"),
      action: actionApplies(stmt, action, "all"),
      resource: resourceApplies(stmt, request.resource, "all"),
    };
  });
  const kills = new Map<PolicyStatement, T>();
  const killers: T[][] = statements.map(() => []);
  const effective = statements.map((stmt, i) => {
    const a = allows[i] as T;
    if (a === NO) return NO;
    const region = grantRegion(stmt, request);
    let killed: T = NO;
    denies.forEach((d, k) => {
      if (!d) return;
      const principal = or(
        d.principal,
        region.principals ? coverAll(region.principals, (w) => principalApplies(d.stmt, w, "all")) : NO,
      );
      const act = or(d.action, region.actions ? coverAll(region.actions, (t) => actionApplies(d.stmt, t, "all")) : NO);
      const res = or(
        d.resource,
        region.resources ? coverAll(region.resources, (r) => resourceApplies(d.stmt, r, "all")) : NO,
      );
      const t = and(d.effect, and(principal, and(act, res)));
      (killers[i] as T[])[k] = t;
      kills.set(d.stmt, or(kills.get(d.stmt) ?? NO, t));
      killed = or(killed, t);
    });
    return and(a, not(killed));
  });
  const result = effective.reduce<T>((acc, t) => or(acc, t), NO);
  const allowedBy: StatementVerdict[] = [];
  const deniedBy: StatementVerdict[] = [];
  statements.forEach((stmt, i) => {
    const a = allows[i] as T;
    if (a !== NO) allowedBy.push({ statement: stmt, applies: TRI[a] as Tri });
    const d = kills.get(stmt) ?? NO;
    if (d !== NO) deniedBy.push({ statement: stmt, applies: TRI[d] as Tri });
  });
  const responsible = new Set<PolicyStatement>();
  statements.forEach((stmt, i) => {
    const e = effective[i] as T;
    if (result === YES && e === YES) responsible.add(stmt);
    if (result === UNKNOWN && e === UNKNOWN && allows[i] === UNKNOWN) responsible.add(stmt);
    (killers[i] as T[]).forEach((t, k) => {
      const killer = statements[k] as PolicyStatement;
      if (result === NO && t === YES) responsible.add(killer);
      if (result === UNKNOWN && e === UNKNOWN && t === UNKNOWN) responsible.add(killer);
    });
  });
  return { result, allowedBy, deniedBy, statements: statements.filter((s) => responsible.has(s)) };
}

function coverAll<X>(items: readonly X[], covers: (x: X) => T): T {
  return items.reduce<T>((acc, x) => and(acc, covers(x)), YES);
}

/** What an Allow grants within the query, per dimension; undefined where that cannot be told more narrowly. */
interface GrantRegion {
  readonly principals: readonly PrincipalQuery[] | undefined;
  readonly actions: readonly SubjectToken[][] | undefined;
  readonly resources: readonly ResourceSubject[] | undefined;
}

function grantRegion(stmt: PolicyStatement, request: AccessRequest): GrantRegion {
  let principals: PrincipalQuery[] | undefined;
  if (stmt.principal) {
    principals = [];
    for (const e of stmt.principal) {
      const who = queryOf(e);
      if (!who) {
        principals = undefined;
        break;
      }
      const matches =
        request.principal === undefined
          ? YES
          : principalApplies({ ...stmt, principal: [e] }, request.principal, "some");
      if (matches !== NO) principals.push(who);
    }
  }
  const action = actionSubject(request.action);
  const actions = regionOf(
    stmt.action,
    (p) => matchAction(p, action, "some"),
    (p) => patternTokens(p, undefined, true),
  );
  const target = request.resource ?? ANY_RESOURCE;
  const resourceTokens = regionOf(
    stmt.resource,
    (p) => matchResource(p, target, "some"),
    (p) => patternTokens(p, target, false),
  );
  const resources = resourceTokens?.map((tokens) => ({ ...target, tokens }));
  return { principals, actions, resources };
}

/** The patterns of a list that meet the query, read as sets of strings; undefined when one is unknown text. */
function regionOf(
  list: readonly PolicyString[] | undefined,
  meets: (pattern: PolicyString) => T,
  tokens: (pattern: PolicyString) => PatternToken[],
): SubjectToken[][] | undefined {
  if (!list) return undefined;
  const out: SubjectToken[][] = [];
  for (const pattern of list) {
    if (meets(pattern) === NO) continue;
    const subject = patternAsSubject(tokens(pattern));
    if (!subject) return undefined;
    out.push(subject);
  }
  return out;
}

/** The set of strings a pattern matches, as a subject (`?` widened to any text); undefined for unknown text. */
function patternAsSubject(tokens: readonly PatternToken[]): SubjectToken[] | undefined {
  const out: SubjectToken[] = [];
  for (const t of tokens) {
    if (t === STAR || t === QMARK) out.push(ANY);
    else if (t === OPAQUE || t === NEVER) return undefined;
    else out.push(t);
  }
  return out;
}

function combine(decisions: readonly ScenarioDecision[], order: readonly PolicyStatement[]): Decision {
  const result = decisions.reduce<T>((acc, d) => or(acc, d.result), NO);
  const deciding = decisions.filter((d) => d.result === result);
  const union = <X>(lists: readonly (readonly X[])[], key: (x: X) => PolicyStatement): X[] => {
    const seen = new Set<PolicyStatement>();
    const out: X[] = [];
    for (const list of lists) {
      for (const x of list) {
        if (!seen.has(key(x))) {
          seen.add(key(x));
          out.push(x);
        }
      }
    }
    return out;
  };
  const byIndex = (a: PolicyStatement, b: PolicyStatement) => order.indexOf(a) - order.indexOf(b);
  return {
    result: TRI[result] as Tri,
    statements: union(
      deciding.map((d) => d.statements),
      (s) => s,
    ).sort(byIndex),
    allowedBy: union(
      decisions.map((d) => d.allowedBy),
      (v) => v.statement,
    ),
    deniedBy: union(
      decisions.map((d) => d.deniedBy),
      (v) => v.statement,
    ),
  };
}

/**
 * Is some request matching `request` allowed (explicit Deny wins, then Allow, else implicit deny)?
 * With `withoutCondition`, only requests that do not meet that condition are considered: e.g.
 * `allows(p, { action: "s3:GetObject", resource: bucketObjectsSubject(b) }, { withoutCondition: "aws:SecureTransport" })`
 * asks "can the objects of b be read without TLS?". Several documents are evaluated together (identity policies).
 */
export function allows(policies: Policies, request: AccessRequest, options: ConditionOptions = {}): Decision {
  const statements = statementsOf(policies);
  return combine(
    scenariosOf(factsOf(options.withoutCondition)).map((s) => decide(statements, request, s)),
    statements,
  );
}

/**
 * Is every request matching `request` explicitly denied: all principals (or the one given), every action the
 * `action` pattern stands for, every resource of the subject — under the given condition values?
 */
export function denies(policies: Policies, request: AccessRequest, options: ConditionOptions = {}): Decision {
  const statements = statementsOf(policies);
  const decisions = scenariosOf(factsOf(options.withoutCondition)).map((scenario): ScenarioDecision => {
    let deny: T = NO;
    const deniedBy: StatementVerdict[] = [];
    const verdicts: T[] = [];
    for (const stmt of statements) {
      const d = and(effectIs(stmt, "Deny"), statementApplies(stmt, request, scenario, "all"));
      verdicts.push(d);
      if (d !== NO) deniedBy.push({ statement: stmt, applies: TRI[d] as Tri });
      deny = or(deny, d);
    }
    const statementsFor = statements.filter((_, i) => verdicts[i] === deny && deny !== NO);
    return { result: deny, allowedBy: [], deniedBy, statements: statementsFor };
  });
  // Every alternative of the predicate must be denied.
  const result = decisions.reduce<T>((acc, d) => and(acc, d.result), YES);
  const deciding = decisions.filter((d) => d.result === result);
  const combined = combine(deciding.length > 0 ? deciding : decisions, statements);
  return { ...combined, result: TRI[result] as Tri };
}

export interface TransportCoverage {
  readonly resource: ResourceSubject;
  /** "yes": every request to it without TLS is denied. */
  readonly result: Tri;
  readonly statements: readonly PolicyStatement[];
}

/**
 * For each resource: does the policy deny every principal's requests made without TLS (`aws:SecureTransport` false),
 * for all of `actions` (default `s3:*`)? A Deny with `Bool` or `BoolIfExists` `aws:SecureTransport = false` counts;
 * one with further conditions on other keys does not (a requester can avoid them).
 */
export function deniesInsecureTransport(
  policies: Policies,
  resources: readonly ResourceSubject[],
  options: { readonly actions?: readonly string[] } = {},
): TransportCoverage[] {
  const actions = options.actions ?? ["s3:*"];
  return resources.map((resource) => {
    let result: T = YES;
    const statements = new Set<PolicyStatement>();
    for (const action of actions) {
      const d = denies(policies, { action, resource }, { withoutCondition: violationOf("aws:SecureTransport") });
      const t = TRI.indexOf(d.result) as T;
      result = and(result, t);
      for (const s of d.statements) statements.add(s);
    }
    return { resource, result: TRI[result] as Tri, statements: [...statements] };
  });
}

// --- Resource targets ---------------------------------------------------------------------------------------------

/** What a Resource entry refers to: by reference (an unknown ARN/name of a resource) or by known name/ARN. */
export interface TargetRef {
  readonly ref?: Reference;
  /** The bucket name (may contain wildcards). */
  readonly name?: string;
  readonly arn?: string;
}

export type ResourceTarget =
  | { readonly kind: "all"; readonly source: PolicyString }
  | { readonly kind: "bucket"; readonly bucket: TargetRef; readonly source: PolicyString }
  /** `prefix` is the key pattern after `bucket/` (`*` for every object). */
  | {
      readonly kind: "objects";
      readonly bucket: TargetRef;
      readonly prefix: PolicyString;
      readonly source: PolicyString;
    }
  | { readonly kind: "key"; readonly key: TargetRef; readonly source: PolicyString }
  | { readonly kind: "other"; readonly service: string | undefined; readonly source: PolicyString }
  | { readonly kind: "unknown"; readonly source: PolicyString };

const BUCKET_TYPES = new Set(["aws_s3_bucket"]);
const KEY_TYPES = new Set([
  "aws_kms_key",
  "aws_kms_replica_key",
  "aws_kms_external_key",
  "aws_kms_replica_external_key",
]);

/**
 * Classifies each Resource entry of a statement (its NotResource entries when it uses NotResource; none when it
 * names no resource, as in trust policies).
 */
export function resourceTargets(stmt: PolicyStatement): ResourceTarget[] {
  return (stmt.resource ?? stmt.notResource ?? []).map(classifyResource);
}

const MARK = /\uE000(\d+)\uE001/g;

export function classifyResource(source: PolicyString): ResourceTarget {
  if (source === "*") return { kind: "all", source };
  const parts = stringParts(source);
  const unknowns: Unknown[] = [];
  const flat = parts
    .map((p) => {
      if (typeof p === "string") return p;
      unknowns.push(p);
      return `\uE000${unknowns.length - 1}\uE001`;
    })
    .join("");
  const only = (text: string): Unknown | undefined => {
    const m = /^\uE000(\d+)\uE001$/.exec(text);
    return m ? unknowns[Number(m[1])] : undefined;
  };
  const rebuild = (text: string): PolicyString => {
    if (!text.includes("\uE000")) return text;
    const pieces: (string | Unknown)[] = [];
    let last = 0;
    for (const m of text.matchAll(MARK)) {
      if (m.index > last) pieces.push(text.slice(last, m.index));
      pieces.push(unknowns[Number(m[1])] as Unknown);
      last = m.index + m[0].length;
    }
    if (last < text.length) pieces.push(text.slice(last));
    if (pieces.length === 1 && typeof pieces[0] !== "string") return pieces[0] as Unknown;
    return new Unknown(
      pieces.flatMap((p) => (typeof p === "string" ? [] : p.refs)),
      "string",
      pieces,
    );
  };
  // `${aws_s3_bucket.b.arn}` or `${aws_s3_bucket.b.arn}/prefix`
  const head = /^(\uE000\d+\uE001)(.*)$/s.exec(flat);
  if (head) {
    const u = only(head[1] as string) as Unknown;
    const ref = singleRef(u);
    const parsed = ref ? parseAddress(ref.address) : undefined;
    if (ref && parsed && ref.path.length === 1 && ref.path[0] === "arn") {
      const rest = head[2] as string;
      if (BUCKET_TYPES.has(parsed.type)) {
        if (rest === "") return { kind: "bucket", bucket: { ref }, source };
        if (rest.startsWith("/")) return { kind: "objects", bucket: { ref }, prefix: rebuild(rest.slice(1)), source };
        return { kind: "other", service: "s3", source };
      }
      if (KEY_TYPES.has(parsed.type) && rest === "") return { kind: "key", key: { ref }, source };
      return { kind: "other", service: undefined, source };
    }
    return { kind: "unknown", source };
  }
  const arn = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/s.exec(flat);
  if (!arn)
    return flat.includes("\uE000") ? { kind: "unknown", source } : { kind: "other", service: undefined, source };
  const service = arn[2] as string;
  const resource = arn[5] as string;
  const literal = !flat.includes("\uE000");
  if (service === "s3" && arn[3] === "" && arn[4] === "") {
    const slash = resource.indexOf("/");
    const bucketText = slash < 0 ? resource : resource.slice(0, slash);
    const bucket = bucketRef(bucketText, only(bucketText));
    if (!bucket) return { kind: "unknown", source };
    if (slash < 0) return { kind: "bucket", bucket, source };
    return { kind: "objects", bucket, prefix: rebuild(resource.slice(slash + 1)), source };
  }
  if (service === "kms" && resource.startsWith("key/")) {
    if (literal) return { kind: "key", key: { arn: flat }, source };
    const id = only(resource.slice(4));
    const ref = id ? singleRef(id) : undefined;
    const parsed = ref ? parseAddress(ref.address) : undefined;
    if (ref && parsed && KEY_TYPES.has(parsed.type) && ["key_id", "id"].includes(String(ref.path[0]))) {
      return { kind: "key", key: { ref }, source };
    }
    return { kind: "unknown", source };
  }
  return { kind: "other", service: service.includes("\uE000") ? undefined : service, source };
}

function bucketRef(text: string, u: Unknown | undefined): TargetRef | undefined {
  if (!text.includes("\uE000")) return { name: text };
  const ref = u ? singleRef(u) : undefined;
  const parsed = ref ? parseAddress(ref.address) : undefined;
  if (ref && parsed && BUCKET_TYPES.has(parsed.type) && ["id", "bucket"].includes(String(ref.path[0]))) return { ref };
  return undefined;
}

// --- Wildcards ----------------------------------------------------------------------------------------------------

export interface WildcardActionGrant {
  readonly statement: PolicyStatement;
  /** The Action entry; undefined for `not-action`. */
  readonly action: PolicyString | undefined;
  /** `all`: every action (`*`); `service`: every action of one service (`s3:*`); `not-action`: Allow with NotAction. */
  readonly scope: "all" | "service" | "not-action";
  readonly service: string | undefined;
  readonly result: Tri;
}

/** Allow statements granting `*`, `<service>:*`, or everything but a NotAction list. */
export function wildcardActionGrants(policies: Policies): WildcardActionGrant[] {
  const grants: WildcardActionGrant[] = [];
  const everything = actionSubject("*:*");
  for (const stmt of statementsOf(policies)) {
    const effect = effectIs(stmt, "Allow");
    if (effect === NO) continue;
    if (stmt.notAction) {
      grants.push({
        statement: stmt,
        action: undefined,
        scope: "not-action",
        service: undefined,
        result: TRI[effect] as Tri,
      });
      continue;
    }
    for (const action of stmt.action ?? []) {
      const all = matchAction(action, everything, "all");
      if (all !== NO) {
        grants.push({
          statement: stmt,
          action,
          scope: "all",
          service: undefined,
          result: TRI[and(effect, all)] as Tri,
        });
        continue;
      }
      const first = stringParts(action)[0];
      const service = typeof first === "string" ? /^([\w-]+):/.exec(first)?.[1]?.toLowerCase() : undefined;
      if (!service) continue;
      const whole = matchAction(action, actionSubject(`${service}:*`), "all");
      if (whole !== NO)
        grants.push({ statement: stmt, action, scope: "service", service, result: TRI[and(effect, whole)] as Tri });
    }
  }
  return grants;
}

/**
 * Condition keys whose positive condition narrows a wildcard principal to known callers. `aws:SecureTransport` and
 * the like are not on the list: they say how, not who.
 */
export const RESTRICTING_CONDITION_KEYS: readonly string[] = [
  "aws:SourceArn",
  "aws:SourceAccount",
  "aws:SourceOwner",
  "aws:SourceOrgID",
  "aws:SourceOrgPaths",
  "aws:SourceVpc",
  "aws:SourceVpce",
  "aws:SourceIp",
  "aws:VpcSourceIp",
  "aws:PrincipalOrgID",
  "aws:PrincipalOrgPaths",
  "aws:PrincipalAccount",
  "aws:PrincipalArn",
  "aws:PrincipalServiceName",
  "aws:userid",
  "kms:CallerAccount",
  "kms:ViaService",
];

export interface PublicGrant {
  readonly statement: PolicyStatement;
  /** "yes": anyone may use it; "no": a restricting condition narrows it. */
  readonly result: Tri;
  /** The conditions that narrow the principal (those found restricting, or possibly so). */
  readonly restrictedBy: readonly Condition[];
}

export interface PublicGrantOptions {
  /** Only statements granting some action of this service (e.g. `kms`). */
  readonly service?: string;
  /** Replaces RESTRICTING_CONDITION_KEYS. */
  readonly restrictingKeys?: readonly string[];
}

/**
 * Allow statements whose principal is (or may be) everyone — `"*"`, `{"AWS": "*"}`, or a NotPrincipal — with whether
 * a restricting condition narrows them. Deny statements are never public. Statements that cannot grant to everyone
 * are left out.
 */
export function publicGrants(policies: Policies, options: PublicGrantOptions = {}): PublicGrant[] {
  const keys = new Set((options.restrictingKeys ?? RESTRICTING_CONDITION_KEYS).map((k) => k.toLowerCase()));
  const grants: PublicGrant[] = [];
  for (const stmt of statementsOf(policies)) {
    let everyone = and(effectIs(stmt, "Allow"), principalApplies(stmt, "anyone", "some"));
    if (!stmt.principal && !stmt.notPrincipal) everyone = NO;
    if (options.service && everyone !== NO) {
      everyone = and(everyone, actionApplies(stmt, actionSubject(`${options.service}:*`), "some"));
    }
    if (everyone === NO) continue;
    let restricted: T = stmt.opaqueCondition ? UNKNOWN : NO;
    const restrictedBy: Condition[] = [];
    for (const c of stmt.conditions) {
      const t = restricts(c, keys);
      if (t !== NO) restrictedBy.push(c);
      restricted = or(restricted, t);
    }
    grants.push({ statement: stmt, result: TRI[and(everyone, not(restricted))] as Tri, restrictedBy });
  }
  return grants;
}

const EXACT_OPERATORS = new Set<ConditionOperator>([
  "StringEquals",
  "StringEqualsIgnoreCase",
  "ArnEquals",
  "IpAddress",
  "NumericEquals",
]);
const LIKE_OPERATORS = new Set<ConditionOperator>(["StringLike", "ArnLike"]);

/** Does this value of a restricting condition admit any caller (a bare wildcard, any account, any address)? */
function letsEveryoneThrough(c: Condition, text: string): boolean {
  if (c.base === "IpAddress") return text === "0.0.0.0/0" || text === "::/0";
  if (!c.base || !LIKE_OPERATORS.has(c.base)) return false;
  if (/^[*?]*$/.test(text)) return true;
  // `arn:aws:cloudwatch:us-east-1:*:alarm:*`: any account's alarms.
  return c.keyLower !== "aws:sourceaccount" && /^arn:[^:]*:[^:]*:[^:]*:[*?]*:/.test(text);
}

function restricts(c: Condition, keys: ReadonlySet<string>): T {
  if (!c.base || c.ifExists || c.quantifier === "ForAllValues") {
    return c.base ? NO : UNKNOWN;
  }
  if (c.keyLower === "aws:principalisawsservice" && c.base === "Bool") {
    return c.values.reduce<T>((acc, v) => or(acc, boolOf(v) === true ? YES : isUnknownValue(v) ? UNKNOWN : NO), NO);
  }
  if (!keys.has(c.keyLower)) return NO;
  if (!EXACT_OPERATORS.has(c.base) && !LIKE_OPERATORS.has(c.base)) return NO;
  if (c.values.length === 0) return YES;
  // Restricting only when every alternative is narrow: one "*" or 0.0.0.0/0 lets everyone through.
  let result: T = YES;
  for (const v of c.values) {
    if (typeof v !== "object") {
      if (letsEveryoneThrough(c, textOf(v))) return NO;
      continue;
    }
    // Unknown parts that are not identifiers (a variable) might be "*" or 0.0.0.0/0.
    const worst = stringParts(v)
      .map((p) => (typeof p === "string" ? p : isIdentifier(p) ? "x" : c.base === "IpAddress" ? "0.0.0.0/0" : "*"))
      .join("");
    if (letsEveryoneThrough(c, worst)) result = and(result, UNKNOWN);
  }
  return result;
}

// --- Action catalogues --------------------------------------------------------------------------------------------

/**
 * Data-plane actions on PHI stores: reading, writing, deleting or listing the data itself, or using the key that
 * decrypts it. Concrete names (not patterns) so that any Action pattern can be tested against them.
 */
export const DATA_PLANE_ACTIONS: readonly string[] = [
  // S3 objects and listings
  "s3:GetObject",
  "s3:GetObjectVersion",
  "s3:GetObjectTorrent",
  "s3:GetObjectVersionTorrent",
  "s3:PutObject",
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:ListBucket",
  "s3:ListBucketVersions",
  "s3:ListBucketMultipartUploads",
  "s3:ListMultipartUploadParts",
  "s3:RestoreObject",
  "s3:ReplicateObject",
  "s3:ReplicateDelete",
  // KMS cryptographic use
  "kms:Decrypt",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:GenerateDataKeyPair",
  "kms:GenerateDataKeyPairWithoutPlaintext",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
  // DynamoDB items
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:TransactGetItems",
  "dynamodb:TransactWriteItems",
  "dynamodb:PartiQLSelect",
  "dynamodb:PartiQLInsert",
  "dynamodb:PartiQLUpdate",
  "dynamodb:PartiQLDelete",
  "dynamodb:GetRecords",
  "dynamodb:ExportTableToPointInTime",
  // RDS data API and IAM database authentication
  "rds-data:ExecuteStatement",
  "rds-data:BatchExecuteStatement",
  "rds-data:BeginTransaction",
  "rds-data:CommitTransaction",
  "rds-data:RollbackTransaction",
  "rds-data:ExecuteSql",
  "rds-db:connect",
  // CloudWatch Logs contents
  "logs:GetLogEvents",
  "logs:FilterLogEvents",
  "logs:StartQuery",
  "logs:GetQueryResults",
  "logs:GetLogRecord",
  "logs:StartLiveTail",
];

/**
 * KMS key administration (the AWS default key-administrator statement: Create*, Describe*, Enable*, List*, Put*,
 * Update*, Revoke*, Disable*, Get*, Delete*, tagging, deletion scheduling, rotation). Grant management and DescribeKey
 * are left out: key users get them too (the AWS default "allow attachment of persistent resources").
 */
export const KMS_ADMIN_ACTIONS: readonly string[] = [
  "kms:CreateAlias",
  "kms:CreateCustomKeyStore",
  "kms:CreateKey",
  "kms:DescribeCustomKeyStores",
  "kms:EnableKey",
  "kms:EnableKeyRotation",
  "kms:ListAliases",
  "kms:ListKeyPolicies",
  "kms:ListKeyRotations",
  "kms:ListKeys",
  "kms:ListResourceTags",
  "kms:PutKeyPolicy",
  "kms:UpdateAlias",
  "kms:UpdateCustomKeyStore",
  "kms:UpdateKeyDescription",
  "kms:UpdatePrimaryRegion",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:GetKeyPolicy",
  "kms:GetKeyRotationStatus",
  "kms:GetParametersForImport",
  "kms:DeleteAlias",
  "kms:DeleteCustomKeyStore",
  "kms:DeleteImportedKeyMaterial",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:RotateKeyOnDemand",
];

/** KMS cryptographic operations: what a key's users need and its administrators must not have. */
export const KMS_DATA_ACTIONS: readonly string[] = [
  "kms:Decrypt",
  "kms:Encrypt",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:GenerateDataKeyPair",
  "kms:GenerateDataKeyPairWithoutPlaintext",
  "kms:Sign",
  "kms:Verify",
  "kms:GenerateMac",
  "kms:VerifyMac",
  "kms:DeriveSharedSecret",
];

/** Does an Action pattern (e.g. `s3:Get*`) include a data-plane action? */
export function isDataPlaneAction(pattern: PolicyString): Tri {
  return TRI[catalogueMatch(pattern, DATA_PLANE_ACTIONS)] as Tri;
}

function catalogueMatch(pattern: PolicyString, catalogue: readonly string[]): T {
  let result: T = NO;
  for (const action of catalogue) {
    result = or(result, matchAction(pattern, actionSubject(action), "some"));
    if (result === YES) break;
  }
  return result;
}

export interface ActionCoverage {
  readonly action: string;
  readonly result: Tri;
}

/** Which of `actions` the statement's Action (or NotAction) covers, leaving out those it certainly does not. */
export function coveredActions(stmt: PolicyStatement, actions: readonly string[]): ActionCoverage[] {
  const out: ActionCoverage[] = [];
  for (const action of actions) {
    const t = actionApplies(stmt, actionSubject(action), "some");
    if (t !== NO) out.push({ action, result: TRI[t] as Tri });
  }
  return out;
}

// --- Principals ---------------------------------------------------------------------------------------------------

export type PrincipalKind =
  | "wildcard"
  | "account"
  | "user"
  | "role"
  | "assumed-role"
  | "service"
  | "federated"
  | "canonical-user"
  | "unknown";

const PRINCIPAL_TYPES_BY_RESOURCE: Readonly<Record<string, PrincipalKind>> = {
  aws_iam_role: "role",
  aws_iam_user: "user",
};

const kindsOfText = new Map<string, PrincipalKind>();
const kindsOfUnknown = new WeakMap<Unknown, PrincipalKind>();

/** What kind of principal an entry names; ARNs with unknown parts are read by their known text. */
export function principalKind(e: PrincipalEntry): PrincipalKind {
  if (e.type !== "AWS" || isWildcardEntry(e)) return kindOf(e);
  const value = e.value;
  if (typeof value === "string") return remember(kindsOfText, value, () => kindOf(e));
  let kind = kindsOfUnknown.get(value);
  if (!kind) {
    kind = kindOf(e);
    kindsOfUnknown.set(value, kind);
  }
  return kind;
}

function kindOf(e: PrincipalEntry): PrincipalKind {
  if (isWildcardEntry(e)) return "wildcard";
  switch (e.type) {
    case "Service":
      return "service";
    case "Federated":
      return "federated";
    case "CanonicalUser":
      return "canonical-user";
    case "AWS":
      break;
    default:
      return "unknown";
  }
  const parts = stringParts(e.value);
  if (parts.length === 1 && typeof parts[0] !== "string") {
    const ref = singleRef(parts[0] as Unknown);
    const parsed = ref ? parseAddress(ref.address) : undefined;
    if (ref && parsed && ref.path[0] === "arn") return PRINCIPAL_TYPES_BY_RESOURCE[parsed.type] ?? "unknown";
    if (ref && parsed?.data && parsed.type === "aws_caller_identity" && ref.path[0] === "account_id") return "account";
    return "unknown";
  }
  const text = parts.map((p) => (typeof p === "string" ? p : "\uE000")).join("");
  if (/^\d{12}$/.test(text)) return "account";
  const arn = /^arn:[^:]*:(iam|sts)::[^:]*:(.*)$/s.exec(text);
  if (!arn) return "unknown";
  const resource = arn[2] as string;
  if (arn[1] === "iam" && resource === "root") return "account";
  if (arn[1] === "iam" && resource.startsWith("user/")) return "user";
  if (arn[1] === "iam" && resource.startsWith("role/")) return "role";
  if (arn[1] === "sts" && resource.startsWith("assumed-role/")) return "assumed-role";
  return "unknown";
}

const HUMAN_KINDS = new Set<PrincipalKind>(["wildcard", "account", "user", "role", "assumed-role"]);

/** A key grouping equal principals (a bare account id and its root ARN are one principal). */
function principalKey(e: PrincipalEntry, fallback: string): string {
  if (isWildcardEntry(e)) return "*";
  const parts = stringParts(e.value);
  if (parts.some((p) => typeof p !== "string" && !singleRef(p))) return fallback;
  const text = typeof e.value === "string" ? canonicalPrincipal(e.type, e.value) : policyStringText(e.value);
  return `${e.type}:${text}`;
}

function queryOf(e: PrincipalEntry, exact = false): PrincipalQuery | undefined {
  if (isWildcardEntry(e)) return "anyone";
  if (e.type === "unknown" || e.type === "*") return undefined;
  return exact ? { type: e.type, value: e.value, exact } : { type: e.type, value: e.value };
}

interface PrincipalGroup {
  readonly principal: PrincipalEntry;
  readonly statements: PolicyStatement[];
}

/**
 * The distinct principals that Allow statements (or statements of unknown effect) name, in document order; an Allow
 * with NotPrincipal names the wildcard.
 */
function namedPrincipals(statements: readonly PolicyStatement[]): PrincipalGroup[] {
  const groups = new Map<string, PrincipalGroup>();
  for (const stmt of statements) {
    if (effectIs(stmt, "Allow") === NO) continue;
    // An Allow with NotPrincipal grants everyone but the principals it lists.
    const entries: readonly PrincipalEntry[] = stmt.notPrincipal ? [{ type: "*", value: "*" }] : (stmt.principal ?? []);
    entries.forEach((e, i) => {
      const key = principalKey(e, `#${stmt.index}:${i}`);
      const group = groups.get(key);
      if (!group) groups.set(key, { principal: e, statements: [stmt] });
      else if (!group.statements.includes(stmt)) group.statements.push(stmt);
    });
  }
  return [...groups.values()];
}

/**
 * How to ask about a named principal. One whose shape is unknown cannot be matched: it is asked about through the
 * statements naming it (and every Deny) only, and no answer about it is better than "unknown".
 */
function principalQuestion(
  principal: PrincipalEntry,
  naming: readonly PolicyStatement[],
  statements: readonly PolicyStatement[],
  exact: boolean,
): { who: PrincipalQuery | undefined; policy: Policies; cap: T } {
  const who = queryOf(principal, exact);
  if (who)
    return {
      who,
      policy: { version: undefined, id: undefined, statements, range: naming[0]?.range as Range },
      cap: YES,
    };
  const own = statements.filter((s) => naming.includes(s) || effectIs(s, "Allow") !== YES);
  return {
    who,
    policy: { version: undefined, id: undefined, statements: own, range: naming[0]?.range as Range },
    cap: UNKNOWN,
  };
}

export const ASSUME_ROLE_ACTIONS: readonly string[] = [
  "sts:AssumeRole",
  "sts:AssumeRoleWithSAML",
  "sts:AssumeRoleWithWebIdentity",
];

export interface TrustedPrincipal {
  readonly principal: PrincipalEntry;
  readonly kind: PrincipalKind;
  /** Whether a person can assume it: AWS accounts, users and roles (and everyone); not services or federation. */
  readonly human: Tri;
  /** The assume-role actions granted to it ("yes" or "unknown"). */
  readonly actions: readonly string[];
  /** "yes" when requests without MFA (`aws:MultiFactorAuthPresent` false or absent) cannot assume the role. */
  readonly mfaRequired: Tri;
  /** The `aws:MultiFactorAuthAge` bound (NumericLessThan/LessThanEquals, seconds) on the granting statements, if any. */
  readonly mfaMaxAge: ConditionValue | undefined;
  /** The Allow statements naming it. */
  readonly statements: readonly PolicyStatement[];
}

/** Who can assume the role this trust policy belongs to, and whether each must have signed in with MFA. */
export function trustedPrincipals(trustPolicy: Policies): TrustedPrincipal[] {
  const statements = statementsOf(trustPolicy);
  const out: TrustedPrincipal[] = [];
  for (const { principal, statements: naming } of namedPrincipals(statements)) {
    const { who, policy, cap } = principalQuestion(principal, naming, statements, false);
    const granted = ASSUME_ROLE_ACTIONS.filter((action) => allows(policy, { action, principal: who }).result !== "no");
    if (granted.length === 0) continue;
    let mfa: T = cap;
    for (const action of granted) {
      const without = allows(policy, { action, principal: who }, { withoutCondition: "aws:MultiFactorAuthPresent" });
      mfa = and(mfa, not(TRI.indexOf(without.result) as T));
    }
    const kind = principalKind(principal);
    out.push({
      principal,
      kind,
      human: kind === "unknown" ? "unknown" : HUMAN_KINDS.has(kind) ? "yes" : "no",
      actions: granted,
      mfaRequired: TRI[mfa] as Tri,
      mfaMaxAge: mfaMaxAge(naming),
      statements: naming,
    });
  }
  return out;
}

function mfaMaxAge(statements: readonly PolicyStatement[]): ConditionValue | undefined {
  for (const stmt of statements) {
    for (const c of stmt.conditions) {
      if (
        c.keyLower === "aws:multifactorauthage" &&
        (c.base === "NumericLessThan" || c.base === "NumericLessThanEquals")
      ) {
        return c.values[0];
      }
    }
  }
  return undefined;
}

export interface ActionAccess {
  readonly result: Tri;
  /** The catalogue actions granted ("yes" or "unknown"). */
  readonly actions: readonly string[];
}

export interface KeyPrincipalAccess {
  readonly principal: PrincipalEntry;
  readonly kind: PrincipalKind;
  /** Key administration (KMS_ADMIN_ACTIONS). */
  readonly admin: ActionAccess;
  /** Cryptographic use (KMS_DATA_ACTIONS). */
  readonly data: ActionAccess;
  readonly statements: readonly PolicyStatement[];
}

/**
 * For a KMS key policy: each principal named by an Allow statement, with the administration and the cryptographic
 * use it is granted — to check that administrators and users are different principals.
 */
export function keyPolicyPrincipals(keyPolicy: Policies): KeyPrincipalAccess[] {
  const all = statementsOf(keyPolicy);
  return namedPrincipals(all).map(({ principal, statements }) => {
    const { who, policy, cap } = principalQuestion(principal, statements, all, true);
    const access = (catalogue: readonly string[]): ActionAccess => {
      let result: T = NO;
      const actions: string[] = [];
      for (const action of catalogue) {
        const t = and(cap, TRI.indexOf(allows(policy, { action, principal: who }).result) as T);
        if (t !== NO) actions.push(action);
        result = or(result, t);
      }
      return { result: TRI[result] as Tri, actions };
    };
    return {
      principal,
      kind: principalKind(principal),
      admin: access(KMS_ADMIN_ACTIONS),
      data: access(KMS_DATA_ACTIONS),
      statements,
    };
  });
}
