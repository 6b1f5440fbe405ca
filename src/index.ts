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
export type { VariableOptions } from "./terraform/variables.js";
