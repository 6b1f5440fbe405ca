import type { Finding } from "../engine/finding.js";
import type { Diagnostic } from "../hcl/diagnostic.js";
import type { ScanReport } from "./report.js";

/** `phiform check --format json`: every result (passes and unknowns too) and every diagnostic. */
export function renderJsonReport(report: ScanReport): string {
  const results = report.findings.map((f: Finding) => ({
    rule: f.ruleId,
    status: f.status,
    severity: f.severity,
    resource: f.address,
    file: f.range.file,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    messageId: f.messageId,
    message: f.message,
    controls: { hipaa: f.controls.hipaa, hitrust: f.controls.hitrust, nist: f.controls.nist },
    moduleCalls: f.moduleCalls.map((c) => c.address),
    fingerprint: f.fingerprint,
  }));
  const diagnostics = report.diagnostics.map((d: Diagnostic) => ({
    severity: d.severity,
    summary: d.summary,
    detail: d.detail,
    file: d.range.file,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
  }));
  return `${JSON.stringify({ target: report.target, results, diagnostics }, null, 2)}\n`;
}
