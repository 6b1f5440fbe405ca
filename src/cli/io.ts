/** What a command may touch of the outside world, so that tests can run commands in-process. */
export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  write(text: string): void;
  writeError(text: string): void;
}

/** Exit codes, as documented in the README. */
export const ExitCode = {
  ok: 0,
  /** `check`: a failure at or above --fail-on. */
  findings: 1,
  /** Usage errors and input errors (syntax errors, unreadable files). */
  usage: 2,
} as const;

export type Command = (args: string[], io: Io) => Promise<number>;

export class UsageError extends Error {
  override name = "UsageError";
}
