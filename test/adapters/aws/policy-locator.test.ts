import { describe, expect, it } from "vitest";
import { jsonencodeLocator } from "../../../src/adapters/aws/policy-locator.js";
import type { Range } from "../../../src/hcl/range.js";
import { parseExpression } from "../../../src/index.js";

const source = `jsonencode({
  Version = "2012-10-17"
  Statement = [
    {
      Sid      = "Read"
      Action   = ["s3:GetObject"]
      Resource = "*"
    },
    {
      "Effect" = "Deny"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    },
  ]
})`;

function at(r: Range | undefined): string {
  return r ? `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}` : "none";
}

describe("jsonencodeLocator", () => {
  const { expr, diagnostics } = parseExpression(source, "policy.tf");
  const locate = jsonencodeLocator(expr);

  it("locates statements, elements and condition keys", () => {
    expect(diagnostics).toEqual([]);
    expect(at(locate?.(["Statement", 0]))).toBe("4:5-8:6");
    expect(at(locate?.(["Statement", 1]))).toBe("9:5-12:6");
    expect(at(locate?.(["Statement", 0, "Action"]))).toBe("6:7-6:34");
    expect(at(locate?.(["Statement", 1, "Effect"]))).toBe("10:7-10:24");
    expect(at(locate?.(["Statement", 1, "Condition", "Bool", "aws:SecureTransport"]))).toBe("11:30-11:61");
    expect(at(locate?.(["Version"]))).toBe("2:3-2:25");
  });

  it("does not locate what the expression does not spell out", () => {
    expect(at(locate?.(["Statement", 2]))).toBe("none");
    expect(at(locate?.(["Statement", 0, "Condition"]))).toBe("none");
    expect(jsonencodeLocator(parseExpression("var.policy", "p.tf").expr)).toBeUndefined();
    expect(jsonencodeLocator(parseExpression("jsonencode(local.doc)", "p.tf").expr)?.(["Statement"])).toBeUndefined();
  });
});
