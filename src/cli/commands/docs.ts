import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Finding } from "../../engine/finding.js";
import { scan } from "../../engine/scan.js";
import { formatDiagnostic } from "../../hcl/diagnostic.js";
import { parse } from "../../hcl/parser.js";
import {
  controlsBegin,
  controlsEnd,
  type ModuleFile,
  type ProvenRule,
  renderControlsTable,
  renderModuleDocs,
  updateReadme,
} from "../../terraform/module-docs.js";
import { displayPath } from "../files.js";
import { ExitCode, type Io, UsageError } from "../io.js";
import { usageErrors } from "../options.js";

const help = `Usage: phiform docs [--write | --check] [--example DIR] MODULE_DIR...

Generates a module's requirements, inputs and outputs tables from its .tf files.
  (default)      print the tables
  --write        replace the text between <!-- BEGIN_PHIFORM_DOCS --> and <!-- END_PHIFORM_DOCS --> in README.md
  --check        exit 1 when a README.md's tables differ from the code
  --example DIR  also scan the example DIR and write the rules that pass on each module's resources, with their
                 HIPAA, HITRUST and NIST controls, between <!-- BEGIN_PHIFORM_CONTROLS --> and its END marker
`;

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        write: { type: "boolean" },
        check: { type: "boolean" },
        example: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }),
  );
  if (values.help) {
    io.write(help);
    return ExitCode.ok;
  }
  if (values.write && values.check) throw new UsageError("--write and --check exclude each other");
  if (positionals.length === 0) throw new UsageError("name at least one module directory");

  const findings = values.example === undefined ? undefined : scanExample(values.example, io);
  const out: string[] = [];
  let status: number = ExitCode.ok;
  for (const target of positionals) {
    const dir = resolve(io.cwd, target);
    const files = readModule(dir, io);
    const docs = renderModuleDocs(files);
    const controls = findings && renderControlsTable(provenRules(findings, dir));
    if (!values.write && !values.check) {
      out.push(`${docs}\n${controls ? `\n${controls}\n` : ""}`);
      continue;
    }
    const readmePath = join(dir, "README.md");
    let readme: string;
    try {
      readme = readFileSync(readmePath, "utf8");
    } catch {
      throw new UsageError(`${displayPath(readmePath, io.cwd)} does not exist`);
    }
    let updated = updateReadme(readme, docs);
    if (updated === undefined) throw new UsageError(`${displayPath(readmePath, io.cwd)} has no PHIFORM_DOCS markers`);
    if (controls !== undefined) {
      updated = updateReadme(updated, controls, controlsBegin, controlsEnd);
      if (updated === undefined) {
        throw new UsageError(`${displayPath(readmePath, io.cwd)} has no PHIFORM_CONTROLS markers`);
      }
    }
    if (updated === readme) continue;
    if (values.write) {
      writeFileSync(readmePath, updated);
      out.push(`updated ${displayPath(readmePath, io.cwd)}\n`);
    } else {
      out.push(`${displayPath(readmePath, io.cwd)} is out of date: run phiform docs --write ${target}\n`);
      status = ExitCode.findings;
    }
  }
  io.write(out.join(""));
  return status;
}

function scanExample(example: string, io: Io): Finding[] {
  const dir = resolve(io.cwd, example);
  const result = scan(dir);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    for (const d of errors) io.writeError(`${formatDiagnostic(d)}\n`);
    throw new UsageError(`the example ${example} has errors`);
  }
  return result.findings;
}

/** Rules passing on resources declared in the module directory (not in its child modules). */
function provenRules(findings: readonly Finding[], moduleDir: string): ProvenRule[] {
  const byRule = new Map<string, ProvenRule>();
  for (const f of findings) {
    if (f.status !== "pass" || resolve(f.range.file, "..") !== moduleDir) continue;
    byRule.set(f.ruleId, { ruleId: f.ruleId, title: f.title, controls: f.controls });
  }
  return [...byRule.values()];
}

function readModule(dir: string, io: Io): ModuleFile[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith(".tf"))
      .sort();
  } catch {
    throw new UsageError(`not a directory: ${displayPath(dir, io.cwd)}`);
  }
  if (names.length === 0) throw new UsageError(`no .tf files in ${displayPath(dir, io.cwd)}`);
  return names.map((name) => {
    const path = join(dir, name);
    const source = readFileSync(path);
    const { file, diagnostics } = parse(source, displayPath(path, io.cwd));
    for (const d of diagnostics) io.writeError(`${formatDiagnostic(d)}\n`);
    return { file, source };
  });
}
