/**
 * Terraform's date and time functions. Timestamps are RFC 3339 strings as Go's `time.Parse(time.RFC3339, …)` reads
 * them; `timestamp()` and `plantimestamp()` are unknown in a static scan (they are only known when Terraform runs).
 */
import { type EagerFunction, FunctionError, type HclFunction } from "../../hcl/function.js";
import { Unknown, type Value } from "../../hcl/value.js";
import { stringArg } from "./arguments.js";

interface Instant {
  /** Seconds since the epoch, in UTC. */
  seconds: number;
  nanos: number;
  /** Offset from UTC in seconds, as written in the timestamp. */
  offset: number;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

class TimeError extends Error {}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Seconds since the epoch of a UTC wall-clock time (valid for years 0000–9999, unlike `Date.UTC`). */
function epochSeconds(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime() / 1000;
}

/** Go's `time.Parse(time.RFC3339, s)` with cty's rewording of its errors. */
function parseTimestamp(s: string): Instant {
  let i = 0;
  const invalid = (what: string): never => {
    const rest = s.slice(i);
    throw new TimeError(
      rest === ""
        ? `not a valid RFC3339 timestamp: end of string before ${what}`
        : `not a valid RFC3339 timestamp: cannot use ${JSON.stringify(rest)} as ${what}`,
    );
  };
  const digits = (n: number, what: string): number => {
    const part = s.slice(i, i + n);
    if (!new RegExp(`^\\d{${n}}$`).test(part)) invalid(what);
    i += n;
    return Number(part);
  };
  const literal = (c: string): void => {
    if (s[i] === c) {
      i++;
      return;
    }
    if (c === "T") throw new TimeError("not a valid RFC3339 timestamp: missing required time introducer 'T'");
    const rest = s.slice(i);
    throw new TimeError(
      rest === ""
        ? `not a valid RFC3339 timestamp: end of string where ${JSON.stringify(c)} is expected`
        : `not a valid RFC3339 timestamp: found ${JSON.stringify(rest)} where ${JSON.stringify(c)} is expected`,
    );
  };
  const year = digits(4, "year");
  literal("-");
  const month = digits(2, "month");
  literal("-");
  const day = digits(2, "day of month");
  literal("T");
  const hour = digits(2, "hour");
  literal(":");
  const minute = digits(2, "minute");
  literal(":");
  const second = digits(2, "second");
  let nanos = 0;
  if (s[i] === "." || s[i] === ",") {
    const m = /^[.,](\d+)/.exec(s.slice(i));
    if (m) {
      nanos = Number(`${m[1]}000000000`.slice(0, 9));
      i += m[0].length;
    }
  }
  let offset = 0;
  if (s[i] === "Z") i++;
  else if ((s[i] === "+" || s[i] === "-") && /^[+-]\d{2}:\d{2}/.test(s.slice(i))) {
    const sign = s[i] === "-" ? -1 : 1;
    const oh = Number(s.slice(i + 1, i + 3));
    const om = Number(s.slice(i + 4, i + 6));
    if (oh > 23 || om > 59) throw new TimeError("not a valid RFC3339 timestamp: timezone hour outside of range");
    offset = sign * (oh * 3600 + om * 60);
    i += 6;
  } else invalid("UTC offset");
  if (i < s.length) throw new TimeError(`not a valid RFC3339 timestamp: extra text: ${JSON.stringify(s.slice(i))}`);
  if (month < 1 || month > 12) throw new TimeError("not a valid RFC3339 timestamp: month out of range");
  if (day < 1 || day > daysIn(year, month)) throw new TimeError("not a valid RFC3339 timestamp: day out of range");
  if (hour > 23) throw new TimeError("not a valid RFC3339 timestamp: hour out of range");
  if (minute > 59) throw new TimeError("not a valid RFC3339 timestamp: minute out of range");
  if (second > 59) throw new TimeError("not a valid RFC3339 timestamp: second out of range");
  const local = epochSeconds(year, month, day, hour, minute, second);
  return { seconds: local - offset, nanos, offset };
}

function timestampArg(args: readonly Value[], i: number): Instant {
  try {
    return parseTimestamp(stringArg(args, i));
  } catch (e) {
    if (e instanceof TimeError) throw new FunctionError(e.message, i);
    throw e;
  }
}

/** The wall-clock fields of an instant in its own offset. */
function fields(t: Instant): Date {
  return new Date((t.seconds + t.offset) * 1000);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function offsetText(offset: number, colon: boolean, utcName?: string): string {
  if (offset === 0 && utcName !== undefined) return utcName;
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const h = pad(Math.floor(abs / 3600), 2);
  const m = pad(Math.floor((abs % 3600) / 60), 2);
  return colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

/** RFC 3339 without fractional seconds, in the instant's own offset (Go's `Format(time.RFC3339)`). */
function formatRfc3339(t: Instant): string {
  const d = fields(t);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(d.getUTCHours(), 2)}:${pad(
    d.getUTCMinutes(),
    2,
  )}:${pad(d.getUTCSeconds(), 2)}${offsetText(t.offset, true, "Z")}`;
}

function isLetter(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
}

function formatDate(spec: string, t: Instant): string {
  const d = fields(t);
  let out = "";
  let i = 0;
  const verbError = (tok: string, why?: string): never => {
    throw new FunctionError(`invalid date format verb ${JSON.stringify(tok)}${why ? `: ${why}` : ""}`, 0);
  };
  while (i < spec.length) {
    const c = spec[i] as string;
    if (c === "'") {
      if (spec[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = "";
      for (; j < spec.length; j++) {
        if (spec[j] === "'") {
          if (spec[j + 1] === "'") {
            text += "'";
            j++;
            continue;
          }
          break;
        }
        text += spec[j];
      }
      if (j >= spec.length) throw new FunctionError("unterminated literal '", 0);
      out += text;
      i = j + 1;
      continue;
    }
    if (!isLetter(c)) {
      out += c;
      i++;
      continue;
    }
    let j = i;
    while (spec[j] === c) j++;
    const tok = spec.slice(i, j);
    const n = tok.length;
    i = j;
    const hour = d.getUTCHours();
    switch (c) {
      case "Y":
        if (n === 2) out += pad(d.getUTCFullYear() % 100, 2);
        else if (n === 4) out += pad(d.getUTCFullYear(), 4);
        else verbError(tok, 'year must either be "YY" or "YYYY"');
        break;
      case "M": {
        const m = d.getUTCMonth();
        if (n === 1) out += String(m + 1);
        else if (n === 2) out += pad(m + 1, 2);
        else if (n === 3) out += (MONTHS[m] as string).slice(0, 3);
        else if (n === 4) out += MONTHS[m];
        else verbError(tok, 'month must be "M", "MM", "MMM", or "MMMM"');
        break;
      }
      case "D":
        if (n === 1) out += String(d.getUTCDate());
        else if (n === 2) out += pad(d.getUTCDate(), 2);
        else verbError(tok, 'day of month must either be "D" or "DD"');
        break;
      case "E": {
        const w = WEEKDAYS[d.getUTCDay()] as string;
        if (n === 3) out += w.slice(0, 3);
        else if (n === 4) out += w;
        else verbError(tok, 'day of week must either be "EEE" or "EEEE"');
        break;
      }
      case "h":
        if (n === 1) out += String(hour);
        else if (n === 2) out += pad(hour, 2);
        else verbError(tok, '24-hour must either be "h" or "hh"');
        break;
      case "H": {
        const h12 = hour % 12 === 0 ? 12 : hour % 12;
        if (n === 1) out += String(h12);
        else if (n === 2) out += pad(h12, 2);
        else verbError(tok, '12-hour must either be "H" or "HH"');
        break;
      }
      case "A":
      case "a":
        if (n !== 2) verbError(tok, `must be "${c}${c}"`);
        out += hour < 12 ? (c === "A" ? "AM" : "am") : c === "A" ? "PM" : "pm";
        break;
      case "m":
        if (n === 1) out += String(d.getUTCMinutes());
        else if (n === 2) out += pad(d.getUTCMinutes(), 2);
        else verbError(tok, 'minute must either be "m" or "mm"');
        break;
      case "s":
        if (n === 1) out += String(d.getUTCSeconds());
        else if (n === 2) out += pad(d.getUTCSeconds(), 2);
        else verbError(tok, 'second must either be "s" or "ss"');
        break;
      case "Z":
        if (n === 1) out += offsetText(t.offset, true, "Z");
        else if (n === 3) out += offsetText(t.offset, false, "UTC");
        else if (n === 4) out += offsetText(t.offset, false);
        else if (n === 5) out += offsetText(t.offset, true);
        else verbError(tok, "timezone must be Z, ZZZZ, or ZZZZZ");
        break;
      default:
        verbError(tok);
    }
  }
  return out;
}

const formatdate: EagerFunction = {
  params: [{ name: "format" }, { name: "time" }],
  returns: "string",
  impl(args) {
    const t = timestampArg(args, 1);
    return formatDate(stringArg(args, 0), t);
  },
};

const UNITS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's `time.ParseDuration`, in nanoseconds. */
function parseDuration(s: string): number {
  const fail = (message: string): never => {
    throw new FunctionError(`time: ${message}`);
  };
  const quoted = JSON.stringify(s);
  let rest = s;
  let sign = 1;
  if (rest[0] === "-" || rest[0] === "+") {
    sign = rest[0] === "-" ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") fail(`invalid duration ${quoted}`);
  let total = 0;
  while (rest !== "") {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest) as RegExpExecArray;
    if (number[0] === "" || number[0] === ".") fail(`invalid duration ${quoted}`);
    rest = rest.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(rest)?.[0] ?? "";
    if (unit === "") fail(`missing unit in duration ${quoted}`);
    const scale = UNITS[unit];
    if (scale === undefined) fail(`unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    rest = rest.slice(unit.length);
    total += Number(number[0].startsWith(".") ? `0${number[0]}` : number[0]) * (scale as number);
  }
  return sign * Math.round(total);
}

const timeadd: EagerFunction = {
  params: [{ name: "timestamp" }, { name: "duration" }],
  returns: "string",
  impl(args) {
    let t: Instant;
    try {
      t = parseTimestamp(stringArg(args, 0));
    } catch (e) {
      if (e instanceof TimeError) throw new FunctionError(e.message);
      throw e;
    }
    const total = t.nanos + parseDuration(stringArg(args, 1));
    const carry = Math.floor(total / 1e9);
    return formatRfc3339({ seconds: t.seconds + carry, nanos: total - carry * 1e9, offset: t.offset });
  },
};

const timecmp: EagerFunction = {
  params: [{ name: "timestamp_a" }, { name: "timestamp_b" }],
  returns: "number",
  impl(args) {
    const a = timestampArg(args, 0);
    const b = timestampArg(args, 1);
    const diff = a.seconds - b.seconds || a.nanos - b.nanos;
    return diff < 0 ? -1 : diff > 0 ? 1 : 0;
  },
};

/** Known only when Terraform runs: unknown here, never the scanner's clock (same input, same output). */
const timestamp: EagerFunction = { params: [], returns: "string", impl: () => new Unknown([], "string") };
const plantimestamp: EagerFunction = { params: [], returns: "string", impl: () => new Unknown([], "string") };

export const datetimeFunctions: Readonly<Record<string, HclFunction>> = {
  formatdate,
  plantimestamp,
  timeadd,
  timecmp,
  timestamp,
};
