import { describe, expect, it } from "vitest";
import type { PolicyStatement } from "../../../src/model/aws/policy.js";
import { adaptFixture, byAddress, diags, leaf, link, span } from "./support.js";

/** A statement without its source locations, to compare documents written different ways. */
function meaning(statement: PolicyStatement | undefined): unknown {
  if (!statement) return undefined;
  const { range: _range, conditions, ...rest } = statement;
  return { ...rest, conditions: conditions.map(({ range: _r, ...c }) => c) };
}

describe("IAM policies from every source", () => {
  const { model, diagnostics, graph } = adaptFixture("policies");
  const identity = (address: string) => {
    const found = model.iam.identityPolicies.find((p) => p.address === address);
    if (!found) throw new Error(`no identity policy ${address}`);
    return found;
  };

  it("adapts without diagnostics", () => {
    expect(diags(graph.diagnostics)).toEqual([]);
    expect(diags(diagnostics)).toEqual([]);
    expect(model.iam.identityPolicies.map((p) => `${p.kind} ${p.address} ${span(p.range)}`)).toEqual([
      "managed aws_iam_policy.from_document main.tf:18:1-21:2",
      "managed aws_iam_policy.from_heredoc main.tf:23:1-39:2",
      "inline-block aws_iam_role.reader main.tf:49:3-52:4",
      "inline aws_iam_role_policy.reader main.tf:60:1-64:2",
    ]);
  });

  it("normalises a policy document data source and a heredoc to equal statements", () => {
    const fromDocument = identity("aws_iam_policy.from_document").policy;
    const fromHeredoc = identity("aws_iam_policy.from_heredoc").policy;
    expect(fromDocument.dataSource).toBe("data.aws_iam_policy_document.read");
    expect(fromHeredoc.dataSource).toBeUndefined();
    expect(fromDocument.document?.statements).toHaveLength(1);
    expect(meaning(fromDocument.document?.statements[0])).toEqual(meaning(fromHeredoc.document?.statements[0]));
    expect(meaning(identity("aws_iam_role_policy.reader").policy.document?.statements[0])).toEqual(
      meaning(fromHeredoc.document?.statements[0]),
    );
  });

  it("locates statements and conditions of a policy document in its statement blocks", () => {
    const statement = identity("aws_iam_policy.from_document").policy.document?.statements[0];
    expect(statement && span(statement.range)).toBe("main.tf:6:3-15:4");
    expect(statement?.conditions.map((c) => `${c.operator} ${c.key} ${span(c.range)}`)).toEqual([
      "Bool aws:SecureTransport main.tf:10:5-14:6",
    ]);
    // A heredoc has no finer location than its attribute.
    const heredoc = identity("aws_iam_policy.from_heredoc").policy;
    expect(span(heredoc.range)).toBe("main.tf:25:3-38:6");
    expect(heredoc.document?.statements[0] && span(heredoc.document.statements[0].range)).toBe("main.tf:25:3-38:6");
  });

  it("joins attachments, managed_policy_arns and inline policies to the role", () => {
    const role = byAddress(model.iam.roles, "aws_iam_role.reader");
    expect(leaf(role.maxSessionDuration)).toBe("7200 explicit main.tf:46:3-46:30");
    expect(role.assumeRolePolicy.document?.statements[0]?.principal).toEqual([
      { type: "Service", value: "ec2.amazonaws.com" },
    ]);
    expect(role.attachedPolicies.map((a) => `${a.address} ${leaf(a.policyArn)} -> ${link(a.policy)}`)).toEqual([
      'aws_iam_role.reader "arn:aws:iam::aws:policy/ReadOnlyAccess" explicit main.tf:47:3-47:68 -> literal arn:aws:iam::aws:policy/ReadOnlyAccess',
      "aws_iam_role_policy_attachment.reader undefined unknown main.tf:57:3-57:48 -> aws_iam_policy.from_document",
    ]);
    expect(role.inlinePolicies.map((p) => `${p.address} ${leaf(p.name)}`)).toEqual([
      'aws_iam_role.reader "inline-block" explicit main.tf:50:5-50:28',
      'aws_iam_role_policy.reader "inline-resource" explicit main.tf:61:3-61:29',
    ]);
    expect(identity("aws_iam_policy.from_document").attachedTo).toEqual([role]);
    expect(role.sources.map((s) => s.address)).toEqual([
      "aws_iam_role.reader",
      "aws_iam_role_policy.reader",
      "aws_iam_role_policy_attachment.reader",
    ]);
  });

  it("joins a user's attachment by the policy ARN's name", () => {
    const alice = byAddress(model.iam.users, "aws_iam_user.alice");
    expect(alice.attachedPolicies.map((a) => link(a.policy))).toEqual(["aws_iam_policy.from_heredoc"]);
    expect(identity("aws_iam_policy.from_heredoc").attachedTo).toEqual([alice]);
  });

  it("traces a bucket policy to its data source even when its JSON holds unknowns", () => {
    const policy = model.buckets[0]?.policy;
    expect(policy?.address).toBe("aws_s3_bucket_policy.phi");
    expect(policy?.origin).toBe("explicit");
    expect(policy?.dataSource).toBe("data.aws_iam_policy_document.tls");
    const statement = policy?.document?.statements[0];
    expect(statement && span(statement.range)).toBe("main.tf:81:3-98:4");
    expect(statement?.effect).toBe("Deny");
    expect(statement?.principal).toEqual([{ type: "*", value: "*" }]);
    expect(
      statement?.resource?.map((r) =>
        typeof r === "string" ? r : r.refs.map((x) => `${x.address}.${x.path.join(".")}`),
      ),
    ).toEqual([["aws_s3_bucket.phi.arn"], ["aws_s3_bucket.phi.arn"]]);
  });
});
