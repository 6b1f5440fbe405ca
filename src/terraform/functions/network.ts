/**
 * Terraform's IP network functions, IPv4 and IPv6, with addresses as BigInt. Parsing follows Terraform's `ipaddr`
 * package (Go's pre-1.17 parser: IPv4 octets with leading zeros read as decimal); arithmetic and messages follow
 * `github.com/apparentlymart/go-cidr`; output follows Go's `net.IP.String` / `net.IPNet.String`.
 */
import { type EagerFunction, FunctionError, type HclFunction } from "../../hcl/function.js";
import type { Value } from "../../hcl/value.js";
import { numberArg, stringArg } from "./arguments.js";

interface Network {
  /** The network address (host bits cleared). */
  base: bigint;
  /** Address width: 32 for IPv4, 128 for IPv6 (including IPv4-mapped IPv6). */
  bits: 32 | 128;
  prefix: number;
}

class CidrError extends Error {}

function parseDecimal(s: string): number | undefined {
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 0xffffff ? n : undefined;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    const n = parseDecimal(p);
    if (n === undefined || n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  let head = s;
  let tail = "";
  const gap = s.indexOf("::");
  if (gap >= 0) {
    head = s.slice(0, gap);
    tail = s.slice(gap + 2);
    if (tail.includes("::")) return undefined;
  }
  const groups = (text: string): number[] | undefined => {
    if (text === "") return [];
    const out: number[] = [];
    const items = text.split(":");
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as string;
      if (i === items.length - 1 && item.includes(".")) {
        const v4 = parseIPv4(item);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
        continue;
      }
      if (!/^[0-9A-Fa-f]{1,4}$/.test(item)) return undefined;
      out.push(Number.parseInt(item, 16));
    }
    return out;
  };
  const h = groups(head);
  const t = groups(tail);
  if (h === undefined || t === undefined) return undefined;
  if (head.includes(".") && gap >= 0) return undefined;
  const missing = 8 - h.length - t.length;
  if (gap < 0 ? missing !== 0 : missing < 1) return undefined;
  let v = 0n;
  for (const g of [...h, ...new Array<number>(gap < 0 ? 0 : missing).fill(0), ...t]) v = (v << 16n) | BigInt(g);
  return v;
}

function mask(prefix: number, bits: number): bigint {
  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

function parseCidr(s: string): Network {
  const slash = s.indexOf("/");
  const fail = (): never => {
    throw new CidrError(`invalid CIDR expression: invalid CIDR address: ${s}`);
  };
  if (slash < 0) fail();
  const addr = s.slice(0, slash);
  let bits: 32 | 128 = 32;
  let ip = parseIPv4(addr);
  if (ip === undefined) {
    bits = 128;
    ip = parseIPv6(addr);
  }
  const prefix = parseDecimal(s.slice(slash + 1));
  if (ip === undefined || prefix === undefined || prefix > bits) return fail();
  return { base: ip & mask(prefix, bits), bits, prefix };
}

function isV4Mapped(ip: bigint, bits: number): boolean {
  return bits === 128 && ip >> 32n === 0xffffn;
}

/** Go's `net.IP.String`. */
function formatIP(ip: bigint, bits: number): string {
  if (bits === 32 || isV4Mapped(ip, bits)) {
    const v = ip & 0xffffffffn;
    return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join(".");
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.map((g) => g.toString(16)).join(":");
  const left = groups
    .slice(0, bestStart)
    .map((g) => g.toString(16))
    .join(":");
  const right = groups
    .slice(bestStart + bestLength)
    .map((g) => g.toString(16))
    .join(":");
  return `${left}::${right}`;
}

/** Go's `net.IPNet.String`: an IPv4-mapped network with a long enough prefix prints as IPv4. */
function formatNetwork(ip: bigint, bits: number, prefix: number): string {
  if (isV4Mapped(ip, bits) && prefix >= 96) return `${formatIP(ip, bits)}/${prefix - 96}`;
  return `${formatIP(ip, bits)}/${prefix}`;
}

function cidrArg(args: readonly Value[], i: number, argIndex?: number): Network {
  try {
    return parseCidr(stringArg(args, i));
  } catch (e) {
    if (e instanceof CidrError) throw new FunctionError(e.message, argIndex);
    throw e;
  }
}

function integerArg(args: readonly Value[], i: number, argIndex?: number): bigint {
  const n = numberArg(args, i);
  if (!Number.isInteger(n)) throw new FunctionError("value must be a whole number", argIndex);
  return BigInt(n);
}

const cidrhost: EagerFunction = {
  params: [{ name: "prefix" }, { name: "hostnum" }],
  returns: "string",
  impl(args) {
    let num = integerArg(args, 1);
    const net = cidrArg(args, 0);
    const hostBits = net.bits - net.prefix;
    const maxHost = (1n << BigInt(hostBits)) - 1n;
    let magnitude = num;
    if (num < 0n) {
      magnitude = -num - 1n;
      num = maxHost - magnitude;
    }
    if (magnitude > maxHost) {
      throw new FunctionError(`prefix of ${net.prefix} does not accommodate a host numbered ${num}`);
    }
    return formatIP(net.base | num, net.bits);
  },
};

const cidrnetmask: EagerFunction = {
  params: [{ name: "prefix" }],
  returns: "string",
  impl(args) {
    const net = cidrArg(args, 0);
    if (net.bits !== 32) throw new FunctionError(`IPv6 addresses cannot have a netmask: ${stringArg(args, 0)}`);
    return formatIP(mask(net.prefix, 32), 32);
  },
};

const cidrsubnet: EagerFunction = {
  params: [{ name: "prefix" }, { name: "newbits" }, { name: "netnum" }],
  returns: "string",
  impl(args) {
    const newbits = numberArg(args, 1);
    if (!Number.isSafeInteger(newbits)) {
      throw new FunctionError("value must be a whole number, between -9223372036854775808 and 9223372036854775807");
    }
    const netnum = integerArg(args, 2);
    const net = cidrArg(args, 0);
    const prefix = net.prefix + newbits;
    if (prefix > net.bits) {
      throw new FunctionError(`insufficient address space to extend prefix of ${net.prefix} by ${newbits}`);
    }
    if (newbits < 0 || netnum < 0n || netnum > (1n << BigInt(newbits)) - 1n) {
      throw new FunctionError(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
    }
    const base = net.base | (netnum << BigInt(net.bits - prefix));
    return formatNetwork(base, net.bits, prefix);
  },
};

const cidrsubnets: EagerFunction = {
  params: [{ name: "prefix" }],
  variadic: { name: "newbits" },
  returns: "list",
  impl(args) {
    const net = cidrArg(args, 0, 0);
    if (args.length === 1) return [];
    const width = BigInt(net.bits);
    const all = (1n << width) - 1n;
    const hostMask = (p: number): bigint => all ^ mask(p, net.bits);
    const lengths = args.slice(1).map((_, i) => {
      const n = numberArg(args, i + 1);
      if (!Number.isSafeInteger(n)) {
        throw new FunctionError(
          "value must be a whole number, between -9223372036854775808 and 9223372036854775807",
          i + 1,
        );
      }
      return n;
    });
    // go-cidr's PreviousSubnet: the subnet just below the base, as the starting point.
    const first = (lengths[0] as number) + net.prefix;
    let current = {
      base: (net.base - 1n) & all & mask(Math.max(0, Math.min(first, net.bits)), net.bits),
      prefix: first,
    };
    const out: string[] = [];
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i] as number;
      if (length < 1) throw new FunctionError("must extend prefix by at least one bit", i + 1);
      if (length > 32) throw new FunctionError("may not extend prefix by more than 32 bits", i + 1);
      const prefix = length + net.prefix;
      if (prefix > net.bits) {
        throw new FunctionError(
          `would extend prefix to ${prefix} bits, which is too long for an ${net.bits === 32 ? "IPv4" : "IPv6"} address`,
          i + 1,
        );
      }
      // go-cidr's NextSubnet.
      const currentLast = current.base | hostMask(Math.min(current.prefix, net.bits));
      const last = ((currentLast & mask(prefix, net.bits)) | hostMask(prefix)) + 1n;
      const nextIp = last & all;
      const rollover = nextIp === 0n;
      const next = { base: nextIp & mask(prefix, net.bits), prefix };
      if (rollover || (next.base & mask(net.prefix, net.bits)) !== net.base) {
        throw new FunctionError(
          `not enough remaining address space for a subnet with a prefix of ${prefix} bits after ${formatNetwork(
            current.base,
            net.bits,
            current.prefix,
          )}`,
          i + 1,
        );
      }
      current = next;
      out.push(formatNetwork(current.base, net.bits, current.prefix));
    }
    return out;
  },
};

export const networkFunctions: Readonly<Record<string, HclFunction>> = {
  cidrhost,
  cidrnetmask,
  cidrsubnet,
  cidrsubnets,
};
