import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { scan } from "../../engine/scan.js";
import { renderJsonReport } from "../../reporters/json.js";
import type { ScanReport } from "../../reporters/report.js";
import { renderTextReport } from "../../reporters/text.js";
import { allRules } from "../../rules/index.js";
import { type RuleSeverity, severities } from "../../rules/rule.js";
import { displayPath } from "../files.js";
import { ExitCode, type Io, UsageError } from "../io.js";
import { onePositional, parseChoice, parseFramework, parseVars, usageErrors, variableOptions } from "../options.js";

const help = `Usage: phiform check [options] DIR

Scans the Terraform root module in DIR: every rule, results grouped by control.
  --format text|json          text (default): grouped by control; json: every result, passes and unknowns too
  --framework hipaa|hitrust|nist  the framework text output is grouped by (default hipaa)
  --fail-on critical|high|medium|low  exit 1 when a failure has this severity or higher (default low)
  --var NAME=VALUE            a root module variable (repeatable), as terraform takes it
  --var-file PATH             a .tfvars or .tfvars.json file (repeatable)
  --phi-tag KEY=V1,V2         the tag marking PHI resources (default classification=phi,ephi)
Exit codes: 0 no failure at or above --fail-on; 1 such a failure; 2 usage or input errors.
`;

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        framework: { type: "string" },
        "fail-on": { type: "string" },
        "phi-tag": { type: "string" },
        help: { type: "boolean", short: "h" },
        ...variableOptions,
      },
    }),
  );
  if (values.help) {
    io.write(help);
    return ExitCode.ok;
  }
  const format = parseChoice("format", values.format, ["text", "json"] as const, "text");
  const framework = parseFramework(values.framework, "hipaa");
  const failOn = parseChoice<RuleSeverity>("fail-on", values["fail-on"], severities, "low");
  const target = onePositional(positionals, "directory");
  const dir = resolve(io.cwd, target);
  if (!isDirectory(dir)) throw new UsageError(`not a directory: ${target}`);

  // A relative directory keeps every reported file path relative, so output does not depend on the checkout.
  const result = scan(displayPath(dir, process.cwd()), {
    vars: parseVars(values.var),
    varFiles: (values["var-file"] ?? []).map((file) => resolve(io.cwd, file)),
    env: io.env,
    ...(values["phi-tag"] ? { phiTag: parsePhiTag(values["phi-tag"]) } : {}),
  });
  const report: ScanReport = {
    target,
    findings: result.findings,
    diagnostics: result.diagnostics,
    ruleIds: allRules.map((rule) => rule.id),
    framework,
  };
  io.write(format === "json" ? renderJsonReport(report) : renderTextReport(report));

  if (result.diagnostics.some((d) => d.severity === "error")) return ExitCode.usage;
  const threshold = severities.indexOf(failOn);
  const failing = result.findings.some((f) => f.status === "fail" && severities.indexOf(f.severity) <= threshold);
  return failing ? ExitCode.findings : ExitCode.ok;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function parsePhiTag(text: string): { key: string; values: string[] } {
  const eq = text.indexOf("=");
  const values =
    eq > 0
      ? text
          .slice(eq + 1)
          .split(",")
          .filter(Boolean)
      : [];
  if (eq <= 0 || values.length === 0) throw new UsageError(`--phi-tag expects KEY=VALUE[,VALUE…], got '${text}'`);
  return { key: text.slice(0, eq), values };
}
