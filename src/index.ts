export * from "./hcl/ast.js";
export * from "./hcl/diagnostic.js";
export * from "./hcl/function.js";
export * from "./hcl/range.js";
export * from "./hcl/value.js";
export * from "./terraform/functions/index.js";
