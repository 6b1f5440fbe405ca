/**
 * Source ranges inside a policy written as `jsonencode({ … })`: a JSON path of the document (`["Statement", 1,
 * "Condition"]`) maps to the object item or tuple element that produces it, so findings point at the statement or
 * element rather than the whole attribute. Structures built by expressions (for, variables, merge) are not followed:
 * the path is then not located and the normaliser falls back to the nearest located ancestor.
 */
import type { Expression, ObjectCons } from "../../hcl/ast.js";
import { type Range, rangeBetween } from "../../hcl/range.js";
import type { Locate, PolicyPath } from "../../model/aws/policy.js";

/** The root document expression of `jsonencode(x)` (parentheses unwrapped), or undefined. */
function encodedDocument(expr: Expression): Expression | undefined {
  let e: Expression = expr;
  while (e.kind === "Parentheses") e = e.expr;
  if (e.kind !== "FunctionCall" || e.name !== "jsonencode" || e.args.length !== 1 || e.expandFinal) return undefined;
  return e.args[0];
}

/** A key written literally: `Statement`, `"Statement"`, or a template of one literal part. */
function literalKey(key: Expression): string | undefined {
  let k: Expression = key;
  if (k.kind === "ObjectConsKey") {
    if (k.forceNonLiteral) return undefined;
    k = k.wrapped;
    if (k.kind === "ScopeTraversal" && k.traversal.length === 0) return k.root;
  }
  if (k.kind === "LiteralValue" && typeof k.value === "string") return k.value;
  if (k.kind === "Template" && k.parts.length === 1) {
    const only = k.parts[0];
    if (only?.kind === "LiteralValue" && typeof only.value === "string") return only.value;
  }
  return undefined;
}

function item(object: ObjectCons, name: string) {
  // The last of equal keys wins, as in the object the expression builds.
  for (let i = object.items.length - 1; i >= 0; i--) {
    const candidate = object.items[i];
    if (candidate && literalKey(candidate.key) === name) return candidate;
  }
  return undefined;
}

/** A locator for the policy expression `expr`, or undefined when it is not a `jsonencode` of a literal structure. */
export function jsonencodeLocator(expr: Expression): Locate | undefined {
  const root = encodedDocument(expr);
  if (!root) return undefined;
  return (path: PolicyPath): Range | undefined => {
    let node: Expression = root;
    let range: Range = root.range;
    for (const step of path) {
      while (node.kind === "Parentheses") node = node.expr;
      if (typeof step === "number") {
        if (node.kind !== "TupleCons") return step === 0 && node.kind === "ObjectCons" ? range : undefined;
        const element = node.elements[step];
        if (!element) return undefined;
        node = element;
        range = element.range;
      } else {
        if (node.kind !== "ObjectCons") return undefined;
        const found = item(node, step);
        if (!found) return undefined;
        node = found.value;
        range = rangeBetween(found.key.range, found.value.range);
      }
    }
    return range;
  };
}
