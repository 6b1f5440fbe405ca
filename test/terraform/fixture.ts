/** Helpers for Terraform tests: in-memory configurations and compact range/value renderings for exact assertions. */
import type { Diagnostic } from "../../src/hcl/diagnostic.js";
import type { Range } from "../../src/hcl/range.js";
import type { Value } from "../../src/hcl/value.js";
import { buildGraph, type EvaluateOptions } from "../../src/terraform/evaluator.js";
import { type ResourceGraph, type ResourceInstance, type Tracked, valueToJson } from "../../src/terraform/graph.js";
import { type LoadOptions, memoryFileSystem } from "../../src/terraform/loader.js";

export const root = "/cfg";

/** Builds the graph of an in-memory configuration whose root module is `/cfg` (file names relative to it). */
export function graphOf(
  files: Readonly<Record<string, string>>,
  options: LoadOptions & EvaluateOptions = {},
): ResourceGraph {
  const abs = Object.fromEntries(Object.entries(files).map(([name, text]) => [`${root}/${name}`, text]));
  return buildGraph(root, { fs: memoryFileSystem(abs), ...options });
}

/** `main.tf:3:5-3:20`: file name relative to /cfg, 1-based line:column of start and end. */
export function span(r: Range | undefined): string {
  if (!r) return "(no range)";
  const file = r.file.startsWith(`${root}/`) ? r.file.slice(root.length + 1) : r.file;
  return `${file}:${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

export function diags(graph: { diagnostics: readonly Diagnostic[] }): string[] {
  return graph.diagnostics.map((d) => `${d.severity} ${span(d.range)} ${d.summary}`);
}

export function instance(graph: ResourceGraph, address: string): ResourceInstance {
  const i = graph.byAddress.get(address);
  if (!i) throw new Error(`no instance ${address}; have ${[...graph.byAddress.keys()].join(", ")}`);
  return i;
}

export function attr(graph: ResourceGraph, address: string, name: string): Tracked {
  const t = instance(graph, address).body.attributes[name];
  if (!t) throw new Error(`${address} has no attribute ${name}`);
  return t;
}

/** The JSON rendering of a value (unknowns as {unknown: refs}, sensitive hidden). */
export function json(v: Value): unknown {
  return valueToJson(v);
}

export function addresses(graph: ResourceGraph): string[] {
  return graph.instances.map((i) => i.address);
}
