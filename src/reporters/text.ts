import type { Finding } from "../engine/finding.js";
import { controls, rulesForControl } from "../frameworks/catalog.js";
import { frameworkTitles } from "../frameworks/control-list.js";
import type { Control } from "../frameworks/types.js";
import { formatDiagnostic } from "../hcl/diagnostic.js";
import type { ResultStatus } from "../rules/rule.js";
import type { ScanReport } from "./report.js";

interface Tally {
  pass: number;
  fail: number;
  unknown: number;
}

/**
 * The terminal report: results grouped by control of the chosen framework, with pass / fail / unknown counts per
 * control, each failure and unknown listed with its location, then controls no rule covers, then diagnostics.
 */
export function renderTextReport(report: ScanReport): string {
  const { framework, findings } = report;
  const total = tally(findings);
  const lines: string[] = [
    `phiform check ${report.target}`,
    `${frameworkTitles[framework]}: ${report.ruleIds.length} rules, ${findings.length} results: ${summary(total)}`,
    "",
  ];
  const ran = new Set(report.ruleIds);
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);

  const uncovered: Control[] = [];
  for (const control of controls(framework)) {
    const ruleIds = rulesForControl(framework, control.id).filter((id) => ran.has(id));
    if (ruleIds.length === 0) {
      uncovered.push(control);
      continue;
    }
    const own = ruleIds.flatMap((id) => byRule.get(id) ?? []);
    lines.push(`${control.id}  ${control.title}${requirement(control)}  ${summary(tally(own))}`);
    for (const f of own) if (f.status !== "pass") lines.push(...describe(f));
  }
  if (uncovered.length > 0) {
    lines.push("", `Controls with no rule (assess them outside phiform): ${uncovered.map((c) => c.id).join(", ")}`);
  }
  if (report.diagnostics.length > 0) {
    lines.push("", "Diagnostics:");
    for (const d of report.diagnostics) lines.push(`  ${formatDiagnostic(d)}`);
  }
  lines.push("", `Result: ${summary(total)}`);
  return `${lines.join("\n")}\n`;
}

const statusLabel: Record<ResultStatus, string> = { fail: "FAIL", unknown: "UNKNOWN", pass: "pass" };

function describe(f: Finding): string[] {
  const where = `${f.range.file}:${f.range.start.line}:${f.range.start.column}`;
  return [`  ${statusLabel[f.status]} ${f.ruleId} (${f.severity}) ${f.address} at ${where}`, `      ${f.message}`];
}

function tally(findings: readonly Finding[]): Tally {
  const t: Tally = { pass: 0, fail: 0, unknown: 0 };
  for (const f of findings) t[f.status]++;
  return t;
}

function summary(t: Tally): string {
  return `${t.pass} pass, ${t.fail} fail, ${t.unknown} unknown`;
}

function requirement(control: Control): string {
  return control.requirement ? ` (${control.requirement})` : "";
}
