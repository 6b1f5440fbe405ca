import type { Finding } from "../engine/finding.js";
import type { Framework } from "../frameworks/types.js";
import type { Diagnostic } from "../hcl/diagnostic.js";

/** Everything a reporter renders. Reporters are pure: (report) → string. */
export interface ScanReport {
  /** What was scanned, as the user named it. */
  readonly target: string;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
  /** Ids of the rules that ran (for "controls without a rule"). */
  readonly ruleIds: readonly string[];
  /** The framework to group by in human-readable reports. */
  readonly framework: Framework;
}
