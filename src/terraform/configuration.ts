/**
 * A Terraform configuration as written: the module tree after loading and override merging, before evaluation.
 * Expressions stay unevaluated AST nodes; everything keeps the range it was declared at.
 */
import type { Attribute, Block, Body, Expression, ScopeTraversal } from "../hcl/ast.js";
import type { Range } from "../hcl/range.js";

export interface SourceFile {
  /** The path as used in ranges: the loaded directory joined with the file name. */
  readonly path: string;
  readonly bytes: number;
  /** Override files (`override.tf`, `*_override.tf`) are merged into the primary files' blocks. */
  readonly override: boolean;
}

export interface Validation {
  readonly condition: Expression;
  readonly errorMessage: Expression | null;
  readonly range: Range;
}

export interface Variable {
  readonly name: string;
  /** The whole `variable` block. */
  readonly range: Range;
  /** `variable "name"`: where diagnostics about the declaration point. */
  readonly declRange: Range;
  readonly type: Expression | null;
  readonly default: Attribute | null;
  readonly description: string | null;
  readonly sensitive: boolean;
  readonly nullable: boolean;
  readonly validations: readonly Validation[];
}

export interface Local {
  readonly name: string;
  readonly expr: Expression;
  /** The `name = expr` attribute. */
  readonly range: Range;
}

export interface Output {
  readonly name: string;
  readonly expr: Expression | null;
  readonly range: Range;
  readonly declRange: Range;
  readonly sensitive: boolean;
  readonly dependsOn: readonly ScopeTraversal[];
}

/** `provider = aws.east` on a resource or a value in a module call's `providers` map. */
export interface ProviderRef {
  readonly name: string;
  readonly alias: string | null;
  readonly range: Range;
}

export type ResourceMode = "managed" | "data";

export interface Resource {
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
  /** `aws_s3_bucket.b` or `data.aws_region.current`: the address within its module. */
  readonly key: string;
  readonly range: Range;
  /** The block header: type keyword and labels. */
  readonly declRange: Range;
  /** The body without meta-arguments (count, for_each, provider, depends_on, lifecycle, provisioner, connection). */
  readonly body: Body;
  readonly count: Attribute | null;
  readonly forEach: Attribute | null;
  readonly provider: ProviderRef | null;
  readonly dependsOn: readonly ScopeTraversal[];
  readonly lifecycle: Block | null;
}

export interface ModuleCall {
  readonly name: string;
  readonly range: Range;
  readonly declRange: Range;
  readonly source: string | null;
  readonly sourceRange: Range;
  readonly version: string | null;
  /** Input variable arguments by name. */
  readonly inputs: ReadonlyMap<string, Attribute>;
  readonly count: Attribute | null;
  readonly forEach: Attribute | null;
  /** `providers = { aws = aws.east }`: child local name (with alias, `aws.x`) → parent provider. */
  readonly providers: ReadonlyMap<string, ProviderRef>;
  readonly dependsOn: readonly ScopeTraversal[];
  /** The loaded child module, or null when it could not be loaded (a diagnostic says why). */
  module: Module | null;
}

export interface Provider {
  readonly name: string;
  readonly alias: string | null;
  readonly range: Range;
  readonly declRange: Range;
  readonly body: Body;
}

export interface RequiredProvider {
  readonly name: string;
  /** Fully qualified: `registry.terraform.io/hashicorp/aws`. */
  readonly source: string;
  readonly version: string | null;
  readonly range: Range;
}

export interface Backend {
  readonly type: string;
  readonly range: Range;
  readonly declRange: Range;
  readonly body: Body;
}

export interface Moved {
  readonly from: Expression;
  readonly to: Expression;
  readonly range: Range;
}

export interface Import {
  readonly to: Expression;
  readonly id: Expression | null;
  readonly forEach: Expression | null;
  readonly provider: ProviderRef | null;
  readonly range: Range;
}

export interface Module {
  /** The directory as used in ranges (relative or absolute, as the caller named it). */
  readonly dir: string;
  /** Absolute, normalised: for cycle and confinement checks. */
  readonly absDir: string;
  readonly files: readonly SourceFile[];
  readonly variables: ReadonlyMap<string, Variable>;
  readonly locals: ReadonlyMap<string, Local>;
  readonly outputs: ReadonlyMap<string, Output>;
  /** Keyed by `Resource.key`, in declaration order. */
  readonly resources: ReadonlyMap<string, Resource>;
  readonly moduleCalls: ReadonlyMap<string, ModuleCall>;
  /** Keyed by `name` or `name.alias`. */
  readonly providers: ReadonlyMap<string, Provider>;
  readonly requiredProviders: ReadonlyMap<string, RequiredProvider>;
  readonly requiredVersion: string | null;
  readonly backend: Backend | null;
  readonly moved: readonly Moved[];
  readonly imports: readonly Import[];
}

export interface Configuration {
  readonly root: Module;
  /** Absolute directory that module sources and file functions are confined to. */
  readonly rootDir: string;
  /** Every distinct loaded module directory. */
  readonly modules: readonly Module[];
}

export const defaultProviderNamespace = "hashicorp";
export const defaultProviderHost = "registry.terraform.io";

/** `aws` → `registry.terraform.io/hashicorp/aws`; `org/x` → `registry.terraform.io/org/x`; full sources kept. */
export function qualifyProviderSource(source: string): string {
  const parts = source.split("/");
  if (parts.length === 1) return `${defaultProviderHost}/${defaultProviderNamespace}/${source.toLowerCase()}`;
  if (parts.length === 2) return `${defaultProviderHost}/${source.toLowerCase()}`;
  return source.toLowerCase();
}

/** The provider local name a resource type implies: `aws_s3_bucket` → `aws`. */
export function impliedProviderName(resourceType: string): string {
  const underscore = resourceType.indexOf("_");
  return underscore < 0 ? resourceType : resourceType.slice(0, underscore);
}
