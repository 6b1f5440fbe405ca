/** IAM: policy documents wherever they come from, managed policies, roles, users, groups and their attachments. */
import type { Diagnostic } from "../../hcl/diagnostic.js";
import type { Range } from "../../hcl/range.js";
import type { PolicyDocument } from "./policy.js";
import type { Link, ModelObject, Origin, Tags, Tracked } from "./resource.js";

/**
 * A policy document attached to something (a bucket, key, topic, role trust, identity policy), normalised. The JSON
 * may come from a heredoc string, `jsonencode(...)`, or an `aws_iam_policy_document` data source: all give the same
 * statements.
 */
export interface PolicyValue {
  /** The resource whose attribute holds the policy (`aws_s3_bucket_policy.x`, `aws_iam_role.r` …). */
  readonly address: string;
  /** The attribute holding the document (`policy`, `assume_role_policy` …). */
  readonly attribute: string;
  /** The attribute's range. */
  readonly range: Range;
  /** `unknown`: the document as a whole is known only after apply (its statements are then opaque). */
  readonly origin: Origin;
  /** Undefined when the document cannot be read (malformed JSON…): `problems` says why. */
  readonly document: PolicyDocument | undefined;
  /** Problems found while normalising (also reported as adapter diagnostics). */
  readonly problems: readonly Diagnostic[];
  /** The `data.aws_iam_policy_document` instance it was built from, when known. */
  readonly dataSource?: string;
}

export type IdentityPolicyKind =
  /** `aws_iam_policy`. */
  | "managed"
  /** `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`. */
  | "inline"
  /** `inline_policy { }` block of `aws_iam_role`. */
  | "inline-block";

/** Every identity-based policy document of the configuration, with what it is attached to. */
export interface IdentityPolicy {
  readonly kind: IdentityPolicyKind;
  /** The defining resource (for `inline-block`, the role). */
  readonly address: string;
  /** The resource block, or the `inline_policy` block. */
  readonly range: Range;
  readonly name: Tracked<string>;
  readonly policy: PolicyValue;
  /** Roles, users and groups it applies to (for managed policies: through attachments). */
  readonly attachedTo: readonly Principal[];
}

/** `aws_iam_policy`. */
export interface ManagedPolicy extends ModelObject {
  readonly name: Tracked<string>;
  readonly path: Tracked<string>;
  readonly policy: PolicyValue;
  readonly identityPolicy: IdentityPolicy;
  readonly tags: Tracked<Tags>;
}

/**
 * One attachment of a managed policy to a role/user/group: `aws_iam_role_policy_attachment`,
 * `aws_iam_user_policy_attachment`, `aws_iam_group_policy_attachment`, `aws_iam_policy_attachment` (one per
 * principal it names), or an entry of a role's `managed_policy_arns`.
 */
export interface PolicyAttachment {
  /** The attachment resource (or the role, for `managed_policy_arns`). */
  readonly address: string;
  readonly type: string;
  readonly range: Range;
  readonly policyArn: Tracked<string>;
  /** The managed policy of this configuration, or a literal ARN (AWS-managed policies: `arn:aws:iam::aws:policy/…`). */
  readonly policy: Link<ManagedPolicy>;
}

/** An inline policy of a role, user or group. */
export interface InlinePolicy {
  /** The `aws_iam_role_policy`-like resource, or the role for an `inline_policy` block. */
  readonly address: string;
  readonly type: string;
  readonly range: Range;
  readonly name: Tracked<string>;
  readonly policy: PolicyValue;
}

interface PrincipalBase extends ModelObject {
  readonly name: Tracked<string>;
  readonly path: Tracked<string>;
  readonly inlinePolicies: readonly InlinePolicy[];
  readonly attachedPolicies: readonly PolicyAttachment[];
  readonly tags: Tracked<Tags>;
}

export interface Role extends PrincipalBase {
  readonly kind: "role";
  /** The trust policy. */
  readonly assumeRolePolicy: PolicyValue;
  /** Seconds; default 3600. */
  readonly maxSessionDuration: Tracked<number>;
  readonly permissionsBoundary: Tracked<string>;
}

export interface User extends PrincipalBase {
  readonly kind: "user";
  readonly permissionsBoundary: Tracked<string>;
  /** Groups it belongs to (`aws_iam_user_group_membership`, `aws_iam_group_membership`). */
  readonly groups: readonly Group[];
}

export interface Group extends PrincipalBase {
  readonly kind: "group";
  readonly members: readonly User[];
}

export type Principal = Role | User | Group;

export interface IamModel {
  readonly roles: readonly Role[];
  readonly users: readonly User[];
  readonly groups: readonly Group[];
  readonly managedPolicies: readonly ManagedPolicy[];
  /** Every identity policy document: managed, inline resources, inline blocks. */
  readonly identityPolicies: readonly IdentityPolicy[];
}
