import { parseArgs } from "node:util";
import { formatControlList } from "../../frameworks/control-list.js";
import { isFramework } from "../../frameworks/types.js";
import { allRules } from "../../rules/index.js";
import { ExitCode, type Io, UsageError } from "../io.js";
import { usageErrors } from "../options.js";

const help = `Usage: phiform controls [--framework hipaa|hitrust|nist]

Lists the controls of a framework (all three by default) with the rules that check each, and the controls no rule
covers yet.
`;

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = usageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        framework: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }),
  );
  if (values.help) {
    io.write(help);
    return ExitCode.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const framework = values.framework;
  if (framework !== undefined && !isFramework(framework)) {
    throw new UsageError(`unknown framework '${framework}' (hipaa, hitrust, nist)`);
  }
  io.write(
    formatControlList(
      framework,
      allRules.map((rule) => rule.id),
    ),
  );
  return ExitCode.ok;
}
