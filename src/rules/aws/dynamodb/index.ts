import type { Rule } from "../../rule.js";
import dynamodbTableCmk from "./dynamodb-table-cmk.js";
import dynamodbTablePitr from "./dynamodb-table-pitr.js";

export const dynamodbRules: readonly Rule[] = [dynamodbTableCmk, dynamodbTablePitr];
