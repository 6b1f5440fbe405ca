/**
 * What the CloudTrail and CloudWatch alarm rules share: whether a trail records the whole account (multi-region,
 * logging, read and write management events) and where account-level findings point when nothing is configured.
 */
import { fileStartRange, type Range } from "../../../hcl/range.js";
import type { FieldSelector, Trail } from "../../../model/aws/cloudtrail.js";
import type { AwsModel } from "../../../model/aws/model.js";
import type { Tracked } from "../../../model/aws/resource.js";
import type { ResultStatus, Subject } from "../../rule.js";
import { judge, worst } from "../../support.js";

type Tri = "yes" | "no" | "unknown";

const either = (a: Tri, b: Tri): Tri =>
  a === "yes" || b === "yes" ? "yes" : a === "unknown" || b === "unknown" ? "unknown" : "no";

/** Whether a list leaf holds `wanted`: unknown when the list or one of its elements is known only after apply. */
function holds(leaf: Tracked<readonly (string | undefined)[]>, wanted: string): Tri {
  if (leaf.origin === "unknown") return "unknown";
  const values = leaf.value ?? [];
  if (values.includes(wanted)) return "yes";
  return values.includes(undefined) ? "unknown" : "no";
}

function fieldOf(selectors: readonly FieldSelector[], name: string): FieldSelector | undefined {
  return selectors.find((f) => f.field.value === name);
}

export interface ManagementEvents {
  readonly read: Tri;
  readonly write: Tri;
  /** The selector that leaves events out (or the trail when it has none), for locating findings. */
  readonly at: Range;
}

/**
 * The management events a trail records. No selector: all of them (AWS's default). Basic selectors: those with
 * include_management_events, by read_write_type. Advanced selectors: those whose eventCategory equals Management,
 * narrowed by readOnly; other fields (eventSource exclusions …) are not judged here.
 */
export function managementEvents(trail: Trail): ManagementEvents {
  if (trail.selectorsUnknown) return { read: "unknown", write: "unknown", at: trail.range };
  let read: Tri = "no";
  let write: Tri = "no";
  if (trail.eventSelectors.length === 0 && trail.advancedEventSelectors.length === 0) {
    return { read: "yes", write: "yes", at: trail.range };
  }
  for (const selector of trail.eventSelectors) {
    const included = judge(selector.includeManagementEvents, (v) => v === true);
    if (included === "fail") continue;
    const rw = selector.readWriteType;
    const kind: Tri = included === "unknown" || rw.origin === "unknown" ? "unknown" : "yes";
    if (rw.value === undefined || rw.value === "All" || rw.value === "ReadOnly") read = either(read, kind);
    if (rw.value === undefined || rw.value === "All" || rw.value === "WriteOnly") write = either(write, kind);
  }
  for (const selector of trail.advancedEventSelectors) {
    const category = fieldOf(selector.fieldSelectors, "eventCategory");
    const management: Tri = category ? holds(category.equals, "Management") : "no";
    if (management === "no") continue;
    const readOnly = fieldOf(selector.fieldSelectors, "readOnly");
    const reads: Tri = readOnly ? holds(readOnly.equals, "true") : "yes";
    const writes: Tri = readOnly ? holds(readOnly.equals, "false") : "yes";
    const unsure = (t: Tri): Tri => (management === "unknown" && t === "yes" ? "unknown" : t);
    read = either(read, unsure(reads));
    write = either(write, unsure(writes));
  }
  const first = trail.advancedEventSelectors[0]?.range ?? trail.eventSelectors[0]?.range ?? trail.range;
  return { read, write, at: first };
}

export type AccountGap = "singleRegion" | "notLogging" | "noManagementEvents";

export interface AccountRecording {
  readonly status: ResultStatus;
  /** The first requirement the trail misses (fail) or cannot be shown to meet (unknown). */
  readonly gap: AccountGap | undefined;
  readonly at: Range;
}

/** Whether a trail records the whole account: multi-region, logging, all read and write management events. */
export function recordsAccount(trail: Trail): AccountRecording {
  const checks: [AccountGap, ResultStatus, Range][] = [
    ["singleRegion", judge(trail.isMultiRegionTrail, (v) => v === true), trail.isMultiRegionTrail.range],
    ["notLogging", judge(trail.enableLogging, (v) => v === true), trail.enableLogging.range],
  ];
  const events = managementEvents(trail);
  const eventsStatus: ResultStatus =
    events.read === "no" || events.write === "no"
      ? "fail"
      : events.read === "unknown" || events.write === "unknown"
        ? "unknown"
        : "pass";
  checks.push(["noManagementEvents", eventsStatus, events.at]);
  const status = worst(checks.map((c) => c[1]));
  const first = checks.find((c) => c[1] === status);
  return { status, gap: first?.[0], at: first?.[2] ?? trail.range };
}

/**
 * The account as the subject of a finding about something absent (no trail at all): the start of the first file, in
 * path order, of the root module's AWS objects (without any, the first root module call that leads to one). Undefined
 * when the configuration defines no AWS object: there is no account to judge.
 */
export function accountSubject(model: AwsModel): Subject | undefined {
  let file: string | undefined;
  let call: Range | undefined;
  for (const object of model.byAddress.values()) {
    if (object.moduleCalls.length === 0) {
      if (file === undefined || object.range.file < file) file = object.range.file;
    } else call ??= object.moduleCalls[0]?.range;
  }
  if (file !== undefined) return { address: "account", range: fileStartRange(file) };
  return call && { address: "account", range: call };
}
