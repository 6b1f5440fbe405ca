import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "../../hcl/diagnostic.js";
import { buildGraph } from "../../terraform/evaluator.js";
import { renderGraphJson } from "../../terraform/graph.js";
import { displayPath } from "../files.js";
import { ExitCode, type Io, UsageError } from "../io.js";
import { onePositional, parseChoice, parseVars, usageErrors, variableOptions } from "../options.js";

const help = `Usage: phiform graph [--format text|json] [--var NAME=VALUE] [--var-file PATH] DIR

Loads and evaluates the Terraform root module in DIR and prints the resource graph: every resource and data
instance with its evaluated attributes (sensitive values hidden), references, modules and diagnostics.
  text (default)  one line per instance: address and location, then diagnostics
  json            the whole graph, deterministic
Exits 2 when the configuration has errors.
`;

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string" },
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
  const target = onePositional(positionals, "directory");
  const dir = resolve(io.cwd, target);
  let directory = false;
  try {
    directory = statSync(dir).isDirectory();
  } catch {}
  if (!directory) throw new UsageError(`not a directory: ${target}`);
  const graph = buildGraph(displayPath(dir, process.cwd()), {
    vars: parseVars(values.var),
    varFiles: (values["var-file"] ?? []).map((file) => resolve(io.cwd, file)),
    env: io.env,
  });
  if (format === "json") {
    io.write(renderGraphJson(graph));
  } else {
    const lines = graph.instances.map(
      (i) => `${i.address}  ${i.range.file}:${i.range.start.line}:${i.range.start.column}`,
    );
    for (const d of graph.diagnostics) lines.push(formatDiagnostic(d));
    lines.push(`${graph.instances.length} instances, ${graph.diagnostics.length} diagnostics`);
    io.write(`${lines.join("\n")}\n`);
  }
  return graph.diagnostics.some((d) => d.severity === "error") ? ExitCode.usage : ExitCode.ok;
}
