/**
 * The references an expression makes: every scope traversal that is not bound by a `for` expression or template
 * `for` directive, classified into Terraform's address kinds (`var.x`, `local.y`, `module.m.out`,
 * `aws_s3_bucket.b[0]`, `data.t.n`, `count.index`, `each.key`, `path.module`, `terraform.workspace`, `self`).
 * This is what lets the evaluator resolve exactly what an expression needs, lazily, in dependency order.
 */
import type { Expression, LiteralScalar, ScopeTraversal, Traverser } from "../hcl/ast.js";
import type { Range } from "../hcl/range.js";

/** A free traversal in an expression, with the context needed to classify it. */
export interface RawReference {
  readonly traversal: ScopeTraversal;
  /** `aws_s3_bucket.b[each.key]`: the dynamic index applied right after the resource or module name. */
  readonly keyExpr?: Expression;
  /** `module.m[each.key].out`: the attribute read after that dynamic index. */
  readonly thenAttr?: string;
  /** Its classification (valid unless the root is a `dynamic` iterator, which callers check first). */
  readonly ref: TerraformReference;
}

type Unclassified = Omit<RawReference, "ref">;

export type TerraformReference =
  | { readonly kind: "var"; readonly name: string; readonly range: Range }
  | { readonly kind: "local"; readonly name: string; readonly range: Range }
  | {
      readonly kind: "module";
      readonly name: string;
      /** The output read, when the traversal names one; null when the whole module object is used. */
      readonly output: string | null;
      readonly key: InstanceKeyRef;
      readonly range: Range;
    }
  | {
      readonly kind: "resource";
      readonly mode: "managed" | "data";
      readonly type: string;
      readonly name: string;
      readonly key: InstanceKeyRef;
      readonly range: Range;
    }
  | { readonly kind: "count" | "each" | "path" | "terraform"; readonly attr: string; readonly range: Range }
  | { readonly kind: "self"; readonly range: Range }
  /** `ephemeral.TYPE.NAME`: never part of the graph; its attributes are unknown. */
  | { readonly kind: "ephemeral"; readonly range: Range }
  | { readonly kind: "invalid"; readonly summary: string; readonly detail: string; readonly range: Range };

/** Which instance a reference selects: none given, a literal key, or an expression evaluated in the referrer's scope. */
export type InstanceKeyRef =
  | { readonly kind: "none" }
  | { readonly kind: "literal"; readonly key: LiteralScalar }
  | { readonly kind: "expression"; readonly expr: Expression };

const NO_REFERENCES: readonly RawReference[] = Object.freeze([]);

/**
 * The free traversals of an expression. Not memoised here: the evaluator keeps them per expression for the length
 * of one evaluation (expressions are evaluated once per instance).
 */
export function rawReferences(expr: Expression): readonly RawReference[] {
  const out: RawReference[] = [];
  walk(expr, EMPTY, out);
  return out.length === 0 ? NO_REFERENCES : out;
}

const EMPTY: ReadonlySet<string> = new Set();

function bind(bound: ReadonlySet<string>, ...names: (string | null)[]): ReadonlySet<string> {
  const next = new Set(bound);
  for (const n of names) if (n !== null) next.add(n);
  return next;
}

function walk(expr: Expression, bound: ReadonlySet<string>, out: RawReference[]): void {
  switch (expr.kind) {
    case "LiteralValue":
    case "AnonSymbol":
    case "Invalid":
      return;
    case "ScopeTraversal":
      if (!bound.has(expr.root)) out.push({ traversal: expr, ref: classifyParts(expr) });
      return;
    case "Template":
      for (const p of expr.parts) walk(p, bound, out);
      return;
    case "TemplateWrap":
      walk(expr.wrapped, bound, out);
      return;
    case "TemplateIf":
      walk(expr.condition, bound, out);
      walk(expr.then, bound, out);
      if (expr.else) walk(expr.else, bound, out);
      return;
    case "TemplateFor": {
      walk(expr.collection, bound, out);
      walk(expr.body, bind(bound, expr.keyVar, expr.valueVar), out);
      return;
    }
    case "RelativeTraversal": {
      const source = expr.source;
      const first = expr.traversal[0];
      if (
        source.kind === "Index" &&
        source.collection.kind === "ScopeTraversal" &&
        !bound.has(source.collection.root) &&
        first?.kind === "attr"
      ) {
        const traversal = source.collection;
        out.push({
          traversal,
          keyExpr: source.key,
          thenAttr: first.name,
          ref: classifyParts(traversal, source.key, first.name),
        });
        walk(source.key, bound, out);
        return;
      }
      walk(source, bound, out);
      return;
    }
    case "FunctionCall":
      for (const a of expr.args) walk(a, bound, out);
      return;
    case "Conditional":
      walk(expr.condition, bound, out);
      walk(expr.trueResult, bound, out);
      walk(expr.falseResult, bound, out);
      return;
    case "BinaryOp":
      walk(expr.left, bound, out);
      walk(expr.right, bound, out);
      return;
    case "UnaryOp":
      walk(expr.operand, bound, out);
      return;
    case "TupleCons":
      for (const e of expr.elements) walk(e, bound, out);
      return;
    case "ObjectCons":
      for (const item of expr.items) {
        walk(item.key, bound, out);
        walk(item.value, bound, out);
      }
      return;
    case "ObjectConsKey":
      // A bare name as an object key is a string, not a variable.
      if (!expr.forceNonLiteral && expr.wrapped.kind === "ScopeTraversal" && expr.wrapped.traversal.length === 0) {
        return;
      }
      walk(expr.wrapped, bound, out);
      return;
    case "For": {
      walk(expr.collection, bound, out);
      const inner = bind(bound, expr.keyVar, expr.valueVar);
      if (expr.keyExpr) walk(expr.keyExpr, inner, out);
      walk(expr.valueExpr, inner, out);
      if (expr.condition) walk(expr.condition, inner, out);
      return;
    }
    case "Index":
      if (expr.collection.kind === "ScopeTraversal" && !bound.has(expr.collection.root)) {
        out.push({ traversal: expr.collection, keyExpr: expr.key, ref: classifyParts(expr.collection, expr.key) });
      } else {
        walk(expr.collection, bound, out);
      }
      walk(expr.key, bound, out);
      return;
    case "Splat":
      walk(expr.source, bound, out);
      walk(expr.each, bound, out);
      return;
    case "Parentheses":
      walk(expr.expr, bound, out);
      return;
  }
}

function attrAt(steps: readonly Traverser[], i: number): string | undefined {
  const s = steps[i];
  return s?.kind === "attr" ? s.name : undefined;
}

function keyAt(steps: readonly Traverser[], i: number, keyExpr: Expression | undefined): InstanceKeyRef {
  const s = steps[i];
  if (s?.kind === "index") return { kind: "literal", key: s.key };
  if (s === undefined && keyExpr) return { kind: "expression", expr: keyExpr };
  return { kind: "none" };
}

function invalid(summary: string, detail: string, range: Range): TerraformReference {
  return { kind: "invalid", summary, detail, range };
}

const reservedRoots = new Set(["count", "each", "path", "terraform", "self"]);

/** Classifies a free traversal as Terraform does (addrs.ParseRef). */
export function classify(raw: Unclassified): TerraformReference {
  return classifyParts(raw.traversal, raw.keyExpr, raw.thenAttr);
}

function classifyParts(t: ScopeTraversal, keyExpr?: Expression, thenAttr?: string): TerraformReference {
  const steps = t.traversal;
  const range = t.range;
  switch (t.root) {
    case "var":
    case "local": {
      const name = attrAt(steps, 0);
      if (name === undefined) {
        return invalid(
          "Invalid reference",
          `The "${t.root}" object cannot be accessed directly. Instead, access one of its attributes.`,
          range,
        );
      }
      return { kind: t.root, name, range };
    }
    case "module": {
      const name = attrAt(steps, 0);
      if (name === undefined) {
        return invalid(
          "Invalid reference",
          'The "module" object cannot be accessed directly. Instead, access one of its attributes.',
          range,
        );
      }
      const key = keyAt(steps, 1, keyExpr);
      const outputIndex = key.kind === "literal" ? 2 : 1;
      const output = key.kind === "expression" ? (thenAttr ?? null) : (attrAt(steps, outputIndex) ?? null);
      return { kind: "module", name, output, key, range };
    }
    case "data": {
      const type = attrAt(steps, 0);
      const name = attrAt(steps, 1);
      if (type === undefined || name === undefined) {
        return invalid(
          "Invalid reference",
          "A reference to a data source must be followed by at least one attribute access, specifying the resource type and name.",
          range,
        );
      }
      return { kind: "resource", mode: "data", type, name, key: keyAt(steps, 2, keyExpr), range };
    }
    case "resource": {
      // `resource.aws_s3_bucket.b`: the explicit form for types that collide with a reserved name.
      const type = attrAt(steps, 0);
      const name = attrAt(steps, 1);
      if (type === undefined || name === undefined) {
        return invalid("Invalid reference", "A resource reference needs a resource type and name.", range);
      }
      return { kind: "resource", mode: "managed", type, name, key: keyAt(steps, 2, keyExpr), range };
    }
    case "self":
      return { kind: "self", range };
    case "ephemeral":
      return { kind: "ephemeral", range };
    default: {
      if (reservedRoots.has(t.root)) {
        const attr = attrAt(steps, 0);
        if (attr === undefined) {
          return invalid(
            "Invalid reference",
            `The "${t.root}" object cannot be accessed directly. Instead, access one of its attributes.`,
            range,
          );
        }
        return { kind: t.root as "count" | "each" | "path" | "terraform", attr, range };
      }
      const name = attrAt(steps, 0);
      if (name === undefined) {
        return invalid(
          "Invalid reference",
          `A reference to a resource type must be followed by at least one attribute access, specifying the resource name.`,
          range,
        );
      }
      return { kind: "resource", mode: "managed", type: t.root, name, key: keyAt(steps, 1, keyExpr), range };
    }
  }
}
