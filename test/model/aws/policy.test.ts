// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Terraform interpolations and IAM policy variables, not JS templates
import { describe, expect, it } from "vitest";
import { makeSet, Sensitive, Unknown } from "../../../src/hcl/value.js";
import { parseOperator, policyStringText, stringParts } from "../../../src/model/aws/policy.js";
import { line, locator, normalise, POLICY_RANGE, policyOf, ref, tpl, val } from "./policy-support.js";

// Seed 001 (`aws_iam_policy.ephi_readonly`): read-only access to the ePHI bucket over TLS, objects tagged ePHI.
const ephiReadonly = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "ListBucketOverTLS",
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: "arn:aws:s3:::ephi-bucket",
      Condition: { Bool: { "aws:SecureTransport": "true" } },
    },
    {
      Sid: "GetObjectsTaggedEPHIOverTLS",
      Effect: "Allow",
      Action: ["s3:GetObject"],
      Resource: "arn:aws:s3:::ephi-bucket/*",
      Condition: {
        Bool: { "aws:SecureTransport": "true" },
        StringEquals: { "s3:ExistingObjectTag/classification": "ephi" },
      },
    },
  ],
};

describe("normalisePolicy: documents", () => {
  it("normalises the seed's least-privilege policy with statement and condition ranges", () => {
    const locate = locator({
      '["Statement",0]': line(5, 7, 8),
      '["Statement",1]': line(13, 7, 8),
      '["Statement",1,"Condition","StringEquals","s3:ExistingObjectTag/classification"]': line(20, 26, 60),
    });
    const { policy, problems } = normalise(ephiReadonly, locate);
    expect(problems).toEqual([]);
    expect(policy?.version).toBe("2012-10-17");
    expect(policy?.range).toEqual(POLICY_RANGE);
    expect(policy?.statements).toEqual([
      {
        index: 0,
        path: ["Statement", 0],
        range: line(5, 7, 8),
        sid: "ListBucketOverTLS",
        effect: "Allow",
        principal: undefined,
        notPrincipal: undefined,
        action: ["s3:ListBucket"],
        notAction: undefined,
        resource: ["arn:aws:s3:::ephi-bucket"],
        notResource: undefined,
        conditions: [
          {
            operator: "Bool",
            base: "Bool",
            ifExists: false,
            quantifier: undefined,
            key: "aws:SecureTransport",
            keyLower: "aws:securetransport",
            values: ["true"],
            range: line(5, 7, 8),
          },
        ],
        opaqueCondition: undefined,
        opaque: false,
      },
      {
        index: 1,
        path: ["Statement", 1],
        range: line(13, 7, 8),
        sid: "GetObjectsTaggedEPHIOverTLS",
        effect: "Allow",
        principal: undefined,
        notPrincipal: undefined,
        action: ["s3:GetObject"],
        notAction: undefined,
        resource: ["arn:aws:s3:::ephi-bucket/*"],
        notResource: undefined,
        conditions: [
          {
            operator: "Bool",
            base: "Bool",
            ifExists: false,
            quantifier: undefined,
            key: "aws:SecureTransport",
            keyLower: "aws:securetransport",
            values: ["true"],
            range: line(13, 7, 8),
          },
          {
            operator: "StringEquals",
            base: "StringEquals",
            ifExists: false,
            quantifier: undefined,
            key: "s3:ExistingObjectTag/classification",
            keyLower: "s3:existingobjecttag/classification",
            values: ["ephi"],
            range: line(20, 26, 60),
          },
        ],
        opaqueCondition: undefined,
        opaque: false,
      },
    ]);
  });

  it("reads a JSON string (heredoc) exactly as the equivalent object", () => {
    const fromObject = normalise(ephiReadonly);
    const fromJson = normalise(JSON.stringify(ephiReadonly, null, 2));
    expect(fromJson).toEqual(fromObject);
  });

  it("takes a single statement object at path [Statement]", () => {
    const locate = locator({ '["Statement"]': line(3, 5, 6) });
    const { policy, problems } = normalise(
      { Statement: { Effect: "Deny", Action: "s3:*", Resource: "*", Principal: "*" } },
      locate,
    );
    expect(problems).toEqual([]);
    expect(policy?.version).toBeUndefined();
    expect(
      policy?.statements.map((s) => [s.index, s.path, s.range, s.effect, s.action, s.resource, s.principal]),
    ).toEqual([[0, ["Statement"], line(3, 5, 6), "Deny", ["s3:*"], ["*"], [{ type: "*", value: "*" }]]]);
  });

  it("falls back to the whole policy's range when nothing is located", () => {
    const { policy } = normalise(ephiReadonly, () => undefined);
    expect(policy?.statements.map((s) => s.range)).toEqual([POLICY_RANGE, POLICY_RANGE]);
    expect(policy?.statements[1]?.conditions.map((c) => c.range)).toEqual([POLICY_RANGE, POLICY_RANGE]);
  });

  it("removes sensitive marks and reads sets as lists", () => {
    const { policy, problems } = normalise({
      Statement: [
        {
          Effect: "Allow",
          Action: makeSet(["s3:PutObject", "s3:GetObject"]),
          Resource: new Sensitive("arn:aws:s3:::secret-bucket/*"),
        },
      ],
    });
    expect(problems).toEqual([]);
    expect(policy?.statements[0]?.action).toEqual(["s3:GetObject", "s3:PutObject"]);
    expect(policy?.statements[0]?.resource).toEqual(["arn:aws:s3:::secret-bucket/*"]);
  });
});

describe("normalisePolicy: principals", () => {
  const principalsOf = (principal: unknown) =>
    normalise({ Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: principal }] });

  it.each([
    ["*", [{ type: "*", value: "*" }]],
    [{ AWS: "*" }, [{ type: "AWS", value: "*" }]],
    [
      { AWS: ["arn:aws:iam::123456789012:root", "111122223333"] },
      [
        { type: "AWS", value: "arn:aws:iam::123456789012:root" },
        { type: "AWS", value: "111122223333" },
      ],
    ],
    [{ Service: "cloudtrail.amazonaws.com" }, [{ type: "Service", value: "cloudtrail.amazonaws.com" }]],
    [
      { Federated: "arn:aws:iam::123456789012:saml-provider/Okta" },
      [{ type: "Federated", value: "arn:aws:iam::123456789012:saml-provider/Okta" }],
    ],
    [{ CanonicalUser: "79a59df900b949e5" }, [{ type: "CanonicalUser", value: "79a59df900b949e5" }]],
  ])("reads Principal %j", (principal, expected) => {
    const { policy, problems } = principalsOf(principal);
    expect(problems).toEqual([]);
    expect(policy?.statements[0]?.principal).toEqual(expected);
  });

  it("keeps an unknown principal ARN symbolic", () => {
    const arn = ref("aws_iam_role.admin", "arn");
    const { policy } = principalsOf({ AWS: [arn] });
    expect(policy?.statements[0]?.principal).toEqual([{ type: "AWS", value: arn }]);
  });

  it("keeps a principal object known only after apply as an unknown entry", () => {
    const u = new Unknown([], "map");
    const { policy } = principalsOf(u);
    expect(policy?.statements[0]?.principal).toEqual([{ type: "unknown", value: u }]);
  });

  it("reports an unknown principal type and a bare ARN string at the principal", () => {
    const locate = locator({ '["Statement",0,"Principal"]': line(7, 9, 40) });
    const bad = normalise(
      { Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Aws: "arn:aws:iam::1:root" } }] },
      locate,
    );
    expect(bad.problems.map((p) => [p.severity, p.summary, p.range])).toEqual([
      ["error", "Unknown principal type", line(7, 9, 40)],
    ]);
    expect(bad.policy?.statements[0]?.principal?.map((e) => e.type)).toEqual(["unknown"]);
    const bare = normalise(
      { Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: "arn:aws:iam::1:root" }] },
      locate,
    );
    expect(bare.problems.map((p) => [p.summary, p.range])).toEqual([["Invalid principal", line(7, 9, 40)]]);
  });
});

describe("normalisePolicy: conditions", () => {
  it.each([
    ["Bool", { base: "Bool", ifExists: false, quantifier: undefined }],
    ["BoolIfExists", { base: "Bool", ifExists: true, quantifier: undefined }],
    ["StringNotEqualsIfExists", { base: "StringNotEquals", ifExists: true, quantifier: undefined }],
    ["ForAnyValue:StringLike", { base: "StringLike", ifExists: false, quantifier: "ForAnyValue" }],
    ["ForAllValues:StringEqualsIfExists", { base: "StringEquals", ifExists: true, quantifier: "ForAllValues" }],
    ["forallvalues:stringequals", { base: "StringEquals", ifExists: false, quantifier: "ForAllValues" }],
    ["NumericLessThan", { base: "NumericLessThan", ifExists: false, quantifier: undefined }],
    ["ArnLike", { base: "ArnLike", ifExists: false, quantifier: undefined }],
    ["Null", { base: "Null", ifExists: false, quantifier: undefined }],
    ["StringEqualz", { base: undefined, ifExists: false, quantifier: undefined }],
    ["IfExists", { base: undefined, ifExists: false, quantifier: undefined }],
  ])("parses operator %s", (name, expected) => {
    expect(parseOperator(name)).toEqual(expected);
  });

  it("reads values of every kind and keys case-insensitively", () => {
    const tls = ref("data.aws_caller_identity.current", "account_id");
    const { policy, problems } = normalise({
      Statement: [
        {
          Effect: "Allow",
          Action: "s3:GetObject",
          Resource: "*",
          Condition: {
            BoolIfExists: { "AWS:MultiFactorAuthPresent": true },
            NumericLessThan: { "s3:TlsVersion": 1.2, "aws:MultiFactorAuthAge": "3600" },
            StringEquals: { "aws:SourceAccount": [tls, "123456789012"] },
          },
        },
      ],
    });
    expect(problems).toEqual([]);
    expect(policy?.statements[0]?.conditions.map((c) => [c.operator, c.key, c.keyLower, c.values])).toEqual([
      ["BoolIfExists", "AWS:MultiFactorAuthPresent", "aws:multifactorauthpresent", [true]],
      ["NumericLessThan", "s3:TlsVersion", "s3:tlsversion", [1.2]],
      ["NumericLessThan", "aws:MultiFactorAuthAge", "aws:multifactorauthage", ["3600"]],
      ["StringEquals", "aws:SourceAccount", "aws:sourceaccount", [tls, "123456789012"]],
    ]);
  });

  it("marks the conditions incomplete when an operator's keys are unknown", () => {
    const keys = new Unknown([{ address: "var.conditions", path: [] }], "map");
    const { policy, problems } = normalise({
      Statement: [
        { Effect: "Deny", Action: "*", Resource: "*", Condition: { StringEquals: keys, Bool: { "aws:x": "true" } } },
      ],
    });
    expect(problems).toEqual([]);
    expect(policy?.statements[0]?.opaqueCondition).toBe(keys);
    expect(policy?.statements[0]?.conditions.map((c) => c.key)).toEqual(["aws:x"]);
  });

  it("reports unknown operators, Null with IfExists and nested values at the condition", () => {
    const locate = locator({
      '["Statement",0]': line(4),
      '["Statement",0,"Condition","StringEqualz"]': line(8, 9, 30),
      '["Statement",0,"Condition","NullIfExists"]': line(9, 9, 30),
      '["Statement",0,"Condition","StringEquals","k"]': line(10, 11, 20),
    });
    const { policy, problems } = normalise(
      {
        Statement: [
          {
            Effect: "Deny",
            Action: "*",
            Resource: "*",
            Condition: {
              StringEqualz: { "aws:SourceVpce": "vpce-1" },
              NullIfExists: { "aws:x": "true" },
              StringEquals: { k: [["nested"]] },
            },
          },
        ],
      },
      locate,
    );
    expect(problems.map((p) => [p.summary, p.range])).toEqual([
      ["Unknown condition operator", line(8, 9, 30)],
      ["Invalid condition operator", line(9, 9, 30)],
      ["Invalid condition value", line(10, 11, 20)],
    ]);
    const conditions = policy?.statements[0]?.conditions ?? [];
    expect(conditions.map((c) => c.base)).toEqual([undefined, "Null", "StringEquals"]);
    expect(conditions[2]?.values[0]).toBeInstanceOf(Unknown);
  });
});

describe("normalisePolicy: symbolic values", () => {
  const bucketArn = ref("aws_s3_bucket.phi", "arn");

  it("keeps references and template parts of a jsonencode with unknowns (encoded)", () => {
    const objects = tpl(bucketArn, "/*");
    const document = val({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: [bucketArn, objects] }],
    });
    const encoded = new Unknown([{ address: "aws_s3_bucket.phi", path: ["arn"] }], "string", undefined, document);
    const { policy, problems } = normalise(encoded);
    expect(problems).toEqual([]);
    expect(policy?.statements[0]?.resource).toEqual([bucketArn, objects]);
    const sensitive = new Unknown(
      [],
      "string",
      undefined,
      val({ Statement: [{ Effect: "Allow", Action: new Sensitive("s3:GetObject"), Resource: "*" }] }),
    );
    expect(normalise(sensitive).policy?.statements[0]?.action).toEqual(["s3:GetObject"]);
    expect(stringParts(objects)).toEqual([bucketArn, "/*"]);
    expect(policyStringText(objects)).toBe("${aws_s3_bucket.phi.arn}/*");
  });

  it("parses heredoc JSON with interpolations inside strings and in value position", () => {
    const statements = val([{ Effect: "Deny", Action: "s3:*", Resource: "*", Principal: "*" }]);
    const encodedStatements = new Unknown([], "string", undefined, statements);
    const account = ref("data.aws_caller_identity.current", "account_id");
    const heredoc = new Unknown([...bucketArn.refs, ...account.refs], "string", [
      '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": {"AWS": "arn:aws:iam::',
      account,
      ':root"},\n    "Action": ["s3:GetObject"],\n    "Resource": "',
      bucketArn,
      '/*"\n  }],\n  "Id": ',
      ref("var.id"),
      "\n}",
    ]);
    const { policy, problems } = normalise(heredoc);
    expect(problems).toEqual([]);
    const stmt = policy?.statements[0];
    expect(stmt?.principal).toEqual([
      { type: "AWS", value: new Unknown(account.refs, "string", ["arn:aws:iam::", account, ":root"]) },
    ]);
    expect(stmt?.resource).toEqual([new Unknown(bucketArn.refs, "string", [bucketArn, "/*"])]);
    expect(policy?.id).toEqual(ref("var.id"));

    const withStatements = normalise(new Unknown([], "string", ['{"Statement": ', encodedStatements, "}"]));
    expect(withStatements.problems).toEqual([]);
    expect(withStatements.policy?.statements.map((s) => [s.effect, s.action, s.principal])).toEqual([
      ["Deny", ["s3:*"], [{ type: "*", value: "*" }]],
    ]);
  });

  it("turns an object whose key is interpolated into an unknown", () => {
    const key = ref("var.condition_key");
    const { policy } = normalise(
      new Unknown(key.refs, "string", [
        '{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"',
        key,
        '": "false"}}}}',
      ]),
    );
    expect(policy?.statements[0]?.opaqueCondition).toEqual(new Unknown(key.refs, "map"));
  });

  it("stands in an opaque statement for a policy known only after apply", () => {
    const u = ref("data.aws_iam_policy_document.remote", "json");
    const { policy, problems } = normalise(u);
    expect(problems).toEqual([]);
    expect(policy?.statements).toEqual([
      {
        index: 0,
        path: [],
        range: POLICY_RANGE,
        sid: undefined,
        effect: u,
        principal: [{ type: "unknown", value: u }],
        notPrincipal: undefined,
        action: [u],
        notAction: undefined,
        resource: [u],
        notResource: undefined,
        conditions: [],
        opaqueCondition: u,
        opaque: true,
      },
    ]);
  });

  it("stands in opaque statements for unknown statements, located at the statement", () => {
    const u = new Unknown([{ address: "var.extra_statement", path: [] }], "map");
    const { policy, problems } = normalise({
      Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, u],
    });
    expect(problems).toEqual([]);
    expect(policy?.statements.map((s) => [s.opaque, s.range, s.path])).toEqual([
      [false, line(10, 7, 8), ["Statement", 0]],
      [true, line(20, 7, 8), ["Statement", 1]],
    ]);
    const whole = normalise({ Statement: u });
    expect(whole.policy?.statements.map((s) => [s.opaque, s.path])).toEqual([[true, ["Statement"]]]);
  });

  it("keeps an unknown list as one unknown element", () => {
    const actions = new Unknown([{ address: "var.actions", path: [] }], "list");
    const { policy } = normalise({ Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] });
    expect(policy?.statements[0]?.action).toEqual([actions]);
  });
});

describe("normalisePolicy: problems", () => {
  it("reports malformed JSON at the policy and returns no document", () => {
    const { policy, problems } = normalise('{"Version": "2012-10-17", "Statement": [ {"Effect": "Allow",, } ]}');
    expect(policy).toBeUndefined();
    expect(problems.map((p) => [p.severity, p.summary, p.range])).toEqual([
      ["error", "Malformed policy JSON", POLICY_RANGE],
    ]);
    expect(problems[0]?.detail).toMatch(/^The policy is not valid JSON: .+\.$/);
  });

  it("reports JSON nested too deeply as a problem, not a crash", () => {
    const deep = `{"Statement": ${"[".repeat(200_000)}${"]".repeat(200_000)}}`;
    expect(normalise(deep).problems.map((p) => p.summary)).toEqual(["Malformed policy JSON"]);
    const template = new Unknown([], "string", [
      `{"Statement": ${"[".repeat(200_000)}"`,
      ref("var.x"),
      `"${"]".repeat(200_000)}}`,
    ]);
    expect(normalise(template).problems.map((p) => p.summary)).toEqual(["Malformed policy JSON"]);
  });

  it("reports malformed JSON in a heredoc with interpolations", () => {
    const { policy, problems } = normalise(
      new Unknown([], "string", ['{"Statement": [{"Resource": "', ref("aws_s3_bucket.b", "arn"), '"']),
    );
    expect(policy).toBeUndefined();
    expect(problems.map((p) => p.summary)).toEqual(["Malformed policy JSON"]);
  });

  it.each([
    ["an empty string", ""],
    ["a JSON array", "[]"],
  ])("reports %s", (_, text) => {
    const { policy, problems } = normalise(text);
    expect(policy).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.range).toEqual(POLICY_RANGE);
  });

  it("reports each invalid element at its location and keeps analysing", () => {
    const locate = locator({
      '["Statement",0]': line(10),
      '["Statement",1]': line(20),
      '["Statement",1,"Effect"]': line(21, 16, 23),
      '["Statement",2]': line(30),
      '["Statement",3]': line(40),
      '["Statement",3,"Action",1]': line(42, 30, 32),
      '["Statement",4]': line(50),
      '["Statement",4,"Resourse"]': line(52, 7, 15),
      '["Version"]': line(2, 14, 26),
    });
    const { policy, problems } = normalise(
      {
        Version: "2012-10-17x",
        Statement: [
          { Action: "s3:GetObject", Resource: "*" },
          { Effect: "allow", Action: "s3:GetObject", Resource: "*" },
          { Effect: "Allow", Action: "s3:GetObject", NotAction: "s3:PutObject", Resource: "*", NotResource: "x" },
          { Effect: "Allow", Action: ["s3:GetObject", 42], Resource: "*" },
          { Effect: "Allow", Resourse: "*" },
          "not a statement",
        ],
        Extra: true,
      },
      locate,
    );
    expect(problems.map((p) => [p.severity, p.summary, p.range])).toEqual([
      ["error", "Unknown policy element", POLICY_RANGE],
      ["error", "Invalid policy version", line(2, 14, 26)],
      ["error", "Statement has no Effect", line(10)],
      ["error", "Invalid Effect", line(21, 16, 23)],
      ["error", "Conflicting action elements", line(30)],
      ["error", "Conflicting resource elements", line(30)],
      ["error", "Invalid Action entry", line(42, 30, 32)],
      ["error", "Unknown statement element", line(52, 7, 15)],
      ["error", "Statement has no Action", line(50)],
      ["error", "Invalid statement", POLICY_RANGE],
    ]);
    const statements = policy?.statements ?? [];
    expect(statements).toHaveLength(6);
    // Invalid parts become unknown, so that no analysis passes on them.
    expect(statements[0]?.effect).toBeInstanceOf(Unknown);
    expect(statements[1]?.effect).toBeInstanceOf(Unknown);
    expect(statements[3]?.action?.[1]).toBeInstanceOf(Unknown);
    expect(statements[4]?.action?.[0]).toBeInstanceOf(Unknown);
    expect(statements[5]?.opaque).toBe(true);
  });

  it("reports a document without Statement and an empty Statement list", () => {
    expect(normalise({ Version: "2012-10-17" }).problems.map((p) => [p.severity, p.summary])).toEqual([
      ["error", "Policy has no Statement"],
    ]);
    expect(normalise({ Statement: [] }).problems.map((p) => [p.severity, p.summary])).toEqual([
      ["warning", "Empty Statement list"],
    ]);
  });

  it("warns about a repeated Sid at the second statement", () => {
    const locate = locator({ '["Statement",1,"Sid"]': line(21, 7, 20) });
    const statement = { Sid: "Same", Effect: "Allow", Action: "s3:GetObject", Resource: "*" };
    const { problems } = normalise({ Statement: [statement, statement, { ...statement, Sid: "Other" }] }, locate);
    expect(problems.map((p) => [p.severity, p.summary, p.range])).toEqual([
      ["warning", "Duplicate Sid", line(21, 7, 20)],
    ]);
  });

  it("policyOf in the tests rejects policies with problems", () => {
    expect(() => policyOf({ Statement: [] })).toThrow("Empty Statement list");
  });
});
