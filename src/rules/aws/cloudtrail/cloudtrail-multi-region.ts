import { defineRule } from "../../rule.js";
import { accountSubject, recordsAccount } from "./trail-logging.js";

export default defineRule({
  id: "cloudtrail-multi-region",
  meta: {
    title: "A multi-region trail records every read and write management event of the account",
    severity: "high",
    service: "cloudtrail",
    scope: "account",
    messages: {
      recorded: "Trail {{trail}} records the management events of every region.",
      noTrail: "No CloudTrail trail is configured: access to PHI and changes to its safeguards leave no audit record.",
      singleRegion:
        "Trail {{trail}} is not multi-region (is_multi_region_trail = {{value}}) and no other trail records every region: activity in other regions goes unrecorded.",
      notLogging: "Trail {{trail}} has enable_logging = false and no other trail records every region.",
      noManagementEvents:
        "The event selectors of trail {{trail}} leave out read or write management events, and no other trail records them all.",
      unknown: "Whether trail {{trail}} records every region's management events is known only after apply.",
    },
    remediation: {
      text: "Configure a trail with is_multi_region_trail = true, logging enabled, and all read and write management events (no selector, or a selector for the Management event category).",
      hcl: `resource "aws_cloudtrail" "this" {
  name                          = "account-trail"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
}`,
    },
    docs: "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1",
    defaultOptions: {},
  },
  check(context) {
    const { trails } = context.model;
    if (trails.length === 0) {
      const account = accountSubject(context.model);
      if (account) context.fail(account, "noTrail");
      return;
    }
    const recordings = trails.map((trail) => ({ trail, recording: recordsAccount(trail) }));
    // The account needs one such trail: report it, else every trail that could be it.
    const passing = recordings.find((r) => r.recording.status === "pass");
    if (passing) {
      const { trail } = passing;
      context.pass(trail, "recorded", { trail: trail.address }, trail.isMultiRegionTrail.range);
      return;
    }
    const unknowns = recordings.filter((r) => r.recording.status === "unknown");
    const reported = unknowns.length > 0 ? unknowns : recordings;
    for (const { trail, recording } of reported) {
      const messageId = recording.status === "unknown" ? "unknown" : (recording.gap ?? "unknown");
      const value = String(trail.isMultiRegionTrail.value ?? false);
      context.report(recording.status, trail, messageId, { trail: trail.address, value }, recording.at);
    }
  },
});
