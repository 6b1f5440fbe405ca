import { controlsForRule } from "../frameworks/catalog.js";
import { type Diagnostic, error } from "../hcl/diagnostic.js";
import { fileStartRange, type Range } from "../hcl/range.js";
import type { AwsModel } from "../model/aws/model.js";
import {
  formatMessage,
  type MessageData,
  type ResultStatus,
  type Rule,
  type RuleContext,
  type RuleResult,
  type Subject,
} from "../rules/rule.js";
import { compareFindings, type Finding, fingerprint } from "./finding.js";

export interface RunOptions {
  /** Per-rule option overrides, merged over each rule's defaultOptions. */
  readonly ruleOptions?: Readonly<Record<string, object>>;
}

export interface RunOutcome {
  readonly findings: Finding[];
  readonly diagnostics: Diagnostic[];
}

/** Runs every rule over the model. A rule that throws yields a located diagnostic; the others still run. */
export function runRules(model: AwsModel, rules: readonly Rule[], options: RunOptions = {}): RunOutcome {
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const results = runRule(model, rule, options.ruleOptions?.[rule.id]);
    if ("failure" in results) {
      diagnostics.push(
        error(
          "Internal error in rule",
          `Rule ${rule.id} failed: ${results.failure}. Its results are missing from this report.`,
          results.at,
        ),
      );
      continue;
    }
    const controls = controlsForRule(rule.id);
    for (const result of results) {
      findings.push({
        ...result,
        title: rule.meta.title,
        severity: rule.meta.severity,
        controls,
        fingerprint: fingerprint(result),
      });
    }
  }
  findings.sort(compareFindings);
  return { findings, diagnostics };
}

/** One rule's results, or why it failed. Exposed for the rule tester. */
export function runRule(
  model: AwsModel,
  rule: Rule,
  overrides?: object,
): RuleResult[] | { failure: string; at: Range } {
  const results: RuleResult[] = [];
  let last: Subject | undefined;
  const report = (status: ResultStatus, subject: Subject, messageId: string, data?: MessageData, at?: Range) => {
    last = subject;
    const template = rule.meta.messages[messageId];
    if (template === undefined) throw new Error(`unknown message id '${messageId}'`);
    results.push({
      ruleId: rule.id,
      status,
      address: subject.address,
      range: at ?? subject.range,
      messageId,
      message: formatMessage(template, data),
      moduleCalls: subject.moduleCalls ?? [],
    });
  };
  const context: RuleContext = {
    model,
    options: { ...rule.meta.defaultOptions, ...overrides },
    report,
    pass: (subject, messageId, data, at) => report("pass", subject, messageId, data, at),
    fail: (subject, messageId, data, at) => report("fail", subject, messageId, data, at),
    unknown: (subject, messageId, data, at) => report("unknown", subject, messageId, data, at),
  };
  try {
    rule.check(context);
    return results;
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { failure: message, at: last?.range ?? fileStartRange("(model)") };
  }
}
