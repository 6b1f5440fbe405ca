import { type Diagnostic, error } from "../hcl/diagnostic.js";
import type { Range } from "../hcl/range.js";

export const internalErrorSummary = "Internal error";

/** An exception from our own code, turned into a diagnostic at the construct being processed. */
export function internalError(e: unknown, range: Range): Diagnostic {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return error(
    internalErrorSummary,
    `phiform failed while processing this construct (${message}). Please report it.`,
    range,
  );
}
