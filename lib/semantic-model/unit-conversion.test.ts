import { describe, expect, it } from "vitest";
import { conversionOf, convertedSql, toStoredUnits } from "./unit-conversion";

describe("converting between units", () => {
  it("reads a stored unit in a larger one by exact division, and a smaller one by multiplication", () => {
    expect(conversionOf("ms", "min")).toEqual({ divide: 60_000 });
    expect(conversionOf("g", "kg")).toEqual({ divide: 1_000 });
    expect(conversionOf("bytes", "mb")).toEqual({ divide: 1_048_576 });
    expect(conversionOf("cents", "currency")).toEqual({ divide: 100 });
    expect(conversionOf("currency", "cents")).toEqual({ multiply: 100 });
    expect(convertedSql('"track"."milliseconds"', { divide: 60_000 })).toBe('"track"."milliseconds" / 60000.0');
  });

  it("turns a quantity the request states into the column's own unit, without float noise", () => {
    expect(toStoredUnits(7, conversionOf("ms", "min")!)).toBe(420_000);
    expect(toStoredUnits(19.99, conversionOf("cents", "currency")!)).toBe(1999);
    expect(toStoredUnits(250, conversionOf("currency", "cents")!)).toBe(2.5);
  });

  it("does not convert between different quantities or from a column of unknown unit", () => {
    expect(conversionOf("ms", "kg")).toBeUndefined();
    expect(conversionOf(undefined, "currency")).toBeUndefined();
    expect(conversionOf("percent", "percent")).toBeUndefined();
  });
});
