/**
 * A rule: metadata as data, logic in one function (ESLint's shape). Rules read only the typed model; they never see
 * HCL or the graph. Control mappings do not live here: `src/frameworks/` maps controls to rule ids.
 */
import type { Range } from "../hcl/range.js";
import type { AwsModel } from "../model/aws/model.js";

export type RuleSeverity = "critical" | "high" | "medium" | "low";
export const severities: readonly RuleSeverity[] = ["critical", "high", "medium", "low"];

export type ResultStatus = "pass" | "fail" | "unknown";

/** Which resources a rule judges: PHI-scoped ones, all of its type, or the account as a whole. */
export type RuleScope = "phi" | "all" | "account";

export type MessageData = Readonly<Record<string, string | number>>;

export interface RuleMeta<Options extends object = object> {
  readonly title: string;
  readonly severity: RuleSeverity;
  /** The AWS service, as in the rule's folder: `s3`, `kms`, `iam`, … */
  readonly service: string;
  readonly scope: RuleScope;
  /** Message templates by id; `{{name}}` is replaced from the result's data. Tests assert ids, not prose. */
  readonly messages: Readonly<Record<string, string>>;
  readonly remediation: {
    readonly text: string;
    /** A corrected HCL snippet. */
    readonly hcl: string;
  };
  /** Where the requirement is documented (AWS documentation page). */
  readonly docs: string;
  /** Configurable thresholds with their defaults (e.g. minimum retention days). */
  readonly defaultOptions: Options;
}

/** What a result is about: a model object (bucket, key, trail…) or the account. */
export interface Subject {
  readonly address: string;
  readonly range: Range;
  readonly moduleCalls?: readonly { readonly address: string; readonly range: Range }[];
}

export interface RuleContext<Options extends object = object> {
  readonly model: AwsModel;
  readonly options: Options;
  /** Report a result for `subject`, located at `at` (default: the subject's range). */
  pass(subject: Subject, messageId: string, data?: MessageData, at?: Range): void;
  fail(subject: Subject, messageId: string, data?: MessageData, at?: Range): void;
  unknown(subject: Subject, messageId: string, data?: MessageData, at?: Range): void;
  report(status: ResultStatus, subject: Subject, messageId: string, data?: MessageData, at?: Range): void;
}

export interface Rule<Options extends object = object> {
  /** Equals the rule's file name, e.g. `s3-bucket-encryption-cmk`. Stable: reports and waivers refer to it. */
  readonly id: string;
  readonly meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
}

/** Identity helper that keeps each rule's options type when rules are collected into one list. */
export function defineRule<Options extends object>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** One rule's verdict on one subject. */
export interface RuleResult {
  readonly ruleId: string;
  readonly status: ResultStatus;
  readonly address: string;
  readonly range: Range;
  readonly messageId: string;
  readonly message: string;
  readonly moduleCalls: readonly { readonly address: string; readonly range: Range }[];
}

export function formatMessage(template: string, data: MessageData | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    data && Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}
