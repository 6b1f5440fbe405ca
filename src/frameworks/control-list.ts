import { controls, rulesForControl } from "./catalog.js";
import { type Control, type Framework, frameworks } from "./types.js";

export const frameworkTitles: Readonly<Record<Framework, string>> = {
  hipaa: "HIPAA Security Rule (45 CFR Part 164 Subpart C)",
  hitrust: "HITRUST CSF",
  nist: "NIST SP 800-53 Rev. 5",
};

/**
 * The listing behind `phiform controls [--framework hipaa|hitrust|nist]`: every control with its title, HIPAA
 * requirement, the implemented rules that check it, and the mapped rules not implemented yet ("planned").
 * Controls with no implemented rule say "no rule". All frameworks when none is given.
 */
export function formatControlList(framework: Framework | undefined, implementedRuleIds: Iterable<string>): string {
  const implemented = new Set(implementedRuleIds);
  const sections = (framework ? [framework] : frameworks).map((f) => formatFramework(f, implemented));
  return sections.join("\n");
}

function formatFramework(framework: Framework, implemented: ReadonlySet<string>): string {
  const rows = controls(framework).map((control) => {
    const mapped = rulesForControl(framework, control.id);
    return {
      control,
      rules: mapped.filter((r) => implemented.has(r)),
      planned: mapped.filter((r) => !implemented.has(r)),
    };
  });
  const covered = rows.filter((row) => row.rules.length > 0).length;
  const uncovered = rows.length - covered;
  const lines = [
    `${frameworkTitles[framework]}: ${rows.length} controls, ${covered} with rules, ${uncovered} with no rule`,
  ];
  for (const { control, rules, planned } of rows) {
    lines.push(`${control.id} ${control.title}${label(control)}`);
    if (rules.length > 0) {
      lines.push(...wrap("  rules: ", rules));
      if (planned.length > 0) lines.push(...wrap("  planned: ", planned));
    } else {
      lines.push(...(planned.length > 0 ? wrap("  no rule, planned: ", planned) : ["  no rule"]));
    }
  }
  return `${lines.join("\n")}\n`;
}

const width = 120;

/** `lead` then the ids joined by ", ", continued under the first id so no line passes 120 columns. */
function wrap(lead: string, ids: readonly string[]): string[] {
  const indent = " ".repeat(lead.length);
  const lines: string[] = [];
  let line = lead;
  for (const [i, id] of ids.entries()) {
    const item = i < ids.length - 1 ? `${id},` : id;
    if (line !== lead && line !== indent && line.length + 1 + item.length > width) {
      lines.push(line);
      line = indent;
    }
    line = line === lead || line === indent ? `${line}${item}` : `${line} ${item}`;
  }
  lines.push(line);
  return lines;
}

/** HIPAA: implementation specifications are required or addressable; other §§164.308–316 entries are standards. */
function label(control: Control): string {
  if (control.requirement) return ` [${control.requirement}]`;
  if (control.framework === "hipaa" && !control.id.startsWith("164.306")) return " [standard]";
  return "";
}
