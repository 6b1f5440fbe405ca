/**
 * IAM: managed policies, roles, users, groups; inline policies (separate resources and `inline_policy` blocks);
 * attachments (per-principal attachment resources, `aws_iam_policy_attachment`, `managed_policy_arns`); group
 * membership. Principals are joined by reference or by name; policies by reference or ARN.
 */
import type { Value } from "../../hcl/value.js";
import { SetValue, Unknown, unmark } from "../../hcl/value.js";
import type {
  Group,
  IamModel,
  IdentityPolicy,
  InlinePolicy,
  ManagedPolicy,
  PolicyAttachment,
  PolicyValue,
  Principal,
  Role,
  User,
} from "../../model/aws/iam.js";
import type { Tracked } from "../../model/aws/resource.js";
import type { ResourceInstance } from "../../terraform/graph.js";
import type { AdaptContext, Mutable } from "./context.js";
import { JoinIndex } from "./join.js";
import { unjoined } from "./kms.js";
import { blocks, rawValue } from "./read.js";

/** `arn:aws:iam::123:policy/path/name` → `name`; `arn:aws:iam::123:role/x` → `x`. */
function iamNameOf(text: string): string | undefined {
  if (!text.startsWith("arn:")) return text;
  const resource = text.split(":").slice(5).join(":");
  const slash = resource.lastIndexOf("/");
  return slash >= 0 ? resource.slice(slash + 1) : undefined;
}

function rawList(value: Value | undefined): readonly Value[] {
  if (value === undefined) return [];
  const plain = unmark(value).value;
  if (plain === null) return [];
  if (Array.isArray(plain)) return plain;
  if (plain instanceof SetValue) return plain.items;
  return [plain];
}

/** A missing policy attribute: an empty explicit document is not the same, so it is an unknown-origin stand-in. */
function missingPolicy(instance: ResourceInstance, attribute: string): PolicyValue {
  return {
    address: instance.address,
    attribute,
    range: instance.range,
    origin: "default",
    document: undefined,
    problems: [],
  };
}

export function adaptIam(ctx: AdaptContext): IamModel {
  const r = ctx.read;
  const roles = new JoinIndex<Role>();
  const users = new JoinIndex<User>();
  const groups = new JoinIndex<Group>();
  const policies = new JoinIndex<ManagedPolicy>();
  const identityPolicies: IdentityPolicy[] = [];
  /** Principals per identity policy, filled as attachments are joined. */
  const attachedTo = new Map<IdentityPolicy, Principal[]>();

  const principalBase = (instance: ResourceInstance) => ({
    ...ctx.base(instance),
    name: r.string(instance.body, "name"),
    path: r.string(instance.body, "path", "/"),
    inlinePolicies: [] as InlinePolicy[],
    attachedPolicies: [] as PolicyAttachment[],
    tags: r.defaulted<Record<string, string | undefined>>(instance.range),
  });

  const identity = (
    kind: IdentityPolicy["kind"],
    address: string,
    range: IdentityPolicy["range"],
    name: Tracked<string>,
    policy: PolicyValue,
    principals: Principal[],
  ): IdentityPolicy => {
    const entry: IdentityPolicy = { kind, address, range, name, policy, attachedTo: principals };
    attachedTo.set(entry, principals);
    identityPolicies.push(entry);
    return entry;
  };

  for (const instance of ctx.instances("aws_iam_policy")) {
    ctx.guard(instance, () => {
      const policy = ctx.policy(instance, "policy") ?? missingPolicy(instance, "policy");
      const name = r.string(instance.body, "name");
      const managed: Mutable<ManagedPolicy> = {
        ...ctx.base(instance),
        name,
        path: r.string(instance.body, "path", "/"),
        policy,
        identityPolicy: identity("managed", instance.address, instance.range, name, policy, []),
        tags: r.defaulted(instance.range),
      };
      managed.tags = ctx.tags(instance, managed);
      policies.add(instance, managed);
      policies.addName(name.value, managed);
      ctx.register(managed);
    });
  }

  const attach = (
    principal: Principal,
    instance: ResourceInstance,
    policyArn: Tracked<string>,
    value: Value | undefined,
  ): void => {
    const policy = policies.resolve(value, { from: instance, nameOf: iamNameOf });
    // An AWS-managed policy ARN (`arn:aws:iam::aws:policy/…`) must not join a same-named policy of ours.
    const link =
      typeof value === "string" && value.includes(":iam::aws:policy/")
        ? { kind: "literal" as const, text: value }
        : policy;
    (principal.attachedPolicies as PolicyAttachment[]).push({
      address: instance.address,
      type: instance.type,
      range: instance.range,
      policyArn,
      policy: link,
    });
    if (link.kind === "resolved") attachedTo.get(link.target.identityPolicy)?.push(principal);
  };

  for (const instance of ctx.instances("aws_iam_role")) {
    ctx.guard(instance, () => {
      const body = instance.body;
      const role: Mutable<Role> = {
        ...principalBase(instance),
        kind: "role",
        assumeRolePolicy: ctx.policy(instance, "assume_role_policy") ?? missingPolicy(instance, "assume_role_policy"),
        maxSessionDuration: r.number(body, "max_session_duration", 3600),
        permissionsBoundary: r.string(body, "permissions_boundary"),
      };
      role.tags = ctx.tags(instance, role);
      for (const b of blocks(body, "inline_policy")) {
        const policy = ctx.policy(instance, "policy", b);
        if (!policy) continue;
        const inline: InlinePolicy = {
          address: instance.address,
          type: instance.type,
          range: b.range,
          name: r.string(b, "name"),
          policy,
        };
        (role.inlinePolicies as InlinePolicy[]).push(inline);
        identity("inline-block", instance.address, b.range, inline.name, policy, [role]);
      }
      roles.add(instance, role);
      roles.addName(role.name.value, role);
      ctx.register(role);
    });
  }
  // Attach managed_policy_arns once all roles exist (the list may name policies declared later).
  for (const role of roles.items) {
    const instance = ctx.graph.byAddress.get(role.address);
    if (!instance) continue;
    const arns = instance.body.attributes.managed_policy_arns;
    if (!arns) continue;
    const plain = unmark(arns.value).value;
    if (plain instanceof Unknown) {
      attach(role, instance, { value: undefined, range: arns.range, origin: "unknown" }, plain);
      continue;
    }
    for (const element of rawList(plain)) {
      const text = unmark(element).value;
      attach(
        role,
        instance,
        typeof text === "string"
          ? { value: text, range: arns.range, origin: "explicit" }
          : { value: undefined, range: arns.range, origin: "unknown" },
        element,
      );
    }
  }

  for (const instance of ctx.instances("aws_iam_user")) {
    ctx.guard(instance, () => {
      const user: Mutable<User> = {
        ...principalBase(instance),
        kind: "user",
        permissionsBoundary: r.string(instance.body, "permissions_boundary"),
        groups: [],
      };
      user.tags = ctx.tags(instance, user);
      users.add(instance, user);
      users.addName(user.name.value, user);
      ctx.register(user);
    });
  }
  for (const instance of ctx.instances("aws_iam_group")) {
    ctx.guard(instance, () => {
      const group: Mutable<Group> = { ...principalBase(instance), kind: "group", members: [] };
      groups.add(instance, group);
      groups.addName(group.name.value, group);
      ctx.register(group);
    });
  }

  const principalOf = <T extends Principal>(
    index: JoinIndex<T>,
    instance: ResourceInstance,
    attribute: string,
    what: string,
  ): T | undefined => {
    const link = index.resolve(rawValue(instance.body, attribute), { from: instance, nameOf: iamNameOf });
    if (link.kind === "resolved") return link.target;
    ctx.diagnostics.push(
      unjoined(instance.body.attributes[attribute]?.range ?? instance.range, instance.address, what),
    );
    return undefined;
  };

  const inlineTypes: readonly [string, JoinIndex<Principal>, string, string][] = [
    ["aws_iam_role_policy", roles as JoinIndex<Principal>, "role", "role"],
    ["aws_iam_user_policy", users as JoinIndex<Principal>, "user", "user"],
    ["aws_iam_group_policy", groups as JoinIndex<Principal>, "group", "group"],
  ];
  for (const [type, index, attribute, what] of inlineTypes) {
    for (const instance of ctx.instances(type)) {
      ctx.guard(instance, () => {
        const policy = ctx.policy(instance, "policy") ?? missingPolicy(instance, "policy");
        const name = r.string(instance.body, "name");
        const principal = principalOf(index, instance, attribute, what);
        identity("inline", instance.address, instance.range, name, policy, principal ? [principal] : []);
        if (!principal) return;
        (principal.inlinePolicies as InlinePolicy[]).push({
          address: instance.address,
          type,
          range: instance.range,
          name,
          policy,
        });
        ctx.join(principal as Principal & { sources: Principal["sources"][number][] }, instance);
      });
    }
  }

  const attachmentTypes: readonly [string, JoinIndex<Principal>, string, string][] = [
    ["aws_iam_role_policy_attachment", roles as JoinIndex<Principal>, "role", "role"],
    ["aws_iam_user_policy_attachment", users as JoinIndex<Principal>, "user", "user"],
    ["aws_iam_group_policy_attachment", groups as JoinIndex<Principal>, "group", "group"],
  ];
  for (const [type, index, attribute, what] of attachmentTypes) {
    for (const instance of ctx.instances(type)) {
      ctx.guard(instance, () => {
        const principal = principalOf(index, instance, attribute, what);
        if (!principal) return;
        attach(principal, instance, r.string(instance.body, "policy_arn"), rawValue(instance.body, "policy_arn"));
        ctx.join(principal as Principal & { sources: Principal["sources"][number][] }, instance);
      });
    }
  }

  // aws_iam_policy_attachment: one resource naming many principals (exclusive attachment).
  for (const instance of ctx.instances("aws_iam_policy_attachment")) {
    ctx.guard(instance, () => {
      const policyArn = r.string(instance.body, "policy_arn");
      const arnValue = rawValue(instance.body, "policy_arn");
      for (const [attribute, index] of [
        ["roles", roles],
        ["users", users],
        ["groups", groups],
      ] as const) {
        for (const element of rawList(rawValue(instance.body, attribute))) {
          const link = (index as JoinIndex<Principal>).resolve(element, { from: instance, nameOf: iamNameOf });
          if (link.kind !== "resolved") {
            ctx.diagnostics.push(
              unjoined(
                instance.body.attributes[attribute]?.range ?? instance.range,
                instance.address,
                attribute.slice(0, -1),
              ),
            );
            continue;
          }
          attach(link.target, instance, policyArn, arnValue);
        }
      }
    });
  }

  // Group membership.
  const member = (user: User, group: Group) => {
    if (!user.groups.includes(group)) (user.groups as Group[]).push(group);
    if (!group.members.includes(user)) (group.members as User[]).push(user);
  };
  for (const instance of ctx.instances("aws_iam_user_group_membership")) {
    ctx.guard(instance, () => {
      const user = principalOf(users, instance, "user", "user");
      if (!user) return;
      for (const element of rawList(rawValue(instance.body, "groups"))) {
        const link = groups.resolve(element, { from: instance, nameOf: iamNameOf });
        if (link.kind === "resolved") member(user, link.target);
      }
    });
  }
  for (const instance of ctx.instances("aws_iam_group_membership")) {
    ctx.guard(instance, () => {
      const group = principalOf(groups, instance, "group", "group");
      if (!group) return;
      for (const element of rawList(rawValue(instance.body, "users"))) {
        const link = users.resolve(element, { from: instance, nameOf: iamNameOf });
        if (link.kind === "resolved") member(link.target, group);
      }
    });
  }

  return {
    roles: roles.items,
    users: users.items,
    groups: groups.items,
    managedPolicies: policies.items,
    identityPolicies,
  };
}
