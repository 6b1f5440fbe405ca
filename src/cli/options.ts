import { type Framework, frameworks, isFramework } from "../frameworks/types.js";
import { UsageError } from "./io.js";

/** Runs a node:util parseArgs call, turning its exceptions into usage errors. */
export function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The options every command that evaluates a configuration takes, as Terraform spells them. */
export const variableOptions = {
  var: { type: "string", multiple: true },
  "var-file": { type: "string", multiple: true },
} as const;

/** `--var NAME=VALUE` pairs in command-line order. */
export function parseVars(values: readonly string[] | undefined): [string, string][] {
  return (values ?? []).map((text) => {
    const eq = text.indexOf("=");
    if (eq <= 0) throw new UsageError(`--var expects NAME=VALUE, got '${text}'`);
    return [text.slice(0, eq), text.slice(eq + 1)];
  });
}

export function parseFramework(value: string | undefined, fallback: Framework): Framework {
  if (value === undefined) return fallback;
  if (!isFramework(value)) throw new UsageError(`unknown framework '${value}' (${frameworks.join(", ")})`);
  return value;
}

export function parseChoice<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`unknown --${name} '${value}' (${choices.join(", ")})`);
  }
  return value as T;
}

export function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`name exactly one ${what}`);
  return positionals[0] as string;
}
