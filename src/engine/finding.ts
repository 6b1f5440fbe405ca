import { createHash } from "node:crypto";
import type { Range } from "../hcl/range.js";
import type { ResultStatus, RuleResult, RuleSeverity } from "../rules/rule.js";

export interface ControlRefs {
  readonly hipaa: readonly string[];
  readonly hitrust: readonly string[];
  readonly nist: readonly string[];
}

/** A rule result with everything a report needs: severity, title, controls, a stable fingerprint. */
export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: RuleSeverity;
  readonly status: ResultStatus;
  readonly address: string;
  readonly range: Range;
  readonly messageId: string;
  readonly message: string;
  readonly moduleCalls: RuleResult["moduleCalls"];
  readonly controls: ControlRefs;
  /** Independent of line numbers, so that a finding keeps its identity when code moves (SARIF, waivers). */
  readonly fingerprint: string;
}

export function fingerprint(result: Pick<RuleResult, "ruleId" | "address" | "messageId">): string {
  return createHash("sha256")
    .update(`${result.ruleId}\0${result.address}\0${result.messageId}`)
    .digest("hex")
    .slice(0, 16);
}

const statusOrder: Record<ResultStatus, number> = { fail: 0, unknown: 1, pass: 2 };

/** Deterministic order: file, position, rule, resource, status. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.range.file, b.range.file) ||
    a.range.start.byte - b.range.start.byte ||
    a.range.end.byte - b.range.end.byte ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.address, b.address) ||
    statusOrder[a.status] - statusOrder[b.status] ||
    compareText(a.messageId, b.messageId)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
