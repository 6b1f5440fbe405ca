import type { Range } from "../../../hcl/range.js";
import type { S3DataEventCoverage, Trail } from "../../../model/aws/cloudtrail.js";
import type { Bucket } from "../../../model/aws/s3.js";
import { defineRule } from "../../rule.js";
import { inScope } from "../../support.js";

type Tri = "yes" | "no" | "unknown";

/** Whether an ARN written in a selector names this bucket (or objects in it). */
function namesBucket(text: string, bucket: Bucket): Tri {
  const name = bucket.name.value;
  if (name === undefined) return "unknown";
  const match = /^arn:[^:]*:s3:::([^/]*)/.exec(text);
  return match?.[1] === name ? "yes" : "no";
}

/** Whether one selector grant covers the bucket's object events. */
function covers(grant: S3DataEventCoverage, bucket: Bucket): Tri {
  let applies: Tri;
  switch (grant.scope.kind) {
    case "all":
      applies = "yes";
      break;
    case "bucket":
      applies = grant.scope.bucket === bucket ? "yes" : "no";
      break;
    case "literal":
      applies = namesBucket(grant.scope.text, bucket) === "yes" ? "yes" : "no";
      break;
    default:
      applies = "unknown";
  }
  if (applies === "no") return "no";
  for (const excluded of grant.excluded) {
    const hit: Tri = typeof excluded === "string" ? namesBucket(excluded, bucket) : excluded === bucket ? "yes" : "no";
    if (hit === "yes") return "no";
    if (hit === "unknown") applies = "unknown";
  }
  return grant.uncertain ? "unknown" : applies;
}

const either = (a: Tri, b: Tri): Tri =>
  a === "yes" || b === "yes" ? "yes" : a === "unknown" || b === "unknown" ? "unknown" : "no";

interface Coverage {
  read: Tri;
  write: Tri;
  /** The first selector that covers reads (else writes). */
  at: Range | undefined;
  /** Some selector covers only objects under a key prefix of the bucket (which does not count). */
  keyPrefixOnly: boolean;
}

function coverageOf(bucket: Bucket, trails: readonly Trail[]): Coverage {
  const result: Coverage = { read: "no", write: "no", at: undefined, keyPrefixOnly: false };
  for (const trail of trails) {
    const logging: Tri =
      trail.enableLogging.origin === "unknown" ? "unknown" : trail.enableLogging.value === false ? "no" : "yes";
    if (logging === "no") continue;
    for (const grant of trail.s3DataEvents) {
      let hit = covers(grant, bucket);
      if (hit === "yes" && logging === "unknown") hit = "unknown";
      if (hit === "no") continue;
      // PHI can be written under any key: a prefix leaves the rest of the bucket unlogged.
      if (grant.keyPrefixOnly) {
        result.keyPrefixOnly = true;
        continue;
      }
      if (grant.read) result.read = either(result.read, hit);
      if (grant.write) result.write = either(result.write, hit);
      if (hit === "yes") result.at ??= grant.range;
    }
    if (trail.selectorsUnknown) {
      result.read = either(result.read, "unknown");
      result.write = either(result.write, "unknown");
    }
  }
  return result;
}

export default defineRule({
  id: "cloudtrail-s3-data-events",
  meta: {
    title: "Every PHI bucket's object reads and writes are recorded by a trail",
    severity: "high",
    service: "cloudtrail",
    scope: "phi",
    messages: {
      covered: "Object-level reads and writes of PHI bucket {{bucket}} are recorded as CloudTrail data events.",
      noTrail:
        "No CloudTrail trail is configured: nobody can tell who read or changed the objects of PHI bucket {{bucket}}.",
      notCovered:
        "No trail records object-level data events of PHI bucket {{bucket}}: who read or changed which PHI object is not logged.",
      keyPrefixOnly:
        "Trails record data events of PHI bucket {{bucket}} only under a key prefix: reads and changes of PHI elsewhere in the bucket are not logged.",
      readsNotCovered:
        "No trail records object-level reads (GetObject) of PHI bucket {{bucket}}: who read which PHI object is not logged.",
      writesNotCovered:
        "No trail records object-level writes (PutObject, DeleteObject) of PHI bucket {{bucket}}: changes to PHI objects are not logged.",
      unknown:
        "Whether a trail records the object-level reads and writes of PHI bucket {{bucket}} is known only after apply.",
    },
    remediation: {
      text: "Add an advanced event selector capturing Data events of resources.type AWS::S3::Object whose resources.ARN starts with the bucket's ARN followed by '/' (without readOnly, to get both reads and writes). Never select the trail's own bucket or access-log buckets: each delivery would be logged again.",
      hcl: `resource "aws_cloudtrail" "this" {
  # ...
  advanced_event_selector {
    name = "S3 object events on PHI buckets"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["\${aws_s3_bucket.phi.arn}/"]
    }
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html",
    defaultOptions: {},
  },
  check(context) {
    const { trails } = context.model;
    for (const bucket of inScope("phi", context.model.buckets)) {
      // Logging object events of log buckets (access-log targets, trail buckets) makes every delivery log itself.
      if (bucket.isLogTarget || bucket.trailSources.length > 0) continue;
      const data = { bucket: bucket.address };
      if (trails.length === 0) {
        context.fail(bucket, "noTrail", data, bucket.range);
        continue;
      }
      const { read, write, at, keyPrefixOnly } = coverageOf(bucket, trails);
      if (read === "yes" && write === "yes") context.pass(bucket, "covered", data, at ?? bucket.range);
      else if (read === "no" && write === "no") {
        context.fail(bucket, keyPrefixOnly ? "keyPrefixOnly" : "notCovered", data, bucket.range);
      } else if (read === "no") context.fail(bucket, "readsNotCovered", data, bucket.range);
      else if (write === "no") context.fail(bucket, "writesNotCovered", data, bucket.range);
      else context.unknown(bucket, "unknown", data, bucket.range);
    }
  },
});
