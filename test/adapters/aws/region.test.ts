import { describe, expect, it } from "vitest";
import { adaptFixture, diags, leaf, span } from "./support.js";

describe("Regions", () => {
  const { model, diagnostics } = adaptFixture("regions");

  it("adapts without diagnostics", () => {
    expect(diags(diagnostics)).toEqual([]);
  });

  it("lists each provider configuration managed resources use, with its block and region, in graph order", () => {
    expect(model.regions.map((r) => `${r.address} ${span(r.range)} ${leaf(r.region)}`)).toEqual([
      'provider["registry.terraform.io/hashicorp/aws"] main.tf:1:1-3:2 "us-east-1" explicit main.tf:2:3-2:23',
      'provider["registry.terraform.io/hashicorp/aws"].west main.tf:5:1-8:2 "us-west-2" explicit main.tf:7:3-7:23',
    ]);
  });

  it("joins the EBS settings to the provider configuration they are created with, across modules", () => {
    expect(
      model.regions.map((r) => [
        r.ebsEncryptionByDefault.map((e) => e.address),
        r.ebsDefaultKmsKeys.map((k) => k.address),
      ]),
    ).toEqual([
      [["aws_ebs_encryption_by_default.east"], ["aws_ebs_default_kms_key.east"]],
      [["module.replica.aws_ebs_encryption_by_default.this"], []],
    ]);
  });

  it("locates a provider used without a block at its first resource's root module call", () => {
    const fixture = adaptFixture("cross-module");
    expect(fixture.model.regions.map((r) => `${r.address} ${span(r.range)} ${leaf(r.region)}`)).toEqual([
      'provider["registry.terraform.io/hashicorp/aws"] main.tf:2:1-6:2 undefined default main.tf:2:1-6:2',
    ]);
  });
});
