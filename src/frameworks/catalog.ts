import { hipaaControls, hipaaMappings } from "./hipaa.js";
import { hitrustControls, hitrustMappings } from "./hitrust.js";
import { nistControls, nistMappings } from "./nist.js";
import type { RuleId } from "./rule-ids.js";
import { type Control, type Framework, frameworks, type Mapping } from "./types.js";

export { seedSafeguards } from "./seed-safeguards.js";

const controlsByFramework: Readonly<Record<Framework, readonly Control[]>> = {
  hipaa: hipaaControls,
  hitrust: hitrustControls,
  nist: nistControls,
};

const mappingsByFramework: Readonly<Record<Framework, readonly Mapping[]>> = {
  hipaa: hipaaMappings,
  hitrust: hitrustMappings,
  nist: nistMappings,
};

/** Position of each control in its catalog: the order reports list controls in (CFR order, CSF order, NIST order). */
const controlOrder = new Map(
  frameworks.flatMap((framework) => controlsByFramework[framework].map((c, i) => [key(framework, c.id), i] as const)),
);

/** control → its rules, per framework; rule → its controls, per framework. Built once, sorted. */
const rulesByControl = new Map<string, readonly RuleId[]>();
const controlsByRule = new Map<string, Record<Framework, string[]>>();
for (const framework of frameworks) {
  const grouped = new Map<string, Set<RuleId>>();
  for (const mapping of mappingsByFramework[framework]) {
    const rules = grouped.get(mapping.control) ?? new Set<RuleId>();
    for (const rule of mapping.rules) {
      rules.add(rule);
      const forRule = controlsByRule.get(rule) ?? { hipaa: [], hitrust: [], nist: [] };
      if (!forRule[framework].includes(mapping.control)) forRule[framework].push(mapping.control);
      controlsByRule.set(rule, forRule);
    }
    grouped.set(mapping.control, rules);
  }
  for (const [control, rules] of grouped) rulesByControl.set(key(framework, control), [...rules].sort());
}
for (const forRule of controlsByRule.values()) {
  for (const framework of frameworks) forRule[framework].sort((a, b) => order(framework, a) - order(framework, b));
}

function key(framework: Framework, id: string): string {
  return `${framework} ${id}`;
}

/** Catalog position; an id missing from the catalog (a data error the tests catch) sorts last. */
function order(framework: Framework, id: string): number {
  return controlOrder.get(key(framework, id)) ?? Number.MAX_SAFE_INTEGER;
}

/** The controls of a framework, in catalog order. */
export function controls(framework: Framework): readonly Control[] {
  return controlsByFramework[framework];
}

export function findControl(framework: Framework, id: string): Control | undefined {
  return controlsByFramework[framework].find((c) => c.id === id);
}

/** Every mapping of a framework with its source, as authored. */
export function mappings(framework: Framework): readonly Mapping[] {
  return mappingsByFramework[framework];
}

/** The controls a rule maps to, per framework, in catalog order. Unknown rules map to nothing. */
export function controlsForRule(ruleId: string): { hipaa: string[]; hitrust: string[]; nist: string[] } {
  const forRule = controlsByRule.get(ruleId);
  return {
    hipaa: [...(forRule?.hipaa ?? [])],
    hitrust: [...(forRule?.hitrust ?? [])],
    nist: [...(forRule?.nist ?? [])],
  };
}

/** The rules mapped to a control, sorted by id, whatever the source. */
export function rulesForControl(framework: Framework, id: string): RuleId[] {
  return [...(rulesByControl.get(key(framework, id)) ?? [])];
}

/** Controls none of whose mapped rules is implemented (or that have no mapped rule at all), in catalog order. */
export function uncoveredControls(framework: Framework, implementedRuleIds: Iterable<string>): Control[] {
  const implemented = new Set(implementedRuleIds);
  return controlsByFramework[framework].filter(
    (c) => !rulesForControl(framework, c.id).some((r) => implemented.has(r)),
  );
}
