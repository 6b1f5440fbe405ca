/** Helpers for adapter tests: a fixture directory through the real loader, evaluator and adapters. */
import { fileURLToPath } from "node:url";
import { type AdaptOptions, adapt } from "../../../src/adapters/aws/adapt.js";
import type { Diagnostic } from "../../../src/hcl/diagnostic.js";
import type { Range } from "../../../src/hcl/range.js";
import type { AwsModel } from "../../../src/model/aws/model.js";
import type { Link, ModelObject, Tracked } from "../../../src/model/aws/resource.js";
import { buildGraph } from "../../../src/terraform/evaluator.js";
import type { ResourceGraph } from "../../../src/terraform/graph.js";

export const fixturesDir = fileURLToPath(new URL("./fixtures/", import.meta.url));

export interface Adapted {
  readonly graph: ResourceGraph;
  readonly model: AwsModel;
  readonly diagnostics: readonly Diagnostic[];
}

export function adaptFixture(name: string, options: AdaptOptions = {}): Adapted {
  const graph = buildGraph(`${fixturesDir}${name}`, { rootDir: fixturesDir });
  const { model, diagnostics } = adapt(graph, options);
  return { graph, model, diagnostics };
}

/** `main.tf:3:5-3:20`, the file relative to the fixtures directory's case folder. */
export function span(r: Range): string {
  const file = r.file.startsWith(fixturesDir) ? r.file.slice(fixturesDir.length).split("/").slice(1).join("/") : r.file;
  return `${file}:${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

/** A tracked leaf as `value @ origin span`, for one-line exact assertions. */
export function leaf<T>(t: Tracked<T>): string {
  const value = t.value === undefined ? "undefined" : JSON.stringify(t.value);
  return `${value} ${t.origin} ${span(t.range)}`;
}

/** A link as text: the target's address, a literal, unknown refs, or none. */
export function link<T extends { address: string }>(l: Link<T> | { kind: "aws-managed"; alias: string }): string {
  switch (l.kind) {
    case "resolved":
      return l.target.address;
    case "literal":
      return `literal ${l.text}`;
    case "unknown":
      return `unknown ${l.refs.join(",")}`;
    case "aws-managed":
      return `aws-managed ${l.alias}`;
    default:
      return "none";
  }
}

export function diags(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${span(d.range)} ${d.summary}`);
}

export function byAddress<T extends ModelObject>(items: readonly T[], address: string): T {
  const found = items.find((i) => i.address === address);
  if (!found) throw new Error(`no ${address}; have ${items.map((i) => i.address).join(", ")}`);
  return found;
}
