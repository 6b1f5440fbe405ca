import { describe, expect, it } from "vitest";
import { Unknown } from "../../src/hcl/value.js";
import { attr, diags, graphOf, instance, json } from "./fixture.js";

const document = [
  `data "aws_iam_policy_document" "doc" {`,
  `  statement {`,
  `    sid       = "DenyInsecureTransport"`,
  `    effect    = "Deny"`,
  `    actions   = ["s3:*"]`,
  `    resources = [RESOURCES]`,
  `    principals {`,
  `      type        = "*"`,
  `      identifiers = ["*"]`,
  `    }`,
  `    condition {`,
  `      test     = "Bool"`,
  `      variable = "aws:SecureTransport"`,
  `      values   = ["false"]`,
  `    }`,
  `  }`,
  `  statement {`,
  `    actions   = ["s3:GetObject", "s3:ListBucket"]`,
  `    resources = [RESOURCES]`,
  `    principals {`,
  `      type        = "AWS"`,
  `      identifiers = ["arn:aws:iam::111122223333:role/reader"]`,
  `    }`,
  `    condition {`,
  `      test     = "StringEquals"`,
  `      variable = "aws:PrincipalTag/team"`,
  `      values   = ["phi", "ops"]`,
  `    }`,
  `  }`,
  `}`,
  `resource "aws_s3_bucket_policy" "from_document" {`,
  `  bucket = "phi"`,
  `  policy = data.aws_iam_policy_document.doc.json`,
  `}`,
  `resource "aws_s3_bucket_policy" "from_jsonencode" {`,
  `  bucket = "phi"`,
  `  policy = jsonencode({`,
  `    Version = "2012-10-17"`,
  `    Statement = [`,
  `      {`,
  `        Sid       = "DenyInsecureTransport"`,
  `        Effect    = "Deny"`,
  `        Action    = "s3:*"`,
  `        Resource  = [SORTED]`,
  `        Principal = "*"`,
  `        Condition = { Bool = { "aws:SecureTransport" = "false" } }`,
  `      },`,
  `      {`,
  `        Effect    = "Allow"`,
  `        Action    = ["s3:ListBucket", "s3:GetObject"]`,
  `        Resource  = [SORTED]`,
  `        Principal = { AWS = "arn:aws:iam::111122223333:role/reader" }`,
  `        Condition = { StringEquals = { "aws:PrincipalTag/team" = ["phi", "ops"] } }`,
  `      },`,
  `    ]`,
  `  })`,
  `}`,
  `resource "aws_s3_bucket" "phi" {`,
  `  bucket = "phi"`,
  `}`,
].join("\n");

describe("aws_iam_policy_document", () => {
  it("produces the JSON the provider would, equal to jsonencode of the equivalent literal", () => {
    const g = graphOf({
      "main.tf": document
        .replaceAll("[RESOURCES]", `["arn:aws:s3:::phi", "arn:aws:s3:::phi/*"]`)
        .replaceAll("[SORTED]", `["arn:aws:s3:::phi/*", "arn:aws:s3:::phi"]`),
    });
    expect(diags(g)).toEqual([]);
    const fromDocument = attr(g, "aws_s3_bucket_policy.from_document", "policy");
    const fromJsonencode = attr(g, "aws_s3_bucket_policy.from_jsonencode", "policy");
    expect(fromDocument.value).toBe(
      '{"Statement":[{"Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny","Principal":"*","Resource":["arn:aws:s3:::phi/*","arn:aws:s3:::phi"],"Sid":"DenyInsecureTransport"},{"Action":["s3:ListBucket","s3:GetObject"],"Condition":{"StringEquals":{"aws:PrincipalTag/team":["phi","ops"]}},"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/reader"},"Resource":["arn:aws:s3:::phi/*","arn:aws:s3:::phi"]}],"Version":"2012-10-17"}',
    );
    expect(fromDocument.origin).toBe("explicit");
    expect(fromJsonencode.value).toBe(fromDocument.value);
    expect(instance(g, "data.aws_iam_policy_document.doc").computed.json).toBe(fromDocument.value);
    expect(instance(g, "aws_s3_bucket_policy.from_document").references).toEqual(["data.aws_iam_policy_document.doc"]);
  });

  it("gives an unknown string that encodes the document when an ARN is unknown, as jsonencode does", () => {
    const arns = `[aws_s3_bucket.phi.arn, "\${aws_s3_bucket.phi.arn}/*"]`;
    const g = graphOf({ "main.tf": document.replaceAll("[RESOURCES]", arns).replaceAll("[SORTED]", arns) });
    expect(diags(g)).toEqual([]);
    const fromDocument = attr(g, "aws_s3_bucket_policy.from_document", "policy").value;
    const fromJsonencode = attr(g, "aws_s3_bucket_policy.from_jsonencode", "policy").value;
    expect(fromDocument).toBeInstanceOf(Unknown);
    expect(fromJsonencode).toBeInstanceOf(Unknown);
    const a = fromDocument as Unknown;
    const b = fromJsonencode as Unknown;
    expect(a.type).toBe("string");
    expect(a.refs.map((r) => `${r.address}.${r.path.join(".")}`)).toEqual(["aws_s3_bucket.phi.arn"]);
    expect(json(a.encoded ?? null)).toEqual(json(b.encoded ?? null));
    expect(json(a.encoded ?? null)).toEqual({
      Statement: [
        {
          Action: "s3:*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
          Effect: "Deny",
          Principal: "*",
          Resource: [{ unknown: ["aws_s3_bucket.phi.arn"] }, { unknown: ["aws_s3_bucket.phi.arn"] }],
          Sid: "DenyInsecureTransport",
        },
        {
          Action: ["s3:ListBucket", "s3:GetObject"],
          Condition: { StringEquals: { "aws:PrincipalTag/team": ["phi", "ops"] } },
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:role/reader" },
          Resource: [{ unknown: ["aws_s3_bucket.phi.arn"] }, { unknown: ["aws_s3_bucket.phi.arn"] }],
        },
      ],
      Version: "2012-10-17",
    });
    expect(instance(g, "aws_s3_bucket_policy.from_document").references).toEqual(["data.aws_iam_policy_document.doc"]);
    expect(instance(g, "data.aws_iam_policy_document.doc").references).toEqual(["aws_s3_bucket.phi"]);
  });

  it("merges source and override documents by Sid and rewrites &{…} policy variables", () => {
    const g = graphOf({
      "main.tf": [
        `data "aws_iam_policy_document" "base" {`,
        `  statement {`,
        `    sid       = "A"`,
        `    actions   = ["s3:GetObject"]`,
        `    resources = ["arn:aws:s3:::phi/&{aws:username}/*"]`,
        `  }`,
        `  statement {`,
        `    sid     = "B"`,
        `    actions = ["s3:PutObject"]`,
        `  }`,
        `}`,
        `data "aws_iam_policy_document" "merged" {`,
        `  source_policy_documents   = [data.aws_iam_policy_document.base.json]`,
        `  override_policy_documents = ["{\\"Statement\\":[{\\"Sid\\":\\"B\\",\\"Effect\\":\\"Deny\\",\\"Action\\":\\"s3:*\\"}]}"]`,
        `  statement {`,
        `    actions = ["kms:Decrypt"]`,
        `  }`,
        `}`,
      ].join("\n"),
    });
    expect(diags(g)).toEqual([]);
    expect(JSON.parse(instance(g, "data.aws_iam_policy_document.merged").computed.json as string)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::phi/\${aws:username}/*` },
        { Sid: "B", Effect: "Deny", Action: "s3:*" },
        { Effect: "Allow", Action: "kms:Decrypt" },
      ],
    });
  });
});

describe("other data sources", () => {
  it("gives symbolic unknowns for caller identity, region and partition", () => {
    const g = graphOf({
      "main.tf": [
        `data "aws_caller_identity" "current" {}`,
        `data "aws_region" "current" {}`,
        `data "aws_partition" "current" {}`,
        `resource "null_resource" "r" {`,
        `  triggers = {`,
        `    arn = "arn:\${data.aws_partition.current.partition}:iam::\${data.aws_caller_identity.current.account_id}:root"`,
        `    region = data.aws_region.current.region`,
        `  }`,
        `}`,
      ].join("\n"),
    });
    expect(diags(g)).toEqual([]);
    const triggers = attr(g, "null_resource.r", "triggers").value;
    expect(json(triggers)).toEqual({
      arn: { unknown: ["data.aws_caller_identity.current.account_id", "data.aws_partition.current.partition"] },
      region: { unknown: ["data.aws_region.current.region"] },
    });
  });
});
