/** The rule registry: every rule file is registered, named by its id, mapped to controls, and has its case table. */
import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { controlsForRule } from "../../src/frameworks/catalog.js";
import { ruleIds } from "../../src/frameworks/rule-ids.js";
import { allRules } from "../../src/rules/index.js";
import { severities } from "../../src/rules/rule.js";
import { projectRoot } from "../support/shared.js";

const rulesDir = join(projectRoot, "src/rules/aws");
/** Every module under src/rules/aws/<service>/ (rules and the service's shared helpers). */
const modules = readdirSync(rulesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((service) =>
    readdirSync(join(rulesDir, service.name))
      .filter((file) => file.endsWith(".ts") && file !== "index.ts")
      .map((file) => join(rulesDir, service.name, file)),
  );

describe("rule registry", () => {
  const ids = allRules.map((r) => r.id);

  it("has unique ids", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("registers exactly the rules the control catalog maps", () => {
    expect([...ids].sort()).toEqual([...ruleIds].sort());
  });

  it.each(allRules.map((r) => [r.id, r] as const))("%s: file name, folder, controls, tests, metadata", (id, rule) => {
    const file = join(rulesDir, rule.meta.service, `${id}.ts`);
    expect(existsSync(file), `${file} exists`).toBe(true);
    expect(existsSync(join(projectRoot, "test/rules/aws", rule.meta.service, `${id}.test.ts`))).toBe(true);
    const controls = controlsForRule(id);
    expect(controls.hipaa.length).toBeGreaterThan(0);
    expect(controls.hitrust.length).toBeGreaterThan(0);
    expect(controls.nist.length).toBeGreaterThan(0);
    expect(severities).toContain(rule.meta.severity);
    expect(rule.meta.title.length).toBeGreaterThan(0);
    expect(rule.meta.remediation.hcl.length).toBeGreaterThan(0);
    expect(rule.meta.docs).toMatch(/^https:\/\//);
  });

  it("registers every rule file", async () => {
    const registered = new Set(ids);
    const unregistered: string[] = [];
    for (const file of modules) {
      const exported = ((await import(file)) as { default?: { id?: unknown; check?: unknown } }).default;
      if (exported && typeof exported.check === "function" && !registered.has(String(exported.id))) {
        unregistered.push(basename(file));
      }
    }
    expect(unregistered).toEqual([]);
  });
});
