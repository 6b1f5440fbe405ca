import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type Diagnostic, formatDiagnostic } from "../../hcl/diagnostic.js";
import { renderJson } from "../../hcl/json-rendering.js";
import { parse } from "../../hcl/parser.js";
import { collectFiles } from "../files.js";
import { ExitCode, type Io, UsageError } from "../io.js";

const help = `Usage: phiform parse [--format text|json] FILE|DIR...

Parses HCL files (directories: every *.tf below them, in path order).
  text (default)  print each diagnostic as file:line:col and a summary: N files, B bytes, D diagnostics
  json            print one JSON line per file: {"file", "json" (hcl2json-compatible body), "diagnostics"}
Exits 2 when any file has an error.
`;

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args);
  if (values.help) {
    io.write(help);
    return ExitCode.ok;
  }
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`unknown --format '${format}' (text or json)`);
  if (positionals.length === 0) throw new UsageError("name at least one file or directory");

  const files = collectFiles(positionals, [".tf"], io.cwd);
  const out: string[] = [];
  let bytes = 0;
  let diagnosticCount = 0;
  let failed = false;
  for (const file of files) {
    const source = readFileSync(resolve(io.cwd, file));
    bytes += source.length;
    const result = parse(source, file);
    diagnosticCount += result.diagnostics.length;
    if (result.diagnostics.some((d) => d.severity === "error")) failed = true;
    if (format === "json") {
      out.push(
        `${JSON.stringify({ file, json: renderJson(result.file, source), diagnostics: result.diagnostics.map(plainDiagnostic) })}\n`,
      );
    } else {
      for (const d of result.diagnostics) out.push(`${formatDiagnostic(d)}\n`);
    }
  }
  if (format === "text") {
    out.push(
      `${files.length} ${plural(files.length, "file")}, ${bytes} bytes, ${diagnosticCount} ${plural(diagnosticCount, "diagnostic")}\n`,
    );
  }
  io.write(out.join(""));
  return failed ? ExitCode.usage : ExitCode.ok;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: "string", short: "f" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function plainDiagnostic(d: Diagnostic) {
  return { severity: d.severity, summary: d.summary, detail: d.detail, range: d.range };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
