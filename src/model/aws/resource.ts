/**
 * Shapes shared by every object of the typed AWS model: tracked leaves, provenance, links between objects and the
 * PHI scope. Rules read only these types, never the resource graph or HCL.
 */
import type { Range } from "../../hcl/range.js";

/** explicit: written and known; default: not written (AWS's default applies); unknown: known only after apply. */
export type Origin = "explicit" | "default" | "unknown";

/**
 * A leaf of the model. `default`: `value` is AWS's documented default (or undefined when AWS has none) and `range`
 * is the enclosing block's; `unknown`: written, but its value is known only after apply, so `value` is undefined.
 */
export interface Tracked<T> {
  readonly value: T | undefined;
  readonly range: Range;
  readonly origin: Origin;
}

/** One module call on the way from the root module to the object's module. */
export interface ModuleCall {
  /** `module.phi` or `module.a["k"].module.b`. */
  readonly address: string;
  /** The `module` block. */
  readonly range: Range;
  readonly source: string | null;
}

/** A resource (or data source, or the backend block) that contributed to a model object. */
export interface Source {
  readonly address: string;
  readonly type: string;
  readonly range: Range;
}

/** Why an object is (or is not) in PHI scope, so findings can explain it. */
export type PhiReason =
  /** Its own tag (default key `classification`) has a PHI value. */
  | "tag"
  /** The provider's `default_tags` carry the PHI tag. */
  | "default-tag"
  /** The PHI tag is written but its value is known only after apply: checked as PHI rather than skipped. */
  | "unknown-tag"
  /** A PHI object refers to it (its KMS key, log bucket, replication destination, trail bucket …). */
  | "referenced-by"
  /** The Terraform state bucket of the `backend "s3"` block: state holds every secret of the configuration. */
  | "state-bucket"
  /** Nothing puts it in scope. */
  | "none";

export interface PhiScope {
  readonly value: boolean;
  readonly reason: PhiReason;
  /** For `referenced-by`: the address of the PHI object that refers to it (the backend: `terraform.backend.s3`). */
  readonly via?: string;
  /** For `referenced-by`: how, e.g. "kms key", "access log bucket", "replication destination". */
  readonly relation?: string;
  /** The tag, default tag, or referring attribute; the object's own range when `none`. */
  readonly range: Range;
}

/** Every model object: where it is, what built it, and whether it holds PHI. */
export interface ModelObject {
  /** Full instance address: `module.phi.aws_s3_bucket.this["a"]`. */
  readonly address: string;
  /** The resource type (`aws_s3_bucket`), or `backend` for the state backend. */
  readonly type: string;
  /** The resource block. */
  readonly range: Range;
  readonly moduleCalls: readonly ModuleCall[];
  /** The provider configuration address, for account- or region-level settings. */
  readonly provider: string;
  /** This resource and every separate resource joined into it (split S3 resources, key policies, …). */
  readonly sources: readonly Source[];
  /** Set by the scope pass after all joins; `none` until then. */
  phi: PhiScope;
}

/** Tag values, as the resource carries them after `default_tags` are merged; undefined values are unknown. */
export type Tags = Readonly<Record<string, string | undefined>>;

/**
 * A reference from one object to another, resolved by the adapters:
 * - `resolved`: the target is defined in this configuration;
 * - `literal`: a known name/ARN/id that names nothing in this configuration (an existing resource elsewhere);
 * - `unknown`: the value is known only after apply and could not be traced to a resource here (`refs` says what
 *   it depends on: data sources, variables of unknown value …);
 * - `none`: not set.
 */
export type Link<T> =
  | { readonly kind: "resolved"; readonly target: T }
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "unknown"; readonly refs: readonly string[] }
  | { readonly kind: "none" };
