import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "../../hcl/diagnostic.js";
import { parse } from "../../hcl/parser.js";
import { type ModuleFile, renderModuleDocs, updateReadme } from "../../terraform/module-docs.js";
import { displayPath } from "../files.js";
import { ExitCode, type Io, UsageError } from "../io.js";
import { usageErrors } from "../options.js";

const help = `Usage: phiform docs [--write | --check] MODULE_DIR...

Generates a module's requirements, inputs and outputs tables from its .tf files.
  (default)  print the tables
  --write    replace the text between <!-- BEGIN_PHIFORM_DOCS --> and <!-- END_PHIFORM_DOCS --> in README.md
  --check    exit 1 when a README.md's tables differ from the code
`;

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        write: { type: "boolean" },
        check: { type: "boolean" },
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

  const out: string[] = [];
  let status: number = ExitCode.ok;
  for (const target of positionals) {
    const dir = resolve(io.cwd, target);
    const files = readModule(dir, io);
    const docs = renderModuleDocs(files);
    if (!values.write && !values.check) {
      out.push(`${docs}\n`);
      continue;
    }
    const readmePath = join(dir, "README.md");
    let readme: string;
    try {
      readme = readFileSync(readmePath, "utf8");
    } catch {
      throw new UsageError(`${displayPath(readmePath, io.cwd)} does not exist`);
    }
    const updated = updateReadme(readme, docs);
    if (updated === undefined) throw new UsageError(`${displayPath(readmePath, io.cwd)} has no PHIFORM_DOCS markers`);
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
