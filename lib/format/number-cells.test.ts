import { describe, expect, it } from "vitest";
import { formatNumberCell, isNumberCell, numericColumns } from "./number-cells";

describe("formatNumberCell", () => {
  it("rounds an average's long fraction to two decimals", () => {
    expect(formatNumberCell("1023.4567890123456789")).toBe("1023.46");
    expect(formatNumberCell(0.1 + 0.2)).toBe("0.3");
    expect(formatNumberCell(-2.000000001)).toBe("-2.00");
  });

  it("keeps integers and short fractions exactly as they are", () => {
    expect(formatNumberCell("4800")).toBe("4800");
    expect(formatNumberCell("12.50")).toBe("12.50");
    expect(formatNumberCell("0.1234")).toBe("0.1234");
    expect(formatNumberCell(7)).toBe("7");
  });

  it("keeps three significant digits of a small value", () => {
    expect(formatNumberCell("0.000123456789")).toBe("0.000123");
    expect(formatNumberCell("-0.5000000001")).toBe("-0.5");
    expect(formatNumberCell("0.00000000012345")).toBe("1.23e-10");
    expect(formatNumberCell("0.0000000")).toBe("0");
  });

  it("never changes the integer part of a number too long for a double", () => {
    expect(formatNumberCell("12345678901234567890.123456")).toBe("12345678901234567890.12");
  });
});

describe("numericColumns", () => {
  it("aligns right only the columns holding numbers, ignoring NULLs; zip codes stay text", () => {
    const rows = [
      { id: 1, avg: "3.14159265358979", zip: "02139", note: null, empty: null },
      { id: 2, avg: null, zip: "10001", note: "x", empty: null },
    ];
    expect([...numericColumns(["id", "avg", "zip", "note", "empty"], rows)]).toEqual(["id", "avg"]);
    expect(isNumberCell(Number.NaN)).toBe(false);
  });
});
