import { type Command, ExitCode, type Io, UsageError } from "./io.js";

interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<{ run: Command }>;
}

/** Subcommands, loaded on first use so that `phiform parse` never pays for the rule engine. */
const commands: Readonly<Record<string, CommandEntry>> = {
  check: {
    summary: "scan a Terraform root module: every rule, results grouped by control",
    load: () => import("./commands/check.js"),
  },
  controls: {
    summary: "list HIPAA, HITRUST and NIST controls with the rules that check them",
    load: () => import("./commands/controls.js"),
  },
  docs: {
    summary: "generate a module's inputs/outputs tables into its README",
    load: () => import("./commands/docs.js"),
  },
  graph: {
    summary: "print the evaluated resource graph of a Terraform root module",
    load: () => import("./commands/graph.js"),
  },
  parse: {
    summary: "parse HCL files or directories; print diagnostics (or --format json)",
    load: () => import("./commands/parse.js"),
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return `Usage: phiform <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun 'phiform <command> --help' for a command's options.\n`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.write(usage());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === "--version" || name === "-v") {
    const { version } = await import("./version.js");
    io.write(`${version}\n`);
    return ExitCode.ok;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.writeError(`phiform: unknown command '${name}'\n\n${usage()}`);
    return ExitCode.usage;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.writeError(`phiform ${name}: ${error.message}\n`);
      return ExitCode.usage;
    }
    throw error;
  }
}
