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
