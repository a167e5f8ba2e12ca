import { describe, expect, it } from "vitest";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { addToDate, calendarDistance, datesBetween } from "./dates";
import { fillTargetName, listParameterSlots, makeTemplate } from "./parameters";
import { renderVersion } from "./render";

const monthly: EtlSpec = customerTotalsSpec({
  filters: [
    {
      op: "date_range",
      column: { source: "orders", column: "order_date" },
      from: "2024-01-01",
      to: "2024-02-01",
      phrase: "in January 2024",
    },
    {
      op: "in",
      column: { source: "orders", column: "status" },
      values: ["shipped", "completed"],
      phrase: "shipped or completed",
    },
  ],
  having: [{ output: "total_order_amount", op: ">", value: 100, phrase: "more than 100" }],
});

describe("pipeline parameters", () => {
  it("lists every filter value and date a parameter can stand for", () => {
    expect(listParameterSlots(monthly).map((s) => [s.path.join("."), s.type, s.value])).toEqual([
      ["filters.0.from", "date", "2024-01-01"],
      ["filters.0.to", "date", "2024-02-01"],
      ["filters.1.values.0", "text", "shipped"],
      ["filters.1.values.1", "text", "completed"],
      ["having.0.value", "number", 100],
    ]);
  });

  it("turns the start of a date range into a parameter and keeps the range one month long", () => {
    const { template, parameters } = makeTemplate(monthly, [{ name: "month", type: "date", default: "2024-01-01" }]);
    expect(parameters).toEqual([{ name: "month", type: "date", default: "2024-01-01" }]);
    expect(template.filters[0]).toMatchObject({ from: "{{month}}", to: "{{month + 1 month}}" });
    const version = { spec: template, parameters, targetTable: "sales_{{month}}" };
    const { spec, targetTable } = renderVersion(version, { month: "2024-03-01" });
    expect(spec.filters[0]).toMatchObject({ from: "2024-03-01", to: "2024-04-01" });
    expect(targetTable).toBe("sales_2024_03_01");
    expect(spec.target.table).toBe("sales_2024_03_01");
  });

  it("takes a slot chosen by its place (the web form), and numbers by type", () => {
    const { template, parameters } = makeTemplate(monthly, [
      { name: "first_status", path: ["filters", 1, "values", 0] },
      { name: "minimum", type: "number", default: "100" },
    ]);
    expect(parameters).toEqual([
      { name: "first_status", type: "text", default: "shipped" },
      { name: "minimum", type: "number", default: 100 },
    ]);
    const { spec } = renderVersion(
      { spec: template, parameters, targetTable: "t" },
      { minimum: "250.5", first_status: "returned" },
    );
    expect(spec.having[0].value).toBe(250.5);
    expect(spec.filters[1]).toMatchObject({ values: ["returned", "completed"] });
  });

  it("refuses values of the wrong type, unknown names and bad target names", () => {
    const { template, parameters } = makeTemplate(monthly, [{ name: "month", type: "date", default: "2024-01-01" }]);
    const version = { spec: template, parameters, targetTable: "t_{{month}}" };
    expect(() => renderVersion(version, { month: "2024-02-30" })).toThrow(
      "Parameter month must be a date written YYYY-MM-DD.",
    );
    expect(() => renderVersion(version, { day: "2024-02-01" })).toThrow(
      "This pipeline has no parameter day (its parameters: month).",
    );
    expect(() => makeTemplate(monthly, [{ name: "Month", type: "date", default: "2024-01-01" }])).toThrow(
      /Parameter name "Month" must be a lowercase name/,
    );
    expect(() => makeTemplate(monthly, [{ name: "s", type: "text", default: "placed" }])).toThrow(
      /No text value of the spec equals "placed"/,
    );
    expect(() => fillTargetName("t_{{x}}", {})).toThrow(
      "The target name uses {{x}}, which is not a parameter of this pipeline.",
    );
    expect(() => renderVersion({ ...version, targetTable: "{{month}}" }, { month: "2024-01-01" })).toThrow(
      /would be "2024_01_01", which is not a valid table name/,
    );
  });
});

describe("calendar steps", () => {
  it("adds months keeping the day where the month allows it", () => {
    expect(addToDate("2024-01-31", 1, "month")).toBe("2024-02-29");
    expect(addToDate("2024-03-01", -1, "month")).toBe("2024-02-01");
    expect(addToDate("2024-12-30", 1, "week")).toBe("2025-01-06");
    expect(calendarDistance("2024-01-01", "2025-01-01")).toEqual({ count: 1, unit: "year" });
    expect(calendarDistance("2024-01-01", "2024-01-15")).toEqual({ count: 2, unit: "week" });
    expect(calendarDistance("2024-01-05", "2024-01-01")).toBeNull();
  });

  it("lists the periods of a backfill range in order, the last start included", () => {
    expect(datesBetween("2024-01-01", "2024-03-31", "month")).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
    expect(datesBetween("2024-01-31", "2024-04-30", "month")).toEqual([
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
    ]);
    expect(datesBetween("2024-01-01", "2024-01-03", "day")).toEqual(["2024-01-01", "2024-01-02", "2024-01-03"]);
    expect(() => datesBetween("2000-01-01", "2024-01-01", "day", 100)).toThrow(RangeError);
  });
});
