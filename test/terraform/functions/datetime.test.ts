import { describe, expect, it } from "vitest";
import { type Case, call, type ErrorCase, failure } from "./support.js";

describe("date and time functions (Terraform documentation examples)", () => {
  const cases: Case[] = [
    ["formatdate", ["DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z"], "02 Jan 2018 23:12 UTC"],
    ["formatdate", ["EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z"], "Tuesday, 02-Jan-18 23:12:01 UTC"],
    ["formatdate", ["EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00"], "Tue, 02 Jan 2018 23:12:01 -0800"],
    ["formatdate", ["MMM DD, YYYY", "2018-01-02T23:12:01Z"], "Jan 02, 2018"],
    ["formatdate", ["HH:mmaa", "2018-01-02T23:12:01Z"], "11:12pm"],
    ["formatdate", ["h'h'mm", "2018-01-02T23:12:01-08:00"], "23h12"],
    ["formatdate", ["YYYY-MM-DD'T'hh:mm:ssZ", "2018-01-02T03:04:05.123+05:30"], "2018-01-02T03:04:05+05:30"],
    ["formatdate", ["M/D H AA ZZZZ ZZZZZ 'it''s'", "2006-01-02T00:04:05Z"], "1/2 12 AM +0000 +00:00 it's"],
    ["formatdate", ["''", "2006-01-02T00:04:05Z"], "'"],
    ["timeadd", ["2017-11-22T00:00:00Z", "10m"], "2017-11-22T00:10:00Z"],
    ["timeadd", ["2017-11-22T00:00:00Z", "-1.5h"], "2017-11-21T22:30:00Z"],
    ["timeadd", ["2017-11-22T23:59:59.9+01:00", "100ms"], "2017-11-23T00:00:00+01:00"],
    ["timeadd", ["2020-02-28T12:00:00Z", "24h"], "2020-02-29T12:00:00Z"],
    ["timecmp", ["2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z"], 0],
    ["timecmp", ["2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z"], -1],
    ["timecmp", ["2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z"], 1],
    ["timecmp", ["2017-11-22T01:00:00Z", "2017-11-22T00:00:00-01:00"], 0],
  ];
  it.each(cases)("%s(%j) = %j", (name, args, expected) => {
    expect(call(name, args)).toEqual(expected);
  });

  const errors: ErrorCase[] = [
    [
      "formatdate",
      ["YYY", "2018-01-02T23:12:01Z"],
      'invalid date format verb "YYY": year must either be "YY" or "YYYY"',
      0,
    ],
    ["formatdate", ["Q", "2018-01-02T23:12:01Z"], 'invalid date format verb "Q"', 0],
    ["formatdate", ["'abc", "2018-01-02T23:12:01Z"], "unterminated literal '", 0],
    ["formatdate", ["YYYY", "2018-01-02"], "not a valid RFC3339 timestamp: missing required time introducer 'T'", 1],
    ["formatdate", ["YYYY", "tomorrow"], 'not a valid RFC3339 timestamp: cannot use "tomorrow" as year', 1],
    ["formatdate", ["YYYY", "2018-13-02T00:00:00Z"], "not a valid RFC3339 timestamp: month out of range", 1],
    ["formatdate", ["YYYY", "2018-02-30T00:00:00Z"], "not a valid RFC3339 timestamp: day out of range", 1],
    [
      "formatdate",
      ["YYYY", "2018-02-03T00:00:00"],
      "not a valid RFC3339 timestamp: end of string before UTC offset",
      1,
    ],
    ["timeadd", ["2017-11-22T00:00:00Z", "1d"], 'time: unknown unit "d" in duration "1d"', undefined],
    ["timeadd", ["2017-11-22T00:00:00Z", "10"], 'time: missing unit in duration "10"', undefined],
    ["timeadd", ["2017-11-22T00:00:00Z", "x"], 'time: invalid duration "x"', undefined],
    ["timecmp", ["2017-11-22T00:00:00Z", "nope"], 'not a valid RFC3339 timestamp: cannot use "nope" as year', 1],
  ];
  it.each(errors)("%s(%j) fails: %s", (name, args, message, argIndex) => {
    const e = failure(name, args);
    expect(e.message).toBe(message);
    expect(e.argIndex).toBe(argIndex);
  });
});
