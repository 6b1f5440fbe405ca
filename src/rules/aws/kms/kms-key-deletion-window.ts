import { defineRule } from "../../rule.js";
import { show } from "../../support.js";

export default defineRule({
  id: "kms-key-deletion-window",
  meta: {
    title: "Key deletion waits long enough to be noticed and cancelled",
    severity: "medium",
    service: "kms",
    scope: "all",
    messages: {
      sufficient: "Deletion of key {{key}} waits {{days}} days.",
      tooShort:
        "Deletion of key {{key}} waits only {{days}} days (at least {{min}} required); data encrypted under it becomes unrecoverable after that.",
      unknown: "The deletion window of key {{key}} is known only after apply.",
    },
    remediation: {
      text: "Set deletion_window_in_days to the maximum AWS allows (30), so that a scheduled deletion can be cancelled.",
      hcl: `resource "aws_kms_key" "this" {
  deletion_window_in_days = 30
}`,
    },
    docs: "https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html",
    defaultOptions: { minDays: 30 },
  },
  check(context) {
    const min = context.options.minDays;
    for (const key of context.model.keys) {
      const window = key.deletionWindowDays;
      const data = { key: key.address, days: show(window), min };
      if (window.origin === "unknown") context.unknown(key, "unknown", data, window.range);
      // Not written: AWS waits 30 days.
      else if ((window.value ?? 30) >= min) context.pass(key, "sufficient", data, window.range);
      else context.fail(key, "tooShort", data, window.range);
    }
  },
});
