import type { Rule } from "../../rule.js";
import snsTopicKms from "./sns-topic-kms.js";

export const snsRules: readonly Rule[] = [snsTopicKms];
