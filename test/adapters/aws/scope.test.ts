import { describe, expect, it } from "vitest";
import type { ModelObject } from "../../../src/model/aws/resource.js";
import { adaptFixture, diags, span } from "./support.js";

function scopeOf(object: ModelObject | undefined): string {
  if (!object) return "missing";
  const { value, reason, via, relation, range } = object.phi;
  return [value, reason, via, relation, span(range)].filter((x) => x !== undefined).join(" ");
}

describe("PHI scope", () => {
  const { model, diagnostics } = adaptFixture("scope");
  const at = (address: string) => model.byAddress.get(address);

  it("adapts without diagnostics", () => {
    expect(diags(diagnostics)).toEqual([]);
  });

  it("takes the provider's default tags, overridden by the resource's own tag", () => {
    expect(scopeOf(at("aws_dynamodb_table.sessions"))).toBe("true default-tag main.tf:13:5-15:6");
    expect(scopeOf(at("aws_s3_bucket.website"))).toBe("false none main.tf:36:1-39:2");
    expect(scopeOf(at("aws_s3_bucket.public_assets"))).toBe("false none main.tf:42:1-45:2");
  });

  it("puts the backend's state bucket, key (through its alias) and lock table in scope", () => {
    expect(model.backend?.address).toBe("terraform.backend.s3");
    expect(model.backend?.bucket.kind === "resolved" && model.backend.bucket.target.address).toBe(
      "aws_s3_bucket.tfstate",
    );
    expect(scopeOf(at("aws_s3_bucket.tfstate"))).toBe(
      "true state-bucket terraform.backend.s3 state bucket main.tf:3:5-3:36",
    );
    expect(scopeOf(at("aws_kms_key.tfstate"))).toBe("true referenced-by terraform.backend.s3 kms key main.tf:6:5-6:37");
    expect(scopeOf(at("aws_dynamodb_table.locks"))).toBe(
      "true referenced-by terraform.backend.s3 state lock table main.tf:7:5-7:37",
    );
  });

  it("puts a PHI bucket's key and log bucket in scope, naming the bucket", () => {
    const fx = adaptFixture("for-each-buckets");
    expect(scopeOf(fx.model.byAddress.get('aws_s3_bucket.phi["claims"]'))).toBe("true tag main.tf:16:3-16:40");
    expect(scopeOf(fx.model.byAddress.get("aws_kms_key.phi"))).toBe(
      'true referenced-by aws_s3_bucket.phi["claims"] kms key main.tf:29:7-29:46',
    );
    expect(scopeOf(fx.model.byAddress.get("aws_s3_bucket.logs"))).toBe(
      'true referenced-by aws_s3_bucket.phi["claims"] access log bucket main.tf:46:3-46:40',
    );
  });

  it("matches the tag key and value case-insensitively, across modules", () => {
    const fx = adaptFixture("cross-module");
    expect(scopeOf(fx.model.byAddress.get("module.z_storage.aws_s3_bucket.this"))).toBe(
      "true tag modules/storage/main.tf:11:3-11:39",
    );
  });

  it("uses a configured tag", () => {
    const fx = adaptFixture("scope", { phiTag: { key: "classification", values: ["public"] } });
    expect(scopeOf(fx.model.byAddress.get("aws_s3_bucket.website"))).toBe("true tag main.tf:38:3-38:41");
    // The default tag's "phi" no longer counts; the state bucket still does.
    expect(scopeOf(fx.model.byAddress.get("aws_dynamodb_table.sessions"))).toBe("false none main.tf:24:1-31:2");
    expect(scopeOf(fx.model.byAddress.get("aws_s3_bucket.tfstate"))).toBe(
      "true state-bucket terraform.backend.s3 state bucket main.tf:3:5-3:36",
    );
  });
});
