import { adapt } from "../adapters/aws/adapt.js";
import type { Diagnostic } from "../hcl/diagnostic.js";
import type { AwsModel, PhiTagOption } from "../model/aws/model.js";
import { allRules } from "../rules/index.js";
import type { Rule } from "../rules/rule.js";
import { buildGraph, type EvaluateOptions } from "../terraform/evaluator.js";
import type { ResourceGraph } from "../terraform/graph.js";
import type { LoadOptions } from "../terraform/loader.js";
import type { Finding } from "./finding.js";
import { runRules } from "./run-rules.js";

export interface ScanOptions extends LoadOptions, EvaluateOptions {
  readonly phiTag?: PhiTagOption;
  /** Per-rule option overrides (thresholds), by rule id. */
  readonly ruleOptions?: Readonly<Record<string, object>>;
  /** The rules to run; default all. */
  readonly rules?: readonly Rule[];
}

export interface ScanResult {
  readonly findings: Finding[];
  /** Loader, evaluator, adapter and rule diagnostics, in that order. */
  readonly diagnostics: Diagnostic[];
  readonly graph: ResourceGraph;
  readonly model: AwsModel;
}

/** The whole pipeline on a Terraform root module directory: load → evaluate → adapt → rules. */
export function scan(dir: string, options: ScanOptions = {}): ScanResult {
  const graph = buildGraph(dir, options);
  const adapted = adapt(graph, options.phiTag ? { phiTag: options.phiTag } : {});
  const rules = options.rules ?? allRules;
  const outcome = runRules(adapted.model, rules, options.ruleOptions ? { ruleOptions: options.ruleOptions } : {});
  return {
    findings: outcome.findings,
    diagnostics: [...graph.diagnostics, ...adapted.diagnostics, ...outcome.diagnostics],
    graph,
    model: adapted.model,
  };
}
