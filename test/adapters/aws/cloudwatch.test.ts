import { describe, expect, it } from "vitest";
import { adaptFixture, byAddress, diags, leaf } from "./support.js";

describe("CloudWatch alarms", () => {
  const { model, diagnostics } = adaptFixture("alarms");

  it("adapts without diagnostics", () => {
    expect(diags(diagnostics)).toEqual([]);
  });

  it("joins both alarms to the filter producing their metric", () => {
    const filter = byAddress(model.metricFilters, "aws_cloudwatch_log_metric_filter.root");
    expect(filter.alarms.map((a) => a.address)).toEqual([
      "aws_cloudwatch_metric_alarm.one_of_three",
      "aws_cloudwatch_metric_alarm.all_of_three",
    ]);
  });

  it("reads datapoints_to_alarm, and takes evaluation_periods (AWS's default) when it is not written", () => {
    const written = byAddress(model.alarms, "aws_cloudwatch_metric_alarm.one_of_three");
    const defaulted = byAddress(model.alarms, "aws_cloudwatch_metric_alarm.all_of_three");
    expect(leaf(written.datapointsToAlarm)).toBe("1 explicit main.tf:24:3-24:26");
    expect(leaf(defaulted.datapointsToAlarm)).toBe("3 explicit main.tf:35:3-35:26");
  });
});
