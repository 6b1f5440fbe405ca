/**
 * Loading a configuration: a root module directory → a tree of modules. Reads `*.tf` and `*.tf.json`, merges override
 * files, follows local module sources (confined to the configuration's root directory, with cycle detection) and
 * installed registry/git modules through `.terraform/modules/modules.json`. Never throws: every problem is a located
 * diagnostic and loading goes on.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type { File } from "../hcl/ast.js";
import { type Diagnostic, error, warning } from "../hcl/diagnostic.js";
import { parse } from "../hcl/parser.js";
import { fileStartRange, type Pos, type Range } from "../hcl/range.js";
import type { Configuration, Module, ModuleCall, SourceFile } from "./configuration.js";
import { type Declarations, Decoder, emptyDeclarations, literalOf, mergeOverride } from "./declarations.js";
import { internalError } from "./internal-error.js";
import { parseJsonConfig } from "./json-syntax.js";

/** The file system the loader reads. Paths given to it are absolute. */
export interface FileSystem {
  /** Names of the regular files in a directory, or null when it is not a readable directory. */
  readDir(dir: string): string[] | null;
  readFile(path: string): Uint8Array | null;
  isDirectory(path: string): boolean;
}

export const nodeFileSystem: FileSystem = {
  readDir(dir) {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() || (e.isSymbolicLink() && safeStat(join(dir, e.name))?.isFile()))
        .map((e) => e.name);
    } catch {
      return null;
    }
  },
  readFile(path) {
    try {
      return readFileSync(path);
    } catch {
      return null;
    }
  },
  isDirectory(path) {
    return safeStat(path)?.isDirectory() ?? false;
  },
};

function safeStat(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** An in-memory file system: absolute path → content. For tests and for embedding callers. */
export function memoryFileSystem(files: Readonly<Record<string, string | Uint8Array>>): FileSystem {
  const encoder = new TextEncoder();
  const contents = new Map<string, Uint8Array>();
  const dirs = new Map<string, string[]>();
  for (const [path, content] of Object.entries(files)) {
    const abs = resolve(path);
    contents.set(abs, typeof content === "string" ? encoder.encode(content) : content);
    let dir = dirname(abs);
    let name = abs.slice(dir.length + (dir.endsWith(sep) ? 0 : 1));
    let isFile = true;
    for (;;) {
      let list = dirs.get(dir);
      if (!list) {
        list = [];
        dirs.set(dir, list);
      }
      if (isFile) list.push(name);
      isFile = false;
      const parent = dirname(dir);
      if (parent === dir) break;
      name = dir.slice(parent.length + (parent.endsWith(sep) ? 0 : 1));
      dir = parent;
    }
  }
  return {
    readDir: (dir) => dirs.get(resolve(dir))?.slice() ?? null,
    readFile: (path) => contents.get(resolve(path)) ?? null,
    isDirectory: (path) => dirs.has(resolve(path)),
  };
}

export interface LoadOptions {
  readonly fs?: FileSystem;
  /**
   * The directory module sources and file functions must stay inside. Default: the nearest ancestor of `dir` that
   * holds a `.git` entry (the repository), else `dir` itself.
   */
  readonly rootDir?: string;
  /** Files larger than this are reported and skipped. Default 8 MiB. */
  readonly maxFileBytes?: number;
}

export interface LoadResult {
  readonly configuration: Configuration;
  readonly diagnostics: Diagnostic[];
}

export const defaultMaxFileBytes = 8 * 1024 * 1024;

interface ParsedDirectory {
  readonly files: SourceFile[];
  readonly declarations: Declarations;
}

interface ManifestEntry {
  readonly key: string;
  readonly dir: string;
}

export function loadConfiguration(dir: string, options: LoadOptions = {}): LoadResult {
  const fs = options.fs ?? nodeFileSystem;
  const absDir = resolve(dir);
  const rootDir = resolve(options.rootDir ?? repositoryRoot(absDir, fs) ?? absDir);
  const loader = new Loader(fs, rootDir, options.maxFileBytes ?? defaultMaxFileBytes, dir, absDir);
  let root: Module;
  try {
    if (!fs.isDirectory(absDir)) {
      loader.diagnostics.push(error("Not a directory", `${dir} is not a readable directory.`, fileStartRange(dir)));
    }
    root = loader.module(dir, absDir, "", []);
  } catch (e) {
    loader.diagnostics.push(internalError(e, fileStartRange(dir)));
    root = emptyModule(dir, absDir);
  }
  return {
    configuration: { root, rootDir, modules: [...loader.distinct.values()] },
    diagnostics: loader.diagnostics,
  };
}

function emptyModule(dir: string, absDir: string): Module {
  const d = emptyDeclarations();
  return {
    dir,
    absDir,
    files: [],
    variables: d.variables,
    locals: d.locals,
    outputs: d.outputs,
    resources: d.resources,
    moduleCalls: new Map(),
    providers: d.providers,
    requiredProviders: d.requiredProviders,
    requiredVersion: null,
    backend: null,
    moved: [],
    imports: [],
  };
}

function repositoryRoot(absDir: string, fs: FileSystem): string | undefined {
  let dir = absDir;
  for (;;) {
    const names = fs.readDir(dir);
    if (names?.includes(".git") || fs.isDirectory(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Terraform ignores editor droppings and hidden files. */
function isConfigFileName(name: string): boolean {
  if (name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.endsWith("#")) return false;
  return name.endsWith(".tf") || name.endsWith(".tf.json");
}

export function isOverrideFileName(name: string): boolean {
  const stem = name.endsWith(".tf.json") ? name.slice(0, -8) : name.slice(0, -3);
  return stem === "override" || stem.endsWith("_override");
}

class Loader {
  readonly diagnostics: Diagnostic[] = [];
  /** Parsed directories by absolute path: a module used by several calls is read once. */
  private readonly parsed = new Map<string, ParsedDirectory>();
  readonly distinct = new Map<string, Module>();
  private manifest: Map<string, ManifestEntry> | null | undefined;

  constructor(
    private readonly fs: FileSystem,
    private readonly rootDir: string,
    private readonly maxFileBytes: number,
    private readonly rootDisplayDir: string,
    private readonly rootAbsDir: string,
  ) {}

  /** Builds the module at `absDir`; `keyPath` is its module-call path (`a.b`) for manifest lookups. */
  module(displayDir: string, absDir: string, keyPath: string, stack: readonly string[]): Module {
    const parsed = this.parseDirectory(displayDir, absDir);
    const d = parsed.declarations;
    const moduleCalls = new Map<string, ModuleCall>();
    const module: Module = {
      dir: displayDir,
      absDir,
      files: parsed.files,
      variables: d.variables,
      locals: d.locals,
      outputs: d.outputs,
      resources: d.resources,
      moduleCalls,
      providers: d.providers,
      requiredProviders: d.requiredProviders,
      requiredVersion: d.requiredVersion,
      backend: d.backend,
      moved: d.moved,
      imports: d.imports,
    };
    if (!this.distinct.has(absDir)) this.distinct.set(absDir, module);
    const childStack = [...stack, absDir];
    for (const decl of d.moduleCalls.values()) {
      const call: ModuleCall = {
        name: decl.name,
        range: decl.range,
        declRange: decl.declRange,
        source: null,
        sourceRange: decl.source?.expr.range ?? decl.declRange,
        version: null,
        inputs: decl.inputs,
        count: decl.count,
        forEach: decl.forEach,
        providers: decl.providers,
        dependsOn: decl.dependsOn,
        module: null,
      };
      moduleCalls.set(decl.name, call);
      try {
        this.resolveCall(call, decl.source, decl.version, module, keyPath, childStack);
      } catch (e) {
        this.diagnostics.push(internalError(e, call.sourceRange));
      }
    }
    return module;
  }

  private resolveCall(
    call: ModuleCall,
    sourceAttr: { readonly expr: import("../hcl/ast.js").Expression } | null,
    versionAttr: { readonly expr: import("../hcl/ast.js").Expression } | null,
    parent: Module,
    parentKey: string,
    stack: readonly string[],
  ): void {
    const mutable = call as { -readonly [K in keyof ModuleCall]: ModuleCall[K] };
    if (!sourceAttr) {
      this.diagnostics.push(
        error(
          "Missing required argument",
          'The argument "source" is required, but no definition was found.',
          call.declRange,
        ),
      );
      return;
    }
    const source = literalOf(sourceAttr.expr);
    if (typeof source !== "string") {
      this.diagnostics.push(
        error("Invalid module source", "The module source must be a literal string.", sourceAttr.expr.range),
      );
      return;
    }
    mutable.source = source;
    const version = versionAttr ? literalOf(versionAttr.expr) : null;
    mutable.version = typeof version === "string" ? version : null;
    const keyPath = parentKey ? `${parentKey}.${call.name}` : call.name;
    let childAbs: string;
    let childDisplay: string;
    if (isLocalSource(source)) {
      childAbs = resolve(parent.absDir, source);
      childDisplay = join(parent.dir, source);
    } else {
      const entry = this.manifestEntries().get(keyPath);
      if (!entry) {
        this.diagnostics.push(
          warning(
            "Unresolved module",
            `Module "${call.name}" comes from "${source}", which is not installed locally (no entry "${keyPath}" in .terraform/modules/modules.json; run terraform init). Its resources are not scanned and its outputs are unknown.`,
            call.sourceRange,
          ),
        );
        return;
      }
      childAbs = resolve(this.rootAbsDir, entry.dir);
      childDisplay = join(this.rootDisplayDir, entry.dir);
    }
    if (
      childAbs !== this.rootDir &&
      !childAbs.startsWith(this.rootDir.endsWith(sep) ? this.rootDir : this.rootDir + sep)
    ) {
      this.diagnostics.push(
        error(
          "Module source outside the configuration",
          `The module source "${source}" resolves to ${childAbs}, outside the configuration's root directory ${this.rootDir}; it is not loaded.`,
          call.sourceRange,
        ),
      );
      return;
    }
    if (stack.includes(childAbs)) {
      this.diagnostics.push(
        error(
          "Module cycle",
          `Module "${call.name}" (source "${source}") calls a module that is already being loaded higher up the call chain: ${[...stack.slice(stack.indexOf(childAbs)), childAbs].join(" → ")}.`,
          call.sourceRange,
        ),
      );
      return;
    }
    if (!this.fs.isDirectory(childAbs)) {
      this.diagnostics.push(
        error(
          "Module directory not found",
          `The module source "${source}" does not name a readable directory (${childAbs}).`,
          call.sourceRange,
        ),
      );
      return;
    }
    mutable.module = this.module(childDisplay, childAbs, keyPath, stack);
  }

  private manifestEntries(): Map<string, ManifestEntry> {
    if (this.manifest) return this.manifest;
    const entries = new Map<string, ManifestEntry>();
    this.manifest = entries;
    const path = join(this.rootAbsDir, ".terraform", "modules", "modules.json");
    const bytes = this.fs.readFile(path);
    if (!bytes) return entries;
    const range = fileStartRange(join(this.rootDisplayDir, ".terraform", "modules", "modules.json"));
    try {
      const json = JSON.parse(new TextDecoder().decode(bytes)) as { Modules?: { Key?: unknown; Dir?: unknown }[] };
      for (const m of json.Modules ?? []) {
        if (typeof m.Key === "string" && typeof m.Dir === "string") entries.set(m.Key, { key: m.Key, dir: m.Dir });
      }
    } catch (e) {
      this.diagnostics.push(
        error("Invalid module manifest", `modules.json is not valid JSON: ${(e as Error).message}`, range),
      );
    }
    return entries;
  }

  private parseDirectory(displayDir: string, absDir: string): ParsedDirectory {
    const cached = this.parsed.get(absDir);
    if (cached) return cached;
    const names = (this.fs.readDir(absDir) ?? []).filter(isConfigFileName).sort();
    const files: SourceFile[] = [];
    const declarations = emptyDeclarations();
    const overrides: File[] = [];
    const decoder = new Decoder(this.diagnostics);
    for (const name of names) {
      const displayPath = join(displayDir, name);
      const override = isOverrideFileName(name);
      let file: File | null = null;
      try {
        const result = this.readFile(join(absDir, name), displayPath, name.endsWith(".json"));
        if (!result) continue;
        files.push({ path: displayPath, bytes: result.bytes, override });
        file = result.file;
        if (!file) continue;
        if (override) overrides.push(file);
        else decoder.decodeFile(file.body, declarations);
      } catch (e) {
        this.diagnostics.push(internalError(e, file?.range ?? fileStartRange(displayPath)));
      }
    }
    for (const file of overrides) {
      try {
        const o = emptyDeclarations();
        decoder.decodeFile(file.body, o);
        mergeOverride(declarations, o, this.diagnostics);
      } catch (e) {
        this.diagnostics.push(internalError(e, file.range));
      }
    }
    const result = { files, declarations };
    this.parsed.set(absDir, result);
    return result;
  }

  /** Reads, checks and parses one file; null when it could not be read at all. */
  private readFile(absPath: string, displayPath: string, json: boolean): { file: File | null; bytes: number } | null {
    const bytes = this.fs.readFile(absPath);
    const start = fileStartRange(displayPath);
    if (!bytes) {
      this.diagnostics.push(error("Unreadable file", `${displayPath} could not be read.`, start));
      return null;
    }
    if (bytes.length > this.maxFileBytes) {
      this.diagnostics.push(
        error(
          "File too large",
          `${displayPath} is ${bytes.length} bytes, over the limit of ${this.maxFileBytes}; it is skipped.`,
          start,
        ),
      );
      return { file: null, bytes: bytes.length };
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      this.diagnostics.push(
        error(
          "Binary file",
          `${displayPath} contains a NUL byte; it is not a configuration file and is skipped.`,
          rangeAtByte(displayPath, bytes, nul),
        ),
      );
      return { file: null, bytes: bytes.length };
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      const bad = firstInvalidUtf8(bytes);
      this.diagnostics.push(
        error(
          "Invalid UTF-8",
          `${displayPath} is not valid UTF-8 text; it is skipped.`,
          rangeAtByte(displayPath, bytes, bad),
        ),
      );
      return { file: null, bytes: bytes.length };
    }
    const parsed = json ? parseJsonConfig(text, displayPath) : parse(text, displayPath);
    this.diagnostics.push(...parsed.diagnostics);
    return { file: parsed.file, bytes: bytes.length };
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export function isLocalSource(source: string): boolean {
  return source.startsWith("./") || source.startsWith("../") || source.startsWith(".\\") || source.startsWith("..\\");
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** A one-byte range at a byte offset, with line and column counted over the valid text before it. */
function rangeAtByte(file: string, bytes: Uint8Array, offset: number): Range {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < offset) {
    const b = bytes[i] as number;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) column++;
    i++;
  }
  const start: Pos = { line, column, byte: offset };
  const end: Pos = { line, column: column + 1, byte: Math.min(offset + 1, bytes.length) };
  return { file, start, end };
}
