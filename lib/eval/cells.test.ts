import { describe, expect, it } from "vitest";
import { sameCell, toCell } from "./cells";

const same = (a: unknown, b: unknown) => sameCell(toCell(a), toCell(b));

describe("the comparison's one equality", () => {
  it("takes a float within a relative 1e-6 of a numeric for the same number, and no further", () => {
    expect(same("6683.70", 6683.7007)).toBe(true);
    expect(same("7.00", "7.0000001")).toBe(true);
    expect(same("7.00", "7.01")).toBe(false);
    expect(same(1_000_000, 1_000_000.9)).toBe(true);
    expect(same(1_000_000, 1_000_001.5)).toBe(false);
    // Below 1 the tolerance is absolute: a float's 1e-7 of noise around zero is still zero.
    expect(same(0, 1e-7)).toBe(true);
    expect(same(0, 2e-6)).toBe(false);
  });

  it("reads counts and other bigints, as numbers or as text, as the same number", () => {
    expect(same("12", 12)).toBe(true);
    expect(same(12n, "12")).toBe(true);
    expect(same("9007199254740993", 9007199254740993n)).toBe(true);
    expect(same("12", "13")).toBe(false);
  });

  it("keeps codes with leading zeros as text", () => {
    expect(toCell("02134")).toBe("02134");
    expect(same("02134", 2134)).toBe(false);
  });

  it("matches NULL only with NULL", () => {
    expect(same(null, undefined)).toBe(true);
    expect(same(null, 0)).toBe(false);
    expect(same(null, "")).toBe(false);
    expect(same(null, "null")).toBe(false);
  });

  it("takes a date, its midnight timestamp and their printed forms for the same day", () => {
    const day = new Date("2024-03-01T00:00:00Z");
    expect(same(day, "2024-03-01")).toBe(true);
    expect(same("2024-03-01T00:00:00.000Z", "2024-03-01")).toBe(true);
    expect(same("2024-03-01 00:00:00+00", day)).toBe(true);
    expect(same(day, "2024-03-02")).toBe(false);
  });

  it("compares instants within a day to the millisecond, however they are printed", () => {
    const instant = new Date("2024-03-01T10:30:00Z");
    expect(same("2024-03-01 10:30:00", instant)).toBe(true);
    expect(same("2024-03-01 11:30:00+01", instant)).toBe(true);
    expect(same("2024-03-01T10:30:00.000Z", instant)).toBe(true);
    expect(same("2024-03-01 10:30:01", instant)).toBe(false);
    expect(same("2024-03-01", instant)).toBe(false);
  });

  it("takes booleans and their text alike, and NaN for NaN", () => {
    expect(same(true, "true")).toBe(true);
    expect(same(false, "true")).toBe(false);
    expect(same(Number.NaN, "NaN")).toBe(false);
    expect(same(Number.NaN, Number.NaN)).toBe(true);
  });
});
