export * from "./hcl/ast.js";
export * from "./hcl/diagnostic.js";
export * from "./hcl/function.js";
export { type ParseResult, parse, parseExpression, parseTemplate } from "./hcl/parser.js";
export * from "./hcl/range.js";
export { formatHclRange, sourceText } from "./hcl/source.js";
export * from "./hcl/value.js";
