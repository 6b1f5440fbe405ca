export { type AdaptOptions, type AdaptResult, adapt } from "./adapters/aws/adapt.js";
export { type ControlRefs, compareFindings, type Finding, fingerprint } from "./engine/finding.js";
export { type RunOptions, type RunOutcome, runRule, runRules } from "./engine/run-rules.js";
export { type ScanOptions, type ScanResult, scan } from "./engine/scan.js";
export * from "./frameworks/catalog.js";
export * from "./frameworks/control-list.js";
export type { RuleId } from "./frameworks/rule-ids.js";
export { ruleIds } from "./frameworks/rule-ids.js";
export type { SeedSafeguard } from "./frameworks/seed-safeguards.js";
export type { Control, Framework, Mapping } from "./frameworks/types.js";
export { frameworks, isFramework } from "./frameworks/types.js";
export * from "./hcl/ast.js";
export * from "./hcl/diagnostic.js";
export {
  compareStrings,
  type EvalContext,
  type Evaluation,
  evaluate,
  evaluateTemplate,
  referencedVariables,
} from "./hcl/eval.js";
export * from "./hcl/function.js";
export { type JsonValue, renderJson } from "./hcl/json-rendering.js";
export * from "./hcl/operations.js";
export { type ParseResult, parse, parseExpression, parseTemplate } from "./hcl/parser.js";
export * from "./hcl/range.js";
export { formatHclRange, sourceText } from "./hcl/source.js";
export * from "./hcl/types.js";
export * from "./hcl/value.js";
export * from "./model/aws/policy.js";
export * from "./model/aws/policy-analysis.js";
export { renderJsonReport } from "./reporters/json.js";
export type { ScanReport } from "./reporters/report.js";
export { renderTextReport } from "./reporters/text.js";
export { allRules } from "./rules/index.js";
export * from "./rules/rule.js";
export type {
  Backend,
  Configuration,
  Import,
  Local,
  Module,
  ModuleCall,
  Moved,
  Output,
  Provider,
  ProviderRef,
  RequiredProvider,
  Resource,
  ResourceMode,
  SourceFile,
  Validation,
  Variable,
} from "./terraform/configuration.js";
export { buildGraph, type EvaluateOptions, evaluateConfiguration } from "./terraform/evaluator.js";
export * from "./terraform/functions/index.js";
export {
  type BackendConfig,
  type EvaluatedBlock,
  type EvaluatedBody,
  type Expansion,
  formatReference,
  type InstanceKey,
  type ModuleCallStep,
  type ModuleInstanceInfo,
  type Origin,
  type ProviderConfig,
  type ResourceGraph,
  type ResourceInstance,
  renderGraphJson,
  type Tracked,
  valueToJson,
} from "./terraform/graph.js";
export {
  type FileSystem,
  type LoadOptions,
  type LoadResult,
  loadConfiguration,
  memoryFileSystem,
  nodeFileSystem,
} from "./terraform/loader.js";
export { renderModuleDocs, updateReadme } from "./terraform/module-docs.js";
export { checkProviderSchema, type ProviderSchema, readProviderSchema } from "./terraform/provider-schema.js";
export type { VariableOptions } from "./terraform/variables.js";
