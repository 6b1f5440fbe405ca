import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  controls,
  controlsForRule,
  findControl,
  mappings,
  rulesForControl,
  seedSafeguards,
  uncoveredControls,
} from "../../src/frameworks/catalog.js";
import { formatControlList } from "../../src/frameworks/control-list.js";
import { ruleIds } from "../../src/frameworks/rule-ids.js";
import { frameworks } from "../../src/frameworks/types.js";
import { allRules } from "../../src/rules/index.js";
import { sharedDir, sharedPath } from "../support/shared.js";

/** The implemented rules (the registry test checks they are exactly `ruleIds`; the snapshots pin the ids). */
const agreedRuleIds = allRules.map((rule) => rule.id);

/** The HITRUST CSF control references of controls.md, and only those. */
const hitrustIds = [
  "01.c",
  "01.m",
  "01.n",
  "01.q",
  "01.v",
  "06.c",
  "06.d",
  "06.f",
  "09.l",
  "09.m",
  "09.s",
  "09.z",
  "09.aa",
  "09.ab",
  "09.ac",
  "09.ad",
  "10.d",
  "10.f",
  "10.g",
  "12.c",
];

describe("seed-000 safeguard table", () => {
  it("maps each safeguard to its HIPAA ids, its corrected HITRUST references and its rules", () => {
    expect(seedSafeguards.map((s) => [s.safeguard, s.hipaa, s.hitrust, s.rules])).toEqual([
      ["Encryption at rest", ["164.312(a)(2)(iv)"], ["06.d", "10.f"], ["s3-bucket-encryption-cmk"]],
      [
        "Key access control",
        ["164.312(a)(1)", "164.308(a)(4)(ii)(B)"],
        ["10.g", "01.c"],
        ["kms-key-policy-no-public-access", "kms-key-separation-of-duties"],
      ],
      ["Key rotation", ["164.312(a)(2)(iv)"], ["10.g"], ["kms-key-rotation", "kms-key-deletion-window"]],
      [
        "Public access prevention",
        ["164.312(a)(1)"],
        ["01.v", "01.c", "09.z"],
        ["s3-bucket-public-access-block", "s3-account-public-access-block", "s3-bucket-policy-no-public-principal"],
      ],
      [
        "Least privilege",
        ["164.308(a)(4)(ii)(B)"],
        ["01.c"],
        ["iam-no-wildcard-actions", "iam-no-data-access-on-all-resources"],
      ],
      [
        "Transmission security",
        ["164.312(e)(1)", "164.312(e)(2)(ii)"],
        ["09.m", "09.s", "01.n"],
        ["s3-bucket-tls-only"],
      ],
      [
        "Audit trails",
        ["164.312(b)"],
        ["09.aa", "09.ab", "09.ac", "09.ad"],
        [
          "s3-bucket-access-logging",
          "cloudtrail-multi-region",
          "cloudtrail-s3-data-events",
          "cloudtrail-log-file-validation",
        ],
      ],
      [
        "Integrity",
        ["164.312(c)(1)"],
        ["06.c", "09.ac", "10.d"],
        ["s3-bucket-object-lock", "cloudtrail-log-file-validation"],
      ],
      ["Backup", ["164.308(a)(7)(ii)(A)"], ["09.l", "12.c"], ["s3-bucket-versioning"]],
    ]);
  });

  it("agrees with the catalog: every id is mapped to one of the safeguard's rules, every rule to one of its ids", () => {
    for (const s of seedSafeguards) {
      const mapped = s.rules.map((r) => controlsForRule(r));
      for (const id of s.hipaa)
        expect(
          mapped.some((m) => m.hipaa.includes(id)),
          `${s.safeguard} ${id}`,
        ).toBe(true);
      for (const id of s.hitrust)
        expect(
          mapped.some((m) => m.hitrust.includes(id)),
          `${s.safeguard} ${id}`,
        ).toBe(true);
      for (const [i, rule] of s.rules.entries()) {
        expect(
          s.hipaa.some((id) => mapped[i]?.hipaa.includes(id)),
          `${s.safeguard} ${rule}`,
        ).toBe(true);
        expect(
          s.hitrust.some((id) => mapped[i]?.hitrust.includes(id)),
          `${s.safeguard} ${rule}`,
        ).toBe(true);
      }
    }
  });

  it("no longer carries the seed's wrong HITRUST references", () => {
    expect(controlsForRule("s3-bucket-encryption-cmk").hitrust).toEqual(["06.d", "10.f"]);
    expect(controlsForRule("s3-bucket-encryption-cmk").hitrust).not.toContain("09.ac");
    expect(controlsForRule("kms-key-policy-no-public-access").hitrust).not.toContain("09.aa");
    expect(controlsForRule("s3-bucket-tls-only").hitrust).toEqual(["01.n", "09.m", "09.s"]);
    expect(controlsForRule("s3-bucket-access-logging").hitrust).toEqual(["09.aa", "09.ab"]);
    expect(controlsForRule("s3-bucket-object-lock").hitrust).toEqual(["06.c"]);
    expect(controlsForRule("s3-bucket-versioning").hitrust).toEqual(["09.l", "12.c"]);
    // Not control references at all, or not the control the seed meant.
    for (const id of ["09.ac.2", "12.i", "09.a", "07.c", "08.d", "05.c"])
      expect(findControl("hitrust", id)).toBeUndefined();
  });
});

describe.skipIf(!sharedDir)("against shared/reference/controls.md", () => {
  const text = sharedDir ? readFileSync(sharedPath("reference/controls.md"), "utf8") : "";
  const section = (heading: string) => text.split("\n## ").find((s) => s.startsWith(heading)) ?? "";
  const rows = (heading: string) =>
    section(heading)
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| id ") && !line.startsWith("| safeguard "))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );

  it("lists exactly its HITRUST control references, with its titles", () => {
    expect(rows("HITRUST CSF control references").map(([id, title]) => [id, title])).toEqual(
      controls("hitrust").map((c) => [c.id, c.title]),
    );
  });

  it("lists its HIPAA ids with the same required/addressable marks", () => {
    const expected = rows("HIPAA Security Rule").flatMap(([cell = ""]) => {
      const [, ids = "", mark] = /^(.*?)(?: ([RA]))?$/.exec(cell) ?? [];
      const requirement = mark === "R" ? "required" : mark === "A" ? "addressable" : undefined;
      // "164.308(a)(6)(i), (a)(6)(ii) R": the standard and its required specification.
      const [first = "", second] = ids.split(", ");
      if (!second) return [[first, requirement]];
      return [
        [first, undefined],
        [`${first.slice(0, first.indexOf("("))}${second}`, requirement],
      ];
    });
    expect(controls("hipaa").map((c) => [c.id, c.requirement])).toEqual(expected);
  });

  it("gives the same corrected seed table", () => {
    const fromDoc = rows("The seed mapping").map(([safeguard = "", hipaa = "", , hitrust = ""]) => {
      const better = hipaa.includes("→") ? hipaa.slice(hipaa.indexOf("→")) : hipaa;
      const ids = better.match(/164\.\d{3}(\([A-Za-z0-9]+\))+/g) ?? [];
      const plus = /\(\+ ((\([A-Za-z0-9]+\))+)\)/.exec(better)?.[1];
      const section = ids[0]?.slice(0, ids[0].indexOf("(")) ?? "";
      return {
        safeguard: safeguard.replace(/ \(.*\)$/, ""),
        hipaa: plus ? [...ids, `${section}${plus}`] : ids,
        hitrust: hitrust.match(/\d\d\.[a-z]{1,2}\b/g) ?? [],
      };
    });
    expect(seedSafeguards.map(({ safeguard, hipaa, hitrust }) => ({ safeguard, hipaa, hitrust }))).toEqual(fromDoc);
  });
});

describe("catalog integrity", () => {
  it("has the agreed rule ids, each mapped to at least one control of every framework", () => {
    expect([...ruleIds].sort()).toEqual([...agreedRuleIds].sort());
    for (const rule of agreedRuleIds) {
      const mapped = controlsForRule(rule);
      expect(mapped.hipaa.length, `${rule} has no HIPAA control`).toBeGreaterThan(0);
      expect(mapped.hitrust.length, `${rule} has no HITRUST control`).toBeGreaterThan(0);
      expect(mapped.nist.length, `${rule} has no NIST control`).toBeGreaterThan(0);
    }
  });

  it("holds only controls.md's HITRUST references, never requirement-statement ids", () => {
    expect(controls("hitrust").map((c) => c.id)).toEqual(hitrustIds);
    for (const m of mappings("hitrust")) expect(hitrustIds).toContain(m.control);
    for (const c of controls("hitrust")) expect(c.id).toMatch(/^\d\d\.[a-z]{1,2}$/);
  });

  it("counts 33 HIPAA, 20 HITRUST and 34 NIST controls", () => {
    expect(frameworks.map((f) => controls(f).length)).toEqual([33, 20, 34]);
    expect(frameworks.map((f) => mappings(f).length)).toEqual([148, 46, 112]);
  });

  it.each(frameworks)("%s: ids are unique, and every mapped control and parent is in the catalog", (framework) => {
    const ids = controls(framework).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of controls(framework)) {
      expect(c.framework).toBe(framework);
      if (c.parent) expect(ids, `${c.id} parent`).toContain(c.parent);
    }
    for (const m of mappings(framework)) {
      expect(ids, m.source).toContain(m.control);
      expect(m.rules.length).toBeGreaterThan(0);
      for (const r of m.rules) expect(agreedRuleIds).toContain(r);
      expect(m.source).toMatch(
        /^(AWS Config (HIPAA|NIST 800-53 rev 5) conformance pack \(.+: .+\)|cdk-nag HIPAA pack \(RULES\.md: HIPAA\.Security-\w+\)|Prowler hipaa_aws\.json \(.+: .+\)|controls\.md corrected seed-000 mapping \(.+\)|phiform rationale: .+)$/,
      );
    }
  });

  it("marks HIPAA implementation specifications required or addressable, standards neither", () => {
    const hipaa = (id: string) => findControl("hipaa", id);
    expect(hipaa("164.312(a)(2)(iv)")).toEqual({
      id: "164.312(a)(2)(iv)",
      title: "Encryption and decryption",
      framework: "hipaa",
      requirement: "addressable",
      parent: "164.312(a)(1)",
    });
    expect(hipaa("164.308(a)(7)(ii)(A)")?.requirement).toBe("required");
    expect(hipaa("164.312(e)(1)")).toEqual({ id: "164.312(e)(1)", title: "Transmission security", framework: "hipaa" });
    expect(controls("hipaa").filter((c) => c.requirement === "required")).toHaveLength(11);
    expect(controls("hipaa").filter((c) => c.requirement === "addressable")).toHaveLength(12);
  });

  it("gives NIST enhancements their base control and official titles", () => {
    expect(findControl("nist", "IA-2(1)")).toEqual({
      id: "IA-2(1)",
      title: "Multi-factor Authentication to Privileged Accounts",
      framework: "nist",
      parent: "IA-2",
    });
    expect(findControl("nist", "SC-28")?.title).toBe("Protection of Information at Rest");
    expect(findControl("nist", "AU-2")?.title).toBe("Event Logging");
  });
});

describe("queries", () => {
  it("lists a rule's controls per framework in catalog order", () => {
    expect(controlsForRule("s3-bucket-tls-only")).toEqual({
      hipaa: ["164.312(a)(2)(iv)", "164.312(c)(2)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"],
      hitrust: ["01.n", "09.m", "09.s"],
      nist: ["AC-4", "SC-8", "SC-8(1)", "SC-13"],
    });
    expect(controlsForRule("kms-key-rotation")).toEqual({
      hipaa: ["164.312(a)(2)(iv)"],
      hitrust: ["10.g"],
      nist: ["CM-6", "SC-12"],
    });
  });

  it("is sorted and deterministic, and hands out copies", () => {
    for (const framework of frameworks) {
      const position = new Map(controls(framework).map((c, i) => [c.id, i]));
      for (const rule of ruleIds) {
        const ids = controlsForRule(rule)[framework];
        const positions = ids.map((id) => position.get(id) ?? -1);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
    const first = controlsForRule("cloudtrail-multi-region");
    first.hipaa.push("mutated");
    expect(controlsForRule("cloudtrail-multi-region")).toEqual({
      hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(3)(ii)(A)", "164.308(a)(6)(ii)", "164.312(b)"],
      hitrust: ["09.aa", "09.ad"],
      nist: ["AU-2", "AU-10", "AU-12", "CM-6"],
    });
    expect(controlsForRule("no-such-rule")).toEqual({ hipaa: [], hitrust: [], nist: [] });
  });

  it("lists a control's rules, sorted, whatever the source", () => {
    expect(rulesForControl("hipaa", "164.312(e)(2)(ii)")).toEqual([
      "cloudtrail-kms-encryption",
      "cloudwatch-log-group-kms",
      "dynamodb-table-cmk",
      "ebs-default-encryption-cmk",
      "elb-drop-invalid-headers",
      "elb-http-redirects-to-https",
      "elb-listener-tls",
      "iam-phi-access-requires-tls",
      "rds-storage-encrypted-cmk",
      "s3-access-log-bucket-sse-s3",
      "s3-bucket-encryption-cmk",
      "s3-bucket-min-tls-version",
      "s3-bucket-tls-only",
      "sns-topic-kms",
    ]);
    expect(rulesForControl("hitrust", "06.f")).toEqual([]);
    expect(rulesForControl("hipaa", "164.999(z)")).toEqual([]);
  });

  it("finds the controls no implemented rule covers", () => {
    expect(uncoveredControls("hipaa", ruleIds).map((c) => c.id)).toEqual([
      "164.306(a)",
      "164.308(a)(1)(ii)(A)",
      "164.308(a)(1)(ii)(B)",
      "164.310(d)(2)(iv)",
    ]);
    expect(uncoveredControls("hitrust", ruleIds).map((c) => c.id)).toEqual(["06.f"]);
    expect(uncoveredControls("nist", ruleIds)).toEqual([]);
    expect(uncoveredControls("nist", [])).toEqual(controls("nist"));
    expect(uncoveredControls("hitrust", ["s3-bucket-encryption-cmk"]).map((c) => c.id)).not.toContain("06.d");
    expect(uncoveredControls("hitrust", ["s3-bucket-encryption-cmk"])).toHaveLength(18);
  });

  it.each(frameworks)("pins the %s control → rules table", (framework) => {
    const table = Object.fromEntries(controls(framework).map((c) => [c.id, rulesForControl(framework, c.id)]));
    expect(table).toMatchSnapshot();
  });

  it.each(frameworks)("pins the %s rule list", (framework) => {
    const rules = new Set(mappings(framework).flatMap((m) => m.rules));
    expect([...rules].sort()).toMatchSnapshot();
  });
});

describe("formatControlList", () => {
  const implemented = ["s3-bucket-encryption-cmk", "kms-key-rotation"];

  it("lists each control with its title, its rules, its planned rules, and says when there is no rule", () => {
    const lines = formatControlList("hitrust", implemented).split("\n");
    expect(lines[0]).toBe("HITRUST CSF: 20 controls, 3 with rules, 17 with no rule");
    expect(lines.slice(lines.indexOf("06.d Data Protection and Privacy of Covered Information"), -1)).toEqual([
      "06.d Data Protection and Privacy of Covered Information",
      "  rules: s3-bucket-encryption-cmk",
      "  planned: backend-s3-encryption, dynamodb-table-cmk, ebs-default-encryption-cmk, rds-storage-encrypted-cmk,",
      "           sns-topic-kms",
      "06.f Regulation of Cryptographic Controls",
      "  no rule",
      ...lines.slice(lines.indexOf("09.l Back-up"), -1),
    ]);
    expect(lines).toContain("01.q User Identification and Authentication");
    expect(lines[lines.indexOf("01.q User Identification and Authentication") + 1]).toBe(
      "  no rule, planned: iam-human-role-requires-mfa, iam-password-policy, rds-iam-authentication, rds-no-plaintext-password",
    );
    expect(lines.filter((l) => l.startsWith("  no rule"))).toHaveLength(17);
    expect(lines.at(-1)).toBe("");
  });

  it("labels HIPAA specifications and standards", () => {
    const lines = formatControlList("hipaa", implemented).split("\n");
    expect(lines[0]).toBe(
      "HIPAA Security Rule (45 CFR Part 164 Subpart C): 33 controls, 3 with rules, 30 with no rule",
    );
    expect(lines).toContain("164.306(a) General requirements");
    expect(lines).toContain("164.312(a)(1) Access control [standard]");
    expect(lines).toContain("164.312(a)(2)(iv) Encryption and decryption [addressable]");
    expect(lines).toContain("164.308(a)(7)(ii)(A) Data backup plan [required]");
  });

  it("lists all frameworks in order when none is given, the same for any order of rule ids", () => {
    const all = formatControlList(undefined, implemented);
    expect(all.split("\n").filter((l) => /^[A-Z].*: \d+ controls/.test(l))).toEqual([
      "HIPAA Security Rule (45 CFR Part 164 Subpart C): 33 controls, 3 with rules, 30 with no rule",
      "HITRUST CSF: 20 controls, 3 with rules, 17 with no rule",
      "NIST SP 800-53 Rev. 5: 34 controls, 5 with rules, 29 with no rule",
    ]);
    expect(all).toBe(
      [
        formatControlList("hipaa", implemented),
        formatControlList("hitrust", implemented),
        formatControlList("nist", implemented),
      ].join("\n"),
    );
    expect(formatControlList(undefined, new Set([...implemented].reverse()))).toBe(all);
  });

  it("wraps long rule lists under the first rule, within 120 columns", () => {
    const lines = formatControlList("hipaa", ["s3-bucket-access-logging"]).split("\n");
    const at = lines.indexOf("164.308(a)(1)(ii)(D) Information system activity review [required]");
    expect(lines.slice(at + 1, at + 7)).toEqual([
      "  rules: s3-bucket-access-logging",
      "  planned: cloudtrail-cloudwatch-logs, cloudtrail-log-file-validation, cloudtrail-multi-region,",
      "           cloudtrail-s3-data-events, cloudwatch-alarm-cloudtrail-changes, cloudwatch-alarm-config-changes,",
      "           cloudwatch-alarm-console-auth-failures, cloudwatch-alarm-console-login-no-mfa,",
      "           cloudwatch-alarm-iam-policy-changes, cloudwatch-alarm-kms-key-deletion, cloudwatch-alarm-nacl-changes,",
      "           cloudwatch-alarm-network-gateway-changes, cloudwatch-alarm-root-usage, cloudwatch-alarm-route-table-changes,",
    ]);
    for (const line of formatControlList(undefined, []).split("\n")) expect(line.length).toBeLessThanOrEqual(120);
  });

  it("renders the full listing with every agreed rule implemented", () => {
    expect(formatControlList(undefined, ruleIds)).toMatchSnapshot();
  });
});
