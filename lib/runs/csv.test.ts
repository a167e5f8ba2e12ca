import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, csvFileName, csvRecord } from "./csv";

describe("CSV fields", () => {
  it("quotes commas, quotes, line breaks and edge spaces, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(" padded ")).toBe('" padded "');
    expect(csvField("-12.50")).toBe("-12.50");
  });

  it("keeps NULL and the empty string apart", () => {
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe('""');
    expect(csvRecord([null, "", "x"])).toBe(',"",x\r\n');
  });

  it("reads back as the same values in a standard CSV reader", () => {
    const values = ['a "quoted", comma', "line\r\nbreak", "  spaces  ", "ünïcødé ✓", "=1+1", ""];
    const [back] = parse(csvRecord(values), { relax_quotes: false });
    expect(back).toEqual(values);
  });

  it("names the file after the table, with nothing a header could be broken with", () => {
    expect(csvFileName("customer_totals")).toBe("customer_totals.csv");
    expect(csvFileName('evil"\r\nSet-Cookie: x')).toBe("evil_Set-Cookie_x.csv");
    expect(csvFileName("..")).toBe("result.csv");
  });
});
