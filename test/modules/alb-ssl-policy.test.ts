import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/terraform/evaluator.js";

const fixture = fileURLToPath(new URL("../fixtures/modules/alb-tls-1-0", import.meta.url));

function errors(vars: Record<string, string> = {}): string[][] {
  const graph = buildGraph(fixture, { vars });
  return graph.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => [d.summary, d.detail.split("\n")[0] as string]);
}

describe("hipaa_baseline alb.ssl_policy validation", () => {
  it("rejects a TLS 1.3 policy that still accepts TLS 1.0, with the validation's message", () => {
    expect(errors()).toEqual([
      [
        "Invalid value for variable",
        "alb.ssl_policy must allow only TLS 1.2 or newer (an ELBSecurityPolicy-TLS13-1-2-* or TLS13-1-3-* policy, recommended, or a TLS-1-2/FS-1-2 policy; TLS13-1-0/1-1 still accept TLS 1.0/1.1): HIPAA 164.312(e)(1) transmission security.",
      ],
    ]);
  });

  it("accepts TLS 1.3 policies with a TLS 1.2 or 1.3 minimum", () => {
    expect(errors({ ssl_policy: "ELBSecurityPolicy-TLS13-1-3-2021-06" })).toEqual([]);
    expect(errors({ ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06" })).toEqual([]);
  });
});
