/**
 * The contract between the expression evaluator and function implementations (Terraform's built-ins live in
 * `src/terraform/functions/`). The evaluator owns arity checks, unknown and sensitive handling and diagnostics;
 * an implementation only computes a result from known, unmarked values, or throws `FunctionError`.
 */
import type { Diagnostic } from "./diagnostic.js";
import type { Range } from "./range.js";
import type { UnknownType, Value } from "./value.js";

export interface FunctionParam {
  readonly name: string;
  /** Receive unknown values (or values containing them) instead of the call short-circuiting to unknown. */
  readonly allowUnknown?: boolean;
  /** Receive `null` instead of the call failing with "argument must not be null". */
  readonly allowNull?: boolean;
  /**
   * Receive the argument with its sensitive marks (`Sensitive` wrappers, possibly nested) instead of unmarked. The
   * evaluator then does not mark the result on this argument's behalf: the implementation propagates marks itself
   * (`nonsensitive`, `issensitive`, and functions whose error messages would otherwise quote a secret).
   */
  readonly allowMarked?: boolean;
}

export interface FunctionCallSite {
  /** The whole call expression. */
  readonly range: Range;
  /** One range per argument as passed (after `...` expansion each expanded element has the expanded arg's range). */
  readonly argRanges: readonly Range[];
}

export interface EagerFunction {
  readonly kind?: "eager";
  readonly params: readonly FunctionParam[];
  /** Further arguments of the same kind, for variadic functions. */
  readonly variadic?: FunctionParam;
  /** The type of the unknown returned when an argument is unknown. */
  readonly returns?: UnknownType;
  impl(args: Value[], site: FunctionCallSite): Value;
}

/** The result of evaluating one argument of a lazy function. */
export interface EvaluatedArg {
  readonly value: Value;
  readonly diagnostics: readonly Diagnostic[];
}

/** `try` and `can`: they decide whether and how to evaluate their arguments. */
export interface LazyFunction {
  readonly kind: "lazy";
  readonly minArgs: number;
  readonly maxArgs: number;
  impl(args: readonly (() => EvaluatedArg)[], site: FunctionCallSite): Value;
}

export type HclFunction = EagerFunction | LazyFunction;

/** Thrown by an implementation for a bad argument; the evaluator turns it into a located diagnostic. */
export class FunctionError extends Error {
  constructor(
    message: string,
    /** Which argument is at fault, to point the diagnostic at it; omitted for the call as a whole. */
    readonly argIndex?: number,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}
