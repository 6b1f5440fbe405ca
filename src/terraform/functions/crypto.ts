/** Terraform's hash and crypto functions over strings (the file variants live with the filesystem functions). */
import { createHash } from "node:crypto";
import { type EagerFunction, FunctionError, type HclFunction } from "../../hcl/function.js";
import { Unknown } from "../../hcl/value.js";
import { stringArg } from "./arguments.js";

export function digest(algorithm: "md5" | "sha1" | "sha256" | "sha512", data: string | Uint8Array): Buffer {
  return createHash(algorithm).update(data).digest();
}

function hexHash(algorithm: "md5" | "sha1" | "sha256" | "sha512"): EagerFunction {
  return {
    params: [{ name: "str" }],
    returns: "string",
    impl: (args) => digest(algorithm, stringArg(args, 0)).toString("hex"),
  };
}

function base64Hash(algorithm: "sha256" | "sha512"): EagerFunction {
  return {
    params: [{ name: "str" }],
    returns: "string",
    impl: (args) => digest(algorithm, stringArg(args, 0)).toString("base64"),
  };
}

const NAMESPACES: Readonly<Record<string, string>> = {
  dns: "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
  url: "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
  oid: "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
  x500: "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
};

/** google/uuid's `Parse`: the canonical form, optionally braced or as a `urn:uuid:` URN, or 32 bare hex digits. */
function parseUuid(s: string): Buffer {
  let text = s;
  if (text.length === 36 + 9 && text.slice(0, 9).toLowerCase() === "urn:uuid:") text = text.slice(9);
  else if (text.length === 38 && text[0] === "{" && text[37] === "}") text = text.slice(1, 37);
  if (text.length === 36) {
    if (!/^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/.test(text)) {
      throw new Error("invalid UUID format");
    }
    return Buffer.from(text.replaceAll("-", ""), "hex");
  }
  if (text.length === 32) {
    if (!/^[0-9A-Fa-f]{32}$/.test(text)) throw new Error("invalid UUID format");
    return Buffer.from(text, "hex");
  }
  throw new Error(`invalid UUID length: ${s.length}`);
}

function formatUuid(b: Buffer): string {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const uuidv5: EagerFunction = {
  params: [{ name: "namespace" }, { name: "name" }],
  returns: "string",
  impl(args) {
    const ns = stringArg(args, 0);
    let namespace: Buffer;
    try {
      namespace = parseUuid(NAMESPACES[ns] ?? ns);
    } catch (e) {
      throw new FunctionError(`uuidv5() doesn't support namespace ${ns} (${(e as Error).message})`);
    }
    const hash = digest("sha1", Buffer.concat([namespace, Buffer.from(stringArg(args, 1), "utf8")])).subarray(0, 16);
    hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
    hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
    return formatUuid(hash);
  },
};

/** Random at every run in Terraform, so unknown here: same input, same output. */
const uuid: EagerFunction = { params: [], returns: "string", impl: () => new Unknown([], "string") };
const bcrypt: EagerFunction = {
  params: [{ name: "str" }],
  variadic: { name: "cost" },
  returns: "string",
  impl(args) {
    if (args.length > 2) throw new FunctionError(`bcrypt() takes no more than two arguments, but got ${args.length}`);
    return new Unknown([], "string");
  },
};

export const cryptoFunctions: Readonly<Record<string, HclFunction>> = {
  base64sha256: base64Hash("sha256"),
  base64sha512: base64Hash("sha512"),
  bcrypt,
  md5: hexHash("md5"),
  sha1: hexHash("sha1"),
  sha256: hexHash("sha256"),
  sha512: hexHash("sha512"),
  uuid,
  uuidv5,
};
