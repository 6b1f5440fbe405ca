import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HclFunction } from "../../../src/hcl/function.js";
import { makeSet, type ObjectValue, object, Sensitive, Unknown, type Value } from "../../../src/hcl/value.js";
import { createFunctions, templateFunctions } from "../../../src/terraform/functions/index.js";
import { call, failure, site } from "./support.js";

/** An HCL template with an interpolation (kept out of JS template syntax). */
const TEMPLATE = ["Hello, $", "{name}!"].join("");
const o = (entries: Record<string, Value>) => object(Object.entries(entries));

let work: string;
let root: string;
let functions: ReadonlyMap<string, HclFunction>;
const reads: string[] = [];
const rendered: { text: string; path: string; vars: ObjectValue }[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "phiform-fs-"));
  root = join(work, "config");
  const outside = join(work, "outside");
  mkdirSync(join(root, "sub", "dir"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, "policy.json"), '{"Version":"2012-10-17"}\n');
  writeFileSync(join(root, "greeting.tftpl"), TEMPLATE);
  writeFileSync(join(root, "bin.dat"), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
  writeFileSync(join(root, "nul.txt"), "a\u0000b");
  writeFileSync(join(root, "big.txt"), "x".repeat(100));
  writeFileSync(join(root, "sub", "a.txt"), "A");
  writeFileSync(join(root, "sub", "dir", "b.txt"), "B");
  writeFileSync(join(root, "sub", "dir", "c.json"), "{}");
  writeFileSync(join(outside, "secret.txt"), "secret");
  symlinkSync(join(outside, "secret.txt"), join(root, "link-out"));
  symlinkSync(outside, join(root, "dir-out"));
  symlinkSync(join(root, "policy.json"), join(root, "sub", "link-in"));
  functions = createFunctions({
    baseDir: root,
    rootDir: root,
    maxFileBytes: 64,
    readFile: (path) => {
      reads.push(path);
      return new Uint8Array(readFileSync(path));
    },
    renderTemplate: (text, path, vars) => {
      rendered.push({ text, path, vars });
      return `rendered:${text}`;
    },
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (name: string, args: Value[]) => call(name, args, functions);
const fails = (name: string, args: Value[]) => failure(name, args, functions);

describe("file functions inside the configuration", () => {
  it("read text files relative to the base directory, and through symlinks that stay inside", () => {
    expect(run("file", ["policy.json"])).toBe('{"Version":"2012-10-17"}\n');
    expect(run("file", [join(root, "sub", "a.txt")])).toBe("A");
    expect(run("file", ["sub/link-in"])).toBe('{"Version":"2012-10-17"}\n');
    expect(run("file", ["sub/../sub/dir/b.txt"])).toBe("B");
  });

  it("hash and encode file bytes, binary included", () => {
    expect(run("filebase64", ["bin.dat"])).toBe("//4AAQ==");
    expect(run("filemd5", ["sub/a.txt"])).toBe("7fc56270e7a70fa81a5935b72eacbe29");
    expect(run("filesha1", ["sub/a.txt"])).toBe("6dcd4ce23d88e2ee9568ba546c007c63d9131c1b");
    expect(run("filesha256", ["sub/a.txt"])).toBe("559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd");
    expect(run("filebase64sha256", ["sub/a.txt"])).toBe("VZrq0IJk1XldOQlxjN0Fq9SVcuhP5VWQ7vMaiKCP3/0=");
    expect(run("filesha512", ["sub/a.txt"])).toBe(
      "21b4f4bd9e64ed355c3eb676a28ebedaf6d8f17bdc365995b319097153044080516bd083bfcce66121a3072646994c8430cc382b8dc543e84880183bf856cff5",
    );
    expect(run("filebase64sha512", ["sub/a.txt"])).toBe(
      "IbT0vZ5k7TVcPrZ2oo6+2vbY8XvcNlmVsxkJcVMEQIBRa9CDv8zmYSGjByZGmUyEMMw4K43FQ+hIgBg7+FbP9Q==",
    );
  });

  it("fileexists tells files from missing paths", () => {
    expect(run("fileexists", ["policy.json"])).toBe(true);
    expect(run("fileexists", ["missing.txt"])).toBe(false);
    expect(run("fileexists", ["sub/missing/deeper.txt"])).toBe(false);
    expect(fails("fileexists", ["sub"]).message).toBe('"sub" is a directory, not a file');
  });

  it("fileset globs relative paths, without following links out of the tree", () => {
    expect(run("fileset", [".", "**/*.txt"])).toEqual(makeSet(["big.txt", "nul.txt", "sub/a.txt", "sub/dir/b.txt"]));
    expect(run("fileset", ["sub", "*"])).toEqual(makeSet(["a.txt", "link-in"]));
    expect(run("fileset", ["sub", "dir/*.{json,txt}"])).toEqual(makeSet(["dir/b.txt", "dir/c.json"]));
    expect(run("fileset", [".", "nothing-*"])).toEqual(makeSet([]));
  });

  it("templatefile reads the template and hands it to the evaluator's renderer", () => {
    const vars = o({ name: "world" });
    expect(run("templatefile", ["greeting.tftpl", vars])).toBe(`rendered:${TEMPLATE}`);
    expect(rendered.at(-1)).toEqual({ text: TEMPLATE, path: join(root, "greeting.tftpl"), vars });
    expect(fails("templatefile", ["greeting.tftpl", "x"]).message).toBe("invalid vars value: must be a map");
    const badName = fails("templatefile", ["greeting.tftpl", o({ "1x": 1 })]);
    expect(badName.message).toBe(
      'invalid template variable name "1x": must start with a letter, followed by zero or more letters, digits, and underscores',
    );
    expect(badName.argIndex).toBe(1);
    const unknownVars = Unknown.of("var.settings", [], "map");
    expect(run("templatefile", ["greeting.tftpl", unknownVars])).toEqual(
      new Unknown([{ address: "var.settings", path: [] }]),
    );
  });

  it("templatefile without a renderer is unknown, and cannot be called from a template", () => {
    const bare = createFunctions({ baseDir: root, rootDir: root });
    expect(call("templatefile", ["greeting.tftpl", o({ name: "x" })], bare)).toEqual(new Unknown());
    const inner = templateFunctions(bare).get("templatefile");
    expect(() =>
      (inner as { impl: (a: Value[], s: typeof site) => Value }).impl(["greeting.tftpl", o({})], site),
    ).toThrow("cannot recursively call templatefile from inside templatefile call");
  });

  it("path functions follow Go's filepath rules and never read the home directory", () => {
    expect(run("abspath", ["sub/../x"])).toBe(`${root}/x`);
    expect(run("dirname", ["foo/bar/baz.txt"])).toBe("foo/bar");
    expect(run("dirname", ["a/b/"])).toBe("a/b");
    expect(run("dirname", ["file"])).toBe(".");
    expect(run("dirname", ["/"])).toBe("/");
    expect(run("basename", ["foo/bar/baz.txt"])).toBe("baz.txt");
    expect(run("basename", ["a/b/"])).toBe("b");
    expect(run("basename", [""])).toBe(".");
    expect(run("basename", ["///"])).toBe("/");
    expect(run("pathexpand", ["~/.ssh/id_rsa"])).toEqual(new Unknown([], "string"));
    expect(run("pathexpand", ["/etc/hosts"])).toBe("/etc/hosts");
  });

  it("keep a sensitive path's mark and never print it", () => {
    expect(run("file", [new Sensitive("sub/a.txt")])).toEqual(new Sensitive("A"));
    expect(fails("file", [new Sensitive("missing.txt")]).message).toMatch(/^no file exists at \(sensitive value\);/);
  });
});

describe("file functions refuse what lies outside the configuration", () => {
  const outsideCases: [string, string][] = [
    ["file", "/etc/passwd"],
    ["file", "../outside/secret.txt"],
    ["file", "link-out"],
    ["file", "dir-out/secret.txt"],
    ["file", "~/.aws/credentials"],
    ["filebase64", "/etc/passwd"],
    ["filesha256", "link-out"],
    ["fileexists", "/etc/passwd"],
    ["fileexists", "dir-out/secret.txt"],
    ["fileexists", "dir-out/does-not-exist"],
    ["fileexists", "../outside"],
    ["templatefile", "../outside/secret.txt"],
    ["fileset", "../outside"],
  ];
  it.each(outsideCases)("%s(%j) is refused without reading it", (name, path) => {
    const before = reads.length;
    const args: Value[] = name === "templatefile" ? [path, o({})] : name === "fileset" ? [path, "*"] : [path];
    const e = fails(name, args);
    expect(e.message).toBe(`${JSON.stringify(path)} is outside the configuration directory, so it is not read`);
    expect(e.argIndex).toBe(0);
    expect(reads.length).toBe(before);
  });

  it("refuses missing, oversized, binary files and directories with Terraform's wording", () => {
    const missing = fails("file", ["missing.txt"]);
    expect(missing.message).toBe(
      'no file exists at "missing.txt"; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource',
    );
    expect(missing.argIndex).toBe(0);
    expect(fails("file", ["big.txt"]).message).toBe('"big.txt" is larger than 64 bytes, so it is not read');
    expect(fails("file", ["sub"]).message).toBe('"sub" is a directory, not a file');
    for (const binary of ["bin.dat", "nul.txt"]) {
      const e = fails("file", [binary]);
      expect(e.message).toBe(
        `contents of "${binary}" are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead`,
      );
      expect(e.argIndex).toBeUndefined();
    }
  });
});

describe("file functions over a given (in-memory) file system", () => {
  const encoder = new TextEncoder();
  const files: Record<string, string> = {
    "/cfg/main.tf": "",
    "/cfg/policy.json": "{}",
    "/cfg/modules/a/x.txt": "X",
    "/other/secret.txt": "secret",
  };
  const dirs = new Set(["/", "/cfg", "/cfg/modules", "/cfg/modules/a", "/other"]);
  const seen: string[] = [];
  const memory = createFunctions({
    baseDir: "/cfg",
    rootDir: "/cfg",
    fs: {
      readDir: (dir) =>
        dirs.has(dir)
          ? Object.keys(files)
              .filter((f) => f.slice(0, f.lastIndexOf("/")) === dir)
              .map((f) => f.slice(f.lastIndexOf("/") + 1))
          : null,
      readFile: (path) => {
        seen.push(path);
        return path in files ? encoder.encode(files[path]) : null;
      },
      isDirectory: (path) => dirs.has(path),
    },
  });
  const runIn = (name: string, args: Value[]) => call(name, args, memory);

  it("reads, tests and lists files inside the root", () => {
    expect(runIn("file", ["policy.json"])).toBe("{}");
    expect(runIn("file", ["modules/a/x.txt"])).toBe("X");
    expect(runIn("fileexists", ["policy.json"])).toBe(true);
    expect(runIn("fileexists", ["nope.json"])).toBe(false);
    expect(runIn("fileset", ["modules/a", "*.txt"])).toEqual(makeSet(["x.txt"]));
    expect(failure("file", ["nope.json"], memory).message).toMatch(/^no file exists at "nope.json";/);
    expect(failure("file", ["modules"], memory).message).toBe('"modules" is a directory, not a file');
  });

  it("refuses paths outside the root without reading them", () => {
    const before = seen.length;
    for (const path of ["/other/secret.txt", "../other/secret.txt", "/etc/passwd"]) {
      expect(failure("file", [path], memory).message).toBe(
        `${JSON.stringify(path)} is outside the configuration directory, so it is not read`,
      );
    }
    expect(seen.length).toBe(before);
  });
});
