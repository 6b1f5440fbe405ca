import type { Rule } from "../../rule.js";
import elbDropInvalidHeaders from "./elb-drop-invalid-headers.js";
import elbHttpRedirectsToHttps from "./elb-http-redirects-to-https.js";
import elbListenerTls from "./elb-listener-tls.js";

export const elbRules: readonly Rule[] = [elbDropInvalidHeaders, elbHttpRedirectsToHttps, elbListenerTls];
