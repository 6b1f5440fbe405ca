import { describe, expect, it } from "vitest";
import { Unknown } from "../../../src/hcl/value.js";
import { type Case, call, type ErrorCase, failure } from "./support.js";

describe("hash and crypto functions (Terraform documentation examples)", () => {
  const cases: Case[] = [
    ["md5", ["hello world"], "5eb63bbbe01eeed093cb22bb8f5acdc3"],
    ["sha1", ["hello world"], "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed"],
    ["sha256", ["hello world"], "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"],
    [
      "sha512",
      ["hello world"],
      "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f",
    ],
    ["base64sha256", ["hello world"], "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="],
    [
      "base64sha512",
      ["hello world"],
      "MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==",
    ],
    ["uuidv5", ["dns", "www.terraform.io"], "a5008fae-b28c-5ba5-96cd-82b4c53552d6"],
    ["uuidv5", ["url", "https://www.terraform.io/"], "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5"],
    ["uuidv5", ["oid", "1.3.6.1.4"], "af9d40a5-7a36-5c07-b23a-851cd99fbfa5"],
    ["uuidv5", ["x500", "CN=Example,C=GB"], "84e09961-4aa4-57f8-95b7-03edb1073253"],
    ["uuidv5", ["6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io"], "a5008fae-b28c-5ba5-96cd-82b4c53552d6"],
  ];
  it.each(cases)("%s(%j) = %j", (name, args, expected) => {
    expect(call(name, args)).toEqual(expected);
  });

  const errors: ErrorCase[] = [
    ["uuidv5", ["tld", "x"], "uuidv5() doesn't support namespace tld (invalid UUID length: 3)", undefined],
    ["bcrypt", ["x", 10, 11], "bcrypt() takes no more than two arguments, but got 3", undefined],
  ];
  it.each(errors)("%s(%j) fails: %s", (name, args, message, argIndex) => {
    const e = failure(name, args);
    expect(e.message).toBe(message);
    expect(e.argIndex).toBe(argIndex);
  });

  it("random results are unknown, not made up", () => {
    for (const [name, args] of [
      ["uuid", []],
      ["bcrypt", ["secret"]],
      ["timestamp", []],
      ["plantimestamp", []],
    ] as const) {
      expect(call(name, [...args]), name).toEqual(new Unknown([], "string"));
    }
  });
});
