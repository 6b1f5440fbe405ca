/**
 * State shared by the adapters of one run: the graph, the diagnostics sink, the readers, the indexes each adapter
 * builds for the next (keys before buckets, buckets before trails …), and helpers every adapter needs: an object's
 * common fields, its tags (with the provider's `default_tags`), a policy attribute normalised, a KMS key reference.
 */
import type { Diagnostic } from "../../hcl/diagnostic.js";
import { error } from "../../hcl/diagnostic.js";
import { isObjectValue, Unknown, unmark, type Value } from "../../hcl/value.js";
import type { PolicyValue } from "../../model/aws/iam.js";
import type { Alias, Key, KeyLink, KeyReference } from "../../model/aws/kms.js";
import type { PhiTagOption } from "../../model/aws/model.js";
import { type Locate, normalisePolicy, type PolicyPath } from "../../model/aws/policy.js";
import type { ModelObject, Source, Tags, Tracked } from "../../model/aws/resource.js";
import type {
  EvaluatedBlock,
  EvaluatedBody,
  Tracked as GraphTracked,
  ResourceGraph,
  ResourceInstance,
} from "../../terraform/graph.js";
import { arnName, JoinIndex, referencesOf } from "./join.js";
import { jsonencodeLocator } from "./policy-locator.js";
import { blocks, Reader, rawValue, toStringMap } from "./read.js";

/** A model object under construction: its common fields are mutable until the run ends. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Where an object's tags came from, for the scope pass. */
export interface TagOrigin {
  readonly own: GraphTracked | undefined;
  readonly defaults: GraphTracked | undefined;
}

const policyDocumentType = "aws_iam_policy_document";

export class AdaptContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly read = new Reader(this.diagnostics);
  /** Every model object by address; split resources map to the object they joined. */
  readonly objects = new Map<string, ModelObject>();
  readonly tagOrigins = new Map<ModelObject, TagOrigin>();
  readonly keys = new JoinIndex<Key>();
  readonly aliases = new JoinIndex<Alias>();
  private readonly defaultTags = new Map<string, GraphTracked>();

  constructor(
    readonly graph: ResourceGraph,
    readonly phiTag: PhiTagOption,
  ) {
    for (const provider of graph.providers) {
      const tags = provider.body.blocks.default_tags?.[0]?.attributes.tags;
      if (tags) this.defaultTags.set(provider.address, tags);
    }
  }

  /** Managed resource instances of a type (data sources: `data.<type>`). */
  instances(type: string): readonly ResourceInstance[] {
    return this.graph.byType.get(type) ?? [];
  }

  /** Runs one instance's adapter; an exception becomes a located diagnostic and the run continues. */
  guard(instance: ResourceInstance, adapt: () => void): void {
    try {
      adapt();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.diagnostics.push(
        error("Internal error while building the AWS model", `${instance.address}: ${message}`, instance.range),
      );
    }
  }

  /** The fields every model object has; `phi` is set by the scope pass. */
  base(instance: ResourceInstance): Mutable<ModelObject> & { sources: Source[] } {
    return {
      address: instance.address,
      type: instance.type,
      range: instance.range,
      moduleCalls: instance.moduleCalls,
      provider: instance.provider,
      sources: [source(instance)],
      phi: { value: false, reason: "none", range: instance.range },
    };
  }

  register<T extends ModelObject>(object: T, ...addresses: string[]): T {
    this.objects.set(object.address, object);
    for (const address of addresses) this.objects.set(address, object);
    return object;
  }

  /** Joins a separate resource into an object: it becomes one of its sources and resolves to it by address. */
  join(object: ModelObject & { sources: Source[] }, instance: ResourceInstance): void {
    object.sources.push(source(instance));
    this.objects.set(instance.address, object);
  }

  /** The resource's tags merged over its provider's `default_tags`. */
  tags(instance: ResourceInstance, object?: ModelObject, body: EvaluatedBody = instance.body): Tracked<Tags> {
    const own = body.attributes.tags;
    const defaults = this.defaultTags.get(instance.provider);
    if (object) this.tagOrigins.set(object, { own, defaults });
    if (own === undefined && defaults === undefined) return this.read.defaulted(instance.range, Object.create(null));
    const ownValue = own ? unmark(own.value).value : null;
    const defaultValue = defaults ? unmark(defaults.value).value : null;
    if (ownValue instanceof Unknown)
      return { value: undefined, range: own?.range ?? instance.range, origin: "unknown" };
    const merged: Record<string, string | undefined> = Object.create(null);
    for (const v of [defaultValue, ownValue]) {
      if (v === null) continue;
      if (v instanceof Unknown) continue;
      const map = toStringMap(v);
      if (map === undefined) {
        this.diagnostics.push(
          error("Invalid tags", "tags must be a map of strings.", (own ?? defaults)?.range ?? instance.range),
        );
        continue;
      }
      Object.assign(merged, map);
    }
    const range = own?.range ?? defaults?.range ?? instance.range;
    return { value: merged, range, origin: own ? "explicit" : "default" };
  }

  /** A policy attribute normalised; undefined when not written. */
  policy(instance: ResourceInstance, attribute: string, body: EvaluatedBody = instance.body): PolicyValue | undefined {
    const written = body.attributes[attribute];
    if (written === undefined) return undefined;
    const value = unmark(written.value).value;
    if (value === null) return undefined;
    const dataSource = this.policyDocumentOf(instance, value);
    // The attribute's expression, where the graph keeps it, locates statements inside `jsonencode({ … })`.
    const expr = written.expr;
    const locate = dataSource ? statementLocator(dataSource) : expr ? jsonencodeLocator(expr) : undefined;
    const { policy, problems } = normalisePolicy(value, written.range, locate);
    this.diagnostics.push(...problems);
    const opaque = value instanceof Unknown && value.encoded === undefined && value.parts === undefined;
    return {
      address: instance.address,
      attribute,
      range: written.range,
      origin: opaque ? "unknown" : "explicit",
      document: policy,
      problems,
      ...(dataSource ? { dataSource: dataSource.address, dataSourceRange: dataSource.range } : {}),
    };
  }

  /** The `aws_iam_policy_document` a policy value came from: by reference, or by equal JSON among references. */
  private policyDocumentOf(instance: ResourceInstance, value: Value): ResourceInstance | undefined {
    if (value instanceof Unknown) {
      for (const ref of referencesOf(value)) {
        const target = this.graph.byAddress.get(ref.address);
        if (target?.mode === "data" && target.type === policyDocumentType) return target;
      }
    }
    // A document with unknowns inside is an unknown naming what it contains, not the data source: match its json.
    for (const address of instance.references) {
      const target = this.graph.byAddress.get(address);
      if (target?.mode !== "data" || target.type !== policyDocumentType) continue;
      for (const json of [target.computed.json, target.computed.minified_json]) {
        if (json === undefined) continue;
        if (json === value || (typeof json === "string" && json === value)) return target;
        if (
          json instanceof Unknown &&
          value instanceof Unknown &&
          json.encoded !== undefined &&
          json.encoded === value.encoded
        ) {
          return target;
        }
      }
    }
    return undefined;
  }

  /** A KMS key attribute and the key it names. */
  keyReference(instance: ResourceInstance, name: string, body: EvaluatedBody = instance.body): KeyReference {
    const id = this.read.string(body, name);
    const { key, viaAlias } = this.resolveKey(rawValue(body, name), instance);
    return viaAlias ? { id, key, viaAlias } : { id, key };
  }

  resolveKey(value: Value | undefined, from?: ResourceInstance, depth = 0): { key: KeyLink; viaAlias?: string } {
    if (value === undefined) return { key: { kind: "none" } };
    const plain = unmark(value).value;
    if (plain === null) return { key: { kind: "none" } };
    if (typeof plain === "string") return this.resolveKeyText(plain);
    if (!(plain instanceof Unknown)) return { key: { kind: "literal", text: String(plain) } };
    const refs = referencesOf(plain);
    for (const ref of refs) {
      const key = this.keys.byReference(ref.address, from, ref.path);
      if (key) return { key: { kind: "resolved", target: key } };
      const alias = this.aliases.byReference(ref.address, from, ref.path);
      if (alias) return { key: alias.target, viaAlias: alias.address };
      // Data sources naming a key by alias or id: `data.aws_kms_alias.s3` with `name = "alias/aws/s3"`.
      const data = this.graph.byAddress.get(ref.address);
      if (data?.mode === "data" && depth < 4) {
        const named =
          data.type === "aws_kms_alias"
            ? rawValue(data.body, "name")
            : data.type === "aws_kms_key"
              ? rawValue(data.body, "key_id")
              : undefined;
        if (named !== undefined) {
          const resolved = this.resolveKey(named, data, depth + 1);
          if (resolved.key.kind !== "none") return resolved;
        }
      }
    }
    return { key: { kind: "unknown", refs: [...new Set(refs.map((r) => r.address))] } };
  }

  private resolveKeyText(text: string): { key: KeyLink; viaAlias?: string } {
    const resource = arnName(text) ?? text;
    const aliasName = resource.startsWith("alias/") ? resource : undefined;
    if (aliasName === undefined) {
      // Key ids and ARNs are generated, so a literal one names a key outside the configuration.
      return { key: { kind: "literal", text } };
    }
    if (aliasName.startsWith("alias/aws/")) return { key: { kind: "aws-managed", alias: aliasName } };
    const alias = this.aliases.named(aliasName);
    if (alias) return { key: alias.target, viaAlias: alias.address };
    return { key: { kind: "literal", text } };
  }
}

export function source(instance: ResourceInstance): Source {
  return { address: instance.address, type: instance.type, range: instance.range };
}

const statementAttributes: Readonly<Record<string, string>> = {
  Sid: "sid",
  Effect: "effect",
  Action: "actions",
  NotAction: "not_actions",
  Resource: "resources",
  NotResource: "not_resources",
};

/**
 * Ranges of an `aws_iam_policy_document`'s statements and their elements, for documents whose statements are its
 * own `statement` blocks in order (no source or override documents to merge).
 */
function statementLocator(dataSource: ResourceInstance): Locate | undefined {
  const body = dataSource.body;
  for (const merged of ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]) {
    if (body.attributes[merged] !== undefined) return undefined;
  }
  const statements = blocks(body, "statement");
  if (statements.some((s) => s.unknownExpansion)) return undefined;
  return (path: PolicyPath) => {
    if (path[0] !== "Statement" || typeof path[1] !== "number") return undefined;
    const statement = statements[path[1]];
    if (!statement) return undefined;
    const element = path[2];
    if (element === undefined) return statement.range;
    if (typeof element !== "string") return undefined;
    const attribute = statementAttributes[element];
    if (attribute) return statement.attributes[attribute]?.range;
    if (element === "Principal" || element === "NotPrincipal") {
      return blocks(statement, element === "Principal" ? "principals" : "not_principals")[0]?.range;
    }
    if (element === "Condition") return conditionRange(blocks(statement, "condition"), path[3], path[4]);
    return undefined;
  };
}

function conditionRange(conditions: readonly EvaluatedBlock[], operator: unknown, key: unknown) {
  for (const c of conditions) {
    const test = rawValue(c, "test");
    const variable = rawValue(c, "variable");
    if (test === operator && (key === undefined || variable === key)) return c.range;
  }
  return operator === undefined ? conditions[0]?.range : undefined;
}

export function isMap(v: Value | undefined): boolean {
  return v !== undefined && isObjectValue(v);
}
