import type { RuleId } from "./rule-ids.js";

/** The control frameworks phiform reports against. */
export type Framework = "hipaa" | "hitrust" | "nist";

export const frameworks: readonly Framework[] = ["hipaa", "hitrust", "nist"];

export function isFramework(name: string): name is Framework {
  return (frameworks as readonly string[]).includes(name);
}

/** A HIPAA standard or implementation specification, a HITRUST control reference, or a NIST control. */
export interface Control {
  readonly id: string;
  readonly title: string;
  readonly framework: Framework;
  /** HIPAA implementation specifications only: 45 CFR 164.306(d) marks each required or addressable. */
  readonly requirement?: "required" | "addressable";
  /** The standard (HIPAA) or base control (NIST) this one belongs to, when it is in the catalog. */
  readonly parent?: string;
}

/** Rules that implement a control, and where that claim comes from (a published mapping or our rationale). */
export interface Mapping {
  readonly control: string;
  readonly rules: readonly RuleId[];
  readonly source: string;
}

/**
 * How mappings are authored: one published statement ("peer check X maps to controls C…") or one rationale,
 * with the phiform rules that implement it. Expanded into one Mapping per control.
 */
export interface Crosswalk {
  readonly controls: readonly string[];
  readonly rules: readonly RuleId[];
  readonly source: string;
}

export function expandCrosswalk(rows: readonly Crosswalk[]): Mapping[] {
  return rows.flatMap((row) => row.controls.map((control) => ({ control, rules: row.rules, source: row.source })));
}
