import type { Range } from "./range.js";

export type Severity = "error" | "warning";

/** A problem in the input. Produced instead of exceptions everywhere in the pipeline. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail: string;
  readonly range: Range;
  /** Optional wider range giving context (e.g. the whole expression that contains the error). */
  readonly context?: Range;
}

export function error(summary: string, detail: string, range: Range, context?: Range): Diagnostic {
  return context
    ? { severity: "error", summary, detail, range, context }
    : { severity: "error", summary, detail, range };
}

export function warning(summary: string, detail: string, range: Range): Diagnostic {
  return { severity: "warning", summary, detail, range };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** `file:line:col: severity: summary: detail`, the CLI's one-line rendering. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.range.file}:${d.range.start.line}:${d.range.start.column}`;
  return d.detail ? `${where}: ${d.severity}: ${d.summary}; ${d.detail}` : `${where}: ${d.severity}: ${d.summary}`;
}
