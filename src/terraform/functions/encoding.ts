/** Terraform's encoding functions: JSON, YAML, base64, URL and text encodings. */
import { gzipSync } from "node:zlib";
import { type EagerFunction, FunctionError, type HclFunction } from "../../hcl/function.js";
import { containsUnknown, mark, object, Unknown, unmark, type Value } from "../../hcl/value.js";
import { nfc, stringArg, unknownFrom, unknownRefs } from "./arguments.js";
import { decodeJson, encodeJson, JsonSyntaxError } from "./json.js";
import { encodeYaml } from "./yaml.js";

/**
 * The result of encoding a value that still has unknowns inside: an unknown string that keeps the value, so that
 * analysers (IAM policies) can read the structure before apply.
 */
function encodedUnknown(v: Value): Unknown {
  return new Unknown(unknownRefs([v]), "string", undefined, v);
}

const jsonencode: EagerFunction = {
  params: [{ name: "val", allowNull: true, allowUnknown: true }],
  returns: "string",
  impl([v]) {
    const value = v as Value;
    if (containsUnknown(value)) return encodedUnknown(value);
    return encodeJson(value);
  },
};

const jsondecode: EagerFunction = {
  params: [{ name: "str" }],
  impl(args) {
    try {
      return decodeJson(stringArg(args, 0));
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new FunctionError(e.message, 0);
      throw e;
    }
  },
};

const yamlencode: EagerFunction = {
  params: [{ name: "value", allowNull: true, allowUnknown: true }],
  returns: "string",
  impl([v]) {
    const value = v as Value;
    if (containsUnknown(value)) return encodedUnknown(value);
    return encodeYaml(value);
  },
};

/** Go's `base64.StdEncoding.DecodeString`: padding required, line breaks ignored, nothing else tolerated. */
function decodeBase64(s: string): Uint8Array | undefined {
  const text = s.includes("\n") || s.includes("\r") ? s.replace(/[\r\n]/g, "") : s;
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text))
    return undefined;
  return Buffer.from(text, "base64");
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Terraform quotes the offending input in some messages unless it is sensitive. */
function redact(value: string, sensitive: boolean): string {
  return sensitive ? "(sensitive value)" : JSON.stringify(value);
}

const base64decode: EagerFunction = {
  params: [{ name: "str", allowMarked: true }],
  returns: "string",
  impl(args) {
    const { value, sensitive } = unmark(args[0] as Value);
    if (value instanceof Unknown) return mark(unknownFrom([value], "string"), sensitive);
    const s = stringArg([value], 0);
    const bytes = decodeBase64(s);
    if (bytes === undefined) throw new FunctionError(`failed to decode base64 data ${redact(s, sensitive)}`);
    const text = decodeUtf8(bytes);
    if (text === undefined) throw new FunctionError("the result of decoding the provided string is not valid UTF-8");
    return mark(nfc(text), sensitive);
  },
};

const base64encode: EagerFunction = {
  params: [{ name: "str" }],
  returns: "string",
  impl(args) {
    return Buffer.from(stringArg(args, 0), "utf8").toString("base64");
  },
};

const base64gzip: EagerFunction = {
  params: [{ name: "str" }],
  returns: "string",
  impl(args) {
    const gz = gzipSync(Buffer.from(stringArg(args, 0), "utf8"));
    gz[9] = 255; // OS "unknown", as Go's gzip writer records it
    return gz.toString("base64");
  },
};

/** Go's `url.QueryEscape`. */
function queryEscape(s: string): string {
  let out = "";
  for (const byte of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (byte === 0x20) out += "+";
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

const urlencode: EagerFunction = {
  params: [{ name: "str" }],
  returns: "string",
  impl(args) {
    return queryEscape(stringArg(args, 0));
  },
};

type TextCodec = {
  encode(s: string): Uint8Array;
  decode(b: Uint8Array): string | undefined;
};

function utf16(bigEndian: boolean, bom: boolean): TextCodec {
  return {
    encode(s) {
      const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
      let o = 0;
      if (bom) {
        out[o++] = bigEndian ? 0xfe : 0xff;
        out[o++] = bigEndian ? 0xff : 0xfe;
      }
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        out[o++] = bigEndian ? c >> 8 : c & 0xff;
        out[o++] = bigEndian ? c & 0xff : c >> 8;
      }
      return out;
    },
    decode(b) {
      let start = 0;
      let big = bigEndian;
      if (bom && b.length >= 2) {
        if (b[0] === 0xfe && b[1] === 0xff) {
          big = true;
          start = 2;
        } else if (b[0] === 0xff && b[1] === 0xfe) {
          big = false;
          start = 2;
        }
      }
      if ((b.length - start) % 2 !== 0) return undefined;
      try {
        return new TextDecoder(big ? "utf-16be" : "utf-16le", { fatal: true }).decode(b.subarray(start));
      } catch {
        return undefined;
      }
    },
  };
}

const latin1: TextCodec = {
  encode(s) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff) throw new Error("unencodable");
      out[i] = c;
    }
    return out;
  },
  decode(b) {
    return String.fromCharCode(...b);
  },
};

const utf8Codec: TextCodec = {
  encode: (s) => Buffer.from(s, "utf8"),
  decode: decodeUtf8,
};

/** The IANA names (and common aliases) we support; Terraform supports every encoding in golang.org/x/text. */
function codecFor(name: string): TextCodec | undefined {
  switch (name.toLowerCase()) {
    case "utf-8":
    case "utf8":
    case "csutf8":
      return utf8Codec;
    case "utf-16":
    case "csutf16":
      return utf16(true, true);
    case "utf-16be":
    case "csutf16be":
      return utf16(true, false);
    case "utf-16le":
    case "csutf16le":
      return utf16(false, false);
    case "iso-8859-1":
    case "iso_8859-1":
    case "latin1":
    case "l1":
    case "csisolatin1":
    case "iso-ir-100":
    case "ibm819":
    case "cp819":
      return latin1;
  }
  return undefined;
}

function codecArg(args: readonly Value[], i: number): TextCodec {
  const name = stringArg(args, i);
  const codec = codecFor(name);
  if (codec === undefined) {
    throw new FunctionError(`"${name}" is not a supported IANA encoding name or alias in this Terraform version`, i);
  }
  return codec;
}

const textencodebase64: EagerFunction = {
  params: [{ name: "string" }, { name: "encoding" }],
  returns: "string",
  impl(args) {
    const codec = codecArg(args, 1);
    const text = stringArg(args, 0);
    let bytes: Uint8Array;
    try {
      bytes = codec.encode(text);
    } catch {
      throw new FunctionError(
        `the given string contains characters that cannot be represented in ${stringArg(args, 1)}`,
        0,
      );
    }
    return Buffer.from(bytes).toString("base64");
  },
};

const textdecodebase64: EagerFunction = {
  params: [{ name: "source" }, { name: "encoding" }],
  returns: "string",
  impl(args) {
    const codec = codecArg(args, 1);
    const bytes = decodeBase64(stringArg(args, 0));
    if (bytes === undefined) throw new FunctionError("the given value is has an invalid base64 symbol", 0);
    const text = codec.decode(bytes);
    if (text === undefined)
      throw new FunctionError(`the given string contains symbols that are not defined for ${stringArg(args, 1)}`, 0);
    return nfc(text);
  },
};

/** Go's `encoding/csv` reader with its defaults (comma, no trimming, strict quotes, equal field counts). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let line = 1;
  let i = 0;
  let fieldCount = -1;
  const fail = (at: number, message: string): never => {
    throw new FunctionError(`CSV parse error on line ${at}: ${message}`);
  };
  while (i < text.length) {
    // Empty lines are skipped.
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] === "\n")) {
      i += text[i] === "\r" ? 2 : 1;
      line++;
      continue;
    }
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) fail(line, 'extraneous or missing " in quoted-field');
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === "\n") line++;
          field += c;
          i++;
        }
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\n" && !(next === "\r" && text[i + 1] === "\n")) {
          fail(line, 'extraneous or missing " in quoted-field');
        }
      } else {
        while (i < text.length && text[i] !== "," && text[i] !== "\n" && !(text[i] === "\r" && text[i + 1] === "\n")) {
          if (text[i] === '"') fail(line, 'bare " in non-quoted-field');
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "\r") i++;
      if (text[i] === "\n") {
        i++;
        line++;
      }
      break;
    }
    if (fieldCount < 0) fieldCount = fields.length;
    else if (fields.length !== fieldCount) fail(recordLine, "wrong number of fields");
    records.push(fields);
  }
  return records;
}

const csvdecode: EagerFunction = {
  params: [{ name: "str" }],
  returns: "list",
  impl(args) {
    const [header, ...rows] = parseCsv(stringArg(args, 0));
    if (header === undefined) throw new FunctionError("missing header line");
    const seen = new Set<string>();
    for (const name of header) {
      if (seen.has(name)) throw new FunctionError(`duplicate column name ${JSON.stringify(name)}`);
      seen.add(name);
    }
    return rows.map((row) => object(header.map((name, i) => [nfc(name), nfc(row[i] as string)] as const)));
  },
};

export const encodingFunctions: Readonly<Record<string, HclFunction>> = {
  base64decode,
  base64encode,
  base64gzip,
  csvdecode,
  jsondecode,
  jsonencode,
  textdecodebase64,
  textencodebase64,
  urlencode,
  yamlencode,
};
