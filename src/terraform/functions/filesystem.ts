/**
 * Terraform's filesystem functions, confined to the configuration's directory tree: a path that resolves (after
 * symlinks) outside `rootDir` is refused without being read, and so is `~` (which would need the user's home).
 * Files over the size limit and file contents that are not UTF-8 text are refused too.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, resolve, sep } from "node:path";
import { type EagerFunction, FunctionError, type HclFunction } from "../../hcl/function.js";
import { isObjectValue, makeSet, mark, type ObjectValue, Unknown, unmark, type Value } from "../../hcl/value.js";
import { nfc, stringArg, unknownFrom } from "./arguments.js";
import { digest } from "./crypto.js";
import { compileRegex, execRegex, type Regex } from "./regex.js";

/** A configuration file system (the loader's `FileSystem` fits): absolute paths, no symlinks. */
export interface ConfigurationFileSystem {
  /** Names of the regular files in a directory, or null when it is not a readable directory. */
  readDir(dir: string): string[] | null;
  readFile(path: string): Uint8Array | null;
  isDirectory(path: string): boolean;
}

export interface FunctionOptions {
  /** The directory relative paths resolve against. Terraform resolves them against its working directory, the root
   * module's directory (which is why configurations write `"${path.module}/file"`). */
  readonly baseDir: string;
  /** Confinement root: the configuration's directory tree. Nothing outside it is read or even checked. */
  readonly rootDir: string;
  /**
   * Where files come from. Default: the disk (node:fs), with symlinks resolved for confinement. A given file system
   * (an in-memory one in tests) is confined by path alone.
   */
  readonly fs?: ConfigurationFileSystem;
  /** Reads a file's bytes from disk in place of node:fs (confinement still uses the disk). */
  readFile?(absPath: string): Uint8Array;
  /** Parses `text` as an HCL template and evaluates it with `vars` (provided by the evaluator layer). */
  renderTemplate?(text: string, path: string, vars: ObjectValue): Value;
  /** Largest file the file functions read; default 4 MiB. */
  readonly maxFileBytes?: number;
}

type EntryKind = "file" | "directory" | "other";

/** What the file functions need from a file system. */
interface Backend {
  /** The real path (symlinks resolved), or undefined when nothing exists there. */
  realpath(path: string): string | undefined;
  kind(path: string): EntryKind | undefined;
  /** Size in bytes when cheaply known (before reading). */
  size(path: string): number | undefined;
  read(path: string): Uint8Array | null;
  /** Entries of a directory; symlinks appear with their target's kind and real path. */
  list(dir: string): { name: string; kind: EntryKind; real: string }[];
}

function diskBackend(readFile?: (path: string) => Uint8Array): Backend {
  const stat = (path: string) => {
    try {
      return statSync(path);
    } catch {
      return undefined;
    }
  };
  const kindOf = (s: ReturnType<typeof statSync> | undefined): EntryKind | undefined =>
    s === undefined ? undefined : s.isFile() ? "file" : s.isDirectory() ? "directory" : "other";
  return {
    realpath(path) {
      try {
        return realpathSync(path);
      } catch {
        return undefined;
      }
    },
    kind: (path) => kindOf(stat(path)),
    size: (path) => stat(path)?.size,
    read: (path) => (readFile ? readFile(path) : readFileSync(path)),
    list(dir) {
      const out: { name: string; kind: EntryKind; real: string }[] = [];
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        const real = entry.isSymbolicLink() ? this.realpath(full) : full;
        let kind: EntryKind | undefined;
        if (entry.isSymbolicLink()) kind = real === undefined ? undefined : kindOf(stat(real));
        else kind = entry.isFile() ? "file" : entry.isDirectory() ? "directory" : "other";
        if (real !== undefined && kind !== undefined) out.push({ name: entry.name, kind, real });
      }
      return out;
    },
  };
}

/** A given file system: no symlinks, so a path is its own real path. */
function givenBackend(fs: ConfigurationFileSystem): Backend {
  const isFile = (path: string): boolean => {
    const parent = resolve(path, "..");
    return parent !== path && (fs.readDir(parent)?.includes(path.slice(parent.length).replace(/^[\\/]/, "")) ?? false);
  };
  const kind = (path: string): EntryKind | undefined =>
    fs.isDirectory(path) ? "directory" : isFile(path) ? "file" : undefined;
  return {
    realpath: (path) => (kind(path) === undefined ? undefined : path),
    kind,
    size: () => undefined,
    read: (path) => fs.readFile(path),
    list: (dir) => (fs.readDir(dir) ?? []).map((name) => ({ name, kind: "file" as const, real: join(dir, name) })),
  };
}

const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Go's `path.Clean` (POSIX separators). */
export function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  return rooted ? `/${joined}` : joined === "" ? "." : joined;
}

/** Go's `filepath.Dir`. */
export function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  return cleanPath(p.slice(0, i + 1));
}

/** Go's `filepath.Base`. */
export function basename(p: string): string {
  if (p === "") return ".";
  let end = p.length;
  while (end > 0 && p[end - 1] === "/") end--;
  if (end === 0) return "/";
  const trimmed = p.slice(0, end);
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

function quote(p: string, sensitive: boolean): string {
  return sensitive ? "(sensitive value)" : JSON.stringify(p);
}

function within(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
}

interface Resolved {
  /** The real (symlink-free) path, or undefined when nothing exists there. */
  real: string | undefined;
}

class Files {
  private rootReal: string | undefined;
  readonly maxBytes: number;
  readonly backend: Backend;

  constructor(readonly options: FunctionOptions) {
    this.maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.backend = options.fs ? givenBackend(options.fs) : diskBackend(options.readFile?.bind(options));
  }

  root(): string {
    if (this.rootReal === undefined) {
      const lexical = resolve(this.options.rootDir);
      this.rootReal = this.backend.realpath(lexical) ?? lexical;
    }
    return this.rootReal;
  }

  /** Resolves a configuration path; throws when it lies outside the configuration directory. */
  resolve(path: string, sensitive: boolean, argIndex: number): Resolved {
    const outside = (): never => {
      throw new FunctionError(
        `${quote(path, sensitive)} is outside the configuration directory, so it is not read`,
        argIndex,
      );
    };
    if (path.startsWith("~")) outside();
    const absolute = resolve(isAbsolute(path) ? path : join(this.options.baseDir, path));
    const root = this.root();
    if (!within(resolve(this.options.rootDir), absolute) && !within(root, absolute)) outside();
    // The deepest existing ancestor decides where the path really lies (a symlink may lead out of the tree).
    for (let probe = absolute, exact = true; ; exact = false) {
      const real = this.backend.realpath(probe);
      if (real !== undefined) {
        if (!within(root, real)) outside();
        return { real: exact ? real : undefined };
      }
      const parent = resolve(probe, "..");
      if (parent === probe || !within(resolve(this.options.rootDir), parent)) return { real: undefined };
      probe = parent;
    }
  }

  private tooLarge(path: string, sensitive: boolean, argIndex: number): never {
    throw new FunctionError(
      `${quote(path, sensitive)} is larger than ${this.maxBytes} bytes, so it is not read`,
      argIndex,
    );
  }

  /** The bytes of a regular file inside the tree, within the size limit. */
  read(path: string, sensitive: boolean, argIndex = 0): Uint8Array {
    const { real } = this.resolve(path, sensitive, argIndex);
    const kind = real === undefined ? undefined : this.backend.kind(real);
    if (real === undefined || kind === undefined) {
      throw new FunctionError(
        `no file exists at ${quote(path, sensitive)}; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource`,
        argIndex,
      );
    }
    if (kind === "directory") throw new FunctionError(`${quote(path, sensitive)} is a directory, not a file`, argIndex);
    if (kind !== "file") throw new FunctionError(`${quote(path, sensitive)} is not a regular file`, argIndex);
    if ((this.backend.size(real) ?? 0) > this.maxBytes) this.tooLarge(path, sensitive, argIndex);
    const bytes = this.backend.read(real);
    if (bytes === null) throw new FunctionError(`failed to read file: ${quote(path, sensitive)}`, argIndex);
    if (bytes.length > this.maxBytes) this.tooLarge(path, sensitive, argIndex);
    return bytes;
  }

  /** A text file's contents: UTF-8 without NUL bytes, NFC-normalised as cty strings are. */
  readText(path: string, sensitive: boolean): string {
    const bytes = this.read(path, sensitive);
    let text: string | undefined;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = undefined;
    }
    if (text === undefined || text.includes("\u0000")) {
      throw new FunctionError(
        `contents of ${quote(path, sensitive)} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead`,
      );
    }
    return nfc(text);
  }
}

/** A function of one path argument whose result carries the path's sensitivity. */
function pathFunction(
  compute: (path: string, sensitive: boolean) => Value,
  returns: "string" | "bool" = "string",
): EagerFunction {
  return {
    params: [{ name: "path", allowMarked: true }],
    returns,
    impl(args) {
      const { value, sensitive } = unmark(args[0] as Value);
      if (value instanceof Unknown) return mark(unknownFrom([value], returns), sensitive);
      return mark(compute(stringArg([value], 0), sensitive), sensitive);
    },
  };
}

const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;

/** `**`, `*`, `?`, `[…]` and `{a,b}` glob of one path segment or more, as doublestar matches paths. */
function globRegex(pattern: string): Regex | undefined {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        const atStart = i === 0 || pattern[i - 1] === "/";
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === "/";
        if (atStart && atEnd) {
          re += pattern[i + 2] === "/" ? "(?:[^/]*/)*" : ".*";
          i += pattern[i + 2] === "/" ? 2 : 1;
          continue;
        }
      }
      re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) return undefined;
      let body = pattern.slice(i + 1, end);
      if (body.startsWith("!")) body = `^${body.slice(1)}`;
      re += `[${body}]`;
      i = end;
    } else if (c === "{") {
      const end = pattern.indexOf("}", i);
      if (end < 0) return undefined;
      re += `(?:${pattern
        .slice(i + 1, end)
        .split(",")
        .map((alt) => alt.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&"))
        .join("|")})`;
      i = end;
    } else if (c === "\\" && i + 1 < pattern.length) {
      re += `\\${pattern[++i]}`;
    } else re += /[\\^$.*+?()[\]{}|]/.test(c) ? `\\${c}` : c;
  }
  const compiled = compileRegex(`${re}$`);
  return typeof compiled === "string" ? undefined : compiled;
}

export function createFilesystemFunctions(options: FunctionOptions): Record<string, HclFunction> {
  const files = new Files(options);

  const hashFile = (algorithm: "md5" | "sha1" | "sha256" | "sha512", encoding: "hex" | "base64") =>
    pathFunction((path, sensitive) => digest(algorithm, files.read(path, sensitive)).toString(encoding));

  const fileexists = pathFunction((path, sensitive) => {
    const { real } = files.resolve(path, sensitive, 0);
    const kind = real === undefined ? undefined : files.backend.kind(real);
    if (kind === undefined) return false;
    if (kind === "file") return true;
    if (kind === "directory") throw new FunctionError(`${quote(path, sensitive)} is a directory, not a file`, 0);
    throw new FunctionError(`${quote(path, sensitive)} is not a regular file`, 0);
  }, "bool");

  const templatefile: EagerFunction = {
    params: [
      { name: "path", allowMarked: true },
      { name: "vars", allowUnknown: true },
    ],
    impl(args) {
      const { value: pathValue, sensitive } = unmark(args[0] as Value);
      if (pathValue instanceof Unknown) return mark(unknownFrom([pathValue, args[1] as Value]), sensitive);
      const path = stringArg([pathValue], 0);
      const text = files.readText(path, sensitive);
      const vars = args[1] as Value;
      if (vars instanceof Unknown) return mark(unknownFrom([vars]), sensitive);
      if (!isObjectValue(vars)) throw new FunctionError("invalid vars value: must be a map", 1);
      for (const name of Object.keys(vars)) {
        if (!IDENTIFIER.test(name)) {
          throw new FunctionError(
            `invalid template variable name ${JSON.stringify(name)}: must start with a letter, followed by zero or more letters, digits, and underscores`,
            1,
          );
        }
      }
      if (!options.renderTemplate) return mark(unknownFrom([vars], "any"), sensitive);
      const absolute = resolve(isAbsolute(path) ? path : join(options.baseDir, path));
      return mark(options.renderTemplate(text, absolute, vars), sensitive);
    },
  };

  const fileset: EagerFunction = {
    params: [
      { name: "path", allowMarked: true },
      { name: "pattern", allowMarked: true },
    ],
    returns: "set",
    impl(args) {
      const p = unmark(args[0] as Value);
      const q = unmark(args[1] as Value);
      const sensitive = p.sensitive || q.sensitive;
      if (p.value instanceof Unknown || q.value instanceof Unknown)
        return mark(unknownFrom([p.value, q.value], "set"), sensitive);
      const dir = stringArg([p.value], 0);
      const pattern = cleanPath(stringArg([q.value], 0));
      const { real } = files.resolve(dir, sensitive, 0);
      const matcher = globRegex(pattern);
      if (matcher === undefined) {
        throw new FunctionError(`failed to glob pattern ${quote(pattern, sensitive)}: syntax error in pattern`);
      }
      const found: string[] = [];
      const root = files.root();
      const walk = (absolute: string, relative: string, depth: number): void => {
        if (depth > 64) return;
        for (const entry of files.backend.list(absolute)) {
          if (!within(root, entry.real)) continue;
          const rel = relative === "" ? entry.name : `${relative}/${entry.name}`;
          if (entry.kind === "file" && execRegex(matcher, rel, 0) !== undefined) found.push(rel);
          if (entry.kind === "directory") walk(entry.real, rel, depth + 1);
        }
      };
      if (real !== undefined && files.backend.kind(real) === "directory") walk(real, "", 0);
      return mark(makeSet(found.map(nfc)), sensitive);
    },
  };

  return {
    abspath: {
      params: [{ name: "path" }],
      returns: "string",
      impl: (args) => resolve(options.baseDir, stringArg(args, 0)).split(sep).join("/"),
    },
    basename: { params: [{ name: "path" }], returns: "string", impl: (args) => basename(stringArg(args, 0)) },
    dirname: { params: [{ name: "path" }], returns: "string", impl: (args) => dirname(stringArg(args, 0)) },
    file: pathFunction((path, sensitive) => files.readText(path, sensitive)),
    filebase64: pathFunction((path, sensitive) => Buffer.from(files.read(path, sensitive)).toString("base64")),
    filebase64sha256: hashFile("sha256", "base64"),
    filebase64sha512: hashFile("sha512", "base64"),
    fileexists,
    filemd5: hashFile("md5", "hex"),
    fileset,
    filesha1: hashFile("sha1", "hex"),
    filesha256: hashFile("sha256", "hex"),
    filesha512: hashFile("sha512", "hex"),
    pathexpand: {
      params: [{ name: "path" }],
      returns: "string",
      // Expanding `~` needs the scanning user's home directory, which must not leak into results: unknown instead.
      impl: (args) => {
        const path = stringArg(args, 0);
        return path.startsWith("~") ? new Unknown([], "string") : path;
      },
    },
    templatefile,
  };
}
